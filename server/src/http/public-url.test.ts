import { describe, expect, it } from 'vitest';
import { localUrl, publicUrlFrom } from './public-url.js';

describe('PUBLIC_URL: the one address of every link the server writes', () => {
  it.each([
    [{ PUBLIC_URL: 'https://clr.example.fr/' }, 3000, 'https://clr.example.fr'],
    [{ PUBLIC_URL: '  https://clr.example.fr/admin  ' }, 3000, 'https://clr.example.fr/admin'],
    [{}, 3000, 'http://localhost:3000'],
    [{ HOST: '127.0.0.1' }, 4123, 'http://127.0.0.1:4123'],
    [{ HOST: '0.0.0.0' }, 8080, 'http://localhost:8080'],
    [{ PUBLIC_URL: '' , HOST: '127.0.0.1' }, 3000, 'http://127.0.0.1:3000'],
  ])('%j on port %i → %s', (env, port, expected) => {
    expect(publicUrlFrom(env, port)).toBe(expected);
  });

  it('is the address the start-up banner prints when PUBLIC_URL is unset', () => {
    expect(publicUrlFrom({ HOST: '127.0.0.1' }, 3000)).toBe(localUrl('127.0.0.1', 3000));
  });
});
