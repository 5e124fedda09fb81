import { Attempt, AttemptStarted, ValidationDecisionBody, type EmbedScope } from '@clr/domain';
import type { z } from 'zod';
import type { CallOptions } from '../core/transport.js';
import { ApiKey, ApiKeyCreated, ApiKeyList, EmbedOrigins, EmbedToken, IntegrationLogin } from '../schemas.js';
import { Resource, seg } from './resource.js';

/**
 * `/integration`: what the exam platform calls, with the integration key
 * (`createClient({ auth: { kind: 'apiKey', key: 'clr_int_…' } })`). This is how
 * results arrive.
 */
export class IntegrationResource extends Resource {
  /** A candidate logs in on the exam platform (updates « dernière connexion »). */
  candidateLogin(body: { email: string; password: string }, options?: CallOptions): Promise<IntegrationLogin> {
    return this.http.json({ method: 'POST', path: 'integration/candidates/login', body, schema: IntegrationLogin, options });
  }

  /** Starts an attempt with the invigilator's activation code (single use, R15) or for an assignment without one. */
  startAttempt(body: { activationCode: string } | { assignmentId: string }, options?: CallOptions): Promise<AttemptStarted> {
    return this.http.json({ method: 'POST', path: 'integration/attempts', body, schema: AttemptStarted, options });
  }

  /** Posts the score /1000 and when the exam was taken. */
  postScore(attemptId: string, body: { score: number; takenAt: string }, options?: CallOptions): Promise<Attempt> {
    return this.http.json({ schema: Attempt, method: 'POST', path: `integration/attempts/${seg(attemptId)}/score`, body, options });
  }

  /** An examiner's decision on a manually validated exam. */
  postValidation(attemptId: string, body: z.input<typeof ValidationDecisionBody>, options?: CallOptions): Promise<Attempt> {
    return this.http.json({ schema: Attempt, method: 'POST', path: `integration/attempts/${seg(attemptId)}/validation`, body, options });
  }
}

/** `/api-keys` and `/embed-tokens`: programs' access to the space. */
export class ApiKeysResource extends Resource {
  list(options?: CallOptions): Promise<ApiKeyList> {
    return this.http.json({ method: 'GET', path: 'api-keys', schema: ApiKeyList, options });
  }

  /** A new key; its secret is in the answer and nowhere else, ever. */
  create(body: { name: string }, options?: CallOptions): Promise<ApiKeyCreated> {
    return this.http.json({ method: 'POST', path: 'api-keys', body, schema: ApiKeyCreated, options });
  }

  /** Revokes a key. */
  delete(id: string, options?: CallOptions): Promise<void> {
    return this.http.empty({ method: 'DELETE', path: `api-keys/${seg(id)}`, options });
  }

  /**
   * Mints a short-lived token for elements embedded on `origin` (call it from
   * your back end, with your API key). It is read-only unless `scopes` asks for
   * `write` as well (`['read', 'write']`: an order cart, an assignment dialog).
   */
  createEmbedToken(body: { origin: string; ttlSeconds?: number; scopes?: EmbedScope[] }, options?: CallOptions): Promise<EmbedToken> {
    return this.http.json({ method: 'POST', path: 'embed-tokens', body, schema: EmbedToken, options });
  }
}

/** `/embed-origins`: the origins (`https://host[:port]`) allowed to embed the space's elements. */
export class EmbedOriginsResource extends Resource {
  list(options?: CallOptions): Promise<EmbedOrigins> {
    return this.http.json({ method: 'GET', path: 'embed-origins', schema: EmbedOrigins, options });
  }

  /** Replaces the whole list (at most 20, no path, no wildcard); tokens of a removed origin stop working at once. */
  replace(origins: string[], options?: CallOptions): Promise<EmbedOrigins> {
    return this.http.json({ method: 'PUT', path: 'embed-origins', body: { origins }, schema: EmbedOrigins, options });
  }
}

export type { ApiKey };
