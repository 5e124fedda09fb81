import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import {
  LABELS,
  candidateDeletability,
  candidateName,
  examTypeLabel,
  formatDate,
  formatDateTime,
  type CandidateList,
  type CandidateRow,
  type CandidateSort,
  type CandidateStatus,
  type Decision,
  type Group,
  type StatusCounts,
  type Validation,
} from '@clr/domain';
import { ClrElement } from '../shared/clr-element.js';
import { DayFieldsController, dayFieldStyles } from '../shared/day-field.js';
import { breakableEmail } from '../shared/email.js';
import { GridKeyboardController } from '../shared/grid-keyboard.js';
import { DebounceController, PagedListController } from '../shared/paged-list.js';
import { SelectionController } from '../shared/selection.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '../shared/virtualize.js';
import { tokens } from '../shared/tokens.styles.js';
import { format } from '../translations/index.js';
import { ClrCandidateDeleteEvent, ClrCandidateDissociateEvent, ClrCandidateOpenEvent, ClrSelectionChangeEvent } from './candidates-table.events.js';
import { icons } from '../shared/icons.js';
import { dissociateStyles, styles } from './candidates-table.styles.js';
import { isReversedPeriod } from '../shared/period.js';
import type { CellPosition } from './grid-keys.js';

/** The table's filters (§6.1: search, status, validation, group, period), as the list endpoint takes them. */
export interface CandidateTableFilters {
  q?: string;
  status?: CandidateStatus;
  validation?: Validation;
  /** Filter on one group (the group filter); the group view is the `group-id` attribute. */
  groupId?: string;
  /** `YYYY-MM-DD`: taken or scheduled on or after this day (Europe/Paris). */
  from?: string;
  /** `YYYY-MM-DD`: taken or scheduled on or before this day. */
  to?: string;
}

type ColumnKey = 'select' | 'name' | 'email' | 'lastLogin' | 'status' | 'validation' | 'score' | 'date' | 'actions';
type SortKey = Exclude<CandidateSort, `-${string}`>;

interface Column {
  key: ColumnKey;
  sort?: SortKey;
}

/** The columns of §6.1, in order: selection, then the manual's seven, then the actions. */
const COLUMNS: readonly Column[] = [
  { key: 'select' },
  { key: 'name', sort: 'name' },
  { key: 'email', sort: 'email' },
  { key: 'lastLogin', sort: 'lastLoginAt' },
  { key: 'status', sort: 'status' },
  { key: 'validation', sort: 'validation' },
  { key: 'score', sort: 'score' },
  { key: 'date', sort: 'date' },
  { key: 'actions' },
];
const COL = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as Record<ColumnKey, number>;
const STATUSES: readonly CandidateStatus[] = ['to_assign', 'scheduled', 'expired', 'taken'];
const VALIDATIONS: readonly Validation[] = ['validated', 'pending', 'invalidated'];
const SEARCH_DELAY_MS = 300;
/** The API's largest page (`limit` ≤ 200): the pages after the first, fetched as the rows scroll. */
const NEXT_PAGE_SIZE = 200;
/**
 * Load the next page when the rendered rows come this close to the last loaded
 * one (a page that arrives while they still are asks for the next). Under the
 * first page's size, so that the first rows alone do not ask for more.
 */
const LOAD_AHEAD = 50;

/**
 * What R10 can tell from a row: an attempt shows as a score, a validation or
 * the « passée » status; a current assignment as « prévue ». The server
 * decides; this only disables the button and says why.
 */
export function rowDeletability(row: CandidateRow, locale: 'fr' | 'en' = 'fr'): Decision {
  return candidateDeletability(
    {
      hasAttempt: row.status === 'taken' || row.score !== null || row.validation !== null,
      hasCurrentAssignment: row.status === 'scheduled',
    },
    locale,
  );
}

function cleanFilters(filters: CandidateTableFilters): CandidateTableFilters {
  const out: CandidateTableFilters = {};
  for (const [key, value] of Object.entries(filters) as [keyof CandidateTableFilters, string | undefined][]) {
    const v = typeof value === 'string' ? value.trim() : value;
    if (v) (out as Record<string, string>)[key] = key === 'q' ? (value as string) : v;
  }
  return out;
}

/** What the table asks the list endpoint for: the scope, the search, filters and sort, the first page's size. */
interface ListQuery {
  groupId: string | null;
  params: ReturnType<ClrCandidatesTable['listParams']>;
  first: number;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * The candidates table of §6.1 (or, with `group-id`, a group's candidates,
 * §5.6): counts by status, search, filters, server-side sort and paging,
 * rendered through `@lit-labs/virtualizer` as an ARIA grid (one tab stop,
 * arrow keys between cells), row selection, « Exporter le tableau » (§6.2,
 * §5.7) and row actions raised as events.
 *
 * Selection: kept across sorting (the same candidates, in another order) and
 * cleared when the search, a filter or the group changes, so that a selection
 * never holds candidates the table no longer shows. « Select all » selects the
 * rows loaded so far.
 *
 * @summary Candidates table (§6.1–6.2, §5.6–5.7).
 *
 * @fires clr-candidate-open - `ClrCandidateOpenEvent`: a name was clicked (or Enter pressed on it); `detail: { candidateId, candidate }`.
 * @fires clr-candidate-delete - `ClrCandidateDeleteEvent`, cancelable: « Supprimer » on a row; unless prevented the table deletes through the SDK and refreshes.
 * @fires clr-candidate-dissociate - `ClrCandidateDissociateEvent`, cancelable: « Dissocier » on a row of the group view (§5.10); unless prevented the table dissociates through the SDK and refreshes.
 * @fires clr-selection-change - `ClrSelectionChangeEvent`: `detail: { candidateIds, candidates }`.
 *
 * @slot toolbar-start - Before the search box (e.g. a page title).
 * @slot toolbar-end - Beside « Exporter le tableau » (e.g. the portal's « Créer un candidat », « Afficher les codes »).
 *
 * @csspart counts - The counts by status above the table.
 * @csspart total - The number of candidates matching the search and filters but the status one.
 * @csspart count - One status count (a toggle button filtering on that status).
 * @csspart toolbar - The search box, filters and buttons.
 * @csspart search - The search form.
 * @csspart search-input - The search box.
 * @csspart filters - The filters' group.
 * @csspart filter - Each filter's control (status, validation, group, period).
 * @csspart field-error - The message beside a period whose « au » is before its « du », or beside a date filter holding text that is not a date.
 * @csspart calendar - The calendar button beside each date filter (dates are typed jj/mm/aaaa).
 * @csspart reset-button - « Réinitialiser les filtres ».
 * @csspart export-button - « Exporter le tableau ».
 * @csspart error - The loading error and its « Réessayer » button.
 * @csspart retry-button - « Réessayer ».
 * @csspart action-error - The error of a deletion or an export.
 * @csspart scroller - The box that scrolls sideways on narrow screens.
 * @csspart grid - The `role="grid"` element.
 * @csspart header - The header's row group.
 * @csspart header-row - The header row.
 * @csspart columnheader - Each column header.
 * @csspart sort-button - The button of a sortable column header.
 * @csspart select-all - The header checkbox selecting every loaded row.
 * @csspart body - The scrolling, virtualized rows.
 * @csspart row - Each candidate's row.
 * @csspart cell - Each cell.
 * @csspart checkbox - A row's selection checkbox.
 * @csspart name - The candidate's name (opens the file).
 * @csspart groups - The groups under the name.
 * @csspart status-badge - The status.
 * @csspart validation-badge - The validation.
 * @csspart exam-type - The exam type under the score.
 * @csspart delete-button - « Supprimer ».
 * @csspart dissociate-button - « Dissocier », in the group view (instead of « Supprimer »).
 * @csspart message-row - The « Chargement… » or « Aucun candidat » row.
 * @csspart footer - Below the grid: the live status and the selection.
 * @csspart notice - The live status (loading, counts, results of actions).
 * @csspart selection - How many candidates are selected.
 *
 * @cssproperty --clr-candidates-table-height - Height of the scrolling rows (default `32rem`).
 * @cssproperty --clr-candidates-table-columns - The rows' `grid-template-columns` (9 columns).
 * @cssproperty --clr-candidates-table-min-width - Width under which the table scrolls sideways (default `70rem`).
 */
export class ClrCandidatesTable extends ClrElement {
  static override styles = [tokens, dayFieldStyles, styles, dissociateStyles];

  /** Shows the candidates of this group (§5.6–5.7) instead of the space's: search, status and period filters only. */
  @property({ attribute: 'group-id' })
  groupId: string | null = null;

  /** Also lists the candidates of hidden groups (R12), and offers hidden groups in the group filter. */
  @property({ type: Boolean, attribute: 'include-hidden' })
  includeHidden = false;

  /** The column sorted on, `-` for descending (`name`, `-date`, …); the server sorts. */
  @property({ reflect: true })
  sort: CandidateSort = 'name';

  /** The search and filters; set it to filter from the page, read it to know what is shown. */
  @property({ attribute: false })
  filters: CandidateTableFilters = {};

  /** Rows of the first request (1–200); the following pages, fetched as the rows scroll, take 200 (at least this many). */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = 100;

  @state() private notice = '';
  @state() private actionError: string | null = null;
  @state() private exporting = false;
  @state() private deleting = new Set<string>();
  /** The period being typed: applied once « au » is not before « du ». */
  @state() private periodDraft: { from: string; to: string } = { from: '', to: '' };

  @query('[part~="body"]') private body!: HTMLElement & VirtualizerHostElement;

  /** The rows the virtualizer has in the DOM; not reactive: scrolling re-renders only when the tab stop moves. */
  #renderedRange = { first: -1, last: -1 };
  #searchText = '';
  #search = new DebounceController(this, SEARCH_DELAY_MS);

  #list = new PagedListController<CandidateRow, ListQuery, CandidateList>(this, {
    query: () => ({
      groupId: this.groupId,
      params: this.listParams(),
      first: Math.max(1, Math.min(NEXT_PAGE_SIZE, Math.trunc(this.pageSize) || 100)),
    }),
    enabled: () => this.api !== undefined,
    fetch: (query, cursor, signal) => {
      const api = this.api!;
      const params = { ...query.params, ...(cursor ? { cursor } : {}), limit: cursor === undefined ? query.first : Math.max(query.first, NEXT_PAGE_SIZE) };
      return query.groupId ? api.groups.candidates(query.groupId, params, { signal }) : api.candidates.list(params, { signal });
    },
    onFirstPage: (page, newQuery) => {
      if (newQuery) {
        this.#keys.clamp(true);
        this.updateComplete.then(() => this.body?.scrollTo?.({ top: 0 }));
      } else {
        this.#keys.clamp();
      }
      this.notice = page.data.length === 0 ? this.t.candidatesTable.empty : this.#loadedNotice();
    },
    onNextPage: (page) => {
      this.notice = this.#loadedNotice();
      // Still at the end the page was asked for: the reader is scrolling on, ask for the next one now.
      const loadedBefore = this.#list.rows.length - page.data.length;
      if (this.#renderedRange.last >= loadedBefore - LOAD_AHEAD) queueMicrotask(() => void this.#list.nextPage());
    },
  });

  #selection = new SelectionController<CandidateRow>(this, {
    key: (row) => row.id,
    // Kept across sorting (the same candidates, in another order), cleared when the search, a filter or the group changes.
    scope: () => [this.groupId, this.includeHidden, this.filters],
    onChange: (candidateIds, candidates) => this.dispatchEvent(new ClrSelectionChangeEvent({ candidateIds, candidates })),
  });

  #keys = new GridKeyboardController(this, {
    rows: () => this.#list.rows.length,
    cols: () => COLUMNS.length,
    initial: { row: -1, col: COL.name },
    pageRows: () => this.#pageRows(),
    isRendered: (row) => {
      const { first, last } = this.#renderedRange;
      return first < 0 || (row >= first && row <= last);
    },
    reveal: (pos) => this.#reveal(pos),
    onMove: (pos) => {
      if (pos.row >= this.#list.rows.length - LOAD_AHEAD) void this.#list.nextPage();
    },
    onActivate: (pos, key) => this.#activate(pos, key),
  });

  #groupsTask = new Task(this, {
    // Asked once the first rows are there: the table's first page does not wait behind the groups.
    args: () => [this.api, this.groupId, this.#list.total !== null] as const,
    task: async ([api, groupId, tableShown], { signal }) => {
      if (!api || groupId) return [] as Group[];
      if (!tableShown) return initialState;
      return api.groups.list({ limit: 200 }, { signal }).toArray({ limit: 5000 });
    },
  });

  // ---------------------------------------------------------------------------
  // Public API

  /** The candidates selected, in the order they were selected. */
  get selectedIds(): string[] {
    return this.#selection.ids;
  }

  get selectedCandidates(): CandidateRow[] {
    return this.#selection.rows;
  }

  /** The rows loaded so far, in the table's order. */
  get loadedRows(): readonly CandidateRow[] {
    return this.#list.rows;
  }

  /** The candidates matching the search and filters (`aria-rowcount` − 1), once the first page arrived. */
  get totalCount(): number | null {
    return this.#list.total;
  }

  /** The counts by status of the last page (the filters but the status one). */
  get statusCounts(): StatusCounts | null {
    return this.#list.page?.counts ?? null;
  }

  /** Reloads from the first page, keeping the search, filters, sort and selection. */
  refresh(): void {
    this.#list.refresh();
  }

  /** Back to no search and no filter (« Réinitialiser les filtres »); the sort stays. */
  resetFilters(): void {
    this.#search.cancel();
    this.#searchText = '';
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part~="search-input"]');
    if (input) input.value = '';
    this.filters = {};
    this.#days.reset();
  }

  clearSelection(): void {
    this.#selection.clear();
  }

  /**
   * Deletes the candidate through the SDK without asking (the page asked: it
   * prevented `clr-candidate-delete` to confirm), then refreshes. A refusal
   * (R10) shows the API's message. Resolves to whether it was deleted.
   */
  async deleteCandidate(candidateId: string): Promise<boolean> {
    const api = this.api;
    if (!api) return false;
    const row = this.#list.rows.find((r) => r.id === candidateId) ?? this.#selection.rows.find((r) => r.id === candidateId);
    const name = row ? candidateName(row) : candidateId;
    this.actionError = null;
    this.deleting = new Set([...this.deleting, candidateId]);
    this.notice = format(this.t.candidatesTable.deleting, { name });
    try {
      await api.candidates.delete(candidateId);
      this.#selection.unselect([candidateId]);
      this.refresh();
      await this.updateComplete;
      await this.#list.complete;
      this.notice = format(this.t.candidatesTable.deleted, { name });
      return true;
    } catch (error) {
      this.actionError = this.describeError(error).message;
      this.notice = '';
      return false;
    } finally {
      const rest = new Set(this.deleting);
      rest.delete(candidateId);
      this.deleting = rest;
    }
  }

  /**
   * Dissociates the candidate from the group of the group view (§5.10) without
   * asking (the page asked: it prevented `clr-candidate-dissociate`), then
   * refreshes. Resolves to whether it was done.
   */
  async dissociateCandidate(candidateId: string): Promise<boolean> {
    const api = this.api;
    const groupId = this.groupId;
    if (!api || !groupId) return false;
    const row = this.#list.rows.find((r) => r.id === candidateId) ?? this.#selection.rows.find((r) => r.id === candidateId);
    const name = row ? candidateName(row) : candidateId;
    this.actionError = null;
    this.deleting = new Set([...this.deleting, candidateId]);
    this.notice = format(this.t.candidatesTable.dissociating, { name });
    try {
      await api.groups.removeMember(groupId, candidateId);
      this.#selection.unselect([candidateId]);
      this.refresh();
      await this.updateComplete;
      await this.#list.complete;
      this.notice = format(this.t.candidatesTable.dissociated, { name });
      return true;
    } catch (error) {
      this.actionError = this.describeError(error).message;
      this.notice = '';
      return false;
    } finally {
      const rest = new Set(this.deleting);
      rest.delete(candidateId);
      this.deleting = rest;
    }
  }

  // ---------------------------------------------------------------------------
  // Loading

  /** The list endpoint's query for the search, filters and sort shown (what « Exporter le tableau » exports too). */
  protected listParams() {
    const f = this.filters;
    return {
      ...(f.q?.trim() ? { q: f.q.trim() } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.validation && !this.groupId ? { validation: f.validation } : {}),
      ...(f.groupId && !this.groupId ? { groupId: f.groupId } : {}),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      sort: this.sort,
      ...(this.includeHidden && !this.groupId ? { includeHidden: true } : {}),
    };
  }

  #onRangeChanged = (event: RangeChangedEvent) => {
    const hadFocusRow = this.#focusRowRendered();
    this.#renderedRange = { first: event.first, last: event.last };
    if (hadFocusRow !== this.#focusRowRendered()) this.requestUpdate();
    if (event.last >= this.#list.rows.length - LOAD_AHEAD) void this.#list.nextPage();
  };

  /** « 1 candidat », « 0 candidat », « 19 candidats » (the language's plural rules). */
  #count(n: number): string {
    const t = this.t.candidatesTable;
    return format(new Intl.PluralRules(this.locale).select(n) === 'one' ? t.totalOne : t.total, { n });
  }

  #loadedNotice(): string {
    const rows = this.#list.rows.length;
    const total = this.#list.total ?? rows;
    if (rows >= total) return this.#count(total);
    return format(this.t.candidatesTable.loaded, { n: rows, total });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('filters')) {
      this.#searchText = this.filters.q ?? '';
      this.periodDraft = { from: this.filters.from ?? '', to: this.filters.to ?? '' };
    }
  }

  // ---------------------------------------------------------------------------
  // Filters, sort, export

  #days = new DayFieldsController(this);

  #onPeriod(which: 'from' | 'to', day: string): void {
    const period = { ...this.periodDraft, [which]: day };
    this.periodDraft = period;
    // « du » after « au »: refused beside the field; the table keeps its last good result.
    if (isReversedPeriod(period.from, period.to)) return;
    this.#setFilters({ from: period.from, to: period.to });
  }

  #setFilters(patch: Partial<CandidateTableFilters>): void {
    // A search still waiting for its delay goes with this change, rather than being overwritten by the old one.
    this.#search.cancel();
    this.filters = cleanFilters({ ...this.filters, q: this.#searchText, ...patch });
  }

  #onSearchInput(event: Event): void {
    this.#searchText = (event.target as HTMLInputElement).value;
    this.#search.schedule(() => this.#setFilters({ q: this.#searchText }));
  }

  #onSearchSubmit(event: Event): void {
    event.preventDefault();
    this.#setFilters({ q: this.#searchText });
  }

  #toggleStatus(status: CandidateStatus): void {
    this.#setFilters({ status: this.filters.status === status ? undefined : status });
  }

  #sortBy(key: SortKey): void {
    this.sort = this.sort === key ? (`-${key}` as CandidateSort) : key;
  }

  #ariaSort(column: Column): 'ascending' | 'descending' | 'none' | undefined {
    if (!column.sort) return undefined;
    if (this.sort === column.sort) return 'ascending';
    if (this.sort === `-${column.sort}`) return 'descending';
    return 'none';
  }

  async #export(): Promise<void> {
    const api = this.api;
    if (!api || this.exporting) return;
    this.exporting = true;
    this.actionError = null;
    this.notice = this.t.candidatesTable.exporting;
    try {
      const params = this.listParams();
      const file = this.groupId ? await api.groups.exportCandidatesCsv(this.groupId, params) : await api.candidates.exportCsv(params);
      const url = URL.createObjectURL(file.blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.filename ?? 'candidats.csv';
      link.hidden = true;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      this.notice = this.t.candidatesTable.exported;
    } catch (error) {
      this.actionError = this.describeError(error).message;
      this.notice = '';
    } finally {
      this.exporting = false;
    }
  }

  // ---------------------------------------------------------------------------
  // Selection and row actions

  #toggleRow(row: CandidateRow): void {
    this.#selection.toggle(row);
  }

  #toggleAll(): void {
    this.#selection.toggleAll(this.#list.rows);
  }

  async #requestDissociate(row: CandidateRow): Promise<void> {
    const groupId = this.groupId;
    if (!groupId || this.deleting.has(row.id)) return;
    const event = new ClrCandidateDissociateEvent({ candidateId: row.id, candidate: row, groupId });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    await this.dissociateCandidate(row.id);
  }

  #open(row: CandidateRow): void {
    this.dispatchEvent(new ClrCandidateOpenEvent({ candidateId: row.id, candidate: row }));
  }

  async #requestDelete(row: CandidateRow): Promise<void> {
    const decision = rowDeletability(row, this.locale);
    if (!decision.allowed) {
      this.actionError = null;
      this.notice = decision.reason;
      return;
    }
    if (this.deleting.has(row.id)) return;
    const event = new ClrCandidateDeleteEvent({ candidateId: row.id, candidate: row });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    await this.deleteCandidate(row.id);
  }

  // ---------------------------------------------------------------------------
  // Keyboard: one tab stop, roving tabindex over the cells

  #pageRows(): number {
    const row = this.renderRoot.querySelector<HTMLElement>('[part~="row"]');
    const height = row?.offsetHeight ?? 0;
    return height > 0 && this.body ? Math.max(1, Math.floor(this.body.clientHeight / height) - 1) : 10;
  }

  /** The cell at `pos`, scrolled into the virtualized rows first when it is not there or not visible. */
  async #reveal(pos: CellPosition): Promise<HTMLElement | null> {
    let cell = this.#keys.cellAt(pos);
    if (pos.row >= 0 && (!cell || !this.#isRowVisible(cell))) {
      this.body?.[virtualizerRef]?.element(pos.row)?.scrollIntoView({ block: 'nearest' });
      for (let frame = 0; frame < 20 && !(cell = this.#keys.cellAt(pos)); frame++) await nextFrame();
    }
    return cell;
  }

  #isRowVisible(cell: HTMLElement): boolean {
    const body = this.body;
    if (!body) return true;
    const a = cell.getBoundingClientRect();
    const b = body.getBoundingClientRect();
    return a.top >= b.top && a.bottom <= b.bottom;
  }

  #activate(pos: CellPosition, key: string): void {
    const column = COLUMNS[pos.col];
    if (!column) return;
    if (pos.row < 0) {
      if (column.key === 'select') this.#toggleAll();
      else if (column.sort) this.#sortBy(column.sort);
      return;
    }
    const row = this.#list.rows[pos.row];
    if (!row) return;
    if (key === ' ' || column.key === 'select') this.#toggleRow(row);
    else if (column.key === 'name') this.#open(row);
    else if (column.key === 'actions') void (this.groupId ? this.#requestDissociate(row) : this.#requestDelete(row));
  }

  #focusRowRendered(): boolean {
    const { row } = this.#keys.focus;
    if (row < 0) return true;
    if (row >= this.#list.rows.length) return false;
    const { first, last } = this.#renderedRange;
    return first < 0 || (row >= first && row <= last);
  }

  // ---------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const t = this.t.candidatesTable;
    const list = this.#list;
    const rows = list.rows;
    const taskError = list.error ? this.describeError(list.error).message : null;
    const pending = list.pending;
    const firstLoad = list.firstLoad;
    const moreError = list.moreError ? this.describeError(list.moreError).message : null;
    const selected = this.#selection.size;
    return html`
      ${this.#renderCounts()} ${this.#renderToolbar()}
      ${!this.api
        ? html`<div part="error" role="alert">${this.t.common.noClient}</div>`
        : taskError !== null
          ? html`<div part="error" role="alert">
              <span>${taskError}</span>
              <button part="retry-button" @click=${() => this.refresh()}>${this.t.common.retry}</button>
            </div>`
          : nothing}
      ${this.actionError ? html`<div part="action-error" role="alert">${this.actionError}</div>` : nothing}
      <div part="scroller" class="scroll-x">
        <div
          part="grid"
          role="grid"
          aria-label=${this.groupId ? t.groupLabel : t.label}
          aria-rowcount=${list.total === null ? -1 : list.total + 1}
          aria-colcount=${COLUMNS.length}
          aria-multiselectable="true"
          aria-busy=${list.busy ? 'true' : 'false'}
          @keydown=${this.#keys.onKeyDown}
          @focusin=${this.#keys.onFocusIn}
        >
          <div part="header" role="rowgroup">
            <div part="header-row" role="row" aria-rowindex="1">${COLUMNS.map((c, i) => this.#renderHeader(c, i))}</div>
          </div>
          <div class="body-area">
            <div part="body" role="rowgroup" @rangeChanged=${this.#onRangeChanged}>
              ${virtualize({
                items: rows as CandidateRow[],
                scroller: true,
                // The directive may render its previous range once more after the rows shrank: skip the missing ones.
                keyFunction: (row: CandidateRow | undefined, index: number) => row?.id ?? index,
                renderItem: (row: CandidateRow | undefined, index: number) => (row ? this.#renderRow(row, index) : html``),
              })}
            </div>
            ${rows.length === 0
              ? html`<div role="rowgroup" class="overlay">
                  <div part="message-row" role="row" aria-rowindex="2">
                    <div role="gridcell" aria-colspan=${COLUMNS.length}>
                      ${firstLoad ? this.t.common.loading : taskError === null && this.api && !pending ? this.#renderEmpty() : ''}
                    </div>
                  </div>
                </div>`
              : nothing}
          </div>
        </div>
      </div>
      <div part="footer">
        <span part="notice" role="status" aria-live="polite">${pending ? this.t.common.loading : list.loadingMore ? t.loadingMore : this.notice}</span>
        ${moreError
          ? html`<span role="alert">${moreError} <button part="retry-button" @click=${() => void list.nextPage()}>${this.t.common.retry}</button></span>`
          : nothing}
        <span part="selection">${selected === 0 ? '' : selected === 1 ? t.selectedOne : format(t.selected, { n: selected })}</span>
      </div>
    `;
  }

  /** What to do next when nothing is listed: widen the search (with the button), or create a candidate. */
  #renderEmpty(): TemplateResult {
    const t = this.t.candidatesTable;
    const filtered = Object.keys(cleanFilters(this.filters)).length > 0;
    return filtered
      ? html`${t.emptyFiltered} <button type="button" class="link" @click=${() => this.resetFilters()}>${t.reset}</button>`
      : html`${t.empty}`;
  }

  #renderCounts(): TemplateResult {
    const t = this.t.candidatesTable;
    const counts = this.statusCounts;
    const labels = LABELS[this.locale].candidateStatus;
    // The candidates the table lists (its status filter included): the same figure as at its bottom.
    const total = counts ? (this.totalCount ?? counts.to_assign + counts.scheduled + counts.expired + counts.taken) : null;
    return html`<div part="counts" role="group" aria-label=${t.counts}>
      <span part="total">${total === null ? '' : this.#count(total)}</span>
      ${STATUSES.map(
        (status) =>
          html`<button part="count" data-status=${status} aria-pressed=${this.filters.status === status ? 'true' : 'false'} @click=${() => this.#toggleStatus(status)}>
            ${labels[status]} <strong>${counts ? counts[status] : '–'}</strong>
          </button>`,
      )}
    </div>`;
  }

  #renderToolbar(): TemplateResult {
    const t = this.t.candidatesTable;
    const f = this.filters;
    const labels = LABELS[this.locale];
    const groups = (this.#groupsTask.value ?? []).filter((g) => this.includeHidden || !g.hidden);
    const groupView = this.groupId !== null && this.groupId !== '';
    const reversed = isReversedPeriod(this.periodDraft.from, this.periodDraft.to);
    return html`<div part="toolbar">
      <slot name="toolbar-start"></slot>
      <form part="search" role="search" @submit=${this.#onSearchSubmit}>
        <label class="field"
          ><span>${t.search}</span>
          <input part="search-input" type="search" name="q" autocomplete="off" .value=${this.#searchText} @input=${this.#onSearchInput}
        /></label>
      </form>
      <div part="filters" role="group" aria-label=${t.filters}>
        <label class="field"
          ><span>${t.statusFilter}</span>
          <select part="filter" name="status" @change=${(e: Event) => this.#setFilters({ status: ((e.target as HTMLSelectElement).value || undefined) as CandidateStatus | undefined })}>
            <option value="" ?selected=${!f.status}>${t.allStatuses}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${labels.candidateStatus[s]}</option>`)}
          </select></label
        >
        ${groupView
          ? nothing
          : html`<label class="field"
                ><span>${t.validationFilter}</span>
                <select
                  part="filter"
                  name="validation"
                  @change=${(e: Event) => this.#setFilters({ validation: ((e.target as HTMLSelectElement).value || undefined) as Validation | undefined })}
                >
                  <option value="" ?selected=${!f.validation}>${t.allValidations}</option>
                  ${VALIDATIONS.map((v) => html`<option value=${v} ?selected=${f.validation === v}>${labels.validation[v]}</option>`)}
                </select></label
              >
              <label class="field"
                ><span>${t.groupFilter}</span>
                <select part="filter" name="groupId" @change=${(e: Event) => this.#setFilters({ groupId: (e.target as HTMLSelectElement).value || undefined })}>
                  <option value="" ?selected=${!f.groupId}>${t.allGroups}</option>
                  ${groups.map(
                    (g) => html`<option value=${g.id} ?selected=${f.groupId === g.id}>${g.hidden ? format(t.hiddenGroup, { name: g.name }) : g.name}</option>`,
                  )}
                </select></label
              >`}
        <label class="field"
          ><span>${t.periodFrom}</span>
          ${this.#days.render({ name: 'from', label: t.periodFrom, value: this.periodDraft.from, text: this.t.common, onChange: (day) => this.#onPeriod('from', day) })}</label
        >
        <div class="field">
          <label for="period-to">${t.periodTo}</label>
          ${this.#days.render({
            name: 'to',
            id: 'period-to',
            label: t.periodTo,
            value: this.periodDraft.to,
            errorId: reversed ? 'period-error' : undefined,
            text: this.t.common,
            onChange: (day) => this.#onPeriod('to', day),
          })}
          ${reversed ? html`<span part="field-error" class="field-error" id="period-error" role="alert">${t.periodReversed}</span>` : nothing}
        </div>
      </div>
      <button part="reset-button" @click=${() => this.resetFilters()}>${t.reset}</button>
      <span class="spacer"></span>
      <slot name="toolbar-end"></slot>
      <button part="export-button" ?disabled=${this.exporting || !this.api} @click=${() => void this.#export()}>
        ${this.exporting ? t.exporting : t.export}
      </button>
    </div>`;
  }

  #renderHeader(column: Column, index: number): TemplateResult {
    const t = this.t.candidatesTable;
    const label = t.columns[column.key];
    const sort = this.#ariaSort(column);
    let content: TemplateResult;
    if (column.key === 'select') {
      const rows = this.#list.rows;
      const all = this.#selection.allSelected(rows);
      const some = this.#selection.someSelected(rows);
      content = html`<input
        part="select-all"
        type="checkbox"
        tabindex="-1"
        aria-label=${format(t.selectAll, { n: rows.length })}
        .checked=${all}
        .indeterminate=${some}
        ?disabled=${rows.length === 0}
        @change=${() => this.#toggleAll()}
      />`;
    } else if (column.sort) {
      const sortKey = column.sort;
      content = html`<button part="sort-button" tabindex="-1" title=${format(t.sortBy, { column: label })} @click=${() => this.#sortBy(sortKey)}>
        ${label}<span class="sort-indicator" aria-hidden="true">${sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '↕'}</span>
      </button>`;
    } else {
      content = html`${label}`;
    }
    return html`<div part="columnheader" role="columnheader" aria-sort=${sort ?? nothing} data-row="-1" data-col=${index} tabindex=${this.#keys.tabIndex(-1, index)}>
      ${content}
    </div>`;
  }

  #renderRow(row: CandidateRow, index: number): TemplateResult {
    const t = this.t.candidatesTable;
    const labels = LABELS[this.locale];
    const name = candidateName(row);
    const selected = this.#selection.has(row);
    const deletable = rowDeletability(row, this.locale);
    const busy = this.deleting.has(row.id);
    const cell = (col: ColumnKey, content: unknown) =>
      html`<div part="cell ${col}-cell" role="gridcell" data-row=${index} data-col=${COL[col]} tabindex=${this.#keys.tabIndex(index, COL[col])}>${content}</div>`;
    return html`<div part="row" role="row" aria-rowindex=${index + 2} aria-selected=${selected ? 'true' : 'false'} data-id=${row.id}>
      ${cell(
        'select',
        html`<input part="checkbox" type="checkbox" tabindex="-1" aria-label=${format(t.selectRow, { name })} .checked=${selected} @change=${() => this.#toggleRow(row)} />`,
      )}
      ${cell(
        'name',
        html`<button part="name" tabindex="-1" title=${format(t.open, { name })} @click=${() => this.#open(row)}>${name}</button>${row.groups.length > 0
            ? html`<span part="groups">${row.groups.map((g) => g.name).join(', ')}</span>`
            : nothing}`,
      )}
      ${cell('email', breakableEmail(row.email))} ${cell('lastLogin', formatDateTime(row.lastLoginAt))}
      ${cell('status', html`<span part="status-badge" data-value=${row.status}>${labels.candidateStatus[row.status]}</span>`)}
      ${cell('validation', row.validation ? html`<span part="validation-badge" data-value=${row.validation}>${labels.validation[row.validation]}</span>` : nothing)}
      ${cell(
        'score',
        html`${row.score === null ? nothing : format(t.score, { score: row.score })}${row.examType ? html`<span part="exam-type">${examTypeLabel(row.examType, undefined, this.locale)}</span>` : nothing}`,
      )}
      ${cell('date', formatDate(row.date))}
      ${cell(
        'actions',
        this.groupId
          ? html`<button
              part="dissociate-button"
              class="icon-button"
              tabindex="-1"
              aria-label=${format(t.dissociateLabel, { name })}
              title=${format(t.dissociateLabel, { name })}
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${() => void this.#requestDissociate(row)}
            >
              ${icons.userMinus}<span>${t.dissociate}</span>
            </button>`
          : html`<button
          part="delete-button"
          tabindex="-1"
          aria-label=${format(t.deleteLabel, { name })}
          aria-disabled=${deletable.allowed && !busy ? 'false' : 'true'}
          title=${deletable.allowed ? nothing : deletable.reason}
          @click=${() => void this.#requestDelete(row)}
        >
          ${t.delete}
        </button>`,
      )}
    </div>`;
  }
}
