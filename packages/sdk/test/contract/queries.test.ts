import { describe, expect, it } from 'vitest';
import { parisDay } from '@clr/domain';
import { NotFoundError, ValidationFailedError, type ClrClient } from '../../src/index.js';
import { ensureCredits, failure, newCandidate, parisToday, signIn, takeExam, unique } from './support/scenario.js';

async function family(admin: ClrClient) {
  await ensureCredits(admin, 'blank-remote', 2);
  await ensureCredits(admin, 'blank-onsite', 1);
  const name = unique('Filtre');
  const waiting = await newCandidate(admin, { lastName: `${name}-a` });
  const dated = await newCandidate(admin, { lastName: `${name}-b` });
  const taken = await newCandidate(admin, { lastName: `${name}-c` });
  await admin.assignments.assign(dated.id, { examType: 'blank-onsite', scheduledAt: parisToday(20) });
  await admin.assignments.assign(taken.id, { examType: 'blank-remote' });
  await takeExam(taken.id, admin, 880);
  return { name, waiting, dated, taken };
}

describe('the candidates table: columns, filters and sort (§6.1)', () => {
  it('shows the date column: the scheduled date, else the taken date; the score of the latest attempt', async () => {
    const admin = await signIn();
    const { name, waiting, dated, taken } = await family(admin);
    const rows = new Map((await admin.candidates.list({ q: name })).data.map((r) => [r.id, r]));
    expect(rows.get(waiting.id)).toMatchObject({ status: 'to_assign', date: null, score: null, validation: null, examType: null });
    expect(rows.get(dated.id)).toMatchObject({ status: 'scheduled', examType: 'blank-onsite', score: null });
    expect(rows.get(dated.id)!.date).toContain(parisToday(20));
    expect(rows.get(taken.id)).toMatchObject({ status: 'taken', examType: 'blank-remote', score: 880, validation: 'validated' });
    // The taken date is an instant: its Paris day is today (between 23:00 and midnight UTC, its UTC day is yesterday).
    expect(parisDay(rows.get(taken.id)!.date!)).toBe(parisToday());
  });

  it('filters by validation', async () => {
    const admin = await signIn();
    const { name, taken } = await family(admin);
    expect((await admin.candidates.list({ q: name, validation: 'validated' })).data.map((r) => r.id)).toEqual([taken.id]);
    expect((await admin.candidates.list({ q: name, validation: 'pending' })).total).toBe(0);
  });

  it('filters by period on the taken or scheduled date', async () => {
    const admin = await signIn();
    const { name, dated, taken } = await family(admin);
    const later = await admin.candidates.list({ q: name, from: parisToday(10), to: parisToday(30) });
    expect(later.data.map((r) => r.id)).toEqual([dated.id]);
    const today = await admin.candidates.list({ q: name, from: parisToday(), to: parisToday() });
    expect(today.data.map((r) => r.id)).toEqual([taken.id]);
  });

  it('sorts by score, empty scores last', async () => {
    const admin = await signIn();
    const { name, taken } = await family(admin);
    for (const sort of ['score', '-score'] as const) {
      const rows = (await admin.candidates.list({ q: name, sort })).data;
      expect(rows[0]!.id).toBe(taken.id);
    }
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 201 }, 'limit'],
    [{ from: '2026-03-01', to: '2026-02-01' }, 'to'],
    [{ status: 'done' as never }, 'status'],
  ])('validation_failed: a query %j names %s', async (query, path) => {
    const admin = await signIn();
    const error = (await failure(admin.candidates.list(query))) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors.map((e) => e.path)).toEqual([path]);
  });

  it('a group’s candidates filter by status too (§5.6)', async () => {
    const admin = await signIn();
    const { name, waiting, taken } = await family(admin);
    const group = await admin.groups.create({ name: `Groupe ${name}`, category: 'class' });
    await admin.groups.addMembers(group.id, [waiting.id, taken.id]);
    const members = await admin.groups.candidates(group.id, { status: 'taken' });
    expect(members.data.map((r) => r.id)).toEqual([taken.id]);
    expect(members.counts).toEqual({ to_assign: 1, scheduled: 0, expired: 0, taken: 1 });
  });
});

describe('other tables and lists', () => {
  it('filters the orders by period of the order date', async () => {
    const admin = await signIn();
    const today = await admin.orders.list({ from: parisToday(), to: parisToday(), limit: 200 });
    const old = await admin.orders.list({ to: parisToday(-1), limit: 200 });
    const all = await admin.orders.list({ limit: 200 });
    expect(today.total + old.total).toBe(all.total);
    expect(old.data.every((o) => o.createdAt < `${parisToday()}T`)).toBe(true);
  });

  it('finds La Poste sessions by city, whatever its case and accents, or by postcode', async () => {
    const admin = await signIn();
    const all = await admin.examSessions.list({ examType: 'official-laposte' });
    expect(all.data.length).toBeGreaterThan(0);
    expect(all.data.every((s) => s.seatsTaken < s.seats)).toBe(true);
    const grenoble = await admin.examSessions.list({ city: 'grenoble' });
    expect(grenoble.data.length).toBeGreaterThan(0);
    expect(grenoble.data.every((s) => s.city === 'GRENOBLE')).toBe(true);
    const byPostcode = await admin.examSessions.list({ city: '38' });
    expect(byPostcode.data.map((s) => s.id)).toEqual(grenoble.data.map((s) => s.id));
    const starts = all.data.map((s) => s.startsAt);
    expect(starts).toEqual([...starts].sort());
  });

  it('not_found: an address the API does not have', async () => {
    const admin = await signIn();
    expect(await failure(admin.attempts.list(unique('nobody')))).toBeInstanceOf(NotFoundError);
  });
});
