/**
 * `/auth`, `/me`, `/api-keys`, `/embed-origins`, `/embed-tokens` (SPEC §4 « auth », « keys »).
 */
import {
  EmbedOriginsBody,
  EmbedTokenBody,
  LoginBody,
  PasswordChangeBody,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  ProfilePatchBody,
  fr,
} from '@clr/domain';
import { SESSION_COOKIE, type Actor } from '../http/auth.js';
import { validationFailed } from '../http/problem.js';
import { json, noContent, withCookie, type RouteSpec } from '../http/route.js';
import {
  changePassword,
  closeSession,
  confirmPasswordReset,
  createApiKey,
  createEmbedToken,
  listApiKeys,
  listEmbedOrigins,
  replaceEmbedOrigins,
  login,
  profile,
  requestPasswordReset,
  revokeApiKey,
  updateProfile,
} from '../services/auth.js';

/** Hono's `setCookie` form: `clr_session=…; Max-Age=…; Path=/; HttpOnly; SameSite=Lax`. */
function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${token}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; Path=/; HttpOnly; SameSite=Lax`;
}

const CLEARED_COOKIE = `${SESSION_COOKIE}=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax`;

/** `{ name }` of a new API key: 1–100 characters once trimmed (the server's `ApiKeyCreateBody`). */
function keyName(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw validationFailed([{ path: '', message: fr('field.invalid') }]);
  const name = (body as { name?: unknown }).name;
  if (name === undefined) throw validationFailed([{ path: 'name', message: fr('field.required') }]);
  if (typeof name !== 'string' || name.trim().length < 1 || name.trim().length > 100) throw validationFailed([{ path: 'name', message: fr('field.invalid') }]);
  return name.trim();
}

export const authRoutes: RouteSpec[] = [
  {
    method: 'post',
    path: '/auth/login',
    async handle(ctx) {
      const body = ctx.parse(LoginBody, await ctx.json());
      const result = login(ctx.store, body, ctx.sessionToken);
      const maxAge = (result.expiresAt.getTime() - ctx.store.now().getTime()) / 1000;
      return withCookie(ctx, { admin: result.admin, space: result.space }, 200, sessionCookie(result.token, maxAge));
    },
  },
  {
    method: 'post',
    path: '/auth/logout',
    handle(ctx) {
      if (ctx.sessionToken) closeSession(ctx.store, ctx.sessionToken);
      return withCookie(ctx, null, 204, CLEARED_COOKIE);
    },
  },
  {
    method: 'post',
    path: '/auth/password-reset',
    async handle(ctx) {
      requestPasswordReset(ctx.store, ctx.parse(PasswordResetRequestBody, await ctx.json()).email);
      return noContent(202);
    },
  },
  {
    method: 'post',
    path: '/auth/password-reset/confirm',
    async handle(ctx) {
      const { token, password } = ctx.parse(PasswordResetConfirmBody, await ctx.json());
      confirmPasswordReset(ctx.store, token, password);
      return noContent();
    },
  },
  {
    method: 'get',
    path: '/me',
    auth: ['admin', 'operator'],
    handle: (ctx) => json(profile(ctx.store, ctx.adminId())),
  },
  {
    method: 'patch',
    path: '/me',
    auth: ['admin', 'operator'],
    async handle(ctx) {
      return json(updateProfile(ctx.store, ctx.adminId(), ctx.parse(ProfilePatchBody, await ctx.json())));
    },
  },
  {
    method: 'put',
    path: '/me/password',
    auth: ['admin', 'operator'],
    async handle(ctx) {
      const { currentPassword, newPassword } = ctx.parse(PasswordChangeBody, await ctx.json());
      changePassword(ctx.store, ctx.adminId(), ctx.sessionToken, { currentPassword, newPassword });
      return noContent();
    },
  },
  {
    method: 'get',
    path: '/api-keys',
    auth: ['admin'],
    handle(ctx) {
      const data = listApiKeys(ctx.store, ctx.spaceId());
      return json({ data, nextCursor: null, total: data.length });
    },
  },
  {
    method: 'post',
    path: '/api-keys',
    auth: ['admin'],
    async handle(ctx) {
      return json(createApiKey(ctx.store, ctx.spaceId(), keyName(await ctx.json())), 201);
    },
  },
  {
    method: 'delete',
    path: '/api-keys/:id',
    auth: ['admin'],
    handle(ctx) {
      revokeApiKey(ctx.store, ctx.spaceId(), ctx.id());
      return noContent();
    },
  },
  {
    method: 'get',
    path: '/embed-origins',
    auth: ['admin', 'apiKey'],
    handle(ctx) {
      return json(listEmbedOrigins(ctx.store, ctx.spaceId()));
    },
  },
  {
    method: 'put',
    path: '/embed-origins',
    auth: ['admin', 'apiKey'],
    async handle(ctx) {
      const { origins } = ctx.parse(EmbedOriginsBody, await ctx.json());
      return json(replaceEmbedOrigins(ctx.store, ctx.actor as Actor, origins));
    },
  },
  {
    method: 'post',
    path: '/embed-tokens',
    auth: ['apiKey', 'embed'],
    async handle(ctx) {
      const body = ctx.parse(EmbedTokenBody, await ctx.json());
      return json(createEmbedToken(ctx.store, ctx.actor as Actor, body), 201);
    },
  },
];
