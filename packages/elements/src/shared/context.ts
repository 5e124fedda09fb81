import { createContext } from '@lit/context';
import type { ClrClient } from '@clr/sdk';

/**
 * The SDK client, provided once by the page (or the playground's shell) to
 * every element below it:
 *
 *   import { ContextProvider } from '@lit/context';
 *   new ContextProvider(document.body, { context: clrClientContext, initialValue: client });
 *
 * A lone element can take it through its `.client` property instead.
 */
export const clrClientContext = createContext<ClrClient>(Symbol.for('clr-client'));
