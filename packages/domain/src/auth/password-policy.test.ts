import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD_POLICY, candidatePasswordPolicy, passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it.each([
    [undefined, 6],
    [6, 6],
    [10, 10],
    [4, 6],
    [0, 6],
    [7.5, 6],
    [500, 128],
  ])('a space asking for %j characters gets a candidate minimum of %i (never below 6)', (asked, min) => {
    expect(candidatePasswordPolicy(asked).minLength).toBe(min);
  });

  it.each([
    ['', ['password.required']],
    ['abcde', ['password.tooShort']],
    ['abcdef', []],
    ['x'.repeat(129), ['password.tooLong']],
  ])('candidate password %j: %j', (password, problems) => {
    expect(passwordProblems(password, candidatePasswordPolicy()).map((p) => p.id)).toEqual(problems);
  });

  it.each([
    ['Printemps2026', []],
    ['printemps', ['password.tooShort', 'password.letterAndDigit']],
    ['abcdefghijkl', ['password.letterAndDigit']],
    ['été-à-noël-2026', []],
  ])('administrator password %j: %j', (password, problems) => {
    expect(passwordProblems(password, ADMIN_PASSWORD_POLICY).map((p) => p.id)).toEqual(problems);
  });

  it('says the minimum in the problem', () => {
    expect(passwordProblems('abc', candidatePasswordPolicy(8))).toEqual([{ id: 'password.tooShort', params: { min: 8 } }]);
  });
});
