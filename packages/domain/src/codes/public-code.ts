import { DomainError } from '../shared/errors.js';
import { fr } from '../i18n/messages.js';
import { ACTIVATION_CODE_ALPHABET, CODE_MAX_ATTEMPTS } from './activation-code.js';
import { drawFreshCode, type RandomSource } from './random.js';

/**
 * R17 — the public verification code of an attempt (« Code public », §6.9):
 * 10 characters of the activation codes' alphabet, from a CSPRNG, unique.
 * 24¹⁰ ≈ 6.3 × 10¹³ values keep them unguessable behind a rate-limited page.
 */
export const PUBLIC_CODE_LENGTH = 10;

const PUBLIC_CODE_PATTERN = new RegExp(`^[${ACTIVATION_CODE_ALPHABET}]{${PUBLIC_CODE_LENGTH}}$`);

/** R17 A fresh public verification code; `conflict` after too many collisions with `isTaken`. */
export function generatePublicCode(
  random: RandomSource,
  isTaken: (code: string) => boolean = () => false,
  { maxAttempts = CODE_MAX_ATTEMPTS }: { maxAttempts?: number } = {},
): string {
  const code = drawFreshCode(random, PUBLIC_CODE_LENGTH, ACTIVATION_CODE_ALPHABET, isTaken, maxAttempts);
  if (code === undefined) throw new DomainError('conflict', fr('publicCode.exhausted'), { attempts: maxAttempts });
  return code;
}

/** R17 Has `value` the form of a public verification code? */
export function isPublicCode(value: unknown): value is string {
  return typeof value === 'string' && PUBLIC_CODE_PATTERN.test(value);
}
