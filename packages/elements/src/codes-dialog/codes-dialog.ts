import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { candidateName, examTypeLabel, formatDate, LABELS, LIMIT_MAX, SELECTION_MAX, type ActivationCodeRow, type CandidateDetail, type CandidateList, type CandidateRow } from '@clr/domain';
import { NotEligibleError } from '@clr/sdk';
import { ClrElement } from '../shared/clr-element.js';
import { DayFieldsController, dayFieldStyles } from '../shared/day-field.js';
import { downloadBlob } from '../shared/icons.js';
import { ModalController } from '../shared/modal.js';
import { DebounceController, PagedListController } from '../shared/paged-list.js';
import { SelectionController } from '../shared/selection.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { breakableEmail } from '../shared/email.js';
import { format } from '../translations/index.js';
import { ClrDialogCloseEvent } from './codes-dialog.events.js';
import { styles } from './codes-dialog.styles.js';

/** The filters of the bulk list (§6.7): search, group, period of the exam date. */
export interface CodesDialogFilters {
  q?: string;
  groupId?: string;
  from?: string;
  to?: string;
}

/** How many candidates the bulk list loads at a time (« Afficher les candidats suivants » loads more). */
export const CODES_PAGE_SIZE = 50;

/** How long typing in the search box waits before asking the server. */
const SEARCH_DEBOUNCE_MS = 250;

function cleanFilters(filters: CodesDialogFilters): CodesDialogFilters {
  const out: CodesDialogFilters = {};
  for (const key of ['q', 'groupId', 'from', 'to'] as const) {
    const value = filters[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

interface SingleView {
  codes: ActivationCodeRow[];
  candidate: CandidateDetail;
}

/** The codes table: the rows shown, and the chosen candidates left out because they hold no live code. */
interface CodesView {
  rows: ActivationCodeRow[];
  without: string[];
}

/** Which of the three views the properties ask for (see the class's documentation). */
type Mode = 'selection' | 'one' | 'list';

/**
 * « Afficher le code d'activation » and « Afficher les codes d'activation »
 * (manual §6.7, R15), in a modal dialog (`<dialog>` opened with
 * `showModal()`: the page behind is inert, Tab cycles inside, Escape closes,
 * focus comes back to the opener).
 *
 * Which view opens, first match wins:
 * 1. `candidateIds` holds one or more ids (a selection made elsewhere, such as
 *    `<clr-candidates-table>`'s `selectedIds`): straight on the codes table of
 *    those candidates — « Sélectionnez les candidats … puis cliquez sur
 *    Afficher les codes » —, « Exporter » → the CSV of exactly those codes.
 *    Chosen candidates without a live code (La Poste exam, code spent, none
 *    assigned) are left out and counted in a notice; more than 1 000 ids
 *    (`SELECTION_MAX`) are refused with a message. `candidate-id` is then ignored.
 * 2. `candidate-id`: that candidate's code, with the exam type, the exam
 *    date and the deadline, and « Exporter ». La Poste exams have no code here
 *    (the centre holds it): the dialog then says so in the manual's words.
 * 3. Neither: the candidates holding an activation code (search, group, period,
 *    « Réinitialiser les filtres », « Tout sélectionner »), « Afficher les
 *    codes » → the codes of the selection, « Exporter » → the CSV of exactly
 *    those codes, downloaded under the name the server gives.
 *
 * @summary The §6.7 activation codes dialog, for one candidate or a selection.
 *
 * @fires clr-dialog-close - The dialog closed (close button, Escape, `close()`, `open = false`).
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart header - The title bar with the close button.
 * @csspart title - The title.
 * @csspart close - The close button of the title bar.
 * @csspart body - The scrolling content.
 * @csspart filters - The search and filters of the bulk list.
 * @csspart search - The search field.
 * @csspart reset - « Réinitialiser les filtres ».
 * @csspart table - The candidates table or the codes table.
 * @csspart row - A row of either table.
 * @csspart code - A code cell.
 * @csspart select-all - « Tout sélectionner ».
 * @csspart more - « Afficher les candidats suivants ».
 * @csspart notice - The message shown when a candidate has no code.
 * @csspart footer - The buttons at the bottom.
 * @csspart show-codes - « Afficher les codes ».
 * @csspart export - « Exporter ».
 * @csspart back - « Retour ».
 * @csspart error - An error message (role alert).
 * @csspart status - Loading, empty and progress messages.
 * @csspart filter - Each date filter's text field (typed jj/mm/aaaa).
 * @csspart calendar - The calendar button beside each date filter.
 * @csspart field-error - The message beside a date filter holding text that is not a date.
 */
export class ClrCodesDialog extends ClrElement {
  static override styles = [tokens, dialogStyles, dayFieldStyles, styles];

  /** Whether the dialog is shown (reflected). Setting it opens or closes it, as `show()` and `close()` do. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /**
   * One candidate's code (§6.7 « Afficher le code »); when absent, the bulk flow « Afficher les codes ».
   * Ignored while `candidateIds` holds an id.
   */
  @property({ attribute: 'candidate-id' })
  candidateId: string | null = null;

  /**
   * The codes of these candidates, straight away (§6.7, the selection of the candidates table): the dialog opens
   * on their codes table and « Exporter » exports exactly them. Wins over `candidate-id`; empty: `candidate-id`
   * or the bulk flow. Give a new array to change it (the element does not watch the array's contents).
   */
  @property({ attribute: false })
  candidateIds: readonly string[] = [];

  /** The bulk flow's step: choosing candidates, or their codes. */
  @state()
  protected step: 'select' | 'codes' = 'select';

  @state()
  protected filters: CodesDialogFilters = {};

  /** What the search box holds (it reaches `filters.q` after a short pause). */
  @state()
  protected searchText = '';

  /** The candidates whose codes the codes step shows (fixed when « Afficher les codes » is pressed). */
  @state()
  protected shownIds: readonly string[] | null = null;

  @state()
  protected busy: 'select-all' | 'export' | null = null;

  @state()
  protected alertMessage: string | null = null;

  @state()
  protected statusMessage = '';

  @query('dialog')
  private dialog?: HTMLDialogElement;

  #action: AbortController | undefined;
  #search = new DebounceController(this, SEARCH_DEBOUNCE_MS);

  /** The chosen candidates, in the order they were chosen; kept while the filters change (one chooses, searches, chooses more). */
  #selected = new SelectionController<CandidateRow>(this, { key: (row) => row.id });

  #modal = new ModalController(this, {
    dialog: () => this.dialog,
    onClose: () => this.#onDialogClose(),
  });

  #single = new Task(this, {
    task: async ([api, open, candidateId], { signal }): Promise<SingleView | null> => {
      if (!api || !open || !candidateId) return null;
      const [codes, candidate] = await Promise.all([
        api.codes
          .list({ candidateIds: [candidateId] }, { signal })
          .then((page) => page.data)
          .catch((error: unknown) => {
            // R15: no live code (La Poste exam, code spent, none assigned): the API names the candidate.
            if (error instanceof NotEligibleError) return [];
            throw error;
          }),
        api.candidates.retrieve(candidateId, { signal }),
      ]);
      return { codes, candidate };
    },
    args: () => [this.api, this.open, this.#mode() === 'one' ? this.candidateId : null] as const,
  });

  #days = new DayFieldsController(this);

  #list = new PagedListController<CandidateRow, CodesDialogFilters, CandidateList>(this, {
    query: () => this.filters,
    enabled: () => this.api !== undefined && this.open && this.#mode() === 'list',
    fetch: (filters, cursor, signal) => this.api!.codes.candidates({ ...filters, limit: CODES_PAGE_SIZE, ...(cursor ? { cursor } : {}) }, { signal }),
  });

  #groups = new Task(this, {
    task: async ([api, open, listing], { signal }) => {
      if (!api || !open || !listing) return [];
      // The filter is a convenience: without the groups it offers « Tous les groupes » only.
      return api.groups
        .list({ limit: LIMIT_MAX }, { signal })
        .then((page) => page.data)
        .catch(() => []);
    },
    args: () => [this.api, this.open, this.#mode() === 'list'] as const,
  });

  #codes = new Task(this, {
    task: async ([api, open, ids], { signal }): Promise<CodesView | null> => {
      if (!api || !open || !ids || ids.length === 0) return null;
      const list = (candidateIds: string[]) =>
        api.codes.list({ candidateIds, limit: LIMIT_MAX }, { signal }).toArray({ limit: SELECTION_MAX });
      const chosen = [...new Set(ids)];
      try {
        return { rows: await list(chosen), without: [] };
      } catch (error) {
        // R15: the API refuses a selection holding candidates without a live code, naming them: the others' codes.
        if (!(error instanceof NotEligibleError) || error.candidateIds.length === 0) throw error;
        const without = new Set(error.candidateIds);
        const rest = chosen.filter((id) => !without.has(id));
        return { rows: rest.length > 0 ? await list(rest) : [], without: chosen.filter((id) => without.has(id)) };
      }
    },
    args: () => [this.api, this.open, this.#codesIds()] as const,
  });

  /** `candidateIds` first, then `candidate-id`, then the bulk flow. */
  #mode(): Mode {
    if (this.candidateIds.length > 0) return 'selection';
    return this.candidateId ? 'one' : 'list';
  }

  /** The candidates whose codes the codes table shows: `candidateIds` (within the limit), or the bulk flow's choice. */
  #codesIds(): readonly string[] | null {
    const mode = this.#mode();
    if (mode === 'selection') return this.#selectionSize() <= SELECTION_MAX ? this.candidateIds : null;
    return mode === 'list' ? this.shownIds : null;
  }

  #selectionSize(): number {
    return new Set(this.candidateIds).size;
  }

  /** Opens the dialog (focus moves into it). */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog (focus goes back to what opened it). */
  close(): void {
    this.open = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#action?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another candidate, another selection, or another mode: start again.
    if (
      (changed.has('candidateId') && changed.get('candidateId') !== undefined) ||
      (changed.has('candidateIds') && changed.get('candidateIds') !== undefined)
    ) {
      this.#resetFlow();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('open')) this.#modal.toggle(this.open);
  }

  /** The `<dialog>` closed, however it was (Escape, the close button, `close()`); the focus is back on the opener. */
  #onDialogClose(): void {
    this.open = false;
    this.#resetFlow();
    this.dispatchEvent(new ClrDialogCloseEvent());
  }

  #resetFlow(): void {
    this.#search.cancel();
    this.#action?.abort();
    this.step = 'select';
    this.filters = {};
    this.searchText = '';
    this.#selected.clear();
    this.shownIds = null;
    this.busy = null;
    this.alertMessage = null;
    this.statusMessage = '';
  }

  // ---------------------------------------------------------------------------
  // Bulk flow

  #setFilters(next: CodesDialogFilters): void {
    this.#search.cancel();
    this.filters = cleanFilters(next);
  }

  #onSearch(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    this.#search.schedule(() => this.#setFilters({ ...this.filters, q: this.searchText }));
  }

  #onSearchKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.#setFilters({ ...this.filters, q: this.searchText });
  }

  #resetFilters(): void {
    this.searchText = '';
    this.#setFilters({});
    this.#days.reset();
  }

  #toggle(row: CandidateRow, checked: boolean): void {
    this.#selected.toggle(row, checked);
  }

  /** Whether every candidate of the filtered list is selected (false while the list is empty). */
  #allSelected(): boolean {
    const total = this.#list.total;
    const rows = this.#list.rows;
    return total !== null && total > 0 && rows.length === total && this.#selected.allSelected(rows);
  }

  /** « Tout sélectionner »: every candidate the filters keep, loading the pages not shown yet; again: none of them. */
  async #toggleAll(): Promise<void> {
    const api = this.api;
    const total = this.#list.total;
    if (!api || total === null || this.busy) return;
    if (this.#allSelected()) {
      this.#selected.unselect(this.#list.rows);
      return;
    }
    let rows = this.#list.rows;
    if (rows.length < total) {
      const filters = this.filters;
      this.busy = 'select-all';
      this.alertMessage = null;
      try {
        const all = await api.codes.candidates({ ...filters, limit: LIMIT_MAX }).toArray({ limit: SELECTION_MAX + 1 });
        if (this.filters !== filters) return;
        this.#list.updateRows(() => all, undefined, null);
        rows = all;
      } catch (error) {
        if (!this.isAbort(error)) this.alertMessage = this.describeError(error).message;
        return;
      } finally {
        this.busy = null;
      }
    }
    this.#selected.select(rows);
  }

  #showCodes(): void {
    if (this.#selected.size === 0 || this.#selected.size > SELECTION_MAX) return;
    this.shownIds = this.#selected.ids;
    this.step = 'codes';
    this.alertMessage = null;
    this.statusMessage = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="back"]')?.focus());
  }

  #backToSelection(): void {
    this.step = 'select';
    this.shownIds = null;
    this.alertMessage = null;
    this.statusMessage = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="show-codes"]')?.focus());
  }

  /** « Exporter »: the CSV of exactly these candidates' codes, downloaded under the server's file name. */
  async #export(candidateIds: readonly string[]): Promise<void> {
    const api = this.api;
    if (!api || candidateIds.length === 0 || this.busy) return;
    this.#action?.abort();
    const action = new AbortController();
    this.#action = action;
    this.busy = 'export';
    this.alertMessage = null;
    this.statusMessage = this.t.codesDialog.exporting;
    try {
      const file = await api.codes.exportCsv({ candidateIds: [...candidateIds] }, { signal: action.signal });
      const name = file.filename ?? 'codes-activation.csv';
      downloadBlob(file.blob, name, this.renderRoot);
      this.statusMessage = format(this.t.codesDialog.exported, { name });
    } catch (error) {
      this.statusMessage = '';
      if (!this.isAbort(error)) this.alertMessage = this.describeError(error).message;
    } finally {
      if (this.#action === action) this.#action = undefined;
      this.busy = null;
    }
  }

  // ---------------------------------------------------------------------------
  // Rendering

  protected override render(): TemplateResult {
    const t = this.t.codesDialog;
    const mode = this.#mode();
    const single = mode === 'one';
    return html`
      <dialog part="dialog" class="wide" aria-labelledby="title">
        <div class="frame">
          <header part="header">
            <h2 part="title" id="title">${single ? t.titleOne : t.titleMany}</h2>
            <button type="button" part="close" aria-label=${t.close} @click=${() => this.close()}>×</button>
          </header>
          ${this.open ? (this.api ? this.#renderMode(mode) : this.#renderNoClient()) : nothing}
        </div>
      </dialog>
    `;
  }

  #renderMode(mode: Mode): TemplateResult {
    if (mode === 'selection') return this.#renderCodesStep();
    return mode === 'one' ? this.#renderSingle() : this.#renderBulk();
  }

  #renderNoClient(): TemplateResult {
    return html`<div part="body" class="body"><p part="status" class="status" role="status">${this.t.common.noClient}</p></div>`;
  }

  #renderAlert(): TemplateResult | typeof nothing {
    return this.alertMessage ? html`<div part="error" class="alert" role="alert"><p>${this.alertMessage}</p></div>` : nothing;
  }

  #renderLoading(): TemplateResult {
    return html`<p part="status" class="status" role="status">${this.t.common.loading}</p>`;
  }

  #renderTaskError(error: unknown, retry: () => void): TemplateResult {
    return html`
      <div part="error" class="alert" role="alert"><p>${this.describeError(error).message}</p></div>
      <button type="button" @click=${retry}>${this.t.common.retry}</button>
    `;
  }

  #renderSingle(): TemplateResult {
    const t = this.t.codesDialog;
    const codes = this.#single.status === TaskStatus.COMPLETE ? (this.#single.value?.codes ?? []) : [];
    return html`
      <div part="body" class="body">
        ${this.#renderAlert()}
        ${this.#single.render({
          initial: () => this.#renderLoading(),
          pending: () => this.#renderLoading(),
          complete: (value) => (value ? this.#renderSingleView(value) : nothing),
          error: (error) => this.#renderTaskError(error, () => void this.#single.run()),
        })}
        <p class="visually-hidden" role="status">${this.statusMessage}</p>
      </div>
      <footer part="footer">
        ${codes.length > 0
          ? html`<button
              type="button"
              part="export"
              class="primary"
              ?disabled=${this.busy === 'export'}
              @click=${() => void this.#export(codes.map((c) => c.candidateId))}
            >
              ${this.busy === 'export' ? t.exporting : t.export}
            </button>`
          : nothing}
        <button type="button" part="back" @click=${() => this.close()}>${this.t.common.close}</button>
      </footer>
    `;
  }

  #renderSingleView({ codes, candidate }: SingleView): TemplateResult {
    const t = this.t.codesDialog;
    if (codes.length === 0) {
      return html`
        <div part="notice" class="notice">
          <p><strong>${candidateName(candidate)}</strong></p>
          <p>${t.noCode}</p>
          <p>${t.laPoste}</p>
        </div>
      `;
    }
    const statuses = LABELS[this.locale].candidateStatus;
    const assignment = candidate.assignment;
    return html`
      <table part="table">
        <caption>${t.codeCaption}</caption>
        <thead>
          <tr>
            <th scope="col">${t.columns.name}</th>
            <th scope="col">${t.columns.email}</th>
            <th scope="col">${t.columns.status}</th>
            <th scope="col">${t.columns.examType}</th>
            <th scope="col">${t.columns.date}</th>
            <th scope="col">${t.columns.deadline}</th>
            <th scope="col">${t.columns.code}</th>
          </tr>
        </thead>
        <tbody>
          ${codes.map((row) => {
            const sameExam = assignment && assignment.activationCode === row.code ? assignment : null;
            return html`
              <tr part="row">
                <th scope="row">${candidateName(row)}</th>
                <td>${breakableEmail(row.email)}</td>
                <td>${statuses[row.status]}</td>
                <td>${examTypeLabel(sameExam?.examType ?? candidate.examType, undefined, this.locale)}</td>
                <td>${formatDate(row.date)}</td>
                <td>${formatDate(sameExam?.deadline)}</td>
                <td part="code" class="code">${row.code}</td>
              </tr>
            `;
          })}
        </tbody>
      </table>
    `;
  }

  #renderBulk(): TemplateResult {
    return this.step === 'codes' ? this.#renderCodesStep() : this.#renderSelectStep();
  }

  #renderSelectStep(): TemplateResult {
    const t = this.t.codesDialog;
    const count = this.#selected.size;
    const reason = count === 0 ? t.chooseFirst : count > SELECTION_MAX ? format(t.tooMany, { max: SELECTION_MAX }) : null;
    const summary = count === 0 ? t.selectedNone : count === 1 ? t.selectedOne : format(t.selected, { n: count });
    return html`
      <div part="body" class="body">
        <p>${t.intro}</p>
        ${this.#renderFilters()} ${this.#renderAlert()}
        ${this.#list.error
          ? this.#renderTaskError(this.#list.error, () => this.#list.refresh())
          : this.#list.total === null
            ? this.#renderLoading()
            : this.#renderCandidates(this.#list.total, this.#list.pending)}
      </div>
      <footer part="footer">
        <p class="summary" role="status" id="selection-summary">${summary}${reason && count > 0 ? html` — ${reason}` : nothing}</p>
        <button
          type="button"
          part="show-codes"
          class="primary"
          ?disabled=${reason !== null}
          aria-describedby="selection-summary"
          @click=${() => this.#showCodes()}
        >
          ${t.showCodes}
        </button>
      </footer>
    `;
  }

  #renderFilters(): TemplateResult {
    const t = this.t.codesDialog;
    const groups = this.#groups.value ?? [];
    return html`
      <div part="filters" class="filters" role="search" aria-label=${t.filters}>
        <label>
          <span class="visually-hidden">${t.search}</span>
          <input
            part="search"
            type="search"
            placeholder=${t.search}
            autofocus
            .value=${this.searchText}
            @input=${(e: Event) => this.#onSearch(e)}
            @keydown=${(e: KeyboardEvent) => this.#onSearchKey(e)}
          />
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
        <button type="button" part="reset" @click=${() => this.#resetFilters()}>${t.reset}</button>
      </div>
    `;
  }

  #renderCandidates(total: number, refreshing: boolean): TemplateResult {
    const t = this.t.codesDialog;
    const rows = this.#list.rows;
    if (total === 0) {
      const filtered = Object.keys(this.filters).length > 0;
      return html`<p part="status" class="status" role="status">${filtered ? t.emptyFiltered : t.empty}</p>`;
    }
    const statuses = LABELS[this.locale].candidateStatus;
    const all = this.#allSelected();
    const some = !all && rows.some((r) => this.#selected.has(r));
    return html`
      <table part="table" aria-busy=${refreshing || this.busy === 'select-all' ? 'true' : 'false'}>
        <caption>${t.candidatesCaption}</caption>
        <thead>
          <tr>
            <th scope="col" class="check">
              <input
                part="select-all"
                id="select-all"
                type="checkbox"
                .checked=${all}
                .indeterminate=${some}
                ?disabled=${this.busy === 'select-all'}
                @change=${() => void this.#toggleAll()}
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
            return html`
              <tr part="row" data-candidate-id=${row.id}>
                <td class="check">
                  <input
                    type="checkbox"
                    aria-label=${format(t.selectRow, { name })}
                    .checked=${this.#selected.has(row)}
                    @change=${(e: Event) => this.#toggle(row, (e.target as HTMLInputElement).checked)}
                  />
                </td>
                <th scope="row">${name}</th>
                <td>${breakableEmail(row.email)}</td>
                <td>${statuses[row.status]}</td>
                <td>${formatDate(row.date)}</td>
              </tr>
            `;
          })}
        </tbody>
      </table>
      <div class="more">
        <span class="status">${this.candidatesShown(rows.length, total)}</span>
        ${this.#list.moreError ? html`<span part="error" role="alert">${this.describeError(this.#list.moreError).message}</span>` : nothing}
        ${this.#list.hasMore
          ? html`<button type="button" part="more" ?disabled=${this.#list.loadingMore || this.busy !== null} @click=${() => void this.#list.nextPage()}>
              ${this.#list.loadingMore ? this.t.common.loading : t.more}
            </button>`
          : nothing}
      </div>
    `;
  }

  /** The codes of the bulk flow's choice (with « Retour »), or of `candidateIds` (with « Fermer »). */
  #renderCodesStep(): TemplateResult {
    const t = this.t.codesDialog;
    const given = this.#mode() === 'selection';
    const tooMany = given && this.#selectionSize() > SELECTION_MAX;
    const view = this.#codes.status === TaskStatus.COMPLETE ? this.#codes.value : undefined;
    // « Exporter »: exactly the candidates whose codes are shown.
    const shown = [...new Set((view?.rows ?? []).map((row) => row.candidateId))];
    const exportButton = html`<button
      type="button"
      part="export"
      class="primary"
      ?disabled=${this.busy === 'export' || shown.length === 0}
      @click=${() => void this.#export(shown)}
    >
      ${this.busy === 'export' ? t.exporting : t.export}
    </button>`;
    return html`
      <div part="body" class="body">
        ${this.#renderAlert()}
        ${tooMany
          ? html`<div part="error" class="alert" role="alert"><p>${format(t.tooMany, { max: SELECTION_MAX })}</p></div>`
          : this.#codes.render({
              initial: () => this.#renderLoading(),
              pending: () => this.#renderLoading(),
              complete: (codes) => (codes ? this.#renderCodesTable(codes) : nothing),
              error: (error) => this.#renderTaskError(error, () => void this.#codes.run()),
            })}
        <p class="visually-hidden" role="status">${this.statusMessage}</p>
      </div>
      <footer part="footer">
        ${given
          ? html`${exportButton}<button type="button" part="back" @click=${() => this.close()}>${this.t.common.close}</button>`
          : html`<button type="button" part="back" @click=${() => this.#backToSelection()}>${t.back}</button>${exportButton}`}
      </footer>
    `;
  }

  #renderCodesTable({ rows, without }: CodesView): TemplateResult {
    const t = this.t.codesDialog;
    const statuses = LABELS[this.locale].candidateStatus;
    if (rows.length === 0) {
      return html`
        <div part="notice" class="notice">
          <p>${t.noneWithCode}</p>
          <p>${t.laPoste}</p>
        </div>
      `;
    }
    return html`
      ${without.length > 0
        ? html`<div part="notice" class="notice">
            <p>${without.length === 1 ? t.withoutCodeOne : format(t.withoutCode, { n: without.length })}</p>
          </div>`
        : nothing}
      <table part="table">
        <caption>${t.codesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">${t.columns.name}</th>
            <th scope="col">${t.columns.email}</th>
            <th scope="col">${t.columns.status}</th>
            <th scope="col">${t.columns.date}</th>
            <th scope="col">${t.columns.code}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`
              <tr part="row" data-candidate-id=${row.candidateId}>
                <th scope="row">${candidateName(row)}</th>
                <td>${breakableEmail(row.email)}</td>
                <td>${statuses[row.status]}</td>
                <td>${formatDate(row.date)}</td>
                <td part="code" class="code">${row.code}</td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    `;
  }
}
