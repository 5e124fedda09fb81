import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { CSV_CONTENT_TYPE, exportFileName, toCsv, type CsvColumn } from '@clr/documents';
import type { AppEnv } from './env.js';

/** The OpenAPI content of a CSV download. */
export const CsvContent = { 'text/csv': { schema: z.string().openapi({ description: 'CSV UTF-8 (BOM), séparateur « ; »' }) } } as const;

/**
 * Answers an export (R20): the documents package's CSV (BOM, `;`, French
 * headers, dd/mm/yyyy, neutralised cells) as a download named
 * `<base>-<Paris day>.csv`.
 */
export function csvResponse<Row>(c: Context<AppEnv>, base: string, columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): Response {
  const name = exportFileName(base, c.get('deps').now());
  return c.body(toCsv(columns, rows), 200, {
    'Content-Type': CSV_CONTENT_TYPE,
    'Content-Disposition': `attachment; filename="${name}"`,
  }) as unknown as Response;
}
