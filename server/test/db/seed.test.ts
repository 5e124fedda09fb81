import { formatDate, isActivationCode, isPublicCode } from '@clr/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { sha256 } from '../../src/http/crypto.js';
import { verifyPassword } from '../../src/http/passwords.js';
import { DEMO_FIGURES, demoCredentials, DemoRefusedError, seedBulk, seedDemo, seedIfEmpty } from '../../src/seed/index.js';
import { loadCandidateHistory, progressOf } from '../../src/services/progress.js';
import { closeAll, freshDb, testProvider } from '../support/db.js';

/** A Tuesday morning in Paris. */
const NOW = new Date('2026-03-10T09:00:00.000Z');

let db: Db;
let demoSpaceId: string;
let otherSpaceId: string;

beforeAll(async () => {
  ({ db } = await freshDb());
  const result = await seedIfEmpty(db, { now: NOW, env: {} });
  expect(result.seeded).toBe(true);
  const spaces = await db.space.findMany();
  demoSpaceId = spaces.find((s) => s.name === 'Démo')!.id;
  otherSpaceId = spaces.find((s) => s.name === 'Autre')!.id;
});
afterAll(() => closeAll());

/** R21 computed straight from the tables: stock of live lots, candidates by stage and deadline, groups by category. */
async function figures(spaceId: string) {
  const lots = await db.creditLot.findMany({ where: { spaceId, remaining: { gt: 0 }, expiresAt: { gt: NOW } } });
  const byType = new Map<string, number>();
  for (const lot of lots) byType.set(lot.examTypeId, (byType.get(lot.examTypeId) ?? 0) + lot.remaining);
  const visible = { spaceId, inHiddenGroup: false };
  const [total, none, expired, assigned, taken] = await Promise.all([
    db.candidate.count({ where: visible }),
    db.candidate.count({ where: { ...visible, stage: 'none' } }),
    db.candidate.count({ where: { ...visible, stage: 'assigned', deadline: { lt: NOW } } }),
    db.candidate.count({ where: { ...visible, stage: 'assigned' } }),
    db.candidate.count({ where: { ...visible, stage: 'taken' } }),
  ]);
  const groups = await db.group.findMany({ where: { spaceId } });
  const byCategory = { client: 0, class: 0, exam_session: 0, other: 0 } as Record<string, number>;
  for (const g of groups) byCategory[g.category] = (byCategory[g.category] ?? 0) + 1;
  return {
    stock: { total: [...byType.values()].reduce((a, b) => a + b, 0), byType: Object.fromEntries(byType) },
    candidates: { total, toAssign: none + expired, scheduled: assigned - expired, taken },
    groups: { total: groups.length, byCategory },
  };
}

describe(`the demo seed on ${testProvider()}`, () => {
  it('R21 the « Démo » home page shows the manual’s figures: 1079 certifications (200, 99, 100, 480, 100, 100), 19 candidates (0, 8, 11), 1 exam-session group', async () => {
    const f = await figures(demoSpaceId);
    expect(f.stock.total).toBe(1079);
    expect(f.stock.byType).toEqual(Object.fromEntries(DEMO_FIGURES.stock.byType.map((t) => [t.examType, t.remaining])));
    expect(f.candidates).toEqual(DEMO_FIGURES.candidates);
    expect(f.groups).toEqual(DEMO_FIGURES.groups);
  });

  it('R4 stock is what the lots say: every lot holds its quantity minus the exams taken from it', async () => {
    const lots = await db.creditLot.findMany();
    for (const lot of lots) {
      const used = await db.assignment.count({ where: { lotId: lot.id } });
      expect(lot.remaining, `lot ${lot.examTypeId} of order ${lot.orderId}`).toBe(lot.quantity - used);
    }
    const consumed = await db.assignment.count({ where: { spaceId: demoSpaceId } });
    expect(consumed).toBe(19);
  });

  it('§4.1 the orders table has one order to validate (4 × 71,00 € = 284,00 € HT, 340,80 € TTC), orders to consume and a history', async () => {
    const orders = await db.order.findMany({ where: { spaceId: demoSpaceId }, include: { lines: true, lots: true } });
    const pending = orders.filter((o) => o.status === 'pending');
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ totalHt: 28_400, totalVat: 5_680, totalTtc: 34_080 });
    expect(pending[0]!.lines).toMatchObject([{ quantity: 4, unitPriceHt: 7_100, ht: 28_400, ttc: 34_080 }]);
    const live = (o: (typeof orders)[number]) => o.lots.some((l) => l.remaining > 0 && l.expiresAt > NOW);
    const toConsume = orders.filter((o) => o.status === 'delivered' && live(o));
    const history = orders.filter((o) => o.status === 'cancelled' || (o.status === 'delivered' && !live(o)));
    expect(toConsume.length).toBeGreaterThanOrEqual(1);
    expect(toConsume.some((o) => o.totalTtc === 0)).toBe(true);
    expect(history.some((o) => o.totalHt === 71_000 && o.totalTtc === 85_200)).toBe(true);
    expect(history.some((o) => o.status === 'cancelled')).toBe(true);
    expect(new Set(orders.map((o) => o.number)).size).toBe(orders.length);
  });

  it('§4.3 the space may order the manual’s products', async () => {
    const references = (await db.product.findMany({ where: { spaceId: demoSpaceId } })).map((p) => p.reference);
    expect(references).toEqual(expect.arrayContaining(['PART-BLANC-EXAMEN', 'PART-LAPOSTE-EXAMEN', 'PART-CLR-EXAMEN']));
  });

  it('every candidate’s table columns agree with their assignments and attempts', async () => {
    const candidates = await db.candidate.findMany();
    expect(candidates.length).toBeGreaterThan(19);
    for (const c of candidates) {
      const expected = progressOf(await loadCandidateHistory(db, c.id), NOW);
      expect({ stage: c.stage, deadline: c.deadline, latestScore: c.latestScore, latestValidation: c.latestValidation, latestExamType: c.latestExamType, examDate: c.examDate, hasAttempt: c.hasAttempt }, `${c.lastName}`).toEqual(expected);
      const hidden = await db.membership.count({ where: { candidateId: c.id, group: { hidden: true } } });
      expect(c.inHiddenGroup).toBe(hidden > 0);
    }
  });

  it('candidates have realistic French identities: accents, hyphenated and apostrophe names, unique e-mails', async () => {
    const candidates = await db.candidate.findMany({ where: { spaceId: demoSpaceId } });
    const names = candidates.map((c) => `${c.firstName} ${c.lastName}`);
    expect(names).toEqual(expect.arrayContaining(['Élodie Lefèvre', 'Jean-Baptiste Dupont-Moreau', "Inès D'Almeida"]));
    expect(candidates.every((c) => c.emailKey === c.email.toLowerCase() && /^[a-z0-9.-]+@[a-z.]+$/.test(c.email))).toBe(true);
    expect(new Set(candidates.map((c) => c.email)).size).toBe(candidates.length);
  });

  it('R15 R16 R17 taken exams have results and validations; codes have the alphabet’s form', async () => {
    const attempts = await db.attempt.findMany({ where: { spaceId: demoSpaceId } });
    expect(attempts).toHaveLength(11);
    expect(new Set(attempts.map((a) => a.validation))).toEqual(new Set(['validated', 'pending', 'invalidated']));
    for (const a of attempts.filter((x) => x.validation === 'validated')) {
      expect(isPublicCode(a.publicCode)).toBe(true);
      expect(a.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(attempts.map((a) => a.score)).toEqual(expect.arrayContaining([490, 306, 119]));
    const codes = await db.assignment.findMany({ where: { spaceId: demoSpaceId, activationCode: { not: null } } });
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((a) => isActivationCode(a.activationCode))).toBe(true);
    expect(codes.some((a) => a.takenAt === null)).toBe(true);
  });

  it('§5.8 the one group is « Session de septembre », an exam session, with members', async () => {
    const groups = await db.group.findMany({ where: { spaceId: demoSpaceId }, include: { _count: { select: { members: true } } } });
    expect(groups).toMatchObject([{ name: 'Session de septembre', category: 'exam_session', hidden: false }]);
    expect(groups[0]!._count.members).toBeGreaterThan(0);
  });

  it('La Poste sessions in Grenoble, Lyon and Paris on future dates, with limited seats', async () => {
    const sessions = await db.examSession.findMany({ where: { startsAt: { gt: NOW } } });
    expect(new Set(sessions.map((s) => s.city))).toEqual(new Set(['GRENOBLE', 'LYON', 'PARIS']));
    expect(sessions.every((s) => s.seats > 0 && s.seats <= 12 && s.seatsTaken === 0)).toBe(true);
    expect(sessions.every((s) => formatDate(s.startsAt) !== formatDate(NOW))).toBe(true);
    const past = await db.examSession.findMany({ where: { startsAt: { lte: NOW } }, include: { _count: { select: { assignments: true } } } });
    expect(past.every((s) => s.seatsTaken === s._count.assignments)).toBe(true);
  });

  it('the nine exam types of the catalogue are seeded as data', async () => {
    const types = await db.examType.findMany({ orderBy: { sortOrder: 'asc' } });
    expect(types.map((t) => t.id)).toEqual([
      'blank-remote', 'blank-onsite', 'blank-manual', 'demo-remote', 'demo-onsite', 'demo-manual', 'official-onsite', 'official-laposte', 'official-approved',
    ]);
    expect(types.find((t) => t.id === 'official-laposte')).toMatchObject({ requiresSession: true, supervision: 'centre', documents: 'registration,attendance' });
  });

  it('the demo logins work with argon2id hashes (m=19456, t=2) and the integration key is stored only as its hash', async () => {
    const admins = await db.admin.findMany({ orderBy: { email: 'asc' } });
    expect(admins.map((a) => [a.email, a.role, a.spaceId])).toEqual([
      ['admin@autre.test', 'admin', otherSpaceId],
      ['admin@demo.test', 'admin', demoSpaceId],
      ['operator@clr.test', 'operator', null],
    ]);
    const passwords: Record<string, string> = { 'admin@demo.test': 'Demo-admin-1', 'admin@autre.test': 'Autre-admin-1', 'operator@clr.test': 'Operator-1' };
    for (const admin of admins) {
      expect(admin.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(admin.passwordHash, passwords[admin.email]!)).toBe(true);
    }
    const keys = await db.apiKey.findMany();
    expect(keys).toMatchObject([{ kind: 'integration', spaceId: null, keyHash: sha256('clr_int_demo') }]);
    expect(JSON.stringify(keys)).not.toContain('clr_int_demo');
  });

  it('« Autre » has its own products, orders, groups (one hidden) and candidates', async () => {
    expect(await db.product.count({ where: { spaceId: otherSpaceId } })).toBeGreaterThan(0);
    expect(await db.order.count({ where: { spaceId: otherSpaceId } })).toBeGreaterThan(0);
    expect(await db.candidate.count({ where: { spaceId: otherSpaceId } })).toBe(5);
    expect(await db.candidate.count({ where: { spaceId: otherSpaceId, inHiddenGroup: true } })).toBe(1);
    expect(await db.group.count({ where: { spaceId: otherSpaceId, hidden: true } })).toBe(1);
    // Nothing of one space points into the other.
    const crossing = await db.assignment.count({ where: { spaceId: otherSpaceId, candidate: { spaceId: demoSpaceId } } });
    const lotsCrossing = await db.assignment.findMany({ where: { spaceId: otherSpaceId }, select: { lotId: true } });
    const otherLots = new Set((await db.creditLot.findMany({ where: { spaceId: otherSpaceId } })).map((l) => l.id));
    expect(crossing).toBe(0);
    expect(lotsCrossing.every((a) => otherLots.has(a.lotId))).toBe(true);
  });

  it('seeds only an empty database: a second start changes nothing', async () => {
    const before = await db.candidate.count();
    const again = await seedIfEmpty(db, { now: NOW, env: {} });
    expect(again.seeded).toBe(false);
    expect(await db.candidate.count()).toBe(before);
    expect(await db.examType.count()).toBe(9);
  });
});

describe('demo logins', () => {
  it('are the issue’s defaults, overridable by environment variables', () => {
    expect(demoCredentials({})).toEqual({
      demoAdmin: { email: 'admin@demo.test', password: 'Demo-admin-1' },
      otherAdmin: { email: 'admin@autre.test', password: 'Autre-admin-1' },
      operator: { email: 'operator@clr.test', password: 'Operator-1' },
      integrationKey: 'clr_int_demo',
    });
    const overridden = demoCredentials({ CLR_DEMO_ADMIN_EMAIL: 'Moi@Exemple.fr', CLR_DEMO_ADMIN_PASSWORD: 'Autre-mot-2', CLR_INTEGRATION_KEY: 'clr_int_x' });
    expect(overridden.demoAdmin).toEqual({ email: 'moi@exemple.fr', password: 'Autre-mot-2' });
    expect(overridden.integrationKey).toBe('clr_int_x');
  });

  it('are refused when NODE_ENV=production, and no demo is seeded there', async () => {
    expect(() => demoCredentials({ NODE_ENV: 'production' })).toThrow(DemoRefusedError);
    const { db: empty } = await freshDb();
    const result = await seedIfEmpty(empty, { now: NOW, env: { NODE_ENV: 'production' } });
    expect(result).toEqual({ seeded: false, credentials: null });
    expect(await empty.space.count()).toBe(0);
    expect(await empty.admin.count()).toBe(0);
    expect(await empty.examType.count()).toBe(9);
    await expect(seedDemo(empty, NOW, { env: { NODE_ENV: 'production' }, credentials: demoCredentials({}) })).rejects.toThrow(DemoRefusedError);
    expect(await empty.space.count()).toBe(0);
  });
});

describe(`the bulk seeder on ${testProvider()}`, () => {
  it('adds candidates with groups, assignments and attempts whose table columns agree with them', async () => {
    const { db: bulkDb } = await freshDb();
    const space = await bulkDb.space.create({ data: { name: 'Banc' } });
    const result = await seedBulk(bulkDb, space.id, 3_000, { now: NOW, groupSize: 100 });
    expect(result.candidates).toBe(3_000);
    expect(await bulkDb.candidate.count({ where: { spaceId: space.id } })).toBe(3_000);
    expect(await bulkDb.group.count({ where: { spaceId: space.id } })).toBe(30);
    expect(await bulkDb.membership.count()).toBe(result.memberships);
    expect(await bulkDb.assignment.count()).toBe(result.assignments);
    expect(await bulkDb.attempt.count()).toBe(result.attempts);
    // Dates written in bulk compare with Prisma's own (same storage format).
    const expired = await bulkDb.candidate.count({ where: { spaceId: space.id, stage: 'assigned', deadline: { lt: NOW } } });
    expect(expired).toBeGreaterThan(50);
    expect(await bulkDb.candidate.count({ where: { spaceId: space.id, createdAt: { lt: NOW } } })).toBe(3_000);
    // A sample of read models, recomputed the API's way.
    const sample = await bulkDb.candidate.findMany({ where: { spaceId: space.id }, take: 200 });
    for (const c of sample) {
      const expected = progressOf(await loadCandidateHistory(bulkDb, c.id), NOW);
      expect({ stage: c.stage, deadline: c.deadline, latestScore: c.latestScore, latestValidation: c.latestValidation, latestExamType: c.latestExamType, examDate: c.examDate, hasAttempt: c.hasAttempt }).toEqual(expected);
      expect(c.inHiddenGroup).toBe((await bulkDb.membership.count({ where: { candidateId: c.id, group: { hidden: true } } })) > 0);
    }
    // Stock: what the lots say.
    for (const lot of await bulkDb.creditLot.findMany()) {
      expect(lot.remaining).toBe(lot.quantity - (await bulkDb.assignment.count({ where: { lotId: lot.id } })));
    }
  });
});
