import { describe, expect, it } from 'vitest';
import { formatMessage, MESSAGES, messageIdOf, translateMessage, type MessageId } from './messages.js';

const ids = Object.keys(MESSAGES.fr) as MessageId[];
const sampleParams = { min: 8, max: 1000, count: 3 };

describe('message catalogue', () => {
  it('has an English text for every French one, and no other', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual([...ids].sort());
  });

  it.each(ids)('%s uses the same placeholders in both languages', (id) => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(names(MESSAGES.en[id])).toEqual(names(MESSAGES.fr[id]));
  });

  it.each(ids)('%s is found back from its French text alone, so it can be translated', (id) => {
    const text = formatMessage(id, 'fr', sampleParams);
    expect(messageIdOf(text)?.id).toBe(id);
  });

  it('writes numbers the way each language does', () => {
    expect(formatMessage('candidateIds.tooMany', 'fr', { max: 1000 })).toBe(
      'Vous ne pouvez pas sélectionner plus de 1 000 candidats à la fois.',
    );
    expect(formatMessage('candidateIds.tooMany', 'en', { max: 1000 })).toBe('You cannot select more than 1,000 candidates at once.');
  });

  it('speaks the manual’s words', () => {
    expect(formatMessage('lastName.required')).toBe('Le nom est obligatoire.');
    expect(formatMessage('email.invalid')).toBe("Le courriel n'est pas valide.");
    expect(formatMessage('password.tooShort', 'fr', { min: 6 })).toBe('Le mot de passe doit contenir au moins 6 caractères.');
    expect(formatMessage('password.mismatch')).toBe('Les mots de passe ne correspondent pas.');
  });

  it('translates a French text with its parameters, and leaves an unknown text as it is', () => {
    expect(translateMessage('Le mot de passe doit contenir au moins 12 caractères.', 'en')).toBe(
      'The password must contain at least 12 characters.',
    );
    expect(translateMessage('Le nom du groupe ne doit pas dépasser 100 caractères.', 'fr')).toBe(
      'Le nom du groupe ne doit pas dépasser 100 caractères.',
    );
    expect(translateMessage('Erreur inconnue', 'en')).toBe('Erreur inconnue');
  });
});
