/**
 * `@clr/documents` (papaparse, jsPDF) is loaded on the first export or PDF,
 * not with the handlers: most mock sessions never download a file, and jsPDF
 * alone weighs more than the rest of the mocks.
 */
let loading: Promise<typeof import('@clr/documents')> | undefined;

export function documents(): Promise<typeof import('@clr/documents')> {
  loading ??= import('@clr/documents');
  return loading;
}
