/**
 * One route of the mock API: a method, a path under the base URL, who may
 * call it, and a handler that reads the store through a {@link MockContext}.
 * {@link toMswHandler} turns it into an MSW handler that answers like the
 * server's Hono app: request id, `identify` then the route's guard, problem+json
 * for anything thrown, security headers on every answer.
 */
import { http, HttpResponse, delay, type HttpHandler } from 'msw';
import { DomainError, fr, isDomainError, parseOrThrow, type IssueSource } from '@clr/domain';
import type { MockStore } from '../store/store.js';
import { randomToken } from '../store/encoding.js';
import { identify, type Actor, type ActorKind } from './auth.js';
import {
  forbidden,
  fromZodError,
  internalErrorResponse,
  problemResponse,
  unauthenticated,
  validationFailed,
  type InputTarget,
} from './problem.js';

export interface ResolvedOptions {
  /** Where the API lives: `http://localhost/api/v1` in Node, `/api/v1` in the browser. */
  baseUrl: string;
  /**
   * How the session cookie travels. `header` (Node): `Set-Cookie` on the
   * answer, the caller sends `Cookie` back, nothing is remembered globally.
   * `jar` (browser): MSW's cookie store keeps it, as a browser would.
   */
  cookies: 'header' | 'jar';
  /** Milliseconds added to every answer (Storybook, the playground's dev mode). */
  latency: number;
  /** Where an unexpected fault is reported (a 500 is answered). */
  onError: (error: unknown) => void;
}

type SchemaLike = Parameters<typeof parseOrThrow>[0];
type Parsed<S extends SchemaLike> = ReturnType<typeof parseOrThrow<S>>;

export interface MockContext {
  store: MockStore;
  request: Request;
  url: URL;
  params: Record<string, string>;
  requestId: string;
  actor: Actor | undefined;
  sessionToken: string | undefined;
  options: ResolvedOptions;
  /** The caller's space (session, API key or embed token), never the request's. */
  spaceId(): string;
  /** The calling admin's id (session callers only). */
  adminId(): string;
  /** A path parameter, checked like the server's `IdParam` (1–64 characters). */
  id(name?: string): string;
  /** The query string as Hono reads it: one value → a string, several → an array. */
  query(): Record<string, string | string[]>;
  /**
   * The JSON body, refused as the server refuses a wrong media type or broken
   * JSON. A request with no body and no `Content-Type` reads as `{}` (the
   * server's validated routes do so), unless `strict` (its candidates routes).
   */
  json(options?: { strict?: boolean }): Promise<unknown>;
  /** Parses with a domain schema, or throws the server's 400 for that part of the request. */
  parse<S extends SchemaLike>(schema: S, input: unknown, target?: InputTarget): Parsed<S>;
}

export type RouteHandler = (ctx: MockContext) => Response | Promise<Response>;

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Under the base URL, MSW style: `/candidates/:id`. */
  path: string;
  /** Who may call it (`undefined`: anyone, signed in or not). */
  auth?: readonly ActorKind[];
  handle: RouteHandler;
}

/** The space's data: administrators with a session, API keys and embed tokens. */
export const SPACE: readonly ActorKind[] = ['admin', 'apiKey', 'embed'];

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function newRequestId(store: MockStore): string {
  return typeof globalThis.crypto?.randomUUID === 'function' ? globalThis.crypto.randomUUID() : randomToken(store.random, 16);
}

function queryOf(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

async function readJson(request: Request, strict: boolean): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!strict && type === '' && (await request.clone().text()) === '') return {};
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw validationFailed(
      [{ path: '', message: 'Le corps de la requête doit être au format JSON (Content-Type: application/json).' }],
      'Le corps de la requête doit être au format JSON.',
    );
  }
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationFailed(
      [{ path: '', message: "Le corps de la requête n'est pas un JSON valide." }],
      "Le corps de la requête n'est pas un JSON valide.",
    );
  }
}

function withCommonHeaders(response: Response, requestId: string): Response {
  response.headers.set('X-Request-Id', requestId);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** Runs a route against the store, with the server's order: identify, guard, handler; anything thrown becomes a problem. */
export async function runRoute(
  spec: Pick<RouteSpec, 'auth' | 'handle'>,
  store: MockStore,
  options: ResolvedOptions,
  request: Request,
  params: Record<string, string>,
  cookies: Record<string, string>,
): Promise<Response> {
  const incoming = request.headers.get('x-request-id');
  const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : newRequestId(store);
  if (options.latency > 0) await delay(options.latency);
  let response: Response;
  try {
    const { actor, sessionToken } = identify(store, request, cookies);
    if (spec.auth) {
      if (!actor) throw unauthenticated();
      if (!spec.auth.includes(actor.kind)) throw forbidden();
    }
    const url = new URL(request.url);
    const ctx: MockContext = {
      store,
      request,
      url,
      params,
      requestId,
      actor,
      sessionToken,
      options,
      spaceId() {
        if (!actor) throw unauthenticated();
        if (actor.spaceId === null) throw forbidden('Cette ressource appartient à un espace : connectez-vous en tant qu’administrateur.');
        return actor.spaceId;
      },
      adminId() {
        if (!actor) throw unauthenticated();
        if (actor.kind !== 'admin' && actor.kind !== 'operator') throw forbidden('Cette action demande une session administrateur.');
        return actor.adminId;
      },
      id(name = 'id') {
        const value = params[name] ?? '';
        if (value.length < 1 || value.length > 64) {
          throw validationFailed([{ path: name, message: fr('field.invalid') }], "L'adresse demandée contient un identifiant invalide.");
        }
        return value;
      },
      query: () => queryOf(url),
      json: (options) => readJson(request, options?.strict ?? false),
      parse(schema, input, target = 'json') {
        const result = schema.safeParse(input);
        if (!result.success) throw fromZodError(result.error as IssueSource, target);
        return result.data as never;
      },
    };
    response = await spec.handle(ctx);
  } catch (error) {
    if (isDomainError(error)) response = problemResponse(error, requestId);
    else {
      options.onError(error);
      response = internalErrorResponse(requestId);
    }
  }
  return withCommonHeaders(response, requestId);
}

/** The MSW handler of a route. */
export function toMswHandler(spec: RouteSpec, store: MockStore, options: ResolvedOptions): HttpHandler {
  return http[spec.method](`${options.baseUrl}${spec.path}`, async ({ request, params, cookies }) => {
    const stringParams: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) if (typeof v === 'string') stringParams[k] = decodeURIComponent(v);
    return runRoute(spec, store, options, request, stringParams, cookies);
  });
}

// ---------------------------------------------------------------------------
// Answers

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function noContent(status = 204, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

/**
 * An answer that sets or clears the session cookie: a plain `Set-Cookie`
 * header in `header` mode; in `jar` mode through MSW's `HttpResponse`, whose
 * cookie store then sends it back on the next requests, as a browser would.
 */
export function withCookie(ctx: MockContext, body: unknown, status: number, cookie: string): Response {
  const headers: Record<string, string> = { 'Set-Cookie': cookie };
  if (body !== null) headers['Content-Type'] = 'application/json';
  const init = { status, headers };
  const payload = body === null ? null : JSON.stringify(body);
  return ctx.options.cookies === 'jar' ? new HttpResponse(payload, init) : new Response(payload, init);
}

/** A download (`Content-Disposition: attachment`). */
export function file(body: BodyInit, contentType: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${filename}"` },
  });
}

/** The `conflict` a duplicated unique value answers (the server's `conflictFromUnique` shape). */
export function conflictOn(field: string, detail: string, message: string): DomainError {
  return new DomainError('conflict', detail, { field, errors: [{ path: field, message }] });
}
