/**
 * Writes a {@link MockState} record by record, the way a seed script fills a
 * database: the demo, the empty state and `generateCandidates` are built with
 * it. Deliveries go through the domain's `planDelivery` (R3), validity through
 * `validUntil` (R16), codes through the domain's generators (R15, R17), and
 * every assignment takes its credit from its lot, so the state it builds is one
 * the rules could have produced.
 */
import {
  EXAM_TYPES,
  addDays,
  endOfParisDay,
  findExamType,
  generateActivationCode,
  generatePublicCode,
  parisDay,
  parisWallClock,
  planDelivery,
  validUntil,
  type Civility,
  type EducationLevel,
  type Funding,
  type GroupCategory,
  type InformationStatus,
  type MotherTongue,
  type RandomSource,
  type SocioProfessionalCategory,
  type Validation,
} from '@clr/domain';
import type {
  AdminRecord,
  ApiKeyRecord,
  AssignmentRecord,
  AttemptRecord,
  CandidateRecord,
  ExamSessionRecord,
  GroupRecord,
  LotRecord,
  MockState,
  OrderStoredRecord,
  ProductRecord,
  SpaceRecord,
} from './types.js';

/** A state with the seeded exam-type catalogue and nothing else. */
export function blankState(): MockState {
  return {
    examTypes: structuredClone([...EXAM_TYPES]),
    spaces: [],
    admins: [],
    sessions: [],
    apiKeys: [],
    embedTokens: [],
    products: [],
    orders: [],
    lots: [],
    groups: [],
    memberships: [],
    candidates: [],
    assignments: [],
    attempts: [],
    examSessions: [],
    idempotencyKeys: [],
    resetTokens: [],
    rateLimits: [],
    mails: [],
    counters: {},
  };
}

/** A small deterministic random source (mulberry32): the demo's codes are the same on every run. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return (count) => {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
    }
    return out;
  };
}

export interface CandidateInput {
  spaceId: string;
  civility: Civility;
  lastName: string;
  firstName: string;
  email?: string;
  birthName?: string | null;
  password?: string;
  birthDate?: string;
  birthPostcode?: string;
  birthTown?: string;
  birthCountry?: string;
  status?: InformationStatus;
  funding?: Funding;
  phone?: string | null;
  address?: string | null;
  postcode?: string | null;
  town?: string | null;
  country?: string | null;
  educationLevel?: EducationLevel | null;
  socioProfessionalCategory?: SocioProfessionalCategory | null;
  motherTongue?: MotherTongue | null;
  lastLoginAt?: string | null;
  credentials?: CandidateRecord['credentials'];
  createdAt: string;
}

export interface AssignInput {
  candidateId: string;
  examType: string;
  lotId: string;
  createdAt: string;
  /** For dated types: `YYYY-MM-DD` (the deadline is the end of that Paris day). */
  scheduledAt?: string | null;
  sessionId?: string | null;
}

export interface TakeInput {
  assignmentId: string;
  takenAt: string;
  score: number;
  validation: Validation;
}

/** E-mail local part from a name: « Hélène Lefèvre » → `helene.lefevre`. */
export function emailLocalPart(firstName: string, lastName: string): string {
  return `${firstName}.${lastName}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-');
}

export class StateBuilder {
  readonly state: MockState;
  readonly #random: RandomSource;
  // Lookups kept as records are added, so that building 100,000 candidates stays linear.
  readonly #candidates = new Map<string, CandidateRecord>();
  readonly #lots = new Map<string, LotRecord>();
  readonly #assignments = new Map<string, AssignmentRecord>();
  readonly #activationCodes = new Set<string>();
  readonly #publicCodes = new Set<string>();
  // Paris-calendar computations go through Intl and are slow: a large state reuses the same few days.
  readonly #endOfDay = new Map<string, string>();
  readonly #validUntil = new Map<string, string>();

  constructor(state: MockState = blankState(), seed = 20210401) {
    this.state = state;
    this.#random = seededRandom(seed);
    for (const c of state.candidates) this.#candidates.set(c.id, c);
    for (const l of state.lots) this.#lots.set(l.id, l);
    for (const a of state.assignments) {
      this.#assignments.set(a.id, a);
      if (a.activationCode) this.#activationCodes.add(a.activationCode);
    }
    for (const a of state.attempts) if (a.publicCode) this.#publicCodes.add(a.publicCode);
  }

  id(prefix: string): string {
    const n = (this.state.counters[prefix] ?? 0) + 1;
    this.state.counters[prefix] = n;
    return `${prefix}_${String(n).padStart(8, '0')}`;
  }

  space(input: Partial<SpaceRecord> & { name: string; createdAt: string }): SpaceRecord {
    const space: SpaceRecord = { id: this.id('space'), vatRateBp: 2000, minPasswordLength: 6, embedOrigins: [], ...input };
    this.state.spaces.push(space);
    return space;
  }

  admin(input: Omit<AdminRecord, 'id' | 'lastLoginAt'> & { lastLoginAt?: string | null }): AdminRecord {
    const admin: AdminRecord = { id: this.id('adm'), lastLoginAt: null, ...input };
    this.state.admins.push(admin);
    return admin;
  }

  apiKey(input: Omit<ApiKeyRecord, 'id' | 'lastUsedAt' | 'revokedAt'>): ApiKeyRecord {
    const key: ApiKeyRecord = { id: this.id('key'), lastUsedAt: null, revokedAt: null, ...input };
    this.state.apiKeys.push(key);
    return key;
  }

  product(input: Omit<ProductRecord, 'id' | 'active'> & { active?: boolean }): ProductRecord {
    const product: ProductRecord = { id: this.id('prd'), active: true, ...input };
    this.state.products.push(product);
    return product;
  }

  /**
   * An order of `lines` (the products' prices copied), numbered `YYYY-0000n`
   * in its space; delivered at `deliveredAt` through the domain's
   * `planDelivery` (one lot per line, 12 months of validity), or cancelled.
   */
  order(input: {
    spaceId: string;
    createdAt: string;
    lines: { product: ProductRecord; quantity: number }[];
    deliveredAt?: string;
    cancelledAt?: string;
  }): { order: OrderStoredRecord; lots: LotRecord[] } {
    const space = this.state.spaces.find((s) => s.id === input.spaceId);
    if (!space) throw new Error(`unknown space ${input.spaceId}`);
    const rank = this.state.orders.filter((o) => o.spaceId === input.spaceId).length + 1;
    const order: OrderStoredRecord = {
      id: this.id('ord'),
      spaceId: input.spaceId,
      number: `${parisDay(input.createdAt).slice(0, 4)}-${String(rank).padStart(5, '0')}`,
      createdAt: input.createdAt,
      status: 'pending',
      vatRateBp: space.vatRateBp,
      lines: input.lines.map(({ product, quantity }) => ({
        id: this.id('line'),
        productId: product.id,
        examType: product.examType,
        quantity,
        unitPriceHt: product.unitPriceHt,
      })),
      deliveredAt: null,
      cancelledAt: null,
      paymentRef: null,
    };
    this.state.orders.push(order);
    const lots: LotRecord[] = [];
    if (input.deliveredAt) {
      const plan = planDelivery(order, new Date(input.deliveredAt));
      order.status = plan.status;
      order.deliveredAt = plan.deliveredAt;
      for (const lot of plan.lots) {
        const record: LotRecord = { id: this.id('lot'), spaceId: order.spaceId, createdAt: plan.deliveredAt, ...lot };
        this.state.lots.push(record);
        this.#lots.set(record.id, record);
        lots.push(record);
      }
    } else if (input.cancelledAt) {
      order.status = 'cancelled';
      order.cancelledAt = input.cancelledAt;
    }
    return { order, lots };
  }

  candidate(input: CandidateInput): CandidateRecord {
    const email = (input.email ?? `${emailLocalPart(input.firstName, input.lastName)}@exemple.fr`).toLowerCase();
    const candidate: CandidateRecord = {
      id: this.id('cand'),
      spaceId: input.spaceId,
      civility: input.civility,
      lastName: input.lastName,
      birthName: input.birthName ?? null,
      firstName: input.firstName,
      email,
      password: input.password ?? 'Candidat-1',
      birthDate: input.birthDate ?? '1995-03-14',
      birthPostcode: input.birthPostcode ?? '75012',
      birthTown: input.birthTown ?? 'Paris',
      birthCountry: input.birthCountry ?? 'France',
      status: input.status ?? 'student',
      funding: input.funding ?? 'self_funded',
      phone: input.phone ?? null,
      address: input.address ?? null,
      postcode: input.postcode ?? null,
      town: input.town ?? null,
      country: input.country ?? null,
      educationLevel: input.educationLevel ?? null,
      socioProfessionalCategory: input.socioProfessionalCategory ?? null,
      motherTongue: input.motherTongue ?? null,
      credentials: input.credentials ?? { sentToCandidate: false, acknowledgmentRequested: false, acknowledgedAt: null, sentToAdmin: false },
      lastLoginAt: input.lastLoginAt ?? null,
      createdAt: input.createdAt,
      updatedAt: input.createdAt,
    };
    this.state.candidates.push(candidate);
    this.#candidates.set(candidate.id, candidate);
    return candidate;
  }

  group(input: { spaceId: string; name: string; category: GroupCategory; createdAt: string; hidden?: boolean }): GroupRecord {
    const group: GroupRecord = { id: this.id('grp'), hidden: false, ...input };
    this.state.groups.push(group);
    return group;
  }

  member(group: GroupRecord, candidate: CandidateRecord, createdAt = group.createdAt): void {
    this.state.memberships.push({ groupId: group.id, candidateId: candidate.id, createdAt });
  }

  examSession(input: Omit<ExamSessionRecord, 'id' | 'seatsTaken' | 'examType'> & { seatsTaken?: number }): ExamSessionRecord {
    const session: ExamSessionRecord = { id: this.id('ses'), examType: 'official-laposte', seatsTaken: 0, ...input };
    this.state.examSessions.push(session);
    return session;
  }

  #endOfParisDay(day: string): string {
    let end = this.#endOfDay.get(day);
    if (end === undefined) {
      end = endOfParisDay(day).toISOString();
      this.#endOfDay.set(day, end);
    }
    return end;
  }

  /** R16, remembered per taken instant. */
  #validity(takenAt: string): string {
    let until = this.#validUntil.get(takenAt);
    if (until === undefined) {
      until = validUntil(takenAt);
      this.#validUntil.set(takenAt, until);
    }
    return until;
  }

  /** An activation code unique among every stored code (R15). */
  activationCode(): string {
    const code = generateActivationCode(this.#random, (c) => this.#activationCodes.has(c));
    this.#activationCodes.add(code);
    return code;
  }

  /**
   * An assignment as R5 writes it: one credit taken from `lotId`, deadline =
   * the end of the scheduled Paris day for dated types, else the lot's expiry,
   * an activation code when the partner supervises the exam, a seat taken in
   * the La Poste session.
   */
  assign(input: AssignInput): AssignmentRecord {
    const candidate = this.#candidates.get(input.candidateId);
    const lot = this.#lots.get(input.lotId);
    const type = findExamType(input.examType, this.state.examTypes);
    if (!candidate || !lot || !type) throw new Error(`cannot assign ${input.examType} to ${input.candidateId} from ${input.lotId}`);
    if (lot.examType !== type.id || lot.remaining < 1) throw new Error(`lot ${lot.id} cannot give a ${type.id} credit`);
    lot.remaining -= 1;
    const session = input.sessionId ? this.state.examSessions.find((s) => s.id === input.sessionId) : undefined;
    if (session) session.seatsTaken += 1;
    const scheduledAt = session ? parisDay(session.startsAt) : type.requiresDate ? (input.scheduledAt ?? null) : null;
    const assignment: AssignmentRecord = {
      id: this.id('asg'),
      spaceId: candidate.spaceId,
      candidateId: candidate.id,
      examType: type.id,
      lotId: lot.id,
      scheduledAt,
      sessionId: session?.id ?? null,
      deadline: scheduledAt ? this.#endOfParisDay(scheduledAt) : lot.expiresAt,
      activationCode: type.supervision === 'partner' ? this.activationCode() : null,
      takenAt: null,
      attemptId: null,
      createdAt: input.createdAt,
      state: 'active',
      codeSpentAt: null,
      endedAt: null,
    };
    this.state.assignments.push(assignment);
    this.#assignments.set(assignment.id, assignment);
    return assignment;
  }

  /**
   * The exam taken and scored as the exam platform reports it: an attempt
   * started an hour before `takenAt`, with its score; a validated result gets
   * its validity (R16) and public code (R17), as the server's seed writes
   * them; the activation code is spent when the attempt starts.
   */
  take(input: TakeInput): AttemptRecord {
    const assignment = this.#assignments.get(input.assignmentId);
    if (!assignment) throw new Error(`unknown assignment ${input.assignmentId}`);
    const startedAt = new Date(Date.parse(input.takenAt) - 3_600_000).toISOString();
    const validated = input.validation === 'validated';
    const attempt: AttemptRecord = {
      id: this.id('att'),
      spaceId: assignment.spaceId,
      candidateId: assignment.candidateId,
      assignmentId: assignment.id,
      examType: assignment.examType,
      score: input.score,
      takenAt: input.takenAt,
      validation: input.validation,
      validUntil: validated ? this.#validity(input.takenAt) : null,
      publicCode: validated ? generatePublicCode(this.#random, (code) => this.#publicCodes.has(code)) : null,
      startedAt,
    };
    this.state.attempts.push(attempt);
    if (attempt.publicCode) this.#publicCodes.add(attempt.publicCode);
    assignment.attemptId = attempt.id;
    assignment.takenAt = input.takenAt;
    if (assignment.activationCode) assignment.codeSpentAt = startedAt;
    return attempt;
  }
}

/** Instants relative to a reference `now`, at a Paris wall-clock time (remembered: Intl is slow). */
export function parisClock(now: Date) {
  const today = parisDay(now);
  const instants = new Map<string, string>();
  return {
    today,
    /** The Paris day `n` days from today (negative: before). */
    day: (n: number) => addDays(today, n),
    /** The instant `hh:mm` Paris time, `n` days from today, as ISO. */
    at: (n: number, hour: number, minute = 0) => {
      const key = `${n}|${hour}|${minute}`;
      let instant = instants.get(key);
      if (instant === undefined) {
        instant = parisWallClock(addDays(today, n), hour, minute).toISOString();
        instants.set(key, instant);
      }
      return instant;
    },
  };
}
