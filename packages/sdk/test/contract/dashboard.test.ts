import { EXAM_TYPES } from '@clr/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureCredits, newCandidate, parisToday, signIn, unique } from './support/scenario.js';
import { target } from './support/target.js';

afterEach(async () => {
  await target().setClockOffset(0);
});

describe('the home page (§3.1, R21)', () => {
  it('R21 counts the stock per exam type and in total, as « Certifications restantes » does', async () => {
    const admin = await signIn();
    const [dashboard, stock] = await Promise.all([admin.dashboard.get(), admin.stock.get()]);
    expect(dashboard.stock.total).toBe(stock.total);
    // Every type in stock shows with its count; a type at 0 may show or not (« pour chaque type disponible »).
    const inStock = stock.byType.filter((t) => t.remaining > 0).map((t) => [t.examType, t.remaining]);
    expect(dashboard.stock.byType.filter((t) => t.remaining > 0).map((t) => [t.examType, t.remaining])).toEqual(inStock);
    expect(dashboard.stock.total).toBe(dashboard.stock.byType.reduce((sum, t) => sum + t.remaining, 0));
  });

  it('R21 counts candidates: a new one is to assign, then scheduled once assigned, and back to assign once expired', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-onsite', 1);
    const start = await admin.dashboard.get();
    const candidate = await newCandidate(admin);
    const created = await admin.dashboard.get();
    expect(created.candidates).toEqual({ ...start.candidates, total: start.candidates.total + 1, toAssign: start.candidates.toAssign + 1 });
    await admin.assignments.assign(candidate.id, { examType: 'blank-onsite', scheduledAt: parisToday() });
    const scheduled = await admin.dashboard.get();
    expect(scheduled.candidates).toEqual({ ...created.candidates, toAssign: created.candidates.toAssign - 1, scheduled: created.candidates.scheduled + 1 });
    expect(scheduled.stock.total).toBe(created.stock.total - 1);
    await target().setClockOffset(2 * 86_400_000);
    const later = await signIn('demoAdmin', { fresh: true });
    const expired = await later.dashboard.get();
    // « to assign » includes the expired: they need a new exam.
    expect(expired.candidates.toAssign - scheduled.candidates.toAssign).toBeGreaterThanOrEqual(1);
    expect(expired.candidates.total).toBe(scheduled.candidates.total);
  });

  it('R21 leaves hidden candidates out, as the candidates table does', async () => {
    const admin = await signIn();
    const candidate = await newCandidate(admin);
    const group = await admin.groups.create({ name: `Masqués ${unique()}`, category: 'class' });
    await admin.groups.addMembers(group.id, [candidate.id]);
    const before = await admin.dashboard.get();
    await admin.groups.update(group.id, { hidden: true });
    const after = await admin.dashboard.get();
    expect(after.candidates.total).toBe(before.candidates.total - 1);
    expect(after.candidates.toAssign).toBe(before.candidates.toAssign - 1);
    const table = await admin.candidates.list({ limit: 1 });
    expect(table.total).toBe(after.candidates.total);
  });

  it('R21 counts groups per category', async () => {
    const admin = await signIn();
    const before = await admin.dashboard.get();
    await admin.groups.create({ name: `Client ${unique()}`, category: 'client' });
    const after = await admin.dashboard.get();
    expect(after.groups.total).toBe(before.groups.total + 1);
    expect(after.groups.byCategory).toEqual({ ...before.groups.byCategory, client: before.groups.byCategory.client + 1 });
    const sum = Object.values(after.groups.byCategory).reduce((a, b) => a + b, 0);
    expect(sum).toBe(after.groups.total);
  });
});

describe('the catalogue', () => {
  it('lists the nine exam types of the manual, as data', async () => {
    const admin = await signIn();
    const types = await admin.examTypes.list();
    expect(types.data).toEqual([...EXAM_TYPES]);
  });

  it('lists the products the space may order, each of a known exam type', async () => {
    const admin = await signIn();
    const products = await admin.products.list();
    const known = new Set(EXAM_TYPES.map((t) => t.id));
    expect(products.data.length).toBeGreaterThan(0);
    expect(products.data.every((p) => known.has(p.examType) && Number.isInteger(p.unitPriceHt))).toBe(true);
    expect(products.data.map((p) => p.reference)).toContain('PART-BLANC-EXAMEN');
  });
});
