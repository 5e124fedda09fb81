/**
 * Reads beside a write: a long write transaction in one space must not hold
 * another space's pages (on SQLite, the reads made outside a transaction run
 * on a reader connection, and a write transaction gives the event loop a turn
 * every few milliseconds; on PostgreSQL the pool does it). The transaction is
 * still one transaction: all of it or nothing, and nobody sees half of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction, type Db } from '../../src/db/client.js';
import { closeAll, freshDb, testProvider } from '../support/db.js';

let db: Db;

beforeAll(async () => {
  db = (await freshDb()).db;
});
afterAll(() => closeAll());

/** The next turn of the event loop: where a request from another connection gets its chance (as the server's requestContext gives it). */
const nextRequest = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A promise and the function that settles it. */
function signal(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe(`reads beside a write transaction on ${testProvider()}`, () => {
  it('a read made while another request’s transaction is open answers at once, with the last committed state', async () => {
    const before = await db.space.count({ where: { name: 'Pendant' } });
    const written = signal();
    const release = signal();
    const transaction = withTransaction(db, async (tx) => {
      await tx.space.create({ data: { name: 'Pendant' } });
      written.open();
      await release.promise;
    });
    await written.promise;
    // The transaction holds the writer; this read neither waits for it nor sees its row.
    expect(await db.space.count({ where: { name: 'Pendant' } })).toBe(before);
    release.open();
    await transaction;
    expect(await db.space.count({ where: { name: 'Pendant' } })).toBe(before + 1);
  });

  it('a long write transaction lets other reads be answered before it ends, and none sees half of it', async () => {
    const rows = 400;
    const seen: number[] = [];
    let ended = false;
    let answeredDuring = 0;
    const transaction = withTransaction(db, async (tx) => {
      for (let i = 0; i < rows; i += 1) await tx.space.create({ data: { name: 'Lot long' } });
    }).then(() => {
      ended = true;
    });
    // Another space's reader asks again and again while the transaction runs.
    while (!ended) {
      await nextRequest();
      const n = await db.space.count({ where: { name: 'Lot long' } });
      if (!ended) {
        answeredDuring += 1;
        seen.push(n);
      }
    }
    await transaction;
    expect(answeredDuring).toBeGreaterThan(1);
    expect(seen.every((n) => n === 0)).toBe(true);
    expect(await db.space.count({ where: { name: 'Lot long' } })).toBe(rows);
  });

  it('a long write transaction that fails leaves nothing behind, though reads ran meanwhile', async () => {
    let reads = 0;
    let ended = false;
    const transaction = withTransaction(db, async (tx) => {
      for (let i = 0; i < 300; i += 1) await tx.space.create({ data: { name: 'Lot annulé' } });
      throw new Error('refusé après 300 lignes');
    }).finally(() => {
      ended = true;
    });
    transaction.catch(() => undefined);
    while (!ended) {
      await nextRequest();
      expect(await db.space.count({ where: { name: 'Lot annulé' } })).toBe(0);
      reads += 1;
    }
    await expect(transaction).rejects.toThrow('refusé après 300 lignes');
    expect(reads).toBeGreaterThan(1);
    expect(await db.space.count({ where: { name: 'Lot annulé' } })).toBe(0);
  });

  it('inside a transaction, the client itself reads what the transaction wrote (it joins the writer, not the reader)', async () => {
    if (testProvider() !== 'sqlite') return;
    await withTransaction(db, async (tx) => {
      await tx.space.create({ data: { name: 'Vu de l’intérieur' } });
      expect(await db.space.count({ where: { name: 'Vu de l’intérieur' } })).toBe(1);
    });
  });
});
