import { z } from 'zod';
import { fr, type MessageId, type MessageParams } from '../i18n/messages.js';

/**
 * Password rules. Candidates: « au moins 6 caractères » (§6.3), a space may ask
 * for more, never less. Administrators: at least 12 characters with a letter and
 * a digit (the CNIL's recommendation for a password alone is 12 characters
 * mixing kinds). Lengths count characters (code points), not UTF-16 units.
 */
export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  requireLetterAndDigit: boolean;
}

export const CANDIDATE_PASSWORD_MIN_LENGTH = 6;
export const ADMIN_PASSWORD_MIN_LENGTH = 12;
/** Bounds the work of the password hash (argon2id) on hostile input. */
export const PASSWORD_MAX_LENGTH = 128;

export const ADMIN_PASSWORD_POLICY: PasswordPolicy = {
  minLength: ADMIN_PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
  requireLetterAndDigit: true,
};

/** The candidates' policy for a space's minimum; a minimum below 6 is raised to 6. */
export function candidatePasswordPolicy(minPasswordLength = CANDIDATE_PASSWORD_MIN_LENGTH): PasswordPolicy {
  const min = Number.isInteger(minPasswordLength) ? minPasswordLength : CANDIDATE_PASSWORD_MIN_LENGTH;
  return {
    minLength: Math.min(Math.max(CANDIDATE_PASSWORD_MIN_LENGTH, min), PASSWORD_MAX_LENGTH),
    maxLength: PASSWORD_MAX_LENGTH,
    requireLetterAndDigit: false,
  };
}

export interface PasswordProblem {
  id: MessageId;
  params: MessageParams;
}

const characterCount = (s: string) => [...s].length;

/** What is wrong with a password under a policy (empty list: acceptable), in the order the UI lists them. */
export function passwordProblems(password: string, policy: PasswordPolicy): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = characterCount(password);
  if (length === 0) return [{ id: 'password.required', params: {} }];
  if (length < policy.minLength) problems.push({ id: 'password.tooShort', params: { min: policy.minLength } });
  if (length > policy.maxLength) problems.push({ id: 'password.tooLong', params: { max: policy.maxLength } });
  if (policy.requireLetterAndDigit && !(/\p{L}/u.test(password) && /\p{N}/u.test(password))) {
    problems.push({ id: 'password.letterAndDigit', params: {} });
  }
  return problems;
}

/** A new password under a policy, as a zod field raising the first problem in French. */
export function passwordField(policy: PasswordPolicy) {
  return z.string({ error: fr('password.required') }).superRefine((password, ctx) => {
    for (const problem of passwordProblems(password, policy)) {
      ctx.addIssue({ code: 'custom', message: fr(problem.id, problem.params), params: { messageId: problem.id } });
    }
  });
}
