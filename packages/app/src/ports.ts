/**
 * The ports: everything a use case needs from the world, and nothing of how it
 * is done. Two adapters implement them — Prisma (the server, `server/src/
 * adapters/prisma/`) and memory (the mocks, `packages/mocks/src/adapters/`).
 * A guarded write is an operation that can refuse (`stock.consume(lot, 1) →
 * false` when another request took the last credit first); the use case then
 * throws {@link LostRace} and the unit of work plans again on fresh data.
 */
import type {
  AssignmentSnapshot,
  CandidateList,
  CandidateListQuery,
  CreditLot,
  DomainError,
  ExamSession,
  ExamType,
  NewAssignment,
  Product,
  RandomSource,
} from '@clr/domain';

/** An e-mail as the outbox keeps it: written in the same unit of work as what it announces. */
export interface Mail {
  template: string;
  to: string;
  subject: string;
  text: string;
  spaceId?: string | null;
}

export interface Outbox {
  enqueue(mail: Mail): Promise<void>;
}

/** Password hashing (argon2 on the server, plain comparison in the mocks' demo store). */
export interface Hasher {
  hash(secret: string): Promise<string>;
  verify(hash: string, secret: string): Promise<boolean>;
}

/** A candidate as an assignment use case reads them (the notices' addressee). */
export interface CandidateRef {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

/** An assignment as stored, with its candidate: what the use cases hand back. */
export type StoredAssignment = AssignmentSnapshot;

/** Candidates, as the write side sees them. */
export interface CandidateRepo {
  /**
   * Locks the space's candidates `ids` for the rest of the unit of work (the
   * server: an UPDATE of their rows) and returns those found, in any order.
   * Another space's candidates are not found.
   */
  lock(spaceId: string, ids: readonly string[], now: Date): Promise<CandidateRef[]>;
  /** Writes the candidate's read model (stage, deadline, exam date…) after its assignments changed. */
  refreshProgress(candidateId: string, now: Date): Promise<void>;
}

export interface AssignmentRepo {
  /** Each candidate's latest assignment that counts (neither removed nor replaced), taken or not. */
  current(candidateIds: readonly string[]): Promise<Map<string, AssignmentSnapshot>>;
  /** Of `codes`, those some stored assignment already holds (R15). */
  storedCodes(codes: readonly string[]): Promise<Set<string>>;
  create(spaceId: string, assignment: NewAssignment): Promise<StoredAssignment>;
  /**
   * Ends untaken rows as `removed` or `replaced`, guarded: only rows still
   * active and untaken change. Returns how many changed.
   */
  end(ids: readonly string[], endedAs: 'removed' | 'replaced', now: Date): Promise<number>;
}

export interface CatalogueRepo {
  /** The exam-type catalogue, in display order. */
  examTypes(): Promise<ExamType[]>;
  examType(id: string): Promise<ExamType | null>;
  /** The space's active products, by name. */
  products(spaceId: string): Promise<Product[]>;
  examSession(id: string): Promise<ExamSession | null>;
  /**
   * La Poste sessions that start after `now` and have a free seat, of
   * `examType` and starting in [`from`, `to`] when given; by start, city, id.
   */
  openSessions(filter: { examType?: string | undefined; from?: Date | undefined; to?: Date | undefined }, now: Date): Promise<ExamSession[]>;
}

/** Credit lots (R3, R4, R9): counts move only through these guarded writes. */
export interface StockRepo {
  /**
   * Every lot of the space of `examTypeId` (expired ones included, as the plans
   * ask) and the lots `lotIds`, soonest-expiring first.
   */
  lots(spaceId: string, examTypeId: string | null, lotIds: readonly string[]): Promise<CreditLot[]>;
  /** The space's lots that still hold credits and have not expired at `now`. */
  liveLots(spaceId: string, now: Date): Promise<CreditLot[]>;
  /** Takes `count` credits from a lot, only if it has that many and has not expired. */
  consume(lotId: string, count: number, now: Date): Promise<boolean>;
  /** Why {@link consume} refused (`out_of_stock` with `needed`, `available`). */
  shortage(lotId: string, count: number, now: Date): Promise<DomainError>;
  /** Gives one credit back, only to a lot that has not expired and never above its quantity. */
  giveBack(lotId: string, now: Date): Promise<boolean>;
}

/** La Poste seats (R5, R9). */
export interface SeatRepo {
  /** Takes a seat, only while `seatsTaken < seats`. */
  take(sessionId: string): Promise<boolean>;
  /** Why {@link take} refused: `conflict` (full, with `available`) or `not_found`. */
  refusal(sessionId: string): Promise<DomainError>;
  /** Gives a seat back, never below zero. */
  release(sessionId: string): Promise<boolean>;
}

/** What a unit of work hands its work: every repository, bound to one transaction. */
export interface TxPorts {
  candidates: CandidateRepo;
  assignments: AssignmentRepo;
  catalogue: CatalogueRepo;
  stock: StockRepo;
  seats: SeatRepo;
  outbox: Outbox;
}

/**
 * One transaction: all of `work` or nothing. When `work` throws
 * {@link LostRace} (a guard refused what the plan counted on), the unit of
 * work rolls back and runs `work` again on fresh data (R9), a bounded number
 * of times; after that the race's refusal stands.
 */
export interface UnitOfWork {
  run<T>(work: (tx: TxPorts) => Promise<T>): Promise<T>;
  /** Reads outside a transaction (no locks, no retry). */
  read<T>(work: (tx: Pick<TxPorts, 'catalogue' | 'stock'>) => Promise<T>): Promise<T>;
}

export type EligibleAction = 'assign' | 'remove';
export type CandidateFilters = Partial<CandidateListQuery>;

/** The candidates table's read model (list, search, counts), as each adapter queries it best. */
export interface CandidateQueries {
  /**
   * The candidates a bulk action may take, with the table's search, filters,
   * sort and cursor: `assign` — no current exam (never assigned, taken, or
   * expired, R19); `remove` — an untaken exam, scheduled or expired.
   */
  eligible(spaceId: string, action: EligibleAction, filters: CandidateFilters, now: Date): Promise<CandidateList>;
}

/** Everything `createApi` and the use cases receive. */
export interface Ports {
  uow: UnitOfWork;
  queries: CandidateQueries;
  /** The clock: injected so expiry rules are testable. */
  now: () => Date;
  /** A CSPRNG: `random(n)` returns n random bytes. */
  random: RandomSource;
}

/** A guard refused what the plan counted on: the unit of work plans again on fresh data. */
export class LostRace extends Error {
  constructor(readonly refusal: DomainError) {
    super(refusal.message);
    this.name = 'LostRace';
  }
}

/** How many times a unit of work plans again after a lost race before the refusal stands. */
export const MAX_ROUNDS = 8;
