import { z } from 'zod';
import {
  CandidateStatus,
  Civility,
  EducationLevel,
  Funding,
  InformationStatus,
  MotherTongue,
  SocioProfessionalCategory,
  Validation,
} from '../shared/enums.js';
import { fr } from '../i18n/messages.js';
import { candidatePasswordPolicy, passwordField } from '../auth/password-policy.js';
import {
  blankAsAbsent,
  calendarDate,
  emailField,
  flag,
  idField,
  isBeforeParisToday,
  optionalChoice,
  optionalText,
  orderedPeriod,
  pageShape,
  periodShape,
  requiredText,
  sameAs,
  searchField,
} from './fields.js';

/**
 * The candidate's file of §6.3: five pages, the first three required
 * (« Identité », « Mot de passe », « Informations »), the last two facultative
 * (« Coordonnées », « Divers »). Built by a function because two things vary:
 * the space's minimum password length (6 or more) and the clock that says
 * whether a birth date is in the past.
 */
export interface CandidateSchemaOptions {
  /** The space's minimum password length; never below 6 (« au moins 6 caractères »). */
  minPasswordLength?: number;
  /** The clock of « in the past » for birth dates; the machine's by default. */
  now?: () => Date;
}

/** Oldest birth date accepted: older ones are typing mistakes (`1899` for `1989`). */
export const BIRTH_DATE_MIN = '1900-01-01';
export const POSTCODE_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9 -]{0,8}[A-Za-z0-9])?$/;
export const PHONE_PATTERN = /^\+?[0-9 ().-]{6,24}$/;

function birthDateField(now: () => Date) {
  return z
    .string({ error: fr('birthDate.required') })
    .trim()
    .min(1, { error: fr('birthDate.required') })
    .pipe(calendarDate('birthDate.invalid'))
    .refine((day) => day >= BIRTH_DATE_MIN, { error: fr('birthDate.invalid') })
    .refine((day) => isBeforeParisToday(day, now()), { error: fr('birthDate.notPast') });
}

function identityShape(now: () => Date) {
  return {
    civility: z.enum(Civility.options, { error: fr('civility.required') }),
    lastName: requiredText({ required: 'lastName.required', tooLong: 'lastName.tooLong', invalid: 'lastName.invalid' }),
    birthName: optionalText({ tooLong: 'birthName.tooLong', invalid: 'birthName.invalid' }),
    firstName: requiredText({ required: 'firstName.required', tooLong: 'firstName.tooLong', invalid: 'firstName.invalid' }),
    email: emailField(),
    birthDate: birthDateField(now),
    birthPostcode: z
      .string({ error: fr('birthPostcode.required') })
      .trim()
      .min(1, { error: fr('birthPostcode.required') })
      .regex(POSTCODE_PATTERN, { error: fr('birthPostcode.invalid') }),
    birthTown: requiredText({ required: 'birthTown.required', tooLong: 'birthTown.tooLong', invalid: 'birthTown.invalid' }),
    birthCountry: requiredText({
      required: 'birthCountry.required',
      tooLong: 'birthCountry.tooLong',
      invalid: 'birthCountry.invalid',
    }),
  };
}

/** « Identité » (required): civility, last name, optional birth name, first name, e-mail (lower-cased), birth date, postcode, town, country. */
export function identityPageSchema({ now = () => new Date() }: CandidateSchemaOptions = {}) {
  return z.object(identityShape(now), { error: fr('identity.required') });
}

const passwordOption = () => flag('password.option.invalid').default(false);

/**
 * « Mot de passe » (required): `value` and `confirmation` equal, at least
 * `minPasswordLength` characters; options: e-mail it to the candidate, with an
 * acknowledgment link (only if e-mailed), send the credentials to the admin.
 */
export function passwordPageSchema({ minPasswordLength }: CandidateSchemaOptions = {}) {
  return z
    .object(
      {
        value: passwordField(candidatePasswordPolicy(minPasswordLength)),
        confirmation: z
          .string({ error: fr('password.confirmationRequired') })
          .min(1, { error: fr('password.confirmationRequired') }),
        sendToCandidate: passwordOption(),
        requestAcknowledgment: passwordOption(),
        sendToAdmin: passwordOption(),
      },
      { error: fr('password.pageRequired') },
    )
    .refine(...sameAs('value', 'confirmation', 'password.mismatch'))
    .refine((p) => !p.requestAcknowledgment || p.sendToCandidate, {
      error: fr('password.acknowledgmentNeedsSending'),
      path: ['requestAcknowledgment'],
    });
}

const informationShape = {
  status: z.enum(InformationStatus.options, { error: fr('status.required') }),
  funding: z.enum(Funding.options, { error: fr('funding.required') }),
};

/** « Informations » (required): status and funding. */
export const InformationPage = z.object(informationShape, { error: fr('information.required') });
export type InformationPage = z.output<typeof InformationPage>;

/** « Coordonnées » (facultative): every field optional; `null` or blank clears it. */
export const ContactPage = z.object(
  {
    phone: optionalText({ tooLong: 'phone.invalid', invalid: 'phone.invalid' }, 24).refine(
      (phone) => phone === null || phone === undefined || (PHONE_PATTERN.test(phone) && phone.replace(/\D/g, '').length >= 6),
      { error: fr('phone.invalid') },
    ),
    address: optionalText({ tooLong: 'address.tooLong', invalid: 'address.invalid' }, 200),
    postcode: optionalText({ tooLong: 'postcode.invalid', invalid: 'postcode.invalid' }, 10).refine(
      (code) => code === null || code === undefined || POSTCODE_PATTERN.test(code),
      { error: fr('postcode.invalid') },
    ),
    town: optionalText({ tooLong: 'town.tooLong', invalid: 'town.invalid' }),
    country: optionalText({ tooLong: 'country.tooLong', invalid: 'country.invalid' }),
  },
  { error: fr('body.invalid') },
);
export type ContactPage = z.output<typeof ContactPage>;

/** « Divers » (facultative): education level, socio-professional category, mother tongue. */
export const MiscPage = z.object(
  {
    educationLevel: optionalChoice(EducationLevel.options, 'educationLevel.invalid'),
    socioProfessionalCategory: optionalChoice(SocioProfessionalCategory.options, 'socioProfessionalCategory.invalid'),
    motherTongue: optionalChoice(MotherTongue.options, 'motherTongue.invalid'),
  },
  { error: fr('body.invalid') },
);
export type MiscPage = z.output<typeof MiscPage>;

/**
 * `POST /candidates`: the three required pages and the two facultative ones
 * (SPEC §4). `candidateCreateSchema({ minPasswordLength: 8 })` for a space that
 * asks for more than 6 characters.
 */
export function candidateCreateSchema(options: CandidateSchemaOptions = {}) {
  return z.object(
    {
      identity: identityPageSchema(options),
      password: passwordPageSchema(options),
      information: InformationPage,
      contact: ContactPage.optional(),
      misc: MiscPage.optional(),
    },
    { error: fr('body.invalid') },
  );
}

/**
 * `PATCH /candidates/:id` (§6.4): each page optional, and inside the identity and
 * information pages each field optional (what is sent is checked as on
 * creation); a password page, when sent, is complete. At least one page.
 */
export function candidatePatchSchema(options: CandidateSchemaOptions = {}) {
  const now = options.now ?? (() => new Date());
  return z
    .object(
      {
        identity: z.object(identityShape(now), { error: fr('field.invalid') }).partial().optional(),
        password: passwordPageSchema(options).optional(),
        information: z.object(informationShape, { error: fr('field.invalid') }).partial().optional(),
        contact: ContactPage.optional(),
        misc: MiscPage.optional(),
      },
      { error: fr('body.invalid') },
    )
    .refine((v) => Object.values(v).some((page) => page !== undefined), { error: fr('update.empty') });
}

/** The default instances (minimum 6 characters, the machine's clock). */
export const CandidateCreateBody = candidateCreateSchema();
export type CandidateCreateBody = z.output<typeof CandidateCreateBody>;
export type CandidateCreateInput = z.input<typeof CandidateCreateBody>;
export const CandidatePatchBody = candidatePatchSchema();
export type CandidatePatchBody = z.output<typeof CandidatePatchBody>;
export type CandidatePatchInput = z.input<typeof CandidatePatchBody>;
export type IdentityPage = z.output<ReturnType<typeof identityPageSchema>>;
export type PasswordPage = z.output<ReturnType<typeof passwordPageSchema>>;

/**
 * Columns of the candidates table one can sort on (§6.1: « cliquez sur le nom
 * d'une colonne »), `-` for descending. `name` is last name then first name;
 * `date` is the taken or scheduled date; `score`, `date` and `lastLoginAt` put
 * empty cells last whatever the direction.
 */
export const CANDIDATE_SORTS = [
  'name',
  '-name',
  'email',
  '-email',
  'lastLoginAt',
  '-lastLoginAt',
  'status',
  '-status',
  'validation',
  '-validation',
  'score',
  '-score',
  'date',
  '-date',
] as const;
export const CandidateSort = z.enum(CANDIDATE_SORTS, { error: fr('sort.invalid') });
export type CandidateSort = z.infer<typeof CandidateSort>;

const candidateFilters = {
  q: searchField,
  status: blankAsAbsent(z.enum(CandidateStatus.options, { error: fr('candidateStatus.invalid') })),
  validation: blankAsAbsent(z.enum(Validation.options, { error: fr('validation.invalid') })),
  groupId: blankAsAbsent(idField('groupId.invalid')),
  ...periodShape,
};

/**
 * `GET /candidates` query (§6.1): search, status, validation, group, period
 * (taken or scheduled date), sort, hidden candidates (R12), cursor paging.
 * Query strings arrive as strings: `includeHidden=true`, `limit=100` are coerced.
 */
export const CandidateListQuery = z
  .object({
    ...candidateFilters,
    sort: blankAsAbsent(CandidateSort).transform((s) => s ?? 'name'),
    includeHidden: blankAsAbsent(flag('includeHidden.invalid')).transform((b) => b ?? false),
    ...pageShape,
  })
  .refine(...orderedPeriod);
export type CandidateListQuery = z.output<typeof CandidateListQuery>;
export type CandidateListQueryInput = z.input<typeof CandidateListQuery>;

/** The filters alone (search, status, validation, group, period), for the selection dialogs of §5.9, §6.6, §6.7. */
export const CandidateFilterQuery = z.object(candidateFilters).refine(...orderedPeriod);
export type CandidateFilterQuery = z.output<typeof CandidateFilterQuery>;
