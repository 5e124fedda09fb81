import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { candidateName, formatDateTime, type CandidateDetail } from '@clr/domain';
import { ClrNetworkError, CANDIDATE_FORM_SECRETS } from '@clr/sdk';
import { ClrElement } from '../shared/clr-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { format } from '../translations/index.js';
import { ClrBackToTableEvent, ClrCandidateCreatedEvent, ClrCandidateSavedEvent } from './candidate-form.events.js';
import { PAGE_KEYS, REQUIRED_PAGES, createBody, emptyValues, fieldId, mergeValues, patchBody, renderPageFields, type CandidateValues, type PageKey } from './candidate-pages.js';
import { CandidateValuesController, renderErrorSummary } from './candidate-values.js';
import { DraftController } from './draft.js';
import { pageStyles } from './candidate-pages.styles.js';
import { styles } from './candidate-form.styles.js';

/** What the draft store keeps: the values without the password (`CANDIDATE_FORM_SECRETS`), the page, when. */
interface StoredDraft extends CandidateValues {
  step: number;
  savedAt: string;
}

/** The index of « Informations »: « Étape suivante » there creates the candidate. */
const CREATE_STEP = 2;

/** « DUPONT Marie ». */
/**
 * « Créer un candidat et compléter son dossier » (manual §6.3): five pages shown
 * as a stepper — « Identité », « Mot de passe », « Informations » (required),
 * « Coordonnées », « Divers » (facultative). « Étape suivante » checks the page
 * with the domain's schemas and shows each message beside its field, with a
 * summary at the top linking to each. After « Informations » the candidate is
 * created (`client.candidates.create`), then « Continuer » leads to the
 * facultative pages (each saved with `client.candidates.update`) and
 * « Retourner au tableau » leaves.
 *
 * What is typed is kept as a draft in the SDK's draft store
 * (`client.drafts`, IndexedDB when the client has `createIdbCache`): it comes
 * back after a reload or a closed tab — without the password, never stored —
 * and is cleared once the candidate is created. A server refusal (409, 422)
 * shows the server's message on its field; a lost connection keeps what was
 * typed and offers « Réessayer ». The birth date is typed `jj/mm/aaaa`
 * whatever the browser's locale (a calendar button helps).
 *
 * @summary The §6.3 five-page candidate creation form.
 *
 * @fires clr-candidate-created - After page 3: `detail.candidate` is the new file.
 * @fires clr-candidate-saved - « Enregistrer » on the last page saved the facultative pages.
 * @fires clr-back-to-table - « Retourner au tableau »: show the candidates table.
 *
 * @csspart steps - The stepper (an ordered list of the five pages).
 * @csspart step - One page of the stepper; `step current`, `step done`.
 * @csspart page - The current page's fieldset.
 * @csspart field - A field (label, hint, message, control).
 * @csspart label - A field's label.
 * @csspart input - A text field or select.
 * @csspart hint - A field's hint.
 * @csspart field-error - The message beside a field.
 * @csspart calendar-button - The button opening the calendar beside a date.
 * @csspart error-summary - « Il y a un problème » and the links to each field.
 * @csspart error - A message that is not about one field (role alert), with « Réessayer ».
 * @csspart draft - The notice of a restored draft.
 * @csspart actions - The buttons under the page.
 * @csspart next - « Étape suivante » (and « Enregistrer » on the last page).
 * @csspart previous - « Étape précédente ».
 * @csspart created - The confirmation shown once the candidate is created.
 * @csspart continue - « Continuer ».
 * @csspart back - « Retourner au tableau ».
 * @csspart status - Polite announcements (saving, saved).
 */
export class ClrCandidateForm extends ClrElement {
  static override styles = [tokens, pageStyles, styles];

  /** The space's minimum password length (« au moins 6 caractères »; a space may ask for more). */
  @property({ type: Number, attribute: 'min-password-length' })
  minPasswordLength = 6;

  /** The key of the draft in the SDK's draft store: one per form on a page. */
  @property({ attribute: 'draft-key' })
  draftKey = 'candidate-form';

  /** The page shown, 0 to 4. */
  @state() step = 0;
  @state() private failure: { message: string; retry: boolean } | null = null;
  @state() private busy = false;
  @state() private created: CandidateDetail | null = null;
  @state() private showCreated = false;
  @state() private finished = false;
  @state() private furthest = 0;
  @state() private draftNotice: { savedAt: string; passwordLost: boolean } | null = null;
  @state() private ready = false;
  @state() private announcement = '';

  #fields = new CandidateValuesController(this, { onInput: () => this.#scheduleDraft() });
  #draft = new DraftController<StoredDraft>(this, {
    client: () => this.api,
    key: () => this.draftKey,
    value: () => ({ ...structuredClone(this.#fields.values), step: this.step, savedAt: new Date().toISOString() }),
    exclude: CANDIDATE_FORM_SECRETS,
  });
  #draftLoading = false;
  #focusAfterRender: 'heading' | 'summary' | 'error' | 'created' | null = null;

  /** The created candidate's file (after page 3), else `null`. */
  get candidate(): CandidateDetail | null {
    return this.created;
  }

  /** Empties the form and forgets the draft. */
  async reset(): Promise<void> {
    this.#fields.values = emptyValues();
    this.failure = null;
    this.created = null;
    this.showCreated = false;
    this.finished = false;
    this.step = 0;
    this.furthest = 0;
    this.draftNotice = null;
    await this.#draft.clear();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.ready && !this.#draftLoading && this.api) void this.#loadDraft();
    super.willUpdate(changed);
  }

  protected override updated(): void {
    const target = this.#focusAfterRender;
    this.#focusAfterRender = null;
    if (!target) return;
    const selector = { heading: '.page-title', summary: '.error-summary', error: '[part~="error"]', created: '.created-title' }[target];
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async #loadDraft(): Promise<void> {
    this.#draftLoading = true;
    const stored = await this.#draft.load();
    if (stored && typeof stored === 'object') {
      this.#fields.values = mergeValues(stored);
      const passwordLost = this.#fields.values.password.value === '';
      const step = Math.min(Math.max(0, Number(stored.step) || 0), CREATE_STEP);
      this.furthest = step;
      // The password is never stored: a draft past its page comes back on it.
      this.step = passwordLost ? Math.min(step, 1) : step;
      this.draftNotice = { savedAt: typeof stored.savedAt === 'string' ? stored.savedAt : '', passwordLost: passwordLost && step >= 1 };
    }
    this.ready = true;
    this.#draftLoading = false;
  }

  #scheduleDraft(): void {
    if (!this.created) this.#draft.schedule();
  }

  #check(pages: readonly PageKey[]): boolean {
    return this.#fields.check(pages, { locale: this.locale, minPasswordLength: this.minPasswordLength });
  }

  #goTo(step: number): void {
    this.step = step;
    this.furthest = Math.max(this.furthest, step);
    this.#fields.clearErrors();
    this.failure = null;
    this.#focusAfterRender = 'heading';
    this.#scheduleDraft();
  }

  #showErrors(errors: ReadonlyMap<string, string>): void {
    const page = this.#fields.showErrors(errors);
    if (page !== undefined) this.step = PAGE_KEYS.indexOf(page);
    this.#focusAfterRender = 'summary';
  }

  async #next(): Promise<void> {
    if (this.busy) return;
    const page = PAGE_KEYS[this.step]!;
    this.failure = null;
    // Page 3 creates the candidate: every required page must hold, the password retyped after a draft included.
    const pages = this.step === CREATE_STEP && !this.created ? PAGE_KEYS.filter((p) => REQUIRED_PAGES.has(p)) : [page];
    if (!this.#check(pages)) {
      this.#showErrors(this.#fields.errors);
      return;
    }
    if (this.step < CREATE_STEP) {
      this.#goTo(this.step + 1);
      return;
    }
    if (!this.created) {
      await this.#submit(async (api) => {
        const candidate = await api.candidates.create(createBody(this.#fields.values));
        this.created = candidate;
        await this.#draft.clear();
        this.draftNotice = null;
        this.showCreated = true;
        this.announcement = format(this.t.candidateForm.created, { name: candidateName(candidate) });
        this.#focusAfterRender = 'created';
        this.dispatchEvent(new ClrCandidateCreatedEvent({ candidate }));
      });
      return;
    }
    await this.#submit(async (api) => {
      const candidate = await api.candidates.update(this.created!.id, patchBody(this.#fields.values, [page]));
      this.created = candidate;
      if (this.step < PAGE_KEYS.length - 1) {
        this.#goTo(this.step + 1);
        return;
      }
      this.finished = true;
      this.announcement = format(this.t.candidateForm.saved, { name: candidateName(candidate) });
      this.#focusAfterRender = 'created';
      this.dispatchEvent(new ClrCandidateSavedEvent({ candidate }));
    });
  }

  async #submit(action: (api: NonNullable<ClrElement['client']>) => Promise<void>): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.busy = true;
    this.announcement = this.t.candidateForm.saving;
    try {
      await action(api);
    } catch (error) {
      this.announcement = '';
      const shown = this.describeError(error);
      const fields = new Map<string, string>();
      for (const field of shown.fields) if (!fields.has(field.path)) fields.set(field.path, field.message);
      if (fields.size > 0) this.#showErrors(fields);
      else {
        this.failure = { message: shown.message, retry: error instanceof ClrNetworkError };
        this.#focusAfterRender = 'error';
      }
    } finally {
      this.busy = false;
    }
  }

  #previous(): void {
    if (this.step > (this.created ? CREATE_STEP + 1 : 0)) this.#goTo(this.step - 1);
  }

  #continue(): void {
    this.showCreated = false;
    this.#goTo(CREATE_STEP + 1);
  }

  #back(): void {
    this.dispatchEvent(new ClrBackToTableEvent({ candidateId: this.created?.id ?? null }));
  }

  #stepReachable(index: number): boolean {
    if (this.showCreated || this.finished) return false;
    return this.created ? index > CREATE_STEP : index <= this.furthest && index <= CREATE_STEP;
  }

  #renderSteps(): TemplateResult {
    const t = this.t.candidateForm;
    return html`<nav aria-label=${t.steps}>
      <ol class="steps" part="steps">
        ${PAGE_KEYS.map((page, index) => {
          const current = index === this.step && !this.showCreated && !this.finished;
          const done = this.created ? index <= CREATE_STEP || (this.finished && index > CREATE_STEP) || index < this.step : index < this.furthest || (index < this.step);
          const state = current ? t.stepState.current : done ? t.stepState.done : t.stepState.upcoming;
          const label = html`<span class="step-number" aria-hidden="true">${index + 1}</span>
            <span class="step-text"><span class="step-name">${t.pages[page]}</span> <span class="step-kind">${REQUIRED_PAGES.has(page) ? t.required : t.optional}</span></span>
            <span class="visually-hidden">, ${state}</span>`;
          const parts = `step${current ? ' current' : ''}${done ? ' done' : ''}`;
          return html`<li part=${parts} class=${parts} aria-current=${current ? 'step' : 'false'}>
            ${this.#stepReachable(index) && !current ? html`<button type="button" class="step-button" @click=${() => this.#goTo(index)}>${label}</button>` : html`<span class="step-button">${label}</span>`}
          </li>`;
        })}
      </ol>
    </nav>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    return renderErrorSummary(this.t, this.#fields.errors, (path) => this.renderRoot.querySelector<HTMLElement>(`#${fieldId(path)}`)?.focus());
  }

  #renderFailure(): TemplateResult | typeof nothing {
    if (!this.failure) return nothing;
    const t = this.t;
    return html`<div class="alert" part="error" role="alert" tabindex="-1">
      <p>${this.failure.message}${this.failure.retry ? html` ${t.candidateForm.networkKept}` : nothing}</p>
      ${this.failure.retry ? html`<button type="button" @click=${() => void this.#next()}>${t.common.retry}</button>` : nothing}
    </div>`;
  }

  #renderDraftNotice(): TemplateResult | typeof nothing {
    if (!this.draftNotice || this.created) return nothing;
    const t = this.t.candidateForm;
    const date = this.draftNotice.savedAt ? formatDateTime(this.draftNotice.savedAt) : '';
    return html`<div class="notice" part="draft">
      <p>${format(t.draftRestored, { date })}${this.draftNotice.passwordLost ? html` ${t.draftPassword}` : nothing}</p>
      <button type="button" @click=${() => void this.reset()}>${t.draftDiscard}</button>
    </div>`;
  }

  #renderCreated(): TemplateResult {
    const t = this.t.candidateForm;
    const name = candidateName(this.created!);
    if (this.finished) {
      return html`<section class="created" part="created" aria-labelledby="created-title">
        <h2 class="created-title" id="created-title" tabindex="-1">${format(t.saved, { name })}</h2>
        <div class="actions">
          <button type="button" class="primary" part="back" @click=${() => this.#back()}>${t.backToTable}</button>
        </div>
      </section>`;
    }
    return html`<section class="created" part="created" aria-labelledby="created-title">
      <h2 class="created-title" id="created-title" tabindex="-1">${t.createdTitle}</h2>
      <p>${format(t.created, { name })}</p>
      <p>${t.createdNext}</p>
      <div class="actions">
        <button type="button" class="primary" part="continue" @click=${() => this.#continue()}>${t.continue}</button>
        <button type="button" part="back" @click=${() => this.#back()}>${t.backToTable}</button>
      </div>
    </section>`;
  }

  #renderPage(): TemplateResult {
    const t = this.t.candidateForm;
    const page = PAGE_KEYS[this.step]!;
    const last = this.step === PAGE_KEYS.length - 1;
    const canGoBack = this.step > (this.created ? CREATE_STEP + 1 : 0);
    return html`<form novalidate @submit=${(e: Event) => (e.preventDefault(), void this.#next())}>
      ${this.#renderSummary()}
      <fieldset part="page" aria-describedby="required-note">
        <legend class="visually-hidden">${t.pages[page]} ${REQUIRED_PAGES.has(page) ? t.required : t.optional}</legend>
        <h2 class="page-title" tabindex="-1">
          ${t.pages[page]} <span class="page-kind">${REQUIRED_PAGES.has(page) ? t.required : t.optional}</span>
          <span class="page-count">${format(t.stepOf, { n: this.step + 1, total: PAGE_KEYS.length })}</span>
        </h2>
        <p class="required-note" id="required-note">${t.requiredFields}</p>
        ${REQUIRED_PAGES.has(page) ? nothing : html`<p class="hint">${t.optionalNote}</p>`}
        <div class="fields">
          ${renderPageFields(page, {
            t: this.t,
            locale: this.locale,
            values: this.#fields.values,
            errors: this.#fields.errors,
            minPasswordLength: this.minPasswordLength,
            onInput: this.#fields.input,
          })}
        </div>
      </fieldset>
      ${this.#renderFailure()}
      <div class="actions" part="actions">
        ${canGoBack ? html`<button type="button" part="previous" @click=${() => this.#previous()}>${t.previous}</button>` : nothing}
        ${this.created ? html`<button type="button" part="back" @click=${() => this.#back()}>${t.backToTable}</button>` : nothing}
        <button type="submit" class="primary end" part="next" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.busy ? t.saving : last ? t.finish : t.next}
        </button>
      </div>
    </form>`;
  }

  override render(): TemplateResult {
    if (!this.api) return html`<p class="error" role="alert">${this.t.common.noClient}</p>`;
    if (!this.ready) return html`<p role="status" part="status">${this.t.common.loading}</p>`;
    return html`
      ${this.#renderSteps()} ${this.#renderDraftNotice()} ${this.showCreated || this.finished ? this.#renderCreated() : this.#renderPage()}
      <p class="visually-hidden" role="status" part="status">${this.announcement}</p>
    `;
  }
}
