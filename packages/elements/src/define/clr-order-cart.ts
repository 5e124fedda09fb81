import { ClrOrderCart } from '../order-cart/order-cart.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-order-cart', ClrOrderCart);

declare global {
  interface HTMLElementTagNameMap {
    'clr-order-cart': ClrOrderCart;
  }
}
