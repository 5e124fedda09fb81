/**
 * Issue 18's targets table: every bench that measures one of its rows records
 * it here and prints the table at its end, in one format, so that
 * `npm run bench -w server` shows each row with PASS or MISS.
 *
 *   const targets = new Targets();
 *   targets.add({ measure: 'list at 50 connections, 100 k, SQLite', before: '137–325 req/s, p99 294–763 ms',
 *     target: '≥ 1,000 req/s, p99 ≤ 100 ms', figure: '1,210 req/s, p99 61 ms', pass: rps >= 1000 && p99 <= 100 });
 *   targets.print();
 */
import { table } from './stats.js';

export interface TargetRow {
  /** The measure, in the words. */
  measure: string;
  /** The figure before this work (the issue's « now » column). */
  before: string;
  target: string;
  /** What this run measured. */
  figure: string;
  pass: boolean;
}

export class Targets {
  readonly rows: TargetRow[] = [];

  add(row: TargetRow): void {
    this.rows.push(row);
  }

  print(title = 'Targets'): void {
    if (this.rows.length === 0) return;
    console.log(`\n${title}:`);
    console.log(
      table(
        ['measure', 'before', 'target', 'this run', 'verdict'],
        this.rows.map((row) => [row.measure, row.before, row.target, row.figure, row.pass ? 'PASS' : 'MISS']),
      ),
    );
  }
}
