import { describe, expect, it } from 'vitest';
import { ACTIVATION_CODE_ALPHABET, CandidateDetail, Stock, addDays, parisDay } from '@clr/domain';
import { candidateBody, useMocks, type Kit } from './kit.js';

const kit = useMocks('empty');
const DAY = 86_400_000;

async function newCandidate(k: Kit, cookie?: string): Promise<string> {
  const res = await k.call('POST', '/candidates', { cookie: cookie ?? (await k.demo()), body: candidateBody() });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

/** Orders `quantity` credits of the product `reference` and has the operator deliver them. */
async function buy(k: Kit, reference: string, quantity: number): Promise<string> {
  const cookie = await k.demo();
  const products = (await k.call('GET', '/products', { cookie })).json.data as { id: string; reference: string }[];
  const productId = products.find((p) => p.reference === reference)!.id;
  const order = await k.call('POST', '/orders', { cookie, body: { lines: [{ productId, quantity }] } });
  const delivered = await k.call('POST', `/operator/orders/${order.json.id}/deliver`, { cookie: await k.login('operator') });
  expect(delivered.status).toBe(200);
  return order.json.id as string;
}

async function stockOf(k: Kit, examType: string) {
  const stock = Stock.parse((await k.call('GET', '/stock', { cookie: await k.demo() })).json);
  return stock.byType.find((t) => t.examType === examType) ?? { examType, remaining: 0, lots: [] };
}

async function assign(k: Kit, id: string, body: Record<string, unknown>, method: 'POST' | 'PUT' = 'POST') {
  return k.call(method, `/candidates/${id}/assignment`, { cookie: await k.demo(), body });
}

async function file(k: Kit, id: string) {
  return CandidateDetail.parse((await k.call('GET', `/candidates/${id}`, { cookie: await k.demo() })).json);
}

const today = () => parisDay(kit.clock.now());

describe('« Attribuer un examen à un candidat » (§6.5)', () => {
  it('R4 consumes the lot that expires soonest first', async () => {
    const older = await buy(kit, 'PART-BLANC-EXAMEN', 2);
    kit.clock.days(30);
    const newer = await buy(kit, 'PART-BLANC-EXAMEN', 2);
    await assign(kit, await newCandidate(kit), { examType: 'blank-remote' });
    const lots = (await stockOf(kit, 'blank-remote')).lots;
    expect(lots).toEqual([
      expect.objectContaining({ orderId: older, remaining: 1 }),
      expect.objectContaining({ orderId: newer, remaining: 2 }),
    ]);
  });

  it('R4 never consumes an expired lot: with only expired credits the stock is empty (out_of_stock)', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 3);
    kit.clock.days(366);
    const res = await assign(kit, await newCandidate(kit), { examType: 'blank-remote' });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'out_of_stock', needed: 1, available: 0 });
  });

  it('R5 an undated exam: one credit consumed, available at once until the lot’s expiry, no activation code, status « Prévue »', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 5);
    const id = await newCandidate(kit);
    const res = await assign(kit, id, { examType: 'blank-remote' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ candidateId: id, examType: 'blank-remote', scheduledAt: null, activationCode: null, state: 'scheduled', deadline: '2027-03-10T22:59:59.999Z' });
    expect((await stockOf(kit, 'blank-remote')).remaining).toBe(4);
    expect((await file(kit, id)).status).toBe('scheduled');
  });

  it('R5 a dated exam needs a date, today or later; its deadline is the end of that day in Paris', async () => {
    await buy(kit, 'PART-SITE-EXAMEN', 5);
    const id = await newCandidate(kit);
    const none = await assign(kit, id, { examType: 'official-onsite' });
    expect(none.json.errors).toEqual([{ path: 'scheduledAt', message: 'Choisissez une date de passage.' }]);
    const past = await assign(kit, id, { examType: 'official-onsite', scheduledAt: addDays(today(), -1) });
    expect(past.json.errors[0].path).toBe('scheduledAt');
    const ok = await assign(kit, id, { examType: 'official-onsite', scheduledAt: addDays(today(), 3) });
    expect(ok.json).toMatchObject({ scheduledAt: '2026-03-13', deadline: '2026-03-13T22:59:59.999Z' });
    expect((await file(kit, id)).date).toBe('2026-03-13');
  });

  it('R5 refuses a date for an exam available at once', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 1);
    const res = await assign(kit, await newCandidate(kit), { examType: 'blank-remote', scheduledAt: addDays(today(), 2) });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('scheduledAt');
  });

  it('R5 out_of_stock: no credit of the chosen type, nothing written', async () => {
    const id = await newCandidate(kit);
    const res = await assign(kit, id, { examType: 'official-approved', scheduledAt: today() });
    expect(res.status).toBe(409);
    expect(res.json.detail).toBe('Plus aucune certification « Examen officiel - en centre agréé » en stock : passez une commande pour en obtenir.');
    expect((await file(kit, id)).assignment).toBeNull();
  });

  it('R5 assignment_exists: a candidate with an exam not yet taken cannot get a second one', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 5);
    const id = await newCandidate(kit);
    await assign(kit, id, { examType: 'blank-remote' });
    const res = await assign(kit, id, { examType: 'blank-remote' });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('assignment_exists');
    expect((await stockOf(kit, 'blank-remote')).remaining).toBe(4);
  });

  it('R5 a La Poste exam takes a seat of the chosen session, on its day, without activation code; a full session is a conflict', async () => {
    await buy(kit, 'PART-LAPOSTE-EXAMEN', 20);
    const sessions = (await kit.call('GET', '/exam-sessions?city=grenoble', { cookie: await kit.demo() })).json.data;
    const session = sessions[0];
    expect((await assign(kit, await newCandidate(kit), { examType: 'official-laposte' })).json.errors[0].path).toBe('sessionId');
    for (let i = 0; i < session.seats; i++) {
      const res = await assign(kit, await newCandidate(kit), { examType: 'official-laposte', sessionId: session.id });
      expect(res.json).toMatchObject({ sessionId: session.id, scheduledAt: parisDay(session.startsAt), activationCode: null });
    }
    const full = await assign(kit, await newCandidate(kit), { examType: 'official-laposte', sessionId: session.id });
    expect(full.status).toBe(409);
    expect(full.json).toMatchObject({ code: 'conflict', sessionId: session.id });
    const listed = (await kit.call('GET', '/exam-sessions?city=grenoble', { cookie: await kit.demo() })).json.data;
    expect(listed.map((s: { id: string }) => s.id)).not.toContain(session.id);
  });

  it('R15 an exam the partner supervises gets an 8-character activation code without vowels or look-alikes', async () => {
    await buy(kit, 'PART-SITE-EXAMEN', 1);
    const res = await assign(kit, await newCandidate(kit), { examType: 'official-onsite', scheduledAt: today() });
    expect(res.json.activationCode).toMatch(new RegExp(`^[${ACTIVATION_CODE_ALPHABET}]{8}$`));
  });

  it('sends the candidate a notice of their enrolment when asked', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 1);
    await assign(kit, await newCandidate(kit), { examType: 'blank-remote', notify: true });
    expect(kit.mocks.store.mails.at(-1)!.text).toContain("Vous êtes inscrit(e) à l'examen « Examen blanc - à distance ».");
  });
});

describe('« Modifier ou supprimer l’examen attribué » (§6.6)', () => {
  it('R6 the old credit returns to its lot and the new type consumes one; the La Poste seat is released', async () => {
    await buy(kit, 'PART-LAPOSTE-EXAMEN', 2);
    await buy(kit, 'PART-BLANC-EXAMEN', 2);
    const session = (await kit.call('GET', '/exam-sessions', { cookie: await kit.demo() })).json.data[0];
    const id = await newCandidate(kit);
    await assign(kit, id, { examType: 'official-laposte', sessionId: session.id });
    const res = await assign(kit, id, { examType: 'blank-remote' }, 'PUT');
    expect(res.status).toBe(200);
    expect(res.json.examType).toBe('blank-remote');
    expect((await stockOf(kit, 'official-laposte')).remaining).toBe(2);
    expect((await stockOf(kit, 'blank-remote')).remaining).toBe(1);
    expect(kit.mocks.store.state.examSessions.find((s) => s.id === session.id)!.seatsTaken).toBe(0);
  });

  it('R6 if the old lot has expired meanwhile, its credit is lost', async () => {
    await buy(kit, 'PART-SITE-EXAMEN', 1);
    const id = await newCandidate(kit);
    await assign(kit, id, { examType: 'official-onsite', scheduledAt: addDays(today(), 400) });
    kit.clock.days(366);
    await buy(kit, 'PART-BLANC-EXAMEN', 1);
    expect((await assign(kit, id, { examType: 'blank-remote' }, 'PUT')).status).toBe(200);
    expect((await stockOf(kit, 'official-onsite')).remaining).toBe(0);
  });

  it('R6 a candidate without an exam has nothing to modify (404); an exam already taken cannot be modified (conflict)', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 3);
    const id = await newCandidate(kit);
    expect((await assign(kit, id, { examType: 'blank-remote' }, 'PUT')).status).toBe(404);
    const assignment = (await assign(kit, id, { examType: 'blank-remote' })).json;
    await kit.call('POST', '/integration/attempts', { bearer: 'clr_int_demo', body: { assignmentId: assignment.id } });
    const res = await assign(kit, id, { examType: 'blank-remote' }, 'PUT');
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('conflict');
  });

  it('R7 the exam is « reversé dans le stock » and the candidate is « À attribuer » again; ?notify=true tells them', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 1);
    const id = await newCandidate(kit);
    await assign(kit, id, { examType: 'blank-remote' });
    expect((await stockOf(kit, 'blank-remote')).remaining).toBe(0);
    const res = await kit.call('DELETE', `/candidates/${id}/assignment?notify=true`, { cookie: await kit.demo() });
    expect(res.status).toBe(204);
    expect((await stockOf(kit, 'blank-remote')).remaining).toBe(1);
    expect((await file(kit, id)).status).toBe('to_assign');
    expect(kit.mocks.store.mails.at(-1)!.template).toBe('candidate.assignment-cancelled');
  });

  it('R19 an untaken exam past its deadline is « Expirée »; removing it gives no credit back, and a new one may be assigned', async () => {
    await buy(kit, 'PART-SITE-EXAMEN', 2);
    const id = await newCandidate(kit);
    await assign(kit, id, { examType: 'official-onsite', scheduledAt: today() });
    kit.clock.days(1);
    expect((await file(kit, id)).status).toBe('expired');
    expect((await assign(kit, id, { examType: 'official-onsite', scheduledAt: today() })).status).toBe(201);
    expect((await stockOf(kit, 'official-onsite')).remaining).toBe(0);
  });
});

describe('« Gérer les certifications » of several candidates (§6.6)', () => {
  it('R8 out_of_stock: more candidates than credits — nothing is assigned, the error says how many are needed and available', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 2);
    const ids = [await newCandidate(kit), await newCandidate(kit), await newCandidate(kit)];
    const res = await kit.call('POST', '/assignments/bulk', { cookie: await kit.demo(), body: { candidateIds: ids, examType: 'blank-remote' } });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'out_of_stock', needed: 3, available: 2, detail: '3 certifications nécessaires, 2 disponibles (« Examen blanc - à distance »).' });
    expect((await stockOf(kit, 'blank-remote')).remaining).toBe(2);
  });

  it('R8 not_eligible: candidates with a current exam are named, and nothing is assigned', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 5);
    const busy = await newCandidate(kit);
    await assign(kit, busy, { examType: 'blank-remote' });
    const free = await newCandidate(kit);
    const res = await kit.call('POST', '/assignments/bulk', { cookie: await kit.demo(), body: { candidateIds: [free, busy], examType: 'blank-remote' } });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'not_eligible', candidateIds: [busy] });
    expect((await file(kit, free)).assignment).toBeNull();
  });

  it('R8 assigns a selection all at once, in order, FIFO across lots', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 1);
    kit.clock.days(1);
    await buy(kit, 'PART-BLANC-EXAMEN', 2);
    const ids = [await newCandidate(kit), await newCandidate(kit), await newCandidate(kit)];
    const res = await kit.call('POST', '/assignments/bulk', { cookie: await kit.demo(), body: { candidateIds: ids, examType: 'blank-remote' } });
    expect(res.status).toBe(201);
    expect(res.json.data.map((a: { candidateId: string }) => a.candidateId)).toEqual(ids);
    expect((await stockOf(kit, 'blank-remote')).remaining).toBe(0);
  });

  it('R8 removes the exams of a selection, all or nothing, and says how many credits went back', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 2);
    const ids = [await newCandidate(kit), await newCandidate(kit)];
    await kit.call('POST', '/assignments/bulk', { cookie: await kit.demo(), body: { candidateIds: ids, examType: 'blank-remote' } });
    const none = await newCandidate(kit);
    const refused = await kit.call('POST', '/assignments/bulk-delete', { cookie: await kit.demo(), body: { candidateIds: [...ids, none] } });
    expect(refused.json).toMatchObject({ code: 'not_eligible', candidateIds: [none] });
    const res = await kit.call('POST', '/assignments/bulk-delete', { cookie: await kit.demo(), body: { candidateIds: ids } });
    expect(res.json).toEqual({ removed: 2, creditsReturned: 2 });
  });

  it('R8 lists who may be chosen: without a current exam to assign (with the stock left), with an untaken one to remove', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 4);
    const assigned = await newCandidate(kit);
    await assign(kit, assigned, { examType: 'blank-remote' });
    const free = await newCandidate(kit);
    const cookie = await kit.demo();
    const toAssign = await kit.call('GET', '/assignments/eligible?action=assign&examType=blank-remote', { cookie });
    expect(toAssign.json.data.map((r: { id: string }) => r.id)).toEqual([free]);
    expect(toAssign.json.available).toBe(3);
    const toRemove = await kit.call('GET', '/assignments/eligible?action=remove', { cookie });
    expect(toRemove.json).toMatchObject({ total: 1, available: null });
    expect(toRemove.json.data[0].id).toBe(assigned);
    expect((await kit.call('GET', '/assignments/eligible', { cookie })).json.errors[0].path).toBe('action');
  });

  it('R9 concurrent requests never oversell: 30 assignments at once against 10 credits — exactly 10 succeed, the stock is 0', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 10);
    const cookie = await kit.demo();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await newCandidate(kit, cookie));
    const answers = await Promise.all(ids.map((id) => kit.call('POST', `/candidates/${id}/assignment`, { cookie, body: { examType: 'blank-remote' } })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 409 && a.json.code === 'out_of_stock')).toHaveLength(20);
    expect((await stockOf(kit, 'blank-remote')).remaining).toBe(0);
    expect(kit.mocks.store.state.lots.every((l) => l.remaining >= 0)).toBe(true);
  });

  it('R9 the same candidate assigned twice at once gets one exam and one assignment_exists', async () => {
    await buy(kit, 'PART-BLANC-EXAMEN', 5);
    const id = await newCandidate(kit);
    const answers = await Promise.all([1, 2].map(() => assign(kit, id, { examType: 'blank-remote' })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect((await stockOf(kit, 'blank-remote')).remaining).toBe(4);
  });
});

describe('La Poste sessions (§6.5)', () => {
  it('lists sessions to come that have a free seat, soonest first, by city or postcode, accents and case ignored', async () => {
    const cookie = await kit.demo();
    const all = (await kit.call('GET', '/exam-sessions', { cookie })).json.data as { id: string; startsAt: string; city: string; postcode: string }[];
    expect(all.length).toBe(12);
    expect([...all].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))).toEqual(all);
    expect((await kit.call('GET', '/exam-sessions?city=Lyon', { cookie })).json.data.every((s: { city: string }) => s.city === 'LYON')).toBe(true);
    expect((await kit.call('GET', '/exam-sessions?city=750', { cookie })).json.data.every((s: { postcode: string }) => s.postcode.startsWith('750'))).toBe(true);
    const firstDay = parisDay(all[0]!.startsAt);
    const sameDay = (await kit.call('GET', `/exam-sessions?from=${firstDay}&to=${firstDay}`, { cookie })).json;
    expect(sameDay.data.every((s: { startsAt: string }) => parisDay(s.startsAt) === firstDay)).toBe(true);
    const page = (await kit.call('GET', '/exam-sessions?limit=5', { cookie })).json;
    expect(page).toMatchObject({ total: 12, nextCursor: expect.any(String) });
    const next = (await kit.call('GET', `/exam-sessions?limit=5&cursor=${page.nextCursor}`, { cookie })).json;
    expect(next.data[0].id).toBe(all[5]!.id);
    kit.clock.advance(400 * DAY);
    expect((await kit.call('GET', '/exam-sessions', { cookie: await kit.demo() })).json.data).toEqual([]);
  });
});
