/**
 * The raw-SQL floor of a request: the very statements the server issued,
 * replayed on a plain better-sqlite3 connection.
 *
 * The Prisma SQLite adapter prepares every query on better-sqlite3 and binds
 * its arguments with `Statement#bind` (once per query; the server's
 * connections keep their statements prepared and report each binding through
 * `statementTap`). {@link recordStatements} listens for the length of one call, so it sees the SQL text and the
 * arguments exactly as SQLite receives them (instants already turned into the
 * adapter's ISO strings, booleans into 1/0). {@link SqlFloor} prepares each
 * read statement once on its own connection and runs it in raw mode, as the
 * adapter does: what is left is SQLite's own work, the least any server could
 * spend on that request.
 */
import Database from 'better-sqlite3';
import { statementTap } from '../src/db/sqlite-adapter.js';

export interface CapturedStatement {
  sql: string;
  /** The arguments given to `bind`, as given (the adapter passes one array). */
  args: unknown[];
  /** Does the statement return rows? (Writes are not replayed.) */
  reader: boolean;
}

let recording: CapturedStatement[] | null = null;
let installed = false;

/** Wraps `Statement#bind` once for the whole process; it records only inside {@link recordStatements}. */
function install(): void {
  if (installed) return;
  installed = true;
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Database.Statement;
  probe.close();
  const bind = proto.bind;
  proto.bind = function (this: Database.Statement, ...args: unknown[]) {
    recording?.push({ sql: this.source, args, reader: this.reader });
    return bind.apply(this, args as never) as Database.Statement;
  };
  // The server's connections keep their prepared statements (sqlite-adapter.ts) and say what they bind.
  statementTap.listener = (statement) => recording?.push({ sql: statement.sql, args: [statement.args], reader: statement.reader });
}

/** Runs `fn` and returns what it returned with every statement bound meanwhile, in order. */
export async function recordStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: CapturedStatement[] }> {
  install();
  if (recording) throw new Error('recordStatements does not nest.');
  const statements: CapturedStatement[] = [];
  recording = statements;
  try {
    return { result: await fn(), statements };
  } finally {
    recording = null;
  }
}

/** Long `?, ?, ?…` lists (a group's member ids) shown as `?, … (n parameters)`, for printing. */
export function compactSql(sql: string): string {
  return sql.replace(/\?(?:,\s*\?){5,}/g, (list) => `?, … (${list.split('?').length - 1} parameters)`);
}

export interface PreparedFloor {
  /** The replayed read statements, in the request's order. */
  statements: CapturedStatement[];
  /** Runs them all once; returns each one's time in ms. */
  run(): number[];
}

/** A read-only connection on the bench database for replaying captured statements. */
export class SqlFloor {
  readonly #conn: Database.Database;

  constructor(path: string) {
    this.#conn = new Database(path, { readonly: true, fileMustExist: true });
  }

  prepare(captured: readonly CapturedStatement[]): PreparedFloor {
    const statements = captured.filter((s) => s.reader);
    const prepared = statements.map((s) => ({ statement: this.#conn.prepare(s.sql).raw(true), args: s.args }));
    return {
      statements,
      run() {
        return prepared.map(({ statement, args }) => {
          const started = performance.now();
          statement.all(...(args as never[]));
          return performance.now() - started;
        });
      },
    };
  }

  /** SQLite's `EXPLAIN QUERY PLAN` of a captured statement, one line per step, indented by depth. */
  explain(statement: CapturedStatement): string[] {
    const rows = this.#conn.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...(statement.args as never[])) as {
      id: number;
      parent: number;
      detail: string;
    }[];
    const depth = new Map<number, number>([[0, -1]]);
    return rows.map((row) => {
      const d = (depth.get(row.parent) ?? -1) + 1;
      depth.set(row.id, d);
      return `${'  '.repeat(d)}${row.detail}`;
    });
  }

  close(): void {
    this.#conn.close();
  }
}
