/**
 * The records the mocks keep in memory: the entities of SPEC §2, shaped like
 * the server's tables but as plain JSON (instants are ISO strings, calendar
 * dates `YYYY-MM-DD`), so that a whole state can be written by hand, cloned,
 * saved and given back to `createStore({ state })`.
 */
import type {
  AssignmentSnapshot,
  Civility,
  EmbedScope,
  EducationLevel,
  ExamSession,
  ExamType,
  Funding,
  GroupCategory,
  InformationStatus,
  MotherTongue,
  OrderLineRecord,
  OrderStatus,
  Role,
  SocioProfessionalCategory,
  Validation,
} from '@clr/domain';

export interface SpaceRecord {
  id: string;
  name: string;
  /** VAT rate in basis points (2000 = 20 %, R2). */
  vatRateBp: number;
  /** Candidates' minimum password length (6 or more, §6.3). */
  minPasswordLength: number;
  /** Origins allowed to embed the elements (embed tokens). */
  embedOrigins: string[];
  createdAt: string;
}

/**
 * An administrator (`admin`, with a space) or platform staff (`operator`, no
 * space). The password is kept in clear: this is an in-memory demo, never a
 * place for real accounts.
 */
export interface AdminRecord {
  id: string;
  spaceId: string | null;
  email: string;
  password: string;
  lastName: string;
  firstName: string;
  role: Role;
  createdAt: string;
  lastLoginAt: string | null;
}

/** A login session: the cookie carries `token`. */
export interface AuthSessionRecord {
  token: string;
  adminId: string;
  createdAt: string;
  lastSeenAt: string;
  /** Absolute end (12 h after login). */
  expiresAt: string;
}

/** `space` keys act for one space; `integration` keys are the exam platform's (no space). */
export interface ApiKeyRecord {
  id: string;
  spaceId: string | null;
  kind: 'space' | 'integration';
  name: string;
  /** The whole key, as the caller sends it after `Bearer`. */
  secret: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/**
 * A short-lived token a partner's back end mints with its API key, for
 * elements embedded in `origin`; it dies with its key.
 */
export interface EmbedTokenRecord {
  token: string;
  apiKeyId: string;
  spaceId: string;
  origin: string;
  /** What it may do: `read` (GET), `write` (everything else). */
  scopes: EmbedScope[];
  createdAt: string;
  expiresAt: string;
}

export interface ProductRecord {
  id: string;
  spaceId: string;
  name: string;
  reference: string;
  examType: string;
  unitPriceHt: number;
  /** Only active products can be ordered (and are listed). */
  active: boolean;
}

/** An order as stored: the domain's `OrderRecord` plus its space and life cycle. */
export interface OrderStoredRecord {
  id: string;
  spaceId: string;
  number: string;
  createdAt: string;
  status: OrderStatus;
  vatRateBp: number;
  lines: OrderLineRecord[];
  deliveredAt: string | null;
  cancelledAt: string | null;
  /** Set once a checkout was started (`POST /orders/:id/checkout`). */
  paymentRef: string | null;
}

/** A delivered order line (SPEC §2 « Credit lot »). */
export interface LotRecord {
  id: string;
  spaceId: string;
  orderId: string;
  orderLineId: string;
  examType: string;
  quantity: number;
  remaining: number;
  /** ISO instant: the end of a Paris day. */
  expiresAt: string;
  createdAt: string;
}

export interface GroupRecord {
  id: string;
  spaceId: string;
  name: string;
  category: GroupCategory;
  hidden: boolean;
  createdAt: string;
}

export interface MembershipRecord {
  groupId: string;
  candidateId: string;
  createdAt: string;
}

/** A candidate's file (§6.3): five pages, the credentials e-mail, the last login on the exam platform. */
export interface CandidateRecord {
  id: string;
  spaceId: string;
  civility: Civility;
  lastName: string;
  birthName: string | null;
  firstName: string;
  /** Lower-cased: the exam platform login, unique platform-wide. */
  email: string;
  /** Kept in clear (in-memory demo); checked by the integration login. */
  password: string;
  birthDate: string;
  birthPostcode: string;
  birthTown: string;
  birthCountry: string;
  status: InformationStatus;
  funding: Funding;
  phone: string | null;
  address: string | null;
  postcode: string | null;
  town: string | null;
  country: string | null;
  educationLevel: EducationLevel | null;
  socioProfessionalCategory: SocioProfessionalCategory | null;
  motherTongue: MotherTongue | null;
  credentials: {
    sentToCandidate: boolean;
    acknowledgmentRequested: boolean;
    acknowledgedAt: string | null;
    sentToAdmin: boolean;
  };
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * An assignment (SPEC §2): the domain's snapshot plus its space and how it
 * ended. Only `active` rows count for the rules (R6, R7: `removed`,
 * `replaced` are gone).
 */
export interface AssignmentRecord extends AssignmentSnapshot {
  spaceId: string;
  attemptId: string | null;
  state: 'active' | 'removed' | 'replaced';
  /** When the activation code was used to start the exam (single use, R15). */
  codeSpentAt: string | null;
  endedAt: string | null;
}

/** A taken (or started) exam. */
export interface AttemptRecord {
  id: string;
  spaceId: string;
  candidateId: string;
  assignmentId: string;
  examType: string;
  /** Score /1000; null until scored. */
  score: number | null;
  takenAt: string | null;
  validation: Validation;
  /** Last day of validity `YYYY-MM-DD` (R16), once taken. */
  validUntil: string | null;
  /** Public verification code (R17), once scored. */
  publicCode: string | null;
  startedAt: string;
}

/** A La Poste centre session (platform-wide). */
export type ExamSessionRecord = ExamSession & { examType: string };

export interface IdempotencyRecord {
  spaceId: string;
  key: string;
  /** The request body as parsed, serialised: another body with the same key is refused. */
  request: string;
  status: number;
  body: unknown;
  createdAt: string;
}

export interface ResetTokenRecord {
  token: string;
  adminId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** A fixed-window counter (login attempts, public verification). */
export interface RateLimitRecord {
  key: string;
  windowStart: string;
  count: number;
}

/** An e-mail the server would send: kept so tests and the playground can read it. */
export interface MailRecord {
  id: string;
  template: string;
  to: string;
  subject: string;
  text: string;
  spaceId: string | null;
  createdAt: string;
}

/** Everything the mocks know. Plain JSON: `structuredClone` makes a copy. */
export interface MockState {
  examTypes: ExamType[];
  spaces: SpaceRecord[];
  admins: AdminRecord[];
  sessions: AuthSessionRecord[];
  apiKeys: ApiKeyRecord[];
  embedTokens: EmbedTokenRecord[];
  products: ProductRecord[];
  orders: OrderStoredRecord[];
  lots: LotRecord[];
  groups: GroupRecord[];
  memberships: MembershipRecord[];
  candidates: CandidateRecord[];
  assignments: AssignmentRecord[];
  attempts: AttemptRecord[];
  examSessions: ExamSessionRecord[];
  idempotencyKeys: IdempotencyRecord[];
  resetTokens: ResetTokenRecord[];
  rateLimits: RateLimitRecord[];
  mails: MailRecord[];
  /** Last number used per id prefix (`cand` → 19): new ids continue from here. */
  counters: Record<string, number>;
}
