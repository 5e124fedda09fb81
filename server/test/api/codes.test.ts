import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { makeApiKey, makeCandidate, makeKit, makeLot, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * §6.7 « Afficher le code d'activation d'un ou de plusieurs examens » (R15):
 * the codes of the exams the partner supervises, never La Poste's; only live
 * codes (not spent, not removed, not expired).
 */
let kit: TestKit;
const START = '2026-03-10T09:00:00.000Z';
const LATE = new Date('2027-01-31T22:59:59.999Z');

beforeAll(async () => {
  kit = await makeKit();
});
beforeEach(() => kit.clock.set(START));
afterAll(() => closeAll());

async function space(names: string[]) {
  const made = await spaceWithAdmin(kit);
  for (const examType of ['official-onsite', 'official-laposte', 'blank-remote']) {
    await makeLot(kit.db, made.space.id, { examType, quantity: 20, expiresAt: LATE });
  }
  const key = (await makeApiKey(kit.db, { spaceId: made.space.id })).secret;
  const candidates = [];
  for (const [i, lastName] of names.entries()) {
    candidates.push(await makeCandidate(kit.db, made.space.id, { lastName, firstName: ['Anaïs', 'Bruno', 'Chloé', 'David'][i % 4] }));
  }
  return { ...made, key, candidates, ids: candidates.map((c) => c.id) };
}

async function assign(cookie: string, candidateId: string, body: Record<string, unknown>) {
  const res = await kit.call('POST', `/candidates/${candidateId}/assignment`, { cookie, body });
  if (res.status !== 201) throw new Error(`assign failed: ${res.status} ${res.text}`);
  return res.json as { id: string; activationCode: string | null };
}

const laposteSession = () =>
  kit.db.examSession.create({
    data: { city: 'GRENOBLE', postcode: '38000', centreName: 'Centre La Poste - Grenoble', address: '11, boulevard Maréchal Lyautey', startsAt: new Date('2026-04-14T07:00:00.000Z'), seats: 10 },
  });

describe('GET /activation-codes', () => {
  it('R15 « Afficher le code » of one candidate: name, e-mail, status « Prévue », date and code', async () => {
    const { cookie, candidates } = await space(['Garnier']);
    const a = await assign(cookie, candidates[0]!.id, { examType: 'official-onsite', scheduledAt: '2026-05-06' });
    const res = await kit.call('GET', `/activation-codes?candidateIds=${candidates[0]!.id}`, { cookie });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      data: [
        {
          candidateId: candidates[0]!.id,
          lastName: 'Garnier',
          firstName: 'Anaïs',
          email: candidates[0]!.email,
          status: 'scheduled',
          date: '2026-05-06',
          code: a.activationCode,
        },
      ],
      nextCursor: null,
      total: 1,
    });
  });

  it('R15 the codes of a selection of candidates, by name', async () => {
    const { cookie, ids } = await space(['Lambert', 'Bonnet', 'Henry']);
    const codes = [];
    for (const id of ids) codes.push((await assign(cookie, id, { examType: 'official-onsite', scheduledAt: '2026-03-24' })).activationCode);
    const res = await kit.call('GET', `/activation-codes?candidateIds=${ids[0]},${ids[2]}`, { cookie });
    expect(res.json.data.map((r: { lastName: string; code: string }) => [r.lastName, r.code])).toEqual([
      ['Henry', codes[2]],
      ['Lambert', codes[0]],
    ]);
  });

  it('R15 without a selection: every candidate holding a live code, filtered by the search', async () => {
    const { cookie, ids } = await space(['Lambert', 'Bonnet', 'Henry', 'Roux']);
    await assign(cookie, ids[0]!, { examType: 'official-onsite', scheduledAt: '2026-03-24' });
    await assign(cookie, ids[1]!, { examType: 'official-onsite', scheduledAt: '2026-03-24' });
    await assign(cookie, ids[2]!, { examType: 'blank-remote' });
    const all = await kit.call('GET', '/activation-codes', { cookie });
    expect(all.json.data.map((r: { lastName: string }) => r.lastName)).toEqual(['Bonnet', 'Lambert']);
    expect(all.json.total).toBe(2);
    const some = await kit.call('GET', '/activation-codes?q=lamb', { cookie });
    expect(some.json.data.map((r: { lastName: string }) => r.lastName)).toEqual(['Lambert']);
  });

  it('R15 never the codes of La Poste centres: the centre holds its own', async () => {
    const { cookie, ids } = await space(['Lambert', 'Bonnet']);
    const session = await laposteSession();
    const laposte = await assign(cookie, ids[0]!, { examType: 'official-laposte', sessionId: session.id });
    expect(laposte.activationCode).toBeNull();
    await assign(cookie, ids[1]!, { examType: 'official-onsite', scheduledAt: '2026-03-24' });
    const all = await kit.call('GET', '/activation-codes', { cookie });
    expect(all.json.data.map((r: { candidateId: string }) => r.candidateId)).toEqual([ids[1]]);
    const chosen = await kit.call('GET', `/activation-codes?candidateIds=${ids[0]}`, { cookie });
    expect(chosen.status).toBe(409);
    expect(chosen.json).toMatchObject({ code: 'not_eligible', candidateIds: [ids[0]] });
    expect(chosen.json.detail).toBe("Ce candidat n'a pas d'examen attribué avec un code d'activation.");
  });

  it('R15 a spent code (the exam started) is no longer shown', async () => {
    const { cookie, ids } = await space(['Lambert']);
    const a = await assign(cookie, ids[0]!, { examType: 'official-onsite', scheduledAt: '2026-03-10' });
    const integration = (await makeApiKey(kit.db, { kind: 'integration' })).secret;
    const started = await kit.call('POST', '/integration/attempts', { bearer: integration, body: { activationCode: a.activationCode } });
    expect(started.status).toBe(201);
    const all = await kit.call('GET', '/activation-codes', { cookie });
    expect(all.json.data).toEqual([]);
  });

  it('R15 the code of a removed or replaced assignment is no longer shown; the new one is', async () => {
    const { cookie, ids } = await space(['Lambert', 'Bonnet']);
    await assign(cookie, ids[0]!, { examType: 'official-onsite', scheduledAt: '2026-03-24' });
    await kit.call('DELETE', `/candidates/${ids[0]}/assignment`, { cookie });
    const first = await assign(cookie, ids[1]!, { examType: 'official-onsite', scheduledAt: '2026-03-24' });
    const modified = await kit.call('PUT', `/candidates/${ids[1]}/assignment`, { cookie, body: { examType: 'official-onsite', scheduledAt: '2026-03-31' } });
    expect(modified.json.activationCode).not.toBe(first.activationCode);
    const all = await kit.call('GET', '/activation-codes', { cookie });
    expect(all.json.data.map((r: { candidateId: string; code: string; date: string }) => [r.candidateId, r.code, r.date])).toEqual([
      [ids[1], modified.json.activationCode, '2026-03-31'],
    ]);
  });

  it('R15 the code of an expired exam is no longer shown (R19)', async () => {
    const { cookie, key, ids } = await space(['Lambert']);
    await assign(cookie, ids[0]!, { examType: 'official-onsite', scheduledAt: '2026-03-10' });
    kit.clock.set('2026-03-11T09:00:00.000Z');
    const all = await kit.call('GET', '/activation-codes', { bearer: key });
    expect(all.json.data).toEqual([]);
  });

  it('an unknown candidate in the selection is not_found', async () => {
    const { cookie } = await space([]);
    const res = await kit.call('GET', '/activation-codes?candidateIds=inconnu', { cookie });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 'not_found', candidateIds: ['inconnu'] });
  });

  it('refuses a malformed query with a 400 naming the parameter', async () => {
    const { cookie } = await space([]);
    const res = await kit.call('GET', '/activation-codes?status=perdu&limit=0', { cookie });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['limit', 'status']);
  });

  it('without a session or key: 401', async () => {
    const res = await kit.call('GET', '/activation-codes');
    expect(res.status).toBe(401);
  });
});

describe('GET /activation-codes/candidates (the « Afficher les codes » dialog)', () => {
  it('R15 lists the candidates to whom an exam with an activation code is assigned, without the codes', async () => {
    const { cookie, ids } = await space(['Lambert', 'Bonnet', 'Henry']);
    await assign(cookie, ids[0]!, { examType: 'official-onsite', scheduledAt: '2026-05-06' });
    await assign(cookie, ids[1]!, { examType: 'blank-remote' });
    const res = await kit.call('GET', '/activation-codes/candidates', { cookie });
    expect(res.status).toBe(200);
    expect(res.json.data.map((r: { id: string; status: string; date: string }) => [r.id, r.status, r.date])).toEqual([[ids[0], 'scheduled', '2026-05-06']]);
    expect(res.json.counts).toEqual({ to_assign: 0, scheduled: 1, expired: 0, taken: 0 });
    expect(JSON.stringify(res.json)).not.toMatch(/"code"/);
  });
});

describe('GET /activation-codes/export.csv (« Exporter »)', () => {
  it('R15 exports the codes shown — the same selection — as the R20 CSV: BOM, « ; », French headers, dd/mm/yyyy', async () => {
    const { cookie, ids } = await space(['Lambert', 'Bonnet', 'Henry']);
    const codes = [];
    for (const id of ids) codes.push((await assign(cookie, id, { examType: 'official-onsite', scheduledAt: '2026-03-24' })).activationCode);
    const res = await kit.call('GET', `/activation-codes/export.csv?candidateIds=${ids[0]},${ids[1]}`, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="codes-activation-2026-03-10.csv"');
    const raw = await kit.app.request(`/api/v1/activation-codes/export.csv?candidateIds=${ids[0]},${ids[1]}`, { headers: { cookie } });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('Nom;Prénom;Courriel;Statut;Date de passage;Code');
    expect(lines.slice(1).map((l) => [l.split(';')[0], l.split(';')[4], l.split(';')[5]])).toEqual([
      ['Bonnet', '24/03/2026', codes[1]],
      ['Lambert', '24/03/2026', codes[0]],
    ]);
  });

  it('R15 without a selection, exports every live code of the space, whatever the page size', async () => {
    const { cookie, ids } = await space(['Lambert', 'Bonnet', 'Henry']);
    for (const id of ids) await assign(cookie, id, { examType: 'official-onsite', scheduledAt: '2026-03-24' });
    const res = await kit.call('GET', '/activation-codes/export.csv?limit=1', { cookie });
    expect(res.text.trim().split('\r\n')).toHaveLength(4);
  });
});
