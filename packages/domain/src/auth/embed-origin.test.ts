import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, normaliseOrigin } from './embed-origin.js';

describe('embedding origins', () => {
  it.each([
    ['https://intranet.exemple.fr', 'https://intranet.exemple.fr'],
    ['HTTPS://Intranet.Exemple.FR/', 'https://intranet.exemple.fr'],
    ['https://intranet.exemple.fr:443', 'https://intranet.exemple.fr'],
    ['https://intranet.exemple.fr:8443', 'https://intranet.exemple.fr:8443'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ])('normalises %j to %j', (input, origin) => {
    expect(normaliseOrigin(input)).toBe(origin);
  });

  it.each([
    'http://intranet.exemple.fr',
    'https://intranet.exemple.fr/portail',
    'https://intranet.exemple.fr/?a=1',
    'https://intranet.exemple.fr#x',
    'https://user:pw@intranet.exemple.fr',
    'javascript:alert(1)',
    'intranet.exemple.fr',
    '*',
    'https://*.exemple.fr',
    'https://*',
    '',
  ])('refuses %j', (input) => {
    expect(normaliseOrigin(input)).toBeNull();
  });

  it.each([
    ['https://intranet.exemple.fr', true],
    ['https://INTRANET.exemple.fr:443', true],
    ['https://intranet.exemple.fr.attaquant.com', false],
    ['https://autre.exemple.fr', false],
    ['null', false],
    [null, false],
  ])('with allowed [https://intranet.exemple.fr/], the origin %j is allowed = %s', (origin, allowed) => {
    expect(isAllowedOrigin(origin, ['https://intranet.exemple.fr/'])).toBe(allowed);
  });
});
