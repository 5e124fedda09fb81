import { describe, expect, it } from 'vitest';
import {
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationFailedError,
} from '../../src/index.js';
import { anonymous, failure, newCandidate, signIn, unique } from './support/scenario.js';
import { target } from './support/target.js';

describe('signing in (§1.1) and the profile (§1.2)', () => {
  it('logs the demo administrator in to the space « Démo » and shows the profile', async () => {
    const client = anonymous();
    const session = await client.auth.login(target().logins.demoAdmin);
    expect(session.admin).toMatchObject({ email: target().logins.demoAdmin.email, role: 'admin' });
    expect(session.space?.name).toBe('Démo');
    expect(await client.me.retrieve()).toEqual(session);
  });

  it('logs the operator in without a space', async () => {
    const session = await anonymous().auth.login(target().logins.operator);
    expect(session.admin.role).toBe('operator');
    expect(session.space).toBeNull();
  });

  it('ends the session at logout: the next call is unauthenticated', async () => {
    const client = await signIn('demoAdmin', { fresh: true });
    await client.auth.logout();
    expect(await failure(client.dashboard.get())).toBeInstanceOf(UnauthenticatedError);
  });

  it('unauthenticated: refuses a wrong password with the same answer as an unknown account', async () => {
    const client = anonymous({ 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 200) + 1}` });
    const wrong = await failure(client.auth.login({ email: target().logins.demoAdmin.email, password: 'pas-le-bon-1' }));
    const unknown = await failure(client.auth.login({ email: `${unique('nobody')}@demo.test`, password: 'pas-le-bon-1' }));
    expect(wrong).toBeInstanceOf(UnauthenticatedError);
    expect(unknown).toBeInstanceOf(UnauthenticatedError);
    expect((wrong as UnauthenticatedError).detail).toBe((unknown as UnauthenticatedError).detail);
    expect((wrong as UnauthenticatedError).status).toBe(401);
  });

  it('unauthenticated: refuses every space route without a session or key', async () => {
    expect(await failure(anonymous().candidates.list())).toBeInstanceOf(UnauthenticatedError);
    expect(await failure(anonymous().stock.get())).toBeInstanceOf(UnauthenticatedError);
  });

  it('unauthenticated: refuses an API key that does not exist', async () => {
    const { createClient } = await import('../../src/index.js');
    const client = createClient({ baseUrl: target().baseUrl, auth: { kind: 'apiKey', key: `clr_key_${unique()}` }, retry: false });
    expect(await failure(client.dashboard.get())).toBeInstanceOf(UnauthenticatedError);
  });

  it('validation_failed: names both login fields when empty', async () => {
    const error = (await failure(anonymous().auth.login({ email: '', password: '' }))) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors.map((e) => e.path)).toEqual(['email', 'password']);
  });

  it('rate_limited: after 5 failed logins on an account the next is refused for a while', async () => {
    const email = `${unique('locked')}@demo.test`;
    const client = anonymous({ 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 200) + 1}` });
    for (let i = 0; i < 5; i++) {
      expect(await failure(client.auth.login({ email, password: 'mauvais-mot-de-passe' }))).toBeInstanceOf(UnauthenticatedError);
    }
    const error = (await failure(client.auth.login({ email, password: 'mauvais-mot-de-passe' }))) as RateLimitedError;
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.detail).toMatch(/Réessayez/);
  });

  it('forbidden: an administrator cannot use the operator’s back office', async () => {
    const admin = await signIn();
    const products = await admin.products.list();
    const order = await admin.orders.create({ lines: [{ productId: products.data[0]!.id, quantity: 1 }] });
    const error = await failure(admin.operator.deliverOrder(order.id));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('forbidden: the operator has no space data of their own', async () => {
    const operator = await signIn('operator');
    expect(await failure(operator.candidates.list())).toBeInstanceOf(ForbiddenError);
  });
});

describe('spaces are isolated (SPEC §2: nothing crosses spaces)', () => {
  it('not_found: another space’s candidate does not exist for me, and never shows in my lists', async () => {
    const demo = await signIn('demoAdmin');
    const other = await signIn('otherAdmin');
    const candidate = await newCandidate(demo);
    const error = await failure(other.candidates.retrieve(candidate.id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    expect(await failure(other.candidates.update(candidate.id, { information: { funding: 'other' } }))).toBeInstanceOf(NotFoundError);
    expect(await failure(other.candidates.delete(candidate.id))).toBeInstanceOf(NotFoundError);
    const search = await other.candidates.list({ q: candidate.email, includeHidden: true });
    expect(search.data).toEqual([]);
  });

  it('not_found: an unknown id', async () => {
    const admin = await signIn();
    const error = await failure(admin.orders.retrieve(unique('missing')));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestId).toEqual(expect.any(String));
  });
});
