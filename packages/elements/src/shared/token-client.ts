import { createClient, type ClrClient, type FetchEmbedToken } from '@clr/sdk';

/**
 * Clients that fetch their embed tokens from the portal's own back end
 * (`token-url`, or `configure({ fetchToken })`): one per CLR server and token
 * source, shared by every element of the page, so a page of five elements asks
 * its back end for one token, and for the next one a minute before it expires.
 */
const shared = new Map<string, ClrClient>();

/** The CLR server this module was served from: the one-tag bundle's own origin (`https://clr…/embed/clr-elements.js`). */
export function defaultApiUrl(): string {
  try {
    return new URL(import.meta.url).origin;
  } catch {
    return '';
  }
}

/**
 * `GET tokenUrl` on the portal (its cookies, its origin): `{ token, expiresAt }`
 * as `apiKeys.createEmbedToken` answers it, or the token as plain text.
 */
export function tokenFromUrl(tokenUrl: string): FetchEmbedToken {
  return async ({ signal }) => {
    const response = await fetch(tokenUrl, { credentials: 'same-origin', headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
    if (!response.ok) throw new Error(`${tokenUrl} a répondu ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('json')) return (await response.text()).trim();
    const body = (await response.json()) as { token?: unknown; expiresAt?: unknown };
    if (typeof body.token !== 'string') throw new Error(`${tokenUrl} n'a pas donné de jeton`);
    return { token: body.token, expiresAt: typeof body.expiresAt === 'string' ? body.expiresAt : null };
  };
}

/** The shared client of `apiUrl` whose tokens come from `tokenUrl`. */
export function tokenUrlClient(apiUrl: string, tokenUrl: string): ClrClient {
  const resolved = new URL(tokenUrl, document.baseURI).href;
  const key = `${apiUrl}\n${resolved}`;
  let client = shared.get(key);
  if (!client) {
    client = createClient({ baseUrl: apiUrl, auth: { kind: 'embedToken', fetchToken: tokenFromUrl(resolved) } });
    shared.set(key, client);
  }
  return client;
}
