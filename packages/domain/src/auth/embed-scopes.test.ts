import { describe, expect, it } from 'vitest';
import { EMBED_ORIGINS_MAX, EmbedOriginsBody, EmbedTokenBody, embedScopeAllows } from '../schemas/auth.js';

describe('embed token scopes', () => {
  it.each([
    [['read'], 'GET', true],
    [['read'], 'HEAD', true],
    [['read'], 'POST', false],
    [['read'], 'PUT', false],
    [['read'], 'PATCH', false],
    [['read'], 'DELETE', false],
    [['read', 'write'], 'GET', true],
    [['read', 'write'], 'POST', true],
    [['read', 'write'], 'DELETE', true],
  ] as const)('a token with %j may %s: %s', (scopes, method, allowed) => {
    expect(embedScopeAllows(scopes, method)).toBe(allowed);
  });

  it('a token is read-only unless its minter asks for write, and write always reads too', () => {
    expect(EmbedTokenBody.parse({ origin: 'https://intranet.exemple.fr' }).scopes).toEqual(['read']);
    expect(EmbedTokenBody.parse({ origin: 'https://intranet.exemple.fr', scopes: ['write'] }).scopes).toEqual(['read', 'write']);
    expect(EmbedTokenBody.parse({ origin: 'https://intranet.exemple.fr', scopes: ['write', 'read'] }).scopes).toEqual(['read', 'write']);
  });

  it.each([[[]], [['admin']], [['read', 'read', 'write']], ['read']])('refuses the scopes %j beside the field', (scopes) => {
    const parsed = EmbedTokenBody.safeParse({ origin: 'https://intranet.exemple.fr', scopes });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path[0]).toBe('scopes');
  });
});

describe('the allowed embedding origins (PUT /embed-origins)', () => {
  it('normalises each origin and keeps their order', () => {
    expect(EmbedOriginsBody.parse({ origins: ['HTTPS://Intranet.Exemple.fr/', 'http://localhost:5173'] }).origins).toEqual([
      'https://intranet.exemple.fr',
      'http://localhost:5173',
    ]);
    expect(EmbedOriginsBody.parse({ origins: [] }).origins).toEqual([]);
  });

  it('names the origin that is not valid by its place in the list', () => {
    const parsed = EmbedOriginsBody.safeParse({ origins: ['https://ok.exemple.fr', 'https://*.exemple.fr'] });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['origins.1', "L'origine n'est pas valide (exemple : https://intranet.exemple.fr)."]]);
  });

  it('refuses the same origin twice, however it is written', () => {
    const parsed = EmbedOriginsBody.safeParse({ origins: ['https://intranet.exemple.fr', 'HTTPS://INTRANET.exemple.fr:443/'] });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['origins.1', 'Cette origine est déjà dans la liste.']]);
  });

  it(`refuses more than ${EMBED_ORIGINS_MAX} origins`, () => {
    const origins = Array.from({ length: EMBED_ORIGINS_MAX + 1 }, (_, i) => `https://site${i}.exemple.fr`);
    expect(EmbedOriginsBody.safeParse({ origins }).error?.issues[0]?.message).toBe("Un espace peut autoriser au plus 20 origines d'intégration.");
    expect(EmbedOriginsBody.safeParse({ origins: origins.slice(1) }).success).toBe(true);
  });
});
