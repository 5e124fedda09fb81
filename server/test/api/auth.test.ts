import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { callApp, login, makeAdmin, makeApiKey, makeKit, makeSpace, sessionCookie, type TestKit } from './helpers.js';

let kit: TestKit;
let spaceId: string;

beforeAll(async () => {
  kit = await makeKit();
  spaceId = (await makeSpace(kit.db, 'Démo')).id;
});
afterAll(() => closeAll());

describe('POST /auth/login (§1.1 « Se connecter en tant qu’administrateur »)', () => {
  it('opens a session and answers the admin and their space', async () => {
    const admin = await makeAdmin(kit.db, { spaceId, lastName: 'Administrateur', firstName: 'Compte' });
    const res = await kit.call('POST', '/auth/login', { body: { email: admin.email, password: admin.password } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      admin: { id: admin.id, email: admin.email, lastName: 'Administrateur', firstName: 'Compte', role: 'admin' },
      space: { id: spaceId, name: 'Démo' },
    });
    const me = await kit.call('GET', '/me', { cookie: sessionCookie(res) });
    expect(me.status).toBe(200);
    expect(me.json).toEqual(res.json);
  });

  it('accepts the e-mail whatever its case and surrounding spaces', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const res = await kit.call('POST', '/auth/login', { body: { email: `  ${admin.email.toUpperCase()} `, password: admin.password } });
    expect(res.status).toBe(200);
  });

  it('sets an HttpOnly, SameSite=Lax cookie on path /, not Secure outside production', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const res = await kit.call('POST', '/auth/login', { body: { email: admin.email, password: admin.password } });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^clr_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('marks the cookie Secure in production', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const prod = kit.instance({ production: true });
    const res = await callApp(prod, 'POST', '/auth/login', { body: { email: admin.email, password: admin.password } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('stores only the SHA-256 of the session token', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    const token = cookie.split('=')[1]!;
    const sessions = await kit.db.authSession.findMany({ where: { adminId: admin.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.id).not.toContain(token);
    expect(sessions[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong password and an unknown e-mail with the same 401 and the same words', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const wrong = await kit.call('POST', '/auth/login', { body: { email: admin.email, password: 'pas-le-bon-1' }, ip: '192.0.2.50' });
    const unknown = await kit.call('POST', '/auth/login', { body: { email: 'personne@exemple.test', password: 'pas-le-bon-1' }, ip: '192.0.2.50' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
    expect(wrong.json.code).toBe('unauthenticated');
    expect(wrong.json.detail).toBe('Identifiant ou mot de passe incorrect.');
    expect({ ...unknown.json, requestId: undefined }).toEqual({ ...wrong.json, requestId: undefined });
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('gives a new token at every login and ends the session the browser came with', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const first = await login(kit, admin.email, admin.password);
    const res = await kit.call('POST', '/auth/login', { body: { email: admin.email, password: admin.password }, cookie: first });
    const second = sessionCookie(res);
    expect(second).not.toBe(first);
    expect((await kit.call('GET', '/me', { cookie: first })).status).toBe(401);
    expect((await kit.call('GET', '/me', { cookie: second })).status).toBe(200);
  });

  it('names each missing field in French (400 validation_failed)', async () => {
    const res = await kit.call('POST', '/auth/login', { body: {} });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.errors).toEqual([
      { path: 'email', message: 'Le courriel est obligatoire.' },
      { path: 'password', message: 'Le mot de passe est obligatoire.' },
    ]);
  });
});

describe('sessions: idle 30 min (sliding), absolute 12 h, logout', () => {
  it('ends a session left idle for 30 minutes', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    kit.clock.minutes(29);
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(200);
    kit.clock.minutes(30);
    const res = await kit.call('GET', '/me', { cookie });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('unauthenticated');
    expect(await kit.db.authSession.count({ where: { adminId: admin.id } })).toBe(0);
  });

  it('keeps a session alive while it is used, each use restarting the 30 minutes', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    for (let i = 0; i < 5; i++) {
      kit.clock.minutes(25);
      expect((await kit.call('GET', '/me', { cookie })).status).toBe(200);
    }
  });

  it('ends a session 12 hours after login even when it never went idle', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    for (let elapsed = 0; elapsed < 11 * 60 + 40; elapsed += 20) {
      kit.clock.minutes(20);
      expect((await kit.call('GET', '/me', { cookie })).status).toBe(200);
    }
    kit.clock.minutes(25); // 12 h 05 after login, last use 25 min ago
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(401);
  });

  it('logout deletes the session and clears the cookie', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    const res = await kit.call('POST', '/auth/logout', { cookie });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/clr_session=;.*Max-Age=0/);
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(401);
    expect(await kit.db.authSession.count({ where: { adminId: admin.id } })).toBe(0);
  });

  it('a request without a session is 401 on every protected route', async () => {
    for (const path of ['/me', '/products', '/stock', '/dashboard', '/orders']) {
      const res = await kit.call('GET', path);
      expect(res.status, path).toBe(401);
      expect(res.json.code).toBe('unauthenticated');
    }
  });
});

describe('login rate limit (per account and per address, kept in the database)', () => {
  it('answers 429 rate_limited with Retry-After after 5 failures on one account, even with the right password', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    for (let i = 0; i < 5; i++) {
      const res = await kit.call('POST', '/auth/login', { body: { email: admin.email, password: 'mauvais-1' }, ip: `192.0.2.${10 + i}` });
      expect(res.status).toBe(401);
    }
    const blocked = await kit.call('POST', '/auth/login', { body: { email: admin.email, password: admin.password }, ip: '192.0.2.99' });
    expect(blocked.status).toBe(429);
    expect(blocked.json.code).toBe('rate_limited');
    expect(blocked.json.detail).toMatch(/Réessayez dans \d+ minutes?/);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    kit.clock.minutes(16);
    expect((await kit.call('POST', '/auth/login', { body: { email: admin.email, password: admin.password }, ip: '192.0.2.99' })).status).toBe(200);
  });

  it('a successful login clears the account’s failures', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) {
        expect((await kit.call('POST', '/auth/login', { body: { email: admin.email, password: 'mauvais-1' }, ip: '192.0.2.120' })).status).toBe(401);
      }
      expect((await kit.call('POST', '/auth/login', { body: { email: admin.email, password: admin.password }, ip: '192.0.2.121' })).status).toBe(200);
    }
  });

  it('answers 429 after 20 failures from one address, whatever the accounts', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await kit.call('POST', '/auth/login', { body: { email: `inconnu-${i}@exemple.test`, password: 'mauvais-1' }, ip: '192.0.2.200' });
      expect(res.status).toBe(401);
    }
    const admin = await makeAdmin(kit.db, { spaceId });
    const blocked = await kit.call('POST', '/auth/login', { body: { email: admin.email, password: admin.password }, ip: '192.0.2.200' });
    expect(blocked.status).toBe(429);
    expect((await kit.call('POST', '/auth/login', { body: { email: admin.email, password: admin.password }, ip: '192.0.2.201' })).status).toBe(200);
  });

  it('is shared by two server instances on the same database', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const other = kit.instance();
    for (let i = 0; i < 5; i++) {
      const app = i % 2 === 0 ? kit.app : other;
      expect((await callApp(app, 'POST', '/auth/login', { body: { email: admin.email, password: 'mauvais-1' }, ip: `192.0.2.${30 + i}` })).status).toBe(401);
    }
    const res = await callApp(other, 'POST', '/auth/login', { body: { email: admin.email, password: admin.password }, ip: '192.0.2.40' });
    expect(res.status).toBe(429);
  });

  it('a burst of 12 concurrent wrong passwords gets exactly 5 verifications through, 7 are 429', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => kit.call('POST', '/auth/login', { body: { email: admin.email, password: 'mauvais-1' }, ip: `192.0.2.${140 + i}` })),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(7);
  });

  it('keeps no e-mail in the rate-limit table', async () => {
    const rows = await kit.db.rateLimitBucket.findMany();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.key).not.toMatch(/@/);
  });
});

describe('password reset (« Mot de passe oublié ? »)', () => {
  async function resetLink(email: string): Promise<string> {
    const mail = await kit.db.outboxMessage.findFirst({ where: { to: email, template: 'admin.password-reset' }, orderBy: { createdAt: 'desc' } });
    const match = /#token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
    if (!match?.[1]) throw new Error('no reset link');
    return match[1];
  }

  it('always answers 202, says nothing about the account, and e-mails a link only to a real account', async () => {
    const admin = await makeAdmin(kit.db, { spaceId, firstName: 'Claire', lastName: 'Durand' });
    const known = await kit.call('POST', '/auth/password-reset', { body: { email: admin.email } });
    const unknown = await kit.call('POST', '/auth/password-reset', { body: { email: 'personne@exemple.test' } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.text).toBe(unknown.text);
    const mails = await kit.db.outboxMessage.findMany({ where: { to: { in: [admin.email, 'personne@exemple.test'] } } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe(admin.email);
    expect(mails[0]!.subject).toBe('Réinitialisation de votre mot de passe - Certification Le Robert');
    expect(mails[0]!.text).toMatch(/^Bonjour Claire Durand,/);
    expect(mails[0]!.text).toMatch(/valable une heure/);
  });

  it('still answers 400 naming the field for a malformed e-mail', async () => {
    const res = await kit.call('POST', '/auth/password-reset', { body: { email: 'pas-un-courriel' } });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'email', message: "Le courriel n'est pas valide." }]);
  });

  it('sets the new password from the e-mailed link, once, and ends every session', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const session = await login(kit, admin.email, admin.password);
    await kit.call('POST', '/auth/password-reset', { body: { email: admin.email } });
    const token = await resetLink(admin.email);
    const body = { token, password: 'Nouveau-secret-2026', confirmation: 'Nouveau-secret-2026' };
    expect((await kit.call('POST', '/auth/password-reset/confirm', { body })).status).toBe(204);
    expect((await kit.call('GET', '/me', { cookie: session })).status).toBe(401);
    const again = await kit.call('POST', '/auth/password-reset/confirm', { body: { ...body, password: 'Encore-autre-2026', confirmation: 'Encore-autre-2026' } });
    expect(again.status).toBe(400);
    expect(again.json.errors).toEqual([{ path: 'token', message: "Le lien de réinitialisation n'est pas valide ou a expiré." }]);
    expect((await kit.call('POST', '/auth/login', { body: { email: admin.email, password: admin.password }, ip: '192.0.2.160' })).status).toBe(401);
    expect((await kit.call('POST', '/auth/login', { body: { email: admin.email, password: 'Nouveau-secret-2026' }, ip: '192.0.2.160' })).status).toBe(200);
  });

  it('refuses a link older than one hour', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    await kit.call('POST', '/auth/password-reset', { body: { email: admin.email } });
    const token = await resetLink(admin.email);
    kit.clock.minutes(61);
    const res = await kit.call('POST', '/auth/password-reset/confirm', { body: { token, password: 'Nouveau-secret-2026', confirmation: 'Nouveau-secret-2026' } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('token');
  });

  it('two concurrent confirmations of one link: exactly one wins', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    await kit.call('POST', '/auth/password-reset', { body: { email: admin.email } });
    const token = await resetLink(admin.email);
    const answers = await Promise.all(
      ['Premier-secret-2026', 'Second-secret-2026'].map((password) =>
        kit.call('POST', '/auth/password-reset/confirm', { body: { token, password, confirmation: password } }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([204, 400]);
  });

  it('refuses a weak new password, naming the field', async () => {
    const res = await kit.call('POST', '/auth/password-reset/confirm', { body: { token: 'x'.repeat(43), password: 'court', confirmation: 'court' } });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain('password');
  });
});

describe('/me (§1.2 « Modifier son profil »)', () => {
  it('changes last name, first name and e-mail (the e-mail with the current password)', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    const res = await kit.call('PATCH', '/me', { cookie, body: { lastName: 'Lefèvre', firstName: 'Anne', email: 'Anne.Lefevre@Exemple.test', currentPassword: admin.password } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      admin: { id: admin.id, lastName: 'Lefèvre', firstName: 'Anne', email: 'anne.lefevre@exemple.test', role: 'admin' },
      space: { id: spaceId, name: 'Démo' },
    });
  });

  it('refuses an e-mail another administrator uses (409 conflict naming the field)', async () => {
    const other = await makeAdmin(kit.db, { spaceId });
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    const res = await kit.call('PATCH', '/me', { cookie, body: { email: other.email, currentPassword: admin.password } });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('conflict');
    expect(res.json.field).toBe('email');
    expect(res.json.errors).toEqual([{ path: 'email', message: 'Cette valeur est déjà utilisée.' }]);
  });

  it('refuses an empty change', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    const res = await kit.call('PATCH', '/me', { cookie, body: {} });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].message).toBe('Aucune modification à enregistrer.');
  });

  it('changes the password only with the current one, keeping this session and ending the others', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const here = await login(kit, admin.email, admin.password);
    const elsewhere = await login(kit, admin.email, admin.password);
    const wrong = await kit.call('PUT', '/me/password', {
      cookie: here,
      body: { currentPassword: 'pas-le-bon-1', newPassword: 'Changement-2026', confirmation: 'Changement-2026' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors).toEqual([{ path: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }]);
    const ok = await kit.call('PUT', '/me/password', {
      cookie: here,
      body: { currentPassword: admin.password, newPassword: 'Changement-2026', confirmation: 'Changement-2026' },
    });
    expect(ok.status).toBe(204);
    expect((await kit.call('GET', '/me', { cookie: here })).status).toBe(200);
    expect((await kit.call('GET', '/me', { cookie: elsewhere })).status).toBe(401);
    const stored = await kit.db.admin.findUniqueOrThrow({ where: { id: admin.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('is for session users only: an API key gets 403', async () => {
    const key = await makeApiKey(kit.db, { spaceId });
    const res = await kit.call('GET', '/me', { bearer: key.secret });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('forbidden');
  });
});

describe('API keys and roles', () => {
  it('a space key acts for its space', async () => {
    const key = await makeApiKey(kit.db, { spaceId });
    const res = await kit.call('GET', '/stock', { bearer: key.secret });
    expect(res.status).toBe(200);
  });

  it.each([
    ['an unknown key', 'clr_key_inconnue'],
    ['a malformed header', ''],
  ])('refuses %s with 401', async (_label, secret) => {
    const res = await kit.call('GET', '/stock', { headers: { authorization: `Bearer ${secret}` } });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('unauthenticated');
  });

  it('refuses a revoked key with 401', async () => {
    const key = await makeApiKey(kit.db, { spaceId, revoked: true });
    expect((await kit.call('GET', '/stock', { bearer: key.secret })).status).toBe(401);
  });

  it('the integration key cannot read a space’s data (403)', async () => {
    const key = await makeApiKey(kit.db, { kind: 'integration' });
    const res = await kit.call('GET', '/stock', { bearer: key.secret });
    expect(res.status).toBe(403);
  });

  it('an operator has no space: space routes are 403, operator routes are open', async () => {
    const operator = await makeAdmin(kit.db, { role: 'operator' });
    const res = await kit.call('POST', '/auth/login', { body: { email: operator.email, password: operator.password } });
    expect(res.json).toMatchObject({ admin: { role: 'operator' }, space: null });
    const cookie = sessionCookie(res);
    expect((await kit.call('GET', '/stock', { cookie })).status).toBe(403);
    expect((await kit.call('POST', '/operator/orders/inexistante/deliver', { cookie })).status).toBe(404);
  });

  it('an administrator cannot use operator routes (403)', async () => {
    const admin = await makeAdmin(kit.db, { spaceId });
    const cookie = await login(kit, admin.email, admin.password);
    const res = await kit.call('POST', '/operator/orders/inexistante/deliver', { cookie });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('forbidden');
  });
});
