import type { CallOptions } from '../core/transport.js';
import { Session } from '../schemas.js';
import { Resource } from './resource.js';

/** `/auth` (§1.1): sign in and out, reset a forgotten password. */
export class AuthResource extends Resource {
  /**
   * Opens a session (`POST /auth/login`). In a browser the cookie is the
   * browser's; in Node the client keeps it and sends it back on every call.
   */
  async login(credentials: { email: string; password: string }, options?: CallOptions): Promise<Session> {
    const session = await this.http.json({ method: 'POST', path: 'auth/login', body: credentials, schema: Session, options });
    this.http.setSessionScope(session.space?.id ?? `operator:${session.admin.id}`);
    return session;
  }

  /** Ends the session; the client forgets its cookie and its cached pages (and drafts unless `keepDrafts`). */
  async logout(options?: CallOptions & { keepDrafts?: boolean }): Promise<void> {
    const scope = await this.http.cacheScope();
    try {
      await this.http.empty({ method: 'POST', path: 'auth/logout', options });
    } finally {
      this.http.forgetSession();
      await this.http.cache?.clearPages(scope).catch(() => undefined);
      if (!options?.keepDrafts) await this.http.cache?.clearDrafts(scope).catch(() => undefined);
    }
  }

  /** « Mot de passe oublié ? »: always accepted (202), whether the account exists or not. */
  requestPasswordReset(body: { email: string }, options?: CallOptions): Promise<void> {
    return this.http.empty({ method: 'POST', path: 'auth/password-reset', body, options });
  }

  /** Sets a new password with the e-mailed token (single use). */
  confirmPasswordReset(body: { token: string; password: string; confirmation: string }, options?: CallOptions): Promise<void> {
    return this.http.empty({ method: 'POST', path: 'auth/password-reset/confirm', body, options });
  }

  /** The session cookie the client holds in Node (`clr_session=…`), or null. */
  get sessionCookie(): string | null {
    return this.http.sessionCookie;
  }

  /** Resumes a session from a cookie kept elsewhere (Node). */
  set sessionCookie(cookie: string | null) {
    this.http.sessionCookie = cookie;
  }
}

/** `/me` (§1.2 « Profil »). */
export class MeResource extends Resource {
  async retrieve(options?: CallOptions): Promise<Session> {
    const session = await this.http.json({ method: 'GET', path: 'me', schema: Session, options });
    if (this.http.auth.kind === 'session') this.http.setSessionScope(session.space?.id ?? `operator:${session.admin.id}`);
    return session;
  }

  /** Changes any of last name, first name, e-mail; a new e-mail also takes `currentPassword`, the current password. */
  update(patch: { lastName?: string; firstName?: string; email?: string; currentPassword?: string }, options?: CallOptions): Promise<Session> {
    return this.http.json({ method: 'PATCH', path: 'me', body: patch, schema: Session, options });
  }

  /** Changes the password (the current one is required); the other sessions are closed. */
  changePassword(body: { currentPassword: string; newPassword: string; confirmation: string }, options?: CallOptions): Promise<void> {
    return this.http.empty({ method: 'PUT', path: 'me/password', body, options });
  }
}
