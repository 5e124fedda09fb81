import { config } from 'zod';

/**
 * Imported first by every define module (and so by the one-tag bundle), before
 * any schema of the domain or the SDK is built: zod decides at construction
 * whether to compile a schema, probing `new Function`, which a portal's CSP
 * without 'unsafe-eval' reports as a violation. The elements' schemas are small;
 * interpreted parsing costs them nothing a user can see.
 */
config({ jitless: true });
