/**
 * Whether a period typed in a table's filters is backwards (« au » before «
 * du »): the table refuses it beside the « au » field and keeps its last
 * result, instead of sending a query the server would refuse (the domain's
 * `orderedPeriod`). Dates are `YYYY-MM-DD`, so they compare as text.
 */
export function isReversedPeriod(from: string | undefined, to: string | undefined): boolean {
  return Boolean(from && to && to < from);
}
