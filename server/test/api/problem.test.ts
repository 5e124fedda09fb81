import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Db } from '../../src/db/client.js';
import { closeAll } from '../support/db.js';
import { callApp, makeKit, spaceWithAdmin, type TestKit } from './helpers.js';

let kit: TestKit;
let cookie: string;
let adminEmail: string;

beforeAll(async () => {
  kit = await makeKit();
  const made = await spaceWithAdmin(kit);
  cookie = made.cookie;
  adminEmail = made.admin.email;
});
afterAll(() => closeAll());

describe('errors are application/problem+json (SPEC §4), in French', () => {
  it('answers an unknown route with 404 not_found', async () => {
    const res = await kit.call('GET', '/nulle-part');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json).toMatchObject({
      type: 'urn:clr:problem:not_found',
      title: 'Ressource introuvable',
      status: 404,
      code: 'not_found',
      detail: "Cette adresse n'existe pas dans l'API.",
    });
    expect(res.json.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('answers malformed JSON with 400 validation_failed, never 500', async () => {
    const res = await kit.call('POST', '/auth/login', { raw: '{"email": "a@b.fr",' });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.detail).toBe("Le corps de la requête n'est pas un JSON valide.");
  });

  it('refuses a body that is not JSON (400), and a POST without any body (400 naming the fields)', async () => {
    const form = await kit.call('POST', '/auth/login', { raw: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(400);
    expect(form.json.code).toBe('validation_failed');
    const empty = await kit.call('POST', '/orders', { cookie, headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(400);
    expect(empty.json.code).toBe('validation_failed');
  });

  it('names each bad field with a dotted path and a French message', async () => {
    const res = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: '', quantity: 0 }, { quantity: 'deux' }] } });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.detail).toBe('Certains champs ne sont pas valides.');
    expect(res.json.errors).toEqual([
      { path: 'lines.0.productId', message: 'Le produit est obligatoire.' },
      { path: 'lines.0.quantity', message: 'La quantité doit être un nombre entier entre 1 et 10 000.' },
      { path: 'lines.1.productId', message: 'Le produit est obligatoire.' },
      { path: 'lines.1.quantity', message: 'La quantité doit être un nombre entier entre 1 et 10 000.' },
    ]);
  });

  it('names a bad query parameter', async () => {
    const res = await kit.call('GET', '/orders?section=toutes&limit=0', { cookie });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([
      { path: 'section', message: "La section n'est pas valide." },
      { path: 'limit', message: 'Le nombre de lignes par page doit être un nombre entier entre 1 et 200.' },
    ]);
  });

  it('answers an unexpected fault with a generic 500: no stack, no data, the request id to quote', async () => {
    const failing = new Proxy(kit.db, {
      get(target, prop, receiver) {
        if (prop === 'creditLot') {
          return new Proxy(target.creditLot, {
            get(model, method) {
              if (method === 'findMany') return () => Promise.reject(new Error(`disk I/O error near ${adminEmail}`));
              return Reflect.get(model, method);
            },
          });
        }
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const logs: string[] = [];
    const app = createApp({ db: failing, now: kit.clock.now, config: { trustProxy: true, log: (l) => logs.push(l) } });
    const res = await callApp(app, 'GET', '/stock', { cookie });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json.title).toBe('Erreur interne');
    expect(res.json.detail).toMatch(/^Une erreur inattendue s'est produite/);
    expect(res.text).not.toMatch(/disk I\/O|at |\.ts:|@/);
    expect(res.json.requestId).toBe(res.headers.get('x-request-id'));
    expect(logs.join('\n')).not.toContain(adminEmail);
  });
});

describe('request ids and logs', () => {
  it('gives every answer an X-Request-Id, keeping a well-formed one from the caller', async () => {
    const mine = await kit.call('GET', '/healthz', { headers: { 'x-request-id': 'trace-42' } });
    expect(mine.headers.get('x-request-id')).toBe('trace-42');
    const bad = await kit.call('GET', '/healthz', { headers: { 'x-request-id': 'pas bien<script>' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one line per request (method, route pattern, status, time, request id) and never an e-mail, a token or a query', async () => {
    kit.logs.length = 0;
    await kit.call('POST', '/auth/login', { body: { email: adminEmail, password: 'mauvais-mot-1' }, headers: { 'x-request-id': 'req-login' } });
    await kit.call('GET', `/orders/inexistante?q=${encodeURIComponent(adminEmail)}`, { cookie, headers: { 'x-request-id': 'req-order' } });
    expect(kit.logs).toHaveLength(2);
    expect(kit.logs[0]).toMatch(/^POST \/api\/v1\/auth\/login 401 \d+\.\dms req-login$/);
    expect(kit.logs[1]).toMatch(/^GET \/api\/v1\/orders\/:id 404 \d+\.\dms req-order$/);
    const all = kit.logs.join('\n');
    expect(all).not.toContain(adminEmail);
    expect(all).not.toContain(cookie.split('=')[1]!);
  });
});

describe('GET /healthz and GET /openapi.json', () => {
  it('healthz checks the database', async () => {
    const res = await kit.call('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', database: 'ok' });
  });

  it('healthz answers 503 when the database does not', async () => {
    const down = new Proxy(kit.db, {
      get(target, prop, receiver) {
        if (prop === '$queryRawUnsafe') return () => Promise.reject(new Error('connection refused'));
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const res = await callApp(createApp({ db: down, config: { log: () => {} } }), 'GET', '/healthz');
    expect(res.status).toBe(503);
  });

  it('openapi.json is generated from the route schemas and lists every route', async () => {
    const res = await kit.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    const paths = Object.keys(res.json.paths);
    for (const path of [
      '/healthz',
      '/auth/login',
      '/auth/logout',
      '/auth/password-reset',
      '/auth/password-reset/confirm',
      '/me',
      '/me/password',
      '/exam-types',
      '/products',
      '/stock',
      '/dashboard',
      '/orders',
      '/orders/{id}',
      '/orders/export.csv',
      '/orders/{id}/checkout',
      '/payments/webhook',
      '/api-keys',
      '/api-keys/{id}',
      '/embed-tokens',
      '/operator/orders/{id}/deliver',
      '/operator/orders/{id}/cancel',
    ]) {
      expect(paths, path).toContain(path);
    }
    expect(res.json.paths['/orders'].post.requestBody.content['application/json'].schema).toBeDefined();
    expect(res.json.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'clr_session' });
  });
});
