/**
 * Paging and selection bounds of the API, in a module of their own (no zod):
 * the elements import them to stay within what the server accepts without
 * pulling the request schemas into their bundles.
 */

/** The most candidates one bulk request may name (`candidateIds`). */
export const SELECTION_MAX = 1000;
/** The largest page a list returns (`limit`). */
export const LIMIT_MAX = 200;
/** The page size when `limit` is not given. */
export const LIMIT_DEFAULT = 50;
