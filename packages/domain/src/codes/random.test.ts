import { describe, expect, it } from 'vitest';
import { randomString } from './random.js';
import { sequenceSource } from './fixtures.js';
import { ACTIVATION_CODE_ALPHABET } from './activation-code.js';

describe('R15 drawing characters by rejection sampling', () => {
  it('R15 every character is equally likely: each byte value once gives each of the 24 characters exactly 10 times', () => {
    const everyByte = Array.from({ length: 256 }, (_, i) => i);
    const drawn = randomString(sequenceSource(everyByte), 240, ACTIVATION_CODE_ALPHABET);
    const counts = new Map<string, number>();
    for (const c of drawn) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(24);
    expect([...counts.values()].every((n) => n === 10)).toBe(true);
  });

  it('R15 rejects the bytes 240–255 that a plain modulo would map onto the first 16 characters', () => {
    expect(randomString(sequenceSource([240, 241, 255, 0]), 1, ACTIVATION_CODE_ALPHABET)).toBe('B');
    expect(randomString(sequenceSource([239]), 1, ACTIVATION_CODE_ALPHABET)).toBe('9');
    expect(randomString(sequenceSource([24, 47, 48]), 3, ACTIVATION_CODE_ALPHABET)).toBe('B9B');
  });

  it('R15 asks the source again when too many bytes were rejected', () => {
    const source = sequenceSource([250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 1]);
    expect(randomString(source, 2, ACTIVATION_CODE_ALPHABET)).toBe('CC');
    expect(source.calls.length).toBeGreaterThan(1);
  });

  it('R15 gives up on a source that only yields unusable bytes instead of looping for ever', () => {
    expect(() => randomString(sequenceSource([255]), 8, ACTIVATION_CODE_ALPHABET)).toThrow('unusable bytes');
  });
});
