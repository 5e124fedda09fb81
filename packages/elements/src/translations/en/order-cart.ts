import type { orderCart as fr } from '../fr/order-cart.js';

/** <clr-order-cart> in English. */
export const orderCart: typeof fr = {
  label: '',
};
