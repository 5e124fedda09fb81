import { describe, expect, it } from 'vitest';
import { DEMO_KEYS, DEMO_LOGINS, useMocks } from './kit.js';

const kit = useMocks('demo');
const MINUTE = 60_000;

describe('« Se connecter » (§1.1)', () => {
  it('opens a session in an HttpOnly, SameSite=Lax cookie and answers the administrator and their space', async () => {
    const res = await kit.call('POST', '/auth/login', { body: DEMO_LOGINS.demo });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^clr_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(res.json).toEqual({
      admin: { id: expect.any(String), email: 'admin@demo.test', lastName: 'Administrateur', firstName: 'Compte', role: 'admin' },
      space: { id: expect.any(String), name: 'Démo' },
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect((await kit.call('GET', '/me', { cookie })).json).toEqual(res.json);
  });

  it.each([
    ['a wrong password', { email: 'admin@demo.test', password: 'Mauvais-mot-1' }],
    ['an unknown e-mail', { email: 'personne@demo.test', password: 'Demo-admin-1' }],
  ])('refuses %s with the same French message (no account enumeration)', async (_, body) => {
    const res = await kit.call('POST', '/auth/login', { body });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ code: 'unauthenticated', detail: 'Identifiant ou mot de passe incorrect.' });
  });

  it('rate_limited: the sixth failed login of an account in 15 minutes is refused, even with the right password, with Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await kit.call('POST', '/auth/login', { body: { ...DEMO_LOGINS.demo, password: 'x' } })).status).toBe(401);
    const res = await kit.call('POST', '/auth/login', { body: DEMO_LOGINS.demo });
    expect(res.status).toBe(429);
    expect(res.json.code).toBe('rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    kit.clock.advance(16 * MINUTE);
    expect((await kit.call('POST', '/auth/login', { body: DEMO_LOGINS.demo })).status).toBe(200);
  });

  it('logout ends the session: the cookie no longer opens anything', async () => {
    const cookie = await kit.login();
    const out = await kit.call('POST', '/auth/logout', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^clr_session=; Max-Age=0/);
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(401);
  });

  it('a session ends after 30 minutes without activity, and slides while used', async () => {
    const cookie = await kit.login();
    kit.clock.advance(25 * MINUTE);
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(200);
    kit.clock.advance(25 * MINUTE);
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(200);
    kit.clock.advance(31 * MINUTE);
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(401);
  });

  it('a session ends 12 hours after login whatever the activity', async () => {
    const cookie = await kit.login();
    for (let i = 0; i < 25; i++) {
      kit.clock.advance(29 * MINUTE);
      await kit.call('GET', '/me', { cookie });
    }
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(401);
  });

  it('rotates the session at login: the cookie the browser came with is ended', async () => {
    const before = await kit.login();
    const after = await kit.call('POST', '/auth/login', { body: DEMO_LOGINS.demo, cookie: before });
    expect(after.status).toBe(200);
    expect((await kit.call('GET', '/me', { cookie: before })).status).toBe(401);
  });
});

describe('« Modifier son profil » (§1.2)', () => {
  it('changes the name and e-mail; an e-mail used by another account is a conflict naming it', async () => {
    const cookie = await kit.demo();
    const res = await kit.call('PATCH', '/me', { cookie, body: { firstName: 'Camille' } });
    expect(res.json.admin.firstName).toBe('Camille');
    const withoutPassword = await kit.call('PATCH', '/me', { cookie, body: { email: 'admin@autre.test' } });
    expect(withoutPassword.status).toBe(400);
    expect(withoutPassword.json.errors).toEqual([{ path: 'currentPassword', message: 'Saisissez votre mot de passe actuel pour changer votre adresse électronique.' }]);
    const taken = await kit.call('PATCH', '/me', { cookie, body: { email: 'admin@autre.test', currentPassword: 'Demo-admin-1' } });
    expect(taken.status).toBe(409);
    expect(taken.json.errors).toEqual([{ path: 'email', message: 'Cette valeur est déjà utilisée.' }]);
  });

  it('changes the password with the current one; other sessions end, this one stays', async () => {
    const mine = await kit.login();
    const other = await kit.login();
    const wrong = await kit.call('PUT', '/me/password', { cookie: mine, body: { currentPassword: 'x', newPassword: 'Nouveau-mot-2', confirmation: 'Nouveau-mot-2' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors).toEqual([{ path: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }]);
    const res = await kit.call('PUT', '/me/password', { cookie: mine, body: { currentPassword: 'Demo-admin-1', newPassword: 'Nouveau-mot-2', confirmation: 'Nouveau-mot-2' } });
    expect(res.status).toBe(204);
    expect((await kit.call('GET', '/me', { cookie: mine })).status).toBe(200);
    expect((await kit.call('GET', '/me', { cookie: other })).status).toBe(401);
    expect((await kit.call('POST', '/auth/login', { body: { email: 'admin@demo.test', password: 'Nouveau-mot-2' } })).status).toBe(200);
  });

  it('refuses a new password under the administrators’ policy, naming the field', async () => {
    const res = await kit.call('PUT', '/me/password', { cookie: await kit.demo(), body: { currentPassword: 'Demo-admin-1', newPassword: 'court', confirmation: 'court' } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('newPassword');
  });
});

describe('« Mot de passe oublié ? » (§1.1)', () => {
  it('always answers 202; an existing account gets a single-use link that sets a new password', async () => {
    expect((await kit.call('POST', '/auth/password-reset', { body: { email: 'personne@demo.test' } })).status).toBe(202);
    expect(kit.mocks.store.mails).toHaveLength(0);
    expect((await kit.call('POST', '/auth/password-reset', { body: { email: 'admin@demo.test' } })).status).toBe(202);
    const mail = kit.mocks.store.mails.at(-1)!;
    expect(mail).toMatchObject({ template: 'admin.password-reset', to: 'admin@demo.test' });
    const token = /#token=([\w-]+)/.exec(mail.text)![1]!;
    const body = { token, password: 'Oublie-mot-3x', confirmation: 'Oublie-mot-3x' };
    expect((await kit.call('POST', '/auth/password-reset/confirm', { body })).status).toBe(204);
    expect((await kit.call('POST', '/auth/password-reset/confirm', { body })).json.errors[0].path).toBe('token');
    expect((await kit.call('POST', '/auth/login', { body: { email: 'admin@demo.test', password: 'Oublie-mot-3x' } })).status).toBe(200);
  });
});

describe('API keys, embed tokens and roles', () => {
  it('a space’s API key reads its space (Authorization: Bearer)', async () => {
    const res = await kit.call('GET', '/dashboard', { bearer: DEMO_KEYS.demo });
    expect(res.status).toBe(200);
    expect(res.json.candidates.total).toBe(19);
  });

  it.each([
    ['a malformed header', { headers: { authorization: 'Basic abc' } }, 'En-tête Authorization invalide : « Bearer <clé> » attendu.'],
    ['an unknown key', { bearer: 'clr_key_inconnue' }, "Clé d'API invalide ou révoquée."],
  ])('unauthenticated: %s is refused outright', async (_, options, detail) => {
    const res = await kit.call('GET', '/dashboard', options);
    expect(res.status).toBe(401);
    expect(res.json.detail).toBe(detail);
  });

  it.each([
    ['the operator', 'GET', '/dashboard', async () => ({ cookie: await kit.login('operator') })],
    ['the exam platform', 'GET', '/dashboard', async () => ({ bearer: DEMO_KEYS.integration })],
    ['an API key', 'GET', '/me', async () => ({ bearer: DEMO_KEYS.demo })],
    ['a space administrator', 'POST', '/operator/orders/ord_00000001/deliver', async () => ({ cookie: await kit.demo() })],
    ['a space administrator', 'POST', '/integration/attempts', async () => ({ cookie: await kit.demo(), body: { assignmentId: 'x' } })],
  ] as const)('forbidden: %s cannot call %s %s', async (_, method, path, options) => {
    const res = await kit.call(method, path, await options());
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('forbidden');
  });

  it('creates, lists and revokes API keys; a revoked key is refused', async () => {
    const cookie = await kit.demo();
    const created = await kit.call('POST', '/api-keys', { cookie, body: { name: 'Système d’information' } });
    expect(created.status).toBe(201);
    expect((await kit.call('GET', '/stock', { bearer: created.json.secret })).status).toBe(200);
    const listed = await kit.call('GET', '/api-keys', { cookie });
    expect(listed.json.data.map((k: { name: string }) => k.name)).toContain('Système d’information');
    expect(JSON.stringify(listed.json)).not.toContain(created.json.secret);
    expect((await kit.call('DELETE', `/api-keys/${created.json.id}`, { cookie })).status).toBe(204);
    expect((await kit.call('GET', '/stock', { bearer: created.json.secret })).status).toBe(401);
  });

  it('an embed token is minted with an API key for an allowed origin only, acts for the space from that origin, and expires', async () => {
    const refused = await kit.call('POST', '/embed-tokens', { bearer: DEMO_KEYS.demo, body: { origin: 'https://ailleurs.example' } });
    expect(refused.status).toBe(403);
    const minted = await kit.call('POST', '/embed-tokens', { bearer: DEMO_KEYS.demo, body: { origin: 'http://localhost:5173', ttlSeconds: 120 } });
    expect(minted.status).toBe(201);
    expect(minted.json).toEqual({ token: expect.stringMatching(/^clr_emb_/), expiresAt: '2026-03-10T09:02:00.000Z', scopes: ['read'] });
    const fromPage = { bearer: minted.json.token, headers: { origin: 'http://localhost:5173' } };
    expect((await kit.call('GET', '/candidates', fromPage)).json.total).toBe(19);
    const elsewhere = await kit.call('GET', '/candidates', { bearer: minted.json.token, headers: { origin: 'https://ailleurs.example' } });
    expect(elsewhere.json).toMatchObject({ status: 403, detail: "Ce jeton d'intégration n'est pas valable depuis cette origine." });
    const readOnly = await kit.call('POST', '/groups', { ...fromPage, body: { name: 'Portail RH 2026', category: 'exam_session' } });
    expect(readOnly.json).toMatchObject({ status: 403, detail: "Ce jeton d'intégration est en lecture seule : il ne peut rien modifier." });
    const writer = await kit.call('POST', '/embed-tokens', { bearer: DEMO_KEYS.demo, body: { origin: 'http://localhost:5173', scopes: ['read', 'write'] } });
    const fromPageWriting = { bearer: writer.json.token, headers: { origin: 'http://localhost:5173' } };
    expect((await kit.call('POST', '/groups', { ...fromPageWriting, body: { name: 'Portail RH 2026', category: 'exam_session' } })).status).toBe(201);
    const again = await kit.call('POST', '/embed-tokens', { ...fromPageWriting, body: { origin: 'http://localhost:5173' } });
    expect(again.json.detail).toBe("Un jeton d'intégration ne peut pas en créer d'autres : utilisez votre clé d'API.");
    kit.clock.advance(3 * MINUTE);
    expect((await kit.call('GET', '/candidates', fromPage)).status).toBe(401);
  });

  it('an embed token dies with the API key that minted it', async () => {
    const cookie = await kit.demo();
    const key = (await kit.call('POST', '/api-keys', { cookie, body: { name: 'Intranet' } })).json;
    const { token } = (await kit.call('POST', '/embed-tokens', { bearer: key.secret, body: { origin: 'http://localhost:5173' } })).json;
    const fromPage = { bearer: token, headers: { origin: 'http://localhost:5173' } };
    expect((await kit.call('GET', '/stock', fromPage)).status).toBe(200);
    await kit.call('DELETE', `/api-keys/${key.id}`, { cookie });
    expect((await kit.call('GET', '/stock', fromPage)).json.detail).toBe("Jeton d'intégration invalide ou expiré.");
  });
});

describe('problem+json (SPEC §4)', () => {
  it('answers errors as application/problem+json in French, with the request id the caller sent', async () => {
    const res = await kit.call('GET', '/candidates', { headers: { 'x-request-id': 'trace-42' } });
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    expect(res.json).toEqual({
      type: 'urn:clr:problem:unauthenticated',
      title: 'Authentification requise',
      status: 401,
      code: 'unauthenticated',
      detail: 'Vous devez être connecté pour accéder à cette ressource.',
      requestId: 'trace-42',
    });
  });

  it('validation_failed: bad input is a 400 naming each field, never a 500', async () => {
    const res = await kit.call('POST', '/groups', { cookie: await kit.demo(), body: { name: ' ', category: 'famille' } });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(['name', 'category']);
  });

  it.each([
    ['a body that is not JSON', { raw: '{"name":', headers: { 'content-type': 'application/json' } }, "Le corps de la requête n'est pas un JSON valide."],
    ['a body of another media type', { raw: 'name=A', headers: { 'content-type': 'text/plain' } }, 'Le corps de la requête doit être au format JSON.'],
  ])('validation_failed: %s', async (_, options, detail) => {
    const res = await kit.call('POST', '/groups', { cookie: await kit.demo(), ...options });
    expect(res.status).toBe(400);
    expect(res.json.detail).toBe(detail);
  });

  it('not_found: an address the API does not have', async () => {
    const res = await kit.call('GET', '/nulle-part', { cookie: await kit.demo() });
    expect(res.status).toBe(404);
    expect(res.json.detail).toBe("Cette adresse n'existe pas dans l'API.");
  });

  it('GET /healthz answers without credentials', async () => {
    expect((await kit.call('GET', '/healthz')).json).toEqual({ status: 'ok', database: 'ok' });
  });
});
