// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrOrderCart } from '../order-cart/order-cart.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-order-cart', ClrOrderCart);

declare global {
  interface HTMLElementTagNameMap {
    'clr-order-cart': ClrOrderCart;
  }
}
