/**
 * Byte and text encodings that work the same in Node 20 and in a browser (no
 * `Buffer`, no `node:crypto`): the mocks run in both.
 */

/** base64url without padding, as the server's tokens and cursors are written. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a base64url string; throws on anything else. */
export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A JSON value as an opaque base64url token (the server's cursors: `encodeCursor`). */
export function encodeJsonToken(value: unknown): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
}

/** The JSON value of {@link encodeJsonToken}; throws when the token is not one. */
export function decodeJsonToken(token: string): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(token))) as unknown;
}

/** A random URL-safe token of `bytes` random bytes (session cookies, reset links, embed tokens). */
export function randomToken(random: (size: number) => Uint8Array, bytes = 32): string {
  return toBase64Url(random(bytes));
}
