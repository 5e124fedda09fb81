import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { candidateName, examTypeLabel, formatDate, LABELS, LIMIT_MAX, LOW_STOCK_THRESHOLD, SELECTION_MAX, type CandidateRow, type CandidateStatus, type ExamSession } from '@clr/domain';
import { NotEligibleError, OutOfStockError, type EligibleList } from '@clr/sdk';
import '../define/clr-session-picker.js';
import { ClrAssignmentChangeEvent, ClrOrderRequestEvent } from '../assign-dialog/assign-dialog.events.js';
import { ExamChoiceController } from '../assign-dialog/exam-choice.js';
import { ClrDialogCloseEvent } from '../shared/events.js';
import { ClrElement } from '../shared/clr-element.js';
import { DayFieldsController, dayFieldStyles } from '../shared/day-field.js';
import { ModalController } from '../shared/modal.js';
import { DebounceController, PagedListController } from '../shared/paged-list.js';
import { SelectionController } from '../shared/selection.js';
import { tokens } from '../shared/tokens.styles.js';
import { breakableEmail } from '../shared/email.js';
import { format } from '../translations/index.js';
import { freeSeats } from '../session-picker/session-picker.js';
import { styles } from './bulk-assignments-dialog.styles.js';

/** How many candidates the list loads at a time (« Afficher les candidats suivants » loads more). */
export const BULK_PAGE_SIZE = 50;

/** The list's filters (§6.6: « Tous les statuts », « Tous les groupes », « Toutes périodes »), and a search. */
export interface BulkFilters {
  q?: string;
  status?: CandidateStatus;
  groupId?: string;
  from?: string;
  to?: string;
}

/** The statuses each list may show: removable exams are scheduled or expired; a new one goes to the others. */
const STATUSES: Record<'assign' | 'remove', CandidateStatus[]> = {
  remove: ['scheduled', 'expired'],
  assign: ['to_assign', 'expired', 'taken'],
};

/**
 * How many of the candidates still fit: the stock of the type (`available`,
 * from the list's answer) and the free seats of the La Poste session, less
 * those selected. `null` for a removal (no limit).
 */
export function selectionLimit(available: number | null, session: Pick<ExamSession, 'seats' | 'seatsTaken'> | null): number | null {
  if (available === null) return null;
  const stock = Math.min(available, SELECTION_MAX);
  return session ? Math.min(stock, freeSeats(session)) : stock;
}

/**
 * « Gérer les certifications » (manual §6.6, many candidates) in a modal
 * dialog: « Supprimer des attributions » (with the cancellation e-mail option)
 * → the candidates whose exam can be removed → « Supprimer les
 * attributions »; or an exam type (with its date or La Poste session and the
 * e-mail option) → « Sélectionner l'attribution » → the candidates it can be
 * given to → a selection within the stock (« N sélectionnés / M restantes »:
 * the dialog never lets it exceed the stock, nor the session's free seats) →
 * « Attribuer les certifications ». All or nothing (R8): a refusal names the
 * candidates, or the shortage, and nobody's exam changes.
 *
 * @summary The §6.6 bulk assignments dialog.
 *
 * @fires clr-assignment-change - `ClrAssignmentChangeEvent`: `detail: { action, candidateIds, examType, message }`.
 * @fires clr-order-request - `ClrOrderRequestEvent`: « Commander »; `detail: { examType }`.
 * @fires clr-dialog-close - The dialog closed.
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart header - The title bar.
 * @csspart title - The title.
 * @csspart close - The close button.
 * @csspart body - The scrolling content.
 * @csspart remove-choice - « Supprimer des attributions ».
 * @csspart assign-choice - « Sélectionner l'attribution ».
 * @csspart types - The exam types (radio buttons).
 * @csspart low-stock - The « Stock faible » / « Épuisé » badge of a type.
 * @csspart notice - The low-stock or no-stock message.
 * @csspart order - « Commander ».
 * @csspart date - « Date de passage souhaitée ».
 * @csspart session - The La Poste session chosen.
 * @csspart choose-session - « Choisir une session ».
 * @csspart notify - The e-mail option.
 * @csspart filters - The list's search and filters.
 * @csspart reset - « Réinitialiser les filtres ».
 * @csspart table - The candidates.
 * @csspart row - A candidate's row.
 * @csspart select-all - « Sélectionner les candidats affichés ».
 * @csspart counter - « N sélectionnés / M restantes ».
 * @csspart more - « Afficher les candidats suivants ».
 * @csspart footer - The buttons at the bottom.
 * @csspart back - « Retour ».
 * @csspart submit - « Attribuer les certifications » / « Supprimer les attributions ».
 * @csspart cancel - « Annuler ».
 * @csspart error - An error message (role alert).
 * @csspart status - Loading and empty messages.
 * @csspart filter - Each date filter's text field (typed jj/mm/aaaa).
 * @csspart calendar - The calendar button beside each date filter.
 * @csspart field-error - The message beside a date filter holding text that is not a date.
 */
export class ClrBulkAssignmentsDialog extends ClrElement {
  static override styles = [tokens, dayFieldStyles, styles];

  /** Whether the dialog is shown (reflected); `show()` and `close()` set it. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /** A type with this many credits or fewer is flagged « Stock faible » (0: never). */
  @property({ type: Number, attribute: 'low-stock-threshold' })
  lowStockThreshold = LOW_STOCK_THRESHOLD;

  @state()
  protected step: 'choose' | 'session' | 'list' = 'choose';

  @state()
  protected action: 'assign' | 'remove' = 'assign';

  @state()
  protected filters: BulkFilters = {};

  @state()
  protected searchText = '';

  @state()
  protected notifyCancel = false;

  @state()
  protected showErrors = false;

  @state()
  protected busy = false;

  @state()
  protected alertMessage: string | null = null;

  @query('dialog')
  private dialog?: HTMLDialogElement;

  #modal = new ModalController(this, {
    dialog: () => this.dialog,
    canDismiss: () => !this.busy,
    onClose: () => this.#onClosed(),
  });

  #choice = new ExamChoiceController(this, { api: () => this.api, enabled: () => this.open });

  #search = new DebounceController(this, 250);

  #days = new DayFieldsController(this);

  #list = new PagedListController<CandidateRow, { action: 'assign' | 'remove'; examType: string | null; filters: BulkFilters }, EligibleList>(this, {
    enabled: () => this.api !== undefined && this.open && this.step === 'list',
    query: () => ({ action: this.action, examType: this.action === 'assign' ? this.#choice.examType : null, filters: this.filters }),
    fetch: (q, cursor, signal) =>
      this.api!.assignments.eligible(
        { ...q.filters, action: q.action, ...(q.examType ? { examType: q.examType } : {}), cursor, limit: BULK_PAGE_SIZE },
        { signal },
      ),
  });

  #selection = new SelectionController<CandidateRow>(this, {
    key: (row) => row.id,
    scope: () => [this.open, this.step === 'list', this.action, this.#choice.examType],
  });

  #groups = new Task(this, {
    task: async ([api, listing], { signal }) => {
      if (!api || !listing) return [];
      // A convenience: without the groups the filter offers « Tous les groupes » only.
      return api.groups
        .list({ limit: LIMIT_MAX }, { signal })
        .then((page) => page.data)
        .catch(() => []);
    },
    args: () => [this.api, this.open && this.step === 'list'] as const,
  });

  /** Opens the dialog (focus moves into it). */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog (focus goes back to what opened it). */
  close(): void {
    this.open = false;
  }

  /** The ids selected in the list, in the order they were selected. */
  get selectedIds(): string[] {
    return this.#selection.ids;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('open')) this.#modal.toggle(this.open);
  }

  #onClosed(): void {
    this.open = false;
    this.#search.cancel();
    this.step = 'choose';
    this.action = 'assign';
    this.filters = {};
    this.searchText = '';
    this.notifyCancel = false;
    this.showErrors = false;
    this.busy = false;
    this.alertMessage = null;
    this.#choice.reset();
    this.#selection.clear();
    this.dispatchEvent(new ClrDialogCloseEvent());
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** How many more candidates may be selected (`null`: no limit). */
  #limit(): number | null {
    if (this.action !== 'assign') return null;
    const type = this.#choice.type;
    return selectionLimit(this.#list.page?.available ?? null, type?.requiresSession ? this.#choice.session : null);
  }

  #toList(action: 'assign' | 'remove'): void {
    if (action === 'assign') {
      this.showErrors = true;
      if (!this.#choice.type || this.#choice.errors(new Date()).length > 0) {
        void this.#focus('[aria-invalid="true"], [part~="types"] input:not([disabled])');
        return;
      }
    }
    this.action = action;
    this.filters = {};
    this.searchText = '';
    this.alertMessage = null;
    this.step = 'list';
    void this.#focus('[part~="search"]');
  }

  #back(): void {
    this.step = 'choose';
    this.alertMessage = null;
    void this.#focus(this.action === 'remove' ? '[part~="remove-choice"]' : '[part~="assign-choice"]');
  }

  #setFilters(next: BulkFilters): void {
    const clean: BulkFilters = {};
    for (const [key, value] of Object.entries(next) as [keyof BulkFilters, string | undefined][]) {
      const v = value?.trim();
      if (v) (clean as Record<string, string>)[key] = v;
    }
    this.filters = clean;
  }

  #onSearch(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    this.#search.schedule(() => this.#setFilters({ ...this.filters, q: this.searchText }));
  }

  #toggle(row: CandidateRow, selected: boolean): void {
    const limit = this.#limit();
    if (selected && limit !== null && this.#selection.size >= limit) return;
    this.#selection.toggle(row, selected);
  }

  /** « Sélectionner les candidats affichés »: as many as still fit, in the list's order; unselects them when all are. */
  #toggleAll(): void {
    const rows = this.#list.rows;
    if (this.#selection.allSelected(rows) || this.#isFull(rows)) {
      this.#selection.unselect(rows);
      return;
    }
    const limit = this.#limit();
    const room = limit === null ? Infinity : limit - this.#selection.size;
    this.#selection.select(rows.filter((row) => !this.#selection.has(row)).slice(0, Math.max(0, room)));
  }

  /** Every row that could be selected is: the limit is reached with some of these rows in the selection. */
  #isFull(rows: readonly CandidateRow[]): boolean {
    const limit = this.#limit();
    return limit !== null && this.#selection.size >= limit && rows.some((row) => this.#selection.has(row));
  }

  async #submit(): Promise<void> {
    const api = this.api;
    const ids = this.#selection.ids;
    if (!api || this.busy || ids.length === 0) return;
    const t = this.t.bulkAssignmentsDialog;
    const type = this.#choice.type;
    this.busy = true;
    this.alertMessage = null;
    try {
      if (this.action === 'remove') {
        const result = await api.assignments.bulkRemove({ candidateIds: ids, notify: this.notifyCancel });
        const message = format(result.removed === 1 ? t.removedOne : t.removed, { n: result.removed, credits: result.creditsReturned });
        this.#done({ action: 'remove', candidateIds: ids, message });
      } else if (type) {
        const result = await api.assignments.bulk({ ...this.#choice.params(), candidateIds: ids });
        const label = examTypeLabel(type.id, [type], this.locale);
        const message = format(result.data.length === 1 ? t.assignedOne : t.assigned, { n: result.data.length, type: label });
        this.#done({ action: 'assign', candidateIds: ids, examType: type.id, message });
      }
    } catch (error) {
      this.busy = false;
      if (this.isAbort(error)) return;
      this.alertMessage = this.#refusal(error);
      this.#list.refresh();
      if (error instanceof OutOfStockError) this.#choice.reload();
      void this.#focus('[part~="error"]');
    }
  }

  /** The words of a refusal: the shortage, or the candidates who can no longer take part (unselected). */
  #refusal(error: unknown): string {
    const t = this.t.bulkAssignmentsDialog;
    const type = this.#choice.type;
    if (error instanceof OutOfStockError && type) {
      return format(t.outOfStock, {
        type: examTypeLabel(type.id, [type], this.locale),
        needed: error.needed ?? this.#selection.size,
        available: error.available ?? 0,
      });
    }
    if (error instanceof NotEligibleError && error.candidateIds.length > 0) {
      const rows = this.#selection.rows.filter((row) => error.candidateIds.includes(row.id));
      const shown = rows.slice(0, 5).map((row) => candidateName(row));
      const rest = error.candidateIds.length - shown.length;
      const names = rest > 0 ? [...shown, format(t.othersNames, { n: rest })].join(', ') : shown.join(', ');
      this.#selection.unselect(error.candidateIds);
      const one = error.candidateIds.length === 1;
      return format(this.action === 'remove' ? (one ? t.notRemovableOne : t.notRemovable) : one ? t.notEligibleOne : t.notEligible, { names });
    }
    return this.describeError(error).message;
  }

  #done(detail: { action: 'assign' | 'remove'; candidateIds: string[]; examType?: string; message: string }): void {
    this.busy = false;
    this.dispatchEvent(new ClrAssignmentChangeEvent(detail));
    this.close();
  }

  override render(): TemplateResult {
    const t = this.t.bulkAssignmentsDialog;
    const type = this.#choice.type;
    const label = type ? examTypeLabel(type.id, [type], this.locale) : '';
    const title =
      this.step === 'session'
        ? this.t.sessionPicker.title
        : this.step === 'list'
          ? this.action === 'remove'
            ? t.listRemoveTitle
            : format(t.listAssignTitle, { type: label })
          : t.title;
    return html`
      <dialog part="dialog" aria-labelledby="title">
        <div class="frame">
          <header part="header">
            <h2 id="title" part="title">${title}</h2>
            <button type="button" part="close" class="close" aria-label=${this.t.common.close} title=${this.t.common.close} @click=${() => this.close()}>×</button>
          </header>
          ${this.open ? this.#renderStep() : nothing}
        </div>
      </dialog>
    `;
  }

  #renderStep(): TemplateResult {
    if (!this.api) return html`<div part="body" class="body"><p part="status" role="status">${this.t.common.noClient}</p></div>`;
    if (this.step === 'list') return this.#renderList();
    const type = this.#choice.type;
    if (this.step === 'session' && type?.requiresSession) {
      return html`
        <div part="body" class="body">
          <clr-session-picker
            .client=${this.api}
            exam-type=${type.id}
            .value=${this.#choice.session}
            @clr-session-select=${(e: CustomEvent & { detail: { session: ExamSession } }) => {
              this.#choice.setSession(e.detail.session);
              this.step = 'choose';
              void this.#focus('[part~="choose-session"]');
            }}
            @clr-session-back=${() => {
              this.step = 'choose';
              void this.#focus('[part~="choose-session"]');
            }}
          ></clr-session-picker>
        </div>
      `;
    }
    return this.#renderChoose();
  }

  #renderChoose(): TemplateResult {
    const t = this.t.bulkAssignmentsDialog;
    return html`
      <div part="body" class="body">
        <section class="remove" aria-labelledby="remove-title">
          <h3 id="remove-title">${t.removeTitle}</h3>
          <label class="check">
            <input type="checkbox" .checked=${this.notifyCancel} @change=${(e: Event) => (this.notifyCancel = (e.target as HTMLInputElement).checked)} />
            <span>${t.notifyCancel}</span>
          </label>
          <button type="button" part="remove-choice" @click=${() => this.#toList('remove')}>${t.removeChoice}</button>
        </section>
        <p class="or" aria-hidden="true">${t.or}</p>
        <section aria-labelledby="assign-title">
          <h3 id="assign-title">${t.assignTitle}</h3>
          ${this.#choice.task.render({
            initial: () => html`<p part="status" class="status" role="status">${this.t.common.loading}</p>`,
            pending: () => (this.#choice.task.value ? this.#choiceView() : html`<p part="status" class="status" role="status">${this.t.common.loading}</p>`),
            complete: () => this.#choiceView(),
            error: (error) => html`
              <div part="error" class="alert" role="alert"><p>${this.describeError(error).message}</p></div>
              <button type="button" @click=${() => this.#choice.reload()}>${this.t.common.retry}</button>
            `,
          })}
          <button type="button" part="assign-choice" class="primary" ?disabled=${this.#choice.options.length === 0} @click=${() => this.#toList('assign')}>
            ${t.assignChoice}
          </button>
        </section>
      </div>
      <footer part="footer">
        <button type="button" part="cancel" @click=${() => this.close()}>${t.cancel}</button>
      </footer>
    `;
  }

  #choiceView(): TemplateResult {
    return this.#choice.render({
      t: this.t,
      locale: this.locale,
      threshold: this.lowStockThreshold,
      showErrors: this.showErrors,
      notifyLabel: this.t.bulkAssignmentsDialog.notifyAssign,
      onOpenSessions: () => {
        this.step = 'session';
        void this.#focus('clr-session-picker');
      },
      onOrder: (examType) => {
        this.dispatchEvent(new ClrOrderRequestEvent({ examType }));
        this.close();
      },
    });
  }

  #renderList(): TemplateResult {
    const t = this.t.bulkAssignmentsDialog;
    const type = this.#choice.type;
    const limit = this.#limit();
    const count = this.#selection.size;
    const available = this.#list.page?.available ?? null;
    const counter =
      this.action === 'assign' && available !== null
        ? format(count === 1 ? t.counterOne : t.counter, { n: count, m: limit ?? available })
        : count === 0
          ? t.selectedNone
          : count === 1
            ? t.selectedOne
            : format(t.selected, { n: count });
    const scheduledAt = this.#choice.scheduledAt;
    return html`
      <div part="body" class="body">
        ${this.alertMessage ? html`<div part="error" class="alert" role="alert" tabindex="-1"><p>${this.alertMessage}</p></div>` : nothing}
        <p>${this.action === 'remove' ? t.listRemoveIntro : t.listAssignIntro}</p>
        ${type && this.action === 'assign'
          ? html`<p class="chosen">${scheduledAt ? format(t.chosenDate, { type: examTypeLabel(type.id, [type], this.locale), date: formatDate(scheduledAt) }) : format(t.chosen, { type: examTypeLabel(type.id, [type], this.locale) })}</p>`
          : nothing}
        ${this.#renderFilters()}
        ${this.#list.error
          ? html`
              <div part="error" class="alert" role="alert"><p>${this.describeError(this.#list.error).message}</p></div>
              <button type="button" @click=${() => this.#list.refresh()}>${this.t.common.retry}</button>
            `
          : this.#list.firstLoad || this.#list.total === null
            ? html`<p part="status" class="status" role="status">${this.t.common.loading}</p>`
            : this.#renderTable()}
      </div>
      <footer part="footer">
        <p part="counter" class="summary" role="status" id="counter">
          ${counter}${limit !== null && count >= limit && count > 0 ? html` — ${t.limitReached}` : nothing}
        </p>
        <button type="button" part="back" @click=${() => this.#back()}>${t.back}</button>
        <button
          type="button"
          part="submit"
          class=${this.action === 'remove' ? 'primary danger-fill' : 'primary'}
          ?disabled=${this.busy || count === 0}
          aria-describedby="counter"
          @click=${() => void this.#submit()}
        >
          ${this.busy ? t.submitting : this.action === 'remove' ? t.submitRemove : t.submitAssign}
        </button>
      </footer>
    `;
  }

  #renderFilters(): TemplateResult {
    const t = this.t.bulkAssignmentsDialog;
    const statuses = LABELS[this.locale].candidateStatus;
    const groups = this.#groups.value ?? [];
    return html`
      <div part="filters" class="filters" role="search" aria-label=${t.filters}>
        <label class="search">
          <span class="visually-hidden">${t.search}</span>
          <input
            part="search"
            type="search"
            placeholder=${t.search}
            .value=${this.searchText}
            @input=${(e: Event) => this.#onSearch(e)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                this.#search.flush();
              }
            }}
          />
        </label>
        <label>
          ${t.statusFilter}
          <select @change=${(e: Event) => this.#setFilters({ ...this.filters, status: (e.target as HTMLSelectElement).value as CandidateStatus })}>
            <option value="" ?selected=${!this.filters.status}>${t.allStatuses}</option>
            ${STATUSES[this.action].map((s) => html`<option value=${s} ?selected=${this.filters.status === s}>${statuses[s]}</option>`)}
          </select>
        </label>
        <label>
          ${t.groupFilter}
          <select @change=${(e: Event) => this.#setFilters({ ...this.filters, groupId: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!this.filters.groupId}>${t.allGroups}</option>
            ${groups.map((g) => html`<option value=${g.id} ?selected=${this.filters.groupId === g.id}>${g.name}</option>`)}
          </select>
        </label>
        <label>
          ${t.periodFrom}
          ${this.#days.render({ name: 'from', label: t.periodFrom, value: this.filters.from, max: this.filters.to, text: this.t.common, onChange: (from) => this.#setFilters({ ...this.filters, from }) })}
        </label>
        <label>
          ${t.periodTo}
          ${this.#days.render({ name: 'to', label: t.periodTo, value: this.filters.to, min: this.filters.from, text: this.t.common, onChange: (to) => this.#setFilters({ ...this.filters, to }) })}
        </label>
        <button
          type="button"
          part="reset"
          @click=${() => {
            this.#search.cancel();
            this.searchText = '';
            this.filters = {};
            this.#days.reset();
          }}
        >
          ${t.reset}
        </button>
      </div>
    `;
  }

  #renderTable(): TemplateResult {
    const t = this.t.bulkAssignmentsDialog;
    const rows = this.#list.rows;
    const total = this.#list.total ?? 0;
    if (total === 0) {
      const filtered = Object.keys(this.filters).length > 0;
      return html`<p part="status" class="status" role="status">${filtered ? t.emptyFiltered : this.action === 'remove' ? t.emptyRemove : t.emptyAssign}</p>`;
    }
    const statuses = LABELS[this.locale].candidateStatus;
    const limit = this.#limit();
    const full = limit !== null && this.#selection.size >= limit;
    const all = this.#selection.allSelected(rows) || this.#isFull(rows);
    return html`
      <div class="table-wrap">
        <table part="table" aria-busy=${this.#list.busy ? 'true' : 'false'}>
          <caption class="visually-hidden">${this.action === 'remove' ? t.captionRemove : t.captionAssign}</caption>
          <thead>
            <tr>
              <th scope="col" class="check">
                <input
                  part="select-all"
                  id="select-all"
                  type="checkbox"
                  .checked=${all}
                  .indeterminate=${!all && this.#selection.someSelected(rows)}
                  ?disabled=${limit === 0}
                  @change=${() => this.#toggleAll()}
                />
                <label for="select-all" class="visually-hidden">${t.selectAll}</label>
              </th>
              <th scope="col">${t.columns.name}</th>
              <th scope="col">${t.columns.email}</th>
              <th scope="col">${t.columns.status}</th>
              <th scope="col">${t.columns.date}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((row) => {
              const name = candidateName(row);
              const checked = this.#selection.has(row);
              return html`
                <tr part="row" data-candidate-id=${row.id} class=${checked ? 'selected' : ''}>
                  <td class="check">
                    <input
                      type="checkbox"
                      aria-label=${format(t.selectRow, { name })}
                      .checked=${checked}
                      ?disabled=${!checked && full}
                      @change=${(e: Event) => {
                        const box = e.target as HTMLInputElement;
                        this.#toggle(row, box.checked);
                        box.checked = this.#selection.has(row);
                      }}
                    />
                  </td>
                  <th scope="row">${name}</th>
                  <td>${breakableEmail(row.email)}</td>
                  <td><span class="status-dot ${row.status}">${statuses[row.status]}</span></td>
                  <td>${formatDate(row.date)}</td>
                </tr>
              `;
            })}
          </tbody>
        </table>
      </div>
      <div class="more">
        <span class="status">${this.candidatesShown(rows.length, total)}</span>
        ${this.#list.hasMore
          ? html`<button type="button" part="more" ?disabled=${this.#list.loadingMore} @click=${() => void this.#list.nextPage()}>
              ${this.#list.loadingMore ? this.t.common.loading : t.more}
            </button>`
          : nothing}
      </div>
    `;
  }
}
