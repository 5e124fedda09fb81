import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIVATION_CODE_ALPHABET } from '@clr/domain';
import { hashPassword } from '../../src/http/passwords.js';
import { closeAll } from '../support/db.js';
import { makeApiKey, makeCandidate, makeKit, makeLot, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * The exam platform's side, with the integration key: candidate login, start
 * of an attempt (activation code, single use, R15), score (R16 validity, R17
 * public code), validation decision; and the candidate file's attempts (§6.9).
 */
let kit: TestKit;
let integration: string;
const START = '2026-03-10T09:00:00.000Z';
const LATE = new Date('2027-01-31T22:59:59.999Z');
const PASSWORD = 'Soleil-2026';
let passwordHash: string;

beforeAll(async () => {
  kit = await makeKit();
  integration = (await makeApiKey(kit.db, { kind: 'integration' })).secret;
  passwordHash = await hashPassword(PASSWORD);
});
beforeEach(() => kit.clock.set(START));
afterAll(() => closeAll());

async function space(examTypes = ['official-onsite', 'blank-remote', 'blank-manual', 'official-laposte']) {
  const made = await spaceWithAdmin(kit);
  for (const examType of examTypes) await makeLot(kit.db, made.space.id, { examType, quantity: 20, expiresAt: LATE });
  const key = (await makeApiKey(kit.db, { spaceId: made.space.id })).secret;
  const candidate = await makeCandidate(kit.db, made.space.id, { lastName: 'Moreau', firstName: 'Inès' });
  await kit.db.candidate.update({ where: { id: candidate.id }, data: { passwordHash } });
  return { ...made, key, candidate };
}

async function assign(auth: { cookie?: string; bearer?: string }, candidateId: string, body: Record<string, unknown>) {
  const res = await kit.call('POST', `/candidates/${candidateId}/assignment`, { ...auth, body });
  if (res.status !== 201) throw new Error(`assign failed: ${res.status} ${res.text}`);
  return res.json as { id: string; activationCode: string | null };
}

const start = (body: unknown) => kit.call('POST', '/integration/attempts', { bearer: integration, body });
const score = (attemptId: string, body: unknown) => kit.call('POST', `/integration/attempts/${attemptId}/score`, { bearer: integration, body });
const decide = (attemptId: string, decision: unknown) =>
  kit.call('POST', `/integration/attempts/${attemptId}/validation`, { bearer: integration, body: { decision } });

describe('POST /integration/candidates/login', () => {
  it('logs the candidate in and sets « Dernière connexion »; the platform learns the exam waiting, never its code', async () => {
    const { cookie, candidate } = await space();
    await assign({ cookie }, candidate.id, { examType: 'official-onsite', scheduledAt: '2026-03-12' });
    const res = await kit.call('POST', '/integration/candidates/login', { bearer: integration, body: { email: candidate.email.toUpperCase(), password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.json.candidate).toEqual({ id: candidate.id, civility: 'mme', lastName: 'Moreau', firstName: 'Inès', email: candidate.email });
    expect(res.json.assignment).toMatchObject({ examType: 'official-onsite', scheduledAt: '2026-03-12', state: 'scheduled', activationRequired: true });
    expect(JSON.stringify(res.json)).not.toContain('activationCode');
    expect((await kit.db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).lastLoginAt).toEqual(new Date(START));
  });

  it.each([
    ['a wrong password', (email: string) => ({ email, password: 'pas-le-bon' })],
    ['an unknown e-mail', () => ({ email: 'personne@exemple.test', password: PASSWORD })],
  ])('answers 401 unauthenticated for %s, with the same message', async (_label, body) => {
    const { candidate } = await space([]);
    const res = await kit.call('POST', '/integration/candidates/login', { bearer: integration, body: body(candidate.email) });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ code: 'unauthenticated', detail: 'Identifiant ou mot de passe incorrect.' });
    expect((await kit.db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).lastLoginAt).toBeNull();
  });

  it('is rate-limited per account: after 5 failures even the right password waits (429 rate_limited, Retry-After)', async () => {
    const { candidate } = await space([]);
    for (let i = 0; i < 5; i += 1) {
      const res = await kit.call('POST', '/integration/candidates/login', { bearer: integration, body: { email: candidate.email, password: `faux-${i}` } });
      expect(res.status).toBe(401);
    }
    const blocked = await kit.call('POST', '/integration/candidates/login', { bearer: integration, body: { email: candidate.email, password: PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.json.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    kit.clock.minutes(16);
    const later = await kit.call('POST', '/integration/candidates/login', { bearer: integration, body: { email: candidate.email, password: PASSWORD } });
    expect(later.status).toBe(200);
  });

  it('refuses a malformed body with a 400 naming each field', async () => {
    const res = await kit.call('POST', '/integration/candidates/login', { bearer: integration, body: { email: 'pas-une-adresse' } });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'password']);
  });

  it('needs the integration key: none → 401, a space’s session → 403', async () => {
    const { cookie, candidate } = await space([]);
    const body = { email: candidate.email, password: PASSWORD };
    expect((await kit.call('POST', '/integration/candidates/login', { body })).status).toBe(401);
    const asAdmin = await kit.call('POST', '/integration/candidates/login', { cookie, body });
    expect(asAdmin.status).toBe(403);
    expect(asAdmin.json.code).toBe('forbidden');
  });
});

describe('POST /integration/attempts (starting an exam)', () => {
  it('R15 the invigilator’s activation code starts the exam once: the same code again is a conflict', async () => {
    const { cookie, candidate } = await space();
    const a = await assign({ cookie }, candidate.id, { examType: 'official-onsite', scheduledAt: '2026-03-10' });
    const typed = `${a.activationCode!.slice(0, 4).toLowerCase()}-${a.activationCode!.slice(4)}`;
    const first = await start({ activationCode: typed });
    expect(first.status).toBe(201);
    expect(first.json.attemptId).toEqual(expect.any(String));
    const again = await start({ activationCode: a.activationCode });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'conflict', detail: "Ce code d'activation a déjà été utilisé." });
    expect(await kit.db.attempt.count({ where: { assignmentId: a.id } })).toBe(1);
    expect((await kit.db.assignment.findUniqueOrThrow({ where: { id: a.id } })).codeSpentAt).toEqual(new Date(START));
  });

  it('R15 a code typed at the same moment on several machines starts one exam only', async () => {
    const { cookie, candidate } = await space();
    const a = await assign({ cookie }, candidate.id, { examType: 'official-onsite', scheduledAt: '2026-03-10' });
    const answers = await Promise.all(Array.from({ length: 8 }, () => start({ activationCode: a.activationCode })));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(7);
    expect(await kit.db.attempt.count({ where: { assignmentId: a.id } })).toBe(1);
  });

  it('R15 an unknown code is not_found; a malformed one is a 400', async () => {
    expect((await start({ activationCode: 'BCDFGHJK' })).status).toBe(404);
    const bad = await start({ activationCode: 'AEIOU' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]).toEqual({ path: 'activationCode', message: "Le code d'activation n'est pas valide." });
  });

  it('R15 the code of a removed assignment no longer opens anything', async () => {
    const { cookie, candidate } = await space();
    const a = await assign({ cookie }, candidate.id, { examType: 'official-onsite', scheduledAt: '2026-03-10' });
    await kit.call('DELETE', `/candidates/${candidate.id}/assignment`, { cookie });
    const res = await start({ activationCode: a.activationCode });
    expect(res.status).toBe(409);
    expect(res.json.detail).toBe("Cet examen n'est plus attribué au candidat : son attribution a été modifiée ou supprimée.");
  });

  it('a dated exam can be started from its day on, not before', async () => {
    const { cookie, candidate } = await space();
    const a = await assign({ cookie }, candidate.id, { examType: 'official-onsite', scheduledAt: '2026-03-11' });
    const early = await start({ activationCode: a.activationCode });
    expect(early.status).toBe(409);
    expect(early.json.detail).toBe("Cet examen ne peut être démarré qu'à partir du 11/03/2026.");
    kit.clock.set('2026-03-10T23:00:00.000Z'); // midnight in Paris, the 11th
    expect((await start({ activationCode: a.activationCode })).status).toBe(201);
  });

  it('R19 an expired exam cannot be started', async () => {
    const { cookie, candidate } = await space();
    const a = await assign({ cookie }, candidate.id, { examType: 'official-onsite', scheduledAt: '2026-03-10' });
    kit.clock.set('2026-03-11T08:00:00.000Z');
    const res = await start({ activationCode: a.activationCode });
    expect(res.status).toBe(409);
    expect(res.json.detail).toBe('Cet examen a expiré le 10/03/2026 : il ne peut plus être démarré.');
  });

  it('an exam the candidate starts alone starts with its assignment, once', async () => {
    const { cookie, candidate } = await space();
    const a = await assign({ cookie }, candidate.id, { examType: 'blank-remote' });
    const res = await start({ assignmentId: a.id });
    expect(res.status).toBe(201);
    const again = await start({ assignmentId: a.id });
    expect(again.status).toBe(409);
    expect(again.json.detail).toBe('Cet examen a déjà été démarré.');
    const model = await kit.db.candidate.findUniqueOrThrow({ where: { id: candidate.id } });
    expect(model).toMatchObject({ stage: 'taken', hasAttempt: true });
  });

  it('R15 an exam that waits for an invigilator cannot be started without its code', async () => {
    const { cookie, candidate } = await space();
    const a = await assign({ cookie }, candidate.id, { examType: 'official-onsite', scheduledAt: '2026-03-10' });
    const res = await start({ assignmentId: a.id });
    expect(res.status).toBe(409);
    expect(res.json.detail).toBe("Cet examen se démarre avec le code d'activation que saisit l'examinateur.");
  });

  it('an unknown assignment is not_found; giving both or neither is a 400', async () => {
    expect((await start({ assignmentId: 'inconnue' })).status).toBe(404);
    const both = await start({ assignmentId: 'a', activationCode: 'BCDFGHJK' });
    expect(both.status).toBe(400);
    expect(both.json.errors[0].message).toBe("Indiquez soit un code d'activation, soit une attribution.");
  });
});

describe('POST /integration/attempts/:id/score', () => {
  it('R16 valid until the taken date + 3 years − 1 day (the manual: taken 07/06/2019 → valid until 06/06/2022); R17 a public code', async () => {
    kit.clock.set('2019-06-07T07:00:00.000Z');
    const made = await spaceWithAdmin(kit);
    await makeLot(kit.db, made.space.id, { examType: 'official-onsite', quantity: 5, expiresAt: new Date('2020-06-07T21:59:59.999Z') });
    const candidate = await makeCandidate(kit.db, made.space.id, { lastName: 'Petit', firstName: 'Jules' });
    const a = await assign({ cookie: made.cookie }, candidate.id, { examType: 'official-onsite', scheduledAt: '2019-06-07' });
    const started = await start({ activationCode: a.activationCode });
    kit.clock.set('2019-06-07T10:00:00.000Z');
    const res = await score(started.json.attemptId, { score: 617, takenAt: '2019-06-07T11:30:00+02:00' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: started.json.attemptId,
      examType: 'official-onsite',
      score: 617,
      takenAt: '2019-06-07T09:30:00.000Z',
      validUntil: '2022-06-06',
      validation: 'validated',
    });
    expect(res.json.publicCode).toMatch(new RegExp(`^[${ACTIVATION_CODE_ALPHABET}]{10}$`));
    const model = await kit.db.candidate.findUniqueOrThrow({ where: { id: candidate.id } });
    expect(model).toMatchObject({ stage: 'taken', latestScore: 617, latestValidation: 'validated', latestExamType: 'official-onsite', hasAttempt: true });
    expect(model.examDate).toEqual(new Date('2019-06-07T09:30:00.000Z'));
    expect((await kit.db.assignment.findUniqueOrThrow({ where: { id: a.id } })).takenAt).toEqual(new Date('2019-06-07T09:30:00.000Z'));
  });

  it('R17 every result gets its own public code', async () => {
    const { cookie, candidate, space: sp } = await space();
    const other = await makeCandidate(kit.db, sp.id, { lastName: 'Roy' });
    const codes = [];
    for (const c of [candidate, other]) {
      const a = await assign({ cookie }, c.id, { examType: 'blank-remote' });
      const started = await start({ assignmentId: a.id });
      codes.push((await score(started.json.attemptId, { score: 500, takenAt: '2026-03-10T08:00:00Z' })).json.publicCode);
    }
    expect(codes[0]).not.toBe(codes[1]);
  });

  it('a type with manual validation waits for the examiner: « pending »', async () => {
    const { cookie, candidate } = await space();
    const a = await assign({ cookie }, candidate.id, { examType: 'blank-manual' });
    const started = await start({ assignmentId: a.id });
    const res = await score(started.json.attemptId, { score: 720, takenAt: '2026-03-10T08:00:00Z' });
    expect(res.json.validation).toBe('pending');
    expect((await kit.db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).latestValidation).toBe('pending');
  });

  it('a score arrives once: a second one is a conflict and changes nothing', async () => {
    const { cookie, candidate } = await space();
    const a = await assign({ cookie }, candidate.id, { examType: 'blank-remote' });
    const started = await start({ assignmentId: a.id });
    await score(started.json.attemptId, { score: 480, takenAt: '2026-03-10T08:00:00Z' });
    const again = await score(started.json.attemptId, { score: 990, takenAt: '2026-03-10T08:00:00Z' });
    expect(again.status).toBe(409);
    expect((await kit.db.attempt.findUniqueOrThrow({ where: { id: started.json.attemptId } })).score).toBe(480);
  });

  it.each([
    [{ score: 1001, takenAt: '2026-03-10T08:00:00Z' }, 'score', 'Le score doit être un nombre entier entre 0 et 1000.'],
    [{ score: 12.5, takenAt: '2026-03-10T08:00:00Z' }, 'score', 'Le score doit être un nombre entier entre 0 et 1000.'],
    [{ score: 500, takenAt: '10/03/2026' }, 'takenAt', undefined],
    [{ score: 500, takenAt: '2026-03-11T08:00:00Z' }, 'takenAt', 'La date de passage ne peut pas être dans le futur.'],
  ])('refuses %j with a 400 naming the field', async (body, path, message) => {
    const { cookie, candidate } = await space();
    const a = await assign({ cookie }, candidate.id, { examType: 'blank-remote' });
    const started = await start({ assignmentId: a.id });
    const res = await score(started.json.attemptId, body);
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe(path);
    if (message) expect(res.json.errors[0].message).toBe(message);
  });

  it('an unknown attempt is not_found', async () => {
    const res = await score('inconnu', { score: 500, takenAt: '2026-03-10T08:00:00Z' });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('not_found');
  });
});

describe('POST /integration/attempts/:id/validation', () => {
  it.each([['validated'], ['invalidated']])('settles a pending result as %s, once', async (decision) => {
    const { cookie, candidate } = await space();
    const a = await assign({ cookie }, candidate.id, { examType: 'blank-manual' });
    const started = await start({ assignmentId: a.id });
    await score(started.json.attemptId, { score: 720, takenAt: '2026-03-10T08:00:00Z' });
    const res = await decide(started.json.attemptId, decision);
    expect(res.status).toBe(200);
    expect(res.json.validation).toBe(decision);
    expect((await kit.db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).latestValidation).toBe(decision);
    const again = await decide(started.json.attemptId, 'validated');
    expect(again.status).toBe(409);
    expect(again.json.detail).toBe("Ce résultat n'attend pas de validation.");
  });

  it('a result validated on arrival takes no decision; nor one not scored yet', async () => {
    const { cookie, candidate } = await space();
    const a = await assign({ cookie }, candidate.id, { examType: 'blank-remote' });
    const started = await start({ assignmentId: a.id });
    const early = await decide(started.json.attemptId, 'invalidated');
    expect(early.status).toBe(409);
    expect(early.json.detail).toBe("Le score de ce passage n'a pas encore été reçu.");
    await score(started.json.attemptId, { score: 300, takenAt: '2026-03-10T08:00:00Z' });
    const late = await decide(started.json.attemptId, 'invalidated');
    expect(late.status).toBe(409);
    expect((await kit.db.attempt.findUniqueOrThrow({ where: { id: started.json.attemptId } })).validation).toBe('validated');
  });

  it('refuses an unknown decision with a 400', async () => {
    const res = await decide('quelconque', 'peut-être');
    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toEqual({ path: 'decision', message: 'La décision doit être « validé » ou « invalidé ».' });
  });
});

describe('GET /candidates/:id/attempts (§6.9 « Consulter le résultat d’un examen »)', () => {
  it('lists the candidate’s attempts, the exam in progress first, then the latest taken', async () => {
    const { key, candidate } = await space();
    const first = await assign({ bearer: key }, candidate.id, { examType: 'blank-remote' });
    const s1 = await start({ assignmentId: first.id });
    await score(s1.json.attemptId, { score: 410, takenAt: '2026-03-10T08:00:00Z' });
    kit.clock.set('2026-03-12T09:00:00.000Z');
    const second = await assign({ bearer: key }, candidate.id, { examType: 'blank-remote' });
    const s2 = await start({ assignmentId: second.id });
    await score(s2.json.attemptId, { score: 655, takenAt: '2026-03-12T08:30:00Z' });
    kit.clock.set('2026-03-14T09:00:00.000Z');
    const third = await assign({ bearer: key }, candidate.id, { examType: 'blank-remote' });
    const s3 = await start({ assignmentId: third.id });
    const res = await kit.call('GET', `/candidates/${candidate.id}/attempts`, { bearer: key });
    expect(res.status).toBe(200);
    expect(res.json.total).toBe(3);
    expect(res.json.data.map((a: { id: string; score: number | null }) => [a.id, a.score])).toEqual([
      [s3.json.attemptId, null],
      [s2.json.attemptId, 655],
      [s1.json.attemptId, 410],
    ]);
    expect(res.json.data[1]).toMatchObject({ examType: 'blank-remote', takenAt: '2026-03-12T08:30:00.000Z', validUntil: '2029-03-11', validation: 'validated' });
  });

  it('an unknown candidate is not_found', async () => {
    const { cookie } = await space([]);
    const res = await kit.call('GET', '/candidates/inconnu/attempts', { cookie });
    expect(res.status).toBe(404);
  });
});
