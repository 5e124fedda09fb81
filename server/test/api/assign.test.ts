import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIVATION_CODE_ALPHABET } from '@clr/domain';
import { closeAll } from '../support/db.js';
import { login, makeAdmin, makeApiKey, makeCandidate, makeKit, makeLot, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * §6.5 « Attribuer un examen à un candidat » and §6.6 « Modifier ou supprimer
 * l'examen attribué » for one candidate: R4, R5, R6, R7, R15 (a code is drawn),
 * R19, through `POST/PUT/DELETE /candidates/:id/assignment`.
 */
let kit: TestKit;
const START = '2026-03-10T09:00:00.000Z'; // a Tuesday, 10:00 in Paris
const LATE = new Date('2027-01-31T22:59:59.999Z');
const SOON = new Date('2026-06-30T21:59:59.999Z');

beforeAll(async () => {
  kit = await makeKit();
});
beforeEach(() => kit.clock.set(START));
afterAll(() => closeAll());

async function space(credits: { examType?: string; quantity?: number; expiresAt?: Date }[] = [{}]) {
  const made = await spaceWithAdmin(kit);
  const lots = [];
  for (const c of credits) lots.push((await makeLot(kit.db, made.space.id, { expiresAt: LATE, ...c })).lot);
  const candidate = await makeCandidate(kit.db, made.space.id, { lastName: 'Lefèvre', firstName: 'Anaïs' });
  // Sessions end after 30 idle minutes: tests that move the clock by days call with the space's API key.
  const key = (await makeApiKey(kit.db, { spaceId: made.space.id })).secret;
  return { ...made, lots, candidate, key };
}

function session(seats: number, startsAt = '2026-04-14T07:00:00.000Z', city = 'GRENOBLE') {
  return kit.db.examSession.create({
    data: { city, postcode: '38000', centreName: `Centre La Poste - ${city}`, address: '11, boulevard Maréchal Lyautey', startsAt: new Date(startsAt), seats },
  });
}

const remaining = async (lotId: string) => (await kit.db.creditLot.findUniqueOrThrow({ where: { id: lotId } })).remaining;
const seatsTaken = async (sessionId: string) => (await kit.db.examSession.findUniqueOrThrow({ where: { id: sessionId } })).seatsTaken;
const readModel = (candidateId: string) =>
  kit.db.candidate.findUniqueOrThrow({
    where: { id: candidateId },
    select: { stage: true, deadline: true, latestExamType: true, examDate: true, latestScore: true, latestValidation: true, hasAttempt: true },
  });

describe('POST /candidates/:id/assignment (§6.5 « Attribuer une certification »)', () => {
  it('R5 assigns an exam: one credit consumed, deadline = the lot’s expiry for an undated type, status « Prévue »', async () => {
    const { cookie, lots, candidate } = await space([{ quantity: 10 }]);
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      candidateId: candidate.id,
      examType: 'blank-remote',
      scheduledAt: null,
      sessionId: null,
      activationCode: null,
      takenAt: null,
      deadline: LATE.toISOString(),
      state: 'scheduled',
    });
    expect(await remaining(lots[0]!.id)).toBe(9);
    expect(await readModel(candidate.id)).toMatchObject({ stage: 'assigned', deadline: LATE, latestExamType: 'blank-remote', examDate: null });
    const stock = await kit.call('GET', '/stock', { cookie });
    expect(stock.json.total).toBe(9);
  });

  it('R4 consumes the lot that expires soonest first', async () => {
    const { cookie, lots, candidate } = await space([
      { quantity: 5, expiresAt: LATE },
      { quantity: 5, expiresAt: SOON },
    ]);
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    expect(res.status).toBe(201);
    expect(res.json.deadline).toBe(SOON.toISOString());
    expect([await remaining(lots[0]!.id), await remaining(lots[1]!.id)]).toEqual([5, 4]);
  });

  it('R4 never consumes an expired lot: with only expired credits the stock is empty (out_of_stock)', async () => {
    const { cookie, lots, candidate } = await space([{ quantity: 5, expiresAt: new Date('2026-03-01T22:59:59.999Z') }]);
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json).toMatchObject({ code: 'out_of_stock', needed: 1, available: 0, examType: 'blank-remote' });
    expect(res.json.detail).toContain('Examen blanc - à distance');
    expect(await remaining(lots[0]!.id)).toBe(5);
    expect(await kit.db.assignment.count({ where: { candidateId: candidate.id } })).toBe(0);
  });

  it('R5 « vous devez avoir des examens disponibles » : no credit of the chosen type → out_of_stock, nothing written', async () => {
    const { cookie, lots, candidate } = await space([{ examType: 'demo-remote', quantity: 3 }]);
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('out_of_stock');
    expect(await remaining(lots[0]!.id)).toBe(3);
    expect((await readModel(candidate.id)).stage).toBe('none');
  });

  it('R5 « vous ne pouvez attribuer un examen qu’à un candidat qui n’en a pas » : a second assignment is assignment_exists', async () => {
    const { cookie, lots, candidate } = await space([{ quantity: 10 }]);
    await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('assignment_exists');
    expect(res.json.candidateIds).toEqual([candidate.id]);
    expect(await remaining(lots[0]!.id)).toBe(9);
  });

  it('R5 a dated exam needs a date: none → 400 on scheduledAt', async () => {
    const { cookie, candidate } = await space([{ examType: 'blank-onsite' }]);
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-onsite' } });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.errors).toEqual([{ path: 'scheduledAt', message: 'Choisissez une date de passage.' }]);
  });

  it.each([
    ['yesterday in Paris', '2026-03-09', 400],
    ['today in Paris', '2026-03-10', 201],
    ['a date to come', '2026-05-04', 201],
  ])('R5 a dated exam on %s (%s) answers %i', async (_label, scheduledAt, status) => {
    const { cookie, candidate } = await space([{ examType: 'blank-onsite' }]);
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-onsite', scheduledAt } });
    expect(res.status).toBe(status);
    if (status === 400) expect(res.json.errors[0]).toEqual({ path: 'scheduledAt', message: "La date de passage doit être aujourd'hui ou une date à venir." });
  });

  it('R5 the deadline of a dated exam is the end of the scheduled day in Paris, and « Date de passage » is that day', async () => {
    const { cookie, candidate } = await space([{ examType: 'official-onsite' }]);
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'official-onsite', scheduledAt: '2026-07-14' } });
    expect(res.status).toBe(201);
    expect(res.json.scheduledAt).toBe('2026-07-14');
    expect(res.json.deadline).toBe('2026-07-14T21:59:59.999Z');
    expect((await readModel(candidate.id)).examDate).toEqual(new Date('2026-07-13T22:00:00.000Z'));
  });

  it('R5 refuses a date for an exam that is available at once', async () => {
    const { cookie, candidate } = await space();
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote', scheduledAt: '2026-05-04' } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('scheduledAt');
  });

  it('R15 an exam the partner supervises gets an 8-character activation code without vowels or look-alikes', async () => {
    const { cookie, candidate } = await space([{ examType: 'official-approved' }]);
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'official-approved', scheduledAt: '2026-04-02' } });
    expect(res.status).toBe(201);
    expect(res.json.activationCode).toMatch(new RegExp(`^[${ACTIVATION_CODE_ALPHABET}]{8}$`));
  });

  it('R15 an exam the candidate starts alone has no activation code', async () => {
    const { cookie, candidate } = await space([{ examType: 'blank-manual' }]);
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-manual' } });
    expect(res.json.activationCode).toBeNull();
  });

  it('refuses an exam type that does not exist, naming the field', async () => {
    const { cookie, candidate } = await space();
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'examen-imaginaire' } });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'examType', message: "Ce type d'examen n'existe pas." }]);
  });

  it('refuses a malformed body with a 400 naming each field, never a 500', async () => {
    const { cookie, candidate } = await space();
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { scheduledAt: '2026-02-30', notify: 'peut-être' } });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['examType', 'notify', 'scheduledAt']);
  });

  it('sends the candidate a French notice of their enrolment when asked (« Envoyer un courriel au candidat »), in the same write', async () => {
    const { cookie, candidate, space: sp } = await space([{ examType: 'official-onsite' }]);
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, {
      cookie,
      body: { examType: 'official-onsite', scheduledAt: '2026-05-04', notify: true },
    });
    expect(res.status).toBe(201);
    const mails = await kit.db.outboxMessage.findMany({ where: { spaceId: sp.id } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'candidate.assignment', to: candidate.email, subject: 'Inscription à un examen - Certification Le Robert' });
    expect(mails[0]!.text).toContain("Vous êtes inscrit(e) à l'examen « Examen officiel - sur site ».");
    expect(mails[0]!.text).toContain('Date de passage : 04/05/2026');
    expect(mails[0]!.text).not.toContain(res.json.activationCode);
  });

  it('sends nothing without the option', async () => {
    const { cookie, candidate, space: sp } = await space();
    await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    expect(await kit.db.outboxMessage.count({ where: { spaceId: sp.id } })).toBe(0);
  });

  it('works with a space API key as with a session', async () => {
    const { space: sp, candidate } = await space();
    const { secret } = await makeApiKey(kit.db, { spaceId: sp.id });
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { bearer: secret, body: { examType: 'blank-remote' } });
    expect(res.status).toBe(201);
  });
});

describe('La Poste sessions (§6.5 « Sélection d’une session de passage dans un centre La Poste »)', () => {
  it('R5 an exam in a La Poste centre needs a session', async () => {
    const { cookie, candidate } = await space([{ examType: 'official-laposte' }]);
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'official-laposte', scheduledAt: '2026-04-14' } });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'sessionId', message: 'Choisissez une session dans un centre La Poste.' }]);
  });

  it('R5 takes a seat of the session; the date is the session’s day; the centre holds the code, so none is drawn', async () => {
    const { cookie, candidate, lots } = await space([{ examType: 'official-laposte' }]);
    const s = await session(3);
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'official-laposte', sessionId: s.id } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ sessionId: s.id, scheduledAt: '2026-04-14', activationCode: null, deadline: '2026-04-14T21:59:59.999Z' });
    expect(await seatsTaken(s.id)).toBe(1);
    expect(await remaining(lots[0]!.id)).toBe(9);
  });

  it('R5 a full session is a conflict and nothing is consumed', async () => {
    const { cookie, candidate, lots } = await space([{ examType: 'official-laposte' }]);
    const s = await session(1);
    await kit.db.examSession.update({ where: { id: s.id }, data: { seatsTaken: 1 } });
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'official-laposte', sessionId: s.id } });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'conflict', sessionId: s.id, needed: 1, available: 0 });
    expect(res.json.detail).toBe('Plus aucune place dans la session du 14/04/2026 à GRENOBLE : choisissez une autre session.');
    expect(await remaining(lots[0]!.id)).toBe(10);
  });

  it('R5 a session that has already started cannot be chosen', async () => {
    const { cookie, candidate } = await space([{ examType: 'official-laposte' }]);
    const s = await session(5, '2026-03-10T08:00:00.000Z');
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'official-laposte', sessionId: s.id } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('sessionId');
  });

  it('an unknown session is not_found', async () => {
    const { cookie, candidate } = await space([{ examType: 'official-laposte' }]);
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'official-laposte', sessionId: 'session-inconnue' } });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('not_found');
  });

  it('GET /exam-sessions lists sessions to come that have a free seat, soonest first, filtered by city', async () => {
    const { cookie } = await space();
    const before = (await kit.call('GET', '/exam-sessions', { cookie })).json.data.map((s: { id: string }) => s.id);
    const lyon = await session(4, '2026-05-20T07:00:00.000Z', 'LYON');
    const grenoble = await session(4, '2026-04-20T07:00:00.000Z', 'GRENOBLE');
    const full = await session(2, '2026-04-21T07:00:00.000Z', 'GRENOBLE');
    await kit.db.examSession.update({ where: { id: full.id }, data: { seatsTaken: 2 } });
    const past = await session(4, '2026-03-01T07:00:00.000Z', 'GRENOBLE');
    const all = await kit.call('GET', '/exam-sessions', { cookie });
    expect(all.status).toBe(200);
    const ids = all.json.data.map((s: { id: string }) => s.id).filter((id: string) => !before.includes(id));
    expect(ids).toEqual([grenoble.id, lyon.id]);
    expect(ids).not.toContain(full.id);
    expect(ids).not.toContain(past.id);
    const inLyon = await kit.call('GET', '/exam-sessions?city=lyon', { cookie });
    expect(inLyon.json.data.map((s: { id: string }) => s.id)).toEqual([lyon.id]);
    expect(inLyon.json.data[0]).toMatchObject({ city: 'LYON', centreName: 'Centre La Poste - LYON', seats: 4, seatsTaken: 0, startsAt: '2026-05-20T07:00:00.000Z' });
  });
  it('GET /exam-sessions filters by the session’s day (from/to, Paris) and pages with an opaque cursor', async () => {
    const { cookie } = await space();
    const city = `VALENCE-${Date.now()}`;
    const a = await session(3, '2026-06-01T07:00:00.000Z', city);
    const b = await session(3, '2026-06-02T07:00:00.000Z', city);
    const c = await session(3, '2026-06-03T21:30:00.000Z', city); // 23:30 in Paris, still the 3rd
    const inJune = await kit.call('GET', `/exam-sessions?city=${city}&from=2026-06-02&to=2026-06-03`, { cookie });
    expect(inJune.json.data.map((s: { id: string }) => s.id)).toEqual([b.id, c.id]);
    const first = await kit.call('GET', `/exam-sessions?city=${city}&limit=2`, { cookie });
    expect(first.json.data.map((s: { id: string }) => s.id)).toEqual([a.id, b.id]);
    expect(first.json.total).toBe(3);
    const next = await kit.call('GET', `/exam-sessions?city=${city}&limit=2&cursor=${first.json.nextCursor}`, { cookie });
    expect(next.json.data.map((s: { id: string }) => s.id)).toEqual([c.id]);
    expect(next.json.nextCursor).toBeNull();
  });

  it('GET /exam-sessions refuses a reversed period with a 400 on `to`', async () => {
    const { cookie } = await space();
    const res = await kit.call('GET', '/exam-sessions?from=2026-06-03&to=2026-06-01', { cookie });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('to');
  });
});

describe('PUT /candidates/:id/assignment (§6.6 « Modifier l’attribution »)', () => {
  it('R6 the old credit returns to its lot and the new type consumes one', async () => {
    const { cookie, candidate, lots } = await space([{ examType: 'blank-remote' }, { examType: 'official-onsite' }]);
    await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    const res = await kit.call('PUT', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'official-onsite', scheduledAt: '2026-04-02' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ examType: 'official-onsite', scheduledAt: '2026-04-02', state: 'scheduled' });
    expect([await remaining(lots[0]!.id), await remaining(lots[1]!.id)]).toEqual([10, 9]);
    const rows = await kit.db.assignment.findMany({ where: { candidateId: candidate.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => r.state).sort()).toEqual(['active', 'replaced']);
    expect((await readModel(candidate.id)).latestExamType).toBe('official-onsite');
  });

  it('R6 the seat of the La Poste session is released', async () => {
    const { cookie, candidate } = await space([{ examType: 'official-laposte' }, { examType: 'blank-remote' }]);
    const s = await session(2);
    await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'official-laposte', sessionId: s.id } });
    expect(await seatsTaken(s.id)).toBe(1);
    const res = await kit.call('PUT', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    expect(res.status).toBe(200);
    expect(await seatsTaken(s.id)).toBe(0);
  });

  it('R6 re-choosing the same full session keeps the candidate’s seat', async () => {
    const { cookie, candidate } = await space([{ examType: 'official-laposte' }]);
    const s = await session(1);
    await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'official-laposte', sessionId: s.id } });
    const res = await kit.call('PUT', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'official-laposte', sessionId: s.id } });
    expect(res.status).toBe(200);
    expect(await seatsTaken(s.id)).toBe(1);
  });

  it('R6 re-choosing the same type takes back the very credit just returned when it was the last one', async () => {
    const { cookie, candidate, lots } = await space([{ examType: 'blank-onsite', quantity: 1 }]);
    await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-onsite', scheduledAt: '2026-04-02' } });
    const res = await kit.call('PUT', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-onsite', scheduledAt: '2026-04-09' } });
    expect(res.status).toBe(200);
    expect(res.json.scheduledAt).toBe('2026-04-09');
    expect(await remaining(lots[0]!.id)).toBe(0);
  });

  it('R6 if the old lot has expired meanwhile, its credit is lost', async () => {
    const { key, candidate, lots } = await space([
      { examType: 'blank-onsite', quantity: 2, expiresAt: new Date('2026-03-31T21:59:59.999Z') },
      { examType: 'demo-remote', quantity: 2 },
    ]);
    await kit.call('POST', `/candidates/${candidate.id}/assignment`, { bearer: key, body: { examType: 'blank-onsite', scheduledAt: '2026-04-15' } });
    kit.clock.set('2026-04-02T08:00:00.000Z');
    const res = await kit.call('PUT', `/candidates/${candidate.id}/assignment`, { bearer: key, body: { examType: 'demo-remote' } });
    expect(res.status).toBe(200);
    expect([await remaining(lots[0]!.id), await remaining(lots[1]!.id)]).toEqual([1, 1]);
  });

  it('R6 without credit of the new type nothing changes: the old assignment and its credit stay', async () => {
    const { cookie, candidate, lots } = await space([{ examType: 'blank-remote' }]);
    const first = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    const res = await kit.call('PUT', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'demo-remote' } });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('out_of_stock');
    expect(await remaining(lots[0]!.id)).toBe(9);
    const rows = await kit.db.assignment.findMany({ where: { candidateId: candidate.id } });
    expect(rows.map((r) => [r.id, r.state])).toEqual([[first.json.id, 'active']]);
  });

  it('R6 a candidate without an exam has nothing to modify (404)', async () => {
    const { cookie, candidate } = await space();
    const res = await kit.call('PUT', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    expect(res.status).toBe(404);
    expect(res.json.detail).toBe("Ce candidat n'a pas d'examen attribué.");
  });

  it('R6 an exam already taken cannot be modified (conflict)', async () => {
    const { cookie, candidate } = await space([{ quantity: 5 }]);
    const first = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    await kit.db.assignment.update({ where: { id: first.json.id }, data: { takenAt: new Date('2026-03-10T08:30:00.000Z') } });
    const res = await kit.call('PUT', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('conflict');
    expect(res.json.detail).toBe('Cet examen a déjà été passé : son attribution ne peut plus être modifiée.');
  });
});

describe('DELETE /candidates/:id/assignment (§6.6 « Supprimer l’attribution »)', () => {
  it('R7 the exam is « reversé dans le stock » and the candidate is « À attribuer » again', async () => {
    const { cookie, candidate, lots } = await space([{ quantity: 4 }]);
    await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    const res = await kit.call('DELETE', `/candidates/${candidate.id}/assignment`, { cookie });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(await remaining(lots[0]!.id)).toBe(4);
    expect(await readModel(candidate.id)).toMatchObject({ stage: 'none', deadline: null, latestExamType: null });
    expect((await kit.db.assignment.findFirstOrThrow({ where: { candidateId: candidate.id } })).state).toBe('removed');
  });

  it('R7 the La Poste seat is released', async () => {
    const { cookie, candidate } = await space([{ examType: 'official-laposte' }]);
    const s = await session(2);
    await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'official-laposte', sessionId: s.id } });
    await kit.call('DELETE', `/candidates/${candidate.id}/assignment`, { cookie });
    expect(await seatsTaken(s.id)).toBe(0);
  });

  it('R7 « l’informer de l’annulation » : ?notify=true e-mails the candidate in French', async () => {
    const { cookie, candidate, space: sp } = await space();
    await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    await kit.call('DELETE', `/candidates/${candidate.id}/assignment?notify=true`, { cookie });
    const mails = await kit.db.outboxMessage.findMany({ where: { spaceId: sp.id } });
    expect(mails.map((m) => [m.template, m.to])).toEqual([['candidate.assignment-cancelled', candidate.email]]);
    expect(mails[0]!.text).toContain("L'examen « Examen blanc - à distance » qui vous était attribué a été annulé.");
  });

  it('R7 an exam already taken cannot be removed', async () => {
    const { cookie, candidate, lots } = await space([{ quantity: 4 }]);
    const first = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    await kit.db.assignment.update({ where: { id: first.json.id }, data: { takenAt: new Date('2026-03-10T08:30:00.000Z') } });
    const res = await kit.call('DELETE', `/candidates/${candidate.id}/assignment`, { cookie });
    expect(res.status).toBe(409);
    expect(res.json.detail).toBe('Cet examen a déjà été passé : son attribution ne peut plus être supprimée.');
    expect(await remaining(lots[0]!.id)).toBe(3);
  });

  it('R7 a candidate without an exam has nothing to remove (404)', async () => {
    const { cookie, candidate } = await space();
    const res = await kit.call('DELETE', `/candidates/${candidate.id}/assignment`, { cookie });
    expect(res.status).toBe(404);
  });

  it('refuses a malformed notify flag', async () => {
    const { cookie, candidate } = await space();
    const res = await kit.call('DELETE', `/candidates/${candidate.id}/assignment?notify=oui`, { cookie });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('notify');
  });
});

describe('R19 expiry', () => {
  it('R19 an untaken exam past its deadline is « Expirée » and a new assignment may then be made', async () => {
    const { key, candidate, lots } = await space([{ examType: 'blank-onsite', quantity: 3 }]);
    await kit.call('POST', `/candidates/${candidate.id}/assignment`, { bearer: key, body: { examType: 'blank-onsite', scheduledAt: '2026-03-12' } });
    kit.clock.set('2026-03-12T22:59:59.999Z'); // 23:59:59.999 in Paris: still the day
    const still = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { bearer: key, body: { examType: 'blank-onsite', scheduledAt: '2026-03-20' } });
    expect(still.json.code).toBe('assignment_exists');
    kit.clock.set('2026-03-12T23:00:00.000Z'); // midnight in Paris: expired
    const model = await readModel(candidate.id);
    expect(model.stage).toBe('assigned');
    expect(model.deadline!.getTime()).toBeLessThan(kit.clock.now().getTime());
    const again = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { bearer: key, body: { examType: 'blank-onsite', scheduledAt: '2026-03-20' } });
    expect(again.status).toBe(201);
    expect(await remaining(lots[0]!.id)).toBe(1);
  });

  it('R19 removing an expired assignment gives no credit back: it was consumed', async () => {
    const { key, candidate, lots } = await space([{ examType: 'blank-onsite', quantity: 3 }]);
    await kit.call('POST', `/candidates/${candidate.id}/assignment`, { bearer: key, body: { examType: 'blank-onsite', scheduledAt: '2026-03-12' } });
    kit.clock.set('2026-03-13T09:00:00.000Z');
    const res = await kit.call('DELETE', `/candidates/${candidate.id}/assignment`, { bearer: key });
    expect(res.status).toBe(204);
    expect(await remaining(lots[0]!.id)).toBe(2);
    expect((await readModel(candidate.id)).stage).toBe('none');
  });

  it('R19 « Nouvelle attribution » after a taken exam: the new one shows, the result stays', async () => {
    const { key, candidate } = await space([{ quantity: 3 }]);
    const first = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { bearer: key, body: { examType: 'blank-remote' } });
    const takenAt = new Date('2026-03-10T08:30:00.000Z');
    await kit.db.assignment.update({ where: { id: first.json.id }, data: { takenAt } });
    await kit.db.attempt.create({
      data: { spaceId: candidate.spaceId, candidateId: candidate.id, assignmentId: first.json.id, examTypeId: 'blank-remote', score: 617, takenAt, validation: 'validated' },
    });
    kit.clock.set('2026-03-11T09:00:00.000Z');
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { bearer: key, body: { examType: 'blank-remote' } });
    expect(res.status).toBe(201);
    expect(await readModel(candidate.id)).toMatchObject({ stage: 'assigned', latestScore: 617, latestValidation: 'validated', hasAttempt: true });
  });
});

describe('who may assign', () => {
  it('without a session or key: 401 unauthenticated', async () => {
    const { candidate } = await space();
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { body: { examType: 'blank-remote' } });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('unauthenticated');
  });

  it('an operator (no space) is forbidden: 403', async () => {
    const { candidate } = await space();
    const op = await makeAdmin(kit.db, { role: 'operator' });
    const cookie = await login(kit, op.email, op.password, '192.0.2.77');
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('forbidden');
  });
});
