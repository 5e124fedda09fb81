/** <clr-order-cart> in French. */
export const orderCart = {
  label: '',
};
