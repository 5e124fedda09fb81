import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintEmbedToken } from '../../src/http/embed.js';
import { DEFAULT_CONFIG, type AppDeps } from '../../src/http/env.js';
import { closeAll } from '../support/db.js';
import { makeApiKey, makeKit, spaceWithAdmin, type TestKit } from './helpers.js';

const INTRANET = 'https://intranet.exemple.fr';
let kit: TestKit;

beforeAll(async () => {
  kit = await makeKit();
});
afterAll(() => closeAll());

describe('/api-keys (an administrator manages the space’s keys)', () => {
  it('creates a key whose secret is shown once, works as Bearer, is listed without its secret, and dies when revoked', async () => {
    const { cookie } = await spaceWithAdmin(kit);
    const created = await kit.call('POST', '/api-keys', { cookie, body: { name: 'Intranet RH' } });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^clr_key_[A-Za-z0-9_-]{43}$/);
    expect(created.json.prefix).toBe(created.json.secret.slice(0, 12));
    expect((await kit.call('GET', '/stock', { bearer: created.json.secret })).status).toBe(200);
    const list = await kit.call('GET', '/api-keys', { cookie });
    expect(list.json.data).toEqual([{ id: created.json.id, name: 'Intranet RH', prefix: created.json.prefix, createdAt: created.json.createdAt, lastUsedAt: expect.any(String) }]);
    expect(list.text).not.toContain(created.json.secret);
    expect((await kit.call('DELETE', `/api-keys/${created.json.id}`, { cookie })).status).toBe(204);
    expect((await kit.call('GET', '/stock', { bearer: created.json.secret })).status).toBe(401);
    expect((await kit.call('GET', '/api-keys', { cookie })).json.total).toBe(0);
  });

  it('answers 404 for another space’s key and leaves it working', async () => {
    const mine = await spaceWithAdmin(kit);
    const other = await spaceWithAdmin(kit, 'Autre');
    const theirs = await makeApiKey(kit.db, { spaceId: other.space.id });
    const res = await kit.call('DELETE', `/api-keys/${theirs.id}`, { cookie: mine.cookie });
    expect(res.status).toBe(404);
    expect((await kit.call('GET', '/stock', { bearer: theirs.secret })).status).toBe(200);
    expect((await kit.call('GET', '/api-keys', { cookie: mine.cookie })).json.data).toEqual([]);
  });

  it('a key cannot manage keys (403), and a key needs a name (400)', async () => {
    const { cookie, space } = await spaceWithAdmin(kit);
    const key = await makeApiKey(kit.db, { spaceId: space.id });
    expect((await kit.call('POST', '/api-keys', { bearer: key.secret, body: { name: 'x' } })).status).toBe(403);
    const res = await kit.call('POST', '/api-keys', { cookie, body: { name: '  ' } });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(['name']);
  });
});

describe('/embed-tokens (elements embedded on a partner’s intranet)', () => {
  async function embedding() {
    const made = await spaceWithAdmin(kit);
    await kit.db.space.update({ where: { id: made.space.id }, data: { embedOrigins: `${INTRANET}\nhttp://localhost:5173` } });
    const key = await makeApiKey(kit.db, { spaceId: made.space.id });
    const minted = await kit.call('POST', '/embed-tokens', { bearer: key.secret, body: { origin: `${INTRANET.toUpperCase()}/`, ttlSeconds: 600 } });
    return { ...made, key, minted };
  }

  it('mints a short-lived token that acts for the space from its origin only', async () => {
    const { minted } = await embedding();
    expect(minted.status).toBe(201);
    expect(minted.json.token).toMatch(/^clr_emb_/);
    expect(minted.json.expiresAt).toBe('2026-03-10T09:10:00.000Z');
    const token = minted.json.token as string;
    expect((await kit.call('GET', '/stock', { bearer: token, headers: { origin: INTRANET } })).status).toBe(200);
    const elsewhere = await kit.call('GET', '/stock', { bearer: token, headers: { origin: 'https://autre.exemple.fr' } });
    expect(elsewhere.status).toBe(403);
    expect((await kit.call('GET', '/stock', { bearer: token })).status).toBe(403);
  });

  it('expires after its lifetime', async () => {
    const { minted } = await embedding();
    kit.clock.minutes(10);
    const res = await kit.call('GET', '/stock', { bearer: minted.json.token, headers: { origin: INTRANET } });
    expect(res.status).toBe(401);
    expect(res.json.detail).toBe("Jeton d'intégration invalide ou expiré.");
    kit.clock.set('2026-03-10T09:00:00.000Z');
  });

  it('dies with its key, and with its origin when the space removes it', async () => {
    const a = await embedding();
    await kit.db.apiKey.update({ where: { id: a.key.id }, data: { revokedAt: new Date() } });
    expect((await kit.call('GET', '/stock', { bearer: a.minted.json.token, headers: { origin: INTRANET } })).status).toBe(401);
    const b = await embedding();
    await kit.db.space.update({ where: { id: b.space.id }, data: { embedOrigins: 'http://localhost:5173' } });
    expect((await kit.call('GET', '/stock', { bearer: b.minted.json.token, headers: { origin: INTRANET } })).status).toBe(403);
  });

  it('refuses a tampered token (401)', async () => {
    const { minted } = await embedding();
    const token = minted.json.token as string;
    const [payload, signature] = token.slice('clr_emb_'.length).split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `clr_emb_${Buffer.from(JSON.stringify({ ...claims, e: claims.e + 86_400 })).toString('base64url')}.${signature}`;
    expect((await kit.call('GET', '/stock', { bearer: forged, headers: { origin: INTRANET } })).status).toBe(401);
  });

  it('refuses an origin the space does not allow (403) and a malformed one (400)', async () => {
    const { key } = await embedding();
    const denied = await kit.call('POST', '/embed-tokens', { bearer: key.secret, body: { origin: 'https://pirate.exemple.net' } });
    expect(denied.status).toBe(403);
    expect(denied.json.detail).toBe("L'origine https://pirate.exemple.net n'est pas autorisée à intégrer les composants de votre espace.");
    const bad = await kit.call('POST', '/embed-tokens', { bearer: key.secret, body: { origin: 'intranet' } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([{ path: 'origin', message: "L'origine n'est pas valide (exemple : https://intranet.exemple.fr)." }]);
  });

  it('only a key mints tokens: not a session (403), not an embed token (403)', async () => {
    const { cookie, minted } = await embedding();
    expect((await kit.call('POST', '/embed-tokens', { cookie, body: { origin: INTRANET } })).status).toBe(403);
    const again = await kit.call('POST', '/embed-tokens', { bearer: minted.json.token, headers: { origin: INTRANET }, body: { origin: INTRANET } });
    expect(again.status).toBe(403);
  });

  it('a token is read-only unless its key asks for write: it reads, and cannot write, mint or change the origins', async () => {
    const { minted, space } = await embedding();
    expect(minted.json.scopes).toEqual(['read']);
    const fromIntranet = { bearer: minted.json.token as string, headers: { origin: INTRANET } };
    expect((await kit.call('GET', '/groups', fromIntranet)).status).toBe(200);
    const write = await kit.call('POST', '/groups', { ...fromIntranet, body: { name: 'Portail RH 2026', category: 'exam_session' } });
    expect(write.status).toBe(403);
    expect(write.json.detail).toBe("Ce jeton d'intégration est en lecture seule : il ne peut rien modifier.");
    expect(await kit.db.group.count({ where: { spaceId: space.id } })).toBe(0);
    expect((await kit.call('POST', '/embed-tokens', { ...fromIntranet, body: { origin: INTRANET } })).status).toBe(403);
    expect((await kit.call('PUT', '/embed-origins', { ...fromIntranet, body: { origins: [] } })).status).toBe(403);
    expect((await kit.db.space.findUniqueOrThrow({ where: { id: space.id } })).embedOrigins).toBe(`${INTRANET}\nhttp://localhost:5173`);
  });

  it('a token minted with write changes the space, never another space (404), and still cannot mint', async () => {
    const { key, space } = await embedding();
    const other = await spaceWithAdmin(kit, 'Autre');
    const theirs = (await kit.call('POST', '/groups', { cookie: other.cookie, body: { name: 'Leur groupe', category: 'exam_session' } })).json as { id: string };
    const minted = await kit.call('POST', '/embed-tokens', { bearer: key.secret, body: { origin: INTRANET, scopes: ['write'] } });
    expect(minted.json.scopes).toEqual(['read', 'write']);
    const fromIntranet = { bearer: minted.json.token as string, headers: { origin: INTRANET } };
    const created = await kit.call('POST', '/groups', { ...fromIntranet, body: { name: 'Portail RH 2026', category: 'exam_session' } });
    expect(created.json).toMatchObject({ name: 'Portail RH 2026' });
    expect(await kit.db.group.count({ where: { spaceId: space.id } })).toBe(1);
    expect((await kit.call('DELETE', `/groups/${theirs.id}`, fromIntranet)).status).toBe(404);
    expect(await kit.db.group.count({ where: { id: theirs.id } })).toBe(1);
    const again = await kit.call('POST', '/embed-tokens', { ...fromIntranet, body: { origin: INTRANET } });
    expect(again.json.detail).toBe("Un jeton d'intégration ne peut pas en créer d'autres : utilisez votre clé d'API.");
  });

  it('refuses unknown scopes (400, field named)', async () => {
    const { key } = await embedding();
    const res = await kit.call('POST', '/embed-tokens', { bearer: key.secret, body: { origin: INTRANET, scopes: ['admin'] } });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(['scopes.0']);
    expect((await kit.call('POST', '/embed-tokens', { bearer: key.secret, body: { origin: INTRANET, scopes: [] } })).status).toBe(400);
  });

  it('refuses a token whose claims were written before scopes existed (no scopes: 401)', async () => {
    const { minted } = await embedding();
    const token = minted.json.token as string;
    const [payload] = token.slice('clr_emb_'.length).split('.') as [string, string];
    const { s: _scopes, ...claims } = JSON.parse(Buffer.from(payload, 'base64url').toString());
    // Signed with the server's own secret (the kit's apps use the default configuration's).
    const unscoped = mintEmbedToken({ config: DEFAULT_CONFIG } as AppDeps, claims);
    expect((await kit.call('GET', '/stock', { bearer: unscoped, headers: { origin: INTRANET } })).status).toBe(401);
  });

  it('answers CORS preflights for any origin, never allowing credentials', async () => {
    const res = await kit.app.request('/api/v1/stock', {
      method: 'OPTIONS',
      headers: { origin: INTRANET, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(INTRANET);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('/embed-origins (the space’s allowed embedding origins)', () => {
  it('an administrator lists the origins, and replaces them with normalised ones', async () => {
    const { cookie } = await spaceWithAdmin(kit);
    expect((await kit.call('GET', '/embed-origins', { cookie })).json).toEqual({ data: [] });
    const put = await kit.call('PUT', '/embed-origins', { cookie, body: { origins: ['HTTPS://Intranet.Exemple.fr/', 'https://rh.exemple.fr:8443', 'http://localhost:5173'] } });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ data: ['https://intranet.exemple.fr', 'https://rh.exemple.fr:8443', 'http://localhost:5173'] });
    expect((await kit.call('GET', '/embed-origins', { cookie })).json).toEqual(put.json);
  });

  it.each([
    ['a path', 'https://intranet.exemple.fr/rh'],
    ['a wildcard', 'https://*.exemple.fr'],
    ['plain http off localhost', 'http://intranet.exemple.fr'],
    ['credentials', 'https://moi:secret@intranet.exemple.fr'],
    ['a query', 'https://intranet.exemple.fr?x=1'],
    ['no scheme', 'intranet.exemple.fr'],
  ])('refuses an origin with %s (400 naming its place in the list) and keeps the list', async (_what, origin) => {
    const { cookie } = await spaceWithAdmin(kit);
    await kit.call('PUT', '/embed-origins', { cookie, body: { origins: [INTRANET] } });
    const res = await kit.call('PUT', '/embed-origins', { cookie, body: { origins: ['https://ok.exemple.fr', origin] } });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'origins.1', message: "L'origine n'est pas valide (exemple : https://intranet.exemple.fr)." }]);
    expect((await kit.call('GET', '/embed-origins', { cookie })).json.data).toEqual([INTRANET]);
  });

  it('refuses the same origin twice and more than 20 origins', async () => {
    const { cookie } = await spaceWithAdmin(kit);
    const twice = await kit.call('PUT', '/embed-origins', { cookie, body: { origins: [INTRANET, `${INTRANET.toUpperCase()}/`] } });
    expect(twice.json.errors).toEqual([{ path: 'origins.1', message: 'Cette origine est déjà dans la liste.' }]);
    const many = Array.from({ length: 21 }, (_, i) => `https://site${i}.exemple.fr`);
    const tooMany = await kit.call('PUT', '/embed-origins', { cookie, body: { origins: many } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.errors).toEqual([{ path: 'origins', message: "Un espace peut autoriser au plus 20 origines d'intégration." }]);
  });

  it('a removed origin’s tokens stop at once; another space’s list is untouched', async () => {
    const mine = await spaceWithAdmin(kit);
    const other = await spaceWithAdmin(kit, 'Autre');
    await kit.call('PUT', '/embed-origins', { cookie: mine.cookie, body: { origins: [INTRANET] } });
    await kit.call('PUT', '/embed-origins', { cookie: other.cookie, body: { origins: ['https://autre.exemple.fr'] } });
    const key = await makeApiKey(kit.db, { spaceId: mine.space.id });
    const minted = await kit.call('POST', '/embed-tokens', { bearer: key.secret, body: { origin: INTRANET } });
    const fromIntranet = { bearer: minted.json.token as string, headers: { origin: INTRANET } };
    expect((await kit.call('GET', '/stock', fromIntranet)).status).toBe(200);
    expect((await kit.call('PUT', '/embed-origins', { bearer: key.secret, body: { origins: [] } })).json).toEqual({ data: [] });
    expect((await kit.call('GET', '/stock', fromIntranet)).status).toBe(403);
    expect((await kit.call('GET', '/embed-origins', { cookie: other.cookie })).json.data).toEqual(['https://autre.exemple.fr']);
  });
});
