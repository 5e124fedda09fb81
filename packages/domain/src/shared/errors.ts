/**
 * The error model shared end to end (SPEC §4): the server maps each code to an
 * HTTP status through {@link ERROR_STATUS}, the SDK raises one class per code,
 * the elements show the French message.
 */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'out_of_stock',
  'assignment_exists',
  'candidate_locked',
  'candidate_not_deletable',
  'not_eligible',
  'conflict',
  'rate_limited',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  out_of_stock: 409,
  assignment_exists: 409,
  candidate_locked: 409,
  candidate_not_deletable: 409,
  not_eligible: 409,
  conflict: 409,
  rate_limited: 429,
};

/** One field's problem, `path` in dotted form (`identity.email`). */
export interface FieldError {
  path: string;
  message: string;
}

/** Extra machine-readable members of a problem (`needed`, `available`, `candidateIds`, …). */
export interface DomainErrorDetails {
  errors?: FieldError[];
  needed?: number;
  available?: number;
  candidateIds?: string[];
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

/** A business rule said no. `message` is French: the UI shows it as is. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly details: DomainErrorDetails;

  constructor(code: ErrorCode, message: string, details: DomainErrorDetails = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** The `application/problem+json` body of SPEC §4 (RFC 9457). */
export interface Problem extends DomainErrorDetails {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  requestId?: string;
}
