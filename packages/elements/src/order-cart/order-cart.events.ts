import type { Order } from '@clr/domain';
import { ClrEvent } from '../shared/events.js';

/** « Valider le panier » succeeded: the order is created, pending (« En cours »). `detail` is the order. */
export class ClrOrderCreatedEvent extends ClrEvent<Order> {
  static readonly type = 'clr-order-created';
  constructor(order: Order) {
    super(ClrOrderCreatedEvent.type, order);
  }
}

/**
 * « Poursuivre ma commande → »: the payment centre's URL is known. Cancelable —
 * the element calls `window.location.assign(url)` unless the page prevents it
 * (to open the URL in a new tab, or in a test).
 */
export class ClrCheckoutEvent extends ClrEvent<{ order: Order; url: string }> {
  static readonly type = 'clr-checkout';
  constructor(detail: { order: Order; url: string }) {
    super(ClrCheckoutEvent.type, detail, { cancelable: true });
  }
}

/** « Retour » on the cart: the page closes the window the cart is shown in. */
export class ClrCartBackEvent extends ClrEvent<Record<string, never>> {
  static readonly type = 'clr-cart-back';
  constructor() {
    super(ClrCartBackEvent.type, {});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clr-order-created': ClrOrderCreatedEvent;
    'clr-checkout': ClrCheckoutEvent;
    'clr-cart-back': ClrCartBackEvent;
  }
}
