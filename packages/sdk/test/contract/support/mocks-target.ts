/**
 * Setup file of `contract-mocks`: the MSW handlers of `@clr/mocks`, serving the
 * demo state, installed in this test process with `setupServer` (fresh for
 * every test file). The store's clock is real time plus an offset the
 * scenarios may move, as on the server.
 */
import { afterAll, beforeAll } from 'vitest';
import { createMockServer } from '@clr/mocks/node';
import { DEMO_LOGINS } from './target.js';

let offsetMs = 0;
const mocks = createMockServer({
  state: 'demo',
  baseUrl: 'http://mocks.clr.test/api/v1',
  now: () => new Date(Date.now() + offsetMs),
});

globalThis.__clrContractTarget = {
  kind: 'mocks',
  baseUrl: mocks.baseUrl,
  logins: DEMO_LOGINS,
  async setClockOffset(ms) {
    offsetMs = ms;
  },
};

beforeAll(() => mocks.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mocks.close());
