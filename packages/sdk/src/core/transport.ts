import ky, { HTTPError, TimeoutError, type KyInstance, type Options as KyOptions } from 'ky';
import type { z } from 'zod';
import type { ClrCache } from '../cache/cache.js';
import { apiErrorFrom, ClrNetworkError, ClrResponseError, isAbortError, type ProblemBody } from './errors.js';
import { ClrFile, filenameFromDisposition } from './file.js';

/** How the client proves who it is (SPEC §4 « Authentication »). */
export type ClientAuth =
  /** The admin site's session cookie: the browser sends it (`credentials: 'include'`); in Node the client keeps the one `auth.login()` received. */
  | { kind: 'session' }
  /** A space's API key (or the exam platform's integration key), sent as `Authorization: Bearer`. */
  | { kind: 'apiKey'; key: string }
  /** A short-lived embed token minted by the partner's back end (`apiKeys.createEmbedToken`), sent as `Authorization: Bearer`. */
  | { kind: 'embedToken'; token: string; fetchToken?: undefined }
  /**
   * Embed tokens fetched from the portal's own back end, as many times as
   * needed: the client calls `fetchToken` before its first request, again a
   * minute before the token's `expiresAt`, and once more when the server
   * answers 401 (then the request is sent again with the new token).
   */
  | { kind: 'embedToken'; fetchToken: FetchEmbedToken; token?: undefined };

/** What a portal's back end answers for an embed token: the token, or `{ token, expiresAt }` as `apiKeys.createEmbedToken` gives it. */
export type FetchEmbedToken = (options: { signal?: AbortSignal }) => Promise<string | { token: string; expiresAt?: string | null }>;

/** A fetched token is fetched again this long before it expires. */
const EMBED_TOKEN_MARGIN_MS = 60_000;

export interface RetryOptions {
  /** Retries after the first attempt. Default 2; 0 turns retries off. */
  limit?: number;
  /** Delay before retry n (1, 2, …) in ms. Default `300 × 2^(n−1)` with full jitter, at most `backoffLimitMs`. */
  delayMs?: (attempt: number) => number;
  /** Upper bound of one delay. Default 5 000 ms. */
  backoffLimitMs?: number;
  /** A 429 is retried only when its `Retry-After` is at most this long. Default 5 000 ms. */
  maxRetryAfterMs?: number;
}

/** Statuses worth another try of an idempotent call: the server or a proxy was momentarily unable. */
export const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

/** Options every method takes. */
export interface CallOptions {
  /** Cancels the call (and any retry waiting); the promise rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call (ms). */
  timeoutMs?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** Options of list methods: {@link CallOptions} plus the cache. */
export interface ListCallOptions<T = unknown> extends CallOptions {
  /**
   * `'swr'` (stale-while-revalidate): when the client has a cache and holds this
   * page, resolve with it at once and fetch it again behind; `onUpdate` gets the
   * fresh page if it differs. `'network'` (default) always fetches, and stores
   * the page when a cache is configured.
   */
  cache?: 'swr' | 'network';
  /** Called with the revalidated page when it differs from the cached one. */
  onUpdate?: (fresh: T) => void;
  /** Called when the revalidation behind a cached page fails (the cached page was already served). */
  onRevalidateError?: (error: unknown) => void;
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Record<string, QueryValue>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface BaseRequest {
  method: HttpMethod;
  /** Path under `/api/v1`, without a leading slash, ids already encoded (`candidates/abc/assignment`). */
  path: string;
  query?: Query;
  body?: unknown;
  options?: CallOptions;
  /** Sent as `Idempotency-Key`; a POST that carries one is retried like an idempotent call. */
  idempotencyKey?: string;
}

export interface TransportConfig {
  baseUrl: string;
  auth: ClientAuth;
  fetch?: typeof globalThis.fetch;
  retry?: RetryOptions | false;
  /** Default 30 000 ms per attempt. */
  timeoutMs?: number;
  headers?: Record<string, string>;
  cache?: ClrCache;
}

/** What the session cookie looks like on the wire (`clr_session=…`). */
const COOKIE_PAIR = /^\s*([^=;\s]+)=([^;]*)/;

/**
 * The one place the SDK talks HTTP (ky underneath): URLs, auth headers, the
 * Node cookie jar, retries for idempotent calls only, problem+json → typed
 * errors, schema parsing of every answer, files, and the list-page cache.
 */
export class Transport {
  readonly apiUrl: string;
  readonly auth: ClientAuth;
  readonly cache: ClrCache | undefined;
  readonly #ky: KyInstance;
  readonly #retry: Required<RetryOptions>;
  readonly #timeoutMs: number;
  /** Cookies the server set (Node: a browser keeps its own and hides them). */
  readonly #cookies = new Map<string, string>();
  /** The space the session belongs to, once known: part of the cache scope. */
  #sessionScope: string | null = null;
  #scopeKey: Promise<string> | null = null;
  /** The embed token `fetchToken` last gave, and when to fetch the next. */
  #fetched: Promise<{ token: string; renewAt: number }> | null = null;

  constructor(config: TransportConfig) {
    this.apiUrl = apiUrlOf(config.baseUrl);
    this.auth = config.auth;
    this.cache = config.cache;
    this.#timeoutMs = config.timeoutMs ?? 30_000;
    const retry = config.retry === false ? { limit: 0 } : (config.retry ?? {});
    const backoffLimitMs = retry.backoffLimitMs ?? 5_000;
    this.#retry = {
      limit: retry.limit ?? 2,
      backoffLimitMs,
      maxRetryAfterMs: retry.maxRetryAfterMs ?? 5_000,
      delayMs: retry.delayMs ?? ((attempt) => Math.random() * Math.min(backoffLimitMs, 300 * 2 ** (attempt - 1))),
    };
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...config.headers };
    if (config.auth.kind === 'apiKey') headers.authorization = `Bearer ${config.auth.key}`;
    if (config.auth.kind === 'embedToken' && config.auth.token !== undefined) headers.authorization = `Bearer ${config.auth.token}`;
    this.#ky = ky.create({
      headers,
      // The browser sends the admin site's cookie only when asked; bearer callers send none.
      credentials: config.auth.kind === 'session' ? 'include' : 'omit',
      ...(config.fetch ? { fetch: config.fetch } : {}),
      hooks: {
        beforeRequest: [(request) => this.#attachCookies(request)],
        afterResponse: [(_request, _options, response) => this.#keepCookies(response)],
      },
    });
  }

  /** A JSON call whose answer is parsed with `schema`. */
  async json<S extends z.ZodType>(request: BaseRequest & { schema: S }): Promise<z.output<S>> {
    const response = await this.#send(request, 'application/json');
    return this.#parse(request, response, await readJson(response, request), request.schema);
  }

  /** A call answered with no content (204, 202). */
  async empty(request: BaseRequest): Promise<void> {
    const response = await this.#send(request, 'application/json');
    await response.body?.cancel().catch(() => undefined);
  }

  /** A download (CSV, PDF). */
  async file(request: BaseRequest, accept: string): Promise<ClrFile> {
    const response = await this.#send(request, accept);
    const blob = await response.blob();
    const type = response.headers.get('content-type') ?? blob.type ?? accept;
    return new ClrFile(blob, filenameFromDisposition(response.headers.get('content-disposition')), type);
  }

  /**
   * A GET list page through the cache: with `cache: 'swr'` and a stored page,
   * the stored page at once and a revalidation behind; otherwise the network,
   * and the answer stored for next time.
   */
  async cachedJson<S extends z.ZodType>(request: BaseRequest & { schema: S }, options: ListCallOptions<z.output<S>> = {}): Promise<z.output<S>> {
    const cache = this.cache;
    if (!cache) return this.json(request);
    const key = await this.#cacheKey(request);
    if (options.cache === 'swr') {
      const stored = await cache.getPage(key).catch(() => undefined);
      const cached = stored ? request.schema.safeParse(stored.value) : undefined;
      if (cached?.success) {
        void this.#fetchAndStore(request, key)
          .then(({ raw, value }) => {
            if (!sameJson(raw, stored!.value)) options.onUpdate?.(value);
          })
          .catch((error: unknown) => options.onRevalidateError?.(error));
        return cached.data;
      }
    }
    return (await this.#fetchAndStore(request, key)).value;
  }

  async #fetchAndStore<S extends z.ZodType>(request: BaseRequest & { schema: S }, key: string): Promise<{ raw: unknown; value: z.output<S> }> {
    const response = await this.#send(request, 'application/json');
    const raw = await readJson(response, request);
    const value = this.#parse(request, response, raw, request.schema);
    await this.cache?.putPage(key, raw).catch(() => undefined);
    return { raw, value };
  }

  /** The prefix of every cache key of this client: the API, and who is asking. */
  async cacheScope(): Promise<string> {
    const who =
      this.auth.kind === 'session'
        ? `session:${this.#sessionScope ?? '-'}`
        : `bearer:${await (this.#scopeKey ??= fingerprint(this.#bearerIdentity()))}`;
    return `${this.apiUrl}|${who}|`;
  }

  /** What identifies a bearer caller for the cache: the key, the fixed token, or the function that fetches tokens (one per client). */
  #bearerIdentity(): string {
    if (this.auth.kind === 'apiKey') return this.auth.key;
    if (this.auth.kind === 'embedToken' && this.auth.token !== undefined) return this.auth.token;
    return `fetched:${this.apiUrl}:${(this.#clientId ??= Math.random().toString(36).slice(2))}`;
  }

  #clientId: string | undefined;

  /** Records which space the session belongs to (after login or `me`), so cached pages stay per space. */
  setSessionScope(spaceOrAdmin: string | null): void {
    this.#sessionScope = spaceOrAdmin;
  }

  /** Forgets the session cookie (Node) after a logout. */
  forgetSession(): void {
    this.#cookies.clear();
    this.#sessionScope = null;
  }

  /** The session cookie the client holds (Node), e.g. to hand it to another process. */
  get sessionCookie(): string | null {
    return this.#cookies.size === 0 ? null : [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  set sessionCookie(header: string | null) {
    this.#cookies.clear();
    for (const part of (header ?? '').split(';')) {
      const match = COOKIE_PAIR.exec(part);
      if (match?.[1]) this.#cookies.set(match[1], match[2] ?? '');
    }
  }

  async #cacheKey(request: BaseRequest): Promise<string> {
    return `${await this.cacheScope()}${request.method} ${request.path}?${searchParamsOf(request.query).toString()}`;
  }

  #url(request: BaseRequest): string {
    const query = searchParamsOf(request.query).toString();
    return `${this.apiUrl}/${request.path}${query ? `?${query}` : ''}`;
  }

  async #send(request: BaseRequest, accept: string): Promise<Response> {
    const url = this.#url(request);
    const { options = {} } = request;
    const headers: Record<string, string> = { accept, ...options.headers };
    if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
    const retryable = isIdempotent(request.method) || request.idempotencyKey !== undefined;
    const retry = this.#retry;
    const kyOptions: KyOptions = {
      method: request.method,
      headers,
      timeout: options.timeoutMs ?? this.#timeoutMs,
      retry: {
        limit: retryable ? retry.limit : 0,
        methods: retryable ? [request.method.toLowerCase() as 'get'] : [],
        statusCodes: RETRY_STATUSES,
        afterStatusCodes: [429, 503],
        maxRetryAfter: retry.maxRetryAfterMs,
        retryOnTimeout: true,
        delay: (attempt) => Math.max(0, retry.delayMs(attempt)),
        shouldRetry: ({ error }) => {
          if (isAbortError(error) || options.signal?.aborted || isUrlError(error)) return false;
          // A 429 whose wait is longer than we are willing to wait is the caller's to handle.
          if (error instanceof HTTPError && error.response.status === 429) {
            const wait = retryAfterSeconds(error.response.headers.get('retry-after'));
            if (wait === null || wait * 1000 > retry.maxRetryAfterMs) return false;
          }
          return undefined;
        },
      },
      ...(options.signal ? { signal: options.signal } : {}),
      ...(request.body !== undefined ? { json: request.body } : {}),
    };
    const fetchToken = this.auth.kind === 'embedToken' ? this.auth.fetchToken : undefined;
    if (!fetchToken) {
      try {
        return await this.#ky(url, kyOptions);
      } catch (error) {
        throw await this.#translate(error, request, url);
      }
    }
    for (let attempt = 1; ; attempt += 1) {
      const token = await this.#embedToken(fetchToken, options.signal, url, request);
      try {
        return await this.#ky(url, { ...kyOptions, headers: { ...headers, authorization: `Bearer ${token}` } });
      } catch (error) {
        // Expired or revoked under our feet: one new token, one more try.
        if (attempt === 1 && error instanceof HTTPError && error.response.status === 401) {
          // Not awaited: a tee'd body (a cloned response) settles its cancel only with its twin.
          void error.response.body?.cancel().catch(() => undefined);
          this.#fetched = null;
          continue;
        }
        throw await this.#translate(error, request, url);
      }
    }
  }

  /** The current fetched embed token, fetching one when there is none or it is about to expire (one fetch for concurrent calls). */
  async #embedToken(fetchToken: FetchEmbedToken, signal: AbortSignal | undefined, url: string, request: BaseRequest): Promise<string> {
    const current = this.#fetched && (await this.#fetched.catch(() => null));
    if (current && Date.now() < current.renewAt) return current.token;
    const pending = (this.#fetched = fetchToken(signal ? { signal } : {}).then((answer) => {
      const { token, expiresAt } = typeof answer === 'string' ? { token: answer, expiresAt: null } : answer;
      if (typeof token !== 'string' || token === '') throw new TypeError('fetchToken: la réponse ne contient pas de jeton.');
      const end = expiresAt ? Date.parse(expiresAt) : Number.NaN;
      return { token, renewAt: Number.isFinite(end) ? end - EMBED_TOKEN_MARGIN_MS : Number.POSITIVE_INFINITY };
    }));
    try {
      return (await pending).token;
    } catch (error) {
      if (this.#fetched === pending) this.#fetched = null;
      if (signal?.aborted) throw signal.reason ?? error;
      if (error instanceof TypeError && error.message.startsWith('fetchToken:')) throw error;
      throw new ClrNetworkError(`Le jeton d'intégration n'a pas pu être obtenu : ${(error as Error)?.message ?? String(error)}`, {
        cause: error,
        method: request.method,
        url,
      });
    }
  }

  async #translate(error: unknown, request: BaseRequest, url: string): Promise<unknown> {
    const signal = request.options?.signal;
    if (signal?.aborted) return signal.reason ?? error;
    if (isAbortError(error)) return error;
    if (error instanceof HTTPError) {
      const response = error.response;
      let body: ProblemBody = {};
      const text = await response.text().catch(() => '');
      try {
        const parsed: unknown = text ? JSON.parse(text) : {};
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as ProblemBody;
      } catch {
        body = { detail: text.slice(0, 500) || `HTTP ${response.status}` };
      }
      return apiErrorFrom({
        status: response.status,
        body,
        requestId: response.headers.get('x-request-id'),
        retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after')),
        method: request.method,
        url,
      });
    }
    if (error instanceof TimeoutError) {
      return new ClrNetworkError(`Le serveur n'a pas répondu à temps (${request.method} ${url}).`, { cause: error, method: request.method, url, timedOut: true });
    }
    if (isUrlError(error)) {
      return new TypeError(`${(error as Error).message} — baseUrl doit être une adresse absolue hors d'un navigateur (http://localhost:3000).`, { cause: error });
    }
    if (error instanceof TypeError || (error instanceof Error && /fetch|network|ECONN|socket/i.test(error.message))) {
      return new ClrNetworkError(`Le serveur est injoignable (${request.method} ${url}) : ${error.message}`, { cause: error, method: request.method, url });
    }
    return error;
  }

  #parse<S extends z.ZodType>(request: BaseRequest, response: Response, raw: unknown, schema: S): z.output<S> {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    const issues = result.error.issues.slice(0, 10).map((issue) => `${issue.path.map(String).join('.') || '(racine)'}: ${issue.message}`);
    throw new ClrResponseError(`La réponse de ${request.method} /${request.path} ne correspond pas au contrat de l'API : ${issues.join(' ; ')}`, {
      status: response.status,
      requestId: response.headers.get('x-request-id'),
      method: request.method,
      url: response.url || this.#url(request),
      issues,
    });
  }

  #attachCookies(request: Request): void {
    if (this.auth.kind !== 'session' || this.#cookies.size === 0) return;
    // A browser refuses to let scripts set Cookie and sends its own; Node sends ours.
    request.headers.set('cookie', this.sessionCookie!);
  }

  #keepCookies(response: Response): void {
    if (this.auth.kind !== 'session') return;
    const headers = response.headers as Headers & { getSetCookie?: () => string[] };
    const lines = headers.getSetCookie?.() ?? splitSetCookie(response.headers.get('set-cookie'));
    for (const line of lines) {
      const match = COOKIE_PAIR.exec(line);
      if (!match?.[1]) continue;
      const expired = /max-age\s*=\s*0\b/i.test(line) || /expires\s*=\s*thu, 01 jan 1970/i.test(line) || match[2] === '';
      if (expired) this.#cookies.delete(match[1]);
      else this.#cookies.set(match[1], match[2] ?? '');
    }
  }
}

async function readJson(response: Response, request: BaseRequest): Promise<unknown> {
  const text = await response.text();
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch (cause) {
    throw new ClrResponseError(`La réponse de ${request.method} /${request.path} n'est pas du JSON.`, {
      status: response.status,
      requestId: response.headers.get('x-request-id'),
      method: request.method,
      url: response.url,
      cause,
    });
  }
}

/** A URL the platform cannot parse (a relative `baseUrl` in Node): the caller's mistake, not the network's. */
function isUrlError(error: unknown): boolean {
  return error instanceof TypeError && /invalid url|parse url/i.test(error.message);
}

export function isIdempotent(method: HttpMethod): boolean {
  return method === 'GET' || method === 'PUT' || method === 'DELETE';
}

/** `https://x.test`, `https://x.test/`, `https://x.test/api/v1` → `https://x.test/api/v1`; `''` or `/` → `/api/v1` (same origin). */
export function apiUrlOf(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/api\/v1$/.test(trimmed) ? trimmed : `${trimmed}/api/v1`;
}

/** Query parameters: `undefined`/`null` left out, booleans as `true`/`false`, lists comma-separated (`candidateIds=a,b`). */
export function searchParamsOf(query: Query | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(name, value.join(','));
    } else params.set(name, String(value));
  }
  return params;
}

/** `Retry-After` as seconds (a number or an HTTP date). */
export function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, (at - Date.now()) / 1000);
}

function splitSetCookie(header: string | null): string[] {
  if (!header) return [];
  // Split on commas that start a new cookie (not the one inside an Expires date).
  return header.split(/,(?=\s*[^;=\s]+=)/);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A short, one-way fingerprint of a secret: enough to keep caches apart, useless to recover the key. */
async function fingerprint(secret: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(secret));
    return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  let hash = 0x811c9dc5;
  for (let i = 0; i < secret.length; i++) hash = Math.imul(hash ^ secret.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16);
}
