import { AsyncResource } from 'node:async_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction, type Db } from '../../src/db/client.js';
import { registeredGate } from '../../src/db/registry.js';
import { closeAll, freshDb, testProvider } from '../support/db.js';

let db: Db;

beforeAll(async () => {
  ({ db } = await freshDb());
});
afterAll(() => closeAll());

/**
 * Runs `fn` as another request would: in the async context of this module, not
 * in the context of the transaction it is called from (a request inside the
 * transaction's own context would rightly run inside it). Prisma's promises are
 * lazy and start in the context that first awaits them, so it is awaited here.
 */
const asAnotherRequest: <T>(fn: () => PromiseLike<T>) => Promise<T> = AsyncResource.bind(
  <T>(fn: () => PromiseLike<T>): Promise<T> => (async () => await fn())(),
);

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Resolves once `work` has either finished (PostgreSQL: it runs on another
 * connection) or is queued behind the open transaction (SQLite: it waits at the
 * gate). No timer: the event loop is turned until one of them is true.
 */
async function untilSettledOrQueued(work: Promise<unknown>): Promise<void> {
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  const gate = registeredGate(db);
  while (!settled && !(gate && gate.waiting > 0)) await nextTurn();
}

class Abort extends Error {}

describe(`transactions on ${testProvider()}`, () => {
  it('an acknowledged write survives a concurrent transaction’s rollback', async () => {
    let acknowledged: Promise<{ id: string }> | undefined;
    const rolledBack = withTransaction(db, async (tx) => {
      await tx.space.create({ data: { name: 'Écrit puis annulé' } });
      // Another request writes while this transaction is open…
      acknowledged = asAnotherRequest(() => db.space.create({ data: { name: 'Accusé de réception' } }));
      await untilSettledOrQueued(acknowledged);
      // …then this transaction fails and rolls back.
      throw new Abort('rollback');
    });
    await expect(rolledBack).rejects.toBeInstanceOf(Abort);
    const written = await acknowledged!;
    expect(await db.space.findUnique({ where: { id: written.id } })).toMatchObject({ name: 'Accusé de réception' });
    expect(await db.space.count({ where: { name: 'Écrit puis annulé' } })).toBe(0);
  });

  it('an acknowledged write survives the rollback of a transaction opened with $transaction directly', async () => {
    let acknowledged: Promise<{ id: string }> | undefined;
    const rolledBack = db.$transaction(async (tx) => {
      await tx.space.create({ data: { name: 'Annulé (direct)' } });
      acknowledged = asAnotherRequest(() => db.space.create({ data: { name: 'Acquis (direct)' } }));
      await untilSettledOrQueued(acknowledged);
      throw new Abort('rollback');
    });
    await expect(rolledBack).rejects.toBeInstanceOf(Abort);
    const written = await acknowledged!;
    expect(await db.space.findUnique({ where: { id: written.id } })).not.toBeNull();
    expect(await db.space.count({ where: { name: 'Annulé (direct)' } })).toBe(0);
  });

  it('a request does not see another transaction’s uncommitted rows', async () => {
    let seen: Promise<number> | undefined;
    await expect(
      withTransaction(db, async (tx) => {
        await tx.space.create({ data: { name: 'Jamais visible' } });
        seen = asAnotherRequest(() => db.space.count({ where: { name: 'Jamais visible' } }));
        await untilSettledOrQueued(seen);
        throw new Abort('rollback');
      }),
    ).rejects.toBeInstanceOf(Abort);
    expect(await seen!).toBe(0);
  });

  it('a transaction commits all its writes or none', async () => {
    await expect(
      withTransaction(db, async (tx) => {
        await tx.space.create({ data: { name: 'Tout ou rien 1' } });
        await tx.space.create({ data: { name: 'Tout ou rien 2' } });
        throw new Abort('rollback');
      }),
    ).rejects.toBeInstanceOf(Abort);
    expect(await db.space.count({ where: { name: { startsWith: 'Tout ou rien' } } })).toBe(0);

    await withTransaction(db, async (tx) => {
      await tx.space.create({ data: { name: 'Tout ou rien 1' } });
      await tx.space.create({ data: { name: 'Tout ou rien 2' } });
    });
    expect(await db.space.count({ where: { name: { startsWith: 'Tout ou rien' } } })).toBe(2);
  });

  it('a nested withTransaction joins the running transaction and rolls back with it', async () => {
    await expect(
      withTransaction(db, async (tx) => {
        await tx.space.create({ data: { name: 'Externe' } });
        await withTransaction(db, async (inner) => {
          await inner.space.create({ data: { name: 'Interne' } });
        });
        expect(await tx.space.count({ where: { name: { in: ['Externe', 'Interne'] } } })).toBe(2);
        throw new Abort('rollback');
      }),
    ).rejects.toBeInstanceOf(Abort);
    expect(await db.space.count({ where: { name: { in: ['Externe', 'Interne'] } } })).toBe(0);
  });

  it('code inside a transaction that uses the outer client runs inside that transaction instead of waiting for it', async () => {
    await expect(
      withTransaction(db, async (tx) => {
        await tx.space.create({ data: { name: 'Dedans' } });
        expect(await db.space.count({ where: { name: 'Dedans' } })).toBe(testProvider() === 'sqlite' ? 1 : 0);
        throw new Abort('rollback');
      }),
    ).rejects.toBeInstanceOf(Abort);
    expect(await db.space.count({ where: { name: 'Dedans' } })).toBe(0);
  });

  it('many concurrent transactions and plain writes all land, none twice', async () => {
    const before = await db.space.count();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0
          ? db.space.create({ data: { name: `Simple ${i}` } })
          : withTransaction(db, async (tx) => {
              const s = await tx.space.create({ data: { name: `Transaction ${i}` } });
              await tx.space.update({ where: { id: s.id }, data: { vatRateBp: 550 } });
            }),
      ),
    );
    expect(await db.space.count()).toBe(before + 30);
    expect(await db.space.count({ where: { name: { startsWith: 'Transaction ' }, vatRateBp: 550 } })).toBe(20);
  });
});
