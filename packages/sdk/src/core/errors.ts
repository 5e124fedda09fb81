import { ERROR_CODES, type ErrorCode, type FieldError } from '@clr/domain';

/**
 * Everything the SDK throws, apart from an `AbortError` when the caller's
 * `AbortSignal` fires (that one is rethrown untouched, as `fetch` does).
 *
 * - {@link ClrApiError}: the API answered with a problem (SPEC §4,
 *   `application/problem+json`); one subclass per error code, picked from
 *   {@link ERROR_CLASSES} (Stripe's `Error.ts` does the same with statuses).
 * - {@link ClrNetworkError}: no answer (connection refused, DNS, timeout).
 * - {@link ClrResponseError}: an answer the SDK cannot read (a shape that
 *   does not match the domain schema, HTML instead of JSON…).
 */
/** Where an SDK error keeps the brands of its classes (a registered symbol: the same in every copy of the SDK). */
const BRAND = Symbol.for('@clr/sdk.error');

/**
 * Base of every error the SDK throws. `instanceof` recognises the errors of
 * another copy of the SDK on the same page (a portal that loads the one-tag
 * bundle beside its own build): each error carries the brands of its classes,
 * which `instanceof` also checks.
 */
export class ClrError extends Error {
  override name = 'ClrError';
  /** This class's brand, kept by minifiers (class names are not). */
  static readonly brand: string = 'ClrError';

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    const brands: string[] = [];
    for (let c: unknown = new.target; typeof c === 'function' && c !== Error; c = Object.getPrototypeOf(c)) {
      if (Object.hasOwn(c, 'brand')) brands.push((c as typeof ClrError).brand);
    }
    Object.defineProperty(this, BRAND, { value: Object.freeze(brands), enumerable: false });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const brands = (value as { [BRAND]?: readonly string[] })[BRAND];
    return Array.isArray(brands) && brands.includes(this.brand);
  }
}

/** The problem+json body as the API sends it (RFC 9457 plus the extension members of SPEC §4). */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: FieldError[];
  requestId?: string;
  needed?: number;
  available?: number;
  candidateIds?: string[];
  retryAfterSeconds?: number;
  [member: string]: unknown;
}

export interface ClrApiErrorInit {
  status: number;
  body: ProblemBody;
  /** `X-Request-Id` of the answer, when the body does not carry it. */
  requestId?: string | null;
  /** `Retry-After` of the answer, in seconds. */
  retryAfterSeconds?: number | null;
  method?: string;
  url?: string;
}

/** The API said no. `detail` is the French message to show as is; `errors` names each field. */
export class ClrApiError extends ClrError {
  override name = 'ClrApiError';
  static override readonly brand: string = 'ClrApiError';
  /** HTTP status (400, 401, 403, 404, 409, 429, 5xx). */
  readonly status: number;
  /** The stable error code (`validation_failed`, `out_of_stock`, …; `internal` for a 500). */
  readonly code: ErrorCode | 'internal' | (string & {});
  readonly type: string;
  readonly title: string;
  /** What went wrong, in French, ready to show. */
  readonly detail: string;
  /** One entry per field at fault (`identity.email`), empty when the problem is not about fields. */
  readonly errors: FieldError[];
  /** The server's request id: quote it to the support. */
  readonly requestId: string | null;
  /** The raw problem body (extension members included). */
  readonly body: ProblemBody;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(init: ClrApiErrorInit) {
    const body = init.body;
    const detail = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : `HTTP ${init.status}`;
    super(detail);
    this.status = init.status;
    this.code = typeof body.code === 'string' ? body.code : init.status >= 500 ? 'internal' : 'unknown';
    this.type = typeof body.type === 'string' ? body.type : 'about:blank';
    this.title = typeof body.title === 'string' ? body.title : '';
    this.detail = detail;
    this.errors = Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [];
    this.requestId = typeof body.requestId === 'string' ? body.requestId : (init.requestId ?? null);
    this.body = body;
    this.method = init.method;
    this.url = init.url;
  }

  /** The message for one field (`error.fieldError('identity.email')`), to show beside it. */
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path)?.message;
  }
}

function isFieldError(value: unknown): value is FieldError {
  return typeof value === 'object' && value !== null && typeof (value as FieldError).path === 'string' && typeof (value as FieldError).message === 'string';
}

/** 400 — bad input; `errors` names each field. */
export class ValidationFailedError extends ClrApiError {
  override name = 'ValidationFailedError';
  static override readonly brand: string = 'ValidationFailedError';
  declare readonly code: 'validation_failed';
}
/** 401 — no session or key, or an expired one. */
export class UnauthenticatedError extends ClrApiError {
  override name = 'UnauthenticatedError';
  static override readonly brand: string = 'UnauthenticatedError';
  declare readonly code: 'unauthenticated';
}
/** 403 — signed in, but not allowed (an admin calling the operator's routes…). */
export class ForbiddenError extends ClrApiError {
  override name = 'ForbiddenError';
  static override readonly brand: string = 'ForbiddenError';
  declare readonly code: 'forbidden';
}
/** 404 — no such record (also another space's record). */
export class NotFoundError extends ClrApiError {
  override name = 'NotFoundError';
  static override readonly brand: string = 'NotFoundError';
  declare readonly code: 'not_found';
}
/** 409 — not enough credits (R5, R8): `needed` and `available` when the API says so. */
export class OutOfStockError extends ClrApiError {
  override name = 'OutOfStockError';
  static override readonly brand: string = 'OutOfStockError';
  declare readonly code: 'out_of_stock';
  readonly needed: number | undefined;
  readonly available: number | undefined;
  constructor(init: ClrApiErrorInit) {
    super(init);
    this.needed = numberOr(init.body.needed);
    this.available = numberOr(init.body.available);
  }
}
/** 409 — the candidate already has a current, untaken exam (R5). */
export class AssignmentExistsError extends ClrApiError {
  override name = 'AssignmentExistsError';
  static override readonly brand: string = 'AssignmentExistsError';
  declare readonly code: 'assignment_exists';
}
/** 409 — the candidate's file cannot change once an exam is taken (R11). */
export class CandidateLockedError extends ClrApiError {
  override name = 'CandidateLockedError';
  static override readonly brand: string = 'CandidateLockedError';
  declare readonly code: 'candidate_locked';
}
/** 409 — the candidate has an attempt or a current assignment (R10). */
export class CandidateNotDeletableError extends ClrApiError {
  override name = 'CandidateNotDeletableError';
  static override readonly brand: string = 'CandidateNotDeletableError';
  declare readonly code: 'candidate_not_deletable';
}
/** 409 — some candidates of a selection cannot be processed (R8, R18): their ids in `candidateIds`. */
export class NotEligibleError extends ClrApiError {
  override name = 'NotEligibleError';
  static override readonly brand: string = 'NotEligibleError';
  declare readonly code: 'not_eligible';
  readonly candidateIds: string[];
  constructor(init: ClrApiErrorInit) {
    super(init);
    const ids = init.body.candidateIds;
    this.candidateIds = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  }
}
/** 409 — a uniqueness or state conflict (group name taken, e-mail used, order not pending, reused idempotency key…). */
export class ConflictError extends ClrApiError {
  override name = 'ConflictError';
  static override readonly brand: string = 'ConflictError';
  declare readonly code: 'conflict';
}
/** 429 — too many attempts; try again in `retryAfterSeconds`. */
export class RateLimitedError extends ClrApiError {
  override name = 'RateLimitedError';
  static override readonly brand: string = 'RateLimitedError';
  declare readonly code: 'rate_limited';
  readonly retryAfterSeconds: number | undefined;
  constructor(init: ClrApiErrorInit) {
    super(init);
    this.retryAfterSeconds = numberOr(init.body.retryAfterSeconds) ?? init.retryAfterSeconds ?? undefined;
  }
}
/** 5xx — the server failed; the request id identifies it in the server's logs. */
export class InternalServerError extends ClrApiError {
  override name = 'InternalServerError';
  static override readonly brand: string = 'InternalServerError';
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

type ApiErrorClass = new (init: ClrApiErrorInit) => ClrApiError;

/** The one table from error code to class: every code of the domain has its class. */
export const ERROR_CLASSES = {
  validation_failed: ValidationFailedError,
  unauthenticated: UnauthenticatedError,
  forbidden: ForbiddenError,
  not_found: NotFoundError,
  out_of_stock: OutOfStockError,
  assignment_exists: AssignmentExistsError,
  candidate_locked: CandidateLockedError,
  candidate_not_deletable: CandidateNotDeletableError,
  not_eligible: NotEligibleError,
  conflict: ConflictError,
  rate_limited: RateLimitedError,
} as const satisfies Record<ErrorCode, ApiErrorClass>;

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** The typed error for a problem: by its `code`, else by the HTTP status. */
export function apiErrorFrom(init: ClrApiErrorInit): ClrApiError {
  const code = init.body.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) return new ERROR_CLASSES[code as ErrorCode](init);
  if (init.status >= 500) return new InternalServerError(init);
  const byStatus = STATUS_FALLBACK[init.status];
  return byStatus ? new byStatus(init) : new ClrApiError(init);
}

/** A problem without a known code (a proxy's 404, an old server): the class its status implies. */
const STATUS_FALLBACK: Record<number, ApiErrorClass> = {
  400: ValidationFailedError,
  401: UnauthenticatedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitedError,
};

/** No answer from the API: the network failed, or the request timed out. */
export class ClrNetworkError extends ClrError {
  override name = 'ClrNetworkError';
  static override readonly brand: string = 'ClrNetworkError';
  readonly method: string | undefined;
  readonly url: string | undefined;
  /** True when the SDK's own timeout ended the request. */
  readonly timedOut: boolean;
  constructor(message: string, options: { cause?: unknown; method?: string; url?: string; timedOut?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.method = options.method;
    this.url = options.url;
    this.timedOut = options.timedOut ?? false;
  }
}

/** An answer the SDK cannot read: not JSON, or not the shape the domain schema describes. */
export class ClrResponseError extends ClrError {
  override name = 'ClrResponseError';
  static override readonly brand: string = 'ClrResponseError';
  readonly status: number;
  readonly requestId: string | null;
  readonly method: string | undefined;
  readonly url: string | undefined;
  /** Where the answer differs from the schema (`data.0.status: …`), when that is the reason. */
  readonly issues: string[];
  constructor(
    message: string,
    options: { status: number; requestId?: string | null; method?: string; url?: string; issues?: string[]; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.requestId = options.requestId ?? null;
    this.method = options.method;
    this.url = options.url;
    this.issues = options.issues ?? [];
  }
}

/** Is this the rejection of an aborted call (`signal.abort()`)? */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: string }).name === 'AbortError';
}
