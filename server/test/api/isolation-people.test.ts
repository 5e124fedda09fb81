import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { candidateBody, makePerson } from './candidates.support.js';
import { login, makeAdmin, makeApiKey, makeKit, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * Tenant isolation of the groups and candidates routes: « Démo » and « Autre »
 * each hold a group with a member; every route that takes an id answers 404
 * for the other space's id (never 403: that would confirm it exists) and
 * changes nothing there; no list ever shows the other space's rows — for a
 * session and for an API key alike.
 */
let kit: TestKit;
interface Side {
  spaceId: string;
  cookie: string;
  key: string;
  groupId: string;
  candidateId: string;
  memberId: string;
}
const demo = {} as Side;
const autre = {} as Side;

beforeAll(async () => {
  kit = await makeKit();
  for (const [name, side] of [
    ['Démo', demo],
    ['Autre', autre],
  ] as const) {
    const made = await spaceWithAdmin(kit, name);
    const candidate = await makePerson(kit.db, made.space.id, { lastName: `Candidat ${name}` });
    const member = await makePerson(kit.db, made.space.id, { lastName: `Membre ${name}` });
    const group = await kit.call('POST', '/groups', { cookie: made.cookie, body: { name: `Groupe ${name}`, category: 'client' } });
    await kit.call('POST', `/groups/${group.json.id}/members`, { cookie: made.cookie, body: { candidateIds: [member.id] } });
    Object.assign(side, {
      spaceId: made.space.id,
      cookie: made.cookie,
      key: (await makeApiKey(kit.db, { spaceId: made.space.id })).secret,
      groupId: group.json.id,
      candidateId: candidate.id,
      memberId: member.id,
    });
  }
});
afterAll(() => closeAll());

const asSession = () => ({ cookie: demo.cookie });
const asKey = () => ({ bearer: demo.key });

/** Every groups and candidates route that takes an id, aimed at « Autre »'s records. */
const foreignCalls: [string, string, () => string, (() => unknown)?][] = [
  ['GET', 'a group', () => `/groups/${autre.groupId}`],
  ['PATCH', 'a group (rename)', () => `/groups/${autre.groupId}`, () => ({ name: 'Piraté' })],
  ['PATCH', 'a group (hide)', () => `/groups/${autre.groupId}`, () => ({ hidden: true })],
  ['DELETE', 'a group', () => `/groups/${autre.groupId}`],
  ['GET', 'a group’s candidates', () => `/groups/${autre.groupId}/candidates`],
  ['GET', 'a group’s associable candidates', () => `/groups/${autre.groupId}/associable`],
  ['POST', 'a group’s members', () => `/groups/${autre.groupId}/members`, () => ({ candidateIds: [demo.candidateId] })],
  ['DELETE', 'a group’s member', () => `/groups/${autre.groupId}/members/${autre.memberId}`],
  ['GET', 'a candidate', () => `/candidates/${autre.candidateId}`],
  ['PATCH', 'a candidate', () => `/candidates/${autre.candidateId}`, () => ({ identity: { firstName: 'Piraté' } })],
  ['DELETE', 'a candidate', () => `/candidates/${autre.candidateId}`],
];

describe.each([
  ['a session', asSession],
  ['an API key', asKey],
])('tenant isolation of groups and candidates, called with %s of « Démo »', (_label, auth) => {
  it.each(foreignCalls)('%s on another space’s %s answers 404 not_found', async (method, _what, path, body) => {
    const res = await kit.call(method, path(), { ...auth(), ...(body ? { body: body() } : {}) });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('not_found');
  });

  it('nothing of the other space changed', async () => {
    const group = await kit.db.group.findUniqueOrThrow({ where: { id: autre.groupId } });
    expect(group).toMatchObject({ name: 'Groupe Autre', hidden: false });
    expect(await kit.db.membership.count({ where: { groupId: autre.groupId } })).toBe(1);
    expect((await kit.db.candidate.findUniqueOrThrow({ where: { id: autre.candidateId } })).firstName).toBe('Louise');
    expect(await kit.db.candidate.count({ where: { spaceId: autre.spaceId, inHiddenGroup: true } })).toBe(0);
  });

  it('associating another space’s candidate with one’s own group answers 404 naming it', async () => {
    const res = await kit.call('POST', `/groups/${demo.groupId}/members`, { ...auth(), body: { candidateIds: [autre.candidateId] } });
    expect(res.status).toBe(404);
    expect(res.json.candidateIds).toEqual([autre.candidateId]);
    expect(await kit.db.membership.count({ where: { candidateId: autre.candidateId } })).toBe(0);
  });

  it('dissociating another space’s candidate from one’s own group answers 404', async () => {
    const res = await kit.call('DELETE', `/groups/${demo.groupId}/members/${autre.memberId}`, auth());
    expect(res.status).toBe(404);
  });

  it.each([
    ['/groups', () => [demo.groupId]],
    ['/candidates', () => [demo.candidateId, demo.memberId]],
    ['/candidates?includeHidden=true', () => [demo.candidateId, demo.memberId]],
    ['/candidates?q=membre', () => [demo.memberId]],
    [`/candidates?status=to_assign`, () => [demo.candidateId, demo.memberId]],
  ])('the list %s never shows the other space’s rows', async (path, expected) => {
    const res = await kit.call('GET', path, auth());
    expect(res.status).toBe(200);
    expect(res.json.data.map((r: { id: string }) => r.id)).toEqual(expected());
    expect(res.json.total).toBe(expected().length);
  });

  it('filtering on another space’s group finds nobody', async () => {
    const res = await kit.call('GET', `/candidates?groupId=${autre.groupId}`, auth());
    expect(res.json.data).toEqual([]);
    expect(res.json.counts).toEqual({ to_assign: 0, scheduled: 0, expired: 0, taken: 0 });
  });

  it('the associable list of one’s own group never shows the other space’s candidates', async () => {
    const res = await kit.call('GET', `/groups/${demo.groupId}/associable`, auth());
    expect(res.json.data.map((r: { id: string }) => r.id)).toEqual([demo.candidateId]);
  });

  it('a group of one’s own space may carry the other space’s group name', async () => {
    const res = await kit.call('POST', '/groups', { ...auth(), body: { name: `Groupe Autre ${_label}`, category: 'other' } });
    expect(res.status).toBe(201);
    expect((await kit.db.group.findUniqueOrThrow({ where: { id: res.json.id } })).spaceId).toBe(demo.spaceId);
    expect((await kit.call('DELETE', `/groups/${res.json.id}`, auth())).status).toBe(204);
  });

  it('a candidate created is created in the caller’s space, whatever the request says', async () => {
    const res = await kit.call('POST', `/candidates?spaceId=${autre.spaceId}`, {
      ...auth(),
      headers: { 'x-space-id': autre.spaceId },
      body: { ...candidateBody(), spaceId: autre.spaceId },
    });
    expect(res.status).toBe(201);
    expect((await kit.db.candidate.findUniqueOrThrow({ where: { id: res.json.id } })).spaceId).toBe(demo.spaceId);
    await kit.call('DELETE', `/candidates/${res.json.id}`, auth());
  });
});

describe('without credentials', () => {
  it.each([
    ['GET', '/groups'],
    ['POST', '/groups'],
    ['GET', '/candidates'],
    ['POST', '/candidates'],
    ['GET', '/candidates/x'],
    ['DELETE', '/groups/x/members/y'],
  ])('%s %s answers 401 unauthenticated', async (method, path) => {
    const res = await kit.call(method, path, method === 'POST' ? { body: {} } : {});
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('unauthenticated');
  });
});

describe('platform staff', () => {
  it.each([
    ['GET', '/groups'],
    ['GET', '/candidates'],
    ['GET', '/candidates/x'],
  ])('%s %s answers 403 forbidden to an operator: groups and candidates belong to a space', async (method, path) => {
    const operator = await makeAdmin(kit.db, { role: 'operator' });
    const cookie = await login(kit, operator.email, operator.password, '192.0.2.44');
    const res = await kit.call(method, path, { cookie });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('forbidden');
  });
});

describe('GET /openapi.json', () => {
  it('describes every groups and candidates route, the create and edit bodies included', async () => {
    const doc = (await kit.call('GET', '/openapi.json')).json;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/groups',
        '/groups/{id}',
        '/groups/{id}/candidates',
        '/groups/{id}/associable',
        '/groups/{id}/members',
        '/groups/{id}/members/{candidateId}',
        '/candidates',
        '/candidates/{id}',
      ]),
    );
    expect(Object.keys(doc.paths['/candidates'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/candidates/{id}'])).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));
    expect(doc.paths['/candidates'].post.requestBody.content['application/json'].schema).toBeDefined();
  });
});
