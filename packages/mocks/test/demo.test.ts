import { describe, expect, it } from 'vitest';
import { CandidateList, DashboardResponse, OrderList, Stock, candidateStatus } from '@clr/domain';
import { createStore, DEMO_CANDIDATE_PASSWORD, DEMO_FIGURES, generateCandidates } from '../src/index.js';
import { historyOf } from '../src/services/views.js';
import { DEMO_KEYS, useMocks } from './kit.js';

const kit = useMocks('demo');

describe('the demo space « Démo » (manual §3.1)', () => {
  it('R21 the home page shows the manual’s figures: 1079 certifications (200, 99, 100, 480, 100, 100), 19 candidates (0, 8, 11), 1 group « Session d’examen »', async () => {
    const res = await kit.call('GET', '/dashboard', { cookie: await kit.demo() });
    expect(res.status).toBe(200);
    expect(DashboardResponse.parse(res.json)).toEqual(DEMO_FIGURES);
  });

  it('R4 the stock is the lots’ remaining credits: 1079, the official types the space sells shown at 0', async () => {
    const stock = Stock.parse((await kit.call('GET', '/stock', { cookie: await kit.demo() })).json);
    expect(stock.total).toBe(1079);
    expect(Object.fromEntries(stock.byType.map((t) => [t.examType, t.remaining]))).toEqual({
      'blank-remote': 200,
      'blank-onsite': 99,
      'blank-manual': 100,
      'demo-remote': 480,
      'demo-onsite': 100,
      'demo-manual': 100,
      'official-onsite': 0,
      'official-laposte': 0,
      'official-approved': 0,
    });
  });

  it('lists the orders like §4.1: « En cours » 4 × 71,00 € = 340,80 € T.T.C. to validate, delivered ones to consume, the rest in the history', async () => {
    const list = OrderList.parse((await kit.call('GET', '/orders', { cookie: await kit.demo() })).json);
    expect(list.data.map((o) => [o.section, o.status])).toEqual([
      ['to_validate', 'pending'],
      ['to_consume', 'delivered'],
      ['to_consume', 'delivered'],
      ['history', 'cancelled'],
      ['history', 'delivered'],
      ['history', 'delivered'],
    ]);
    const pending = list.data[0]!;
    expect(pending.lines).toEqual([expect.objectContaining({ quantity: 4, unitPriceHt: 7100, ht: 28400, ttc: 34080, expiresAt: null })]);
    const laPoste = list.data.find((o) => o.lines[0]?.examType === 'official-laposte' && o.status === 'delivered')!;
    expect(laPoste.totals).toEqual({ ht: 71000, vat: 14200, ttc: 85200 });
    expect(laPoste.lines[0]!.remaining).toBe(0); // 6 left, but expired
  });

  it('has 19 candidates with realistic French identities: scores 490, 306 and 119 in an approved centre, one result awaiting an examiner, one invalidated', async () => {
    const list = CandidateList.parse((await kit.call('GET', '/candidates?limit=50', { cookie: await kit.demo() })).json);
    expect(list.total).toBe(19);
    expect(list.counts).toEqual({ to_assign: 0, scheduled: 8, expired: 0, taken: 11 });
    const approved = list.data.filter((r) => r.examType === 'official-approved').map((r) => r.score);
    expect(approved.sort()).toEqual([119, 306, 490]);
    expect(list.data.filter((r) => r.validation === 'pending')).toHaveLength(1);
    expect(list.data.filter((r) => r.validation === 'invalidated')).toHaveLength(1);
    expect(list.data.map((r) => r.lastName)).toContain('Lefèvre');
  });

  it('« Autre » has its own data: a hidden group keeps one of its candidates off its dashboard (R12)', async () => {
    const res = await kit.call('GET', '/dashboard', { cookie: await kit.autre() });
    expect(res.json.candidates).toEqual({ total: 4, toAssign: 2, scheduled: 2, taken: 0 });
    expect(res.json.groups).toEqual({ total: 2, byCategory: { client: 1, class: 1, exam_session: 0, other: 0 } });
    expect(res.json.stock.total).toBe(17);
  });

  it.each([
    ['admin@demo.test', 'Demo-admin-1', 'Démo', 'admin'],
    ['admin@autre.test', 'Autre-admin-1', 'Autre', 'admin'],
    ['operator@clr.test', 'Operator-1', null, 'operator'],
  ])('signs in %s with the demo password', async (email, password, space, role) => {
    const res = await kit.call('POST', '/auth/login', { body: { email, password } });
    expect(res.status).toBe(200);
    expect(res.json.admin.role).toBe(role);
    expect(res.json.space?.name ?? null).toBe(space);
  });

  it('knows the exam platform’s integration key clr_int_demo and the demo candidates’ password', async () => {
    const res = await kit.call('POST', '/integration/candidates/login', {
      bearer: DEMO_KEYS.integration,
      body: { email: 'elodie.lefevre@exemple.fr', password: DEMO_CANDIDATE_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.json.candidate).toMatchObject({ lastName: 'Lefèvre', firstName: 'Élodie' });
  });

  it('La Poste sessions are to come in Grenoble, Lyon and Paris, with limited seats', async () => {
    const res = await kit.call('GET', '/exam-sessions', { cookie: await kit.demo() });
    expect(new Set(res.json.data.map((s: { city: string }) => s.city))).toEqual(new Set(['GRENOBLE', 'LYON', 'PARIS']));
    for (const s of res.json.data) expect(Date.parse(s.startsAt)).toBeGreaterThan(kit.clock.now().getTime());
  });
});

describe('createStore', () => {
  it("'empty' keeps the accounts, catalogue and products but has no orders, stock, groups or candidates", () => {
    const store = createStore({ state: 'empty' });
    expect(store.state.admins.map((a) => a.email).sort()).toEqual(['admin@autre.test', 'admin@demo.test', 'operator@clr.test']);
    expect(store.state.products.length).toBeGreaterThan(0);
    expect([store.state.orders, store.state.lots, store.state.groups, store.state.candidates]).toEqual([[], [], [], []]);
  });

  it('starts from a custom state, never changing the object it was given, and comes back to it on reset()', () => {
    const state = createStore({ state: 'empty' }).snapshot();
    const store = createStore({ state });
    store.state.groups.push({ id: 'grp_x', spaceId: state.spaces[0]!.id, name: 'Classe A', category: 'class', hidden: false, createdAt: new Date().toISOString() });
    store.changed();
    expect(state.groups).toEqual([]);
    store.reset();
    expect(store.state.groups).toEqual([]);
  });

  it('continues the ids of a custom state', () => {
    const store = createStore({ state: createStore({ state: 'demo' }).snapshot() });
    expect(store.nextId('cand')).toBe(`cand_${String(store.state.candidates.length + 1).padStart(8, '0')}`);
  });
});

describe('generateCandidates', () => {
  it('builds a large space with every status, the credits they consumed, and a hidden group', () => {
    const now = new Date('2026-03-10T09:00:00Z');
    const state = generateCandidates(2000, { now });
    const store = createStore({ state, now: () => now });
    const spaceId = state.spaces.find((s) => s.name === 'Démo')!.id;
    const candidates = store.state.candidates.filter((c) => c.spaceId === spaceId);
    expect(candidates).toHaveLength(2000);
    expect(new Set(candidates.map((c) => c.email)).size).toBe(2000);
    const statuses = new Map<string, number>();
    for (const c of candidates) {
      const s = candidateStatus(historyOf(store, c.id), now);
      statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
    for (const s of ['to_assign', 'scheduled', 'expired', 'taken']) expect(statuses.get(s) ?? 0).toBeGreaterThan(40);
    for (const lot of store.state.lots) expect(lot.remaining).toBeGreaterThanOrEqual(0);
    expect(store.state.groups.some((g) => g.hidden)).toBe(true);
  });

  it('gives the same state for the same seed and clock', () => {
    const now = new Date('2026-03-10T09:00:00Z');
    expect(generateCandidates(50, { now, seed: 7 })).toEqual(generateCandidates(50, { now, seed: 7 }));
  });
});
