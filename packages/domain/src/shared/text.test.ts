import { describe, expect, it } from 'vitest';
import { candidateName, nameSortKey, searchKey } from './text.js';

describe('search and sort keys of names', () => {
  it('folds accents, ligatures, case and spaces: « Lefèvre  Œnone » → lefevre oenone', () => {
    expect(searchKey('  Lefèvre  Œnone ')).toBe('lefevre oenone');
    expect(searchKey('Straße Ægir')).toBe('strasse aegir');
  });

  it('sorts in French order when keys are compared byte by byte: accents ignored, numbers by value', () => {
    const names = ['Groupe 10', 'Ecole', 'groupe 2', 'Éco', 'eau', 'Groupe 1'];
    const sorted = [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['eau', 'Éco', 'Ecole', 'Groupe 1', 'groupe 2', 'Groupe 10']);
  });
});

describe('a candidate’s name as the screens show it', () => {
  it('puts the last name in capitals, accents kept, then the first name', () => {
    expect(candidateName({ lastName: 'Lefèvre', firstName: 'Élodie' })).toBe('LEFÈVRE Élodie');
    expect(candidateName({ lastName: "d'Almeida", firstName: 'Inès' })).toBe("D'ALMEIDA Inès");
  });
});
