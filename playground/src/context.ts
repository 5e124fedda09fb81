import type { ClrClient } from '@clr/sdk';
import { clrClientContext } from '@clr/elements';

/**
 * Provides the SDK client to every `clr-…` element below `root` through
 * `clrClientContext` — the elements' `@lit/context` consumers send a
 * `context-request` event (the Web Components Community Group's context
 * protocol) and get the client back. The site creates one client for its whole
 * life, so subscribers never need an update.
 */
export function provideClient(root: HTMLElement, client: ClrClient): void {
  root.addEventListener('context-request', (event) => {
    const request = event as Event & {
      context?: unknown;
      contextTarget?: Element;
      callback?: (value: ClrClient, unsubscribe?: () => void) => void;
      subscribe?: boolean;
    };
    if (request.context !== clrClientContext || typeof request.callback !== 'function') return;
    event.stopPropagation();
    request.callback(client, request.subscribe ? () => undefined : undefined);
  });
}
