/** <clr-candidates-table> in French. */
export const candidatesTable = {
  label: '',
};
