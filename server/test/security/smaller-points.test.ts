import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { login, makeAdmin, makeKit, makeProduct, spaceWithAdmin, type TestKit } from '../api/helpers.js';

/**
 * Finding 9 (server side): `PATCH /me` changed the login e-mail without the
 * current password, and its 409 revealed an administrator of another space;
 * an idempotent replay answered 201 where /openapi.json said 200. (The 431
 * answers are in body-limits.test.ts, `safeReturn` in playground/src/router.test.ts.)
 */
let kit: TestKit;
let mine: Awaited<ReturnType<typeof spaceWithAdmin>>;
let elsewhere: Awaited<ReturnType<typeof spaceWithAdmin>>;

beforeAll(async () => {
  kit = await makeKit();
  mine = await spaceWithAdmin(kit, 'Démo');
  elsewhere = await spaceWithAdmin(kit, 'Autre espace secret');
});
afterAll(() => closeAll());

describe('PATCH /me with a stolen session', () => {
  it('changing the login e-mail without the current password is refused (400 naming currentPassword), nothing changes', async () => {
    const res = await kit.call('PATCH', '/me', { cookie: mine.cookie, body: { email: 'pirate@exemple.test' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json.errors).toEqual([{ path: 'currentPassword', message: 'Saisissez votre mot de passe actuel pour changer votre adresse électronique.' }]);
    expect((await kit.db.admin.findUniqueOrThrow({ where: { id: mine.admin.id } })).email).toBe(mine.admin.email);
  });

  it('a wrong current password is refused the same way (400 naming currentPassword)', async () => {
    const res = await kit.call('PATCH', '/me', { cookie: mine.cookie, body: { email: 'pirate@exemple.test', currentPassword: 'pas-le-bon-1' } });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }]);
    expect((await kit.db.admin.findUniqueOrThrow({ where: { id: mine.admin.id } })).email).toBe(mine.admin.email);
  });

  it("a stolen session cannot learn that another space's administrator exists: without the password, a taken address gets the same 400 as a free one", async () => {
    const taken = await kit.call('PATCH', '/me', { cookie: mine.cookie, body: { email: elsewhere.admin.email } });
    const free = await kit.call('PATCH', '/me', { cookie: mine.cookie, body: { email: 'libre@exemple.test' } });
    expect(taken.status).toBe(400);
    expect({ ...taken.json, requestId: undefined }).toEqual({ ...free.json, requestId: undefined });
  });

  it("with the password, the 409 names the field only: the same words for another space's administrator as for a colleague", async () => {
    const colleague = await makeAdmin(kit.db, { spaceId: mine.space.id });
    const currentPassword = mine.admin.password;
    const otherSpace = await kit.call('PATCH', '/me', { cookie: mine.cookie, body: { email: elsewhere.admin.email, currentPassword } });
    const sameSpace = await kit.call('PATCH', '/me', { cookie: mine.cookie, body: { email: colleague.email, currentPassword } });
    expect(otherSpace.status).toBe(409);
    expect(otherSpace.json.errors).toEqual([{ path: 'email', message: 'Cette valeur est déjà utilisée.' }]);
    expect({ ...otherSpace.json, requestId: undefined }).toEqual({ ...sameSpace.json, requestId: undefined });
    expect(otherSpace.text).not.toContain('Autre espace secret');
    expect(otherSpace.text).not.toContain(elsewhere.space.id);
    expect(otherSpace.text).not.toContain(elsewhere.admin.id);
  });

  it('the owner changes the e-mail with the current password; names alone (the e-mail unchanged) need none', async () => {
    const made = await spaceWithAdmin(kit, 'Démo');
    const names = await kit.call('PATCH', '/me', { cookie: made.cookie, body: { firstName: 'Léa', email: made.admin.email.toUpperCase() } });
    expect(names.status).toBe(200);
    const moved = await kit.call('PATCH', '/me', { cookie: made.cookie, body: { email: 'nouvelle.adresse@exemple.test', currentPassword: made.admin.password } });
    expect(moved.status).toBe(200);
    expect(moved.json.admin.email).toBe('nouvelle.adresse@exemple.test');
    await login(kit, 'nouvelle.adresse@exemple.test', made.admin.password, '203.0.113.99');
  });

  it('/openapi.json says PATCH /me takes currentPassword', async () => {
    const doc = (await kit.call('GET', '/openapi.json')).json;
    const schema = doc.paths['/me'].patch.requestBody.content['application/json'].schema;
    const resolved = schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema;
    expect(Object.keys(resolved.properties)).toContain('currentPassword');
  });
});

describe('an idempotent replay and /openapi.json', () => {
  it('a replayed POST /orders answers a status /openapi.json documents, the same as the first answer', async () => {
    const product = await makeProduct(kit.db, mine.space.id);
    const body = { lines: [{ productId: product.id, quantity: 1 }] };
    const headers = { 'idempotency-key': 'rejeu-openapi-1' };
    const first = await kit.call('POST', '/orders', { cookie: mine.cookie, body, headers });
    const replay = await kit.call('POST', '/orders', { cookie: mine.cookie, body, headers });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const documented = Object.keys((await kit.call('GET', '/openapi.json')).json.paths['/orders'].post.responses).filter((s) => s.startsWith('2'));
    expect(documented).toEqual([String(first.status)]);
    expect(documented).toContain(String(replay.status));
  });
});
