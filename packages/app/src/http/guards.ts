import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '@clr/domain';
import type { Actor, ActorKind, ApiEnv } from './env.js';

export function unauthenticated(detail = 'Vous devez être connecté pour accéder à cette ressource.'): DomainError {
  return new DomainError('unauthenticated', detail);
}

export function forbidden(detail = "Vous n'avez pas accès à cette ressource."): DomainError {
  return new DomainError('forbidden', detail);
}

/**
 * Guards a route: 401 without credentials, 403 when the caller is of another
 * kind (`requireActor('admin', 'apiKey')` for a space's data).
 */
export function requireActor(...kinds: ActorKind[]): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const actor = c.get('actor') as Actor | undefined;
    if (!actor) throw unauthenticated();
    if (!kinds.includes(actor.kind)) throw forbidden();
    return next();
  };
}

/** The caller's space, from the session or the key, never from the request. */
export function spaceIdOf(c: Context<ApiEnv>): string {
  const actor = c.get('actor') as Actor | undefined;
  if (!actor) throw unauthenticated();
  if (actor.spaceId === null) throw forbidden('Cette ressource appartient à un espace : connectez-vous en tant qu’administrateur.');
  return actor.spaceId;
}
