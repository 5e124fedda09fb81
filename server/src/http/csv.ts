import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { CSV_CONTENT_TYPE, csvStream, exportFileName, type CsvColumn } from '@clr/documents';
import type { AppEnv } from './env.js';

/** The OpenAPI content of a CSV download. */
export const CsvContent = { 'text/csv': { schema: z.string().openapi({ description: 'CSV UTF-8 (BOM), séparateur « ; »' }) } } as const;

/**
 * Answers an export (R20): the documents package's CSV (BOM, `;`, French
 * headers, dd/mm/yyyy, neutralised cells) streamed as the rows are read, as an
 * `attachment` named `<base>-<Paris day>.csv` (ASCII only, so the header is
 * safe whatever the base, a group's name included), never cached.
 */
export function csvDownload<Row>(
  c: Context<AppEnv>,
  base: string,
  columns: readonly CsvColumn<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
): Response {
  const name = exportFileName(base, c.get('deps').now());
  return new Response(csvStream(columns, rows), {
    status: 200,
    headers: {
      'Content-Type': CSV_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
