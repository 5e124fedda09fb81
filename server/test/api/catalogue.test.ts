import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAM_TYPES } from '@clr/domain';
import { closeAll } from '../support/db.js';
import { makeApiKey, makeCandidate, makeKit, makeLot, makeProduct, spaceWithAdmin, type TestKit } from './helpers.js';

let kit: TestKit;

beforeAll(async () => {
  kit = await makeKit();
});
afterAll(() => closeAll());

const inAYear = new Date('2027-03-10T22:59:59.999Z');

describe('GET /exam-types', () => {
  it('lists the catalogue in display order, as data', async () => {
    const { cookie } = await spaceWithAdmin(kit);
    const res = await kit.call('GET', '/exam-types', { cookie });
    expect(res.status).toBe(200);
    expect(res.json.total).toBe(9);
    expect(res.json.data).toEqual(EXAM_TYPES);
  });

  it('is readable with the integration key too', async () => {
    const key = await makeApiKey(kit.db, { kind: 'integration' });
    expect((await kit.call('GET', '/exam-types', { bearer: key.secret })).status).toBe(200);
  });
});

describe('GET /products', () => {
  it('lists the space’s own products only', async () => {
    const mine = await spaceWithAdmin(kit);
    const other = await spaceWithAdmin(kit, 'Autre');
    const blank = await makeProduct(kit.db, mine.space.id, { name: 'Partenaire - examen blanc', reference: 'PART-BLANC-EXAMEN' });
    await makeProduct(kit.db, other.space.id, { name: 'Produit de l’autre espace' });
    const res = await kit.call('GET', '/products', { cookie: mine.cookie });
    expect(res.json).toEqual({
      data: [{ id: blank.id, name: 'Partenaire - examen blanc', reference: 'PART-BLANC-EXAMEN', examType: 'blank-remote', unitPriceHt: 7100 }],
      nextCursor: null,
      total: 1,
    });
  });
});

describe('GET /stock', () => {
  it('sums the remaining credits of non-expired lots, per type, lots in consumption order (R4)', async () => {
    const { space, cookie } = await spaceWithAdmin(kit);
    const later = await makeLot(kit.db, space.id, { quantity: 100, remaining: 80, expiresAt: inAYear });
    const sooner = await makeLot(kit.db, space.id, { quantity: 30, remaining: 6, expiresAt: new Date('2026-06-30T21:59:59.999Z') });
    await makeLot(kit.db, space.id, { quantity: 50, remaining: 50, expiresAt: new Date('2026-03-01T22:59:59.999Z') }); // expired
    await makeLot(kit.db, space.id, { quantity: 10, remaining: 0, expiresAt: inAYear }); // consumed
    await makeLot(kit.db, space.id, { examType: 'demo-onsite', quantity: 99, expiresAt: inAYear });
    const res = await kit.call('GET', '/stock', { cookie });
    expect(res.json).toEqual({
      total: 185,
      byType: [
        {
          examType: 'blank-remote',
          remaining: 86,
          lots: [
            { orderId: sooner.order.id, remaining: 6, expiresAt: '2026-06-30T21:59:59.999Z' },
            { orderId: later.order.id, remaining: 80, expiresAt: inAYear.toISOString() },
          ],
        },
        { examType: 'demo-onsite', remaining: 99, lots: [expect.objectContaining({ remaining: 99 })] },
      ],
    });
  });

  it('a lot stops counting the moment its expiry passes', async () => {
    const { space, cookie } = await spaceWithAdmin(kit);
    await makeLot(kit.db, space.id, { quantity: 5, expiresAt: new Date(kit.clock.now().getTime() + 60_000) });
    expect((await kit.call('GET', '/stock', { cookie })).json.total).toBe(5);
    kit.clock.minutes(2);
    expect((await kit.call('GET', '/stock', { cookie })).json.total).toBe(0);
  });

  it('shows the types the space sells even at 0', async () => {
    const { space, cookie } = await spaceWithAdmin(kit);
    await makeProduct(kit.db, space.id, { examType: 'official-approved' });
    const res = await kit.call('GET', '/stock', { cookie });
    expect(res.json).toEqual({ total: 0, byType: [{ examType: 'official-approved', remaining: 0, lots: [] }] });
  });
});

describe('GET /dashboard (§3.1, R21)', () => {
  it('R21 reproduces the home page boxes: stock per type, candidates per status, groups per category', async () => {
    const { space, cookie } = await spaceWithAdmin(kit);
    const now = kit.clock.now();
    const remaining: [string, number][] = [
      ['blank-remote', 200],
      ['blank-onsite', 99],
      ['blank-manual', 100],
      ['demo-remote', 480],
      ['demo-onsite', 100],
      ['demo-manual', 100],
    ];
    for (const [examType, quantity] of remaining) await makeLot(kit.db, space.id, { examType, quantity, expiresAt: inAYear });
    const tomorrow = new Date(now.getTime() + 86_400_000);
    for (let i = 0; i < 8; i++) await makeCandidate(kit.db, space.id, { stage: 'assigned', deadline: tomorrow });
    for (let i = 0; i < 11; i++) await makeCandidate(kit.db, space.id, { stage: 'taken' });
    await kit.db.group.create({ data: { spaceId: space.id, name: 'Session de septembre', nameKey: 'session de septembre', category: 'exam_session' } });
    const res = await kit.call('GET', '/dashboard', { cookie });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      stock: { total: 1079, byType: remaining.map(([examType, r]) => ({ examType, remaining: r })) },
      candidates: { total: 19, toAssign: 0, scheduled: 8, taken: 11 },
      groups: { total: 1, byCategory: { client: 0, class: 0, exam_session: 1, other: 0 } },
    });
  });

  it('R21 counts expired candidates as to assign, and leaves hidden candidates out (R12)', async () => {
    const { space, cookie } = await spaceWithAdmin(kit);
    const now = kit.clock.now();
    await makeCandidate(kit.db, space.id, { stage: 'none' });
    await makeCandidate(kit.db, space.id, { stage: 'assigned', deadline: new Date(now.getTime() - 1) });
    await makeCandidate(kit.db, space.id, { stage: 'assigned', deadline: new Date(now.getTime() + 60_000) });
    await makeCandidate(kit.db, space.id, { stage: 'taken', inHiddenGroup: true });
    await makeCandidate(kit.db, space.id, { stage: 'none', inHiddenGroup: true });
    await kit.db.group.create({ data: { spaceId: space.id, name: 'Anciens', nameKey: 'anciens', category: 'class', hidden: true } });
    const res = await kit.call('GET', '/dashboard', { cookie });
    expect(res.json.candidates).toEqual({ total: 3, toAssign: 2, scheduled: 1, taken: 0 });
    expect(res.json.groups).toEqual({ total: 1, byCategory: { client: 0, class: 1, exam_session: 0, other: 0 } });
    kit.clock.minutes(2);
    const later = await kit.call('GET', '/dashboard', { cookie });
    expect(later.json.candidates).toEqual({ total: 3, toAssign: 3, scheduled: 0, taken: 0 });
  });
});
