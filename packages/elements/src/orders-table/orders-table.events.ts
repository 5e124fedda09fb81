import type { Order, OrderList } from '@clr/domain';
import { ClrEvent } from '../shared/events.js';

/**
 * « Valider et régler une commande » (§4.4): the icon of a pending order was
 * pressed. The page opens the « Validation de commande » window for it
 * (`<clr-order-cart>`'s `showValidation(order)`), whose « Poursuivre ma
 * commande → » leads to the payment centre.
 */
export class ClrOrderPayEvent extends ClrEvent<{ order: Order }> {
  static readonly type = 'clr-order-pay';
  constructor(detail: { order: Order }) {
    super(ClrOrderPayEvent.type, detail);
  }
}

/** The table's first page arrived (after a change of search or filters, or « Actualiser »): `detail` holds its total and footer totals. */
export class ClrOrdersLoadedEvent extends ClrEvent<{ total: number; totals: OrderList['totals'] }> {
  static readonly type = 'clr-orders-loaded';
  constructor(detail: { total: number; totals: OrderList['totals'] }) {
    super(ClrOrdersLoadedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clr-order-pay': ClrOrderPayEvent;
    'clr-orders-loaded': ClrOrdersLoadedEvent;
  }
}
