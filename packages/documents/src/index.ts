/**
 * @clr/documents — CSV exports (R20) and the three PDF documents (§6.10–6.12,
 * R18) of CLR Admin. Isomorphic: Node 20 ESM and the browser.
 */
export * from './csv/writer.js';
export { formatCents, formatNumberCell, cachedDateFormatter } from './csv/cells.js';
export * from './exports/orders.js';
export * from './exports/groups.js';
export * from './exports/candidates.js';
export * from './exports/activation-codes.js';
export * from './exports/file-name.js';
export * from './pdf/types.js';
export { buildDocument, buildMergedDocument, PDF_CONTENT_TYPE } from './pdf/documents.js';
export { toWinAnsi } from './pdf/winansi.js';
