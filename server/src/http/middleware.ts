import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { routePath } from 'hono/route';
import { trustedHops, type AppDeps, type AppEnv } from './env.js';
import { HSTS, HTML_BASELINE } from './html.js';
import { forbidden, SESSION_COOKIE } from './auth.js';

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * First middleware of every request: hands the dependencies to handlers,
 * gives the request an id (the caller's `X-Request-Id` when well-formed) and,
 * once answered, writes one log line — method, route pattern, status, time,
 * request id. Never a query string, a body, an e-mail or a token: the route
 * *pattern* (`/candidates/:id`) is logged, not the path.
 */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Each request first lets the event loop pass its I/O phase once. On
    // SQLite every query is synchronous, so a request never waits for I/O by
    // itself, and a burst of them kept other sockets from being read and
    // answered: at 50 connections (autocannon, 10 s, warm) the slowest
    // requests waited 2.3–4.6 s (p99) for handlers of ~5 ms; with this turn,
    // p99 ~0.4 s, max ~0.6 s, and twice the requests served.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    c.set('deps', deps);
    c.set('requestId', requestId);
    await next();
    c.header('X-Request-Id', requestId);
    c.header('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    secureHeaders(c, deps);
    const ms = (performance.now() - started).toFixed(1);
    const pattern = routePath(c) || '-';
    deps.config.log(`${c.req.method} ${pattern} ${c.res.status} ${ms}ms ${requestId}`);
  };
}

/**
 * CORS for programs and embedded elements: any origin may call with a
 * `Bearer` key or embed token (an embed token only works from its own origin,
 * checked by `identify`). Credentials are never allowed cross-origin, so the
 * session cookie stays with the admin site's own origin.
 */
export const crossOrigin = cors({
  origin: (origin) => origin || null,
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
  exposeHeaders: ['X-Request-Id', 'Location', 'Retry-After', 'Content-Disposition', 'Idempotent-Replayed'],
  maxAge: 600,
  credentials: false,
});

/** Did this request reach us over HTTPS (itself, or at the trusted proxy in front, or `PUBLIC_URL` says the site is HTTPS)? */
function overHttps(c: Context<AppEnv>, deps: AppDeps): boolean {
  if (c.req.url.startsWith('https:') || deps.config.publicUrl.startsWith('https:')) return true;
  if (trustedHops(deps.config) === 0) return false;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * The same protective headers on every HTML answer (the site's `index.html`
 * at any path, the server's pages, the page saying the site is not built):
 * a CSP with `frame-ancestors 'none'` (a page's own, else a strict one),
 * `Referrer-Policy`, `X-Frame-Options: DENY`; and HSTS on every answer in
 * production once HTTPS is in use.
 */
function secureHeaders(c: Context<AppEnv>, deps: AppDeps): void {
  if (deps.config.production && overHttps(c, deps)) c.header('Strict-Transport-Security', HSTS);
  if (!/^text\/html/i.test(c.res.headers.get('content-type') ?? '')) return;
  for (const [name, value] of Object.entries(HTML_BASELINE)) {
    if (!c.res.headers.has(name)) c.header(name, value);
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins the admin site is served from: this request's own (either scheme, behind a TLS proxy) and `PUBLIC_URL`'s. */
function ownOrigins(c: Context<AppEnv>): Set<string> {
  const origins = new Set<string>();
  const host = c.req.header('host');
  if (host) {
    origins.add(`http://${host}`.toLowerCase());
    origins.add(`https://${host}`.toLowerCase());
  }
  for (const url of [c.req.url, c.get('deps').config.publicUrl]) {
    try {
      origins.add(new URL(url).origin.toLowerCase());
    } catch {
      // not a URL: nothing to add
    }
  }
  return origins;
}

/**
 * Is this request from the admin site's own pages? The browser says so itself:
 * `Sec-Fetch-Site` (`same-origin`, or `none` when the user typed the address),
 * else `Origin`. A request with neither comes from a program, not from a page
 * of another site (browsers send `Origin` on every cross-origin unsafe request).
 */
export function fromOwnSite(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin')?.trim().toLowerCase();
  const site = c.req.header('sec-fetch-site')?.trim().toLowerCase();
  if (site === 'same-origin' || site === 'none') return true;
  if (origin !== undefined) return origin !== 'null' && ownOrigins(c).has(origin.replace(/\/$/, ''));
  return site === undefined;
}

/**
 * CSRF (cross-site request forgery): an unsafe request (`POST`, `PUT`,
 * `PATCH`, `DELETE`) that would act with the session cookie, and every
 * request to `/auth` (login, logout, reset), must come from the admin site's
 * own origin; a form or a script of another site gets 403 before anything is
 * read or written. Requests with `Authorization` (API keys, embed tokens)
 * carry no cookie the browser adds by itself and are not concerned.
 */
export const sameSiteOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || c.req.header('authorization') !== undefined) return next();
  const withCookie = getCookie(c, SESSION_COOKIE) !== undefined;
  const auth = /\/auth(\/|$)/.test(c.req.path);
  if ((withCookie || auth) && !fromOwnSite(c)) {
    throw forbidden("Requête refusée : elle ne vient pas du site d'administration (contrôle de l'origine).");
  }
  return next();
};
