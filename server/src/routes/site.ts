import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { DEFAULT_CONFIG, type AppDeps, type AppEnv } from '../http/env.js';

/** Where `npm run build -w playground` writes the admin site. */
export const DEFAULT_SITE_DIR = fileURLToPath(new URL('../../../playground/dist/', import.meta.url));

/**
 * Paths the server owns: the API and its own pages keep precedence, and an
 * unknown path under them stays a 404 instead of becoming the site.
 */
const SERVER_PATHS = /^\/(api|verify|ack|accuse-reception|paiement|demo|embed)(\/|$)/;

/** Vite names built files after their content: they never change, so browsers keep them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** `index.html` and the unhashed files of `public/`: checked on every use. */
const REVALIDATE = 'no-cache';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The admin site's page: scripts and styles from its own origin only, never
 * framed by another site (its forms act with the administrator's session).
 */
const PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * The reference admin site (`playground/dist`) at `/`, mounted after every
 * other route: a built file is served as is (hashed assets cached for a year,
 * the rest revalidated), and any other `GET` of a path without an extension
 * outside {@link SERVER_PATHS} answers the site's `index.html`, so that deep
 * links (`/candidats`) reach the site's router. Without a built site, `/` and
 * those paths say how to build it.
 */
export function siteRoutes(root: string = DEFAULT_SITE_DIR) {
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  const router = new Hono<AppEnv>();
  router.on(['GET', 'HEAD'], '*', async (c, next) => {
    const path = c.req.path;
    if (SERVER_PATHS.test(path)) return next();
    const file = await builtFile(base, path);
    // Any HTML file of the site (`/index.html` itself included) is a page of the site, with the page's headers.
    if (file) return send(c, file, path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE, extname(file.path).toLowerCase() === '.html' ? PAGE_HEADERS : {});
    if (extname(path) !== '') return next();
    const index = await builtFile(base, '/index.html');
    if (index) return sendIndex(c, index);
    return c.html(NOT_BUILT, 503, { 'Cache-Control': 'no-store', 'Retry-After': '5' });
  });
  return router;
}

interface BuiltFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** The file of the built site at this URL path, or null (never outside the site's folder). */
async function builtFile(base: string, urlPath: string): Promise<BuiltFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = normalize(join(base, decoded));
  if (!path.startsWith(base)) return null;
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

async function send(c: Context<AppEnv>, file: BuiltFile, cacheControl: string, extra: Record<string, string> = {}): Promise<Response> {
  const etag = `W/"${file.size.toString(16)}-${Math.trunc(file.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Type': TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    ETag: etag,
    ...extra,
  };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  if (c.req.method === 'HEAD') return c.body(null, 200, { ...headers, 'Content-Length': String(file.size) });
  return c.body(new Uint8Array(await readFile(file.path)), 200, headers);
}

/**
 * What the deployment tells the site, as `<meta>` tags in its `index.html`
 * (read by `playground/src/config.ts`): the help site (`HELP_URL`) and the
 * customer service's address (`SUPPORT_EMAIL`). No extra request, nothing
 * for the CSP to allow.
 */
export function siteMeta(config: { helpUrl: string; supportEmail: string }): string {
  return `<meta name="clr-help-url" content="${escapeAttribute(config.helpUrl)}" />\n<meta name="clr-support-email" content="${escapeAttribute(config.supportEmail)}" />\n`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The site's page (deep links included) with the deployment's `<meta>` tags before `</head>`. */
async function sendIndex(c: Context<AppEnv>, file: BuiltFile): Promise<Response> {
  const meta = siteMeta((c.get('deps') as AppDeps | undefined)?.config ?? DEFAULT_CONFIG);
  // The tags are part of the page: another configuration is another version of it.
  const etag = `W/"${file.size.toString(16)}-${Math.trunc(file.mtimeMs).toString(16)}-${hash(meta)}"`;
  const headers: Record<string, string> = { 'Content-Type': TYPES['.html']!, 'Cache-Control': REVALIDATE, ETag: etag, ...PAGE_HEADERS };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  const html = (await readFile(file.path, 'utf8')).replace('</head>', `${meta}</head>`);
  if (c.req.method === 'HEAD') return c.body(null, 200, { ...headers, 'Content-Length': String(Buffer.byteLength(html)) });
  return c.body(html, 200, headers);
}

/** A short, stable fingerprint (FNV-1a) of a string, for ETags. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}

const NOT_BUILT = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Site non construit — Certification Le Robert</title></head>
<body><main><h1>Le site d'administration n'est pas construit</h1>
<p>Le serveur répond (API sous <a href="/api/v1/healthz">/api/v1</a>), mais <code>playground/dist</code> est absent.
Construisez le site avec <code>npm run build -w playground</code> (ou lancez <code>npm start</code> à la racine, qui le construit), puis rechargez cette page.</p>
</main></body></html>`;
