import type { Locale } from './labels.js';

/**
 * Messages of the request schemas and of the people rules (R10–R18, R21), in
 * the manual's French and in English, keyed by a stable id. Every French text
 * names the field it is about (« Le nom est obligatoire. ») so that the UI can
 * show it beside the field and a screen reader still makes sense of it alone.
 *
 * Placeholders are `{name}`; {@link formatMessage} fills them. The schemas raise
 * the French text itself (the UI is French first, and a raw zod issue is then
 * already readable); {@link messageIdOf} finds the id and parameters back from a
 * French text, which is how {@link translateMessage} and `toFieldErrors(…, 'en')`
 * produce English. Every French template is therefore distinct (a test checks it).
 */
const FR = {
  // Generic
  'body.invalid': "Le contenu de la requête n'est pas valide.",
  'field.required': 'Ce champ est obligatoire.',
  'field.invalid': "Ce champ n'est pas valide.",
  'field.unexpected': "Ce champ n'est pas attendu.",
  'validation.summary': 'Certains champs ne sont pas valides.',
  'update.empty': 'Aucune modification à enregistrer.',

  // Pages of a candidate's file (§6.3)
  'identity.required': 'La page « Identité » est obligatoire.',
  'password.pageRequired': 'La page « Mot de passe » est obligatoire.',
  'information.required': 'La page « Informations » est obligatoire.',

  // Identity (§6.3)
  'civility.required': 'La civilité est obligatoire.',
  'lastName.required': 'Le nom est obligatoire.',
  'lastName.tooLong': 'Le nom ne doit pas dépasser {max} caractères.',
  'lastName.invalid': "Le nom n'est pas valide.",
  'birthName.tooLong': 'Le nom de naissance ne doit pas dépasser {max} caractères.',
  'birthName.invalid': "Le nom de naissance n'est pas valide.",
  'firstName.required': 'Le prénom est obligatoire.',
  'firstName.tooLong': 'Le prénom ne doit pas dépasser {max} caractères.',
  'firstName.invalid': "Le prénom n'est pas valide.",
  'email.required': 'Le courriel est obligatoire.',
  'email.invalid': "Le courriel n'est pas valide.",
  'email.tooLong': 'Le courriel ne doit pas dépasser {max} caractères.',
  'birthDate.required': 'La date de naissance est obligatoire.',
  'birthDate.invalid': "La date de naissance n'est pas valide.",
  'birthDate.notPast': 'La date de naissance doit être dans le passé.',
  'birthPostcode.required': 'Le code postal de naissance est obligatoire.',
  'birthPostcode.invalid': "Le code postal de naissance n'est pas valide.",
  'birthTown.required': 'La commune de naissance est obligatoire.',
  'birthTown.tooLong': 'La commune de naissance ne doit pas dépasser {max} caractères.',
  'birthTown.invalid': "La commune de naissance n'est pas valide.",
  'birthCountry.required': 'Le pays de naissance est obligatoire.',
  'birthCountry.tooLong': 'Le pays de naissance ne doit pas dépasser {max} caractères.',
  'birthCountry.invalid': "Le pays de naissance n'est pas valide.",

  // Passwords (§1.1, §1.2, §6.3)
  'password.required': 'Le mot de passe est obligatoire.',
  'password.tooShort': 'Le mot de passe doit contenir au moins {min} caractères.',
  'password.tooLong': 'Le mot de passe ne doit pas dépasser {max} caractères.',
  'password.letterAndDigit': 'Le mot de passe doit contenir au moins une lettre et un chiffre.',
  'password.confirmationRequired': 'La confirmation du mot de passe est obligatoire.',
  'password.mismatch': 'Les mots de passe ne correspondent pas.',
  'password.currentRequired': 'Le mot de passe actuel est obligatoire.',
  'password.currentWrong': 'Le mot de passe actuel est incorrect.',
  'profile.emailNeedsPassword': 'Saisissez votre mot de passe actuel pour changer votre adresse électronique.',
  'password.sameAsCurrent': "Le nouveau mot de passe doit être différent de l'actuel.",
  'password.option.invalid': "L'option d'envoi du mot de passe n'est pas valide.",
  'password.acknowledgmentNeedsSending':
    "L'accusé de réception ne peut être demandé que si le mot de passe est envoyé au candidat.",
  'resetToken.invalid': "Le lien de réinitialisation n'est pas valide ou a expiré.",

  // Information (§6.3)
  'status.required': 'Le statut du candidat est obligatoire.',
  'funding.required': 'Le mode de financement est obligatoire.',

  // Contact (§6.3)
  'phone.invalid': "Le numéro de téléphone n'est pas valide.",
  'address.tooLong': "L'adresse ne doit pas dépasser {max} caractères.",
  'address.invalid': "L'adresse n'est pas valide.",
  'postcode.invalid': "Le code postal n'est pas valide.",
  'town.tooLong': 'La commune ne doit pas dépasser {max} caractères.',
  'town.invalid': "La commune n'est pas valide.",
  'country.tooLong': 'Le pays ne doit pas dépasser {max} caractères.',
  'country.invalid': "Le pays n'est pas valide.",

  // Misc (§6.3)
  'educationLevel.invalid': "Le niveau d'études n'est pas valide.",
  'socioProfessionalCategory.invalid': "La catégorie socio-professionnelle n'est pas valide.",
  'motherTongue.invalid': "La langue maternelle n'est pas valide.",

  // Orders (§4.3)
  'orderLines.required': 'La commande doit contenir au moins un produit.',
  'orderLines.tooMany': 'La commande ne peut pas contenir plus de {max} lignes.',
  'productId.required': 'Le produit est obligatoire.',
  'quantity.invalid': 'La quantité doit être un nombre entier entre 1 et 10 000.',

  // Lists, filters and sorting
  'q.tooLong': 'La recherche ne doit pas dépasser {max} caractères.',
  'q.invalid': 'La recherche ne doit pas contenir de caractère de contrôle (tabulation, retour à la ligne…).',
  'examType.required': "Le type d'examen est obligatoire.",
  'examType.invalid': "Le type d'examen n'est pas valide.",
  'from.invalid': "La date de début n'est pas valide.",
  'to.invalid': "La date de fin n'est pas valide.",
  'period.reversed': 'La date de fin doit être postérieure ou égale à la date de début.',
  'section.invalid': "La section n'est pas valide.",
  'sort.invalid': "Le tri demandé n'est pas disponible.",
  'candidateStatus.invalid': "Le statut de passage n'est pas valide.",
  'validation.invalid': "L'état de validation n'est pas valide.",
  'groupId.invalid': "Le groupe n'est pas valide.",
  'includeHidden.invalid': "L'option « Afficher les candidats masqués » n'est pas valide.",
  'cursor.invalid': "Le curseur de pagination n'est pas valide.",
  'limit.invalid': 'Le nombre de lignes par page doit être un nombre entier entre 1 et {max}.',

  // Groups (§5)
  'groupName.required': 'Le nom du groupe est obligatoire.',
  'groupName.tooLong': 'Le nom du groupe ne doit pas dépasser {max} caractères.',
  'groupName.invalid': "Le nom du groupe n'est pas valide.",
  'groupCategory.required': 'La catégorie du groupe est obligatoire.',
  'groupCategory.invalid': "La catégorie du groupe n'est pas valide.",
  'hidden.invalid': "L'option « Masquer le groupe » n'est pas valide.",
  'candidateIds.required': 'Sélectionnez au moins un candidat.',
  'candidateIds.tooMany': 'Vous ne pouvez pas sélectionner plus de {max} candidats à la fois.',
  'candidateIds.duplicate': 'Un même candidat est sélectionné plusieurs fois.',
  'candidateId.invalid': "L'identifiant du candidat n'est pas valide.",

  // Assignments (§6.5, §6.6)
  'scheduledAt.invalid': "La date de passage souhaitée n'est pas valide.",
  'sessionId.invalid': "La session d'examen n'est pas valide.",
  'notify.invalid': "L'option d'envoi d'un courriel au candidat n'est pas valide.",
  // R5–R8, raised by the assignment rules (schedule, seats, current exam): English for the dialogs and the API.
  'session.required': 'Choisissez une session dans un centre La Poste.',
  'session.otherType': "Cette session n'est pas proposée pour ce type d'examen.",
  'session.started': 'Cette session a déjà commencé : choisissez une session à venir.',
  'session.dateMismatch': 'La date de passage est celle de la session choisie : le {date}.',
  'session.notAllowed': "Ce type d'examen ne se passe pas dans un centre La Poste.",
  'session.full': 'Plus aucune place dans la session du {date} à {city} : choisissez une autre session.',
  'scheduledAt.required': 'Choisissez une date de passage.',
  'scheduledAt.notADate': "La date de passage n'est pas une date valide.",
  'scheduledAt.past': "La date de passage doit être aujourd'hui ou une date à venir.",
  'scheduledAt.notAllowed': "Ce type d'examen ne se programme pas à une date : il est disponible dès l'attribution.",
  'assignment.exists': "Ce candidat a déjà un examen attribué qu'il n'a pas encore passé : modifiez ou supprimez cette attribution.",
  'assignment.none': "Ce candidat n'a pas d'examen attribué.",
  'assignment.takenModify': 'Cet examen a déjà été passé : son attribution ne peut plus être modifiée.',
  'assignment.takenRemove': 'Cet examen a déjà été passé : son attribution ne peut plus être supprimée.',
  'bulk.busyOne': '{n} candidat a déjà un examen attribué non passé.',
  'bulk.busyMany': '{n} candidats ont déjà un examen attribué non passé.',
  'bulk.nothingOne': "{n} candidat n'a pas d'examen attribué non passé à supprimer.",
  'bulk.nothingMany': "{n} candidats n'ont pas d'examen attribué non passé à supprimer.",

  // Activation codes and documents (§6.7, §6.10–6.12)
  'activationCode.invalid': "Le code d'activation n'est pas valide.",
  'assignmentId.invalid': "L'identifiant de l'attribution n'est pas valide.",
  'attemptStart.oneOf': "Indiquez soit un code d'activation, soit une attribution.",
  'documentKind.invalid': "Le type de document n'est pas valide.",

  // Integration with the exam platform
  'score.invalid': 'Le score doit être un nombre entier entre 0 et 1000.',
  'takenAt.invalid': "La date et l'heure de passage ne sont pas valides.",
  'decision.invalid': 'La décision doit être « validé » ou « invalidé ».',

  // Embedding
  'origin.invalid': "L'origine n'est pas valide (exemple : https://intranet.exemple.fr).",
  'ttlSeconds.invalid': 'La durée de validité doit être un nombre entier de secondes entre 60 et {max}.',
  'scopes.invalid': "Les droits du jeton doivent être « read » (lecture) et, s'il doit aussi modifier, « write » (écriture).",
  'origins.tooMany': "Un espace peut autoriser au plus {max} origines d'intégration.",
  'origins.duplicate': 'Cette origine est déjà dans la liste.',
  'embed.readOnly': "Ce jeton d'intégration est en lecture seule : il ne peut rien modifier.",

  // Rules
  'candidate.notDeletable.attempt':
    'Ce candidat a déjà passé un examen : il ne peut pas être supprimé, mais il peut être masqué (affectez-le à un groupe puis masquez le groupe).',
  'candidate.notDeletable.assignment':
    "Un examen est attribué à ce candidat : il ne peut pas être supprimé. Supprimez d'abord l'attribution, ou masquez-le (affectez-le à un groupe puis masquez le groupe).",
  'candidate.locked': 'Ce candidat a déjà passé un examen : son dossier ne peut plus être modifié.',
  'group.unknownCandidates': 'Certains candidats sélectionnés sont introuvables.',
  'group.notMember': "Ce candidat n'appartient pas à ce groupe.",
  'activationCode.exhausted': "Impossible de générer un code d'activation unique. Veuillez réessayer.",
  'publicCode.exhausted': 'Impossible de générer un code public de vérification unique. Veuillez réessayer.',
  'verification.notFound': 'Aucun résultat validé ne correspond à ce code de vérification.',
  'documents.notEligible.report': "Certains candidats sélectionnés n'ont pas de bilan détaillé disponible.",
  'documents.notEligible.registration':
    "Certains candidats sélectionnés n'ont pas d'attestation d'inscription disponible.",
  'documents.notEligible.attendance':
    "Certains candidats sélectionnés n'ont pas d'attestation de passage disponible.",

  // Sign-in (§1.1): the server's refusal, in English on an English page
  'credentials.invalid': 'Identifiant ou mot de passe incorrect.',
} as const;

export type MessageId = keyof typeof FR;

const EN: Record<MessageId, string> = {
  'body.invalid': 'The request body is not valid.',
  'field.required': 'This field is required.',
  'field.invalid': 'This field is not valid.',
  'field.unexpected': 'This field is not expected.',
  'validation.summary': 'Some fields are not valid.',
  'update.empty': 'There is nothing to save.',

  'identity.required': 'The “Identity” page is required.',
  'password.pageRequired': 'The “Password” page is required.',
  'information.required': 'The “Information” page is required.',

  'civility.required': 'The title is required.',
  'lastName.required': 'The last name is required.',
  'lastName.tooLong': 'The last name must not exceed {max} characters.',
  'lastName.invalid': 'The last name is not valid.',
  'birthName.tooLong': 'The birth name must not exceed {max} characters.',
  'birthName.invalid': 'The birth name is not valid.',
  'firstName.required': 'The first name is required.',
  'firstName.tooLong': 'The first name must not exceed {max} characters.',
  'firstName.invalid': 'The first name is not valid.',
  'email.required': 'The e-mail address is required.',
  'email.invalid': 'The e-mail address is not valid.',
  'email.tooLong': 'The e-mail address must not exceed {max} characters.',
  'birthDate.required': 'The date of birth is required.',
  'birthDate.invalid': 'The date of birth is not valid.',
  'birthDate.notPast': 'The date of birth must be in the past.',
  'birthPostcode.required': 'The postcode of the place of birth is required.',
  'birthPostcode.invalid': 'The postcode of the place of birth is not valid.',
  'birthTown.required': 'The town of birth is required.',
  'birthTown.tooLong': 'The town of birth must not exceed {max} characters.',
  'birthTown.invalid': 'The town of birth is not valid.',
  'birthCountry.required': 'The country of birth is required.',
  'birthCountry.tooLong': 'The country of birth must not exceed {max} characters.',
  'birthCountry.invalid': 'The country of birth is not valid.',

  'password.required': 'The password is required.',
  'password.tooShort': 'The password must contain at least {min} characters.',
  'password.tooLong': 'The password must not exceed {max} characters.',
  'password.letterAndDigit': 'The password must contain at least one letter and one digit.',
  'password.confirmationRequired': 'The password confirmation is required.',
  'password.mismatch': 'The passwords do not match.',
  'password.currentRequired': 'The current password is required.',
  'password.currentWrong': 'The current password is incorrect.',
  'profile.emailNeedsPassword': 'Enter your current password to change your e-mail address.',
  'password.sameAsCurrent': 'The new password must differ from the current one.',
  'password.option.invalid': 'The password sending option is not valid.',
  'password.acknowledgmentNeedsSending':
    'An acknowledgment can only be requested when the password is e-mailed to the candidate.',
  'resetToken.invalid': 'The reset link is not valid or has expired.',

  'status.required': "The candidate's status is required.",
  'funding.required': 'The funding method is required.',

  'phone.invalid': 'The phone number is not valid.',
  'address.tooLong': 'The address must not exceed {max} characters.',
  'address.invalid': 'The address is not valid.',
  'postcode.invalid': 'The postcode is not valid.',
  'town.tooLong': 'The town must not exceed {max} characters.',
  'town.invalid': 'The town is not valid.',
  'country.tooLong': 'The country must not exceed {max} characters.',
  'country.invalid': 'The country is not valid.',

  'educationLevel.invalid': 'The education level is not valid.',
  'socioProfessionalCategory.invalid': 'The socio-professional category is not valid.',
  'motherTongue.invalid': 'The mother tongue is not valid.',

  'orderLines.required': 'The order must contain at least one product.',
  'orderLines.tooMany': 'The order cannot contain more than {max} lines.',
  'productId.required': 'The product is required.',
  'quantity.invalid': 'The quantity must be a whole number between 1 and 10,000.',

  'q.tooLong': 'The search must not exceed {max} characters.',
  'q.invalid': 'The search must not contain control characters (tab, line break…).',
  'examType.required': 'The exam type is required.',
  'examType.invalid': 'The exam type is not valid.',
  'from.invalid': 'The start date is not valid.',
  'to.invalid': 'The end date is not valid.',
  'period.reversed': 'The end date must be on or after the start date.',
  'section.invalid': 'The section is not valid.',
  'sort.invalid': 'The requested sort order is not available.',
  'candidateStatus.invalid': 'The exam status is not valid.',
  'validation.invalid': 'The validation state is not valid.',
  'groupId.invalid': 'The group is not valid.',
  'includeHidden.invalid': 'The “Show hidden candidates” option is not valid.',
  'cursor.invalid': 'The pagination cursor is not valid.',
  'limit.invalid': 'The number of rows per page must be a whole number between 1 and {max}.',

  'groupName.required': 'The group name is required.',
  'groupName.tooLong': 'The group name must not exceed {max} characters.',
  'groupName.invalid': 'The group name is not valid.',
  'groupCategory.required': 'The group category is required.',
  'groupCategory.invalid': 'The group category is not valid.',
  'hidden.invalid': 'The “Hide the group” option is not valid.',
  'candidateIds.required': 'Select at least one candidate.',
  'candidateIds.tooMany': 'You cannot select more than {max} candidates at once.',
  'candidateIds.duplicate': 'The same candidate is selected more than once.',
  'candidateId.invalid': 'The candidate identifier is not valid.',

  'scheduledAt.invalid': 'The requested exam date is not valid.',
  'sessionId.invalid': 'The exam session is not valid.',
  'notify.invalid': 'The option to e-mail the candidate is not valid.',
  'session.required': 'Choose a session at a La Poste centre.',
  'session.otherType': 'This session is not offered for this type of exam.',
  'session.started': 'This session has already started: choose an upcoming session.',
  'session.dateMismatch': 'The exam date is that of the session chosen: {date}.',
  'session.notAllowed': 'This type of exam is not taken at a La Poste centre.',
  'session.full': 'No seat is left in the session of {date} in {city}: choose another session.',
  'scheduledAt.required': 'Choose an exam date.',
  'scheduledAt.notADate': 'The exam date is not a valid date.',
  'scheduledAt.past': 'The exam date must be today or a later date.',
  'scheduledAt.notAllowed': 'This type of exam is not scheduled on a date: it is available as soon as it is assigned.',
  'assignment.exists': 'This candidate already has an exam assigned and not yet taken: change or remove that assignment.',
  'assignment.none': 'This candidate has no exam assigned.',
  'assignment.takenModify': 'This exam has already been taken: its assignment can no longer be changed.',
  'assignment.takenRemove': 'This exam has already been taken: its assignment can no longer be removed.',
  'bulk.busyOne': '{n} candidate already has an exam assigned and not yet taken.',
  'bulk.busyMany': '{n} candidates already have an exam assigned and not yet taken.',
  'bulk.nothingOne': '{n} candidate has no untaken exam to remove.',
  'bulk.nothingMany': '{n} candidates have no untaken exam to remove.',

  'activationCode.invalid': 'The activation code is not valid.',
  'assignmentId.invalid': 'The assignment identifier is not valid.',
  'attemptStart.oneOf': 'Give either an activation code or an assignment.',
  'documentKind.invalid': 'The document type is not valid.',

  'score.invalid': 'The score must be a whole number between 0 and 1000.',
  'takenAt.invalid': 'The date and time the exam was taken are not valid.',
  'decision.invalid': 'The decision must be “validated” or “invalidated”.',

  'origin.invalid': 'The origin is not valid (example: https://intranet.example.com).',
  'ttlSeconds.invalid': 'The lifetime must be a whole number of seconds between 60 and {max}.',
  'scopes.invalid': 'The token\'s scopes must be « read » and, if it must also make changes, « write ».',
  'origins.tooMany': 'A space may allow at most {max} embedding origins.',
  'origins.duplicate': 'This origin is already in the list.',
  'embed.readOnly': 'This embed token is read-only: it cannot change anything.',

  'candidate.notDeletable.attempt':
    'This candidate has already taken an exam: they cannot be deleted, but they can be hidden (add them to a group, then hide the group).',
  'candidate.notDeletable.assignment':
    'An exam is assigned to this candidate: they cannot be deleted. Remove the assignment first, or hide them (add them to a group, then hide the group).',
  'candidate.locked': "This candidate has already taken an exam: their file can no longer be edited.",
  'group.unknownCandidates': 'Some selected candidates cannot be found.',
  'group.notMember': 'This candidate does not belong to this group.',
  'activationCode.exhausted': 'Could not generate a unique activation code. Please try again.',
  'publicCode.exhausted': 'Could not generate a unique public verification code. Please try again.',
  'verification.notFound': 'No validated result matches this verification code.',
  'documents.notEligible.report': 'Some selected candidates have no detailed report available.',
  'documents.notEligible.registration': 'Some selected candidates have no registration certificate available.',
  'documents.notEligible.attendance': 'Some selected candidates have no attendance certificate available.',
  'credentials.invalid': 'Incorrect login or password.',
};

/** The message catalogue, one table per locale, keyed by {@link MessageId}. */
export const MESSAGES: Record<Locale, Record<MessageId, string>> = { fr: FR, en: EN };

export type MessageParams = Record<string, string | number>;

/** Formats a number the way the locale writes it (`10 000` / `10,000`); other values as they are. */
function formatParam(value: string | number, locale: Locale): string {
  if (typeof value !== 'number') return value;
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(value).replace(/\u202f|\u00a0/g, ' ');
}

/** The text of a message in a locale, its `{name}` placeholders filled from `params`. */
export function formatMessage(id: MessageId, locale: Locale = 'fr', params: MessageParams = {}): string {
  return MESSAGES[locale][id].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : formatParam(value, locale);
  });
}

/** Shorthand for the French text, which is what the schemas and rules raise. */
export function fr(id: MessageId, params?: MessageParams): string {
  return formatMessage(id, 'fr', params);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Template {
  id: MessageId;
  pattern: RegExp;
  names: string[];
}

const FR_TEMPLATES: Template[] = (Object.keys(FR) as MessageId[]).map((id) => {
  const text: string = FR[id];
  const names: string[] = [];
  const source = text
    .split(/(\{\w+\})/)
    .map((part) => {
      const placeholder = /^\{(\w+)\}$/.exec(part);
      if (!placeholder) return escapeRegExp(part);
      names.push(placeholder[1] as string);
      return '(.+?)';
    })
    .join('');
  return { id, pattern: new RegExp(`^${source}$`), names };
});

/**
 * The id (and placeholder values) of a French message text, or `undefined` for a
 * text that is not in the catalogue (zod's own English defaults, for instance).
 */
export function messageIdOf(frenchText: string): { id: MessageId; params: Record<string, string> } | undefined {
  for (const template of FR_TEMPLATES) {
    const match = template.pattern.exec(frenchText);
    if (!match) continue;
    const params: Record<string, string> = {};
    template.names.forEach((name, i) => {
      params[name] = match[i + 1] as string;
    });
    return { id: template.id, params };
  }
  return undefined;
}

/** Parses a number written in French (`10 000`, `12,5`); the text itself when it is not one. */
function parseFrenchNumber(text: string): string | number {
  const compact = text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : text;
}

/**
 * A French message of the catalogue in another locale (`'fr'` returns it as is).
 * A text that is not in the catalogue is returned unchanged.
 */
export function translateMessage(frenchText: string, locale: Locale): string {
  if (locale === 'fr') return frenchText;
  const found = messageIdOf(frenchText);
  if (!found) return frenchText;
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(found.params)) params[name] = parseFrenchNumber(value);
  return formatMessage(found.id, locale, params);
}
