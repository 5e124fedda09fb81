import { afterEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  OutOfStockError,
  UnauthenticatedError,
  ValidationFailedError,
} from '../../src/index.js';
import { anonymous, ensureCredits, examPlatform, failure, newCandidate, remaining, signIn, unique } from './support/scenario.js';
import { target } from './support/target.js';

afterEach(async () => {
  await target().setClockOffset(0);
});

describe('sessions and profile (§1.1, §1.2)', () => {
  it('a new login ends the session the client came with (rotation)', async () => {
    const client = await signIn('demoAdmin', { fresh: true });
    const first = client.auth.sessionCookie;
    await client.auth.login(target().logins.demoAdmin);
    const second = client.auth.sessionCookie;
    expect(second).not.toBe(first);
    const stale = anonymous();
    stale.auth.sessionCookie = first;
    expect(await failure(stale.dashboard.get())).toBeInstanceOf(UnauthenticatedError);
    await client.dashboard.get();
  });

  it('logging out without a session is harmless', async () => {
    await anonymous().auth.logout();
  });

  it('« Mot de passe oublié ? » is accepted whether the account exists or not', async () => {
    const client = anonymous({ 'x-forwarded-for': `192.0.2.${Math.floor(Math.random() * 200) + 1}` });
    await client.auth.requestPasswordReset({ email: target().logins.otherAdmin.email });
    await client.auth.requestPasswordReset({ email: `${unique('nobody')}@demo.test` });
  });

  it('validation_failed: a reset with a token that is not one', async () => {
    const error = (await failure(
      anonymous().auth.confirmPasswordReset({ token: 'abc', password: 'Printemps2026', confirmation: 'Printemps2026' }),
    )) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors.map((e) => e.path)).toContain('token');
  });

  it('changes the profile, and refuses the e-mail of another administrator', async () => {
    const client = await signIn('otherAdmin');
    const me = await client.me.retrieve();
    const updated = await client.me.update({ firstName: me.admin.firstName, email: me.admin.email });
    expect(updated).toEqual(me);
    const currentPassword = target().logins.otherAdmin.password;
    expect(await failure(client.me.update({ email: target().logins.demoAdmin.email, currentPassword }))).toBeInstanceOf(ConflictError);
  });

  it('validation_failed: a new e-mail needs the current password, named before anything is said about the address', async () => {
    const client = await signIn('otherAdmin');
    const missing = (await failure(client.me.update({ email: target().logins.demoAdmin.email }))) as ValidationFailedError;
    expect(missing).toBeInstanceOf(ValidationFailedError);
    expect(missing.errors.map((e) => e.path)).toEqual(['currentPassword']);
    const wrong = (await failure(client.me.update({ email: target().logins.demoAdmin.email, currentPassword: 'pas-le-bon-1' }))) as ValidationFailedError;
    expect(wrong.errors.map((e) => e.path)).toEqual(['currentPassword']);
  });

  it('validation_failed: changing the password needs the current one and a confirmed new one', async () => {
    const client = await signIn('otherAdmin');
    const error = (await failure(
      client.me.changePassword({ currentPassword: '', newPassword: 'Automne2026!', confirmation: 'Automne2025!' }),
    )) as ValidationFailedError;
    expect(error.errors.map((e) => e.path)).toEqual(['currentPassword', 'confirmation']);
  });

  it('validation_failed: changing the password with a wrong current one names the current password', async () => {
    const client = await signIn('otherAdmin');
    const error = (await failure(
      client.me.changePassword({ currentPassword: 'pas-le-bon-1', newPassword: 'Automne2026!', confirmation: 'Automne2026!' }),
    )) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors).toEqual([{ path: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }]);
  });

  it('unauthenticated: the exam platform cannot log a candidate in with a wrong password', async () => {
    const admin = await signIn();
    const candidate = await newCandidate(admin);
    expect(await failure(examPlatform().integration.candidateLogin({ email: candidate.email, password: 'pas-le-bon' }))).toBeInstanceOf(
      UnauthenticatedError,
    );
  });
});

describe('selections (R8) and deletions (R10, R13)', () => {
  it('validation_failed: an empty selection, or a candidate chosen twice', async () => {
    const admin = await signIn();
    const candidate = await newCandidate(admin);
    const empty = (await failure(admin.assignments.bulk({ candidateIds: [], examType: 'blank-remote' }))) as ValidationFailedError;
    expect(empty.errors.map((e) => e.path)).toEqual(['candidateIds']);
    const twice = (await failure(admin.assignments.bulk({ candidateIds: [candidate.id, candidate.id], examType: 'blank-remote' }))) as ValidationFailedError;
    expect(twice.errors.map((e) => e.path)).toEqual(['candidateIds']);
  });

  it('not_found: a selection holding another space’s candidate changes nothing', async () => {
    const demo = await signIn();
    const other = await signIn('otherAdmin');
    await ensureCredits(demo, 'blank-remote', 2);
    const mine = await newCandidate(demo);
    const theirs = await newCandidate(other);
    const before = remaining(await demo.stock.get(), 'blank-remote');
    const error = await failure(demo.assignments.bulk({ candidateIds: [mine.id, theirs.id], examType: 'blank-remote' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(remaining(await demo.stock.get(), 'blank-remote')).toBe(before);
    expect((await demo.candidates.retrieve(mine.id)).status).toBe('to_assign');
  });

  it('R10 a deleted candidate leaves their groups', async () => {
    const admin = await signIn();
    const group = await admin.groups.create({ name: `Groupe ${unique()}`, category: 'class' });
    const candidate = await newCandidate(admin);
    await admin.groups.addMembers(group.id, [candidate.id]);
    await admin.candidates.delete(candidate.id);
    expect((await admin.groups.retrieve(group.id)).memberCount).toBe(0);
  });

  it('not_found: another space’s group', async () => {
    const demo = await signIn();
    const other = await signIn('otherAdmin');
    const group = await other.groups.create({ name: `Groupe ${unique()}`, category: 'client' });
    expect(await failure(demo.groups.retrieve(group.id))).toBeInstanceOf(NotFoundError);
    expect(await failure(demo.groups.update(group.id, { hidden: true }))).toBeInstanceOf(NotFoundError);
    expect(await failure(demo.groups.delete(group.id))).toBeInstanceOf(NotFoundError);
    expect((await other.groups.retrieve(group.id)).hidden).toBe(false);
  });

  it('R6 not_found: modifying when no exam is assigned', async () => {
    const admin = await signIn();
    const candidate = await newCandidate(admin);
    expect(await failure(admin.assignments.modify(candidate.id, { examType: 'blank-remote' }))).toBeInstanceOf(NotFoundError);
  });

  it('conflict: a delivered order is not paid again', async () => {
    const admin = await signIn();
    const product = (await admin.products.list()).data.find((p) => p.examType === 'demo-remote')!;
    const order = await admin.orders.create({ lines: [{ productId: product.id, quantity: 1 }] });
    await (await signIn('operator')).operator.deliverOrder(order.id);
    expect(await failure(admin.orders.checkout(order.id))).toBeInstanceOf(ConflictError);
  });
});

describe('expired credits (R4)', () => {
  it('R4 expired lots leave the stock and are never consumed', async () => {
    const admin = await signIn();
    await ensureCredits(admin, 'blank-remote', 1);
    const candidate = await newCandidate(admin);
    // Every lot expires at most 12 months after its delivery.
    await target().setClockOffset(400 * 86_400_000);
    const later = await signIn('demoAdmin', { fresh: true });
    const stock = await later.stock.get();
    expect(stock.total).toBe(0);
    expect(stock.byType.every((t) => t.lots.length === 0)).toBe(true);
    const error = await failure(later.assignments.assign(candidate.id, { examType: 'blank-remote' }));
    expect(error).toBeInstanceOf(OutOfStockError);
    expect(error).toMatchObject({ needed: 1, available: 0 });
  });
});
