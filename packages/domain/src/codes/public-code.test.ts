import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACTIVATION_CODE_ALPHABET, CODE_MAX_ATTEMPTS } from './activation-code.js';
import { generatePublicCode, isPublicCode, PUBLIC_CODE_LENGTH } from './public-code.js';
import { cryptoRandom } from './random.js';
import { sequenceSource } from './fixtures.js';

describe('R17 public verification codes', () => {
  it('R17 every generated code has 10 characters of the alphabet, whatever the random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.integer({ min: 0, max: 239 }), (bytes, usable) => {
        const code = generatePublicCode(sequenceSource([...bytes, usable]));
        expect(code).toHaveLength(PUBLIC_CODE_LENGTH);
        expect([...code].every((c) => ACTIVATION_CODE_ALPHABET.includes(c))).toBe(true);
        expect(isPublicCode(code)).toBe(true);
      }),
    );
  });

  it('R17 draws again when the code is taken', () => {
    const taken = new Set<string>();
    const first = generatePublicCode(sequenceSource([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), (code) => {
      if (taken.size === 0) {
        taken.add(code);
        return true;
      }
      return taken.has(code);
    });
    expect(taken.has(first)).toBe(false);
    expect(first).toHaveLength(10);
  });

  it('R17 gives up with conflict after a bounded number of collisions', () => {
    expect(() => generatePublicCode(cryptoRandom, () => true)).toThrow(expect.objectContaining({ code: 'conflict', details: { attempts: CODE_MAX_ATTEMPTS } }));
  });

  it.each([
    ['BCDFGHJKMP', true],
    ['BCDFGHJK', false],
    ['BCDFGHJKMPQ', false],
    ['bcdfghjkmp', false],
  ])('R17 %j has the form of a public code = %s', (value, expected) => {
    expect(isPublicCode(value)).toBe(expected);
  });
});
