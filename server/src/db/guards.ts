/**
 * Guarded writes for R9: stock, lots and La Poste seats change only through
 * these conditional statements. Each checks its condition in the UPDATE itself
 * (`… WHERE remaining > 0`) and verifies that exactly one row changed, so no
 * sequence of concurrent requests — in one process or several, on SQLite or
 * PostgreSQL — can drive a count below zero, above its quantity, or consume a
 * credit twice. Read-then-write is never used for a count.
 *
 * Call them inside `withTransaction`, with the transaction client.
 */
import { DomainError, examTypeLabel, formatDate, pickLots, type CreditLot, type LotTake } from '@clr/domain';
import type { Tx } from './client.js';

function noCreditLeft(examTypeId: string | null, needed: number, available: number): DomainError {
  const label = examTypeId ? ` « ${examTypeLabel(examTypeId)} »` : '';
  const message =
    needed === 1
      ? `Plus aucune certification${label} en stock : passez une commande pour en obtenir.`
      : `${needed} certifications nécessaires, ${available} disponible${available > 1 ? 's' : ''}${label ? ` (${label.trim()})` : ''}.`;
  return new DomainError('out_of_stock', message, { needed, available, ...(examTypeId ? { examType: examTypeId } : {}) });
}

/**
 * Takes `count` credits (default 1) from one lot: only if the lot has that many
 * left and has not expired at `now`. Throws `out_of_stock` otherwise (another
 * request took them first, or the lot expired).
 */
export async function consumeCredit(tx: Tx, lotId: string, now: Date = new Date(), count = 1): Promise<void> {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`consumeCredit: count must be a positive whole number, got ${count}`);
  const { count: changed } = await tx.creditLot.updateMany({
    where: { id: lotId, remaining: { gte: count }, expiresAt: { gt: now } },
    data: { remaining: { decrement: count } },
  });
  if (changed === 1) return;
  const lot = await tx.creditLot.findUnique({ where: { id: lotId }, select: { examTypeId: true, remaining: true, expiresAt: true } });
  const available = lot && lot.expiresAt > now ? lot.remaining : 0;
  throw noCreditLeft(lot?.examTypeId ?? null, count, available);
}

/**
 * Gives one credit back to its lot (R6, R7): only if the lot has not expired at
 * `now` — a credit returned to an expired lot is lost — and never above the
 * lot's quantity. Returns whether the credit went back.
 */
export async function returnCredit(tx: Tx, lotId: string, now: Date = new Date()): Promise<boolean> {
  const { count } = await tx.creditLot.updateMany({
    where: { id: lotId, expiresAt: { gt: now }, remaining: { lt: tx.creditLot.fields.quantity } },
    data: { remaining: { increment: 1 } },
  });
  return count === 1;
}

export interface StockRequest {
  spaceId: string;
  examTypeId: string;
  /** Credits needed (default 1). */
  count?: number;
  now?: Date;
}

/**
 * R4 + R9 in one call: takes `count` credits of a type from the space's stock,
 * soonest-expiring lot first (the domain's `pickLots`), each take guarded by
 * {@link consumeCredit}. If another request emptied a lot between the read and
 * the write, the stock is read again and the rest is picked anew, so a request
 * only fails when the stock really is short. All or nothing within the caller's
 * transaction: on `out_of_stock` (`needed`, `available`) the caller's
 * transaction rolls back what was taken. Returns the takes, in order.
 */
export async function consumeFromStock(tx: Tx, request: StockRequest): Promise<LotTake[]> {
  const now = request.now ?? new Date();
  const needed = request.count ?? 1;
  const taken: LotTake[] = [];
  let got = 0;
  // Each round either finishes or sees a lot emptied by someone else; the
  // bound only guards against a pathological stream of concurrent takers.
  for (let round = 0; round < 50 && got < needed; round += 1) {
    const lots = await loadConsumableLots(tx, request.spaceId, request.examTypeId, now);
    let takes: LotTake[];
    try {
      takes = pickLots(lots, request.examTypeId, needed - got, now);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'out_of_stock') {
        throw noCreditLeft(request.examTypeId, needed, got + Number(error.details.available ?? 0));
      }
      throw error;
    }
    for (const take of takes) {
      const { count } = await tx.creditLot.updateMany({
        where: { id: take.lotId, remaining: { gte: take.count }, expiresAt: { gt: now } },
        data: { remaining: { decrement: take.count } },
      });
      if (count !== 1) break; // emptied meanwhile: read the stock again
      taken.push(take);
      got += take.count;
    }
  }
  if (got < needed) throw noCreditLeft(request.examTypeId, needed, got);
  return taken;
}

/** The space's lots of a type that can still be consumed at `now`, as the domain sees them. */
export async function loadConsumableLots(tx: Tx, spaceId: string, examTypeId: string, now: Date): Promise<CreditLot[]> {
  const rows = await tx.creditLot.findMany({
    where: { spaceId, examTypeId, remaining: { gt: 0 }, expiresAt: { gt: now } },
    orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((lot) => ({
    id: lot.id,
    orderId: lot.orderId,
    orderLineId: lot.orderLineId,
    examType: lot.examTypeId,
    quantity: lot.quantity,
    remaining: lot.remaining,
    expiresAt: lot.expiresAt.toISOString(),
  }));
}

/**
 * Takes a seat in a La Poste session (R5): only while `seatsTaken < seats`.
 * Throws `conflict` when the session is full, `not_found` when it does not exist.
 */
export async function takeSeat(tx: Tx, sessionId: string): Promise<void> {
  const { count } = await tx.examSession.updateMany({
    where: { id: sessionId, seatsTaken: { lt: tx.examSession.fields.seats } },
    data: { seatsTaken: { increment: 1 } },
  });
  if (count === 1) return;
  const session = await tx.examSession.findUnique({ where: { id: sessionId }, select: { city: true, startsAt: true, seats: true, seatsTaken: true } });
  if (!session) throw new DomainError('not_found', "Cette session d'examen n'existe pas.");
  throw new DomainError('conflict', `Plus aucune place dans la session du ${formatDate(session.startsAt)} à ${session.city} : choisissez une autre session.`, {
    sessionId,
    needed: 1,
    available: Math.max(0, session.seats - session.seatsTaken),
  });
}

/** Gives a seat back (R6, R7): never below zero. Returns whether a seat was released. */
export async function releaseSeat(tx: Tx, sessionId: string): Promise<boolean> {
  const { count } = await tx.examSession.updateMany({
    where: { id: sessionId, seatsTaken: { gt: 0 } },
    data: { seatsTaken: { decrement: 1 } },
  });
  return count === 1;
}
