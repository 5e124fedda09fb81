import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { CSV_CONTENT_TYPE, csvStream, exportFileName, type CsvColumn } from '@clr/documents';
import type { AppEnv } from './env.js';

/** The OpenAPI content of a CSV download. */
export const CsvContent = { 'text/csv': { schema: z.string().openapi({ description: 'CSV UTF-8 (BOM), séparateur « ; »' }) } } as const;

/**
 * Reads the first row before anything is sent, so that a query the database
 * refuses, or any fault of the first page, answers as problem+json (through
 * `app.onError`) and never as a 200 download cut short or a `text/plain`
 * driver message. The rows then go on as they come.
 */
async function primed<Row>(rows: Iterable<Row> | AsyncIterable<Row>): Promise<AsyncIterable<Row>> {
  const iterator = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : (rows as Iterable<Row>)[Symbol.iterator]();
  const first = await iterator.next();
  return {
    [Symbol.asyncIterator]() {
      let head: IteratorResult<Row> | undefined = first;
      return {
        async next() {
          if (head) {
            const result = head;
            head = undefined;
            return result;
          }
          return iterator.next();
        },
        async return(value?: unknown) {
          await iterator.return?.(value as never);
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/**
 * Answers an export (R20): the documents package's CSV (BOM, `;`, French
 * headers, dd/mm/yyyy, neutralised cells) streamed as the rows are read, as an
 * `attachment` named `<base>-<Paris day>.csv` (ASCII only, so the header is
 * safe whatever the base, a group's name included), never cached. The first
 * row is read before the answer starts: an export that fails, fails with
 * problem+json before its first byte.
 */
export async function csvDownload<Row>(
  c: Context<AppEnv>,
  base: string,
  columns: readonly CsvColumn<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
): Promise<Response> {
  const name = exportFileName(base, c.get('deps').now());
  const body = csvStream(columns, await primed(rows));
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': CSV_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
