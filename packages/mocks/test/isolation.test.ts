import { describe, expect, it } from 'vitest';
import { DEMO_KEYS, useMocks } from './kit.js';

const kit = useMocks('demo');

/** Ids of « Autre »'s records, read from the store. */
function autre() {
  const { state } = kit.mocks.store;
  const space = state.spaces.find((s) => s.name === 'Autre')!;
  const candidate = state.candidates.find((c) => c.spaceId === space.id && c.lastName === 'Vidal')!;
  return {
    candidate: candidate.id,
    group: state.groups.find((g) => g.spaceId === space.id)!.id,
    order: state.orders.find((o) => o.spaceId === space.id)!.id,
    key: state.apiKeys.find((k) => k.spaceId === space.id)!.id,
    emails: state.candidates.filter((c) => c.spaceId === space.id).map((c) => c.email),
    names: state.groups.filter((g) => g.spaceId === space.id).map((g) => g.name),
  };
}

function ownGroup(): string {
  const { state } = kit.mocks.store;
  const demo = state.spaces.find((s) => s.name === 'Démo')!;
  return state.groups.find((g) => g.spaceId === demo.id)!.id;
}

describe('Tenant isolation: another space’s records look unknown', () => {
  const cases: [string, string, (ids: ReturnType<typeof autre>) => string, unknown?][] = [
    ['GET', 'a candidate', (i) => `/candidates/${i.candidate}`],
    ['PATCH', 'a candidate', (i) => `/candidates/${i.candidate}`, { contact: { town: 'Nice' } }],
    ['DELETE', 'a candidate', (i) => `/candidates/${i.candidate}`],
    ['GET', 'a candidate’s attempts', (i) => `/candidates/${i.candidate}/attempts`],
    ['POST', 'an assignment', (i) => `/candidates/${i.candidate}/assignment`, { examType: 'blank-remote' }],
    ['PUT', 'an assignment', (i) => `/candidates/${i.candidate}/assignment`, { examType: 'blank-remote' }],
    ['DELETE', 'an assignment', (i) => `/candidates/${i.candidate}/assignment`],
    ['GET', 'a group', (i) => `/groups/${i.group}`],
    ['PATCH', 'a group', (i) => `/groups/${i.group}`, { hidden: true }],
    ['DELETE', 'a group', (i) => `/groups/${i.group}`],
    ['GET', 'a group’s candidates', (i) => `/groups/${i.group}/candidates`],
    ['GET', 'a group’s candidates export', (i) => `/groups/${i.group}/candidates/export.csv`],
    ['GET', 'a group’s associable candidates', (i) => `/groups/${i.group}/associable`],
    ['POST', 'a group’s members', (i) => `/groups/${i.group}/members`, { candidateIds: ['cand_00000001'] }],
    ['POST', 'another space’s candidate as a member', () => `/groups/${ownGroup()}/members`, 'candidate'],
    ['DELETE', 'a membership', (i) => `/groups/${i.group}/members/${i.candidate}`],
    ['GET', 'an order', (i) => `/orders/${i.order}`],
    ['POST', 'an order’s checkout', (i) => `/orders/${i.order}/checkout`],
    ['POST', 'a bulk assignment', () => '/assignments/bulk', 'bulk'],
    ['POST', 'a bulk removal', () => '/assignments/bulk-delete', 'bulk-delete'],
    ['GET', 'activation codes', (i) => `/activation-codes?candidateIds=${i.candidate}`],
    ['GET', 'a document', (i) => `/documents/report?candidateIds=${i.candidate}`],
    ['DELETE', 'an API key', (i) => `/api-keys/${i.key}`],
  ];

  it.each(cases)('%s %s of « Autre » from « Démo » is not_found (404)', async (method, _, path, body) => {
    const ids = autre();
    let payload = body;
    if (body === 'candidate') payload = { candidateIds: [ids.candidate] };
    if (body === 'bulk') payload = { candidateIds: [ids.candidate], examType: 'blank-remote' };
    if (body === 'bulk-delete') payload = { candidateIds: [ids.candidate] };
    const res = await kit.call(method, path(ids), { cookie: await kit.demo(), ...(payload === undefined ? {} : { body: payload }) });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('not_found');
  });

  it.each([
    '/candidates?limit=200&includeHidden=true',
    '/candidates/export.csv?includeHidden=true',
    '/groups?limit=200',
    '/groups/export.csv',
    '/orders',
    '/orders/export.csv',
    '/activation-codes',
    '/activation-codes/candidates',
    '/assignments/eligible?action=assign',
    '/assignments/eligible?action=remove',
    '/documents/report/eligible',
  ])('GET %s never shows « Autre »’s rows', async (path) => {
    const ids = autre();
    for (const auth of [{ cookie: await kit.demo() }, { bearer: DEMO_KEYS.demo }]) {
      const res = await kit.call('GET', path, auth);
      expect(res.status).toBe(200);
      for (const secret of [ids.candidate, ids.group, ids.order, ...ids.emails, ...ids.names]) expect(res.text).not.toContain(secret);
    }
  });

  it('the space comes from the session or key, never from the request', async () => {
    const { state } = kit.mocks.store;
    const other = state.spaces.find((s) => s.name === 'Autre')!.id;
    const res = await kit.call('GET', `/candidates?spaceId=${other}`, { cookie: await kit.demo(), headers: { 'x-space-id': other } });
    expect(res.json.total).toBe(19);
  });
});
