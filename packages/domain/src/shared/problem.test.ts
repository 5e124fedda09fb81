import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from './errors.js';
import { inputProblem, problemOf, problemType } from './problem.js';

describe('problem+json bodies (SPEC §4)', () => {
  it('gives a rule’s refusal its code, status, French title and message, and its details', () => {
    const error = new DomainError('out_of_stock', 'Stock insuffisant : 12 nécessaires, 10 disponibles.', { needed: 12, available: 10 });
    expect(problemOf(error, 'req-1')).toEqual({
      type: 'urn:clr:problem:out_of_stock',
      title: 'Stock insuffisant',
      status: 409,
      code: 'out_of_stock',
      detail: 'Stock insuffisant : 12 nécessaires, 10 disponibles.',
      needed: 12,
      available: 10,
      requestId: 'req-1',
    });
  });

  it('never lets a detail named like a standard member override it', () => {
    const body = problemOf(new DomainError('conflict', 'Commande annulée.', { status: 'cancelled' }));
    expect(body.status).toBe(409);
    expect(body.code).toBe('conflict');
  });

  it('names each field of bad input, with a summary saying where it was found', () => {
    const result = z.object({ name: z.string({ error: 'Le nom est obligatoire.' }) }).safeParse({});
    if (result.success) throw new Error('expected a failure');
    const body = problemOf(inputProblem(result.error, 'query'));
    expect(body.status).toBe(400);
    expect(body.detail).toBe('Certains paramètres de la requête sont invalides.');
    expect(body.errors).toEqual([{ path: 'name', message: 'Le nom est obligatoire.' }]);
    expect(problemType('internal')).toBe('urn:clr:problem:internal');
  });
});
