/**
 * The server keeps a session's, a key's and an embed token's rows for a moment
 * (src/http/identity-cache.ts) so that a list request does not read them every
 * time. A revocation still holds from the very next request: each case below
 * uses the credential first (so that its rows are kept), revokes it, then
 * calls again at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordStatements } from '../../bench/sql-capture.js';
import { closeAll, testProvider } from '../support/db.js';
import { login, makeAdmin, makeApiKey, makeKit, makeSpace, spaceWithAdmin, type TestKit } from '../api/helpers.js';

const INTRANET = 'https://intranet.exemple.fr';

let kit: TestKit;
let spaceId: string;

beforeAll(async () => {
  kit = await makeKit();
  spaceId = (await makeSpace(kit.db, 'Révocations')).id;
});
afterAll(() => closeAll());

async function resetLink(email: string): Promise<string> {
  const mail = await kit.db.outboxMessage.findFirst({ where: { to: email, template: 'admin.password-reset' }, orderBy: { createdAt: 'desc' } });
  const match = /#token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
  if (!match?.[1]) throw new Error('no reset link');
  return match[1];
}

describe('a session, once used, still ends at once', () => {
  it('« Se déconnecter »: the same cookie is refused on the next request (401)', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    expect((await kit.call('GET', '/candidates', { cookie })).status).toBe(200);
    expect((await kit.call('GET', '/candidates', { cookie })).status).toBe(200);
    expect((await kit.call('POST', '/auth/logout', { cookie })).status).toBe(204);
    const after = await kit.call('GET', '/candidates', { cookie });
    expect(after.status).toBe(401);
    expect(after.json.code).toBe('unauthenticated');
  });

  it('a password change ends the administrator’s other sessions on their next request, and keeps this one', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const here = await login(kit, admin.email, admin.password);
    const elsewhere = await login(kit, admin.email, admin.password);
    expect((await kit.call('GET', '/dashboard', { cookie: elsewhere })).status).toBe(200);
    const changed = await kit.call('PUT', '/me/password', {
      cookie: here,
      body: { currentPassword: admin.password, newPassword: 'Changement-2026', confirmation: 'Changement-2026' },
    });
    expect(changed.status).toBe(204);
    expect((await kit.call('GET', '/dashboard', { cookie: elsewhere })).status).toBe(401);
    expect((await kit.call('GET', '/dashboard', { cookie: here })).status).toBe(200);
  });

  it('a password reset from the e-mailed link ends every session of the administrator', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(200);
    await kit.call('POST', '/auth/password-reset', { body: { email: admin.email } });
    const token = await resetLink(admin.email);
    const body = { token, password: 'Nouveau-secret-2026', confirmation: 'Nouveau-secret-2026' };
    expect((await kit.call('POST', '/auth/password-reset/confirm', { body })).status).toBe(204);
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(401);
  });

  it('an administrator removed from the database loses their session on the next request', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(200);
    await kit.db.admin.delete({ where: { id: admin.id } });
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(401);
  });

  it('a session idle for 30 minutes is refused, kept rows or not', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(200);
    kit.clock.minutes(30);
    try {
      expect((await kit.call('GET', '/me', { cookie })).status).toBe(401);
    } finally {
      kit.clock.set('2026-03-10T09:00:00.000Z');
    }
  });

  it('the next request of a session reads neither the session nor its administrator again', async () => {
    if (testProvider() !== 'sqlite') return;
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(200);
    const { result, statements } = await recordStatements(() => kit.call('GET', '/dashboard', { cookie }));
    expect(result.status).toBe(200);
    expect(statements.filter((s) => /AuthSession/.test(s.sql))).toEqual([]);
  });
});

describe('a key, once used, still dies at once', () => {
  it('an API key revoked on « Intégration » is refused on its next call (401)', async () => {
    const { cookie } = await spaceWithAdmin(kit, 'Clés');
    const created = await kit.call('POST', '/api-keys', { cookie, body: { name: 'Portail' } });
    expect(created.status).toBe(201);
    const secret = created.json.secret as string;
    expect((await kit.call('GET', '/candidates', { bearer: secret })).status).toBe(200);
    expect((await kit.call('GET', '/candidates', { bearer: secret })).status).toBe(200);
    expect((await kit.call('DELETE', `/api-keys/${created.json.id}`, { cookie })).status).toBe(204);
    const after = await kit.call('GET', '/candidates', { bearer: secret });
    expect(after.status).toBe(401);
    expect(after.json.detail).toBe("Clé d'API invalide ou révoquée.");
  });

  it('an embed token dies with its key, and with its origin once the space removes it', async () => {
    const { cookie, space } = await spaceWithAdmin(kit, 'Intranet');
    expect((await kit.call('PUT', '/embed-origins', { cookie, body: { origins: [INTRANET, 'http://localhost:5173'] } })).status).toBe(200);
    const key = await makeApiKey(kit.db, { spaceId: space.id });
    const mint = async () => {
      const minted = await kit.call('POST', '/embed-tokens', { bearer: key.secret, body: { origin: INTRANET, ttlSeconds: 600 } });
      expect(minted.status).toBe(201);
      return minted.json.token as string;
    };
    const first = await mint();
    expect((await kit.call('GET', '/stock', { bearer: first, headers: { origin: INTRANET } })).status).toBe(200);
    expect((await kit.call('PUT', '/embed-origins', { cookie, body: { origins: ['http://localhost:5173'] } })).status).toBe(200);
    expect((await kit.call('GET', '/stock', { bearer: first, headers: { origin: INTRANET } })).status).toBe(403);

    expect((await kit.call('PUT', '/embed-origins', { cookie, body: { origins: [INTRANET] } })).status).toBe(200);
    const second = await mint();
    expect((await kit.call('GET', '/stock', { bearer: second, headers: { origin: INTRANET } })).status).toBe(200);
    await kit.db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    expect((await kit.call('GET', '/stock', { bearer: second, headers: { origin: INTRANET } })).status).toBe(401);
  });
});
