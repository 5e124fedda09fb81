import type { RandomSource } from './random.js';

/** Deterministic random sources for the codes' tests. */

/** A source that hands out `bytes` in order, cycling, whatever size is asked. */
export function sequenceSource(bytes: readonly number[]): RandomSource & { calls: number[] } {
  let next = 0;
  const calls: number[] = [];
  const source = (count: number) => {
    calls.push(count);
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) out[i] = bytes[next++ % bytes.length] as number;
    return out;
  };
  return Object.assign(source, { calls });
}

/** A seeded generator (mulberry32) after a prefix: a source that keeps producing new bytes. */
export function seededSource(prefix: readonly number[], seed: number) {
  let state = seed >>> 0;
  let used = 0;
  return (count: number): Uint8Array => {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      if (used < prefix.length) {
        out[i] = prefix[used++] as number;
        continue;
      }
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
    }
    return out;
  };
}
