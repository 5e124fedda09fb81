import { createClient, type ClrClient, type FetchEmbedToken } from '@clr/sdk';
import { provideClient, type ClrClientProvider } from './provide.js';
import { defaultApiUrl, tokenFromUrl } from './token-client.js';

export interface ConfigureOptions {
  /** The CLR server (default: the server the script was loaded from). */
  apiUrl?: string;
  /** The portal's own endpoint that answers `{ token, expiresAt }` (as `token-url` does on one element). */
  tokenUrl?: string;
  /** Or the function that fetches a token (called again before each expires, and after a 401). */
  fetchToken?: FetchEmbedToken;
  /** Or a client of your own. */
  client?: ClrClient;
}

/**
 * One call for the whole page: every `clr-…` element of the document gets the
 * same client, whose embed tokens come from `tokenUrl` or `fetchToken`.
 *
 *   import { configure } from '@clr/elements';
 *   configure({ fetchToken: async () => (await fetch('/intranet/clr-token')).json() });
 *
 * Returns the provider (`provider.setValue(client)` swaps the client later).
 */
export function configure(options: ConfigureOptions): ClrClientProvider {
  const fetchToken = options.fetchToken ?? (options.tokenUrl ? tokenFromUrl(new URL(options.tokenUrl, document.baseURI).href) : undefined);
  const client = options.client ?? (fetchToken ? createClient({ baseUrl: options.apiUrl ?? defaultApiUrl(), auth: { kind: 'embedToken', fetchToken } }) : undefined);
  if (!client) throw new TypeError('configure: donnez tokenUrl, fetchToken ou client.');
  return provideClient(document.documentElement, client);
}
