import { addDays, addMonths, parisDay } from '@clr/domain';
import { describe, expect, it } from 'vitest';
import { ConflictError, NotEligibleError, type ClrClient } from '../../src/index.js';
import { ensureCredits, examPlatform, failure, newCandidate, parisToday, signIn, takeExam, unique } from './support/scenario.js';

const CODE = /^[BCDFGHJKMPQRTVWXY2346789]{8}$/;
const PUBLIC_CODE = /^[BCDFGHJKMPQRTVWXY2346789]{10}$/;

async function assigned(admin: ClrClient, examType: string, extra: { scheduledAt?: string; sessionId?: string } = {}) {
  await ensureCredits(admin, examType, 1);
  const candidate = await newCandidate(admin);
  const assignment = await admin.assignments.assign(candidate.id, { examType, ...extra });
  return { candidate, assignment };
}

describe('activation codes (§6.7, R15)', () => {
  it('R15 shows the code of a partner-supervised exam, for the chosen candidates', async () => {
    const admin = await signIn();
    const { candidate, assignment } = await assigned(admin, 'blank-onsite', { scheduledAt: parisToday(5) });
    expect(assignment.activationCode).toMatch(CODE);
    const codes = await admin.codes.list({ candidateIds: [candidate.id] });
    expect(codes.data).toEqual([
      {
        candidateId: candidate.id,
        lastName: candidate.lastName,
        firstName: candidate.firstName,
        email: candidate.email,
        status: 'scheduled',
        date: expect.stringContaining(parisToday(5)),
        code: assignment.activationCode,
      },
    ]);
  });

  it('R15 draws a different code for each exam', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-onsite', 3);
    const family = unique('Codes');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await newCandidate(admin, { lastName: `${family}-${i}` })).id);
    const result = await admin.assignments.bulk({ candidateIds: ids, examType: 'blank-onsite', scheduledAt: parisToday(4) });
    const codes = result.data.map((a) => a.activationCode);
    expect(codes.every((c) => CODE.test(c ?? ''))).toBe(true);
    expect(new Set(codes).size).toBe(3);
    const selection = await admin.codes.candidates({ q: family });
    expect(selection.data.map((c) => c.id).sort()).toEqual([...ids].sort());
  });

  it('R15 not_eligible: a La Poste exam has no code the partner may see', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'official-laposte', 1);
    const session = (await admin.examSessions.list({ examType: 'official-laposte' })).data.find((s) => s.seatsTaken < s.seats)!;
    const { candidate, assignment } = await assigned(admin, 'official-laposte', { sessionId: session.id });
    expect(assignment.activationCode).toBeNull();
    const error = (await failure(admin.codes.list({ candidateIds: [candidate.id] }))) as NotEligibleError;
    expect(error).toBeInstanceOf(NotEligibleError);
    expect(error.candidateIds).toEqual([candidate.id]);
  });

  it('R15 a code starts the exam once: the second use is refused', async () => {
    const admin = await signIn();
    const { assignment } = await assigned(admin, 'blank-onsite', { scheduledAt: parisToday() });
    const platform = examPlatform();
    const started = await platform.integration.startAttempt({ activationCode: assignment.activationCode!.toLowerCase() });
    expect(started.attemptId).toEqual(expect.any(String));
    expect(await failure(platform.integration.startAttempt({ activationCode: assignment.activationCode! }))).toBeInstanceOf(ConflictError);
  });

  it('R15 an exam with a code cannot be started without it', async () => {
    const admin = await signIn();
    const { assignment } = await assigned(admin, 'blank-onsite', { scheduledAt: parisToday() });
    expect(await failure(examPlatform().integration.startAttempt({ assignmentId: assignment.id }))).toBeInstanceOf(ConflictError);
  });
});

describe('results arriving from the exam platform (§6.9, R16, R17)', () => {
  it('the exam platform logs a candidate in and sees the exam waiting', async () => {
    const admin = await signIn();
    const { candidate, assignment } = await assigned(admin, 'blank-onsite', { scheduledAt: parisToday(2) });
    const login = await examPlatform().integration.candidateLogin({ email: candidate.email, password: 'secret-123' });
    expect(login.candidate).toMatchObject({ id: candidate.id, email: candidate.email });
    expect(login.assignment).toMatchObject({ id: assignment.id, examType: 'blank-onsite', activationRequired: true, state: 'scheduled' });
    const row = (await admin.candidates.list({ q: candidate.email })).data[0]!;
    expect(row.lastLoginAt).not.toBeNull();
  });

  it('R16 R17 a score makes the exam taken: valid until taken + 3 years − 1 day, with a public verification code', async () => {
    const admin = await signIn();
    const { candidate } = await assigned(admin, 'blank-remote');
    const takenAt = new Date().toISOString();
    await takeExam(candidate.id, admin, 617, takenAt);
    const file = await admin.candidates.retrieve(candidate.id);
    expect(file).toMatchObject({ status: 'taken', validation: 'validated', score: 617, examType: 'blank-remote' });
    const attempts = await admin.attempts.list(candidate.id);
    expect(attempts.data).toHaveLength(1);
    const attempt = attempts.data[0]!;
    expect(attempt).toMatchObject({ examType: 'blank-remote', score: 617, validation: 'validated' });
    expect(attempt.validUntil).toBe(addDays(addMonths(parisDay(takenAt), 36), -1));
    expect(attempt.publicCode).toMatch(PUBLIC_CODE);
    expect(file.attempts).toEqual(attempts.data);
  });

  it('R16 R17 a manually validated exam waits for the examiner; validated, it gets its public code', async () => {
    const admin = await signIn();
    const { candidate } = await assigned(admin, 'blank-manual');
    const { attemptId } = await takeExam(candidate.id, admin, 580);
    const waiting = (await admin.attempts.list(candidate.id)).data[0]!;
    expect(waiting).toMatchObject({ id: attemptId, validation: 'pending', score: 580 });
    expect((await admin.candidates.retrieve(candidate.id)).validation).toBe('pending');
    const decided = await examPlatform().integration.postValidation(attemptId, { decision: 'validated' });
    expect(decided).toMatchObject({ id: attemptId, validation: 'validated' });
    expect(decided.publicCode).toMatch(PUBLIC_CODE);
    expect((await admin.candidates.list({ q: candidate.email, validation: 'validated' })).total).toBe(1);
  });

  it('conflict: a score is recorded once', async () => {
    const admin = await signIn();
    const { candidate } = await assigned(admin, 'blank-remote');
    const { attemptId } = await takeExam(candidate.id, admin, 400);
    expect(await failure(examPlatform().integration.postScore(attemptId, { score: 900, takenAt: new Date().toISOString() }))).toBeInstanceOf(ConflictError);
    expect((await admin.attempts.list(candidate.id)).data[0]!.score).toBe(400);
  });

  it('forbidden: an administrator cannot post results', async () => {
    const admin = await signIn();
    const { assignment } = await assigned(admin, 'blank-remote');
    const error = await failure(admin.integration.startAttempt({ assignmentId: assignment.id }));
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
  });
});

describe('documents available in the file (§6.9–6.12, R18)', () => {
  it('R18 the detailed report exists once a result is validated', async () => {
    const admin = await signIn();
    const { candidate } = await assigned(admin, 'blank-remote');
    expect((await admin.candidates.retrieve(candidate.id)).documents).toEqual({ report: false, registration: false, attendance: false });
    await takeExam(candidate.id, admin, 700);
    expect((await admin.candidates.retrieve(candidate.id)).documents).toEqual({ report: true, registration: false, attendance: false });
  });

  it('R18 the registration certificate exists from the assignment of a type that gives it; the attendance one once taken', async () => {
    const admin = await signIn();
    const { candidate } = await assigned(admin, 'official-approved', { scheduledAt: parisToday() });
    expect((await admin.candidates.retrieve(candidate.id)).documents).toEqual({ report: false, registration: true, attendance: false });
    await takeExam(candidate.id, admin, 490);
    expect((await admin.candidates.retrieve(candidate.id)).documents).toEqual({ report: true, registration: true, attendance: true });
  });

  it('R18 an invalidated result gives no detailed report', async () => {
    const admin = await signIn();
    const { candidate } = await assigned(admin, 'demo-manual');
    const { attemptId } = await takeExam(candidate.id, admin, 210);
    await examPlatform().integration.postValidation(attemptId, { decision: 'invalidated' });
    const file = await admin.candidates.retrieve(candidate.id);
    expect(file.validation).toBe('invalidated');
    expect(file.documents.report).toBe(false);
  });
});
