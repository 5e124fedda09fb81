/**
 * Origins allowed to embed the elements (SPEC §2: a space's « allowed embedding
 * origins »). An origin is `scheme://host[:port]` only: `https`, or `http` for
 * `localhost`/`127.0.0.1` during development; no path, query, fragment or
 * credentials, no wildcard (`https://*.exemple.fr` is refused: list each
 * origin). Comparison is on the normalised form (lower-case host, default
 * port dropped), as browsers send the `Origin` header.
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The normalised origin (`https://intranet.exemple.fr`), or `null` when `input` is not an acceptable origin. */
export function normaliseOrigin(input: string): string | null {
  const text = input.trim();
  if (text === '' || text.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  // No wildcard: each origin is listed as the browser sends it (`*.exemple.fr` would be a host named so).
  if (url.hostname.includes('*')) return null;
  if (url.search !== '' || url.hash !== '' || text.endsWith('?') || text.endsWith('#')) return null;
  if (url.pathname !== '/' || /^[a-z]+:\/\/[^/]+\/./i.test(text)) return null;
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return url.origin;
  return null;
}

/** Is `origin` (an `Origin` header) one of the space's allowed origins? `null`/`'null'` never is. */
export function isAllowedOrigin(origin: string | null | undefined, allowed: readonly string[]): boolean {
  if (!origin || origin === 'null') return false;
  const wanted = normaliseOrigin(origin);
  if (wanted === null) return false;
  return allowed.some((candidate) => normaliseOrigin(candidate) === wanted);
}
