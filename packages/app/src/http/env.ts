import type { EmbedScope } from '@clr/domain';

/**
 * Who is calling. The space **always** comes from here (the session or the
 * key), never from the request: a use case's route reads it with `spaceIdOf`.
 * The server's `identify` and the mocks' identification both set it.
 */
export type Actor =
  | { kind: 'admin'; spaceId: string; adminId: string }
  | {
      kind: 'apiKey';
      spaceId: string;
      adminId?: undefined;
      apiKeyId: string;
      /** Set when the caller holds an embed token minted by this key for this origin. */
      embedOrigin?: string;
      /** An embed token's scopes (`read`, `write`); undefined for the API key itself, which may do everything. */
      embedScopes?: readonly EmbedScope[];
    }
  | { kind: 'operator'; spaceId: null; adminId: string }
  | { kind: 'integration'; spaceId: null; adminId?: undefined; apiKeyId: string };

export type ActorKind = Actor['kind'];

/** What the application's routers read from a request's context. */
export interface ApiEnv {
  Variables: {
    /** Set by the identification middleware given to `createApi`. */
    actor: Actor;
    requestId: string;
  };
}
