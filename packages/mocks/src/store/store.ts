import { cryptoRandom, type RandomSource } from '@clr/domain';
import { demoState } from './demo.js';
import { emptyState } from './empty.js';
import type {
  AssignmentRecord,
  AttemptRecord,
  CandidateRecord,
  ExamSessionRecord,
  GroupRecord,
  LotRecord,
  MailRecord,
  MembershipRecord,
  MockState,
  OrderStoredRecord,
} from './types.js';

/** The server's defaults (`server/src/http/env.ts`), which the mocks apply alike. */
export interface MockConfig {
  /** Session idle timeout (sliding) and absolute lifetime. */
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** Failed logins allowed per account and per client address in a window. */
  loginLimits: { perAccount: number; perAddress: number; windowMs: number };
  /** Credits expire this many months after delivery (R3). */
  lotValidityMonths: number;
  /** Public URL of the admin site, for links in e-mails. */
  publicUrl: string;
  /** The payment centre (`POST /orders/:id/checkout` answers its address). */
  paymentUrl: string;
  /** Public verification lookups (R17) allowed per address in a window. */
  verifyLimit: { max: number; windowMs: number };
}

export const DEFAULT_MOCK_CONFIG: MockConfig = {
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 60 * 60_000,
  loginLimits: { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 },
  lotValidityMonths: 12,
  publicUrl: 'http://localhost:3000',
  paymentUrl: 'http://localhost:3000/paiement',
  verifyLimit: { max: 30, windowMs: 10 * 60_000 },
};

export interface CreateStoreOptions {
  /**
   * `'demo'` (default): the server's demo spaces « Démo » and « Autre » (manual
   * §3.1); `'empty'`: the same accounts, catalogue, products and La Poste
   * sessions, but no orders, stock, groups or candidates; or a whole
   * {@link MockState} of your own (the store works on a copy and never writes
   * yours; `reset()` goes back to it).
   */
  state?: 'demo' | 'empty' | MockState;
  /** The clock (tests move it to cross deadlines, expiries and session ends). */
  now?: () => Date;
  /** Random bytes for codes and tokens; the platform's CSPRNG by default. */
  random?: RandomSource;
  config?: Partial<MockConfig>;
}

/** Lookups over the state (the state itself stays plain arrays). */
export interface StoreIndex {
  candidates: Map<string, CandidateRecord>;
  candidatesBySpace: Map<string, CandidateRecord[]>;
  candidateByEmail: Map<string, CandidateRecord>;
  /** Every assignment of a candidate (any state), oldest first. */
  assignmentsByCandidate: Map<string, AssignmentRecord[]>;
  assignments: Map<string, AssignmentRecord>;
  attemptsByCandidate: Map<string, AttemptRecord[]>;
  attempts: Map<string, AttemptRecord>;
  groups: Map<string, GroupRecord>;
  membershipsByCandidate: Map<string, MembershipRecord[]>;
  membershipsByGroup: Map<string, MembershipRecord[]>;
  lots: Map<string, LotRecord>;
  lotsBySpace: Map<string, LotRecord[]>;
  orders: Map<string, OrderStoredRecord>;
  examSessions: Map<string, ExamSessionRecord>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byCreation = (a: AssignmentRecord, b: AssignmentRecord) =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The ledger's lookups: lots, orders, La Poste sessions. */
function indexLedger(state: MockState, index: StoreIndex): void {
  index.lots = new Map();
  index.lotsBySpace = new Map();
  index.orders = new Map();
  index.examSessions = new Map();
  for (const l of state.lots) {
    index.lots.set(l.id, l);
    push(index.lotsBySpace, l.spaceId, l);
  }
  for (const o of state.orders) index.orders.set(o.id, o);
  for (const s of state.examSessions) index.examSessions.set(s.id, s);
}

function buildIndex(state: MockState): StoreIndex {
  const index: StoreIndex = {
    candidates: new Map(),
    candidatesBySpace: new Map(),
    candidateByEmail: new Map(),
    assignmentsByCandidate: new Map(),
    assignments: new Map(),
    attemptsByCandidate: new Map(),
    attempts: new Map(),
    groups: new Map(),
    membershipsByCandidate: new Map(),
    membershipsByGroup: new Map(),
    lots: new Map(),
    lotsBySpace: new Map(),
    orders: new Map(),
    examSessions: new Map(),
  };
  for (const c of state.candidates) {
    index.candidates.set(c.id, c);
    index.candidateByEmail.set(c.email.toLowerCase(), c);
    push(index.candidatesBySpace, c.spaceId, c);
  }
  for (const a of state.assignments) {
    index.assignments.set(a.id, a);
    push(index.assignmentsByCandidate, a.candidateId, a);
  }
  for (const list of index.assignmentsByCandidate.values()) list.sort(byCreation);
  for (const a of state.attempts) {
    index.attempts.set(a.id, a);
    push(index.attemptsByCandidate, a.candidateId, a);
  }
  for (const g of state.groups) index.groups.set(g.id, g);
  for (const m of state.memberships) {
    push(index.membershipsByCandidate, m.candidateId, m);
    push(index.membershipsByGroup, m.groupId, m);
  }
  indexLedger(state, index);
  return index;
}

/**
 * Brings the lookups of `ids` up to date after a write that touched only
 * those candidates (their file, assignments, attempts, memberships): one pass
 * over each collection, instead of a rebuild.
 */
function patchIndex(state: MockState, index: StoreIndex, ids: ReadonlySet<string>): void {
  const spaces = new Set<string>();
  for (const id of ids) {
    const old = index.candidates.get(id);
    if (old) spaces.add(old.spaceId);
    index.candidates.delete(id);
  }
  index.candidateByEmail = new Map();
  for (const c of state.candidates) {
    index.candidateByEmail.set(c.email.toLowerCase(), c);
    if (ids.has(c.id)) {
      index.candidates.set(c.id, c);
      spaces.add(c.spaceId);
    }
  }
  // A candidate created or deleted changes their space's list.
  for (const spaceId of spaces) index.candidatesBySpace.set(spaceId, []);
  for (const c of state.candidates) if (spaces.has(c.spaceId)) push(index.candidatesBySpace, c.spaceId, c);

  for (const id of ids) {
    for (const a of index.assignmentsByCandidate.get(id) ?? []) index.assignments.delete(a.id);
    for (const a of index.attemptsByCandidate.get(id) ?? []) index.attempts.delete(a.id);
    index.assignmentsByCandidate.delete(id);
    index.attemptsByCandidate.delete(id);
  }
  for (const a of state.assignments) {
    if (!ids.has(a.candidateId)) continue;
    index.assignments.set(a.id, a);
    push(index.assignmentsByCandidate, a.candidateId, a);
  }
  for (const id of ids) index.assignmentsByCandidate.get(id)?.sort(byCreation);
  for (const a of state.attempts) {
    if (!ids.has(a.candidateId)) continue;
    index.attempts.set(a.id, a);
    push(index.attemptsByCandidate, a.candidateId, a);
  }

  const groups = new Set<string>();
  for (const id of ids) {
    for (const m of index.membershipsByCandidate.get(id) ?? []) groups.add(m.groupId);
    index.membershipsByCandidate.delete(id);
  }
  for (const m of state.memberships) {
    if (!ids.has(m.candidateId)) continue;
    push(index.membershipsByCandidate, m.candidateId, m);
    groups.add(m.groupId);
  }
  for (const g of groups) index.membershipsByGroup.delete(g);
  for (const m of state.memberships) if (groups.has(m.groupId)) push(index.membershipsByGroup, m.groupId, m);
}

/** How many touched-candidate entries are kept for the caches to catch up with. */
const LOG_SIZE = 512;

/**
 * The in-memory database of the mocks. Handlers read `state` through
 * {@link MockStore.index} and write it in place, then say what they wrote:
 * {@link MockStore.touched} for some candidates' files, assignments, attempts
 * or memberships (caches are patched: cheap at 100,000 candidates),
 * `changed('ledger')` for orders and lots, {@link MockStore.changed} for
 * anything else (every cache starts over). Each request runs synchronously
 * from its first read to its last write, so a plan made by a domain rule is
 * applied with no other request in between (R9 holds by construction).
 */
export class MockStore {
  readonly now: () => Date;
  readonly random: RandomSource;
  readonly config: MockConfig;
  state: MockState;
  readonly #initial: MockState;
  /** Bumps when every cache must start over. */
  #epoch = 0;
  /** Bumps with every write. */
  #seq = 0;
  /** Candidates touched by the writes since the epoch began: `{ seq, ids }`, oldest first. */
  #log: { seq: number; ids: string[] }[] = [];
  /** The last `seq` dropped from the log: a cache older than that cannot catch up. */
  #dropped = 0;
  #index: StoreIndex | null = null;

  constructor(options: CreateStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? cryptoRandom;
    this.config = { ...DEFAULT_MOCK_CONFIG, ...options.config };
    const source = options.state ?? 'demo';
    // A state given by the caller is the reset point: read, never written (the store works on a copy).
    this.#initial = source === 'demo' ? demoState(this.now()) : source === 'empty' ? emptyState(this.now()) : source;
    this.state = structuredClone(this.#initial);
  }

  /** Bumps with every write. */
  get version(): number {
    return this.#seq;
  }

  /** Bumps when every cache must start over (`changed()`, `reset()`, `load()`). */
  get epoch(): number {
    return this.#epoch;
  }

  /**
   * Call after writing `state`. `'ledger'`: only orders, lots or sessions
   * changed; `'groups'`: groups were created or deleted (their members, if
   * any, are `touched` too) — those lookups are rebuilt, the candidates'
   * caches kept. Otherwise every lookup and cache starts over.
   */
  changed(scope: 'all' | 'ledger' | 'groups' = 'all'): void {
    this.#seq += 1;
    if (scope === 'ledger') {
      if (this.#index) indexLedger(this.state, this.#index);
      return;
    }
    if (scope === 'groups') {
      if (this.#index) this.#index.groups = new Map(this.state.groups.map((g) => [g.id, g]));
      return;
    }
    this.#epoch += 1;
    this.#log = [];
    this.#dropped = 0;
    this.#index = null;
  }

  /**
   * Call after a write that changed only these candidates — their file (or its
   * creation or deletion), assignments, attempts, memberships — and, in place,
   * lots and seats: lookups and cached rows are patched for them alone.
   */
  touched(candidateIds: Iterable<string>): void {
    const ids = [...new Set(candidateIds)];
    this.#seq += 1;
    this.#log.push({ seq: this.#seq, ids });
    if (this.#log.length > LOG_SIZE) this.#dropped = this.#log.shift()?.seq ?? this.#dropped;
    if (this.#index) patchIndex(this.state, this.#index, new Set(ids));
  }

  /**
   * The candidates touched since `version` (in this `epoch`), or null when a
   * cache made then cannot be patched (another epoch, or too old).
   */
  touchedSince(epoch: number, version: number): Set<string> | null {
    if (epoch !== this.#epoch || version < this.#dropped) return null;
    const ids = new Set<string>();
    for (const entry of this.#log) if (entry.seq > version) for (const id of entry.ids) ids.add(id);
    return ids;
  }

  /** Lookups over the current state. */
  index(): StoreIndex {
    this.#index ??= buildIndex(this.state);
    return this.#index;
  }

  /** A new id: `cand_00000020` after `cand_00000019`. Ids sort in creation order. */
  nextId(prefix: string): string {
    const n = (this.state.counters[prefix] ?? 0) + 1;
    this.state.counters[prefix] = n;
    return `${prefix}_${String(n).padStart(8, '0')}`;
  }

  /** The e-mails « sent », oldest first. */
  get mails(): readonly MailRecord[] {
    return this.state.mails;
  }

  /** Records an e-mail the server would send. */
  sendMail(mail: Omit<MailRecord, 'id' | 'createdAt' | 'spaceId'> & { spaceId?: string | null | undefined }): void {
    this.state.mails.push({ ...mail, spaceId: mail.spaceId ?? null, id: this.nextId('mail'), createdAt: this.now().toISOString() });
  }

  /** A deep copy of the current state (give it to `createStore({ state })` to start again from here). */
  snapshot(): MockState {
    return structuredClone(this.state);
  }

  /** Back to the state the store was created with. */
  reset(): void {
    this.state = structuredClone(this.#initial);
    this.changed();
  }

  /** Replaces the whole state (a copy of `state` is kept). */
  load(state: MockState): void {
    this.state = structuredClone(state);
    this.changed();
  }
}

/** `createStore({ state: 'demo' | 'empty' | customState, now?, random? })`. */
export function createStore(options: CreateStoreOptions = {}): MockStore {
  return new MockStore(options);
}
