import { emailChangeNeedsPassword, fr } from '@clr/domain';
import { withTransaction } from '../db/client.js';
import type { AppDeps } from '../http/env.js';
import { randomToken, sha256 } from '../http/crypto.js';
import { hashPassword, verifyDummy, verifyPassword } from '../http/passwords.js';
import { clearBucket, hit, limit, rateLimited, unhit } from '../http/rate-limit.js';
import { isUniqueViolation, validationFailed } from '../http/problem.js';
import { unauthenticated } from '../http/auth.js';
import { enqueueMail, passwordChangedMail, passwordResetMail } from './mail.js';
import { closeAdminSessions, openSession } from './sessions.js';

/** A reset link works for one hour, once. */
export const RESET_TOKEN_TTL_MS = 60 * 60_000;
/** At most this many reset e-mails per account per hour; more requests still answer 202. */
const RESET_MAILS_PER_HOUR = 3;
/** Reset requests per address in 15 minutes before 429. */
const RESET_REQUESTS_PER_ADDRESS = 20;

const accountKey = (email: string) => `login:account:${sha256(email)}`;
const addressKey = (address: string) => `login:address:${address}`;
/** Failures on one account from one address: what locks an address out of an account. */
const pairPrefix = (email: string) => `login:pair:${sha256(email)}:`;
const pairKey = (email: string, address: string) => `${pairPrefix(email)}${address}`;
/** An address this account signed in from: its owner's usual address, let in while others are throttled. */
export const KNOWN_ADDRESS_PREFIX = 'login:known:';
const knownKey = (email: string, address: string) => `${KNOWN_ADDRESS_PREFIX}${sha256(email)}:${address}`;
/** How long an address stays « usual » after the account's last login from it. */
export const KNOWN_ADDRESS_RETENTION_MS = 90 * 24 * 60 * 60_000;

async function isKnownAddress(deps: AppDeps, email: string, address: string): Promise<boolean> {
  const row = await deps.db.rateLimitBucket.findUnique({ where: { key: knownKey(email, address) }, select: { windowStart: true } });
  return row !== null && row.windowStart.getTime() > deps.now().getTime() - KNOWN_ADDRESS_RETENTION_MS;
}

async function rememberAddress(deps: AppDeps, email: string, address: string): Promise<void> {
  const key = knownKey(email, address);
  const now = deps.now();
  const updated = await deps.db.rateLimitBucket.updateMany({ where: { key }, data: { windowStart: now, count: 1 } });
  if (updated.count > 0) return;
  try {
    await deps.db.rateLimitBucket.create({ data: { key, windowStart: now, count: 1 } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // a parallel login remembered it first
  }
}

/** A success (or a new password) forgets the account's failures, from every address. */
async function clearAccountFailures(deps: AppDeps, email: string): Promise<void> {
  await clearBucket(deps, accountKey(email));
  await deps.db.rateLimitBucket.deleteMany({ where: { key: { startsWith: pairPrefix(email) } } });
}

export interface AdminView {
  id: string;
  email: string;
  lastName: string;
  firstName: string;
  role: 'admin' | 'operator';
}

export interface LoginResult {
  admin: AdminView;
  space: { id: string; name: string } | null;
  token: string;
  expiresAt: Date;
}

export function adminView(admin: { id: string; email: string; lastName: string; firstName: string; role: string }): AdminView {
  return {
    id: admin.id,
    email: admin.email,
    lastName: admin.lastName,
    firstName: admin.firstName,
    role: admin.role === 'operator' ? 'operator' : 'admin',
  };
}

const BAD_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

/**
 * §1.1 « Se connecter »: counts the attempt first (a burst cannot slip past
 * the limit), verifies the password (or spends the same work on a dummy hash
 * for an unknown e-mail: no enumeration), then opens a new session. Three
 * counters, each `windowMs` long:
 * - per account *and* address (`perAccount`): an address that failed too often
 *   on an account is refused on it, and on it only;
 * - per address (`perAddress`), whatever the accounts;
 * - per account (`perAccount`), from every address: past it, only the
 *   account's usual addresses (a login succeeded from there in the last 90
 *   days) still get in — so a stranger sending 6 bad passwords every 15
 *   minutes cannot lock the owner out.
 * A success clears the account's failures and gives the address its attempt back.
 */
export async function login(deps: AppDeps, input: { email: string; password: string }, address: string): Promise<LoginResult> {
  const { perAccount, perAddress, windowMs } = deps.config.loginLimits;
  const byPair = await hit(deps, pairKey(input.email, address), windowMs);
  const byAddress = await hit(deps, addressKey(address), windowMs);
  const byAccount = await hit(deps, accountKey(input.email), windowMs);
  const accountThrottled = byAccount.count > perAccount && !(await isKnownAddress(deps, input.email, address));
  const refusedBy = [
    byPair.count > perAccount ? byPair : undefined,
    byAddress.count > perAddress ? byAddress : undefined,
    accountThrottled ? byAccount : undefined,
  ].filter((h) => h !== undefined);
  if (refusedBy.length > 0) throw rateLimited(Math.max(...refusedBy.map((h) => h.retryAfterSeconds)));
  const admin = await deps.db.admin.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, lastName: true, firstName: true, role: true, passwordHash: true, space: { select: { id: true, name: true } } },
  });
  const ok = admin ? await verifyPassword(admin.passwordHash, input.password) : await verifyDummy(input.password);
  if (!admin || !ok || (admin.role !== 'operator' && !admin.space)) throw unauthenticated(BAD_CREDENTIALS);
  await clearAccountFailures(deps, input.email);
  await unhit(deps, addressKey(address));
  await rememberAddress(deps, input.email, address);
  await deps.db.admin.update({ where: { id: admin.id }, data: { lastLoginAt: deps.now() } });
  const session = await openSession(deps, admin.id);
  return {
    admin: adminView(admin),
    space: admin.role === 'operator' ? null : admin.space,
    token: session.token,
    expiresAt: session.expiresAt,
  };
}

/**
 * « Mot de passe oublié ? »: when the account exists, a single-use token valid
 * one hour is e-mailed (through the outbox); the caller learns nothing either
 * way (the route always answers 202).
 */
export async function requestPasswordReset(deps: AppDeps, email: string, address: string): Promise<void> {
  await limit(deps, `reset:address:${address}`, RESET_REQUESTS_PER_ADDRESS, 15 * 60_000);
  const admin = await deps.db.admin.findUnique({
    where: { email },
    select: { id: true, email: true, firstName: true, lastName: true, spaceId: true },
  });
  if (!admin) return;
  const perAccount = await hit(deps, `reset:account:${sha256(email)}`, 60 * 60_000);
  if (perAccount.count > RESET_MAILS_PER_HOUR) return;
  const token = randomToken(deps.random, 32);
  const now = deps.now();
  const link = `${deps.config.publicUrl.replace(/\/$/, '')}/mot-de-passe/reinitialiser#token=${token}`;
  await withTransaction(deps.db, async (tx) => {
    // A new link replaces any earlier one.
    await tx.passwordResetToken.deleteMany({ where: { adminId: admin.id, usedAt: null } });
    await tx.passwordResetToken.create({
      data: { adminId: admin.id, tokenHash: sha256(token), createdAt: now, expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) },
    });
    await enqueueMail(tx, passwordResetMail({ to: admin.email, firstName: admin.firstName, lastName: admin.lastName, link, spaceId: admin.spaceId }));
  });
}

const invalidToken = () => validationFailed([{ path: 'token', message: fr('resetToken.invalid') }], fr('resetToken.invalid'));

/**
 * Sets the new password from an e-mailed token: the token is spent by one
 * guarded write (single use even under concurrency), every session of the
 * account ends.
 */
export async function confirmPasswordReset(deps: AppDeps, token: string, password: string): Promise<void> {
  const row = await deps.db.passwordResetToken.findUnique({ where: { tokenHash: sha256(token) }, select: { id: true, adminId: true, usedAt: true, expiresAt: true } });
  const now = deps.now();
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) throw invalidToken();
  const passwordHash = await hashPassword(password);
  const admin = await withTransaction(deps.db, async (tx) => {
    const spent = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count !== 1) throw invalidToken();
    const updated = await tx.admin.update({
      where: { id: row.adminId },
      data: { passwordHash },
      select: { email: true, firstName: true, lastName: true, spaceId: true },
    });
    await tx.authSession.deleteMany({ where: { adminId: row.adminId } });
    await enqueueMail(tx, passwordChangedMail({ to: updated.email, firstName: updated.firstName, lastName: updated.lastName, spaceId: updated.spaceId }));
    return updated;
  });
  await clearAccountFailures(deps, admin.email);
}

/** §1.2 « Mot de passe »: the current password is required; other sessions end. */
export async function changePassword(
  deps: AppDeps,
  adminId: string,
  sessionId: string | undefined,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const admin = await deps.db.admin.findUnique({
    where: { id: adminId },
    select: { passwordHash: true, email: true, firstName: true, lastName: true, spaceId: true },
  });
  if (!admin) throw unauthenticated();
  if (!(await verifyPassword(admin.passwordHash, input.currentPassword))) {
    throw validationFailed([{ path: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }], 'Le mot de passe actuel est incorrect.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(deps.db, async (tx) => {
    await tx.admin.update({ where: { id: adminId }, data: { passwordHash } });
    await enqueueMail(tx, passwordChangedMail({ to: admin.email, firstName: admin.firstName, lastName: admin.lastName, spaceId: admin.spaceId }));
  });
  await closeAdminSessions(deps, adminId, sessionId);
}

/**
 * `PATCH /me` changing the login e-mail: the current password comes with it
 * (missing or wrong: 400 naming `currentPassword`), checked before anything is
 * said about the new address — so a stolen session can neither take the
 * account over nor learn which addresses have accounts.
 */
export async function confirmEmailChange(deps: AppDeps, adminId: string, patch: { email?: string | undefined; currentPassword?: string | undefined }): Promise<void> {
  if (patch.email === undefined) return;
  const admin = await deps.db.admin.findUnique({ where: { id: adminId }, select: { email: true, passwordHash: true } });
  if (!admin) throw unauthenticated();
  if (!emailChangeNeedsPassword(admin.email, patch)) return;
  if (!patch.currentPassword) {
    throw validationFailed([{ path: 'currentPassword', message: fr('profile.emailNeedsPassword') }], fr('profile.emailNeedsPassword'));
  }
  if (!(await verifyPassword(admin.passwordHash, patch.currentPassword))) {
    throw validationFailed([{ path: 'currentPassword', message: fr('password.currentWrong') }], fr('password.currentWrong'));
  }
}

/** Re-reads an admin for `/me`; a session whose admin vanished is no session. */
export async function loadProfile(deps: AppDeps, adminId: string) {
  const admin = await deps.db.admin.findUnique({
    where: { id: adminId },
    select: { id: true, email: true, lastName: true, firstName: true, role: true, space: { select: { id: true, name: true } } },
  });
  if (!admin) throw unauthenticated();
  return { admin: adminView(admin), space: admin.role === 'operator' ? null : admin.space };
}

