import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { notFound } from '../http/problem.js';

/** Where `npm run build -w @clr/elements` writes the one-tag bundle. */
export const DEFAULT_EMBED_DIR = fileURLToPath(new URL('../../../packages/elements/dist/embed/', import.meta.url));

/** What the bundle build writes beside the bundle (`dist/embed/manifest.json`). */
interface EmbedManifest {
  file: string;
  versioned: string;
  integrity: string;
  bytes: number;
  gzipBytes: number;
  version: string;
}

/**
 * The one-tag bundle: `GET /embed/clr-elements.js` (every element and the SDK
 * in one ES module, revalidated every five minutes so a release reaches the
 * portals within that) and its versioned, immutable copy
 * `GET /embed/clr-elements-<version>-<hash>.js` (pin it with its SRI hash,
 * from `GET /embed/manifest.json`). Any origin may load them: module scripts
 * are fetched with CORS, and the bundle holds no secret.
 */
export function embedRoutes(dir: string = DEFAULT_EMBED_DIR) {
  const read = async (name: string) => {
    try {
      return await readFile(join(dir, name));
    } catch {
      return null;
    }
  };
  const manifest = async (): Promise<EmbedManifest | null> => {
    const text = await read('manifest.json');
    return text ? (JSON.parse(text.toString('utf8')) as EmbedManifest) : null;
  };
  const shared = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin', 'X-Content-Type-Options': 'nosniff' };
  /** The bundle gzipped once per build (keyed by its hash): ~111 KB on the wire instead of ~420 KB. */
  let gzipped: { integrity: string; body: Buffer } | null = null;
  const gzipOf = (integrity: string, body: Buffer): Buffer => {
    if (gzipped?.integrity !== integrity) gzipped = { integrity, body: gzipSync(body, { level: 9 }) };
    return gzipped.body;
  };
  return new Hono<AppEnv>().on(['GET', 'HEAD'], '/:name', async (c) => {
    const name = c.req.param('name');
    const built = await manifest();
    if (!built) throw notFound("Le module d'intégration n'est pas construit : lancez npm run build -w @clr/elements.");
    if (name === 'manifest.json') {
      return c.json({ ...built, url: '/embed/clr-elements.js', versionedUrl: `/embed/${built.versioned}` }, 200, { ...shared, 'Cache-Control': 'no-cache' });
    }
    if (name !== built.file && name !== built.versioned) throw notFound("Ce fichier n'existe pas.");
    const etag = `"${built.integrity}"`;
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const headers: Record<string, string> = {
      ...shared,
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': name === built.versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate',
      ETag: etag,
      Vary: 'Accept-Encoding',
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    const plain = await read(name);
    if (!plain) throw notFound("Ce fichier n'existe pas.");
    const body = gzip ? gzipOf(built.integrity, plain) : plain;
    if (gzip) headers['Content-Encoding'] = 'gzip';
    if (c.req.method === 'HEAD') return c.body(null, 200, { ...headers, 'Content-Length': String(body.length) });
    return c.body(new Uint8Array(body), 200, headers);
  });
}
