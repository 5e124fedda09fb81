/**
 * A second (or third) server process for the contention tests, run with tsx:
 *
 *   node --import tsx contention-worker.ts <databaseUrl> <credit|seat> <spaceId> <targetId> <candidateId,…>
 *
 * It opens its own client on the database, prints `ready`, waits for `go` on
 * stdin (so that every process starts at the same moment), runs one operation
 * per candidate, all at once, and prints the counts as one JSON line.
 */
import { createInterface } from 'node:readline';
import { createDb } from '../../src/db/client.js';
import { assignExam, bookSeat, contend } from './fixtures.js';

const [url, mode, spaceId, targetId, candidateList] = process.argv.slice(2);
if (!url || (mode !== 'credit' && mode !== 'seat') || !spaceId || !targetId || candidateList === undefined) {
  console.error('usage: contention-worker <databaseUrl> <credit|seat> <spaceId> <targetId> <candidateIds>');
  process.exit(2);
}
const candidateIds = candidateList.split(',').filter(Boolean);

const { db, close } = await createDb(url);
// Warm the client (connection, query plans) so that the race is about the writes.
await db.creditLot.findMany({ where: { spaceId }, take: 1 });
await db.examSession.findMany({ take: 1 });

const lines = createInterface({ input: process.stdin });
console.log('ready');
for await (const line of lines) {
  if (line.trim() === 'go') break;
}
lines.close();

const result =
  mode === 'credit'
    ? await contend(candidateIds.map((id) => () => assignExam(db, spaceId, id)), 'out_of_stock')
    : await contend(candidateIds.map((id) => () => bookSeat(db, targetId, id)), 'conflict');
console.log(JSON.stringify(result));
await close();
