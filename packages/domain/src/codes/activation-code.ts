import { DomainError } from '../shared/errors.js';
import type { ExamType } from '../catalogue/exam-types.js';
import { fr } from '../i18n/messages.js';
import { drawFreshCode, type RandomSource } from './random.js';

/**
 * R15 — activation codes (§6.7): the code an invigilator enters on the
 * candidate's platform to start a supervised exam. 8 characters from an alphabet
 * with no vowel (no accidental word) and no look-alike (no 0/O, 1/I/L, 5/S),
 * drawn from a CSPRNG, unique among live codes, single use.
 */
export const ACTIVATION_CODE_ALPHABET = 'BCDFGHJKMPQRTVWXY2346789';
export const ACTIVATION_CODE_LENGTH = 8;
/** Draws before giving up; with 24⁸ ≈ 1.1 × 10¹¹ codes, needing a second one is already rare. */
export const CODE_MAX_ATTEMPTS = 10;

const ACTIVATION_CODE_PATTERN = new RegExp(`^[${ACTIVATION_CODE_ALPHABET}]{${ACTIVATION_CODE_LENGTH}}$`);

/**
 * R15 A fresh activation code. `isTaken(code)` says whether a live code already
 * has this value; after {@link CODE_MAX_ATTEMPTS} collisions, `conflict`.
 */
export function generateActivationCode(
  random: RandomSource,
  isTaken: (code: string) => boolean = () => false,
  { maxAttempts = CODE_MAX_ATTEMPTS }: { maxAttempts?: number } = {},
): string {
  const code = drawFreshCode(random, ACTIVATION_CODE_LENGTH, ACTIVATION_CODE_ALPHABET, isTaken, maxAttempts);
  if (code === undefined) throw new DomainError('conflict', fr('activationCode.exhausted'), { attempts: maxAttempts });
  return code;
}

/** R15 Has `value` the form of an activation code (8 characters of the alphabet, upper case)? */
export function isActivationCode(value: unknown): value is string {
  return typeof value === 'string' && ACTIVATION_CODE_PATTERN.test(value);
}

/** A code as an invigilator may type it (` bcdf-ghjk `) in its stored form (`BCDFGHJK`). */
export function normaliseActivationCode(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * R15 Does an assignment of this exam type get an activation code? Only when the
 * partner supervises the exam (`supervision === 'partner'`): never for an exam the
 * candidate starts alone, never in a La Poste centre (the centre holds its own).
 */
export function hasActivationCode(examType: Pick<ExamType, 'supervision'>): boolean {
  return examType.supervision === 'partner';
}
