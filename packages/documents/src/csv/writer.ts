import Papa from 'papaparse';
import { neutraliseCell, type DateInput, type Locale } from '@clr/domain';
import { cachedDateFormatter, formatNumberCell } from './cells.js';

/**
 * R20 — the CSV every table of the manual exports: UTF-8 with a byte order mark
 * (so Excel opens accents right), `;` separator, CRLF line ends, French headers,
 * dates `dd/mm/yyyy` (Europe/Paris) and every text cell neutralised against
 * formula injection. Quoting follows papaparse's rules; the neutralisation is
 * the domain's (papaparse's own `escapeFormulae` would also prefix `-12,5`).
 */
export const BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_NEWLINE = '\r\n';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** A header in both catalogues: the manual's French and English. */
export interface LocalisedText {
  fr: string;
  en: string;
}

/** What a column's `value` may use besides the row. */
export interface CsvContext {
  locale: Locale;
  /** The domain's `formatDate` (dd/mm/yyyy, Europe/Paris), cached for the export. */
  formatDate: (value: DateInput | null | undefined) => string;
}

export type CsvValue = string | number | null | undefined;

/** One column of an export: its key, its header in both languages, how to read a row. */
export interface CsvColumn<Row> {
  key: string;
  header: LocalisedText;
  value: (row: Row, context: CsvContext) => CsvValue;
}

export interface CsvOptions {
  /** Language of the headers and of the labels in the cells; French by default. */
  locale?: Locale;
  /** Rows serialised per chunk by {@link csvChunks}; 1,000 by default. */
  batchSize?: number;
}

const PAPA_CONFIG = { delimiter: CSV_SEPARATOR, newline: CSV_NEWLINE, quotes: false, escapeFormulae: false } as const;
const DEFAULT_BATCH = 1000;

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumberCell(value);
  return neutraliseCell(value);
}

/** Serialises one batch of rows, each line ended by CRLF; '' for no rows. */
function encodeRows<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[], context: CsvContext): string {
  if (rows.length === 0) return '';
  const width = columns.length;
  const cells: string[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Row;
    const line: string[] = new Array(width);
    for (let c = 0; c < width; c++) line[c] = cell((columns[c] as CsvColumn<Row>).value(row, context));
    cells[r] = line;
  }
  return Papa.unparse(cells, PAPA_CONFIG) + CSV_NEWLINE;
}

function headerLine<Row>(columns: readonly CsvColumn<Row>[], locale: Locale): string {
  return BOM + Papa.unparse([columns.map((column) => neutraliseCell(column.header[locale]))], PAPA_CONFIG) + CSV_NEWLINE;
}

function contextFor(options: CsvOptions): CsvContext {
  return { locale: options.locale ?? 'fr', formatDate: cachedDateFormatter() };
}

function batchSizeOf(options: CsvOptions): number {
  const size = options.batchSize ?? DEFAULT_BATCH;
  return Number.isInteger(size) && size > 0 ? size : DEFAULT_BATCH;
}

/** The whole CSV as one string: BOM, header line, one CRLF-ended line per row. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>, options: CsvOptions = {}): string {
  const context = contextFor(options);
  const size = batchSizeOf(options);
  const parts = [headerLine(columns, context.locale)];
  let batch: Row[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      parts.push(encodeRows(columns, batch, context));
      batch = [];
    }
  }
  parts.push(encodeRows(columns, batch, context));
  return parts.join('');
}

function isAsyncIterable<T>(value: Iterable<T> | AsyncIterable<T>): value is AsyncIterable<T> {
  return typeof (value as AsyncIterable<T>)[Symbol.asyncIterator] === 'function';
}

/**
 * The same CSV as {@link toCsv}, produced lazily: first the BOM and the header
 * line, then one string per batch of rows. Rows are read only as chunks are
 * asked for, so a server can stream 100,000 rows without holding them.
 */
export async function* csvChunks<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
  options: CsvOptions = {},
): AsyncGenerator<string, void, undefined> {
  const context = contextFor(options);
  const size = batchSizeOf(options);
  yield headerLine(columns, context.locale);
  let batch: Row[] = [];
  if (isAsyncIterable(rows)) {
    for await (const row of rows) {
      batch.push(row);
      if (batch.length === size) {
        yield encodeRows(columns, batch, context);
        batch = [];
      }
    }
  } else {
    for (const row of rows) {
      batch.push(row);
      if (batch.length === size) {
        yield encodeRows(columns, batch, context);
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield encodeRows(columns, batch, context);
}

/**
 * {@link csvChunks} as a web `ReadableStream` of UTF-8 bytes (Node 20 and
 * browsers), pulled chunk by chunk: a `Response` body for the server.
 */
export function csvStream<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
  options: CsvOptions = {},
): ReadableStream<Uint8Array> {
  const chunks = csvChunks(columns, rows, options);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
