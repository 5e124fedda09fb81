/**
 * A downloaded document (CSV export, merged PDF): the bytes as a `Blob`, the
 * file name the server proposes and its media type. In Node, write it with
 * `await writeFile(file.filename ?? 'export.csv', await file.bytes())` or pipe
 * `Readable.fromWeb(file.stream())`.
 */
export class ClrFile {
  readonly blob: Blob;
  /** From `Content-Disposition` (`attachment; filename*=UTF-8''candidats.csv`), else null. */
  readonly filename: string | null;
  /** `text/csv; charset=utf-8`, `application/pdf`, … */
  readonly contentType: string;

  constructor(blob: Blob, filename: string | null, contentType: string) {
    this.blob = blob;
    this.filename = filename;
    this.contentType = contentType;
  }

  get size(): number {
    return this.blob.size;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.blob.arrayBuffer();
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.blob.arrayBuffer());
  }

  /**
   * The text, decoded as UTF-8. A CSV export starts with a byte order mark
   * (R20, for Excel): `text()` keeps it, as the file has it.
   */
  async text(): Promise<string> {
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await this.blob.arrayBuffer());
  }

  /** A web `ReadableStream` of the bytes (Node: `Readable.fromWeb(file.stream())`). */
  stream(): ReadableStream<Uint8Array> {
    return this.blob.stream() as ReadableStream<Uint8Array>;
  }
}

/** `attachment; filename="a.csv"; filename*=UTF-8''candidats%20%C3%A9t%C3%A9.csv` → the best name given. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star?.[2]) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall back to the plain parameter
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = plain?.[2] ?? plain?.[1]?.trim();
  return name ? name : null;
}
