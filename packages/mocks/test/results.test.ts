import { describe, expect, it } from 'vitest';
import { ActivationCodeList, Attempt, PUBLIC_CODE_LENGTH, PublicVerification, addDays, parisDay } from '@clr/domain';
import { DEMO_KEYS, candidateBody, useMocks, type Kit } from './kit.js';

const kit = useMocks('demo');
const platform = { bearer: DEMO_KEYS.integration };

async function idOf(k: Kit, lastName: string): Promise<string> {
  return (await k.call('GET', `/candidates?q=${encodeURIComponent(lastName)}`, { cookie: await k.demo() })).json.data[0].id;
}

async function fileOf(k: Kit, id: string) {
  return (await k.call('GET', `/candidates/${id}`, { cookie: await k.demo() })).json;
}

/** A new candidate with an exam of `examType` (credits of the demo stock). */
async function assigned(k: Kit, examType: string, scheduledAt?: string) {
  const cookie = await k.demo();
  const id = (await k.call('POST', '/candidates', { cookie, body: candidateBody() })).json.id as string;
  const assignment = (await k.call('POST', `/candidates/${id}/assignment`, { cookie, body: { examType, ...(scheduledAt ? { scheduledAt } : {}) } })).json;
  return { id, assignment };
}

describe('The exam platform (integration key)', () => {
  it('logs a candidate in, records « Dernière connexion », and tells whether the exam waits for an activation code', async () => {
    const perrin = await idOf(kit, 'Perrin');
    const email = (await fileOf(kit, perrin)).email;
    const res = await kit.call('POST', '/integration/candidates/login', { ...platform, body: { email, password: 'Candidat-2026' } });
    expect(res.json.assignment).toMatchObject({ examType: 'blank-onsite', state: 'scheduled', activationRequired: true });
    expect(JSON.stringify(res.json)).not.toMatch(/"activationCode"/);
    expect((await fileOf(kit, perrin)).lastLoginAt).toBe('2026-03-10T09:00:00.000Z');
    expect((await kit.call('POST', '/integration/candidates/login', { ...platform, body: { email, password: 'faux' } })).status).toBe(401);
  });

  it('R15 an activation code starts the exam once: the second use is a conflict', async () => {
    const { assignment } = await assigned(kit, 'blank-onsite', parisDay(kit.clock.now()));
    const typed = `${assignment.activationCode.slice(0, 4).toLowerCase()}-${assignment.activationCode.slice(4)}`;
    const first = await kit.call('POST', '/integration/attempts', { ...platform, body: { activationCode: typed } });
    expect(first.status).toBe(201);
    const second = await kit.call('POST', '/integration/attempts', { ...platform, body: { activationCode: assignment.activationCode } });
    expect(second.status).toBe(409);
    expect(second.json.detail).toBe("Ce code d'activation a déjà été utilisé.");
    expect((await kit.call('POST', '/integration/attempts', { ...platform, body: { activationCode: 'BBBBBBBB' } })).status).toBe(404);
  });

  it('R15 a supervised exam cannot start without its code; a dated exam not before its day', async () => {
    const { assignment } = await assigned(kit, 'blank-onsite', addDays(parisDay(kit.clock.now()), 2));
    const byId = await kit.call('POST', '/integration/attempts', { ...platform, body: { assignmentId: assignment.id } });
    expect(byId.json.detail).toBe("Cet examen se démarre avec le code d'activation que saisit l'examinateur.");
    const early = await kit.call('POST', '/integration/attempts', { ...platform, body: { activationCode: assignment.activationCode } });
    expect(early.status).toBe(409);
    expect(early.json.detail).toBe("Cet examen ne peut être démarré qu'à partir du 12/03/2026.");
  });

  it('R19 an expired exam can no longer start', async () => {
    const { assignment } = await assigned(kit, 'blank-onsite', parisDay(kit.clock.now()));
    kit.clock.days(1);
    const res = await kit.call('POST', '/integration/attempts', { ...platform, body: { activationCode: assignment.activationCode } });
    expect(res.status).toBe(409);
    expect(res.json.detail).toMatch(/^Cet examen a expiré le 10\/03\/2026/);
  });

  it('R16 R17 a score makes the result valid until the taken date + 3 years − 1 day, with a 10-character public code; the candidate is « Passée »', async () => {
    const { id, assignment } = await assigned(kit, 'blank-remote');
    const { attemptId } = (await kit.call('POST', '/integration/attempts', { ...platform, body: { assignmentId: assignment.id } })).json;
    const scored = await kit.call('POST', `/integration/attempts/${attemptId}/score`, { ...platform, body: { score: 617, takenAt: '2026-03-10T08:30:00Z' } });
    expect(Attempt.parse(scored.json)).toMatchObject({ score: 617, validUntil: '2029-03-09', validation: 'validated' });
    expect(scored.json.publicCode).toHaveLength(PUBLIC_CODE_LENGTH);
    expect((await fileOf(kit, id))).toMatchObject({ status: 'taken', score: 617, date: '2026-03-10T08:30:00.000Z', documents: { report: true } });
    const again = await kit.call('POST', `/integration/attempts/${attemptId}/score`, { ...platform, body: { score: 700, takenAt: '2026-03-10T08:30:00Z' } });
    expect(again.status).toBe(409);
  });

  it('R17 the public page shows a validated result’s type, score, dates and name — nothing else — and nothing of one awaiting validation', async () => {
    const { assignment } = await assigned(kit, 'blank-manual');
    const { attemptId } = (await kit.call('POST', '/integration/attempts', { ...platform, body: { assignmentId: assignment.id } })).json;
    const scored = (await kit.call('POST', `/integration/attempts/${attemptId}/score`, { ...platform, body: { score: 480, takenAt: '2026-03-10T08:00:00Z' } })).json;
    expect(scored.validation).toBe('pending');
    expect((await kit.call('GET', `/public/verify/${scored.publicCode}`)).status).toBe(404);
    const decided = await kit.call('POST', `/integration/attempts/${attemptId}/validation`, { ...platform, body: { decision: 'validated' } });
    expect(decided.json.validation).toBe('validated');
    const page = await kit.call('GET', `/public/verify/${scored.publicCode}`);
    expect(PublicVerification.parse(page.json)).toEqual({
      examTypeLabel: 'Examen blanc - validation manuelle',
      score: 480,
      takenAt: '2026-03-10',
      validUntil: '2029-03-09',
      firstName: 'Élodie',
      lastName: 'Lefèvre',
    });
    const twice = await kit.call('POST', `/integration/attempts/${attemptId}/validation`, { ...platform, body: { decision: 'invalidated' } });
    expect(twice.status).toBe(409);
  });
});

describe('Activation codes (§6.7)', () => {
  it('R15 lists the live codes of the exams the partner supervises, by name; a La Poste or started exam has none', async () => {
    const cookie = await kit.demo();
    const list = ActivationCodeList.parse((await kit.call('GET', '/activation-codes', { cookie })).json);
    expect(list.data.map((r) => [r.lastName, r.status])).toEqual([['Perrin', 'scheduled']]);
    expect(list.data[0]!.code).toMatch(/^[BCDFGHJKMPQRTVWXY2346789]{8}$/);
    const legall = await idOf(kit, 'Le Gall');
    const refused = await kit.call('GET', `/activation-codes?candidateIds=${legall}`, { cookie });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ code: 'not_eligible', candidateIds: [legall] });
  });

  it('R20 exports the codes of the chosen candidates as CSV', async () => {
    const perrin = await idOf(kit, 'Perrin');
    const res = await kit.call('GET', `/activation-codes/export.csv?candidateIds=${perrin}`, { cookie: await kit.demo() });
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Nom;Prénom;Courriel;Statut;Date de passage;Code');
    expect(lines[1]).toMatch(/^Perrin;Zoé;zoe\.perrin@exemple\.fr;Prévue;20\/03\/2026;[A-Z0-9]{8}$/);
  });
});

describe('Documents (§6.10–6.12)', () => {
  it.each([
    ['report', 9],
    ['registration', 7],
    ['attendance', 7],
  ])('R18 lists the candidates whose %s exists', async (kind, count) => {
    const res = await kit.call('GET', `/documents/${kind}/eligible`, { cookie: await kit.demo() });
    expect(res.json.total).toBe(count);
  });

  it('R18 merges the chosen candidates’ documents into one PDF', async () => {
    const ids = [await idOf(kit, 'Lefèvre'), await idOf(kit, 'Haddad')];
    const res = await kit.call('GET', `/documents/attendance?candidateIds=${ids.join(',')}`, { cookie: await kit.demo() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode(res.bytes.slice(0, 5))).toBe('%PDF-');
  });

  it('R18 not_eligible: a candidate without the document refuses the whole file, named by id', async () => {
    const fontaine = await idOf(kit, 'Fontaine');
    const lefevre = await idOf(kit, 'Lefèvre');
    const res = await kit.call('GET', `/documents/report?candidateIds=${lefevre},${fontaine}`, { cookie: await kit.demo() });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'not_eligible', candidateIds: [fontaine] });
  });

  it('refuses an unknown kind of document', async () => {
    expect((await kit.call('GET', '/documents/diplome/eligible', { cookie: await kit.demo() })).status).toBe(400);
  });
});
