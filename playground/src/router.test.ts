import { describe, expect, it } from 'vitest';
import { safeReturn } from './router.js';

/**
 * Finding 9 (part): `safeReturn` let `%09` and newlines through, so that
 * `/connexion?retour=/%09/evil.example` sent the browser to `//evil.example`
 * (URL parsing drops the tab) and blocked the login page.
 */
describe('the return path after login (« retour »)', () => {
  it.each(['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '/\u0000/evil.example', '/\\evil.example', '/\t\\evil.example', '//evil.example', 'https://evil.example', 'javascript:alert(1)', '', null])(
    'a return to another site (%j) goes to the home page instead',
    (value) => {
      expect(safeReturn(value)).toBe('/');
    },
  );

  it.each([
    ['/commandes', '/commandes'],
    ['/candidats/cmabc123', '/candidats/cmabc123'],
    ['/candidats?statut=prevue&q=Martin', '/candidats?statut=prevue&q=Martin'],
    ['/groupes#liste', '/groupes#liste'],
  ])('a path of this site (%s) is kept', (value, expected) => {
    expect(safeReturn(value)).toBe(expected);
  });
});
