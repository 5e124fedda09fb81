import { describe, expect, it } from 'vitest';
import {
  EmbedTokenBody,
  LoginBody,
  PasswordChangeBody,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  ProfilePatchBody,
} from './auth.js';
import { GroupCreateBody, GroupMembersBody, GroupPatchBody } from './groups.js';
import { OrderCreateBody } from './orders.js';
import { AssignmentBody, BulkAssignBody, BulkDeleteBody } from './assignments.js';
import { AttemptScoreBody, AttemptStartBody, IntegrationLoginBody, ValidationDecisionBody } from './integration.js';
import { toFieldErrors, type IssueSource } from './errors.js';

const errorsOf = (result: { error?: IssueSource | undefined }) => toFieldErrors(result.error ?? { issues: [] });

describe('auth bodies (§1.1, §1.2)', () => {
  it('logs in with the e-mail as typed, in any case, and the password untouched', () => {
    expect(LoginBody.parse({ email: ' A.Admin@Exemple.FR', password: '  secret ' })).toEqual({
      email: 'a.admin@exemple.fr',
      password: '  secret ',
    });
  });

  it('names both login fields when empty', () => {
    expect(errorsOf(LoginBody.safeParse({ email: '', password: '' }))).toEqual([
      { path: 'email', message: 'Le courriel est obligatoire.' },
      { path: 'password', message: 'Le mot de passe est obligatoire.' },
    ]);
  });

  it('says a JSON body that is not an object is not valid', () => {
    expect(errorsOf(LoginBody.safeParse('admin'))).toEqual([
      { path: '', message: "Le contenu de la requête n'est pas valide." },
    ]);
  });

  it('asks for a valid e-mail to reset a password (« Mot de passe oublié ? »)', () => {
    expect(errorsOf(PasswordResetRequestBody.safeParse({ email: 'admin' }))).toEqual([
      { path: 'email', message: "Le courriel n'est pas valide." },
    ]);
  });

  it.each([
    ['court1', [{ path: 'password', message: 'Le mot de passe doit contenir au moins 12 caractères.' }]],
    ['seulementdeslettres', [{ path: 'password', message: 'Le mot de passe doit contenir au moins une lettre et un chiffre.' }]],
    ['123456789012', [{ path: 'password', message: 'Le mot de passe doit contenir au moins une lettre et un chiffre.' }]],
  ])('holds a new administrator password %j to the administrators’ policy', (password, errors) => {
    const token = 't'.repeat(43);
    expect(errorsOf(PasswordResetConfirmBody.safeParse({ token, password, confirmation: password }))).toEqual(errors);
  });

  it('confirms a reset with a long enough token and matching passwords', () => {
    const token = 'k3J9'.repeat(11);
    expect(PasswordResetConfirmBody.parse({ token, password: 'Printemps2026', confirmation: 'Printemps2026' })).toEqual({
      token,
      password: 'Printemps2026',
      confirmation: 'Printemps2026',
    });
    expect(errorsOf(PasswordResetConfirmBody.safeParse({ token: 'abc', password: 'Printemps2026', confirmation: 'Printemps2027' }))).toEqual([
      { path: 'token', message: "Le lien de réinitialisation n'est pas valide ou a expiré." },
      { path: 'confirmation', message: 'Les mots de passe ne correspondent pas.' },
    ]);
  });

  it('patches the profile field by field, and refuses an empty patch', () => {
    expect(ProfilePatchBody.parse({ firstName: ' Compte ' })).toEqual({ firstName: 'Compte' });
    expect(errorsOf(ProfilePatchBody.safeParse({}))).toEqual([{ path: '', message: 'Aucune modification à enregistrer.' }]);
    expect(errorsOf(ProfilePatchBody.safeParse({ lastName: '' }))).toEqual([{ path: 'lastName', message: 'Le nom est obligatoire.' }]);
  });

  it('changes the password only with the current one, a new different one, confirmed', () => {
    expect(
      PasswordChangeBody.parse({ currentPassword: 'old', newPassword: 'Automne2026!', confirmation: 'Automne2026!' }),
    ).toEqual({ currentPassword: 'old', newPassword: 'Automne2026!', confirmation: 'Automne2026!' });
    expect(errorsOf(PasswordChangeBody.safeParse({ newPassword: 'Automne2026!', confirmation: 'Automne2025!' }))).toEqual([
      { path: 'currentPassword', message: 'Le mot de passe actuel est obligatoire.' },
      { path: 'confirmation', message: 'Les mots de passe ne correspondent pas.' },
    ]);
    expect(
      errorsOf(PasswordChangeBody.safeParse({ currentPassword: 'Automne2026!', newPassword: 'Automne2026!', confirmation: 'Automne2026!' })),
    ).toEqual([{ path: 'newPassword', message: "Le nouveau mot de passe doit être différent de l'actuel." }]);
  });

  it('normalises an embedding origin and gives embed tokens 15 minutes, read-only, by default', () => {
    expect(EmbedTokenBody.parse({ origin: 'HTTPS://Intranet.Exemple.fr:443' })).toEqual({
      origin: 'https://intranet.exemple.fr',
      ttlSeconds: 900,
      scopes: ['read'],
    });
    expect(errorsOf(EmbedTokenBody.safeParse({ origin: 'https://intranet.exemple.fr/portail', ttlSeconds: 30 }))).toEqual([
      { path: 'origin', message: "L'origine n'est pas valide (exemple : https://intranet.exemple.fr)." },
      { path: 'ttlSeconds', message: 'La durée de validité doit être un nombre entier de secondes entre 60 et 3 600.' },
    ]);
  });
});

describe('order body (§4.3)', () => {
  it('takes lines of product and quantity', () => {
    expect(OrderCreateBody.parse({ lines: [{ productId: 'prod_blanc', quantity: 4 }] })).toEqual({
      lines: [{ productId: 'prod_blanc', quantity: 4 }],
    });
  });

  it.each([
    [{ lines: [] }, 'lines', 'La commande doit contenir au moins un produit.'],
    [{}, 'lines', 'La commande doit contenir au moins un produit.'],
    [{ lines: [{ productId: 'p', quantity: 0 }] }, 'lines.0.quantity', 'La quantité doit être un nombre entier entre 1 et 10 000.'],
    [{ lines: [{ productId: 'p', quantity: 10_001 }] }, 'lines.0.quantity', 'La quantité doit être un nombre entier entre 1 et 10 000.'],
    [{ lines: [{ productId: 'p', quantity: 1.5 }] }, 'lines.0.quantity', 'La quantité doit être un nombre entier entre 1 et 10 000.'],
    [{ lines: [{ productId: 'p', quantity: '4' }] }, 'lines.0.quantity', 'La quantité doit être un nombre entier entre 1 et 10 000.'],
    [{ lines: [{ quantity: 1 }] }, 'lines.0.productId', 'Le produit est obligatoire.'],
  ])('refuses %j naming %s', (body, path, message) => {
    expect(errorsOf(OrderCreateBody.safeParse(body))).toEqual([{ path, message }]);
  });
});

describe('group bodies (§5.3, §5.4, §5.8, §5.9)', () => {
  it('trims the group name', () => {
    expect(GroupCreateBody.parse({ name: '  Session de septembre  ', category: 'exam_session' })).toEqual({
      name: 'Session de septembre',
      category: 'exam_session',
    });
  });

  it.each([
    [{ name: '   ', category: 'client' }, [{ path: 'name', message: 'Le nom du groupe est obligatoire.' }]],
    [{ name: 'x'.repeat(101), category: 'client' }, [{ path: 'name', message: 'Le nom du groupe ne doit pas dépasser 100 caractères.' }]],
    [{ name: 'Classe A' }, [{ path: 'category', message: 'La catégorie du groupe est obligatoire.' }]],
    [{ name: 'Classe A', category: 'school' }, [{ path: 'category', message: 'La catégorie du groupe est obligatoire.' }]],
  ])('refuses %j', (body, errors) => {
    expect(errorsOf(GroupCreateBody.safeParse(body))).toEqual(errors);
  });

  it('accepts exactly 100 characters', () => {
    expect(GroupCreateBody.safeParse({ name: 'é'.repeat(100), category: 'other' }).success).toBe(true);
  });

  it('R12 hides a group with PATCH { hidden: true }, renames or recategorises it', () => {
    expect(GroupPatchBody.parse({ hidden: true })).toEqual({ hidden: true });
    expect(GroupPatchBody.parse({ name: 'Promo 2026', category: 'class' })).toEqual({ name: 'Promo 2026', category: 'class' });
    expect(errorsOf(GroupPatchBody.safeParse({}))).toEqual([{ path: '', message: 'Aucune modification à enregistrer.' }]);
  });

  it.each([
    [{ candidateIds: [] }, 'candidateIds', 'Sélectionnez au moins un candidat.'],
    [{ candidateIds: ['a', 'b', 'a'] }, 'candidateIds', 'Un même candidat est sélectionné plusieurs fois.'],
    [{ candidateIds: Array.from({ length: 1001 }, (_, i) => `c${i}`) }, 'candidateIds', 'Vous ne pouvez pas sélectionner plus de 1 000 candidats à la fois.'],
    [{ candidateIds: ['ok', ''] }, 'candidateIds.1', "L'identifiant du candidat n'est pas valide."],
  ])('R14 refuses the members body %#', (body, path, message) => {
    expect(errorsOf(GroupMembersBody.safeParse(body))).toEqual([{ path, message }]);
  });

  it('R14 accepts up to 1000 distinct candidates', () => {
    const candidateIds = Array.from({ length: 1000 }, (_, i) => `c${i}`);
    expect(GroupMembersBody.parse({ candidateIds }).candidateIds).toHaveLength(1000);
  });
});

describe('assignment bodies (§6.5, §6.6)', () => {
  it('takes an exam type, an optional date and session, and notify false by default', () => {
    expect(AssignmentBody.parse({ examType: 'blank-remote' })).toEqual({ examType: 'blank-remote', notify: false });
    expect(
      AssignmentBody.parse({ examType: 'official-laposte', scheduledAt: '2026-09-15', sessionId: 'ses_1', notify: true }),
    ).toEqual({ examType: 'official-laposte', scheduledAt: '2026-09-15', sessionId: 'ses_1', notify: true });
    expect(AssignmentBody.parse({ examType: 'blank-remote', scheduledAt: null, sessionId: '' })).toEqual({
      examType: 'blank-remote',
      notify: false,
    });
  });

  it('names the wrong fields', () => {
    expect(errorsOf(AssignmentBody.safeParse({ scheduledAt: '15/09/2026', sessionId: 'a b', notify: 'oui' }))).toEqual([
      { path: 'examType', message: "Le type d'examen est obligatoire." },
      { path: 'scheduledAt', message: "La date de passage souhaitée n'est pas valide." },
      { path: 'sessionId', message: "La session d'examen n'est pas valide." },
      { path: 'notify', message: "L'option d'envoi d'un courriel au candidat n'est pas valide." },
    ]);
  });

  it('R8 takes a selection for bulk assignment and bulk removal', () => {
    expect(BulkAssignBody.parse({ candidateIds: ['c1', 'c2'], examType: 'blank-onsite', scheduledAt: '2026-10-01' })).toEqual({
      candidateIds: ['c1', 'c2'],
      examType: 'blank-onsite',
      scheduledAt: '2026-10-01',
      notify: false,
    });
    expect(BulkDeleteBody.parse({ candidateIds: ['c1'], notify: true })).toEqual({ candidateIds: ['c1'], notify: true });
    expect(errorsOf(BulkDeleteBody.safeParse({ candidateIds: [] }))).toEqual([
      { path: 'candidateIds', message: 'Sélectionnez au moins un candidat.' },
    ]);
  });
});

describe('integration bodies (exam platform)', () => {
  it('logs a candidate in with e-mail and password', () => {
    expect(IntegrationLoginBody.parse({ email: 'Candidat@Exemple.fr', password: 'abcdef' })).toEqual({
      email: 'candidat@exemple.fr',
      password: 'abcdef',
    });
  });

  it.each([
    [{ activationCode: 'bcdf-ghjk' }, { activationCode: 'BCDFGHJK' }],
    [{ activationCode: ' 2346 789B ' }, { activationCode: '2346789B' }],
    [{ assignmentId: 'asg_1' }, { assignmentId: 'asg_1' }],
  ])('R15 starts an attempt from %j', (body, expected) => {
    expect(AttemptStartBody.parse(body)).toEqual(expected);
  });

  it.each([
    [{}, '', "Indiquez soit un code d'activation, soit une attribution."],
    [{ activationCode: 'BCDFGHJK', assignmentId: 'asg_1' }, '', "Indiquez soit un code d'activation, soit une attribution."],
    [{ activationCode: 'ABCDEFGH' }, 'activationCode', "Le code d'activation n'est pas valide."],
    [{ activationCode: 'BCDFGHJ' }, 'activationCode', "Le code d'activation n'est pas valide."],
  ])('R15 refuses to start an attempt from %j', (body, path, message) => {
    expect(errorsOf(AttemptStartBody.safeParse(body))).toEqual([{ path, message }]);
  });

  it.each([
    [{ score: 617, takenAt: '2019-06-07T09:30:00+02:00' }, true],
    [{ score: 0, takenAt: '2019-06-07T07:30:00Z' }, true],
    [{ score: 1000, takenAt: '2019-06-07T07:30:00Z' }, true],
    [{ score: 1001, takenAt: '2019-06-07T07:30:00Z' }, false],
    [{ score: -1, takenAt: '2019-06-07T07:30:00Z' }, false],
    [{ score: 617.5, takenAt: '2019-06-07T07:30:00Z' }, false],
    [{ score: 617, takenAt: '2019-06-07' }, false],
  ])('posts a score /1000 with its instant: %j accepted = %s', (body, accepted) => {
    expect(AttemptScoreBody.safeParse(body).success).toBe(accepted);
  });

  it('names the score and the instant', () => {
    expect(errorsOf(AttemptScoreBody.safeParse({ score: 1200, takenAt: 'hier' }))).toEqual([
      { path: 'score', message: 'Le score doit être un nombre entier entre 0 et 1000.' },
      { path: 'takenAt', message: "La date et l'heure de passage ne sont pas valides." },
    ]);
  });

  it.each([
    ['validated', true],
    ['invalidated', true],
    ['pending', false],
  ])('takes an examiner decision %s: %s', (decision, accepted) => {
    expect(ValidationDecisionBody.safeParse({ decision }).success).toBe(accepted);
  });
});
