import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import { dottedPath, parseOrThrow, toFieldErrors, validationError } from './errors.js';
import { GroupCreateBody } from './groups.js';

describe('toFieldErrors: the errors problem+json carries and the elements show beside each field', () => {
  it.each([
    [['identity', 'email'], 'identity.email'],
    [['lines', 0, 'quantity'], 'lines.0.quantity'],
    [[], ''],
  ])('writes the path %j as %j', (path, dotted) => {
    expect(dottedPath(path)).toBe(dotted);
  });

  it('keeps one message per field, the first problem found', () => {
    const schema = z.object({ name: z.string().min(3, { error: 'Le nom est obligatoire.' }).regex(/^A/, { error: "Le nom n'est pas valide." }) });
    const result = schema.safeParse({ name: 'b' });
    expect(result.error!.issues).toHaveLength(2);
    expect(toFieldErrors(result.error!)).toEqual([{ path: 'name', message: 'Le nom est obligatoire.' }]);
  });

  it("replaces zod's own English messages with French ones", () => {
    const schema = z.strictObject({ age: z.number(), name: z.string() });
    const result = schema.safeParse({ age: 'douze', extra: 1 });
    expect(toFieldErrors(result.error!)).toEqual([
      { path: 'age', message: "Ce champ n'est pas valide." },
      { path: 'name', message: 'Ce champ est obligatoire.' },
      { path: 'extra', message: "Ce champ n'est pas attendu." },
    ]);
    expect(toFieldErrors(result.error!, 'en')).toEqual([
      { path: 'age', message: 'This field is not valid.' },
      { path: 'name', message: 'This field is required.' },
      { path: 'extra', message: 'This field is not expected.' },
    ]);
  });

  it('translates a message with a parameter into English', () => {
    const result = GroupCreateBody.safeParse({ name: 'x'.repeat(101), category: 'class' });
    expect(toFieldErrors(result.error!, 'en')).toEqual([{ path: 'name', message: 'The group name must not exceed 100 characters.' }]);
  });

  it('builds the validation_failed error with its field errors', () => {
    const result = GroupCreateBody.safeParse({ name: '' });
    const error = validationError(result.error!);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('validation_failed');
    expect(error.status).toBe(400);
    expect(error.message).toBe('Certains champs ne sont pas valides.');
    expect(error.details.errors).toEqual([
      { path: 'name', message: 'Le nom du groupe est obligatoire.' },
      { path: 'category', message: 'La catégorie du groupe est obligatoire.' },
    ]);
  });

  it('parses or throws that error', () => {
    expect(parseOrThrow(GroupCreateBody, { name: ' A ', category: 'other' })).toEqual({ name: 'A', category: 'other' });
    expect(() => parseOrThrow(GroupCreateBody, {}, 'en')).toThrow(
      expect.objectContaining({ code: 'validation_failed', message: 'Some fields are not valid.' }),
    );
  });
});
