import { createHash } from 'node:crypto';

/** SHA-256 of a secret, hex: what the database stores for tokens and keys. */
export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A random URL-safe token of `bytes` random bytes (32 by default). */
export function randomToken(random: (size: number) => Uint8Array, bytes = 32): string {
  return Buffer.from(random(bytes)).toString('base64url');
}
