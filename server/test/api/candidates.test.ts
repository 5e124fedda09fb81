import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/http/passwords.js';
import { closeAll } from '../support/db.js';
import { candidateBody, makeAssignment, makeAttempt, makePerson } from './candidates.support.js';
import { makeAdmin, makeApiKey, makeKit, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * A candidate's file over HTTP: « Créer un candidat » (§6.3), the file
 * (§6.4, §6.9), « Modifier le dossier » (§6.4, R11) and « Supprimer un
 * candidat » (§6.8, R10). The test clock reads 10/03/2026.
 */
let kit: TestKit;
let cookie: string;
let spaceId: string;
let adminEmail: string;

beforeAll(async () => {
  kit = await makeKit();
  const made = await spaceWithAdmin(kit, 'Démo');
  cookie = made.cookie;
  spaceId = made.space.id;
  adminEmail = made.admin.email;
});
afterAll(() => closeAll());

const call = (method: string, path: string, body?: unknown) => kit.call(method, path, { cookie, ...(body === undefined ? {} : { body }) });
const DAY = 86_400_000;

describe('§6.3 « Créer un candidat et compléter son dossier »', () => {
  it('creates the account and the file from the three required pages', async () => {
    const body = candidateBody({ email: 'Elodie.Lefevre@Exemple.FR' });
    const res = await call('POST', '/candidates', body);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/candidates/${res.json.id}`);
    expect(res.json).toMatchObject({
      civility: 'mme',
      lastName: 'Lefèvre',
      firstName: 'Élodie',
      email: 'elodie.lefevre@exemple.fr',
      groups: [],
      lastLoginAt: null,
      status: 'to_assign',
      validation: null,
      score: null,
      examType: null,
      date: null,
      identity: {
        civility: 'mme',
        lastName: 'Lefèvre',
        birthName: null,
        firstName: 'Élodie',
        email: 'elodie.lefevre@exemple.fr',
        birthDate: '1994-05-17',
        birthPostcode: '69003',
        birthTown: 'Lyon',
        birthCountry: 'France',
      },
      information: { status: 'employee', funding: 'cpf' },
      contact: { phone: null, address: null, postcode: null, town: null, country: null },
      misc: { educationLevel: null, socioProfessionalCategory: null, motherTongue: null },
      credentials: { sentToCandidate: false, acknowledgmentRequested: false, acknowledgedAt: null, sentToAdmin: false },
      assignment: null,
      attempts: [],
      documents: { report: false, registration: false, attendance: false },
      hidden: false,
    });
    const stored = await kit.db.candidate.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(stored).toMatchObject({ spaceId, emailKey: 'elodie.lefevre@exemple.fr', sortName: 'lefevre elodie', stage: 'none', inHiddenGroup: false });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash, 'secret-42')).toBe(true);
  });

  it('keeps the facultative pages « Coordonnées » and « Divers » when given', async () => {
    const res = await call(
      'POST',
      '/candidates',
      candidateBody({
        contact: { phone: '06 12 34 56 78', address: '3 rue des Lilas', postcode: '38000', town: 'Grenoble', country: 'France' },
        misc: { educationLevel: 'bac3', socioProfessionalCategory: 'employee', motherTongue: 'other' },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.json.contact).toEqual({ phone: '06 12 34 56 78', address: '3 rue des Lilas', postcode: '38000', town: 'Grenoble', country: 'France' });
    expect(res.json.misc).toEqual({ educationLevel: 'bac3', socioProfessionalCategory: 'employee', motherTongue: 'other' });
  });

  it('answers 409 conflict naming « identity.email » when the e-mail is taken, whatever its case, in any space', async () => {
    await call('POST', '/candidates', candidateBody({ email: 'deja.pris@exemple.fr' }));
    const other = await spaceWithAdmin(kit, 'Autre');
    const res = await kit.call('POST', '/candidates', { cookie: other.cookie, body: candidateBody({ email: 'DEJA.Pris@exemple.fr' }) });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({
      code: 'conflict',
      field: 'identity.email',
      errors: [{ path: 'identity.email', message: 'Ce courriel est déjà utilisé par un autre candidat.' }],
    });
    expect(await kit.db.candidate.count({ where: { spaceId: other.space.id } })).toBe(0);
  });

  it.each([
    ['without the « Identité » page', { identity: undefined }, [{ path: 'identity', message: 'La page « Identité » est obligatoire.' }]],
    [
      'with passwords that differ',
      { password: { value: 'secret-42', confirmation: 'secret-43', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false } },
      [{ path: 'password.confirmation', message: 'Les mots de passe ne correspondent pas.' }],
    ],
    [
      'with a password under 6 characters',
      { password: { value: 'abc', confirmation: 'abc', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false } },
      [{ path: 'password.value', message: 'Le mot de passe doit contenir au moins 6 caractères.' }],
    ],
    [
      'with an acknowledgment link but no e-mail to the candidate',
      { password: { value: 'secret-42', confirmation: 'secret-42', sendToCandidate: false, requestAcknowledgment: true, sendToAdmin: false } },
      [{ path: 'password.requestAcknowledgment', message: "L'accusé de réception ne peut être demandé que si le mot de passe est envoyé au candidat." }],
    ],
    ['without the « Informations » page', { information: undefined }, [{ path: 'information', message: 'La page « Informations » est obligatoire.' }]],
  ])('answers 400 validation_failed %s, naming the field', async (_label, overrides, errors) => {
    const body = { ...candidateBody(), ...overrides };
    const res = await call('POST', '/candidates', JSON.parse(JSON.stringify(body)));
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.errors).toEqual(errors);
  });

  it('checks the birth date against the server’s clock (10/03/2026): a later date is not in the past', async () => {
    const body = candidateBody();
    const res = await call('POST', '/candidates', { ...body, identity: { ...body.identity, birthDate: '2026-06-01' } });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'identity.birthDate', message: 'La date de naissance doit être dans le passé.' }]);
  });

  it('applies the space’s password minimum when it asks for more than 6 characters', async () => {
    const strict = await spaceWithAdmin(kit, 'Exigeant');
    await kit.db.space.update({ where: { id: strict.space.id }, data: { minPasswordLength: 10 } });
    const res = await kit.call('POST', '/candidates', { cookie: strict.cookie, body: candidateBody() });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'password.value', message: 'Le mot de passe doit contenir au moins 10 caractères.' }]);
  });

  it.each([
    ['a body that is not JSON', { raw: '{"identity":', headers: {} }],
    ['a body sent as a form', { raw: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
  ])('answers 400 validation_failed for %s', async (_label, options) => {
    const res = await kit.call('POST', '/candidates', { cookie, ...options });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
  });

  it('e-mails the password to the candidate with an acknowledgment link, and the credentials to the administrator', async () => {
    const body = candidateBody({ email: 'avec.envoi@exemple.fr' });
    body.password = { value: 'secret-42', confirmation: 'secret-42', sendToCandidate: true, requestAcknowledgment: true, sendToAdmin: true };
    const res = await call('POST', '/candidates', body);
    expect(res.status).toBe(201);
    expect(res.json.credentials).toEqual({ sentToCandidate: true, acknowledgmentRequested: true, acknowledgedAt: null, sentToAdmin: true });

    const toCandidate = await kit.db.outboxMessage.findFirstOrThrow({ where: { to: 'avec.envoi@exemple.fr' } });
    expect(toCandidate).toMatchObject({ template: 'candidate.credentials', spaceId, status: 'pending' });
    expect(toCandidate.text).toContain('Identifiant : avec.envoi@exemple.fr');
    expect(toCandidate.text).toContain('Mot de passe : secret-42');
    const token = /accuse-reception\?token=([\w-]+)/.exec(toCandidate.text)?.[1];
    expect(token).toBeDefined();
    const stored = await kit.db.candidate.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(stored.ackTokenHash).toHaveLength(64);
    expect(stored.ackTokenHash).not.toContain(token!);

    const toAdmin = await kit.db.outboxMessage.findFirstOrThrow({ where: { to: adminEmail, template: 'candidate.credentials-admin' } });
    expect(toAdmin.text).toContain('Identifiant : avec.envoi@exemple.fr');
  });

  it('sends nothing when no option is chosen', async () => {
    const before = await kit.db.outboxMessage.count();
    expect((await call('POST', '/candidates', candidateBody())).status).toBe(201);
    expect(await kit.db.outboxMessage.count()).toBe(before);
  });

  it('an API key of the space may create a candidate; the credentials go to the space’s administrators', async () => {
    const key = await makeApiKey(kit.db, { spaceId });
    const colleague = await makeAdmin(kit.db, { spaceId });
    const body = candidateBody({ email: 'par.cle@exemple.fr' });
    body.password = { value: 'secret-42', confirmation: 'secret-42', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: true };
    const res = await kit.call('POST', '/candidates', { bearer: key.secret, body });
    expect(res.status).toBe(201);
    const recipients = (await kit.db.outboxMessage.findMany({ where: { template: 'candidate.credentials-admin', text: { contains: 'par.cle@exemple.fr' } } })).map((m) => m.to);
    expect(recipients.sort()).toEqual([adminEmail, colleague.email].sort());
  });
});

describe('§6.4 §6.9 the candidate’s file', () => {
  it('shows the current assignment, the attempts latest first, the documents available (R18) and the result columns', async () => {
    const person = await makePerson(kit.db, spaceId, { lastName: 'Passé' });
    const first = await makeAssignment(kit.db, spaceId, person.id, { examType: 'blank-remote', deadline: new Date('2019-12-31T22:59:59Z'), createdAt: new Date('2019-05-01T08:00:00Z') });
    await makeAttempt(kit.db, spaceId, person.id, first.id, { examType: 'blank-remote', score: 480, takenAt: new Date('2019-05-20T08:00:00Z'), validation: 'invalidated' });
    const second = await makeAssignment(kit.db, spaceId, person.id, {
      examType: 'official-approved',
      scheduledAt: '2019-06-07',
      deadline: new Date('2019-06-07T21:59:59.999Z'),
      createdAt: new Date('2019-06-01T08:00:00Z'),
    });
    const attempt = await makeAttempt(kit.db, spaceId, person.id, second.id, {
      examType: 'official-approved',
      score: 617,
      takenAt: new Date('2019-06-07T08:00:00Z'),
      validation: 'validated',
      validUntil: '2022-06-06',
      publicCode: 'BCDFGHJKMP',
    });

    const res = await call('GET', `/candidates/${person.id}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: 'taken',
      validation: 'validated',
      score: 617,
      examType: 'official-approved',
      date: '2019-06-07T08:00:00.000Z',
      assignment: { id: second.id, examType: 'official-approved', scheduledAt: '2019-06-07', state: 'taken' },
      documents: { report: true, registration: true, attendance: true },
    });
    expect(res.json.attempts).toEqual([
      { id: attempt.id, examType: 'official-approved', score: 617, takenAt: '2019-06-07T08:00:00.000Z', validUntil: '2022-06-06', validation: 'validated', publicCode: 'BCDFGHJKMP' },
      expect.objectContaining({ examType: 'blank-remote', score: 480, validation: 'invalidated' }),
    ]);
  });

  it('shows a scheduled exam (« prévue ») with its date, and the registration certificate before the exam (R18)', async () => {
    const person = await makePerson(kit.db, spaceId, { lastName: 'Prévu' });
    await makeAssignment(kit.db, spaceId, person.id, {
      examType: 'official-laposte',
      scheduledAt: '2026-04-02',
      deadline: new Date('2026-04-02T21:59:59.999Z'),
      createdAt: kit.clock.now(),
    });
    await kit.db.candidate.update({ where: { id: person.id }, data: { examDate: new Date('2026-04-01T22:00:00.000Z') } });
    const res = await call('GET', `/candidates/${person.id}`);
    expect(res.json).toMatchObject({
      status: 'scheduled',
      date: '2026-04-02',
      assignment: { state: 'scheduled', scheduledAt: '2026-04-02' },
      documents: { report: false, registration: true, attendance: false },
    });
  });

  it('answers 404 not_found for a candidate that does not exist', async () => {
    const res = await call('GET', '/candidates/inconnu');
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 'not_found', detail: "Ce candidat n'existe pas." });
  });
});

describe('§6.4 « Modifier le dossier d’un candidat »', () => {
  async function created(email?: string) {
    return (await call('POST', '/candidates', candidateBody(email ? { email } : {}))).json as { id: string };
  }

  it('saves the changed fields, keeps the others, and the table finds the new name', async () => {
    const { id } = await created();
    const res = await call('PATCH', `/candidates/${id}`, {
      identity: { lastName: 'Dupré-Noël' },
      contact: { phone: '+33 6 11 22 33 44', town: 'Annecy' },
      misc: { motherTongue: 'fr' },
    });
    expect(res.status).toBe(200);
    expect(res.json.identity).toMatchObject({ lastName: 'Dupré-Noël', firstName: 'Élodie', birthTown: 'Lyon' });
    expect(res.json.contact).toMatchObject({ phone: '+33 6 11 22 33 44', town: 'Annecy', address: null });
    expect(res.json.misc.motherTongue).toBe('fr');
    expect((await kit.db.candidate.findUniqueOrThrow({ where: { id } })).sortName).toBe('dupre-noel elodie');
    expect((await call('GET', '/candidates?q=dupre-noel')).json.data.map((r: { id: string }) => r.id)).toEqual([id]);

    const cleared = await call('PATCH', `/candidates/${id}`, { contact: { town: null } });
    expect(cleared.json.contact).toMatchObject({ phone: '+33 6 11 22 33 44', town: null });
  });

  it('changes the password (argon2id) and e-mails it when asked', async () => {
    const { id } = await created('nouveau.mdp@exemple.fr');
    const res = await call('PATCH', `/candidates/${id}`, {
      password: { value: 'autre-secret-7', confirmation: 'autre-secret-7', sendToCandidate: true, requestAcknowledgment: false, sendToAdmin: false },
    });
    expect(res.status).toBe(200);
    expect(res.json.credentials).toMatchObject({ sentToCandidate: true, acknowledgmentRequested: false, sentToAdmin: false });
    const stored = await kit.db.candidate.findUniqueOrThrow({ where: { id } });
    expect(await verifyPassword(stored.passwordHash, 'autre-secret-7')).toBe(true);
    expect((await kit.db.outboxMessage.findFirstOrThrow({ where: { to: 'nouveau.mdp@exemple.fr' } })).text).toContain('Mot de passe : autre-secret-7');
  });

  it('answers 409 conflict naming « identity.email » for another candidate’s e-mail', async () => {
    await created('premier@exemple.fr');
    const { id } = await created();
    const res = await call('PATCH', `/candidates/${id}`, { identity: { email: 'PREMIER@exemple.fr' } });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'conflict', field: 'identity.email' });
  });

  it('answers 400 when nothing is to be changed', async () => {
    const { id } = await created();
    const res = await call('PATCH', `/candidates/${id}`, {});
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: '', message: 'Aucune modification à enregistrer.' }]);
  });

  it('R11 refuses any change once the candidate has taken an exam: candidate_locked', async () => {
    const person = await makePerson(kit.db, spaceId, { lastName: 'Verrouillé' });
    const assignment = await makeAssignment(kit.db, spaceId, person.id, { deadline: new Date('2026-12-31T22:59:59Z'), createdAt: new Date('2026-01-05T09:00:00Z') });
    await makeAttempt(kit.db, spaceId, person.id, assignment.id, { score: 700, takenAt: new Date('2026-02-01T09:00:00Z'), validation: 'validated' });
    const res = await call('PATCH', `/candidates/${person.id}`, { identity: { firstName: 'Autre' } });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'candidate_locked', detail: 'Ce candidat a déjà passé un examen : son dossier ne peut plus être modifié.' });
    expect((await kit.db.candidate.findUniqueOrThrow({ where: { id: person.id } })).firstName).toBe('Louise');
  });

  it('R11 an exam assigned but not taken does not lock the file', async () => {
    const person = await makePerson(kit.db, spaceId, { lastName: 'Attribué' });
    await makeAssignment(kit.db, spaceId, person.id, { deadline: new Date('2026-12-31T22:59:59Z'), createdAt: kit.clock.now() });
    expect((await call('PATCH', `/candidates/${person.id}`, { identity: { firstName: 'Marie' } })).status).toBe(200);
  });

  it('answers 404 not_found for a candidate that does not exist, and 400 for an id too long to be one', async () => {
    expect((await call('PATCH', '/candidates/inconnu', { identity: { firstName: 'X' } })).status).toBe(404);
    const bad = await call('PATCH', `/candidates/${'x'.repeat(65)}`, { identity: { firstName: 'X' } });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('validation_failed');
  });
});

describe('R10 §6.8 « Supprimer un candidat »', () => {
  type Arrange = (candidateId: string) => Promise<unknown>;
  const now = () => kit.clock.now();
  const nothing: Arrange = async () => undefined;
  const scheduled: Arrange = (id) => makeAssignment(kit.db, spaceId, id, { deadline: new Date(now().getTime() + 30 * DAY), createdAt: now() });
  const expired: Arrange = (id) => makeAssignment(kit.db, spaceId, id, { deadline: new Date(now().getTime() - DAY), createdAt: new Date(now().getTime() - 60 * DAY) });
  const removed: Arrange = (id) => makeAssignment(kit.db, spaceId, id, { deadline: new Date(now().getTime() + 30 * DAY), createdAt: now(), state: 'removed' });
  const taken: Arrange = async (id) => {
    const a = await makeAssignment(kit.db, spaceId, id, { deadline: new Date(now().getTime() + 30 * DAY), createdAt: new Date(now().getTime() - 2 * DAY) });
    return makeAttempt(kit.db, spaceId, id, a.id, { score: 500, takenAt: new Date(now().getTime() - DAY), validation: 'pending' });
  };
  const takenThenExpired: Arrange = async (id) => {
    await taken(id);
    return makeAssignment(kit.db, spaceId, id, { deadline: new Date(now().getTime() - 1000), createdAt: new Date(now().getTime() - 1000) });
  };

  it.each<[string, Arrange]>([
    ['who never had an exam', nothing],
    ['whose only exam expired untaken (R19: its credit is consumed)', expired],
    ['whose exam was removed', removed],
  ])('R10 deletes a candidate %s', async (_label, arrange) => {
    const person = await makePerson(kit.db, spaceId, { lastName: 'Supprimable' });
    await arrange(person.id);
    const group = (await call('POST', '/groups', { name: `Groupe ${person.id}`, category: 'other' })).json;
    await call('POST', `/groups/${group.id}/members`, { candidateIds: [person.id] });

    const res = await call('DELETE', `/candidates/${person.id}`);
    expect(res.status).toBe(204);
    expect((await call('GET', `/candidates/${person.id}`)).status).toBe(404);
    expect(await kit.db.membership.count({ where: { candidateId: person.id } })).toBe(0);
    expect(await kit.db.assignment.count({ where: { candidateId: person.id } })).toBe(0);
    expect((await call('GET', `/groups/${group.id}`)).json.memberCount).toBe(0);
  });

  it.each<[string, Arrange, string]>([
    [
      'who has an exam scheduled',
      scheduled,
      "Un examen est attribué à ce candidat : il ne peut pas être supprimé. Supprimez d'abord l'attribution, ou masquez-le (affectez-le à un groupe puis masquez le groupe).",
    ],
    [
      'who has already taken an exam',
      taken,
      'Ce candidat a déjà passé un examen : il ne peut pas être supprimé, mais il peut être masqué (affectez-le à un groupe puis masquez le groupe).',
    ],
    [
      'who took an exam even if a later one expired',
      takenThenExpired,
      'Ce candidat a déjà passé un examen : il ne peut pas être supprimé, mais il peut être masqué (affectez-le à un groupe puis masquez le groupe).',
    ],
  ])('R10 refuses to delete a candidate %s: candidate_not_deletable', async (_label, arrange, detail) => {
    const person = await makePerson(kit.db, spaceId, { lastName: 'Gardé' });
    await arrange(person.id);
    const res = await call('DELETE', `/candidates/${person.id}`);
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'candidate_not_deletable', detail });
    expect((await call('GET', `/candidates/${person.id}`)).status).toBe(200);
  });

  it('R10 a scheduled exam whose deadline passes no longer prevents the deletion', async () => {
    const clockKit = await makeKit();
    const space = await spaceWithAdmin(clockKit, 'Horloge');
    const key = await makeApiKey(clockKit.db, { spaceId: space.space.id });
    const person = await makePerson(clockKit.db, space.space.id, { lastName: 'Bientôt' });
    await makeAssignment(clockKit.db, space.space.id, person.id, { deadline: new Date(clockKit.clock.now().getTime() + DAY), createdAt: clockKit.clock.now() });
    expect((await clockKit.call('DELETE', `/candidates/${person.id}`, { bearer: key.secret })).status).toBe(409);
    clockKit.clock.advance(2 * DAY);
    expect((await clockKit.call('DELETE', `/candidates/${person.id}`, { bearer: key.secret })).status).toBe(204);
  });

  it('answers 404 not_found for a candidate that does not exist', async () => {
    const res = await call('DELETE', '/candidates/inconnu');
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('not_found');
  });
});
