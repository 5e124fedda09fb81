import { describe, expect, it } from 'vitest';
import {
  CandidateLockedError,
  CandidateNotDeletableError,
  ConflictError,
  NotFoundError,
  ValidationFailedError,
} from '../../src/index.js';
import { candidateForm, ensureCredits, failure, newCandidate, signIn, takeExam, unique } from './support/scenario.js';

describe('creating a candidate and the file (§6.3, §6.4)', () => {
  it('creates a candidate from the three required pages: to assign, no group, no exam', async () => {
    const admin = await signIn();
    const form = candidateForm();
    const created = await admin.candidates.create({
      ...form,
      contact: { phone: '06 12 34 56 78', town: 'Lyon' },
      misc: { educationLevel: 'bac5', motherTongue: 'fr' },
    });
    expect(created).toMatchObject({
      civility: 'mme',
      lastName: form.identity.lastName,
      firstName: 'Louise',
      email: form.identity.email,
      status: 'to_assign',
      groups: [],
      assignment: null,
      attempts: [],
      documents: { report: false, registration: false, attendance: false },
      hidden: false,
    });
    expect(created.identity).toMatchObject({ birthDate: '1994-03-17', birthTown: 'Lyon', birthName: null });
    expect(created.contact).toMatchObject({ phone: '06 12 34 56 78', town: 'Lyon', address: null });
    expect(created.misc).toEqual({ educationLevel: 'bac5', socioProfessionalCategory: null, motherTongue: 'fr' });
    expect(await admin.candidates.retrieve(created.id)).toEqual(created);
  });

  it('validation_failed: names each field at fault on the identity and password pages', async () => {
    const admin = await signIn();
    const form = candidateForm();
    form.identity.email = 'pas-un-courriel';
    form.identity.birthDate = '2999-01-01';
    form.password.confirmation = 'autre-chose';
    const error = (await failure(admin.candidates.create(form))) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors.map((e) => e.path)).toEqual(['identity.email', 'identity.birthDate', 'password.confirmation']);
    expect(error.fieldError('identity.email')).toBe("Le courriel n'est pas valide.");
  });

  it('validation_failed: a password shorter than 6 characters', async () => {
    const admin = await signIn();
    const form = candidateForm();
    form.password = { ...form.password, value: 'abc', confirmation: 'abc' };
    const error = (await failure(admin.candidates.create(form))) as ValidationFailedError;
    expect(error.errors.map((e) => e.path)).toEqual(['password.value']);
  });

  it('conflict: the e-mail is the login on the exam platform, unique whatever its case', async () => {
    const admin = await signIn();
    const first = await newCandidate(admin);
    const error = (await failure(newCandidate(admin, { email: first.email.toUpperCase() }))) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.errors.map((e) => e.path)).toEqual(['identity.email']);
  });

  it('conflict: unique across the platform, so another space cannot take it either', async () => {
    const demo = await signIn();
    const other = await signIn('otherAdmin');
    const first = await newCandidate(demo);
    expect(await failure(newCandidate(other, { email: first.email }))).toBeInstanceOf(ConflictError);
  });

  it('R11 edits the file of a candidate who has not taken an exam', async () => {
    const admin = await signIn();
    const candidate = await newCandidate(admin);
    const updated = await admin.candidates.update(candidate.id, {
      identity: { firstName: 'Léa' },
      information: { funding: 'self_funded' },
      contact: { town: 'Grenoble' },
    });
    expect(updated).toMatchObject({ firstName: 'Léa', information: { status: 'employee', funding: 'self_funded' } });
    expect(updated.contact.town).toBe('Grenoble');
  });

  it('R11 candidate_locked: refuses to edit the file once the candidate has taken an exam', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 1);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'blank-remote' });
    await takeExam(candidate.id, admin, 640);
    const error = await failure(admin.candidates.update(candidate.id, { identity: { firstName: 'Léa' } }));
    expect(error).toBeInstanceOf(CandidateLockedError);
    expect(error).toMatchObject({ status: 409, code: 'candidate_locked' });
    expect((await admin.candidates.retrieve(candidate.id)).firstName).toBe('Louise');
  });

  it('validation_failed: an empty update', async () => {
    const admin = await signIn();
    const candidate = await newCandidate(admin);
    expect(await failure(admin.candidates.update(candidate.id, {}))).toBeInstanceOf(ValidationFailedError);
  });
});

describe('deleting a candidate (§6.8, R10)', () => {
  it('R10 deletes a candidate who never took an exam and has none assigned', async () => {
    const admin = await signIn();
    const candidate = await newCandidate(admin);
    await admin.candidates.delete(candidate.id);
    expect(await failure(admin.candidates.retrieve(candidate.id))).toBeInstanceOf(NotFoundError);
  });

  it('R10 candidate_not_deletable: refuses while an exam is scheduled, accepts once it is removed', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 1);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'blank-remote' });
    const error = await failure(admin.candidates.delete(candidate.id));
    expect(error).toBeInstanceOf(CandidateNotDeletableError);
    expect(error).toMatchObject({ status: 409, code: 'candidate_not_deletable' });
    await admin.assignments.remove(candidate.id);
    await admin.candidates.delete(candidate.id);
  });

  it('R10 candidate_not_deletable: refuses a candidate who has taken an exam', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 1);
    const candidate = await newCandidate(admin);
    await admin.assignments.assign(candidate.id, { examType: 'blank-remote' });
    await takeExam(candidate.id, admin, 512);
    expect(await failure(admin.candidates.delete(candidate.id))).toBeInstanceOf(CandidateNotDeletableError);
  });
});

describe('the candidates table (§6.1)', () => {
  it('pagination: walks every page of a search, each candidate once, total and counts', async () => {
    const admin = await signIn();
    const family = unique('Fam');
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await newCandidate(admin, { lastName: `${family}-${i}` }));
    const first = await admin.candidates.list({ q: family, limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.total).toBe(5);
    expect(first.counts).toEqual({ to_assign: 5, scheduled: 0, expired: 0, taken: 0 });
    expect(first.nextCursor).not.toBeNull();
    const walked: string[] = [];
    for await (const c of admin.candidates.list({ q: family, limit: 2 })) walked.push(c.id);
    expect(walked.sort()).toEqual(made.map((c) => c.id).sort());
    expect(await admin.candidates.listAll({ q: family, limit: 3 }).toArray()).toHaveLength(5);
  });

  it('sorts by name, ascending and descending', async () => {
    const admin = await signIn();
    const family = unique('Tri');
    for (const suffix of ['b', 'c', 'a']) await newCandidate(admin, { lastName: `${family}-${suffix}` });
    const up = await admin.candidates.list({ q: family, sort: 'name' });
    expect(up.data.map((c) => c.lastName)).toEqual([`${family}-a`, `${family}-b`, `${family}-c`]);
    const down = await admin.candidates.list({ q: family, sort: '-name' });
    expect(down.data.map((c) => c.lastName)).toEqual([`${family}-c`, `${family}-b`, `${family}-a`]);
  });

  it('filters by status, and counts every status of the search', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 1);
    const family = unique('Stat');
    const waiting = await newCandidate(admin, { lastName: `${family}-a` });
    const scheduled = await newCandidate(admin, { lastName: `${family}-b` });
    await admin.assignments.assign(scheduled.id, { examType: 'blank-remote' });
    const page = await admin.candidates.list({ q: family, status: 'scheduled' });
    expect(page.data.map((c) => c.id)).toEqual([scheduled.id]);
    expect(page.data[0]).toMatchObject({ status: 'scheduled', examType: 'blank-remote', score: null });
    const all = await admin.candidates.list({ q: family });
    expect(all.counts).toEqual({ to_assign: 1, scheduled: 1, expired: 0, taken: 0 });
    expect(all.data.find((c) => c.id === waiting.id)?.status).toBe('to_assign');
  });

  it('finds a candidate by e-mail', async () => {
    const admin = await signIn();
    const candidate = await newCandidate(admin);
    const page = await admin.candidates.list({ q: candidate.email });
    expect(page.data.map((c) => c.id)).toEqual([candidate.id]);
  });

  it('validation_failed: an unknown sort or status in the query', async () => {
    const admin = await signIn();
    const error = (await failure(admin.candidates.list({ sort: 'password' as never }))) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors.map((e) => e.path)).toEqual(['sort']);
  });
});
