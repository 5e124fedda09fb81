import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { login, makeAdmin, makeApiKey, makeKit, spaceWithAdmin, type TestKit } from '../api/helpers.js';

/**
 * Finding 1 of the outside probe: with the « Autre » space's API key, request a
 * password reset for its administrator, read the link in the demo outbox, set
 * a password, log in. The outbox now answers an administrator's session only,
 * with their own space's messages, and never another person's reset link.
 */
let kit: TestKit;
const INTRANET = 'https://intranet.autre.test';

beforeAll(async () => {
  kit = await makeKit();
});
afterAll(() => closeAll());

/** « Mot de passe oublié ? » for `email`, then the newest reset link of the outbox as `reader` sees it. */
async function resetLinkSeenBy(reader: { cookie?: string; bearer?: string; headers?: Record<string, string> }, email: string) {
  expect((await kit.call('POST', '/auth/password-reset', { body: { email }, ip: '198.51.100.66' })).status).toBe(202);
  const res = await kit.call('GET', '/demo/outbox?limit=200', reader);
  const links = res.status === 200 ? (res.text.match(/reinitialiser#token=[A-Za-z0-9_-]+/g) ?? []) : [];
  return { res, links };
}

describe('account takeover through the demo outbox', () => {
  it("a space's API key cannot read its administrator's reset link in the outbox (403, no message)", async () => {
    const victim = await spaceWithAdmin(kit, 'Autre');
    const key = await makeApiKey(kit.db, { spaceId: victim.space.id });
    const { res, links } = await resetLinkSeenBy({ bearer: key.secret }, victim.admin.email);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.text).not.toContain(victim.admin.email);
    expect(links).toEqual([]);
  });

  it('an embed token cannot read the outbox (403)', async () => {
    const victim = await spaceWithAdmin(kit, 'Autre');
    await kit.db.space.update({ where: { id: victim.space.id }, data: { embedOrigins: INTRANET } });
    const key = await makeApiKey(kit.db, { spaceId: victim.space.id });
    const minted = await kit.call('POST', '/embed-tokens', { bearer: key.secret, body: { origin: INTRANET } });
    expect(minted.status).toBe(201);
    const { res, links } = await resetLinkSeenBy({ bearer: minted.json.token, headers: { origin: INTRANET } }, victim.admin.email);
    expect(res.status).toBe(403);
    expect(links).toEqual([]);
  });

  it("the page /demo/boite-mail refuses an API key too", async () => {
    const victim = await spaceWithAdmin(kit, 'Autre');
    const key = await makeApiKey(kit.db, { spaceId: victim.space.id });
    await kit.call('POST', '/auth/password-reset', { body: { email: victim.admin.email }, ip: '198.51.100.67' });
    const res = await kit.app.request('/demo/boite-mail', { headers: { authorization: `Bearer ${key.secret}` } });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('reinitialiser#token=');
  });

  it("an administrator does not see the reset link of a colleague of the same space, only their own", async () => {
    const made = await spaceWithAdmin(kit, 'Démo');
    const colleague = await makeAdmin(kit.db, { spaceId: made.space.id });
    const theirs = await resetLinkSeenBy({ cookie: made.cookie }, colleague.email);
    expect(theirs.res.status).toBe(200);
    expect(theirs.links).toEqual([]);
    expect(theirs.res.json.data.map((m: { to: string }) => m.to)).not.toContain(colleague.email);
    const mine = await resetLinkSeenBy({ cookie: made.cookie }, made.admin.email);
    expect(mine.links).toHaveLength(1);
  });

  it("an operator does not read the spaces' messages: only those sent to the operator", async () => {
    const made = await spaceWithAdmin(kit, 'Démo');
    const op = await makeAdmin(kit.db, { role: 'operator' });
    const cookie = await login(kit, op.email, op.password, '203.0.113.251');
    const { res, links } = await resetLinkSeenBy({ cookie }, made.admin.email);
    expect(res.status).toBe(200);
    expect(links).toEqual([]);
    expect(res.json.data.every((m: { to: string }) => m.to === op.email)).toBe(true);
    const own = await resetLinkSeenBy({ cookie }, op.email);
    expect(own.links).toHaveLength(1);
  });
});
