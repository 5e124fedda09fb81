import { expect } from 'vitest';
import { DomainError } from '../shared/errors.js';

/** The DomainError `fn` throws (fails the test if it throws nothing or something else). */
export function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
