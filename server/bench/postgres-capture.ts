/**
 * The raw-SQL floor of a request on PostgreSQL, as sql-capture.ts gives it on
 * SQLite: the statements the server issued, replayed on a plain `pg` client.
 *
 * The Prisma PostgreSQL adapter sends every statement with
 * `pg.Client#query({ text, values, rowMode: 'array' })`. {@link recordPgStatements}
 * wraps that method for the length of one call and keeps the text and the
 * values as the adapter mapped them; {@link PgFloor} replays the reads (SELECT
 * and WITH) on its own connection, in the same form, and explains them with
 * `EXPLAIN (ANALYZE, BUFFERS)`.
 */
import pg from 'pg';

export interface PgStatement {
  sql: string;
  args: unknown[];
}

let recording: PgStatement[] | null = null;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = proto.query;
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0];
    if (recording && config && typeof config === 'object' && 'text' in config) {
      const { text, values } = config as { text: string; values?: unknown[] };
      recording.push({ sql: text, args: values ?? [] });
    }
    return query.apply(this, args);
  };
}

/** Runs `fn` and returns what it returned with every statement the adapter sent meanwhile, in order. */
export async function recordPgStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: PgStatement[] }> {
  install();
  if (recording) throw new Error('recordPgStatements does not nest.');
  const statements: PgStatement[] = [];
  recording = statements;
  try {
    return { result: await fn(), statements };
  } finally {
    recording = null;
  }
}

const isRead = (sql: string) => /^\s*(select|with)\b/i.test(sql);

export interface PreparedPgFloor {
  statements: PgStatement[];
  /** Runs them all once, in order; returns each one's time in ms. */
  run(): Promise<number[]>;
}

/** A plain connection to the bench database for replaying captured reads. */
export class PgFloor {
  readonly #client: pg.Client;

  private constructor(client: pg.Client) {
    this.#client = client;
  }

  static async open(url: string): Promise<PgFloor> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new PgFloor(client);
  }

  prepare(captured: readonly PgStatement[]): PreparedPgFloor {
    const statements = captured.filter((s) => isRead(s.sql));
    const client = this.#client;
    return {
      statements,
      async run() {
        const times: number[] = [];
        for (const s of statements) {
          const started = performance.now();
          await client.query({ text: s.sql, values: s.args, rowMode: 'array' });
          times.push(performance.now() - started);
        }
        return times;
      },
    };
  }

  /** `EXPLAIN (ANALYZE, BUFFERS)` of a captured read, one line per plan line. */
  async explain(statement: PgStatement): Promise<string[]> {
    const result = await this.#client.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, values: statement.args });
    return result.rows.map((row) => row['QUERY PLAN']);
  }

  async query<R extends object>(sql: string, args: unknown[] = []): Promise<R[]> {
    return (await this.#client.query<R>(sql, args)).rows;
  }

  async close(): Promise<void> {
    await this.#client.end();
  }
}
