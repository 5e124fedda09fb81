/** <clr-codes-dialog> in French. */
export const codesDialog = {
  label: '',
};
