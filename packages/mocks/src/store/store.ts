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
  verifyLimit: { max: 30, windowMs: 60_000 },
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

/** Lookups rebuilt once per change of the state (the state stays plain arrays). */
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
  for (const list of index.assignmentsByCandidate.values()) {
    list.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  for (const a of state.attempts) {
    index.attempts.set(a.id, a);
    push(index.attemptsByCandidate, a.candidateId, a);
  }
  for (const g of state.groups) index.groups.set(g.id, g);
  for (const m of state.memberships) {
    push(index.membershipsByCandidate, m.candidateId, m);
    push(index.membershipsByGroup, m.groupId, m);
  }
  for (const l of state.lots) {
    index.lots.set(l.id, l);
    push(index.lotsBySpace, l.spaceId, l);
  }
  for (const o of state.orders) index.orders.set(o.id, o);
  for (const s of state.examSessions) index.examSessions.set(s.id, s);
  return index;
}

/**
 * The in-memory database of the mocks. Handlers read `state` through
 * {@link MockStore.index} and write it in place, then call
 * {@link MockStore.changed}. Each request runs synchronously from its first
 * read to its last write, so a plan made by a domain rule is applied with no
 * other request in between (R9 holds by construction).
 */
export class MockStore {
  readonly now: () => Date;
  readonly random: RandomSource;
  readonly config: MockConfig;
  state: MockState;
  readonly #initial: MockState;
  #version = 0;
  #index: { version: number; index: StoreIndex } | null = null;
  readonly #caches = new Map<string, { version: number; value: unknown }>();

  constructor(options: CreateStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? cryptoRandom;
    this.config = { ...DEFAULT_MOCK_CONFIG, ...options.config };
    const source = options.state ?? 'demo';
    // A state given by the caller is the reset point: read, never written (the store works on a copy).
    this.#initial = source === 'demo' ? demoState(this.now()) : source === 'empty' ? emptyState(this.now()) : source;
    this.state = structuredClone(this.#initial);
  }

  /** Bumps with every write: caches keyed on it are dropped. */
  get version(): number {
    return this.#version;
  }

  /** Call after writing `state`. */
  changed(): void {
    this.#version += 1;
  }

  /** Lookups over the current state. */
  index(): StoreIndex {
    if (this.#index?.version !== this.#version) this.#index = { version: this.#version, index: buildIndex(this.state) };
    return this.#index.index;
  }

  /** A value computed from the state, kept until the next write (or until `valid()` says otherwise). */
  cached<T>(key: string, compute: () => T, valid: (value: T) => boolean = () => true): T {
    const hit = this.#caches.get(key);
    if (hit && hit.version === this.#version && valid(hit.value as T)) return hit.value as T;
    const value = compute();
    this.#caches.set(key, { version: this.#version, value });
    return value;
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
  sendMail(mail: Omit<MailRecord, 'id' | 'createdAt'>): void {
    this.state.mails.push({ ...mail, id: this.nextId('mail'), createdAt: this.now().toISOString() });
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
