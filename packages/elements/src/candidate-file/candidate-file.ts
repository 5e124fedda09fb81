import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { candidateDeletability, candidateEditability, candidateName, credentialsEnvelope, formatDateTime, LABELS, type CandidateDetail, type Decision } from '@clr/domain';
import { CandidateLockedError, NotFoundError } from '@clr/sdk';
import '../define/clr-result-card.js';
import { ClrBackToTableEvent, ClrCandidateSavedEvent } from '../candidate-form/candidate-form.events.js';
import { PAGE_KEYS, REQUIRED_PAGES, fieldId, patchBody, renderPageFields, renderPageValues, valuesFromDetail, type PageKey } from '../candidate-form/candidate-pages.js';
import { CandidateValuesController, renderErrorSummary } from '../candidate-form/candidate-values.js';
import { pageStyles } from '../candidate-form/candidate-pages.styles.js';
import { ClrElement } from '../shared/clr-element.js';
import { ModalController } from '../shared/modal.js';
import { tokens } from '../shared/tokens.styles.js';
import { format } from '../translations/index.js';
import { ClrCandidateDeletedEvent } from './candidate-file.events.js';
import { styles } from './candidate-file.styles.js';

const envelopeIcon = svg`<svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><rect x="2" y="4" width="20" height="16" rx="2"/><path d="m22 7-8.97 5.7a1.94 1.94 0 0 1-2.06 0L2 7"/></svg>`;

/** R10 from a file: an attempt ever, or an exam currently assigned (an expired one is not). */
export function fileDeletability(candidate: CandidateDetail, locale: 'fr' | 'en' = 'fr'): Decision {
  return candidateDeletability({ hasAttempt: candidate.attempts.length > 0, hasCurrentAssignment: candidate.status === 'scheduled' }, locale);
}

/** R11 from a file: locked once the candidate has taken an exam. */
export function fileEditability(candidate: CandidateDetail, locale: 'fr' | 'en' = 'fr'): Decision {
  return candidateEditability({ hasAttempt: candidate.attempts.length > 0 }, locale);
}

/**
 * « Modifier le dossier d'un candidat » (manual §6.4) and « Supprimer un
 * candidat » (§6.8): the five pages of the file, read-only, as tabs; the login
 * with its envelope (orange until the candidate clicks the acknowledgment
 * link, green after); the latest result (`<clr-result-card>`, §6.9–6.12).
 * « Modifier » turns the pages into fields, « Enregistrer » checks them with the
 * domain's schemas and saves (`client.candidates.update`), « Annuler » puts
 * back what was there. Once the candidate has taken an exam the file is locked
 * and says why (R11); « Supprimer » is offered only to a candidate who never
 * took an exam and has none assigned (R10, the reason shown otherwise) and
 * asks for a confirmation naming the candidate. « Retour au tableau des
 * candidats » asks the page to show the table.
 *
 * @summary The §6.4 candidate's file: pages, « Modifier », « Supprimer », result.
 *
 * @slot assignment - The assignment actions (« Attribuer un examen », §6.5–6.7), shown under the result.
 *
 * @fires clr-candidate-saved - « Enregistrer » saved the file: `detail.candidate`.
 * @fires clr-candidate-deleted - The candidate was deleted after the confirmation: `detail: { candidateId }`.
 * @fires clr-back-to-table - « Retour au tableau des candidats ».
 *
 * @csspart header - The name, the login and the actions.
 * @csspart title - The candidate's name.
 * @csspart login - « Identifiant : » and the e-mail.
 * @csspart envelope - The envelope icon (`envelope awaiting`, `envelope acknowledged`, `envelope sent`).
 * @csspart actions - « Modifier » / « Enregistrer » « Annuler », « Supprimer ».
 * @csspart edit - « Modifier ».
 * @csspart save - « Enregistrer ».
 * @csspart cancel - « Annuler ».
 * @csspart delete - « Supprimer ».
 * @csspart locked - Why the file cannot be modified.
 * @csspart delete-reason - Why the candidate cannot be deleted.
 * @csspart result - The result card.
 * @csspart tabs - The five pages' tabs.
 * @csspart tab - One tab.
 * @csspart panel - The page shown.
 * @csspart values - The read-only values.
 * @csspart field - A field, in edit mode.
 * @csspart field-error - The message beside a field.
 * @csspart error-summary - « Il y a un problème » and its links.
 * @csspart error - A message not about one field (role alert).
 * @csspart back - « Retour au tableau des candidats ».
 * @csspart dialog - The deletion confirmation.
 * @csspart confirm - « Supprimer » in the confirmation.
 * @csspart status - Polite announcements.
 *
 * @cssproperty --clr-color-envelope-awaiting - The envelope while the acknowledgment link is not clicked (default orange `#c25e00`).
 */
export class ClrCandidateFile extends ClrElement {
  static override styles = [tokens, pageStyles, styles];

  /** The candidate whose file is shown. */
  @property({ attribute: 'candidate-id' })
  candidateId: string | null = null;

  /** The space's minimum password length, for a new password typed in edit mode. */
  @property({ type: Number, attribute: 'min-password-length' })
  minPasswordLength = 6;

  @state() private detail: CandidateDetail | null = null;
  @state() private page: PageKey = 'identity';
  @state() private editing = false;
  @state() private failure: string | null = null;
  @state() private busy = false;
  @state() private deleted = false;
  @state() private announcement = '';

  #focusAfterRender: string | null = null;
  #fields = new CandidateValuesController(this);

  #load = new Task(this, {
    task: async ([api, id], { signal }) => {
      if (!api || !id) return null;
      const detail = await api.candidates.retrieve(id, { signal });
      this.detail = detail;
      return detail;
    },
    args: () => [this.api, this.candidateId] as const,
  });

  #modal = new ModalController(this, {
    dialog: () => this.renderRoot.querySelector<HTMLDialogElement>('dialog'),
    initialFocus: () => this.renderRoot.querySelector<HTMLElement>('dialog [part~="cancel-delete"]'),
    canDismiss: () => !this.busy,
  });

  /** The file as last loaded or saved (null while loading). */
  get candidate(): CandidateDetail | null {
    return this.detail;
  }

  /** Loads the file again (after an assignment made in the slot, say). */
  async refresh(): Promise<void> {
    await this.#load.run();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('candidateId') && changed.get('candidateId') !== undefined) {
      this.detail = null;
      this.editing = false;
      this.deleted = false;
      this.page = 'identity';
    }
    super.willUpdate(changed);
  }

  protected override updated(): void {
    const target = this.#focusAfterRender;
    this.#focusAfterRender = null;
    if (target) this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  #startEditing(): void {
    if (!this.detail || !fileEditability(this.detail).allowed) return;
    this.#fields.values = valuesFromDetail(this.detail);
    this.failure = null;
    this.editing = true;
    this.announcement = this.t.candidateFile.editing;
    this.#focusAfterRender = `#${fieldId(`${this.page}.${this.page === 'password' ? 'value' : firstField(this.page)}`)}`;
  }

  #cancelEditing(): void {
    this.editing = false;
    this.#fields.clearErrors();
    this.failure = null;
    this.announcement = '';
    this.#focusAfterRender = '[part~="edit"]';
  }

  #showErrors(errors: ReadonlyMap<string, string>): void {
    this.page = this.#fields.showErrors(errors) ?? this.page;
    this.#focusAfterRender = '.error-summary';
  }

  async #save(): Promise<void> {
    const api = this.api;
    const detail = this.detail;
    if (!api || !detail || !this.editing || this.busy) return;
    if (!this.#fields.check(PAGE_KEYS, { locale: this.locale, minPasswordLength: this.minPasswordLength, passwordOptional: true })) {
      this.#showErrors(this.#fields.errors);
      return;
    }
    this.busy = true;
    this.failure = null;
    this.announcement = this.t.candidateFile.saving;
    try {
      const saved = await api.candidates.update(detail.id, patchBody(this.#fields.values, PAGE_KEYS));
      this.detail = saved;
      this.editing = false;
      this.#fields.clearErrors();
      this.announcement = this.t.candidateFile.saved;
      this.#focusAfterRender = '[part~="edit"]';
      this.dispatchEvent(new ClrCandidateSavedEvent({ candidate: saved }));
    } catch (error) {
      this.announcement = '';
      const shown = this.describeError(error);
      const fields = new Map<string, string>();
      for (const field of shown.fields) if (!fields.has(field.path)) fields.set(field.path, field.message);
      if (fields.size > 0) this.#showErrors(fields);
      else {
        this.failure = shown.message;
        this.#focusAfterRender = '[part~="error"]';
      }
      // Someone's exam was taken meanwhile: the file is now locked (R11), show it as it is.
      if (error instanceof CandidateLockedError) void this.refresh().then(() => (this.editing = false));
    } finally {
      this.busy = false;
    }
  }

  #askDelete(): void {
    if (!this.detail || !fileDeletability(this.detail).allowed) return;
    this.failure = null;
    this.#modal.show();
  }

  async #confirmDelete(): Promise<void> {
    const api = this.api;
    const detail = this.detail;
    if (!api || !detail || this.busy) return;
    this.busy = true;
    this.announcement = this.t.candidateFile.deleting;
    try {
      await api.candidates.delete(detail.id);
      this.busy = false;
      this.#modal.close('deleted');
      this.deleted = true;
      this.announcement = format(this.t.candidateFile.deleted, { name: candidateName(detail) });
      this.#focusAfterRender = '[part~="back"]';
      this.dispatchEvent(new ClrCandidateDeletedEvent({ candidateId: detail.id }));
    } catch (error) {
      this.busy = false;
      this.#modal.close();
      this.announcement = '';
      this.failure = this.describeError(error).message;
      if (!(error instanceof NotFoundError)) void this.refresh();
    }
  }

  #back(): void {
    this.dispatchEvent(new ClrBackToTableEvent({ candidateId: this.detail?.id ?? this.candidateId }));
  }

  #onTabKey(event: KeyboardEvent): void {
    const index = PAGE_KEYS.indexOf(this.page);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: PAGE_KEYS.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key]! + PAGE_KEYS.length) % PAGE_KEYS.length;
    this.page = PAGE_KEYS[next]!;
    this.#focusAfterRender = `#tab-${this.page}`;
  }

  #renderEnvelope(detail: CandidateDetail): TemplateResult | typeof nothing {
    const envelope = credentialsEnvelope(detail.credentials);
    if (envelope === 'none') return nothing;
    const t = this.t.candidateFile.envelope;
    const label =
      envelope === 'acknowledged' ? format(t.acknowledged, { date: formatDateTime(detail.credentials.acknowledgedAt) }) : envelope === 'awaiting' ? t.awaiting : t.sent;
    return html`<span class="envelope ${envelope}" part="envelope ${envelope}" role="img" aria-label=${label} title=${label}>${envelopeIcon}</span>`;
  }

  #renderHeader(detail: CandidateDetail): TemplateResult {
    const t = this.t.candidateFile;
    const editability = fileEditability(detail, this.locale);
    const deletability = fileDeletability(detail, this.locale);
    return html`<div class="header" part="header">
      <div class="who">
        <h2 part="title" tabindex="-1">${candidateName(detail)}</h2>
        <p part="login" class="login">
          <span class="muted">${t.login}</span> <span class="email">${detail.email}</span> ${this.#renderEnvelope(detail)}
        </p>
        <p class="status"><span class="badge ${detail.status}">${LABELS[this.locale].candidateStatus[detail.status]}</span></p>
      </div>
      <div class="actions" part="actions">
        ${this.editing
          ? html`<button type="button" class="primary" part="save" ?disabled=${this.busy} @click=${() => void this.#save()}>${this.busy ? t.saving : t.save}</button>
              <button type="button" part="cancel" ?disabled=${this.busy} @click=${() => this.#cancelEditing()}>${t.cancel}</button>`
          : html`<button
              type="button"
              class="primary"
              part="edit"
              aria-disabled=${editability.allowed ? 'false' : 'true'}
              aria-describedby=${editability.allowed ? nothing : 'locked-reason'}
              @click=${() => this.#startEditing()}
            >
              ${t.edit}
            </button>`}
        <button
          type="button"
          class="danger"
          part="delete"
          ?disabled=${this.editing}
          aria-disabled=${deletability.allowed ? 'false' : 'true'}
          aria-describedby=${deletability.allowed ? nothing : 'delete-reason'}
          @click=${() => this.#askDelete()}
        >
          ${t.delete}
        </button>
      </div>
      ${editability.allowed ? nothing : html`<p class="reason locked" id="locked-reason" part="locked">${editability.reason}</p>`}
      ${deletability.allowed ? nothing : html`<p class="reason" id="delete-reason" part="delete-reason">${deletability.reason}</p>`}
    </div>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    return renderErrorSummary(this.t, this.#fields.errors, (path) => {
      const page = path.split('.')[0] as PageKey;
      if (PAGE_KEYS.includes(page)) this.page = page;
      this.#focusAfterRender = `#${fieldId(path)}`;
      this.requestUpdate();
    });
  }

  #renderPages(detail: CandidateDetail): TemplateResult {
    const t = this.t.candidateForm;
    const page = this.page;
    const pageHasError = (key: PageKey) => [...this.#fields.errors.keys()].some((path) => path.startsWith(`${key}.`));
    return html`<div class="tabs" role="tablist" part="tabs" aria-label=${this.t.candidateFile.pages} @keydown=${(e: KeyboardEvent) => this.#onTabKey(e)}>
        ${PAGE_KEYS.map(
          (key) => html`<button
            type="button"
            role="tab"
            part="tab"
            id=${`tab-${key}`}
            aria-selected=${key === page ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${key === page ? '0' : '-1'}
            class=${pageHasError(key) ? 'has-error' : ''}
            @click=${() => (this.page = key)}
          >
            <span>${t.pages[key]}</span> <span class="kind">${REQUIRED_PAGES.has(key) ? t.required : t.optional}</span>
          </button>`,
        )}
      </div>
      <section id="panel" role="tabpanel" part="panel" aria-labelledby=${`tab-${page}`} tabindex="-1">
        ${this.editing
          ? html`${this.#renderSummary()}
              <p class="required-note">${t.requiredFields}${page === 'password' ? html` ${this.t.candidateFile.newPassword}` : nothing}</p>
              <form novalidate @submit=${(e: Event) => (e.preventDefault(), void this.#save())}>
                <div class="fields">
                  ${renderPageFields(page, {
                    t: this.t,
                    locale: this.locale,
                    values: this.#fields.values,
                    errors: this.#fields.errors,
                    minPasswordLength: this.minPasswordLength,
                    onInput: this.#fields.input,
                    passwordOptional: true,
                  })}
                </div>
                <button type="submit" hidden tabindex="-1"></button>
              </form>`
          : renderPageValues(page, detail, this.t, this.locale)}
      </section>`;
  }

  #renderDialog(detail: CandidateDetail): TemplateResult {
    const t = this.t.candidateFile;
    return html`<dialog part="dialog" aria-labelledby="delete-title" aria-describedby="delete-text">
      <h2 id="delete-title">${t.deleteTitle}</h2>
      <p id="delete-text">${format(t.deleteConfirm, { name: candidateName(detail) })}</p>
      <div class="dialog-actions">
        <button type="button" class="danger primary" part="confirm" ?disabled=${this.busy} @click=${() => void this.#confirmDelete()}>
          ${this.busy ? t.deleting : t.delete}
        </button>
        <button type="button" part="cancel-delete" ?disabled=${this.busy} @click=${() => this.#modal.close()}>${t.cancel}</button>
      </div>
    </dialog>`;
  }

  override render(): TemplateResult {
    const t = this.t.candidateFile;
    if (!this.api) return html`<p class="error" role="alert">${this.t.common.noClient}</p>`;
    const back = html`<p class="back"><button type="button" part="back" @click=${() => this.#back()}>← ${t.back}</button></p>`;
    const status = html`<p class="visually-hidden" part="status" role="status">${this.announcement}</p>`;
    if (this.deleted) return html`<p class="done">${this.announcement}</p>${back}`;
    const detail = this.detail;
    if (!detail) {
      if (this.#load.status === TaskStatus.ERROR) {
        const notFound = this.#load.error instanceof NotFoundError;
        return html`<div class="alert" part="error" role="alert">
            <p>${notFound ? t.notFound : this.describeError(this.#load.error).message}</p>
            ${notFound ? nothing : html`<button type="button" @click=${() => void this.#load.run()}>${this.t.common.retry}</button>`}
          </div>
          ${back}`;
      }
      return html`<p part="status" role="status">${this.t.common.loading}</p>`;
    }
    const hasResult = detail.attempts.some((a) => a.takenAt !== null) || detail.documents.registration;
    return html`
      ${this.#renderHeader(detail)}
      ${this.failure ? html`<div class="alert" part="error" role="alert" tabindex="-1"><p>${this.failure}</p></div>` : nothing}
      <div class="side">
        ${hasResult
          ? html`<section class="result" aria-label=${t.result}><clr-result-card part="result" .client=${this.api} .candidate=${detail}></clr-result-card></section>`
          : nothing}
        <slot name="assignment"></slot>
      </div>
      ${this.#renderPages(detail)} ${back} ${status} ${this.#renderDialog(detail)}
    `;
  }
}

/** The first field of a page, where the focus goes on « Modifier ». */
function firstField(page: PageKey): string {
  return { identity: 'civility', password: 'value', information: 'status', contact: 'phone', misc: 'educationLevel' }[page];
}
