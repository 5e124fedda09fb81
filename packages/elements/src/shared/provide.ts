import { ContextProvider } from '@lit/context';
import type { ClrClient } from '@clr/sdk';
import { clrClientContext } from './context.js';

/** What `provideClient` returns: `@lit/context`'s provider of `clrClientContext`. */
export type ClrClientProvider = ContextProvider<typeof clrClientContext>;

/**
 * Provides `client` to every `clr-…` element below `host` (across shadow roots),
 * through `clrClientContext` — so a portal needs neither `@lit/context` nor the
 * context protocol itself. Call it **before the elements connect** (a context
 * request only reaches the providers present when the element connects):
 *
 *   provideClient(document.body, createClient({ baseUrl: '', auth: { kind: 'session' } }));
 *   await import('@clr/elements/define/clr-candidates-table.js');
 *
 * Returns the provider: `provider.setValue(other)` hands every subscribed
 * element another client (after a new embed token, say).
 */
export function provideClient(host: HTMLElement, client: ClrClient): ClrClientProvider {
  return new ContextProvider(host, { context: clrClientContext, initialValue: client });
}
