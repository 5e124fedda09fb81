/**
 * @clr/sdk — typed client for the CLR Admin REST API (browser and Node 20).
 *
 *   const client = createClient({ baseUrl: 'http://localhost:3000', auth: { kind: 'session' } });
 *   await client.auth.login({ email, password });
 *   for await (const c of client.candidates.list({ status: 'to_assign' })) …
 */
export { ClrClient, createClient } from './client.js';
export type { ClientOptions } from './client.js';
export type { CallOptions, ClientAuth, ListCallOptions, RetryOptions } from './core/transport.js';
export { RETRY_STATUSES } from './core/transport.js';
export {
  AssignmentExistsError,
  CandidateLockedError,
  CandidateNotDeletableError,
  ClrApiError,
  ClrError,
  ClrNetworkError,
  ClrResponseError,
  ConflictError,
  ERROR_CLASSES,
  ForbiddenError,
  InternalServerError,
  NotEligibleError,
  NotFoundError,
  OutOfStockError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationFailedError,
  isAbortError,
} from './core/errors.js';
export type { ProblemBody } from './core/errors.js';
export { ClrFile } from './core/file.js';
export type { AutoPaging, ListPromise, Page, PageShape } from './core/pagination.js';
export { createMemoryCache } from './cache/cache.js';
export type { CacheOptions, CachedEntry, ClrCache } from './cache/cache.js';
export { createIdbCache } from './cache/idb.js';
export type { IdbCacheOptions } from './cache/idb.js';
export { CANDIDATE_FORM_SECRETS, Drafts } from './drafts.js';
export type { DraftInfo, DraftLoadOptions, DraftSaveOptions } from './drafts.js';
export type { DocumentFormat } from './resources/documents.js';
export { newIdempotencyKey } from './resources/orders.js';
export * from './schemas.js';
