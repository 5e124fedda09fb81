import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXAM_TYPES } from '../catalogue/exam-types.js';
import {
  ACTIVATION_CODE_ALPHABET,
  CODE_MAX_ATTEMPTS,
  generateActivationCode,
  hasActivationCode,
  isActivationCode,
  normaliseActivationCode,
} from './activation-code.js';
import { cryptoRandom } from './random.js';
import { seededSource, sequenceSource } from './fixtures.js';

/** Random bytes with at least one usable (< 240) among them, so a cycling source always ends. */
const usableBytes = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }), fc.integer({ min: 0, max: 239 }), fc.nat())
  .map(([bytes, usable, at]) => {
    const copy = [...bytes];
    copy.splice(at % (copy.length + 1), 0, usable);
    return copy;
  });

describe('R15 activation codes (§6.7)', () => {
  it('R15 the alphabet has no vowel and no look-alike (0/O, 1/I/L, 5/S)', () => {
    expect(ACTIVATION_CODE_ALPHABET).toHaveLength(24);
    expect(new Set(ACTIVATION_CODE_ALPHABET).size).toBe(24);
    expect(ACTIVATION_CODE_ALPHABET).not.toMatch(/[AEIOUL01S5Z]/);
  });

  it('R15 every generated code has 8 characters of the alphabet, whatever the random bytes', () => {
    fc.assert(
      fc.property(usableBytes, (bytes) => {
        const code = generateActivationCode(sequenceSource(bytes));
        expect(code).toHaveLength(8);
        expect([...code].every((c) => ACTIVATION_CODE_ALPHABET.includes(c))).toBe(true);
        expect(isActivationCode(code)).toBe(true);
      }),
    );
  });

  it('R15 draws again on a collision and returns a fresh code', () => {
    fc.assert(
      fc.property(usableBytes, fc.integer(), fc.integer({ min: 1, max: CODE_MAX_ATTEMPTS - 1 }), (bytes, seed, collisions) => {
        const offered: string[] = [];
        const live = new Set<string>();
        const code = generateActivationCode(seededSource(bytes, seed), (candidate) => {
          offered.push(candidate);
          // The first `collisions` draws are taken by live codes.
          if (offered.length <= collisions) {
            live.add(candidate);
            return true;
          }
          return live.has(candidate);
        });
        expect(live.has(code)).toBe(false);
        expect(offered.at(-1)).toBe(code);
      }),
    );
  });

  it('R15 gives up with conflict after a bounded number of collisions', () => {
    let tries = 0;
    expect(() =>
      generateActivationCode(cryptoRandom, () => {
        tries++;
        return true;
      }),
    ).toThrow(expect.objectContaining({ code: 'conflict', message: "Impossible de générer un code d'activation unique. Veuillez réessayer." }));
    expect(tries).toBe(CODE_MAX_ATTEMPTS);
  });

  it('R15 draws from the platform CSPRNG by default', () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateActivationCode(cryptoRandom)));
    expect(codes.size).toBe(200);
    expect([...codes].every(isActivationCode)).toBe(true);
  });

  it.each([
    ['BCDFGHJK', true],
    ['2346789B', true],
    ['bcdfghjk', false],
    ['BCDFGHJ', false],
    ['BCDFGHJKM', false],
    ['BCDFGHJA', false],
    ['BCDF0HJK', false],
    ['', false],
  ])('R15 %j has the form of an activation code = %s', (value, expected) => {
    expect(isActivationCode(value)).toBe(expected);
  });

  it('R15 reads a code as an invigilator types it', () => {
    expect(normaliseActivationCode(' bcdf-ghjk ')).toBe('BCDFGHJK');
  });

  it.each(EXAM_TYPES.map((t) => [t.id, t.supervision, t.supervision === 'partner'] as const))(
    'R15 an assignment of %s (supervision %s) gets an activation code = %s',
    (id, _supervision, expected) => {
      expect(hasActivationCode(EXAM_TYPES.find((t) => t.id === id)!)).toBe(expected);
    },
  );

  it('R15 never gives a code for a La Poste centre exam', () => {
    expect(hasActivationCode(EXAM_TYPES.find((t) => t.id === 'official-laposte')!)).toBe(false);
  });
});
