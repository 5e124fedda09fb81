import { createContext } from '@lit/context';
import type { ClrClient } from '@clr/sdk';

/**
 * The SDK client, provided once by the page (or the playground's shell) to
 * every element below it:
 *
 *   import { provideClient } from '@clr/elements';
 *   provideClient(document.body, client);
 *
 * A lone element can take it through its `.client` property instead.
 */
export const clrClientContext = createContext<ClrClient>(Symbol.for('clr-client'));
