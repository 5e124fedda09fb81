/**
 * The Prisma adapter of the application's write ports (`@clr/app`'s
 * `TxPorts`, `UnitOfWork`): each repository is today's statements, bound to
 * one transaction client — the row locks of `candidates.lock`, the guards of
 * `db/guards.ts`, the outbox table, the candidate's read model — so the use
 * cases run exactly the SQL the server ran before they moved.
 */
import { LostRace, MAX_ROUNDS, type TxPorts, type UnitOfWork } from '@clr/app';
import { DomainError, isDomainError, type AssignmentSnapshot, type CreditLot, type ExamSession, type NewAssignment } from '@clr/domain';
import { withTransaction, type Db, type Tx } from '../../db/client.js';
import { consumeCredit, releaseSeat, returnCredit, takeSeat } from '../../db/guards.js';
import { isUniqueViolation, uniqueFields } from '../../http/problem.js';
import { LOT_SELECT, loadExamTypes, loadLiveLots, loadProducts, toCreditLot, toExamType } from '../../services/catalogue.js';
import { enqueueMail } from '../../services/mail.js';
import { ACTIVE_ASSIGNMENT_ORDER, ASSIGNMENT_SNAPSHOT_SELECT, refreshCandidateProgress, toAssignmentSnapshot } from '../../services/progress.js';

/** Prisma's P2028: no connection in time, or the transaction outlived its timeout (a burst on a busy machine); it rolled back. */
function isTransactionTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2028';
}

const MAX_TIMEOUT_ROUNDS = 2;

function isCodeCollision(error: unknown): boolean {
  if (!isUniqueViolation(error)) return false;
  const fields = uniqueFields(error);
  return fields.includes('activationCode') || fields.includes('publicCode');
}

/**
 * Runs a whole transaction again when it lost a race for a credit (another
 * request emptied the planned lot), drew a code that another request stored
 * first, or (twice at most) timed out waiting for a connection under a burst.
 * After {@link MAX_ROUNDS}, the guard's refusal stands.
 */
export async function retryingRaces<T>(run: () => Promise<T>): Promise<T> {
  let timeouts = 0;
  for (let round = 1; ; round += 1) {
    try {
      return await run();
    } catch (error) {
      if (round < MAX_ROUNDS && (error instanceof LostRace || isCodeCollision(error))) continue;
      if (round < MAX_ROUNDS && isTransactionTimeout(error) && timeouts < MAX_TIMEOUT_ROUNDS) {
        timeouts += 1;
        continue;
      }
      if (error instanceof LostRace) throw error.refusal;
      throw error;
    }
  }
}

export interface ExamSessionRow {
  id: string;
  examTypeId: string;
  city: string;
  postcode: string;
  centreName: string;
  address: string;
  startsAt: Date;
  seats: number;
  seatsTaken: number;
}

export function toExamSession(row: ExamSessionRow): ExamSession {
  return {
    id: row.id,
    examType: row.examTypeId,
    city: row.city,
    postcode: row.postcode,
    centreName: row.centreName,
    address: row.address,
    startsAt: row.startsAt.toISOString(),
    seats: row.seats,
    seatsTaken: row.seatsTaken,
  };
}

function assignmentData(spaceId: string, a: NewAssignment) {
  return {
    spaceId,
    candidateId: a.candidateId,
    examTypeId: a.examType,
    lotId: a.lotId,
    scheduledAt: a.scheduledAt,
    sessionId: a.sessionId,
    deadline: new Date(a.deadline),
    activationCode: a.activationCode,
    takenAt: null,
    createdAt: new Date(a.createdAt),
  };
}

/** A guard's refusal (a thrown `DomainError`) as a port's `false`; anything else still throws. */
async function refused(write: () => Promise<void>, code: string): Promise<DomainError | null> {
  try {
    await write();
    return null;
  } catch (error) {
    if (isDomainError(error) && error.code === code) return error;
    throw error;
  }
}

/**
 * The repositories on one Prisma client: a transaction's (`withTransaction`)
 * for writes, or the database itself for reads outside one.
 */
export function prismaTxPorts(tx: Tx): TxPorts {
  // The last refusal of each guard, so that the use case's `shortage`/`refusal` answers without a second read.
  let lastShortage: DomainError | null = null;
  let lastSeatRefusal: DomainError | null = null;
  return {
    candidates: {
      async lock(spaceId, ids, now) {
        await tx.candidate.updateMany({ where: { spaceId, id: { in: [...ids] } }, data: { updatedAt: now } });
        return tx.candidate.findMany({
          where: { spaceId, id: { in: [...ids] } },
          select: { id: true, email: true, firstName: true, lastName: true },
        });
      },
      async refreshProgress(candidateId, now) {
        await refreshCandidateProgress(tx, candidateId, now);
      },
    },
    assignments: {
      async current(candidateIds) {
        const rows = await tx.assignment.findMany({
          where: { candidateId: { in: [...candidateIds] }, state: 'active' },
          select: ASSIGNMENT_SNAPSHOT_SELECT,
          orderBy: [...ACTIVE_ASSIGNMENT_ORDER],
        });
        const latest = new Map<string, AssignmentSnapshot>();
        // Oldest first: the last row seen for a candidate is their latest (`latestAssignment`'s rule).
        for (const row of rows) latest.set(row.candidateId, toAssignmentSnapshot(row));
        return latest;
      },
      async storedCodes(codes) {
        const stored = await tx.assignment.findMany({ where: { activationCode: { in: [...codes] } }, select: { activationCode: true } });
        return new Set(stored.flatMap((r) => (r.activationCode ? [r.activationCode] : [])));
      },
      async create(spaceId, a) {
        return toAssignmentSnapshot(await tx.assignment.create({ data: assignmentData(spaceId, a), select: ASSIGNMENT_SNAPSHOT_SELECT }));
      },
      async end(ids, endedAs, now) {
        const { count } = await tx.assignment.updateMany({
          where: { id: { in: [...ids] }, state: 'active', takenAt: null },
          data: { state: endedAs, endedAt: now },
        });
        return count;
      },
    },
    catalogue: {
      examTypes: () => loadExamTypes(tx),
      products: (spaceId) => loadProducts(tx, spaceId),
      async examType(id) {
        const row = await tx.examType.findUnique({ where: { id } });
        return row ? toExamType(row) : null;
      },
      async examSession(id) {
        const row = await tx.examSession.findUnique({ where: { id } });
        return row ? toExamSession(row) : null;
      },
      async openSessions(filter, now) {
        const rows = await tx.examSession.findMany({
          where: {
            AND: [
              { startsAt: { gt: now } },
              ...(filter.from ? [{ startsAt: { gte: filter.from } }] : []),
              ...(filter.to ? [{ startsAt: { lte: filter.to } }] : []),
            ],
            seatsTaken: { lt: tx.examSession.fields.seats },
            ...(filter.examType ? { examTypeId: filter.examType } : {}),
          },
          orderBy: [{ startsAt: 'asc' }, { city: 'asc' }, { id: 'asc' }],
        });
        return rows.map(toExamSession);
      },
    },
    stock: {
      async lots(spaceId, examTypeId, lotIds): Promise<CreditLot[]> {
        const or = [...(examTypeId ? [{ examTypeId }] : []), ...(lotIds.length > 0 ? [{ id: { in: [...new Set(lotIds)] } }] : [])];
        if (or.length === 0) return [];
        const rows = await tx.creditLot.findMany({ where: { spaceId, OR: or }, select: LOT_SELECT, orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }] });
        return rows.map(toCreditLot);
      },
      liveLots: (spaceId, now) => loadLiveLots(tx, spaceId, now),
      async consume(lotId, count, now) {
        lastShortage = await refused(() => consumeCredit(tx, lotId, now, count), 'out_of_stock');
        return lastShortage === null;
      },
      async shortage(lotId, count) {
        return lastShortage ?? new DomainError('out_of_stock', 'Plus aucune certification en stock : passez une commande pour en obtenir.', { lotId, needed: count });
      },
      giveBack: (lotId, now) => returnCredit(tx, lotId, now),
    },
    seats: {
      async take(sessionId) {
        try {
          await takeSeat(tx, sessionId);
          lastSeatRefusal = null;
          return true;
        } catch (error) {
          if (!isDomainError(error)) throw error;
          lastSeatRefusal = error;
          return false;
        }
      },
      async refusal(sessionId) {
        return lastSeatRefusal ?? new DomainError('not_found', "Cette session d'examen n'existe pas.", { sessionId });
      },
      release: (sessionId) => releaseSeat(tx, sessionId),
    },
    outbox: {
      enqueue: (mail) => enqueueMail(tx, mail),
    },
  };
}

/** One Prisma transaction a unit of work, run again on a lost race (R9), a code collision or a pool timeout. */
export function prismaUnitOfWork(db: Db): UnitOfWork {
  return {
    run: (work) => retryingRaces(() => withTransaction(db, (tx) => work(prismaTxPorts(tx)))),
    read: (work) => work(prismaTxPorts(db as unknown as Tx)),
  };
}
