import { describe, expect, it } from 'vitest';
import { CANDIDATE_SORTS, type CandidateSort } from '@clr/domain';
import { createStore, type MockStore } from '../src/index.js';
import { queryCandidates } from '../src/services/candidate-list.js';
import { candidateBody, DEMO_KEYS, useMocks } from './kit.js';

const kit = useMocks('demo');

/** Every row of the space in every order, with the counts, as a store answers them. */
function everything(store: MockStore, spaceId: string, now: Date) {
  return CANDIDATE_SORTS.map((sort: CandidateSort) => {
    const all = queryCandidates(store, spaceId, { sort, limit: 1000, includeHidden: true }, now);
    const visible = queryCandidates(store, spaceId, { sort, limit: 1000 }, now);
    return { sort, all: all.data, visible: visible.data.map((r) => r.id), counts: visible.counts };
  });
}

describe('the store’s caches', () => {
  it('after writes of every kind, the patched lookups and rows equal a store rebuilt from the same state', async () => {
    const { store } = kit.mocks;
    const demoSpace = store.state.spaces.find((s) => s.name === 'Démo')!.id;
    const cookie = await kit.demo();
    // Warm every cache, so that the writes below patch them rather than build them.
    everything(store, demoSpace, kit.clock.now());

    /** After each write: the patched store answers what a store rebuilt from its state answers. */
    const same = async (step: string, write: () => Promise<unknown>) => {
      await write();
      const now = kit.clock.now();
      const rebuilt = createStore({ state: store.snapshot(), now: () => now });
      expect(everything(store, demoSpace, now), step).toEqual(everything(rebuilt, demoSpace, now));
      expect(store.index().lotsBySpace.get(demoSpace)?.length, step).toBe(rebuilt.index().lotsBySpace.get(demoSpace)?.length);
    };
    const created: string[] = [];
    for (let i = 0; i < 4; i++) {
      await same('create a candidate', async () => created.push((await kit.call('POST', '/candidates', { cookie, body: candidateBody({ lastName: `Zidane${i}` }) })).json.id));
    }
    await same('assign', () => kit.call('POST', `/candidates/${created[0]}/assignment`, { cookie, body: { examType: 'blank-remote' } }));
    await same('bulk assign', () => kit.call('POST', '/assignments/bulk', { cookie, body: { candidateIds: created.slice(1), examType: 'demo-remote' } }));
    await same('modify', () => kit.call('PUT', `/candidates/${created[1]}/assignment`, { cookie, body: { examType: 'blank-onsite', scheduledAt: '2026-03-10' } }));
    await same('remove', () => kit.call('DELETE', `/candidates/${created[2]}/assignment`, { cookie }));
    const assignment = (await kit.call('GET', `/candidates/${created[0]}`, { cookie })).json.assignment;
    let attemptId = '';
    await same('start', async () => {
      attemptId = (await kit.call('POST', '/integration/attempts', { bearer: DEMO_KEYS.integration, body: { assignmentId: assignment.id } })).json.attemptId;
    });
    await same('score', () => kit.call('POST', `/integration/attempts/${attemptId}/score`, { bearer: DEMO_KEYS.integration, body: { score: 777, takenAt: '2026-03-10T08:00:00Z' } }));
    let group = { id: '' };
    await same('create a group', async () => {
      group = (await kit.call('POST', '/groups', { cookie, body: { name: 'Masqués', category: 'other' } })).json;
    });
    await same('associate', () => kit.call('POST', `/groups/${group.id}/members`, { cookie, body: { candidateIds: [created[0], created[3]] } }));
    await same('hide and rename', () => kit.call('PATCH', `/groups/${group.id}`, { cookie, body: { hidden: true, name: 'Masqués 2026' } }));
    await same('dissociate', () => kit.call('DELETE', `/groups/${group.id}/members/${created[3]}`, { cookie }));
    const session = (await kit.call('GET', '/groups', { cookie })).json.data[0].id;
    await same('delete a group', () => kit.call('DELETE', `/groups/${session}`, { cookie }));
    await same('rename a candidate', () => kit.call('PATCH', `/candidates/${created[3]}`, { cookie, body: { identity: { lastName: 'Abadie' } } }));
    await same('delete a candidate', () => kit.call('DELETE', `/candidates/${created[2]}`, { cookie }));
    await same('platform login', () =>
      kit.call('POST', '/integration/candidates/login', { bearer: DEMO_KEYS.integration, body: { email: 'loic.legall@exemple.fr', password: 'Candidat-2026' } }),
    );
    const products = (await kit.call('GET', '/products', { cookie })).json.data;
    await same('order and delivery', async () => {
      const order = (await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: products[0].id, quantity: 3 }] } })).json;
      await kit.call('POST', `/operator/orders/${order.id}/deliver`, { cookie: await kit.login('operator') });
    });
  });

  it('R19 a deadline passing refreshes the rows without any write', async () => {
    const { store } = kit.mocks;
    const demoSpace = store.state.spaces.find((s) => s.name === 'Démo')!.id;
    expect(queryCandidates(store, demoSpace, { status: 'expired' }, kit.clock.now()).total).toBe(0);
    kit.clock.days(11);
    expect(queryCandidates(store, demoSpace, { status: 'expired' }, kit.clock.now()).total).toBe(1);
  });
});
