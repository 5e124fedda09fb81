import { z } from 'zod';
import { fr } from '../i18n/messages.js';
import { ADMIN_PASSWORD_POLICY, PASSWORD_MAX_LENGTH, passwordField } from '../auth/password-policy.js';
import { normaliseOrigin } from '../auth/embed-origin.js';
import { emailField, requiredText, sameAs } from './fields.js';

/** Longest password accepted as typed: a bound on the hashing work, well above any policy's maximum. */
const TYPED_PASSWORD_MAX_LENGTH = PASSWORD_MAX_LENGTH * 8;

/** A password as typed at login: never trimmed, never checked against the policy (that would leak it). */
const typedPassword = (message: 'password.required' | 'password.currentRequired' = 'password.required') =>
  z
    .string({ error: fr(message) })
    .min(1, { error: fr(message) })
    .max(TYPED_PASSWORD_MAX_LENGTH, { error: fr('password.tooLong', { max: TYPED_PASSWORD_MAX_LENGTH }) });

/** `POST /auth/login` (§1.1: « saisissez votre identifiant et votre mot de passe »). */
export const LoginBody = z.object(
  { email: emailField(), password: typedPassword() },
  { error: fr('body.invalid') },
);
export type LoginBody = z.output<typeof LoginBody>;

/** `POST /auth/password-reset` (« Mot de passe oublié ? »): always answered 202. */
export const PasswordResetRequestBody = z.object({ email: emailField() }, { error: fr('body.invalid') });
export type PasswordResetRequestBody = z.output<typeof PasswordResetRequestBody>;

/** `POST /auth/password-reset/confirm`: the token of the e-mailed link and the new password, confirmed. */
export const PasswordResetConfirmBody = z
  .object(
    {
      token: z
        .string({ error: fr('resetToken.invalid') })
        .min(16, { error: fr('resetToken.invalid') })
        .max(512, { error: fr('resetToken.invalid') }),
      password: passwordField(ADMIN_PASSWORD_POLICY),
      confirmation: z
        .string({ error: fr('password.confirmationRequired') })
        .min(1, { error: fr('password.confirmationRequired') }),
    },
    { error: fr('body.invalid') },
  )
  .refine(...sameAs('password', 'confirmation', 'password.mismatch'));
export type PasswordResetConfirmBody = z.output<typeof PasswordResetConfirmBody>;

/**
 * `PATCH /me` (§1.2 « Profil »): any of last name, first name, e-mail; at
 * least one. Changing the e-mail (the login) also takes the current password
 * ({@link emailChangeNeedsPassword}).
 */
export const ProfilePatchBody = z
  .object(
    {
      currentPassword: z.string({ error: fr('profile.emailNeedsPassword') }).max(1024, { error: fr('profile.emailNeedsPassword') }).optional(),
      lastName: requiredText({ required: 'lastName.required', tooLong: 'lastName.tooLong', invalid: 'lastName.invalid' }).optional(),
      firstName: requiredText({
        required: 'firstName.required',
        tooLong: 'firstName.tooLong',
        invalid: 'firstName.invalid',
      }).optional(),
      email: emailField().optional(),
    },
    { error: fr('body.invalid') },
  )
  .refine((v) => v.lastName !== undefined || v.firstName !== undefined || v.email !== undefined, {
    error: fr('update.empty'),
  });
export type ProfilePatchBody = z.output<typeof ProfilePatchBody>;

/**
 * Does this patch change the login e-mail? Then the current password must come
 * with it (a stolen session alone cannot take the account over), checked
 * before anything else is said about the new address.
 */
export function emailChangeNeedsPassword(currentEmail: string, patch: Pick<ProfilePatchBody, 'email'>): boolean {
  return patch.email !== undefined && patch.email !== currentEmail.trim().toLowerCase();
}

/** `PUT /me/password` (§1.2 « Mot de passe »): current password, new one under the administrators' policy, confirmed. */
export const PasswordChangeBody = z
  .object(
    {
      currentPassword: typedPassword('password.currentRequired'),
      newPassword: passwordField(ADMIN_PASSWORD_POLICY),
      confirmation: z
        .string({ error: fr('password.confirmationRequired') })
        .min(1, { error: fr('password.confirmationRequired') }),
    },
    { error: fr('body.invalid') },
  )
  .refine(...sameAs('newPassword', 'confirmation', 'password.mismatch'))
  .refine((v) => v.newPassword !== v.currentPassword, {
    error: fr('password.sameAsCurrent'),
    path: ['newPassword'],
    when: (payload) => {
      const v = payload.value as { newPassword?: unknown; currentPassword?: unknown } | undefined;
      return typeof v?.newPassword === 'string' && typeof v?.currentPassword === 'string';
    },
  });
export type PasswordChangeBody = z.output<typeof PasswordChangeBody>;

export const EMBED_TOKEN_TTL_DEFAULT = 900;
export const EMBED_TOKEN_TTL_MAX = 3600;

/**
 * What an embed token may do: `read` (every GET: lists, files, exports, codes)
 * and `write` (every other method). A token is read-only unless its minter asks
 * for `write`: a table or a results page needs no more.
 */
export const EMBED_SCOPES = ['read', 'write'] as const;
export type EmbedScope = (typeof EMBED_SCOPES)[number];

/** May a token with `scopes` make a request with `method`? */
export function embedScopeAllows(scopes: readonly EmbedScope[], method: string): boolean {
  const safe = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
  return scopes.includes(safe ? 'read' : 'write');
}

/** The most embedding origins one space may list. */
export const EMBED_ORIGINS_MAX = 20;

/** One origin, normalised (`https://intranet.exemple.fr`), or the field's French message. */
const OriginField = z.string({ error: fr('origin.invalid') }).transform((s, ctx) => {
  const origin = normaliseOrigin(s);
  if (origin === null) {
    ctx.addIssue({ code: 'custom', message: fr('origin.invalid') });
    return z.NEVER;
  }
  return origin;
});

/** `POST /embed-tokens`: the origin that will embed the elements (normalised) and a lifetime in seconds. */
export const EmbedTokenBody = z.object(
  {
    origin: OriginField,
    ttlSeconds: z
      .number({ error: fr('ttlSeconds.invalid', { max: EMBED_TOKEN_TTL_MAX }) })
      .int({ error: fr('ttlSeconds.invalid', { max: EMBED_TOKEN_TTL_MAX }) })
      .min(60, { error: fr('ttlSeconds.invalid', { max: EMBED_TOKEN_TTL_MAX }) })
      .max(EMBED_TOKEN_TTL_MAX, { error: fr('ttlSeconds.invalid', { max: EMBED_TOKEN_TTL_MAX }) })
      .default(EMBED_TOKEN_TTL_DEFAULT),
    scopes: z
      .array(z.enum(EMBED_SCOPES, { error: fr('scopes.invalid') }), { error: fr('scopes.invalid') })
      .min(1, { error: fr('scopes.invalid') })
      .max(EMBED_SCOPES.length, { error: fr('scopes.invalid') })
      .default(['read'])
      // `write` without `read` would be a token that can change what it cannot see: it reads too.
      .transform((scopes): EmbedScope[] => (scopes.includes('write') ? ['read', 'write'] : ['read'])),
  },
  { error: fr('body.invalid') },
);
export type EmbedTokenBody = z.output<typeof EmbedTokenBody>;

/**
 * `PUT /embed-origins`: the space's whole list of allowed embedding origins
 * (`scheme://host[:port]`, https — or http on localhost —, no path, no
 * wildcard), each normalised, none twice, at most {@link EMBED_ORIGINS_MAX}.
 */
export const EmbedOriginsBody = z.object(
  {
    origins: z
      .array(OriginField, { error: fr('body.invalid') })
      .max(EMBED_ORIGINS_MAX, { error: fr('origins.tooMany', { max: EMBED_ORIGINS_MAX }) })
      .superRefine((origins, ctx) => {
        origins.forEach((origin, index) => {
          if (origins.indexOf(origin) !== index) ctx.addIssue({ code: 'custom', path: [index], message: fr('origins.duplicate') });
        });
      }),
  },
  { error: fr('body.invalid') },
);
export type EmbedOriginsBody = z.output<typeof EmbedOriginsBody>;
