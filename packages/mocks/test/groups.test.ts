import { describe, expect, it } from 'vitest';
import { CandidateList, GroupList, GroupWithCount } from '@clr/domain';
import { candidateBody, useMocks } from './kit.js';

const kit = useMocks('demo');

async function createGroup(name: string, category = 'class') {
  const res = await kit.call('POST', '/groups', { cookie: await kit.demo(), body: { name, category } });
  expect(res.status).toBe(201);
  return GroupWithCount.parse(res.json);
}

async function candidates(query = '') {
  return CandidateList.parse((await kit.call('GET', `/candidates${query}`, { cookie: await kit.demo() })).json);
}

async function ids(lastNames: string[]): Promise<string[]> {
  const all = (await candidates('?limit=50')).data;
  return lastNames.map((n) => all.find((r) => r.lastName === n)!.id);
}

describe('Groups (§5)', () => {
  it('creates a group with its name and category; the name is unique in the space whatever its case', async () => {
    const group = await createGroup('BTS 2026');
    expect(group).toMatchObject({ name: 'BTS 2026', category: 'class', hidden: false, memberCount: 0, createdAt: '2026-03-10T09:00:00.000Z' });
    const again = await kit.call('POST', '/groups', { cookie: await kit.demo(), body: { name: 'bts 2026', category: 'other' } });
    expect(again.status).toBe(409);
    expect(again.json.errors).toEqual([{ path: 'name', message: 'Ce nom de groupe est déjà utilisé.' }]);
    expect((await kit.call('POST', '/groups', { cookie: await kit.autre(), body: { name: 'BTS 2026', category: 'class' } })).status).toBe(201);
  });

  it('lists the table with search (accents ignored), category and sort; hidden groups last (R12)', async () => {
    await createGroup('Élèves de première', 'class');
    await createGroup('Anciens', 'other');
    const cookie = await kit.demo();
    const anciens = (await kit.call('GET', '/groups?q=anciens', { cookie })).json.data[0];
    await kit.call('PATCH', `/groups/${anciens.id}`, { cookie, body: { hidden: true } });
    const table = GroupList.parse((await kit.call('GET', '/groups?sort=name', { cookie })).json);
    expect(table.data.map((g) => g.name)).toEqual(['Élèves de première', 'Session de septembre', 'Anciens']);
    expect((await kit.call('GET', '/groups?q=eleves', { cookie })).json.total).toBe(1);
    expect((await kit.call('GET', '/groups?category=exam_session', { cookie })).json.data.map((g: { name: string }) => g.name)).toEqual(['Session de septembre']);
  });

  it('R12 hiding a group takes its candidates out of the table, its counts and the dashboard, unless hidden ones are asked for; showing it brings them back', async () => {
    const cookie = await kit.demo();
    const group = await createGroup('À masquer');
    await kit.call('POST', `/groups/${group.id}/members`, { cookie, body: { candidateIds: await ids(['Lefèvre', 'Perrin']) } });
    await kit.call('PATCH', `/groups/${group.id}`, { cookie, body: { hidden: true } });
    expect((await candidates()).counts).toEqual({ to_assign: 0, scheduled: 7, expired: 0, taken: 10 });
    expect((await candidates('?includeHidden=true')).total).toBe(19);
    expect((await kit.call('GET', '/dashboard', { cookie })).json.candidates.total).toBe(17);
    const perrin = (await candidates('?q=perrin&includeHidden=true')).data[0]!;
    expect((await kit.call('GET', `/candidates/${perrin.id}`, { cookie })).json.hidden).toBe(true);
    await kit.call('PATCH', `/groups/${group.id}`, { cookie, body: { hidden: false } });
    expect((await candidates()).total).toBe(19);
  });

  it('R13 deleting a group removes its memberships, its candidates stay', async () => {
    const cookie = await kit.demo();
    const group = (await kit.call('GET', '/groups', { cookie })).json.data[0];
    expect(group.memberCount).toBe(6);
    expect((await kit.call('DELETE', `/groups/${group.id}`, { cookie })).status).toBe(204);
    expect((await kit.call('GET', `/groups/${group.id}`, { cookie })).status).toBe(404);
    const table = await candidates('?limit=50');
    expect(table.total).toBe(19);
    expect(table.data.every((r) => r.groups.length === 0)).toBe(true);
  });

  it('R14 a candidate may belong to several groups; « associate » lists only those not already in the group', async () => {
    const cookie = await kit.demo();
    const session = (await kit.call('GET', '/groups', { cookie })).json.data[0];
    const other = await createGroup('Groupe du soir');
    const [legall] = await ids(['Le Gall']);
    const associable = CandidateList.parse((await kit.call('GET', `/groups/${session.id}/associable?limit=50`, { cookie })).json);
    expect(associable.total).toBe(13);
    expect(associable.data.map((r) => r.id)).not.toContain(legall);
    const added = await kit.call('POST', `/groups/${other.id}/members`, { cookie, body: { candidateIds: [legall] } });
    expect(added.json).toMatchObject({ added: [legall], alreadyMembers: [], group: { memberCount: 1 } });
    const again = await kit.call('POST', `/groups/${other.id}/members`, { cookie, body: { candidateIds: [legall] } });
    expect(again.json).toMatchObject({ added: [], alreadyMembers: [legall] });
    const row = (await candidates('?q=gall')).data[0]!;
    expect(row.groups.map((g) => g.name)).toEqual(['Groupe du soir', 'Session de septembre']);
  });

  it('R14 associating an unknown candidate refuses the whole request, naming it', async () => {
    const cookie = await kit.demo();
    const group = await createGroup('Tout ou rien');
    const [known] = await ids(['Roux']);
    const res = await kit.call('POST', `/groups/${group.id}/members`, { cookie, body: { candidateIds: [known, 'cand_inconnu'] } });
    expect(res.status).toBe(404);
    expect(res.json.candidateIds).toEqual(['cand_inconnu']);
    expect((await kit.call('GET', `/groups/${group.id}`, { cookie })).json.memberCount).toBe(0);
  });

  it('« Dissocier » removes the membership, the candidate stays; a non-member is not found', async () => {
    const cookie = await kit.demo();
    const session = (await kit.call('GET', '/groups', { cookie })).json.data[0];
    const [legall, roux] = await ids(['Le Gall', 'Roux']);
    expect((await kit.call('DELETE', `/groups/${session.id}/members/${legall}`, { cookie })).status).toBe(204);
    expect((await kit.call('DELETE', `/groups/${session.id}/members/${roux}`, { cookie })).status).toBe(404);
    expect((await kit.call('GET', `/candidates/${legall}`, { cookie })).json.groups).toEqual([]);
  });

  it('shows a group’s candidates as the table does, hidden members included, and renames the group', async () => {
    const cookie = await kit.demo();
    const session = (await kit.call('GET', '/groups', { cookie })).json.data[0];
    await kit.call('PATCH', `/groups/${session.id}`, { cookie, body: { hidden: true, name: 'Session de septembre 2025' } });
    const members = CandidateList.parse((await kit.call('GET', `/groups/${session.id}/candidates?status=taken`, { cookie })).json);
    expect(members.data.map((r) => r.lastName)).toEqual(['Fontaine', 'Le Gall']);
    expect(members.counts).toEqual({ to_assign: 0, scheduled: 4, expired: 0, taken: 2 });
    expect(members.data[0]!.groups).toEqual([{ id: session.id, name: 'Session de septembre 2025' }]);
  });

  it('R20 exports the groups table (Nom, Catégorie, Date de création, Statut) and a group’s candidates', async () => {
    const cookie = await kit.demo();
    const created = await kit.call('POST', '/candidates', { cookie, body: candidateBody({ lastName: '@Dupont' }) });
    const session = (await kit.call('GET', '/groups', { cookie })).json.data[0];
    await kit.call('POST', `/groups/${session.id}/members`, { cookie, body: { candidateIds: [created.json.id] } });
    const groups = (await kit.call('GET', '/groups/export.csv', { cookie })).text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(groups).toEqual(['Nom;Catégorie;Date de création;Statut', "Session de septembre;Session d'examen;25/12/2025;Actif"]);
    const res = await kit.call('GET', `/groups/${session.id}/candidates/export.csv?status=to_assign`, { cookie });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="candidats-du-groupe-session-de-septembre-2026-03-10.csv"');
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe("Nom;E-mail;Groupe;Statut du passage de l'examen;Validation;Type d'examen;Score obtenu;Date de passage");
    expect(lines.slice(1)).toEqual([`'@Dupont Élodie;${created.json.email};Session de septembre;À attribuer;;;;`]);
  });
});
