import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { makeApiKey, makeCandidate, makeKit, makeLot, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * §6.6 « Gérer les certifications » for several candidates (R8: all or
 * nothing) and the lists of candidates each bulk action may take.
 */
let kit: TestKit;
const START = '2026-03-10T09:00:00.000Z';
const LATE = new Date('2027-01-31T22:59:59.999Z');

beforeAll(async () => {
  kit = await makeKit();
});
beforeEach(() => kit.clock.set(START));
afterAll(() => closeAll());

async function space(credits: { examType?: string; quantity?: number; expiresAt?: Date }[], names: string[]) {
  const made = await spaceWithAdmin(kit);
  const lots = [];
  for (const c of credits) lots.push((await makeLot(kit.db, made.space.id, { expiresAt: LATE, ...c })).lot);
  // Sessions end after 30 idle minutes: tests that move the clock further call with the space's API key.
  const key = (await makeApiKey(kit.db, { spaceId: made.space.id })).secret;
  const candidates = [];
  for (const lastName of names) candidates.push(await makeCandidate(kit.db, made.space.id, { lastName, firstName: 'Camille' }));
  return { ...made, key, lots, candidates, ids: candidates.map((c) => c.id) };
}

const remaining = async (lotId: string) => (await kit.db.creditLot.findUniqueOrThrow({ where: { id: lotId } })).remaining;
const stages = async (ids: string[]) =>
  (await kit.db.candidate.findMany({ where: { id: { in: ids } }, orderBy: { sortName: 'asc' }, select: { stage: true } })).map((c) => c.stage);

describe('POST /assignments/bulk (« Attribuer les certifications »)', () => {
  it('R8 assigns the exam to every selected candidate, the soonest-expiring credits first (R4)', async () => {
    const soon = new Date('2026-06-30T21:59:59.999Z');
    const { cookie, lots, ids } = await space(
      [
        { quantity: 5, expiresAt: LATE },
        { quantity: 2, expiresAt: soon },
      ],
      ['Bernard', 'Dubois', 'Faure'],
    );
    const res = await kit.call('POST', '/assignments/bulk', { cookie, body: { candidateIds: ids, examType: 'blank-remote' } });
    expect(res.status).toBe(201);
    expect(res.json.total).toBe(3);
    expect(res.json.data.map((a: { candidateId: string }) => a.candidateId)).toEqual(ids);
    expect(res.json.data.map((a: { deadline: string }) => a.deadline)).toEqual([soon.toISOString(), soon.toISOString(), LATE.toISOString()]);
    expect([await remaining(lots[0]!.id), await remaining(lots[1]!.id)]).toEqual([4, 0]);
    expect(await stages(ids)).toEqual(['assigned', 'assigned', 'assigned']);
  });

  it('R8 needing more credits than the stock holds assigns nothing and says how many are needed and available', async () => {
    const { cookie, lots, ids, space: sp } = await space([{ quantity: 2 }], ['Bernard', 'Dubois', 'Faure']);
    const res = await kit.call('POST', '/assignments/bulk', { cookie, body: { candidateIds: ids, examType: 'blank-remote' } });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'out_of_stock', needed: 3, available: 2 });
    expect(res.json.detail).toBe('3 certifications nécessaires, 2 disponibles (« Examen blanc - à distance »).');
    expect(await remaining(lots[0]!.id)).toBe(2);
    expect(await kit.db.assignment.count({ where: { spaceId: sp.id } })).toBe(0);
    expect(await stages(ids)).toEqual(['none', 'none', 'none']);
  });

  it('R8 candidates who already hold a current exam are rejected by id (not_eligible) and nobody is assigned', async () => {
    const { cookie, lots, ids, space: sp } = await space([{ quantity: 10 }], ['Bernard', 'Dubois', 'Faure']);
    await kit.call('POST', `/candidates/${ids[1]}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    const res = await kit.call('POST', '/assignments/bulk', { cookie, body: { candidateIds: ids, examType: 'blank-remote' } });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'not_eligible', candidateIds: [ids[1]] });
    expect(res.json.detail).toBe('1 candidat a déjà un examen attribué non passé.');
    expect(await remaining(lots[0]!.id)).toBe(9);
    expect(await kit.db.assignment.count({ where: { spaceId: sp.id } })).toBe(1);
  });

  it('R8 a La Poste session without enough seats for the selection takes none (conflict with needed/available)', async () => {
    const { cookie, lots, ids } = await space([{ examType: 'official-laposte', quantity: 10 }], ['Bernard', 'Dubois', 'Faure']);
    const session = await kit.db.examSession.create({
      data: { city: 'PARIS', postcode: '75015', centreName: 'Centre La Poste - Paris 15', address: '4, rue de Vaugirard', startsAt: new Date('2026-04-22T12:00:00.000Z'), seats: 2 },
    });
    const res = await kit.call('POST', '/assignments/bulk', { cookie, body: { candidateIds: ids, examType: 'official-laposte', sessionId: session.id } });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'conflict', needed: 3, available: 2 });
    expect((await kit.db.examSession.findUniqueOrThrow({ where: { id: session.id } })).seatsTaken).toBe(0);
    expect(await remaining(lots[0]!.id)).toBe(10);
  });

  it('R8 partner-supervised exams: every candidate gets their own activation code (R15)', async () => {
    const { cookie, ids } = await space([{ examType: 'official-onsite', quantity: 10 }], ['Bernard', 'Dubois', 'Faure', 'Garnier']);
    const res = await kit.call('POST', '/assignments/bulk', { cookie, body: { candidateIds: ids, examType: 'official-onsite', scheduledAt: '2026-03-24' } });
    expect(res.status).toBe(201);
    const codes = res.json.data.map((a: { activationCode: string }) => a.activationCode);
    expect(new Set(codes).size).toBe(4);
  });

  it('R8 notifies each candidate when asked', async () => {
    const { cookie, ids, space: sp, candidates } = await space([{ quantity: 10 }], ['Bernard', 'Dubois']);
    await kit.call('POST', '/assignments/bulk', { cookie, body: { candidateIds: ids, examType: 'blank-remote', notify: true } });
    const mails = await kit.db.outboxMessage.findMany({ where: { spaceId: sp.id }, orderBy: { to: 'asc' } });
    expect(mails.map((m) => m.to).sort()).toEqual(candidates.map((c) => c.email).sort());
  });

  it.each([
    [{ candidateIds: [], examType: 'blank-remote' }, 'candidateIds', 'Sélectionnez au moins un candidat.'],
    [{ candidateIds: ['a', 'a'], examType: 'blank-remote' }, 'candidateIds', 'Un même candidat est sélectionné plusieurs fois.'],
    [{ candidateIds: ['a'] }, 'examType', "Le type d'examen est obligatoire."],
  ])('R8 refuses a malformed selection %j with a 400 naming the field', async (body, path, message) => {
    const { cookie } = await space([], []);
    const res = await kit.call('POST', '/assignments/bulk', { cookie, body });
    expect(res.status).toBe(400);
    expect(res.json.errors).toContainEqual({ path, message });
  });
});

describe('POST /assignments/bulk-delete (« Supprimer des attributions »)', () => {
  it('R8 removes every selected assignment and gives the credits back (R7); expired ones stay consumed (R19)', async () => {
    const { key, lots, ids } = await space([{ examType: 'blank-onsite', quantity: 10 }], ['Bernard', 'Dubois', 'Faure']);
    await kit.call('POST', `/candidates/${ids[0]}/assignment`, { bearer: key, body: { examType: 'blank-onsite', scheduledAt: '2026-03-10' } });
    await kit.call('POST', '/assignments/bulk', { bearer: key, body: { candidateIds: ids.slice(1), examType: 'blank-onsite', scheduledAt: '2026-03-20' } });
    expect(await remaining(lots[0]!.id)).toBe(7);
    kit.clock.set('2026-03-11T08:00:00.000Z'); // the first candidate's exam has expired
    const res = await kit.call('POST', '/assignments/bulk-delete', { bearer: key, body: { candidateIds: ids, notify: true } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ removed: 3, creditsReturned: 2 });
    expect(await remaining(lots[0]!.id)).toBe(9);
    expect(await stages(ids)).toEqual(['none', 'none', 'none']);
    expect(await kit.db.outboxMessage.count({ where: { spaceId: lots[0]!.spaceId, template: 'candidate.assignment-cancelled' } })).toBe(3);
  });

  it('R8 a selection with a candidate without an untaken exam removes nothing (not_eligible by id)', async () => {
    const { cookie, lots, ids } = await space([{ quantity: 10 }], ['Bernard', 'Dubois', 'Faure']);
    await kit.call('POST', '/assignments/bulk', { cookie, body: { candidateIds: ids.slice(0, 2), examType: 'blank-remote' } });
    const res = await kit.call('POST', '/assignments/bulk-delete', { cookie, body: { candidateIds: ids } });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'not_eligible', candidateIds: [ids[2]] });
    expect(await remaining(lots[0]!.id)).toBe(8);
    expect(await stages(ids)).toEqual(['assigned', 'assigned', 'none']);
  });

  it('R8 releases the La Poste seats of the removed assignments', async () => {
    const { cookie, ids } = await space([{ examType: 'official-laposte', quantity: 10 }], ['Bernard', 'Dubois']);
    const session = await kit.db.examSession.create({
      data: { city: 'PARIS', postcode: '75015', centreName: 'Centre La Poste - Paris 15', address: '4, rue de Vaugirard', startsAt: new Date('2026-04-22T12:00:00.000Z'), seats: 5 },
    });
    await kit.call('POST', '/assignments/bulk', { cookie, body: { candidateIds: ids, examType: 'official-laposte', sessionId: session.id } });
    expect((await kit.db.examSession.findUniqueOrThrow({ where: { id: session.id } })).seatsTaken).toBe(2);
    await kit.call('POST', '/assignments/bulk-delete', { cookie, body: { candidateIds: ids } });
    expect((await kit.db.examSession.findUniqueOrThrow({ where: { id: session.id } })).seatsTaken).toBe(0);
  });
});

describe('GET /assignments/eligible (the lists of « Gérer les certifications »)', () => {
  it('R8 action=assign lists the candidates without a current exam — never assigned, or expired (R19) — with the stock left', async () => {
    const { cookie, key, ids } = await space([{ examType: 'blank-onsite', quantity: 10 }], ['Bernard', 'Dubois', 'Faure']);
    await kit.call('POST', `/candidates/${ids[0]}/assignment`, { cookie, body: { examType: 'blank-onsite', scheduledAt: '2026-03-10' } });
    await kit.call('POST', `/candidates/${ids[1]}/assignment`, { cookie, body: { examType: 'blank-onsite', scheduledAt: '2026-03-20' } });
    const res = await kit.call('GET', '/assignments/eligible?action=assign&examType=blank-onsite', { cookie });
    expect(res.status).toBe(200);
    expect(res.json.data.map((r: { id: string }) => r.id)).toEqual([ids[2]]);
    expect(res.json.available).toBe(8);
    kit.clock.set('2026-03-10T23:00:00.000Z'); // midnight in Paris: the exam of the 10th has expired
    const later = await kit.call('GET', '/assignments/eligible?action=assign', { bearer: key });
    expect(later.json.data.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [ids[0], 'expired'],
      [ids[2], 'to_assign'],
    ]);
    expect(later.json.available).toBeNull();
  });

  it('R8 action=remove lists the candidates whose exam can be removed: scheduled or expired, not taken', async () => {
    const { cookie, ids } = await space([{ quantity: 10 }], ['Bernard', 'Dubois', 'Faure']);
    const a = await kit.call('POST', `/candidates/${ids[0]}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    await kit.call('POST', `/candidates/${ids[1]}/assignment`, { cookie, body: { examType: 'blank-remote' } });
    await kit.db.assignment.update({ where: { id: a.json.id }, data: { takenAt: new Date('2026-03-10T08:00:00.000Z') } });
    await kit.db.candidate.update({ where: { id: ids[0] }, data: { stage: 'taken', deadline: null } });
    const res = await kit.call('GET', '/assignments/eligible?action=remove', { cookie });
    expect(res.json.data.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[ids[1], 'scheduled']]);
    expect(res.json.total).toBe(1);
  });

  it('the eligible list takes the table’s search', async () => {
    const { cookie, ids } = await space([], ['Bernard', 'Dubois', 'Faure']);
    const res = await kit.call('GET', '/assignments/eligible?action=assign&q=dubo', { cookie });
    expect(res.json.data.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
  });

  it('refuses an unknown action with a 400 naming it', async () => {
    const { cookie } = await space([], []);
    const res = await kit.call('GET', '/assignments/eligible?action=supprimer', { cookie });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('action');
  });
});
