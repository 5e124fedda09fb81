import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { candidateName, examTypeLabel, formatDate, LOW_STOCK_THRESHOLD, type CandidateDetail, type ExamSession, type FieldError } from '@clr/domain';
import { AssignmentExistsError, ConflictError, NotFoundError, OutOfStockError, ValidationFailedError } from '@clr/sdk';
import '../define/clr-session-picker.js';
import { ClrDialogCloseEvent } from '../shared/events.js';
import { ClrElement } from '../shared/clr-element.js';
import { ModalController } from '../shared/modal.js';
import { tokens } from '../shared/tokens.styles.js';
import { format } from '../translations/index.js';
import { ClrAssignmentChangeEvent, ClrOrderRequestEvent, type AssignmentChangeDetail } from './assign-dialog.events.js';
import { styles } from './assign-dialog.styles.js';
import { ExamChoiceController } from './exam-choice.js';

/** Which of the manual's windows the candidate's state opens. */
export type AssignMode = 'assign' | 'new' | 'modify';

/** `modify` while the candidate has an exam not yet taken and in time; `new` after a taken (or expired) one; else `assign`. */
export function assignModeOf(candidate: Pick<CandidateDetail, 'assignment' | 'attempts'>): AssignMode {
  if (candidate.assignment?.state === 'scheduled') return 'modify';
  return candidate.assignment || candidate.attempts.length > 0 ? 'new' : 'assign';
}

/**
 * « Attribuer une certification » / « Nouvelle attribution » (manual §6.5) and
 * « Modifier ou supprimer une attribution de certifications » (§6.6, one
 * candidate) in a modal dialog, for the candidate `candidate-id`:
 * - the exam types of the space, each « (N restantes) », a type at 0 not
 *   selectable, a type at or under `low-stock-threshold` flagged with
 *   « Commander »;
 * - « Date de passage souhaitée » for dated types (`jj/mm/aaaa`, today or
 *   later, R5), the La Poste session picker for types that need a session;
 * - « Envoyer un courriel au candidat pour l'informer de son inscription »;
 * - « Attribuer la certification » (R5) — or, while the candidate has an exam
 *   not yet taken, « Supprimer l'attribution » (R7, the credit is returned,
 *   with the cancellation e-mail option) or another type and « Modifier
 *   l'attribution » (R6).
 * The domain's rules explain and disable; the server decides: a refusal (the
 * last credit taken by another administrator, a session filled meanwhile, a
 * candidate deleted elsewhere) shows its message and changes nothing.
 *
 * @summary The §6.5/§6.6 assignment dialog for one candidate.
 *
 * @fires clr-assignment-change - `ClrAssignmentChangeEvent`: assigned, changed or removed; `detail: { action, candidateIds, examType, message }`.
 * @fires clr-order-request - `ClrOrderRequestEvent`: « Commander »; `detail: { examType }` (the page opens its cart).
 * @fires clr-dialog-close - The dialog closed.
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart header - The title bar.
 * @csspart title - The title.
 * @csspart close - The close button.
 * @csspart body - The scrolling content.
 * @csspart types - The exam types (radio buttons).
 * @csspart low-stock - The « Stock faible » / « Épuisé » badge of a type.
 * @csspart notice - The low-stock or no-stock message.
 * @csspart order - « Commander ».
 * @csspart date - « Date de passage souhaitée ».
 * @csspart calendar - The calendar button of the date.
 * @csspart session - The La Poste session chosen.
 * @csspart choose-session - « Choisir une session » / « Changer de session ».
 * @csspart notify - The e-mail option.
 * @csspart remove - « Supprimer l'attribution ».
 * @csspart footer - The buttons at the bottom.
 * @csspart submit - « Attribuer la certification » / « Modifier l'attribution ».
 * @csspart cancel - « Annuler ».
 * @csspart error - An error message (role alert).
 * @csspart status - Loading messages.
 */
export class ClrAssignDialog extends ClrElement {
  static override styles = [tokens, styles];

  /** Whether the dialog is shown (reflected); `show()` and `close()` set it. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /** The candidate whose exam is assigned, changed or removed. */
  @property({ attribute: 'candidate-id' })
  candidateId: string | null = null;

  /** A type with this many credits or fewer is flagged « Stock faible » (0: never). */
  @property({ type: Number, attribute: 'low-stock-threshold' })
  lowStockThreshold = LOW_STOCK_THRESHOLD;

  @state()
  protected step: 'choose' | 'session' = 'choose';

  @state()
  protected busy: 'save' | 'remove' | null = null;

  @state()
  protected alertMessage: string | null = null;

  @state()
  protected serverErrors: FieldError[] = [];

  @state()
  protected showErrors = false;

  @state()
  protected notifyCancel = false;

  @query('dialog')
  private dialog?: HTMLDialogElement;

  #modal = new ModalController(this, {
    dialog: () => this.dialog,
    canDismiss: () => this.busy === null,
    onClose: () => this.#onClosed(),
  });

  #candidate = new Task(this, {
    task: async ([api, open, id], { signal }) => (api && open && id ? api.candidates.retrieve(id, { signal }) : null),
    args: () => [this.api, this.open, this.candidateId] as const,
  });

  #choice = new ExamChoiceController(this, {
    api: () => this.api,
    enabled: () => this.open,
    credit: () => {
      const current = this.#candidate.value?.assignment;
      return current?.state === 'scheduled' ? { examType: current.examType, count: 1 } : null;
    },
  });

  /** Opens the dialog (focus moves into it). */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog (focus goes back to what opened it). */
  close(): void {
    this.open = false;
  }

  /** Which window the candidate's state opens (`null` until the candidate is loaded). */
  get mode(): AssignMode | null {
    const candidate = this.#candidate.value;
    return candidate ? assignModeOf(candidate) : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('candidateId') && changed.get('candidateId') !== undefined) this.#reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('open')) this.#modal.toggle(this.open);
  }

  #onClosed(): void {
    this.open = false;
    this.#reset();
    this.dispatchEvent(new ClrDialogCloseEvent());
  }

  #reset(): void {
    this.step = 'choose';
    this.busy = null;
    this.alertMessage = null;
    this.serverErrors = [];
    this.showErrors = false;
    this.notifyCancel = false;
    this.#choice.reset();
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #order(examType: string | null): void {
    this.dispatchEvent(new ClrOrderRequestEvent({ examType }));
    this.close();
  }

  #openSessions(): void {
    this.step = 'session';
    void this.#focus('clr-session-picker');
  }

  #onSession(session: ExamSession | null): void {
    if (session) this.#choice.setSession(session);
    this.serverErrors = this.serverErrors.filter((e) => e.path !== 'sessionId' && e.path !== 'scheduledAt');
    this.step = 'choose';
    void this.#focus('[part~="choose-session"]');
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const api = this.api;
    const candidate = this.#candidate.value;
    if (!api || !candidate || this.busy) return;
    this.showErrors = true;
    const type = this.#choice.type;
    if (!type || this.#choice.errors(new Date()).length > 0) {
      this.alertMessage = this.t.assignDialog.fixErrors;
      void this.#focus('[aria-invalid="true"], [part~="types"] input:not([disabled])');
      return;
    }
    const modify = assignModeOf(candidate) === 'modify';
    this.busy = 'save';
    this.alertMessage = null;
    this.serverErrors = [];
    try {
      const params = this.#choice.params();
      if (modify) await api.assignments.modify(candidate.id, params);
      else await api.assignments.assign(candidate.id, params);
      const t = this.t.assignDialog;
      const vars = { name: candidateName(candidate), type: examTypeLabel(type.id, [type], this.locale) };
      this.#done({ action: modify ? 'modify' : 'assign', candidateIds: [candidate.id], examType: type.id }, format(modify ? t.modified : t.assigned, vars));
    } catch (error) {
      this.#fail(error, type.id);
    }
  }

  async #remove(): Promise<void> {
    const api = this.api;
    const candidate = this.#candidate.value;
    if (!api || !candidate || this.busy) return;
    this.busy = 'remove';
    this.alertMessage = null;
    try {
      await api.assignments.remove(candidate.id, { notify: this.notifyCancel });
      this.#done({ action: 'remove', candidateIds: [candidate.id] }, format(this.t.assignDialog.removed, { name: candidateName(candidate) }));
    } catch (error) {
      this.#fail(error, null);
    }
  }

  #done(detail: Omit<AssignmentChangeDetail, 'message'>, message: string): void {
    this.busy = null;
    this.dispatchEvent(new ClrAssignmentChangeEvent({ ...detail, message }));
    this.close();
  }

  /** A refusal: its message at the top, the data as it was, what was typed kept. */
  #fail(error: unknown, examType: string | null): void {
    this.busy = null;
    if (this.isAbort(error)) return;
    const shown = this.describeError(error);
    if (error instanceof OutOfStockError && examType) {
      // Another administrator took the last credits: say how many are left, and show the stock as it is now.
      const label = examTypeLabel(examType, this.#choice.type ? [this.#choice.type] : undefined, this.locale);
      this.alertMessage = format(this.t.assignDialog.outOfStock, { type: label, available: error.available ?? 0 });
      this.#choice.reload();
    } else if (error instanceof ValidationFailedError) {
      this.serverErrors = shown.fields;
      this.alertMessage = shown.fields.length > 0 ? this.t.assignDialog.fixErrors : shown.message;
    } else if (error instanceof ConflictError && typeof error.body['sessionId'] === 'string') {
      // The session filled meanwhile: choose another.
      this.alertMessage = shown.message;
      this.#choice.setSession(null);
    } else {
      this.alertMessage = shown.message;
      // The candidate changed elsewhere (assigned, deleted): show them as they are now.
      if (error instanceof AssignmentExistsError || error instanceof NotFoundError || error instanceof ConflictError) void this.#candidate.run();
    }
    void this.#focus('[part~="error"]');
  }

  override render(): TemplateResult {
    const t = this.t.assignDialog;
    const mode = this.mode;
    const title = this.step === 'session' ? this.t.sessionPicker.title : mode === 'modify' ? t.titleModify : mode === 'new' ? t.titleNew : t.titleAssign;
    return html`
      <dialog part="dialog" aria-labelledby="title">
        <form class="frame" novalidate @submit=${(e: Event) => void this.#submit(e)}>
          <header part="header">
            <h2 id="title" part="title">${title}</h2>
            <button type="button" part="close" class="close" aria-label=${t.close} title=${t.close} @click=${() => this.close()}>×</button>
          </header>
          ${this.open ? this.#renderContent() : nothing}
        </form>
      </dialog>
    `;
  }

  #renderContent(): TemplateResult {
    if (!this.api) return html`<div part="body" class="body"><p part="status" role="status">${this.t.common.noClient}</p></div>`;
    return this.#candidate.render({
      initial: () => this.#renderLoading(),
      pending: () => (this.#candidate.value ? this.#renderMain(this.#candidate.value) : this.#renderLoading()),
      complete: (candidate) => (candidate ? this.#renderMain(candidate) : this.#renderLoading()),
      error: (error) => html`
        <div part="body" class="body">
          <div part="error" class="alert" role="alert"><p>${this.describeError(error).message}</p></div>
        </div>
        <footer part="footer">
          <button type="button" @click=${() => void this.#candidate.run()}>${this.t.common.retry}</button>
          <button type="button" part="cancel" @click=${() => this.close()}>${this.t.common.close}</button>
        </footer>
      `,
    }) as TemplateResult;
  }

  #renderLoading(): TemplateResult {
    return html`<div part="body" class="body"><p part="status" class="status" role="status">${this.t.common.loading}</p></div>`;
  }

  #renderMain(candidate: CandidateDetail): TemplateResult {
    const t = this.t.assignDialog;
    const type = this.#choice.type;
    if (this.step === 'session' && type?.requiresSession) {
      return html`
        <div part="body" class="body">
          <clr-session-picker
            .client=${this.api}
            exam-type=${type.id}
            .value=${this.#choice.session}
            @clr-session-select=${(e: CustomEvent & { detail: { session: ExamSession } }) => this.#onSession(e.detail.session)}
            @clr-session-back=${() => this.#onSession(null)}
          ></clr-session-picker>
        </div>
      `;
    }
    const modify = assignModeOf(candidate) === 'modify';
    const current = candidate.assignment;
    const currentType = current ? examTypeLabel(current.examType, undefined, this.locale) : '';
    return html`
      <div part="body" class="body">
        ${this.alertMessage ? html`<div part="error" class="alert" role="alert" tabindex="-1"><p>${this.alertMessage}</p></div>` : nothing}
        <p class="who">${format(t.candidate, { name: candidateName(candidate) })}</p>
        ${modify && current
          ? html`
              <p class="current">${current.scheduledAt ? format(t.currentDate, { type: currentType, date: formatDate(current.scheduledAt) }) : format(t.current, { type: currentType })}</p>
              <section class="remove" aria-labelledby="remove-title">
                <h3 id="remove-title">${t.removeTitle}</h3>
                <label class="check">
                  <input type="checkbox" .checked=${this.notifyCancel} @change=${(e: Event) => (this.notifyCancel = (e.target as HTMLInputElement).checked)} />
                  <span>${t.notifyCancel}</span>
                </label>
                <button type="button" part="remove" class="danger" ?disabled=${this.busy !== null} @click=${() => void this.#remove()}>
                  ${this.busy === 'remove' ? t.removing : t.remove}
                </button>
              </section>
              <p class="or" aria-hidden="true">${t.or}</p>
              <section aria-labelledby="modify-title">
                <h3 id="modify-title">${t.modifyTitle}</h3>
                ${this.#renderChoice()}
              </section>
            `
          : this.#renderChoice()}
      </div>
      <footer part="footer">
        <button type="button" part="cancel" @click=${() => this.close()}>${t.cancel}</button>
        <button type="submit" part="submit" class="primary" ?disabled=${this.busy !== null || this.#choice.options.length === 0}>
          ${this.busy === 'save' ? t.submitting : modify ? t.submitModify : t.submitAssign}
        </button>
      </footer>
    `;
  }

  #renderChoice(): TemplateResult {
    return this.#choice.task.render({
      initial: () => html`<p part="status" class="status" role="status">${this.t.common.loading}</p>`,
      pending: () =>
        this.#choice.task.value ? this.#choiceView() : html`<p part="status" class="status" role="status">${this.t.common.loading}</p>`,
      complete: () => this.#choiceView(),
      error: (error) => html`
        <div part="error" class="alert" role="alert"><p>${this.describeError(error).message}</p></div>
        <button type="button" @click=${() => this.#choice.reload()}>${this.t.common.retry}</button>
      `,
    }) as TemplateResult;
  }

  #choiceView(): TemplateResult {
    return this.#choice.render({
      t: this.t,
      locale: this.locale,
      threshold: this.lowStockThreshold,
      serverErrors: this.serverErrors,
      showErrors: this.showErrors,
      notifyLabel: this.t.assignDialog.notifyAssign,
      onOpenSessions: () => this.#openSessions(),
      onOrder: (examType) => this.#order(examType),
    });
  }
}
