/**
 * Accounts (§1.1, §1.2), as the server's `services/auth.ts` and
 * `services/sessions.ts`: login with a per-account and per-address limit,
 * sessions (rotated at login, idle 30 min, absolute 12 h), password reset by
 * e-mailed link (always 202), profile and password change; API keys and
 * embed tokens. Passwords are plain strings compared in memory: the mocks
 * hold demo accounts only.
 */
import {
  DomainError,
  emailChangeNeedsPassword,
  fr,
  isAllowedOrigin,
  type AdminProfile,
  type EmbedScope,
  type EmbedTokenBody,
  type ProfilePatchBody,
  type SpaceRef,
} from '@clr/domain';
import { passwordChangedMail, passwordResetMail } from '@clr/app';
import { EMBED_PREFIX, type Actor } from '../http/auth.js';
import { forbidden, notFound, unauthenticated, validationFailed } from '../http/problem.js';
import { randomToken } from '../store/encoding.js';
import type { MockStore } from '../store/store.js';
import type { AdminRecord, ApiKeyRecord } from '../store/types.js';

/** The only client address the mocks know: every caller shares it (as every local caller of a dev server does). */
export const MOCK_ADDRESS = 'local';

// ---------------------------------------------------------------------------
// Fixed-window counters (the server's `http/rate-limit.ts`)

interface Hit {
  count: number;
  retryAfterSeconds: number;
}

export function hit(store: MockStore, key: string, windowMs: number): Hit {
  const now = store.now().getTime();
  let bucket = store.state.rateLimits.find((b) => b.key === key);
  if (!bucket) {
    bucket = { key, windowStart: new Date(now).toISOString(), count: 0 };
    store.state.rateLimits.push(bucket);
  } else if (Date.parse(bucket.windowStart) <= now - windowMs) {
    bucket.windowStart = new Date(now).toISOString();
    bucket.count = 0;
  }
  bucket.count += 1;
  return { count: bucket.count, retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(bucket.windowStart) + windowMs - now) / 1000)) };
}

function unhit(store: MockStore, key: string): void {
  const bucket = store.state.rateLimits.find((b) => b.key === key);
  if (bucket && bucket.count > 0) bucket.count -= 1;
}

function clearBucket(store: MockStore, key: string): void {
  store.state.rateLimits = store.state.rateLimits.filter((b) => b.key !== key);
}

export function rateLimited(retryAfterSeconds: number): DomainError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new DomainError('rate_limited', `Trop de tentatives. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`, {
    retryAfterSeconds,
  });
}

/** Counts a hit and throws 429 `rate_limited` (with `Retry-After`) past `max`. */
export function limit(store: MockStore, key: string, max: number, windowMs: number): void {
  const h = hit(store, key, windowMs);
  if (h.count > max) throw rateLimited(h.retryAfterSeconds);
}

// ---------------------------------------------------------------------------
// Sessions and login

export interface SessionView {
  admin: AdminProfile;
  /** null for an operator: platform staff belong to no space. */
  space: SpaceRef | null;
}

export function adminView(admin: AdminRecord): AdminProfile {
  return { id: admin.id, email: admin.email, lastName: admin.lastName, firstName: admin.firstName, role: admin.role };
}

function sessionView(store: MockStore, admin: AdminRecord): SessionView {
  const space = admin.role === 'operator' ? null : store.state.spaces.find((s) => s.id === admin.spaceId);
  return { admin: adminView(admin), space: space ? { id: space.id, name: space.name } : null };
}

const BAD_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';
const accountKey = (email: string) => `login:account:${email}`;
const addressKey = (address: string) => `login:address:${address}`;

export interface LoginResult extends SessionView {
  token: string;
  expiresAt: Date;
}

/**
 * §1.1 « Se connecter »: the attempt counts against the account and the
 * address first; a success clears the account's failures, gives the address
 * its attempt back, ends the session the caller came with (rotation) and
 * opens a new one.
 */
export function login(store: MockStore, input: { email: string; password: string }, previousToken: string | undefined): LoginResult {
  const { perAccount, perAddress, windowMs } = store.config.loginLimits;
  const byAccount = hit(store, accountKey(input.email), windowMs);
  const byAddress = hit(store, addressKey(MOCK_ADDRESS), windowMs);
  if (byAccount.count > perAccount || byAddress.count > perAddress) {
    throw rateLimited(
      Math.max(byAccount.count > perAccount ? byAccount.retryAfterSeconds : 0, byAddress.count > perAddress ? byAddress.retryAfterSeconds : 0),
    );
  }
  const admin = store.state.admins.find((a) => a.email === input.email);
  if (!admin || admin.password !== input.password || (admin.role !== 'operator' && !admin.spaceId)) throw unauthenticated(BAD_CREDENTIALS);
  clearBucket(store, accountKey(input.email));
  unhit(store, addressKey(MOCK_ADDRESS));
  const now = store.now();
  admin.lastLoginAt = now.toISOString();
  if (previousToken) closeSession(store, previousToken);
  const token = randomToken(store.random, 32);
  const expiresAt = new Date(now.getTime() + store.config.sessionAbsoluteMs);
  store.state.sessions.push({ token, adminId: admin.id, createdAt: now.toISOString(), lastSeenAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { ...sessionView(store, admin), token, expiresAt };
}

export function closeSession(store: MockStore, token: string): void {
  store.state.sessions = store.state.sessions.filter((s) => s.token !== token);
}

function closeAdminSessions(store: MockStore, adminId: string, except?: string): void {
  store.state.sessions = store.state.sessions.filter((s) => s.adminId !== adminId || s.token === except);
}

function requireAdmin(store: MockStore, adminId: string): AdminRecord {
  const admin = store.state.admins.find((a) => a.id === adminId);
  if (!admin) throw unauthenticated();
  return admin;
}

/** `GET /me`. */
export function profile(store: MockStore, adminId: string): SessionView {
  return sessionView(store, requireAdmin(store, adminId));
}

/** `PATCH /me` (§1.2 « Profil »): an e-mail already used by another account is a 409 naming `email`. */
export function updateProfile(store: MockStore, adminId: string, patch: ProfilePatchBody): SessionView {
  const admin = requireAdmin(store, adminId);
  // Changing the login e-mail takes the current password, checked before anything is said about the address.
  if (emailChangeNeedsPassword(admin.email, patch)) {
    if (!patch.currentPassword) throw validationFailed([{ path: 'currentPassword', message: fr('profile.emailNeedsPassword') }], fr('profile.emailNeedsPassword'));
    if (admin.password !== patch.currentPassword) throw validationFailed([{ path: 'currentPassword', message: fr('password.currentWrong') }], fr('password.currentWrong'));
  }
  if (patch.email !== undefined && store.state.admins.some((a) => a.id !== adminId && a.email === patch.email)) {
    throw new DomainError('conflict', 'Cette valeur est déjà utilisée (email).', {
      field: 'email',
      errors: [{ path: 'email', message: 'Cette valeur est déjà utilisée.' }],
    });
  }
  if (patch.lastName !== undefined) admin.lastName = patch.lastName;
  if (patch.firstName !== undefined) admin.firstName = patch.firstName;
  if (patch.email !== undefined) admin.email = patch.email;
  return sessionView(store, admin);
}

function sendPasswordChanged(store: MockStore, admin: AdminRecord): void {
  store.sendMail(passwordChangedMail({ to: admin.email, firstName: admin.firstName, lastName: admin.lastName, spaceId: admin.spaceId }));
}

/** §1.2 « Mot de passe »: the current password is required; the other sessions end. */
export function changePassword(store: MockStore, adminId: string, sessionToken: string | undefined, input: { currentPassword: string; newPassword: string }): void {
  const admin = requireAdmin(store, adminId);
  if (admin.password !== input.currentPassword) {
    throw validationFailed([{ path: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }], 'Le mot de passe actuel est incorrect.');
  }
  admin.password = input.newPassword;
  sendPasswordChanged(store, admin);
  closeAdminSessions(store, adminId, sessionToken);
}

/** A reset link works for one hour, once. */
const RESET_TOKEN_TTL_MS = 60 * 60_000;

/**
 * « Mot de passe oublié ? »: when the account exists, a single-use link valid
 * one hour is e-mailed (the latest replaces the earlier ones); the caller
 * learns nothing either way (202).
 */
export function requestPasswordReset(store: MockStore, email: string): void {
  limit(store, `reset:address:${MOCK_ADDRESS}`, 20, 15 * 60_000);
  const admin = store.state.admins.find((a) => a.email === email);
  if (!admin) return;
  if (hit(store, `reset:account:${email}`, 60 * 60_000).count > 3) return;
  const token = randomToken(store.random, 32);
  const now = store.now();
  store.state.resetTokens = store.state.resetTokens.filter((t) => t.adminId !== admin.id || t.usedAt !== null);
  store.state.resetTokens.push({
    token,
    adminId: admin.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS).toISOString(),
    usedAt: null,
  });
  store.sendMail(
    passwordResetMail({
      to: admin.email,
      firstName: admin.firstName,
      lastName: admin.lastName,
      spaceId: admin.spaceId,
      link: `${store.config.publicUrl.replace(/\/$/, '')}/mot-de-passe/reinitialiser#token=${token}`,
    }),
  );
}

/** Sets the new password from an e-mailed token (single use); every session of the account ends. */
export function confirmPasswordReset(store: MockStore, token: string, password: string): void {
  const row = store.state.resetTokens.find((t) => t.token === token);
  const now = store.now();
  if (!row || row.usedAt !== null || Date.parse(row.expiresAt) <= now.getTime()) {
    throw validationFailed([{ path: 'token', message: fr('resetToken.invalid') }], fr('resetToken.invalid'));
  }
  row.usedAt = now.toISOString();
  const admin = requireAdmin(store, row.adminId);
  admin.password = password;
  closeAdminSessions(store, admin.id);
  sendPasswordChanged(store, admin);
  clearBucket(store, accountKey(admin.email));
}

// ---------------------------------------------------------------------------
// API keys and embed tokens

export interface ApiKeyView {
  id: string;
  name: string;
  /** The key's first characters, to recognise it in a list. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

function keyView(key: ApiKeyRecord): ApiKeyView {
  return { id: key.id, name: key.name, prefix: key.secret.slice(0, 12), createdAt: key.createdAt, lastUsedAt: key.lastUsedAt };
}

/** `GET /api-keys`: the space's live keys, newest first. */
export function listApiKeys(store: MockStore, spaceId: string): ApiKeyView[] {
  return store.state.apiKeys
    .filter((k) => k.spaceId === spaceId && k.kind === 'space' && k.revokedAt === null)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1))
    .map(keyView);
}

/** `POST /api-keys` `{ name }`: the secret is shown once, in this answer. */
export function createApiKey(store: MockStore, spaceId: string, name: string): ApiKeyView & { secret: string } {
  const key: ApiKeyRecord = {
    id: store.nextId('key'),
    spaceId,
    kind: 'space',
    name,
    secret: `clr_key_${randomToken(store.random, 32)}`,
    createdAt: store.now().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  store.state.apiKeys.push(key);
  return { ...keyView(key), secret: key.secret };
}

/** `DELETE /api-keys/:id`: revoked at once (404 for another space's key). */
export function revokeApiKey(store: MockStore, spaceId: string, id: string): void {
  const key = store.state.apiKeys.find((k) => k.id === id && k.spaceId === spaceId && k.kind === 'space' && k.revokedAt === null);
  if (!key) throw notFound("Cette clé d'API n'existe pas.");
  key.revokedAt = store.now().toISOString();
}

/**
 * `POST /embed-tokens` `{ origin, ttlSeconds }`: a partner's back end, with its
 * API key (never an embed token), mints a short-lived token for elements
 * embedded in one of the space's allowed origins; the token acts for the
 * space from that origin only, and dies with its key.
 */
export function createEmbedToken(store: MockStore, actor: Actor, body: EmbedTokenBody): { token: string; expiresAt: string; scopes: EmbedScope[] } {
  if (actor.kind !== 'apiKey') throw forbidden("Un jeton d'intégration ne peut pas en créer d'autres : utilisez votre clé d'API.");
  const space = store.state.spaces.find((s) => s.id === actor.spaceId);
  if (!space || !isAllowedOrigin(body.origin, space.embedOrigins)) {
    throw forbidden(`L'origine ${body.origin} n'est pas autorisée à intégrer les composants de votre espace.`);
  }
  const now = store.now();
  const end = Math.floor(now.getTime() / 1000) + body.ttlSeconds;
  const token = `${EMBED_PREFIX}${randomToken(store.random, 32)}`;
  const expiresAt = new Date(end * 1000).toISOString();
  store.state.embedTokens = store.state.embedTokens.filter((t) => Date.parse(t.expiresAt) > now.getTime());
  store.state.embedTokens.push({ token, apiKeyId: actor.apiKeyId, spaceId: space.id, origin: body.origin, scopes: body.scopes, createdAt: now.toISOString(), expiresAt });
  return { token, expiresAt, scopes: body.scopes };
}

/** `GET /embed-origins`: the space's allowed embedding origins, in the list's order. */
export function listEmbedOrigins(store: MockStore, spaceId: string): { data: string[] } {
  const space = store.state.spaces.find((s) => s.id === spaceId);
  if (!space) throw notFound("Cet espace n'existe pas.");
  return { data: [...space.embedOrigins] };
}

/**
 * `PUT /embed-origins` `{ origins }`: replaces the list (validated and
 * normalised by the domain's `EmbedOriginsBody`); an administrator's session
 * or the API key, never an embed token. Tokens of a removed origin stop at once.
 */
export function replaceEmbedOrigins(store: MockStore, actor: Actor, origins: string[]): { data: string[] } {
  if (actor.kind === 'embed') throw forbidden("Un jeton d'intégration ne peut pas lire ni changer les origines autorisées : utilisez votre clé d'API ou une session administrateur.");
  const space = store.state.spaces.find((s) => s.id === actor.spaceId);
  if (!space) throw notFound("Cet espace n'existe pas.");
  space.embedOrigins = [...origins];
  return { data: [...origins] };
}
