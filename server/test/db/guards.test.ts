import { DomainError } from '@clr/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction, type Db } from '../../src/db/client.js';
import { consumeCredit, consumeFromStock, releaseSeat, returnCredit, takeSeat } from '../../src/db/guards.js';
import { closeAll, freshDb, testProvider } from '../support/db.js';

let db: Db;
let spaceId: string;
const NOW = new Date('2026-03-10T09:00:00.000Z');
const DAY = 86_400_000;

beforeAll(async () => {
  ({ db } = await freshDb());
  spaceId = (await db.space.create({ data: { name: 'Démo' } })).id;
});
afterAll(() => closeAll());

let orderCount = 0;
/** A delivered lot of `examTypeId` expiring `days` after NOW (negative: already expired). */
async function lot(examTypeId: string, quantity: number, remaining: number, days: number): Promise<string> {
  orderCount += 1;
  const order = await db.order.create({
    data: {
      spaceId,
      number: `G${orderCount}`,
      status: 'delivered',
      vatRateBp: 2000,
      totalHt: 0,
      totalVat: 0,
      totalTtc: 0,
      lines: { create: { position: 1, productId: 'p', examTypeId, quantity, unitPriceHt: 0, ht: 0, ttc: 0 } },
    },
    include: { lines: true },
  });
  const created = await db.creditLot.create({
    data: { spaceId, orderId: order.id, orderLineId: order.lines[0]!.id, examTypeId, quantity, remaining, expiresAt: new Date(NOW.getTime() + days * DAY) },
  });
  return created.id;
}

const remaining = async (id: string) => (await db.creditLot.findUniqueOrThrow({ where: { id } })).remaining;

async function session(seats: number, seatsTaken: number): Promise<string> {
  const s = await db.examSession.create({
    data: { city: 'LYON', postcode: '69002', centreName: 'Centre La Poste - Lyon', address: '10, place Antonin Poncet', startsAt: new Date('2026-04-14T07:00:00.000Z'), seats, seatsTaken },
  });
  return s.id;
}
const seatsTaken = async (id: string) => (await db.examSession.findUniqueOrThrow({ where: { id } })).seatsTaken;

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe(`guarded writes on ${testProvider()}`, () => {
  it('R9 takes one credit from a lot that has some left', async () => {
    const id = await lot('blank-remote', 10, 2, 30);
    await withTransaction(db, (tx) => consumeCredit(tx, id, NOW));
    expect(await remaining(id)).toBe(1);
  });

  it('R9 refuses to take a credit from an empty lot: out_of_stock in French, nothing changes', async () => {
    const id = await lot('blank-remote', 10, 0, 30);
    const error = await refusal(withTransaction(db, (tx) => consumeCredit(tx, id, NOW)));
    expect(error.code).toBe('out_of_stock');
    expect(error.message).toBe('Plus aucune certification « Examen blanc - à distance » en stock : passez une commande pour en obtenir.');
    expect(error.details).toMatchObject({ needed: 1, available: 0 });
    expect(await remaining(id)).toBe(0);
  });

  it('R4 never consumes a credit of an expired lot', async () => {
    const id = await lot('blank-remote', 10, 5, -1);
    const error = await refusal(withTransaction(db, (tx) => consumeCredit(tx, id, NOW)));
    expect(error.code).toBe('out_of_stock');
    expect(await remaining(id)).toBe(5);
  });

  it('R9 takes several credits at once only if the lot holds them all', async () => {
    const id = await lot('blank-onsite', 10, 3, 30);
    const error = await refusal(withTransaction(db, (tx) => consumeCredit(tx, id, NOW, 4)));
    expect(error.details).toMatchObject({ needed: 4, available: 3 });
    await withTransaction(db, (tx) => consumeCredit(tx, id, NOW, 3));
    expect(await remaining(id)).toBe(0);
  });

  it('R7 returns a credit to its lot', async () => {
    const id = await lot('blank-remote', 10, 4, 30);
    expect(await withTransaction(db, (tx) => returnCredit(tx, id, NOW))).toBe(true);
    expect(await remaining(id)).toBe(5);
  });

  it('R6 a credit returned to an expired lot is lost', async () => {
    const id = await lot('blank-remote', 10, 4, -1);
    expect(await withTransaction(db, (tx) => returnCredit(tx, id, NOW))).toBe(false);
    expect(await remaining(id)).toBe(4);
  });

  it('R9 never returns a credit above the lot’s quantity', async () => {
    const id = await lot('blank-remote', 3, 3, 30);
    expect(await withTransaction(db, (tx) => returnCredit(tx, id, NOW))).toBe(false);
    expect(await remaining(id)).toBe(3);
  });

  it('R4 takes from the lot that expires soonest first, and moves on when it is empty', async () => {
    const later = await lot('demo-manual', 10, 5, 200);
    const sooner = await lot('demo-manual', 10, 2, 20);
    const expired = await lot('demo-manual', 10, 9, -3);
    const takes = await withTransaction(db, (tx) => consumeFromStock(tx, { spaceId, examTypeId: 'demo-manual', count: 3, now: NOW }));
    expect(takes).toEqual([
      { lotId: sooner, count: 2 },
      { lotId: later, count: 1 },
    ]);
    expect([await remaining(sooner), await remaining(later), await remaining(expired)]).toEqual([0, 4, 9]);
  });

  it('R8 refuses a bulk take larger than the stock, saying how many are needed and available, and takes nothing', async () => {
    const a = await lot('demo-onsite', 10, 2, 20);
    const b = await lot('demo-onsite', 10, 1, 40);
    const error = await refusal(withTransaction(db, (tx) => consumeFromStock(tx, { spaceId, examTypeId: 'demo-onsite', count: 5, now: NOW })));
    expect(error.code).toBe('out_of_stock');
    expect(error.details).toMatchObject({ needed: 5, available: 3 });
    expect(error.message).toBe('5 certifications nécessaires, 3 disponibles (« Examen démo - sur site »).');
    expect([await remaining(a), await remaining(b)]).toEqual([2, 1]);
  });

  it('R9 a take that loses its lot to another request reads the stock again instead of failing', async () => {
    const first = await lot('official-onsite', 10, 1, 10);
    const second = await lot('official-onsite', 10, 1, 50);
    const takes = await withTransaction(db, async (tx) => {
      // Another request empties the soonest lot between this request's read and its write.
      const original = tx.creditLot.findMany.bind(tx.creditLot);
      let raced = false;
      const spied = new Proxy(tx, {
        get(target, property) {
          if (property !== 'creditLot') return Reflect.get(target, property);
          return new Proxy(target.creditLot, {
            get(lots, p) {
              if (p !== 'findMany') return Reflect.get(lots, p);
              return async (args: Parameters<typeof original>[0]) => {
                const rows = await original(args);
                if (!raced) {
                  raced = true;
                  await target.creditLot.update({ where: { id: first }, data: { remaining: 0 } });
                }
                return rows;
              };
            },
          });
        },
      });
      return consumeFromStock(spied, { spaceId, examTypeId: 'official-onsite', now: NOW });
    });
    expect(takes).toEqual([{ lotId: second, count: 1 }]);
    expect([await remaining(first), await remaining(second)]).toEqual([0, 0]);
  });

  it('R5 takes a seat in a La Poste session with a free seat', async () => {
    const id = await session(2, 1);
    await withTransaction(db, (tx) => takeSeat(tx, id));
    expect(await seatsTaken(id)).toBe(2);
  });

  it('R5 refuses a seat in a full session: conflict in French, nothing changes', async () => {
    const id = await session(2, 2);
    const error = await refusal(withTransaction(db, (tx) => takeSeat(tx, id)));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Plus aucune place dans la session du 14/04/2026 à LYON : choisissez une autre session.');
    expect(await seatsTaken(id)).toBe(2);
  });

  it('R5 refuses a seat in a session that does not exist: not_found', async () => {
    const error = await refusal(withTransaction(db, (tx) => takeSeat(tx, 'nope')));
    expect(error.code).toBe('not_found');
  });

  it('R7 releases a seat, never below zero', async () => {
    const id = await session(2, 1);
    expect(await withTransaction(db, (tx) => releaseSeat(tx, id))).toBe(true);
    expect(await withTransaction(db, (tx) => releaseSeat(tx, id))).toBe(false);
    expect(await seatsTaken(id)).toBe(0);
  });
});
