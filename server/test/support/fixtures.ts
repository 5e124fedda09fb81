/**
 * Minimal records for the data-layer tests (and their child processes): a
 * space with one delivered lot of a type, a decoy lot of another type, a La
 * Poste session, and candidates waiting for an exam; and the two contended
 * operations, written the way the server writes them (one transaction, guarded
 * statements).
 */
import { randomUUID } from 'node:crypto';
import { withTransaction, type Db } from '../../src/db/client.js';
import { consumeFromStock, takeSeat } from '../../src/db/guards.js';

export interface StockFixture {
  spaceId: string;
  lotId: string;
  decoyLotId: string;
  sessionId: string;
  candidateIds: string[];
}

export interface StockFixtureOptions {
  credits: number;
  seats: number;
  candidates: number;
  examTypeId?: string;
  now?: Date;
}

const DAY = 86_400_000;

export async function createStockFixture(db: Db, options: StockFixtureOptions): Promise<StockFixture> {
  const now = options.now ?? new Date();
  const examTypeId = options.examTypeId ?? 'blank-remote';
  const space = await db.space.create({ data: { name: `Espace ${randomUUID().slice(0, 8)}` } });
  const order = await db.order.create({
    data: {
      spaceId: space.id,
      number: `G${Date.now()}`,
      status: 'delivered',
      vatRateBp: 2000,
      totalHt: 0,
      totalVat: 0,
      totalTtc: 0,
      deliveredAt: now,
      lines: {
        create: [
          { position: 1, productId: 'fixture', examTypeId, quantity: options.credits, unitPriceHt: 0, ht: 0, ttc: 0 },
          { position: 2, productId: 'fixture', examTypeId: 'demo-remote', quantity: 7, unitPriceHt: 0, ht: 0, ttc: 0 },
        ],
      },
    },
    include: { lines: { orderBy: { position: 'asc' } } },
  });
  const [line, decoyLine] = order.lines;
  const lot = await db.creditLot.create({
    data: { spaceId: space.id, orderId: order.id, orderLineId: line!.id, examTypeId, quantity: options.credits, remaining: options.credits, expiresAt: new Date(now.getTime() + 365 * DAY) },
  });
  const decoy = await db.creditLot.create({
    data: { spaceId: space.id, orderId: order.id, orderLineId: decoyLine!.id, examTypeId: 'demo-remote', quantity: 7, remaining: 7, expiresAt: new Date(now.getTime() + 365 * DAY) },
  });
  const session = await db.examSession.create({
    data: { city: 'GRENOBLE', postcode: '38000', centreName: 'Centre La Poste - Grenoble', address: '11, boulevard Maréchal Lyautey', startsAt: new Date(now.getTime() + 30 * DAY), seats: options.seats },
  });
  const candidateIds: string[] = [];
  for (let i = 0; i < options.candidates; i += 1) {
    const email = `candidat-${i}-${randomUUID().slice(0, 8)}@exemple.test`;
    const candidate = await db.candidate.create({
      data: {
        spaceId: space.id,
        civility: i % 2 ? 'm' : 'mme',
        lastName: `Candidat${i}`,
        firstName: 'Test',
        email,
        emailKey: email,
        passwordHash: 'x',
        birthDate: '1990-01-01',
        birthPostcode: '75001',
        birthTown: 'Paris',
        birthCountry: 'France',
        infoStatus: 'student',
        funding: 'self_funded',
        sortName: `candidat${i} test`,
      },
    });
    candidateIds.push(candidate.id);
  }
  return { spaceId: space.id, lotId: lot.id, decoyLotId: decoy.id, sessionId: session.id, candidateIds };
}

/**
 * Assigns an exam to a candidate as the server does: in one transaction, read
 * the candidate, take a credit from the stock (guarded), record the assignment
 * and the read-model columns. Throws the guard's `out_of_stock`.
 */
export async function assignExam(db: Db, spaceId: string, candidateId: string, examTypeId = 'blank-remote', now = new Date()): Promise<string> {
  return withTransaction(db, async (tx) => {
    const candidate = await tx.candidate.findFirst({ where: { id: candidateId, spaceId }, select: { id: true, stage: true } });
    if (!candidate || candidate.stage !== 'none') throw new Error(`candidate ${candidateId} cannot be assigned`);
    const [take] = await consumeFromStock(tx, { spaceId, examTypeId, now });
    const lot = await tx.creditLot.findUniqueOrThrow({ where: { id: take!.lotId }, select: { expiresAt: true } });
    const assignment = await tx.assignment.create({
      data: { spaceId, candidateId, examTypeId, lotId: take!.lotId, deadline: lot.expiresAt },
    });
    await tx.candidate.update({ where: { id: candidateId }, data: { stage: 'assigned', deadline: lot.expiresAt, latestExamType: examTypeId } });
    return assignment.id;
  });
}

/** Books a La Poste seat for a candidate: guarded seat, then the candidate's mark. */
export async function bookSeat(db: Db, sessionId: string, candidateId: string): Promise<void> {
  await withTransaction(db, async (tx) => {
    await tx.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { id: true } });
    await takeSeat(tx, sessionId);
    await tx.candidate.update({ where: { id: candidateId }, data: { stage: 'assigned' } });
  });
}

export interface ContentionResult {
  ok: number;
  refused: number;
  /** Unexpected failures (anything but the guard's refusal), as messages. */
  errors: string[];
}

/** Runs the operations all at once and counts successes and guard refusals. */
export async function contend(operations: (() => Promise<unknown>)[], refusalCode: string): Promise<ContentionResult> {
  const results = await Promise.allSettled(operations.map((op) => op()));
  const result: ContentionResult = { ok: 0, refused: 0, errors: [] };
  for (const r of results) {
    if (r.status === 'fulfilled') result.ok += 1;
    else if ((r.reason as { code?: string })?.code === refusalCode) result.refused += 1;
    else result.errors.push(String((r.reason as Error)?.message ?? r.reason));
  }
  return result;
}
