import { describe, expect, it } from 'vitest';
import { candidateCreateSchema, candidatePatchSchema, CandidateCreateBody } from './candidates.js';
import { toFieldErrors } from './errors.js';

/** 15 June 2026, 00:30 in Paris (22:30 UTC the day before). */
const now = () => new Date('2026-06-14T22:30:00Z');
const schema = candidateCreateSchema({ now });

const realistic = {
  identity: {
    civility: 'mme',
    lastName: "N'Diaye",
    birthName: 'Lefèvre-Dubois',
    firstName: 'Aïssatou',
    email: '  Aissatou.NDiaye@Exemple.FR ',
    birthDate: '1994-03-17',
    birthPostcode: '2A004',
    birthTown: 'Ajaccio',
    birthCountry: 'France',
  },
  password: {
    value: 'Soleil2026',
    confirmation: 'Soleil2026',
    sendToCandidate: true,
    requestAcknowledgment: true,
    sendToAdmin: false,
  },
  information: { status: 'job_seeker', funding: 'cpf' },
  contact: { phone: '+33 6 12 34 56 78', address: '12, rue de la République', postcode: '69002', town: 'Lyon', country: 'France' },
  misc: { educationLevel: 'bac3', socioProfessionalCategory: 'employee', motherTongue: 'other' },
};

describe('candidate file (§6.3): creation body', () => {
  it('accepts a realistic file with accents, apostrophes and hyphens, and normalises the e-mail to lower case', () => {
    const parsed = schema.parse(realistic);
    expect(parsed.identity).toEqual({
      civility: 'mme',
      lastName: "N'Diaye",
      birthName: 'Lefèvre-Dubois',
      firstName: 'Aïssatou',
      email: 'aissatou.ndiaye@exemple.fr',
      birthDate: '1994-03-17',
      birthPostcode: '2A004',
      birthTown: 'Ajaccio',
      birthCountry: 'France',
    });
    expect(parsed.password).toEqual(realistic.password);
    expect(parsed.contact?.address).toBe('12, rue de la République');
    expect(parsed.misc).toEqual(realistic.misc);
  });

  it('accepts the three required pages alone: « Coordonnées » and « Divers » are facultative', () => {
    const { contact: _contact, misc: _misc, ...required } = realistic;
    const parsed = schema.parse({ ...required, password: { value: 'abcdef', confirmation: 'abcdef' } });
    expect(parsed.contact).toBeUndefined();
    expect(parsed.misc).toBeUndefined();
    expect(parsed.password).toMatchObject({ sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false });
  });

  it('reads a missing birth name, or a blank one, as no birth name', () => {
    const withoutBirthName = { ...realistic, identity: { ...realistic.identity, birthName: undefined } };
    expect(schema.parse(withoutBirthName).identity.birthName).toBeUndefined();
    const blank = { ...realistic, identity: { ...realistic.identity, birthName: '   ' } };
    expect(schema.parse(blank).identity.birthName).toBeNull();
  });

  it('names every wrong field of a bad file in French, with its dotted path', () => {
    const bad = {
      identity: {
        civility: 'mlle',
        lastName: '   ',
        birthName: 'x'.repeat(101),
        email: 'aissatou.ndiaye@',
        birthDate: '1994-02-30',
        birthPostcode: '69 !',
        birthTown: '',
        birthCountry: 'France\u0000',
      },
      password: { value: 'court', confirmation: 'courte' },
      information: { status: 'unemployed' },
      contact: { phone: 'appelez-moi', postcode: '6900#' },
      misc: { educationLevel: 'phd', motherTongue: 'en' },
    };
    const result = schema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(toFieldErrors(result.error!)).toEqual([
      { path: 'identity.civility', message: 'La civilité est obligatoire.' },
      { path: 'identity.lastName', message: 'Le nom est obligatoire.' },
      { path: 'identity.birthName', message: 'Le nom de naissance ne doit pas dépasser 100 caractères.' },
      { path: 'identity.firstName', message: 'Le prénom est obligatoire.' },
      { path: 'identity.email', message: "Le courriel n'est pas valide." },
      { path: 'identity.birthDate', message: "La date de naissance n'est pas valide." },
      { path: 'identity.birthPostcode', message: "Le code postal de naissance n'est pas valide." },
      { path: 'identity.birthTown', message: 'La commune de naissance est obligatoire.' },
      { path: 'identity.birthCountry', message: "Le pays de naissance n'est pas valide." },
      { path: 'password.value', message: 'Le mot de passe doit contenir au moins 6 caractères.' },
      { path: 'password.confirmation', message: 'Les mots de passe ne correspondent pas.' },
      { path: 'information.status', message: 'Le statut du candidat est obligatoire.' },
      { path: 'information.funding', message: 'Le mode de financement est obligatoire.' },
      { path: 'contact.phone', message: "Le numéro de téléphone n'est pas valide." },
      { path: 'contact.postcode', message: "Le code postal n'est pas valide." },
      { path: 'misc.educationLevel', message: "Le niveau d'études n'est pas valide." },
      { path: 'misc.motherTongue', message: "La langue maternelle n'est pas valide." },
    ]);
  });

  it('says which required page is missing', () => {
    const result = schema.safeParse({});
    expect(toFieldErrors(result.error!)).toEqual([
      { path: 'identity', message: 'La page « Identité » est obligatoire.' },
      { path: 'password', message: 'La page « Mot de passe » est obligatoire.' },
      { path: 'information', message: 'La page « Informations » est obligatoire.' },
    ]);
  });

  it('gives the same problems in English', () => {
    const result = schema.safeParse({ ...realistic, password: { value: 'abc', confirmation: 'abd' } });
    expect(toFieldErrors(result.error!, 'en')).toEqual([
      { path: 'password.value', message: 'The password must contain at least 6 characters.' },
      { path: 'password.confirmation', message: 'The passwords do not match.' },
    ]);
  });

  it.each([
    [6, 'abcdef', true],
    [6, 'abcde', false],
    [8, 'abcdefg', false],
    [8, 'abcdefgh', true],
    [3, 'abcde', false],
  ])('asks for at least max(6, %i) characters: %j accepted = %s', (min, password, accepted) => {
    const result = candidateCreateSchema({ minPasswordLength: min, now }).safeParse({
      ...realistic,
      password: { value: password, confirmation: password },
    });
    expect(result.success).toBe(accepted);
    if (!accepted) {
      expect(toFieldErrors(result.error!)[0]).toEqual({
        path: 'password.value',
        message: `Le mot de passe doit contenir au moins ${Math.max(6, min)} caractères.`,
      });
    }
  });

  it('counts characters, not bytes: « éèàçœù » is 6 characters', () => {
    const result = schema.safeParse({ ...realistic, password: { value: 'éèàçœù', confirmation: 'éèàçœù' } });
    expect(result.success).toBe(true);
  });

  it('refuses an acknowledgment link when the password is not e-mailed to the candidate', () => {
    const result = schema.safeParse({
      ...realistic,
      password: { value: 'abcdef', confirmation: 'abcdef', sendToCandidate: false, requestAcknowledgment: true },
    });
    expect(toFieldErrors(result.error!)).toEqual([
      {
        path: 'password.requestAcknowledgment',
        message: "L'accusé de réception ne peut être demandé que si le mot de passe est envoyé au candidat.",
      },
    ]);
  });

  it.each([
    ['2026-06-14', true, 'yesterday in Paris'],
    ['2026-06-15', false, 'today in Paris, although still 14 June in UTC'],
    ['2030-01-01', false, 'a future date'],
    ['1900-01-01', true, 'the oldest date accepted'],
    ['1899-12-31', false, 'before 1900 (a typing mistake)'],
  ])('takes a birth date of %s as valid = %s (%s)', (birthDate, accepted) => {
    const result = schema.safeParse({ ...realistic, identity: { ...realistic.identity, birthDate } });
    expect(result.success).toBe(accepted);
  });

  it('says a future birth date must be in the past', () => {
    const result = schema.safeParse({ ...realistic, identity: { ...realistic.identity, birthDate: '2026-06-15' } });
    expect(toFieldErrors(result.error!)).toEqual([
      { path: 'identity.birthDate', message: 'La date de naissance doit être dans le passé.' },
    ]);
  });

  it('has a default instance with a minimum of 6 characters', () => {
    const result = CandidateCreateBody.safeParse({ ...realistic, password: { value: 'abcde', confirmation: 'abcde' } });
    expect(toFieldErrors(result.error!)).toEqual([
      { path: 'password.value', message: 'Le mot de passe doit contenir au moins 6 caractères.' },
    ]);
  });
});

describe('candidate file (§6.4): patch body', () => {
  const patch = candidatePatchSchema({ now });

  it('takes any page alone, and any field of the identity page alone', () => {
    expect(patch.parse({ identity: { firstName: ' Aïssatou ' } })).toEqual({ identity: { firstName: 'Aïssatou' } });
    expect(patch.parse({ misc: { motherTongue: 'fr' } })).toEqual({ misc: { motherTongue: 'fr' } });
    expect(patch.parse({ contact: { phone: null } })).toEqual({ contact: { phone: null } });
  });

  it('checks what is sent as on creation', () => {
    const result = patch.safeParse({ identity: { lastName: '', email: 'X@Y' } });
    expect(toFieldErrors(result.error!)).toEqual([
      { path: 'identity.lastName', message: 'Le nom est obligatoire.' },
      { path: 'identity.email', message: "Le courriel n'est pas valide." },
    ]);
  });

  it('refuses an empty patch: « Aucune modification à enregistrer. »', () => {
    const result = patch.safeParse({});
    expect(toFieldErrors(result.error!)).toEqual([{ path: '', message: 'Aucune modification à enregistrer.' }]);
  });

  it('asks for the confirmation when the password page is sent', () => {
    const result = patch.safeParse({ password: { value: 'nouveau1' } });
    expect(toFieldErrors(result.error!)).toEqual([
      { path: 'password.confirmation', message: 'La confirmation du mot de passe est obligatoire.' },
    ]);
  });
});
