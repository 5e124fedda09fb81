import { ContextProvider } from '@lit/context';
import type { ClrClient } from '@clr/sdk';
import { clrClientContext } from './context.js';

/** What `provideClient` returns: `@lit/context`'s provider of `clrClientContext`. */
export type ClrClientProvider = ContextProvider<typeof clrClientContext>;

/**
 * Provides `client` to every `clr-…` element below `host` (across shadow roots),
 * through `clrClientContext` — so a portal needs neither `@lit/context` nor the
 * context protocol itself. Before or after the elements connect: the define
 * modules install a context root that replays an element's request when a
 * provider appears later.
 *
 *   import '@clr/elements/define/clr-candidates-table.js';
 *   provideClient(document.body, createClient({ baseUrl: '', auth: { kind: 'session' } }));
 *
 * Returns the provider: `provider.setValue(other)` hands every subscribed
 * element another client (after a new embed token, say).
 */
export function provideClient(host: HTMLElement, client: ClrClient): ClrClientProvider {
  const provider = new ContextProvider(host, { context: clrClientContext, initialValue: client });
  // A plain element is no Lit host, so nothing calls hostConnected: announce the
  // provider ourselves, which lets the context root replay earlier requests.
  if (!('addController' in host)) provider.hostConnected();
  return provider;
}
