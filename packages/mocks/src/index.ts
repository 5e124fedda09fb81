/**
 * @clr/mocks — the CLR Admin API (SPEC §4) served by MSW from an in-memory
 * store that applies the domain's rules: for Storybook, the playground's dev
 * mode, and tests. `@clr/mocks/node` wraps `setupServer`, `@clr/mocks/browser`
 * wraps `setupWorker`.
 */
export { handlers, defaultBaseUrl, ROUTES, type HandlerOptions } from './handlers/index.js';
export { memoryPorts, memoryUnitOfWork, memoryCandidateQueries } from './adapters/memory.js';
export { mockApplication } from './http/application.js';
export { createStore, MockStore, DEFAULT_MOCK_CONFIG, type CreateStoreOptions, type MockConfig, type StoreIndex } from './store/store.js';
export { DEMO_CANDIDATE_PASSWORD, DEMO_KEYS, DEMO_LOGINS, LA_POSTE_CENTRES } from './store/empty.js';
export { DEMO_FIGURES } from './store/demo.js';
export { generateCandidates, type GenerateOptions } from './store/generate.js';
export { StateBuilder, blankState } from './store/builder.js';
export type { Actor, ActorKind } from './http/auth.js';
export type { MockContext, RouteSpec } from './http/route.js';
export type * from './store/types.js';
