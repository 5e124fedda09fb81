import { endOfParisDay, parisDay, type ExamSession } from '@clr/domain';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AssignmentExistsError,
  ConflictError,
  NotEligibleError,
  NotFoundError,
  OutOfStockError,
  ValidationFailedError,
  type ClrClient,
} from '../../src/index.js';
import { ensureCredits, failure, newCandidate, parisToday, remaining, signIn, takeExam, unique } from './support/scenario.js';
import { target } from './support/target.js';

const CODE = /^[BCDFGHJKMPQRTVWXY2346789]{8}$/;
const DAY = 86_400_000;

async function stockOf(admin: ClrClient, examType: string): Promise<number> {
  return remaining(await admin.stock.get(), examType);
}

async function freeSession(admin: ClrClient): Promise<ExamSession> {
  const sessions = await admin.examSessions.list({ examType: 'official-laposte' });
  const session = sessions.data.find((s) => s.seatsTaken < s.seats);
  if (!session) throw new Error('no La Poste session with a free seat');
  return session;
}

async function seatsTaken(admin: ClrClient, sessionId: string): Promise<number> {
  const sessions = await admin.examSessions.list({ examType: 'official-laposte' });
  const session = sessions.data.find((s) => s.id === sessionId);
  // A full session leaves the list of sessions with a free seat.
  return session ? session.seatsTaken : Number.NaN;
}

afterEach(async () => {
  await target().setClockOffset(0);
});

describe('assigning an exam (§6.5, R4, R5)', () => {
  it('R4 consumes the lot that expires soonest first', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 2);
    const before = (await admin.stock.get()).byType.find((t) => t.examType === 'blank-remote')!;
    const soonest = before.lots[0]!;
    expect(before.lots.map((l) => l.expiresAt)).toEqual([...before.lots.map((l) => l.expiresAt)].sort());
    const candidate = await newCandidate(admin);
    const assignment = await admin.assignments.assign(candidate.id, { examType: 'blank-remote' });
    const after = (await admin.stock.get()).byType.find((t) => t.examType === 'blank-remote')!;
    expect(after.remaining).toBe(before.remaining - 1);
    const lot = after.lots.find((l) => l.orderId === soonest.orderId && l.expiresAt === soonest.expiresAt);
    expect(lot?.remaining ?? 0).toBe(soonest.remaining - 1);
    // R5: without a date, the deadline is the consumed lot's expiry.
    expect(assignment.deadline).toBe(soonest.expiresAt);
  });

  it('R5 an undated exam: available at once, no activation code, status « prévue »', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 1);
    const candidate = await newCandidate(admin);
    const assignment = await admin.assignments.assign(candidate.id, { examType: 'blank-remote' });
    expect(assignment).toMatchObject({ candidateId: candidate.id, examType: 'blank-remote', scheduledAt: null, sessionId: null, activationCode: null, takenAt: null, state: 'scheduled' });
    const file = await admin.candidates.retrieve(candidate.id);
    expect(file.status).toBe('scheduled');
    expect(file.assignment).toMatchObject({ id: assignment.id, state: 'scheduled' });
  });

  it('R5 consumes exactly one credit', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'demo-remote', 1);
    const before = await stockOf(admin, 'demo-remote');
    await admin.assignments.assign((await newCandidate(admin)).id, { examType: 'demo-remote' });
    expect(await stockOf(admin, 'demo-remote')).toBe(before - 1);
  });

  it('R5 a dated, partner-supervised exam: due by the end of the Paris day, with an activation code (R15)', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-onsite', 1);
    const candidate = await newCandidate(admin);
    const day = parisToday(3);
    const assignment = await admin.assignments.assign(candidate.id, { examType: 'blank-onsite', scheduledAt: day });
    expect(assignment.scheduledAt).toBe(day);
    expect(assignment.deadline).toBe(endOfParisDay(day).toISOString());
    expect(assignment.activationCode).toMatch(CODE);
  });

  it.each([
    ['no date', undefined, 'scheduledAt'],
    ['a date in the past', parisToday(-1), 'scheduledAt'],
  ])('R5 validation_failed: a dated exam with %s', async (_what, scheduledAt, path) => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-onsite', 1);
    const before = await stockOf(admin, 'blank-onsite');
    const candidate = await newCandidate(admin);
    const error = (await failure(
      admin.assignments.assign(candidate.id, { examType: 'blank-onsite', ...(scheduledAt ? { scheduledAt } : {}) }),
    )) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors.map((e) => e.path)).toEqual([path]);
    expect(await stockOf(admin, 'blank-onsite')).toBe(before);
  });

  it('R5 accepts today as the date', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-onsite', 1);
    const assignment = await admin.assignments.assign((await newCandidate(admin)).id, { examType: 'blank-onsite', scheduledAt: parisToday() });
    expect(assignment.scheduledAt).toBe(parisToday());
  });

  it('R5 a La Poste exam takes a seat of the chosen session, on its day, without activation code', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'official-laposte', 1);
    const session = await freeSession(admin);
    const candidate = await newCandidate(admin);
    const assignment = await admin.assignments.assign(candidate.id, { examType: 'official-laposte', sessionId: session.id });
    expect(assignment).toMatchObject({ sessionId: session.id, scheduledAt: parisDay(session.startsAt), activationCode: null });
    const taken = await seatsTaken(admin, session.id);
    if (session.seatsTaken + 1 < session.seats) expect(taken).toBe(session.seatsTaken + 1);
  });

  it('R5 validation_failed: a La Poste exam without a session', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'official-laposte', 1);
    const error = (await failure(admin.assignments.assign((await newCandidate(admin)).id, { examType: 'official-laposte' }))) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors.map((e) => e.path)).toEqual(['sessionId']);
  });

  it('R5 assignment_exists: a candidate with an exam not yet taken cannot get another', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 2);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'blank-remote' });
    const before = await stockOf(admin, 'blank-remote');
    const error = await failure(admin.assignments.assign(candidate.id, { examType: 'blank-remote' }));
    expect(error).toBeInstanceOf(AssignmentExistsError);
    expect(error).toMatchObject({ status: 409, code: 'assignment_exists' });
    expect(await stockOf(admin, 'blank-remote')).toBe(before);
  });

  it('R5 out_of_stock: no credit of the type left, nothing assigned', async () => {
    const admin = await signIn();
    // No scenario ever buys « Examen officiel - sur site » for « Démo »: its stock stays empty.
    expect(await stockOf(admin, 'official-onsite')).toBe(0);
    const candidate = await newCandidate(admin);
    const error = await failure(admin.assignments.assign(candidate.id, { examType: 'official-onsite', scheduledAt: parisToday(1) }));
    expect(error).toBeInstanceOf(OutOfStockError);
    expect(error).toMatchObject({ status: 409, code: 'out_of_stock' });
    expect((await admin.candidates.retrieve(candidate.id)).status).toBe('to_assign');
  });

  it('R5 a new exam after the last one was taken (« Nouvelle attribution »)', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 2);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'blank-remote' });
    await takeExam(candidate.id, admin, 700);
    expect((await admin.candidates.retrieve(candidate.id)).status).toBe('taken');
    const next = await admin.assignments.assign(candidate.id, { examType: 'blank-remote' });
    expect(next.state).toBe('scheduled');
    expect((await admin.candidates.retrieve(candidate.id)).status).toBe('scheduled');
  });
});

describe('modifying or removing an exam (§6.6, R6, R7)', () => {
  it('R6 modifying gives the old credit back and consumes one of the new type', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 1);
    await ensureCredits(admin, 'demo-remote', 1);
    const candidate = await newCandidate(admin);
    const old = await admin.assignments.assign(candidate.id, { examType: 'blank-remote' });
    const blank = await stockOf(admin, 'blank-remote');
    const demo = await stockOf(admin, 'demo-remote');
    const modified = await admin.assignments.modify(candidate.id, { examType: 'demo-remote' });
    expect(modified).toMatchObject({ candidateId: candidate.id, examType: 'demo-remote', state: 'scheduled' });
    expect(modified.id).not.toBe(old.id);
    expect(await stockOf(admin, 'blank-remote')).toBe(blank + 1);
    expect(await stockOf(admin, 'demo-remote')).toBe(demo - 1);
  });

  it('R6 modifying a La Poste exam releases its seat', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'official-laposte', 1);
    await ensureCredits(admin, 'blank-remote', 1);
    const session = await freeSession(admin);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'official-laposte', sessionId: session.id });
    const booked = await seatsTaken(admin, session.id);
    await admin.assignments.modify(candidate.id, { examType: 'blank-remote' });
    expect(await seatsTaken(admin, session.id)).toBe(Number.isNaN(booked) ? session.seatsTaken : booked - 1);
  });

  it('R6 conflict: an exam already taken cannot be modified', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 2);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'blank-remote' });
    await takeExam(candidate.id, admin, 610);
    expect(await failure(admin.assignments.modify(candidate.id, { examType: 'blank-remote' }))).toBeInstanceOf(ConflictError);
  });

  it('R7 removing gives the credit back to the stock', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 1);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'blank-remote' });
    const before = await stockOf(admin, 'blank-remote');
    await admin.assignments.remove(candidate.id, { notify: true });
    expect(await stockOf(admin, 'blank-remote')).toBe(before + 1);
    const file = await admin.candidates.retrieve(candidate.id);
    expect(file.status).toBe('to_assign');
  });

  it('R7 not_found: removing when no exam is assigned', async () => {
    const admin = await signIn();
    const candidate = await newCandidate(admin);
    expect(await failure(admin.assignments.remove(candidate.id))).toBeInstanceOf(NotFoundError);
  });

  it('R7 conflict: an exam already taken cannot be removed', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 1);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'blank-remote' });
    await takeExam(candidate.id, admin, 610);
    expect(await failure(admin.assignments.remove(candidate.id))).toBeInstanceOf(ConflictError);
  });
});

describe('several candidates at once (§6.6, R8)', () => {
  async function three(admin: ClrClient) {
    const family = unique('Lot');
    return { family, ids: [(await newCandidate(admin, { lastName: `${family}-a` })).id, (await newCandidate(admin, { lastName: `${family}-b` })).id, (await newCandidate(admin, { lastName: `${family}-c` })).id] };
  }

  it('R8 assigns a selection, one credit each', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 3);
    const { ids } = await three(admin);
    const before = await stockOf(admin, 'blank-remote');
    const result = await admin.assignments.bulk({ candidateIds: ids, examType: 'blank-remote' });
    expect(result.data.map((a) => a.candidateId)).toEqual(ids);
    expect(result.total).toBe(3);
    expect(await stockOf(admin, 'blank-remote')).toBe(before - 3);
  });

  it('R8 not_eligible: a candidate with a current exam in the selection — nothing is assigned, and the error names them', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 4);
    const { family, ids } = await three(admin);
    await admin.assignments.assign(ids[1]!, { examType: 'blank-remote' });
    const before = await stockOf(admin, 'blank-remote');
    const error = (await failure(admin.assignments.bulk({ candidateIds: ids, examType: 'blank-remote' }))) as NotEligibleError;
    expect(error).toBeInstanceOf(NotEligibleError);
    expect(error.candidateIds).toEqual([ids[1]]);
    expect(await stockOf(admin, 'blank-remote')).toBe(before);
    expect((await admin.candidates.list({ q: family })).counts).toMatchObject({ to_assign: 2, scheduled: 1 });
  });

  it('R8 out_of_stock: more candidates than credits — nothing is assigned; the error says how many are needed and available', async () => {
    const admin = await signIn();
    const available = await stockOf(admin, 'official-onsite');
    const family = unique('Rupture');
    const ids: string[] = [];
    for (let i = 0; i < available + 2; i++) ids.push((await newCandidate(admin, { lastName: `${family}-${i}` })).id);
    const error = (await failure(admin.assignments.bulk({ candidateIds: ids, examType: 'official-onsite', scheduledAt: parisToday(2) }))) as OutOfStockError;
    expect(error).toBeInstanceOf(OutOfStockError);
    expect(error).toMatchObject({ needed: ids.length, available });
    expect((await admin.candidates.list({ q: family })).counts.to_assign).toBe(ids.length);
  });

  it('R8 removes the exams of a selection, all or nothing', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 3);
    const { family, ids } = await three(admin);
    await admin.assignments.bulk({ candidateIds: ids, examType: 'blank-remote' });
    await takeExam(ids[2]!, admin, 555);
    const before = await stockOf(admin, 'blank-remote');
    const error = (await failure(admin.assignments.bulkRemove({ candidateIds: ids }))) as NotEligibleError;
    expect(error).toBeInstanceOf(NotEligibleError);
    expect(error.candidateIds).toEqual([ids[2]]);
    expect(await stockOf(admin, 'blank-remote')).toBe(before);
    const removed = await admin.assignments.bulkRemove({ candidateIds: ids.slice(0, 2), notify: false });
    expect(removed).toEqual({ removed: 2, creditsReturned: 2 });
    expect(await stockOf(admin, 'blank-remote')).toBe(before + 2);
    expect((await admin.candidates.list({ q: family })).counts).toMatchObject({ to_assign: 2, taken: 1 });
  });

  it('lists who may receive an exam and whose exam may be removed, with the stock of the type', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 1);
    const { family, ids } = await three(admin);
    await admin.assignments.assign(ids[0]!, { examType: 'blank-remote' });
    const toAssign = await admin.assignments.eligible({ action: 'assign', examType: 'blank-remote', q: family });
    expect(toAssign.data.map((c) => c.id).sort()).toEqual(ids.slice(1).sort());
    expect(toAssign.available).toBe(await stockOf(admin, 'blank-remote'));
    const toRemove = await admin.assignments.eligible({ action: 'remove', q: family });
    expect(toRemove.data.map((c) => c.id)).toEqual([ids[0]]);
  });
});

describe('concurrency (R9)', () => {
  it('R9 five simultaneous assignments of one candidate consume exactly one credit', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 5);
    const candidate = await newCandidate(admin);
    const before = await stockOf(admin, 'blank-remote');
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => admin.assignments.assign(candidate.id, { examType: 'blank-remote' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(refusals.every((e) => e instanceof AssignmentExistsError)).toBe(true);
    expect(await stockOf(admin, 'blank-remote')).toBe(before - 1);
  });

  it('R9 two simultaneous bulk assignments of the same selection: one wins, the stock moves once', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 6);
    const family = unique('Course');
    const ids = [(await newCandidate(admin, { lastName: `${family}-a` })).id, (await newCandidate(admin, { lastName: `${family}-b` })).id];
    const before = await stockOf(admin, 'blank-remote');
    const results = await Promise.allSettled([
      admin.assignments.bulk({ candidateIds: ids, examType: 'blank-remote' }),
      admin.assignments.bulk({ candidateIds: ids, examType: 'blank-remote' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(NotEligibleError) });
    expect(await stockOf(admin, 'blank-remote')).toBe(before - 2);
  });
});

describe('expiry (R19)', () => {
  it('R19 an exam not taken by its deadline expires; its credit is consumed and a new exam may be assigned', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-onsite', 2);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'blank-onsite', scheduledAt: parisToday() });
    const consumed = await stockOf(admin, 'blank-onsite');
    await target().setClockOffset(2 * DAY);
    const later = await signIn('demoAdmin', { fresh: true });
    const file = await later.candidates.retrieve(candidate.id);
    expect(file.status).toBe('expired');
    expect(file.assignment?.state).toBe('expired');
    expect((await later.candidates.list({ q: candidate.email })).counts).toMatchObject({ expired: 1, scheduled: 0 });
    expect((await later.candidates.list({ q: candidate.email, status: 'expired' })).data.map((c) => c.id)).toEqual([candidate.id]);
    // Removing an expired exam gives nothing back: its credit was consumed.
    await later.assignments.remove(candidate.id);
    expect(await stockOf(later, 'blank-onsite')).toBe(consumed);
    const again = await later.assignments.assign(candidate.id, { examType: 'blank-onsite', scheduledAt: parisDay(Date.now() + 2 * DAY) });
    expect(again.state).toBe('scheduled');
  });

  it('R19 an expired exam does not block a new assignment', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-onsite', 2);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'blank-onsite', scheduledAt: parisToday() });
    await target().setClockOffset(2 * DAY);
    const later = await signIn('demoAdmin', { fresh: true });
    const next = await later.assignments.assign(candidate.id, { examType: 'blank-onsite', scheduledAt: parisDay(Date.now() + 3 * DAY) });
    expect(next.state).toBe('scheduled');
  });
});
