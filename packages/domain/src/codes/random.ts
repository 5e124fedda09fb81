/**
 * Random codes from an injected source, so tests can be deterministic and the
 * production source is a CSPRNG (`crypto.getRandomValues`, in Node 20 and every
 * browser).
 */

/** Returns `byteCount` random bytes (fewer is tolerated: more are asked for). */
export type RandomSource = (byteCount: number) => Uint8Array;

/** The CSPRNG of the platform (Web Crypto). */
export const cryptoRandom: RandomSource = (byteCount) => globalThis.crypto.getRandomValues(new Uint8Array(byteCount));

/** After this many calls yielding no usable byte the source is broken, not unlucky. */
const MAX_DRAWS = 64;

/**
 * `length` characters of `alphabet`, each equally likely. A byte is kept only
 * below the largest multiple of the alphabet's size that fits in a byte
 * (240 for 24 characters) and rejected otherwise: `byte % size` on every byte
 * would make the first 16 characters likelier than the last 8.
 */
export function randomString(random: RandomSource, length: number, alphabet: string): string {
  const size = alphabet.length;
  if (size < 2 || size > 256) throw new RangeError('The alphabet must hold between 2 and 256 characters.');
  const limit = 256 - (256 % size);
  let out = '';
  for (let draws = 0; out.length < length; draws++) {
    if (draws >= MAX_DRAWS) throw new Error('The random source keeps returning unusable bytes.');
    const missing = length - out.length;
    const bytes = random(missing + Math.ceil(missing / 8) + 2);
    for (const byte of bytes) {
      if (byte >= limit) continue;
      out += alphabet.charAt(byte % size);
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * Draws codes until `isTaken` says one is free, at most `maxAttempts` times;
 * `undefined` when every draw collided.
 */
export function drawFreshCode(
  random: RandomSource,
  length: number,
  alphabet: string,
  isTaken: (code: string) => boolean,
  maxAttempts: number,
): string | undefined {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const code = randomString(random, length, alphabet);
    if (!isTaken(code)) return code;
  }
  return undefined;
}
