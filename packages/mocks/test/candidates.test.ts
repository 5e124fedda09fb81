import { describe, expect, it } from 'vitest';
import { CandidateDetail, CandidateList, sortCandidateRows, type CandidateRow, type CandidateSort } from '@clr/domain';
import { candidateBody, useMocks } from './kit.js';

const kit = useMocks('demo');

async function list(query = ''): Promise<CandidateList> {
  const res = await kit.call('GET', `/candidates${query}`, { cookie: await kit.demo() });
  expect(res.status).toBe(200);
  return CandidateList.parse(res.json);
}

async function idOf(lastName: string): Promise<string> {
  return (await list(`?q=${encodeURIComponent(lastName)}`)).data[0]!.id;
}

describe('« Créer un candidat » (§6.3)', () => {
  it('creates a candidate from the three required pages: to assign, no group, no exam', async () => {
    const res = await kit.call('POST', '/candidates', { cookie: await kit.demo(), body: candidateBody({ email: 'Elodie.NOUVELLE@Exemple.fr' }) });
    expect(res.status).toBe(201);
    const file = CandidateDetail.parse(res.json);
    expect(res.headers.get('location')).toBe(`/api/v1/candidates/${file.id}`);
    expect(file).toMatchObject({ status: 'to_assign', email: 'elodie.nouvelle@exemple.fr', groups: [], assignment: null, attempts: [], hidden: false });
    expect(file.contact).toEqual({ phone: null, address: null, postcode: null, town: null, country: null });
    expect((await list()).total).toBe(20);
  });

  it('names each missing or wrong field in French', async () => {
    const body = candidateBody();
    const res = await kit.call('POST', '/candidates', {
      cookie: await kit.demo(),
      body: { ...body, identity: { ...body.identity, lastName: '', birthDate: '2999-01-01' }, password: { ...body.password, confirmation: 'autre' } },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([
      { path: 'identity.lastName', message: 'Le nom est obligatoire.' },
      { path: 'identity.birthDate', message: 'La date de naissance doit être dans le passé.' },
      { path: 'password.confirmation', message: 'Les mots de passe ne correspondent pas.' },
    ]);
  });

  it('the e-mail is the platform login, unique platform-wide whatever its case: a conflict naming identity.email', async () => {
    const res = await kit.call('POST', '/candidates', { cookie: await kit.autre(), body: candidateBody({ email: 'ELODIE.lefevre@exemple.fr' }) });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'conflict', field: 'identity.email', errors: [{ path: 'identity.email', message: 'Ce courriel est déjà utilisé par un autre candidat.' }] });
  });

  it('e-mails the credentials when asked, with an acknowledgment link (envelope « awaiting »)', async () => {
    const body = candidateBody();
    const res = await kit.call('POST', '/candidates', {
      cookie: await kit.demo(),
      body: { ...body, password: { ...body.password, sendToCandidate: true, requestAcknowledgment: true, sendToAdmin: true } },
    });
    expect(res.json.credentials).toEqual({ sentToCandidate: true, acknowledgmentRequested: true, acknowledgedAt: null, sentToAdmin: true });
    expect(kit.mocks.store.mails.map((m) => m.to)).toEqual([body.identity.email, 'admin@demo.test']);
  });
});

describe('« Modifier le dossier » (§6.4) and « Supprimer un candidat » (§6.8)', () => {
  it('edits any page of a candidate who has not taken an exam', async () => {
    const id = await idOf('Perrin');
    const res = await kit.call('PATCH', `/candidates/${id}`, { cookie: await kit.demo(), body: { contact: { town: 'Dijon', phone: '06 01 02 03 04' }, misc: { educationLevel: 'bac2' } } });
    expect(res.status).toBe(200);
    expect(res.json.contact).toMatchObject({ town: 'Dijon', phone: '06 01 02 03 04' });
    expect(res.json.misc.educationLevel).toBe('bac2');
  });

  it('R11 candidate_locked: once the candidate has taken an exam, the file can no longer be edited', async () => {
    const res = await kit.call('PATCH', `/candidates/${await idOf('Lefèvre')}`, { cookie: await kit.demo(), body: { contact: { town: 'Lyon' } } });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'candidate_locked', detail: 'Ce candidat a déjà passé un examen : son dossier ne peut plus être modifié.' });
  });

  it.each([
    ['who has taken an exam', 'Lefèvre'],
    ['who has an exam scheduled', 'Perrin'],
  ])('R10 candidate_not_deletable: refuses to delete a candidate %s', async (_, name) => {
    const res = await kit.call('DELETE', `/candidates/${await idOf(name)}`, { cookie: await kit.demo() });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('candidate_not_deletable');
  });

  it('R10 deletes a candidate who never took an exam and has none assigned (an expired one does not count)', async () => {
    const id = await idOf('Perrin');
    kit.clock.days(11);
    expect((await kit.call('GET', `/candidates/${id}`, { cookie: await kit.demo() })).json.status).toBe('expired');
    expect((await kit.call('DELETE', `/candidates/${id}`, { cookie: await kit.demo() })).status).toBe(204);
    expect((await kit.call('GET', `/candidates/${id}`, { cookie: await kit.demo() })).status).toBe(404);
  });
});

describe('« Consulter le tableau des candidats » (§6.1)', () => {
  it('searches names and e-mails, accents and case ignored, every word', async () => {
    expect((await list('?q=LEFEVRE')).data.map((r) => r.firstName)).toEqual(['Élodie']);
    expect((await list('?q=jean%20moreau')).data.map((r) => r.lastName)).toEqual(['Dupont-Moreau']);
    expect((await list('?q=exemple.fr')).total).toBe(19);
  });

  it('R19 filters by status from the clock: « Prévue » until the deadline, « Expirée » after', async () => {
    expect((await list('?status=scheduled')).total).toBe(8);
    kit.clock.days(11);
    const after = await list('?status=expired');
    expect(after.data.map((r) => r.lastName)).toEqual(['Perrin']);
    expect(after.counts).toEqual({ to_assign: 0, scheduled: 7, expired: 1, taken: 11 });
  });

  it('filters by validation, group and period of the « Date de passage »', async () => {
    expect((await list('?validation=pending')).data.map((r) => r.lastName)).toEqual(['Fontaine']);
    const groupId = (await kit.call('GET', '/groups', { cookie: await kit.demo() })).json.data[0].id;
    expect((await list(`?groupId=${groupId}`)).total).toBe(6);
    const perrin = (await list('?q=perrin')).data[0]!;
    expect((await list(`?from=${perrin.date}&to=${perrin.date}`)).data.map((r) => r.id)).toEqual([perrin.id]);
  });

  it.each(['name', '-name', 'email', 'lastLoginAt', '-lastLoginAt', 'status', '-status', 'validation', 'score', '-score', 'date', '-date'] as CandidateSort[])(
    'sorts on %s as the domain orders rows, and pages through every row once with an opaque cursor',
    async (sort) => {
      const rows: CandidateRow[] = [];
      let cursor: string | null = null;
      do {
        const page: CandidateList = await list(`?sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.total).toBe(19);
        rows.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      expect(rows.map((r) => r.id)).toEqual(sortCandidateRows(rows, sort).map((r) => r.id));
      expect(new Set(rows.map((r) => r.id)).size).toBe(19);
    },
  );

  it('a cursor keeps its place when a row before it is deleted (keyset, not offset), and belongs to its sort', async () => {
    const cookie = await kit.demo();
    const a1 = (await kit.call('POST', '/candidates', { cookie, body: candidateBody({ lastName: 'Aaron' }) })).json.id;
    await kit.call('POST', '/candidates', { cookie, body: candidateBody({ lastName: 'Abadie' }) });
    const first = await list('?limit=5');
    expect(first.data[0]!.id).toBe(a1);
    expect((await kit.call('DELETE', `/candidates/${a1}`, { cookie })).status).toBe(204);
    const second = await list(`?limit=5&cursor=${first.nextCursor}`);
    const all = (await list('?limit=50')).data.map((r) => r.id);
    expect(second.data[0]!.id).toBe(all[all.indexOf(first.data[4]!.id) + 1]);
    const wrongSort = await kit.call('GET', `/candidates?sort=email&cursor=${first.nextCursor}`, { cookie });
    expect(wrongSort.status).toBe(400);
  });

  it('refuses a query it cannot read, naming the parameter', async () => {
    const res = await kit.call('GET', '/candidates?status=perdu&limit=500', { cookie: await kit.demo() });
    expect(res.status).toBe(400);
    expect(res.json.detail).toBe('Certains paramètres de la requête sont invalides.');
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(['status', 'limit']);
  });

  it('R20 exports what the table shows (same filters, search and sort) as CSV with French headers and neutralised cells', async () => {
    const cookie = await kit.demo();
    await kit.call('POST', '/candidates', { cookie, body: candidateBody({ lastName: '=HYPERLINK("x")', firstName: 'Zed' }) });
    const res = await kit.call('GET', '/candidates/export.csv?status=to_assign&sort=name', { cookie });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="candidats-2026-03-10.csv"');
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe("Nom et prénom;Courriel (identifiant);Groupe;Statut du passage de l'examen;Validation;Type d'examen attribué;Score obtenu;Date de passage");
    expect(lines).toHaveLength(2);
    expect(lines[1]!.startsWith(`"'=HYPERLINK(""x"") Zed"`)).toBe(true);
  });

  it('lists a candidate’s attempts, latest first', async () => {
    const res = await kit.call('GET', `/candidates/${await idOf('Lefèvre')}/attempts`, { cookie: await kit.demo() });
    expect(res.json).toMatchObject({ total: 1, nextCursor: null, data: [{ examType: 'official-laposte', score: 942, validation: 'validated' }] });
  });
});
