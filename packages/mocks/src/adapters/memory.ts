/**
 * The in-memory adapter of the application's ports (`@clr/app`): the same
 * use cases the server runs, on the mocks' store. A unit of work runs alone
 * (requests queue behind each other, so a plan is applied with no other
 * request in between) and keeps an undo log: if the work throws, every write
 * it made is taken back, as a rolled-back transaction would be. The guards
 * check their condition like the server's SQL does (`remaining >= n`, not
 * expired, `seatsTaken < seats`).
 */
import { LostRace, MAX_ROUNDS, type CandidateQueries, type Ports, type TxPorts, type UnitOfWork } from '@clr/app';
import { DomainError, examTypeLabel, findExamType, formatDate, type AssignmentSnapshot, type CreditLot, type ExamSession } from '@clr/domain';
import type { MockStore } from '../store/store.js';
import type { AssignmentRecord, ExamSessionRecord, LotRecord } from '../store/types.js';
import { assignmentEligibility, queryCandidates } from '../services/candidate-list.js';
import { liveLots, lotsOf, productsOf } from '../services/orders.js';
import { currentAssignment } from '../services/views.js';

function toExamSession(s: ExamSessionRecord): ExamSession {
  return {
    id: s.id,
    examType: s.examType,
    city: s.city,
    postcode: s.postcode,
    centreName: s.centreName,
    address: s.address,
    startsAt: s.startsAt,
    seats: s.seats,
    seatsTaken: s.seatsTaken,
  };
}

const toCreditLot = (l: LotRecord): CreditLot => ({
  id: l.id,
  orderId: l.orderId,
  orderLineId: l.orderLineId,
  examType: l.examType,
  quantity: l.quantity,
  remaining: l.remaining,
  expiresAt: l.expiresAt,
});

/** One unit of work's writes: what to undo if it throws, which candidates to re-index once it commits. */
class Journal {
  readonly undo: (() => void)[] = [];
  readonly touched = new Set<string>();
  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i -= 1) this.undo[i]?.();
  }
}

function memoryTxPorts(store: MockStore, journal: Journal): TxPorts {
  const index = store.index();
  return {
    candidates: {
      async lock(spaceId, ids) {
        return ids.flatMap((id) => {
          const c = index.candidates.get(id);
          return c && c.spaceId === spaceId ? [{ id: c.id, email: c.email, firstName: c.firstName, lastName: c.lastName }] : [];
        });
      },
      async refreshProgress(candidateId) {
        journal.touched.add(candidateId);
      },
    },
    assignments: {
      async current(candidateIds) {
        const out = new Map<string, AssignmentSnapshot>();
        for (const id of candidateIds) {
          const row = currentAssignment(store, id);
          if (row) out.set(id, row);
        }
        return out;
      },
      async storedCodes(codes) {
        const wanted = new Set(codes);
        return new Set(store.state.assignments.flatMap((a) => (a.activationCode && wanted.has(a.activationCode) ? [a.activationCode] : [])));
      },
      async create(spaceId, a) {
        const row: AssignmentRecord = { ...a, id: store.nextId('asg'), spaceId, attemptId: null, state: 'active', codeSpentAt: null, endedAt: null };
        store.state.assignments.push(row);
        journal.touched.add(row.candidateId);
        journal.undo.push(() => {
          const at = store.state.assignments.lastIndexOf(row);
          if (at >= 0) store.state.assignments.splice(at, 1);
        });
        return row;
      },
      async end(ids, endedAs, now) {
        let count = 0;
        for (const id of ids) {
          const row = index.assignments.get(id);
          if (!row || row.state !== 'active' || row.takenAt !== null) continue;
          const before = { state: row.state, endedAt: row.endedAt };
          row.state = endedAs;
          row.endedAt = now.toISOString();
          journal.touched.add(row.candidateId);
          journal.undo.push(() => Object.assign(row, before));
          count += 1;
        }
        return count;
      },
    },
    catalogue: {
      async examTypes() {
        return store.state.examTypes;
      },
      async products(spaceId) {
        return productsOf(store, spaceId);
      },
      async examType(id) {
        return findExamType(id, store.state.examTypes) ?? null;
      },
      async examSession(id) {
        const s = index.examSessions.get(id);
        return s ? toExamSession(s) : null;
      },
      async openSessions(filter, now) {
        const from = filter.from?.getTime();
        const to = filter.to?.getTime();
        return store.state.examSessions
          .filter((s) => {
            const starts = Date.parse(s.startsAt);
            return (
              starts > now.getTime() &&
              (from === undefined || starts >= from) &&
              (to === undefined || starts <= to) &&
              s.seatsTaken < s.seats &&
              (filter.examType === undefined || s.examType === filter.examType)
            );
          })
          .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.city < b.city ? -1 : a.city > b.city ? 1 : a.id < b.id ? -1 : 1))
          .map(toExamSession);
      },
    },
    stock: {
      async lots(spaceId, examTypeId, lotIds) {
        const ids = new Set(lotIds);
        return lotsOf(store, spaceId)
          .filter((l) => l.examType === examTypeId || ids.has(l.id))
          .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt) || (a.id < b.id ? -1 : 1))
          .map(toCreditLot);
      },
      async liveLots(spaceId, now) {
        return liveLots(store, spaceId, now).map(toCreditLot);
      },
      async consume(lotId, count, now) {
        const lot = index.lots.get(lotId);
        if (!lot || lot.remaining < count || Date.parse(lot.expiresAt) <= now.getTime()) return false;
        lot.remaining -= count;
        journal.undo.push(() => (lot.remaining += count));
        return true;
      },
      async shortage(lotId, count, now) {
        const lot = index.lots.get(lotId);
        const available = lot && Date.parse(lot.expiresAt) > now.getTime() ? lot.remaining : 0;
        const label = lot ? ` « ${examTypeLabel(lot.examType, store.state.examTypes)} »` : '';
        return new DomainError(
          'out_of_stock',
          count === 1
            ? `Plus aucune certification${label} en stock : passez une commande pour en obtenir.`
            : `${count} certifications nécessaires, ${available} disponible${available > 1 ? 's' : ''}${label ? ` (${label.trim()})` : ''}.`,
          { needed: count, available, ...(lot ? { examType: lot.examType } : {}) },
        );
      },
      async giveBack(lotId, now) {
        const lot = index.lots.get(lotId);
        if (!lot || Date.parse(lot.expiresAt) <= now.getTime() || lot.remaining >= lot.quantity) return false;
        lot.remaining += 1;
        journal.undo.push(() => (lot.remaining -= 1));
        return true;
      },
    },
    seats: {
      async take(sessionId) {
        const s = index.examSessions.get(sessionId);
        if (!s || s.seatsTaken >= s.seats) return false;
        s.seatsTaken += 1;
        journal.undo.push(() => (s.seatsTaken -= 1));
        return true;
      },
      async refusal(sessionId) {
        const s = index.examSessions.get(sessionId);
        if (!s) return new DomainError('not_found', "Cette session d'examen n'existe pas.");
        return new DomainError('conflict', `Plus aucune place dans la session du ${formatDate(s.startsAt)} à ${s.city} : choisissez une autre session.`, {
          sessionId,
          needed: 1,
          available: Math.max(0, s.seats - s.seatsTaken),
        });
      },
      async release(sessionId) {
        const s = index.examSessions.get(sessionId);
        if (!s || s.seatsTaken <= 0) return false;
        s.seatsTaken -= 1;
        journal.undo.push(() => (s.seatsTaken += 1));
        return true;
      },
    },
    outbox: {
      async enqueue(mail) {
        store.sendMail({ template: mail.template, to: mail.to, subject: mail.subject, text: mail.text, spaceId: mail.spaceId ?? null });
        const sent = store.state.mails[store.state.mails.length - 1];
        journal.undo.push(() => {
          const at = sent ? store.state.mails.lastIndexOf(sent) : -1;
          if (at >= 0) store.state.mails.splice(at, 1);
        });
      },
    },
  };
}

/** Units of work on one store run one after the other. */
const queues = new WeakMap<MockStore, Promise<unknown>>();

export function memoryUnitOfWork(store: MockStore): UnitOfWork {
  async function once<T>(work: (tx: TxPorts) => Promise<T>): Promise<T> {
    const journal = new Journal();
    try {
      return await work(memoryTxPorts(store, journal));
    } catch (error) {
      journal.rollback();
      throw error;
    } finally {
      if (journal.touched.size > 0) store.touched([...journal.touched]);
    }
  }
  return {
    run<T>(work: (tx: TxPorts) => Promise<T>): Promise<T> {
      const previous = queues.get(store) ?? Promise.resolve();
      const result = previous.then(async () => {
        for (let round = 1; ; round += 1) {
          try {
            return await once(work);
          } catch (error) {
            if (error instanceof LostRace) {
              if (round < MAX_ROUNDS) continue;
              throw error.refusal;
            }
            throw error;
          }
        }
      });
      queues.set(
        store,
        result.catch(() => undefined),
      );
      return result;
    },
    read: (work) => work(memoryTxPorts(store, new Journal())),
  };
}

export function memoryCandidateQueries(store: MockStore): CandidateQueries {
  return {
    async eligible(spaceId, action, filters, now) {
      return queryCandidates(store, spaceId, filters, now, { extra: assignmentEligibility(store, action, now) });
    },
  };
}

/** The application's ports on a mock store, its clock and its random source. */
export function memoryPorts(store: MockStore): Ports {
  return { uow: memoryUnitOfWork(store), queries: memoryCandidateQueries(store), now: () => store.now(), random: store.random };
}
