import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_STATUS } from '@clr/domain';
import { createClient } from '../client.js';
import {
  ClrApiError,
  ClrNetworkError,
  ClrResponseError,
  ERROR_CLASSES,
  InternalServerError,
  NotEligibleError,
  NotFoundError,
  OutOfStockError,
  RateLimitedError,
  ValidationFailedError,
  apiErrorFrom,
} from './errors.js';
import { fakeApi, json, problem } from '../../test/support/fake-api.js';

const client = (api: ReturnType<typeof fakeApi>) =>
  createClient({ baseUrl: 'https://clr.test', auth: { kind: 'apiKey', key: 'clr_key_test' }, fetch: api.fetch, retry: false });

describe('error mapping (SPEC §4: one typed error class per code)', () => {
  it.each(ERROR_CODES.map((code) => [code, ERROR_STATUS[code]] as const))('turns a %s problem (%i) into its own class', async (code, status) => {
    const api = fakeApi(problem(status, { code, detail: 'Refusé.', requestId: 'req-1' }));
    const error = await client(api).stock.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ERROR_CLASSES[code]);
    expect(error).toBeInstanceOf(ClrApiError);
    expect(error).toMatchObject({ status, code, detail: 'Refusé.', message: 'Refusé.', requestId: 'req-1', title: 'Erreur' });
  });

  it('has exactly one class per domain error code, each with its own name', () => {
    expect(Object.keys(ERROR_CLASSES).sort()).toEqual([...ERROR_CODES].sort());
    expect(new Set(Object.values(ERROR_CLASSES).map((c) => c.name)).size).toBe(ERROR_CODES.length);
  });

  it('carries the field errors of a validation failure, to show beside each field', async () => {
    const errors = [
      { path: 'identity.email', message: "Le courriel n'est pas valide." },
      { path: 'identity.birthDate', message: 'La date de naissance est obligatoire.' },
    ];
    const api = fakeApi(problem(400, { code: 'validation_failed', detail: 'Certaines informations sont invalides.', errors }));
    const error = (await client(api).candidates.create({} as never).catch((e: unknown) => e)) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors).toEqual(errors);
    expect(error.fieldError('identity.email')).toBe("Le courriel n'est pas valide.");
    expect(error.fieldError('identity.lastName')).toBeUndefined();
  });

  it('R8 says how many credits are needed and available when the stock is short', () => {
    const error = apiErrorFrom({ status: 409, body: { code: 'out_of_stock', detail: 'Stock insuffisant', needed: 12, available: 10 } });
    expect(error).toBeInstanceOf(OutOfStockError);
    expect(error).toMatchObject({ needed: 12, available: 10 });
  });

  it('R8 names the candidates that are not eligible', () => {
    const error = apiErrorFrom({ status: 409, body: { code: 'not_eligible', detail: 'Non éligibles', candidateIds: ['c1', 'c2'] } });
    expect(error).toBeInstanceOf(NotEligibleError);
    expect((error as NotEligibleError).candidateIds).toEqual(['c1', 'c2']);
  });

  it('says when to try again after too many attempts, from the body or from Retry-After', async () => {
    expect(apiErrorFrom({ status: 429, body: { code: 'rate_limited', retryAfterSeconds: 90 } })).toMatchObject({ retryAfterSeconds: 90 });
    const api = fakeApi(problem(429, { code: 'rate_limited', detail: 'Trop de tentatives.' }, { 'retry-after': '120' }));
    const error = await client(api).dashboard.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterSeconds: 120 });
  });

  it('takes the request id from X-Request-Id when the body has none', async () => {
    const api = fakeApi(problem(404, { code: 'not_found', detail: "Cette ressource n'existe pas." }, { 'x-request-id': 'abc-123' }));
    const error = await client(api).orders.retrieve('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ requestId: 'abc-123', method: 'GET', url: 'https://clr.test/api/v1/orders/nope' });
  });

  it('reads a 500 as an InternalServerError and an unknown answer by its status', async () => {
    expect(apiErrorFrom({ status: 500, body: { code: 'internal', detail: 'Erreur' } })).toBeInstanceOf(InternalServerError);
    expect(apiErrorFrom({ status: 502, body: {} })).toMatchObject({ code: 'internal' });
    expect(apiErrorFrom({ status: 404, body: {} })).toBeInstanceOf(NotFoundError);
    const odd = apiErrorFrom({ status: 418, body: { code: 'teapot' } });
    expect(odd.constructor).toBe(ClrApiError);
    expect(odd.code).toBe('teapot');
  });

  it('keeps the text of an error page that is not JSON as the detail', async () => {
    const api = fakeApi(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = await client(api).stock.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, detail: '<html>Bad gateway</html>' });
  });

  it('reports a network failure as a ClrNetworkError', async () => {
    const api = fakeApi(new TypeError('fetch failed'));
    const error = await client(api).dashboard.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClrNetworkError);
    expect(error).not.toBeInstanceOf(ClrApiError);
    expect(error).toMatchObject({ method: 'GET', url: 'https://clr.test/api/v1/dashboard', timedOut: false });
  });

  it('refuses an answer that breaks the contract, naming where', async () => {
    const api = fakeApi(json({ total: -1, byType: [] }, 200, { 'x-request-id': 'r-9' }));
    const error = (await client(api).stock.get().catch((e: unknown) => e)) as ClrResponseError;
    expect(error).toBeInstanceOf(ClrResponseError);
    expect(error.requestId).toBe('r-9');
    expect(error.issues[0]).toMatch(/^total:/);
  });

  it('refuses an answer that is not JSON', async () => {
    const api = fakeApi(new Response('ok', { status: 200 }));
    await expect(client(api).stock.get()).rejects.toBeInstanceOf(ClrResponseError);
  });
});
