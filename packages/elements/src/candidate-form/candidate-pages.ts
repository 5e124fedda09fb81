import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  Civility,
  ContactPage,
  EducationLevel,
  Funding,
  InformationPage,
  InformationStatus,
  LABELS,
  MiscPage,
  MotherTongue,
  SocioProfessionalCategory,
  formatDate,
  formatDayInput,
  identityPageSchema,
  parseDayInput,
  passwordPageSchema,
  translateMessage,
  type CandidateDetail,
  type EnumLabels,
  type Locale,
} from '@clr/domain';
import type { CandidateCreateParams as CandidateCreateInput, CandidateUpdateParams as CandidatePatchInput } from '@clr/sdk';
import type { Catalogue } from '../translations/index.js';
import { format } from '../translations/index.js';
import { openPicker } from '../shared/day-field.js';
import { icons } from '../shared/icons.js';

/**
 * The five pages of a candidate's file (§6.3), shared by `<clr-candidate-form>`
 * (creation) and `<clr-candidate-file>` (reading and « Modifier », §6.4): the
 * values as typed, their check by the domain's schemas (each message beside its
 * field), the bodies sent to the API, and the fields themselves.
 */
export const PAGE_KEYS = ['identity', 'password', 'information', 'contact', 'misc'] as const;
export type PageKey = (typeof PAGE_KEYS)[number];

/** « dont les trois premières doivent obligatoirement être remplies ». */
export const REQUIRED_PAGES: ReadonlySet<PageKey> = new Set(['identity', 'password', 'information']);

/** What the fields hold, as typed: strings (the birth date as `jj/mm/aaaa`) and the password page's three options. */
export interface CandidateValues {
  identity: {
    civility: string;
    lastName: string;
    birthName: string;
    firstName: string;
    email: string;
    birthDate: string;
    birthPostcode: string;
    birthTown: string;
    birthCountry: string;
  };
  password: { value: string; confirmation: string; sendToCandidate: boolean; requestAcknowledgment: boolean; sendToAdmin: boolean };
  information: { status: string; funding: string };
  contact: { phone: string; address: string; postcode: string; town: string; country: string };
  misc: { educationLevel: string; socioProfessionalCategory: string; motherTongue: string };
}

/** A field's path in the API's terms: `identity.email`, the `path` of a problem's `errors`. */
export type FieldPath = `${PageKey}.${string}`;

/** Each field's message, by path (the first problem of each field). */
export type FieldErrors = ReadonlyMap<string, string>;

export function emptyValues(): CandidateValues {
  return {
    identity: { civility: '', lastName: '', birthName: '', firstName: '', email: '', birthDate: '', birthPostcode: '', birthTown: '', birthCountry: '' },
    password: { value: '', confirmation: '', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false },
    information: { status: '', funding: '' },
    contact: { phone: '', address: '', postcode: '', town: '', country: '' },
    misc: { educationLevel: '', socioProfessionalCategory: '', motherTongue: '' },
  };
}

/** The file's values as the fields show them (no password ever leaves the server: that page starts empty). */
export function valuesFromDetail(detail: CandidateDetail): CandidateValues {
  const { identity, information, contact, misc, credentials } = detail;
  return {
    identity: {
      civility: identity.civility,
      lastName: identity.lastName,
      birthName: identity.birthName ?? '',
      firstName: identity.firstName,
      email: identity.email,
      birthDate: formatDayInput(identity.birthDate),
      birthPostcode: identity.birthPostcode,
      birthTown: identity.birthTown,
      birthCountry: identity.birthCountry,
    },
    password: {
      value: '',
      confirmation: '',
      sendToCandidate: credentials.sentToCandidate,
      requestAcknowledgment: credentials.acknowledgmentRequested,
      sendToAdmin: credentials.sentToAdmin,
    },
    information: { status: information.status, funding: information.funding },
    contact: {
      phone: contact.phone ?? '',
      address: contact.address ?? '',
      postcode: contact.postcode ?? '',
      town: contact.town ?? '',
      country: contact.country ?? '',
    },
    misc: {
      educationLevel: misc.educationLevel ?? '',
      socioProfessionalCategory: misc.socioProfessionalCategory ?? '',
      motherTongue: misc.motherTongue ?? '',
    },
  };
}

/** Merges stored values (a draft) over empty ones, keeping only known fields of the right type. */
export function mergeValues(stored: unknown): CandidateValues {
  const values = emptyValues();
  if (!stored || typeof stored !== 'object') return values;
  for (const page of PAGE_KEYS) {
    const from = (stored as Record<string, unknown>)[page];
    if (!from || typeof from !== 'object') continue;
    const into = values[page] as Record<string, string | boolean>;
    for (const [key, empty] of Object.entries(into)) {
      const value = (from as Record<string, unknown>)[key];
      if (typeof value === typeof empty) into[key] = value as string | boolean;
    }
  }
  return values;
}

export interface CheckOptions {
  locale: Locale;
  /** The space's minimum password length (6 or more). */
  minPasswordLength?: number;
  now?: () => Date;
  /** In the file: an empty password page means « unchanged », not « missing ». */
  passwordOptional?: boolean;
}

/** What the API receives for a page (the birth date as `YYYY-MM-DD`). */
function pageInput(page: PageKey, values: CandidateValues): Record<string, unknown> {
  switch (page) {
    case 'identity':
      return { ...values.identity, birthDate: parseDayInput(values.identity.birthDate) };
    case 'password':
      return { ...values.password };
    default:
      return { ...values[page] };
  }
}

function schemaOf(page: PageKey, options: CheckOptions) {
  switch (page) {
    case 'identity':
      return identityPageSchema({ now: options.now });
    case 'password':
      return passwordPageSchema({ minPasswordLength: options.minPasswordLength, now: options.now });
    case 'information':
      return InformationPage;
    case 'contact':
      return ContactPage;
    case 'misc':
      return MiscPage;
  }
}

/** Whether the file's password page asks for a change (something typed in either field). */
export function passwordTyped(values: CandidateValues): boolean {
  return values.password.value !== '' || values.password.confirmation !== '';
}

/**
 * The domain's check of one page (§6.3 « Étape suivante »): each field's first
 * message, keyed `page.field`, in the page's language. Empty: the page is valid.
 */
export function checkPage(page: PageKey, values: CandidateValues, options: CheckOptions): Map<string, string> {
  const errors = new Map<string, string>();
  if (page === 'password' && options.passwordOptional && !passwordTyped(values)) return errors;
  const result = schemaOf(page, options).safeParse(pageInput(page, values));
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : Object.keys(values[page])[0];
    const path = `${page}.${field}`;
    if (!errors.has(path)) errors.set(path, options.locale === 'fr' ? issue.message : translateMessage(issue.message, options.locale));
  }
  return errors;
}

/** Whether every field of a facultative page is empty (its page is then left out of the body). */
function blank(page: 'contact' | 'misc', values: CandidateValues): boolean {
  return Object.values(values[page]).every((v) => v.trim() === '');
}

/** `POST /candidates`: the three required pages, and the facultative ones when something was typed. */
export function createBody(values: CandidateValues): CandidateCreateInput {
  const body: CandidateCreateInput = {
    identity: pageInput('identity', values) as CandidateCreateInput['identity'],
    password: pageInput('password', values) as CandidateCreateInput['password'],
    information: pageInput('information', values) as CandidateCreateInput['information'],
  };
  if (!blank('contact', values)) body.contact = pageInput('contact', values) as CandidateCreateInput['contact'];
  if (!blank('misc', values)) body.misc = pageInput('misc', values) as CandidateCreateInput['misc'];
  return body;
}

/**
 * `PATCH /candidates/:id` for the given pages. A blank facultative field clears
 * it (`null`); the password page only when a new password was typed.
 */
export function patchBody(values: CandidateValues, pages: readonly PageKey[]): CandidatePatchInput {
  const body: Record<string, unknown> = {};
  for (const page of pages) {
    if (page === 'password' && !passwordTyped(values)) continue;
    if (page === 'contact' || page === 'misc') {
      body[page] = Object.fromEntries(Object.entries(values[page]).map(([k, v]) => [k, v.trim() === '' ? null : v]));
    } else {
      body[page] = pageInput(page, values);
    }
  }
  return body as CandidatePatchInput;
}

/** The first page holding one of `errors` (where the form goes back to after a refusal). */
export function firstPageWithError(errors: FieldErrors): PageKey | undefined {
  return PAGE_KEYS.find((page) => [...errors.keys()].some((path) => path.startsWith(`${page}.`)));
}

// ——— The fields ———

type Choices = keyof Pick<EnumLabels, 'civility' | 'informationStatus' | 'funding' | 'educationLevel' | 'socioProfessionalCategory' | 'motherTongue'>;

interface FieldDef {
  name: string;
  kind: 'text' | 'email' | 'tel' | 'date' | 'password' | 'select' | 'checkbox';
  required?: boolean;
  /** For selects: the enumeration, in the manual's order, and where its labels are. */
  options?: readonly string[];
  labels?: Choices;
  autocomplete?: string;
  hint?: 'emailHint' | 'passwordHint' | 'requestAcknowledgmentHint';
}

const FIELDS: Record<PageKey, readonly FieldDef[]> = {
  identity: [
    { name: 'civility', kind: 'select', required: true, options: Civility.options, labels: 'civility' },
    { name: 'lastName', kind: 'text', required: true, autocomplete: 'off' },
    { name: 'birthName', kind: 'text', autocomplete: 'off' },
    { name: 'firstName', kind: 'text', required: true, autocomplete: 'off' },
    { name: 'email', kind: 'email', required: true, autocomplete: 'off', hint: 'emailHint' },
    { name: 'birthDate', kind: 'date', required: true },
    { name: 'birthPostcode', kind: 'text', required: true, autocomplete: 'off' },
    { name: 'birthTown', kind: 'text', required: true, autocomplete: 'off' },
    { name: 'birthCountry', kind: 'text', required: true, autocomplete: 'off' },
  ],
  password: [
    { name: 'value', kind: 'password', required: true, autocomplete: 'new-password', hint: 'passwordHint' },
    { name: 'confirmation', kind: 'password', required: true, autocomplete: 'new-password' },
    { name: 'sendToCandidate', kind: 'checkbox' },
    { name: 'requestAcknowledgment', kind: 'checkbox', hint: 'requestAcknowledgmentHint' },
    { name: 'sendToAdmin', kind: 'checkbox' },
  ],
  information: [
    { name: 'status', kind: 'select', required: true, options: InformationStatus.options, labels: 'informationStatus' },
    { name: 'funding', kind: 'select', required: true, options: Funding.options, labels: 'funding' },
  ],
  contact: [
    { name: 'phone', kind: 'tel', autocomplete: 'off' },
    { name: 'address', kind: 'text', autocomplete: 'off' },
    { name: 'postcode', kind: 'text', autocomplete: 'off' },
    { name: 'town', kind: 'text', autocomplete: 'off' },
    { name: 'country', kind: 'text', autocomplete: 'off' },
  ],
  misc: [
    { name: 'educationLevel', kind: 'select', options: EducationLevel.options, labels: 'educationLevel' },
    { name: 'socioProfessionalCategory', kind: 'select', options: SocioProfessionalCategory.options, labels: 'socioProfessionalCategory' },
    { name: 'motherTongue', kind: 'select', options: MotherTongue.options, labels: 'motherTongue' },
  ],
};

/** The label of a field (`value` and `confirmation` are the password page's two fields). */
export function fieldLabel(t: Catalogue, page: PageKey, name: string): string {
  const fields = t.candidateForm.fields as Record<string, string>;
  if (page === 'password' && name === 'value') return fields['password']!;
  return fields[name] ?? name;
}

/** The DOM id of a field's control (inside the element's shadow root). */
export function fieldId(path: string): string {
  return `field-${path.replace('.', '-')}`;
}

export interface FieldsContext {
  t: Catalogue;
  locale: Locale;
  values: CandidateValues;
  errors: FieldErrors;
  minPasswordLength: number;
  /** A field changed: `identity.email`, and its new value. */
  onInput(path: string, value: string | boolean): void;
  /** In the file, a new password is optional: its fields are not required. */
  passwordOptional?: boolean;
}

function renderField(page: PageKey, def: FieldDef, ctx: FieldsContext): TemplateResult {
  const { t, values, errors } = ctx;
  const path = `${page}.${def.name}`;
  const id = fieldId(path);
  const value = (values[page] as Record<string, string | boolean>)[def.name];
  const error = errors.get(path);
  const label = fieldLabel(t, page, def.name);
  const required = def.required === true && !(page === 'password' && ctx.passwordOptional);
  const hintId = def.hint || def.kind === 'date' ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const hint = def.hint
    ? format(t.candidateForm.fields[def.hint], { min: ctx.minPasswordLength })
    : def.kind === 'date'
      ? t.candidateForm.dateHint
      : undefined;
  const hintLine = hint ? html`<p class="hint" id=${ifDefined(hintId)} part="hint">${hint}</p>` : nothing;
  const errorLine = error ? html`<p class="field-error" id=${ifDefined(errorId)} part="field-error">${error}</p>` : nothing;
  const onText = (e: Event) => ctx.onInput(path, (e.target as HTMLInputElement | HTMLSelectElement).value);

  if (def.kind === 'checkbox') {
    const disabled = def.name === 'requestAcknowledgment' && !values.password.sendToCandidate;
    return html`<div class="field checkbox ${error ? 'invalid' : ''}" part="field">
      <input
        type="checkbox"
        id=${id}
        name=${path}
        .checked=${value === true}
        ?disabled=${disabled}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
        @change=${(e: Event) => ctx.onInput(path, (e.target as HTMLInputElement).checked)}
      />
      <label for=${id}>${label}</label>
      ${hintLine}${errorLine}
    </div>`;
  }

  const labelLine = html`<label for=${id} part="label">${label}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>`;
  let control: TemplateResult;
  if (def.kind === 'select') {
    const labels = LABELS[ctx.locale][def.labels!] as Record<string, string>;
    control = html`<select
      id=${id}
      name=${path}
      part="input"
      ?required=${required}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy)}
      @change=${onText}
    >
      <option value="" ?selected=${value === ''}>${t.candidateForm.choose}</option>
      ${def.options!.map((option) => html`<option value=${option} ?selected=${value === option}>${labels[option]}</option>`)}
    </select>`;
  } else if (def.kind === 'date') {
    control = html`<span class="date">
      <input
        type="text"
        id=${id}
        name=${path}
        part="input"
        inputmode="numeric"
        placeholder=${t.candidateForm.datePlaceholder}
        .value=${String(value)}
        ?required=${required}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy)}
        @input=${onText}
      />
      <button type="button" class="icon" part="calendar-button" title=${format(t.candidateForm.openCalendar, { label })} aria-label=${format(t.candidateForm.openCalendar, { label })} @click=${openPicker}>
        ${icons.calendar}
      </button>
      <input
        type="date"
        class="picker"
        tabindex="-1"
        aria-hidden="true"
        .value=${parseDayInput(String(value)).match(/^\d{4}-\d{2}-\d{2}$/) ? parseDayInput(String(value)) : ''}
        @change=${(e: Event) => ctx.onInput(path, formatDayInput((e.target as HTMLInputElement).value))}
      />
    </span>`;
  } else {
    control = html`<input
      type=${def.kind}
      id=${id}
      name=${path}
      part="input"
      autocomplete=${ifDefined(def.autocomplete)}
      .value=${String(value)}
      ?required=${required}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy)}
      @input=${onText}
    />`;
  }
  return html`<div class="field ${error ? 'invalid' : ''}" part="field">${labelLine}${hintLine}${errorLine}${control}</div>`;
}

/** The fields of one page, for typing. */
export function renderPageFields(page: PageKey, ctx: FieldsContext): TemplateResult {
  return html`${FIELDS[page].map((def) => renderField(page, def, ctx))}`;
}

/** The values of one page, read-only (« Non renseigné » for an empty field). */
export function renderPageValues(page: PageKey, detail: CandidateDetail, t: Catalogue, locale: Locale): TemplateResult {
  const values = valuesFromDetail(detail);
  const labelsOf = LABELS[locale];
  const shown = (def: FieldDef): string => {
    const raw = (values[page] as Record<string, string | boolean>)[def.name];
    if (def.kind === 'checkbox') return raw ? t.candidateForm.yes : t.candidateForm.no;
    if (raw === '' || raw === undefined) return '';
    if (def.kind === 'select') return (labelsOf[def.labels!] as Record<string, string>)[String(raw)] ?? String(raw);
    if (def.kind === 'date') return formatDate(detail.identity.birthDate);
    return String(raw);
  };
  const defs = FIELDS[page].filter((def) => def.kind !== 'password');
  return html`<dl class="values" part="values">
    ${page === 'password'
      ? html`<div><dt>${t.candidateForm.fields.password}</dt><dd>••••••</dd></div>`
      : nothing}
    ${defs.map((def) => {
      const text = shown(def);
      return html`<div><dt>${fieldLabel(t, page, def.name)}</dt><dd class=${text ? '' : 'empty'}>${text || t.candidateForm.notGiven}</dd></div>`;
    })}
  </dl>`;
}

/** The styles of the fields and values, shared by the form and the file. */
export { pageStyles } from './candidate-pages.styles.js';
