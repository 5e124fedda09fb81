import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { VERIFY_LIMIT } from '../../src/routes/public.js';
import { candidateBody, makeAssignment, makeAttempt, makePerson } from './candidates.support.js';
import { makeKit, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * What the public reaches without a session: the certificate verification
 * (R17, JSON and HTML) and the acknowledgment link of the credentials e-mail
 * (§6.3). The clock reads 10/03/2026.
 */
let kit: TestKit;
let cookie: string;
let ipCounter = 1;
const nextIp = () => `192.0.2.${ipCounter++}`;
const PRIVATE = ['verifie@exemple.test', '1987-11-23', '23/11/1987', 'Rue des Lilas', 'Annecy'];

async function page(path: string, ip = nextIp()) {
  const res = await kit.app.request(path, { headers: { 'x-forwarded-for': ip } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

beforeAll(async () => {
  kit = await makeKit();
  const made = await spaceWithAdmin(kit, 'Démo');
  cookie = made.cookie;
  const spaceId = made.space.id;
  const person = await makePerson(kit.db, spaceId, { lastName: "O'Brien <b>", firstName: 'Zoé', email: 'verifie@exemple.test' });
  await kit.db.candidate.update({ where: { id: person.id }, data: { birthDate: '1987-11-23', birthTown: 'Annecy', address: '4 Rue des Lilas', postcode: '74000', town: 'Annecy' } });
  const deadline = new Date('2026-06-30T21:59:59.999Z');
  const a1 = await makeAssignment(kit.db, spaceId, person.id, { examType: 'official-approved', deadline, createdAt: new Date('2026-01-02T09:00:00Z') });
  await makeAttempt(kit.db, spaceId, person.id, a1.id, { examType: 'official-approved', score: 742, takenAt: new Date('2026-02-10T10:00:00Z'), validation: 'validated', validUntil: '2028-02-10', publicCode: 'VRF7K2M9' });
  const other = await makePerson(kit.db, spaceId, { lastName: 'Pending', firstName: 'Paul' });
  const a2 = await makeAssignment(kit.db, spaceId, other.id, { examType: 'blank-manual', deadline, createdAt: new Date('2026-01-02T09:00:00Z') });
  await makeAttempt(kit.db, spaceId, other.id, a2.id, { examType: 'blank-manual', score: 600, takenAt: new Date('2026-02-11T10:00:00Z'), validation: 'pending', publicCode: 'PEND2345' });
});

afterAll(closeAll);

describe('GET /api/v1/public/verify/:code (R17)', () => {
  it('R17 shows only exam type, score, taken and validity dates, first and last name, without a session', async () => {
    const answer = await kit.call('GET', '/public/verify/VRF7K2M9', { ip: nextIp() });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      examTypeLabel: 'Examen officiel - en centre agréé',
      score: 742,
      takenAt: '2026-02-10',
      validUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      firstName: 'Zoé',
      lastName: "O'Brien <b>",
    });
    for (const secret of PRIVATE) expect(answer.text).not.toContain(secret);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['an unknown code', 'ZZZZ9999'],
    ['a result not validated', 'PEND2345'],
    ['a malformed code', 'a%20b'],
  ])('R17 answers 404 for %s', async (_, code) => {
    const answer = await kit.call('GET', `/public/verify/${code}`, { ip: nextIp() });
    expect(answer.status).toBe(404);
    expect(answer.json.code).toBe('not_found');
    expect(answer.text).not.toContain('Pending');
  });

  it('R17 answers 429 past the limit of verifications per address, another address still verifies', async () => {
    const ip = nextIp();
    for (let i = 0; i < VERIFY_LIMIT.max; i++) expect((await kit.call('GET', '/public/verify/ZZZZ9999', { ip })).status).toBe(404);
    const refused = await kit.call('GET', '/public/verify/VRF7K2M9', { ip });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await page('/verify/VRF7K2M9', ip)).status).toBe(429);
    expect((await kit.call('GET', '/public/verify/VRF7K2M9', { ip: nextIp() })).status).toBe(200);
  });
});

describe('GET /verify/:code (R17 page)', () => {
  it('R17 shows the validated result in French, escaped, with no e-mail, birth date or address', async () => {
    const answer = await page('/verify/VRF7K2M9');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.text).toContain('<html lang="fr">');
    expect(answer.text).toContain('Examen officiel - en centre agréé');
    expect(answer.text).toContain('742');
    expect(answer.text).toContain('10/02/2026');
    expect(answer.text).toContain('Zoé O&#39;Brien &lt;b&gt;');
    expect(answer.text).not.toContain('<b>');
    for (const secret of PRIVATE) expect(answer.text).not.toContain(secret);
  });

  it.each(['ZZZZ9999', 'PEND2345'])('R17 answers a French 404 page for %s', async (code) => {
    const answer = await page(`/verify/${code}`);
    expect(answer.status).toBe(404);
    expect(answer.text).toContain('Aucun résultat validé');
    expect(answer.text).not.toContain('Pending');
  });
});

describe('§6.3 the acknowledgment link of the credentials e-mail', () => {
  it('§6.3 the link the e-mail carries records the acknowledgment once and the file turns it green', async () => {
    const body = candidateBody({
      password: { value: 'secret-42', confirmation: 'secret-42', sendToCandidate: true, requestAcknowledgment: true, sendToAdmin: false },
    });
    const created = await kit.call('POST', '/candidates', { cookie, body });
    expect(created.status).toBe(201);
    expect(created.json.credentials).toMatchObject({ acknowledgmentRequested: true, acknowledgedAt: null });

    const mail = await kit.db.outboxMessage.findFirstOrThrow({ where: { to: body.identity.email } });
    const link = /https?:\/\/[^\s"<>]+/.exec(mail.text.match(/https?:\/\/\S*(accuse-reception|ack)\S*/)?.[0] ?? '')?.[0];
    expect(link).toBeDefined();
    const path = new URL(link as string).pathname + new URL(link as string).search;

    const first = await page(path);
    expect(first.status).toBe(200);
    expect(first.text).toContain('est enregistrée');
    const at = (await kit.call('GET', `/candidates/${created.json.id}`, { cookie })).json.credentials.acknowledgedAt;
    expect(at).toBe(kit.clock.now().toISOString());

    kit.clock.minutes(5);
    const again = await page(path);
    expect(again.status).toBe(200);
    expect(again.text).toContain('déjà enregistrée');
    expect((await kit.call('GET', `/candidates/${created.json.id}`, { cookie })).json.credentials.acknowledgedAt).toBe(at);
  });

  it('§6.3 /ack/:token records the same acknowledgment', async () => {
    const body = candidateBody({
      password: { value: 'secret-42', confirmation: 'secret-42', sendToCandidate: true, requestAcknowledgment: true, sendToAdmin: false },
    });
    const created = await kit.call('POST', '/candidates', { cookie, body });
    const mail = await kit.db.outboxMessage.findFirstOrThrow({ where: { to: body.identity.email } });
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    expect((await page(`/ack/${token}`)).status).toBe(200);
    expect((await kit.call('GET', `/candidates/${created.json.id}`, { cookie })).json.credentials.acknowledgedAt).not.toBeNull();
  });

  it.each(['/ack/not-a-token', '/accuse-reception?token=nope', '/accuse-reception'])('§6.3 answers a French 404 page for %s', async (path) => {
    const answer = await page(path);
    expect(answer.status).toBe(404);
    expect(answer.text).toContain('Ce lien d&#39;accusé de réception n&#39;est pas valide.');
  });
});
