import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createClient } from '@clr/sdk';
import { DEMO_KEYS, type MockWorker } from '@clr/mocks/browser';
import '../define/clr-candidates-table.js';
import type { ClrCandidatesTable } from '../candidates-table/candidates-table.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import { waitUntil } from '../../test/wait.js';
import '../../test/virtualizer-noise.js';


/**
 * A portal's page: its own back end answers `/intranet/clr-token` with an embed
 * token minted by its API key (here a handler beside the mocks), and the
 * element fetches it by itself.
 */
let mock: MockWorker;
let tokensServed = 0;
const seen: string[] = [];

before(async () => {
  const started = await startMocks();
  mock = started.mock;
  // The test page's origin becomes one of the space's embedding origins, as an administrator would set it.
  const { data } = await started.client.embedOrigins.list();
  await started.client.embedOrigins.replace([...data, location.origin]);
  const backEnd = createClient({ baseUrl: '', auth: { kind: 'apiKey', key: DEMO_KEYS.demo } });
  mock.worker.use(
    http.get('/intranet/clr-token', async () => {
      tokensServed += 1;
      return HttpResponse.json(await backEnd.apiKeys.createEmbedToken({ origin: location.origin }));
    }),
  );
  mock.worker.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname.startsWith('/api/v1/candidates')) seen.push(request.headers.get('authorization') ?? '');
  });
  // The element's own client must not ride on the administrator's session.
  await started.client.auth.logout();
});
after(() => stopMocks());

describe('token-url: an element fetches its embed tokens from the portal', () => {
  it('lists the candidates with a token from token-url, one token for every element of the page', async () => {
    const holder = await fixture<HTMLElement>(html`<div>
      <clr-candidates-table token-url="/intranet/clr-token" api-url=${location.origin} style="--clr-candidates-table-height: 40rem"></clr-candidates-table>
      <clr-candidates-table token-url="/intranet/clr-token" api-url=${location.origin} style="--clr-candidates-table-height: 40rem"></clr-candidates-table>
    </div>`);
    const tables = [...holder.querySelectorAll<ClrCandidatesTable>('clr-candidates-table')];
    await waitUntil(() => tables.every((t) => t.totalCount === 19), 'the tables did not load with the fetched token');
    expect(tokensServed).to.equal(1);
    expect(seen.length).to.be.greaterThan(0);
    expect(seen.every((header) => /^Bearer clr_emb_/.test(header)), seen.join(', ')).to.equal(true);
  });
});
