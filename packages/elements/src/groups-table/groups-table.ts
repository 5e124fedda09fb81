import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { GroupCategory, LABELS, formatDate, type GroupList, type GroupSort, type GroupWithCount } from '@clr/domain';
import { ClrElement } from '../shared/clr-element.js';
import { DayFieldsController, dayFieldStyles } from '../shared/day-field.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { GridKeyboardController, type CellPosition } from '../shared/grid-keyboard.js';
import { downloadBlob, icons } from '../shared/icons.js';
import { ModalController } from '../shared/modal.js';
import { DebounceController, PagedListController } from '../shared/paged-list.js';
import { tokens } from '../shared/tokens.styles.js';
import { format } from '../translations/index.js';
import type { ClrGroupSaveEvent } from '../group-dialog/group-dialog.events.js';
import type { ClrGroupDialog } from '../group-dialog/group-dialog.js';
import { ClrGroupChangeEvent, ClrGroupDeleteEvent, ClrGroupOpenEvent } from './groups-table.events.js';
import { styles } from './groups-table.styles.js';

/** The table's search and filters (§5.1: search, category, creation period), as `GET /groups` takes them. */
export interface GroupTableFilters {
  q?: string;
  category?: GroupCategory;
  /** `YYYY-MM-DD`: created on or after this day (Europe/Paris). */
  from?: string;
  /** `YYYY-MM-DD`: created on or before this day. */
  to?: string;
}

type SortKey = Exclude<GroupSort, `-${string}`>;
type ColumnKey = 'name' | 'category' | 'createdAt' | 'show' | 'visibility' | 'delete';

/** Name, category, creation date, then the three icon actions under one « Actions » header. */
const COLUMNS: readonly { key: ColumnKey; sort?: SortKey }[] = [
  { key: 'name', sort: 'name' },
  { key: 'category', sort: 'category' },
  { key: 'createdAt', sort: 'createdAt' },
  { key: 'show' },
  { key: 'visibility' },
  { key: 'delete' },
];
const ACTIONS_COL = 3;
const SEARCH_DELAY_MS = 300;

function cleanFilters(filters: GroupTableFilters): GroupTableFilters {
  const out: GroupTableFilters = {};
  for (const key of ['q', 'category', 'from', 'to'] as const) {
    const value = filters[key]?.trim();
    if (value) (out as Record<string, string>)[key] = value;
  }
  return out;
}

/**
 * The groups table of §5.1–5.5: the number of groups, search, filters by
 * category and creation period, « Réinitialiser les filtres », sort on the
 * column headers (the server sorts; hidden groups come last, greyed, R12), «
 * Exporter le tableau » of exactly what is shown (§5.2), « Créer un groupe »
 * (§5.3, through `<clr-group-dialog>`), and per group the icon actions «
 * Afficher les candidats » (§5.6, raised as an event), « Masquer » / «
 * Réafficher » (§5.4) and « Supprimer » (§5.5, after the manual's
 * confirmation). An ARIA grid: one tab stop, arrows between cells, Enter on
 * an action cell presses its button.
 *
 * @summary Groups table (§5.1–5.5).
 *
 * @fires clr-group-open - `ClrGroupOpenEvent`: « Afficher les candidats du groupe » (the name or the icon); `detail: { groupId, group }`.
 * @fires clr-group-delete - `ClrGroupDeleteEvent`, cancelable: the delete icon; unless prevented the table confirms and deletes.
 * @fires clr-group-change - `ClrGroupChangeEvent`: a group was created, hidden, shown again or deleted; `detail: { change, group }`.
 *
 * @slot toolbar-start - Before the search box.
 * @slot toolbar-end - Beside « Exporter le tableau ».
 *
 * @csspart total - The number of groups matching the search and filters.
 * @csspart toolbar - The search, filters and buttons.
 * @csspart search-input - The search box.
 * @csspart filters - The filters' group.
 * @csspart filter - Each filter's control (category, period).
 * @csspart reset-button - « Réinitialiser les filtres ».
 * @csspart create-button - « Créer un groupe ».
 * @csspart export-button - « Exporter le tableau ».
 * @csspart error - The loading error and « Réessayer ».
 * @csspart retry-button - « Réessayer ».
 * @csspart action-error - The refusal of a hide, show, delete or export.
 * @csspart grid - The `role="grid"` element.
 * @csspart header - The header's row group.
 * @csspart header-row - The header row.
 * @csspart columnheader - Each column header.
 * @csspart sort-button - The button of a sortable header.
 * @csspart body - The rows' group.
 * @csspart row - A group's row (`data-hidden` when hidden).
 * @csspart cell - Each cell.
 * @csspart name - The group's name (shows its candidates).
 * @csspart hidden-badge - « masqué » beside a hidden group's name.
 * @csspart show-button - « Afficher les candidats du groupe ».
 * @csspart hide-button - « Masquer » or « Réafficher ».
 * @csspart delete-button - « Supprimer ».
 * @csspart message-row - « Chargement… » or the empty state.
 * @csspart more-button - « Afficher les groupes suivants ».
 * @csspart footer - The live status below the table.
 * @csspart notice - The live status (loading, results of actions).
 * @csspart confirm - The delete confirmation `<dialog>`.
 * @csspart confirm-button - « Supprimer » in the confirmation.
 * @csspart cancel-button - « Annuler » in the confirmation.
 * @csspart calendar - The calendar button beside each date filter.
 * @csspart field-error - The message beside a date filter holding text that is not a date.
 *
 * @cssproperty --clr-groups-table-columns - The rows' `grid-template-columns`.
 * @cssproperty --clr-groups-table-min-width - Width under which the table scrolls sideways (default `36rem`).
 */
export class ClrGroupsTable extends ClrElement {
  static override styles = [tokens, dialogStyles, dayFieldStyles, styles];

  /** The column sorted on, `-` for descending (`name`, `-createdAt`, …); the server sorts, hidden groups last. */
  @property({ reflect: true })
  sort: GroupSort = 'name';

  /** The search and filters; set it to filter from the page, read it to know what is shown (and exported). */
  @property({ attribute: false })
  filters: GroupTableFilters = {};

  /** Groups per page (1–200); « Afficher les groupes suivants » and the keyboard past the last row load the next. */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = 50;

  @state() private searchText = '';
  @state() private notice = '';
  @state() private actionError: string | null = null;
  @state() private busyIds: ReadonlySet<string> = new Set();
  @state() private exporting = false;
  @state() private confirming: GroupWithCount | null = null;

  #search = new DebounceController(this, SEARCH_DELAY_MS);

  #list = new PagedListController<GroupWithCount, { filters: GroupTableFilters; sort: GroupSort; limit: number }, GroupList>(this, {
    query: () => ({ filters: this.filters, sort: this.sort, limit: Math.max(1, Math.min(200, Math.trunc(this.pageSize) || 50)) }),
    enabled: () => this.api !== undefined,
    fetch: (query, cursor, signal) => this.api!.groups.list({ ...query.filters, sort: query.sort, limit: query.limit, ...(cursor ? { cursor } : {}) }, { signal }),
    onFirstPage: (_page, newQuery) => {
      if (!newQuery) return;
      this.#keys.clamp(true);
      this.notice = '';
    },
  });

  #days = new DayFieldsController(this);

  #keys = new GridKeyboardController(this, {
    rows: () => this.#list.rows.length,
    cols: () => COLUMNS.length,
    initial: { row: -1, col: 0 },
    resolve: (pos) => (pos.row < 0 && pos.col > ACTIONS_COL ? { row: -1, col: ACTIONS_COL } : pos),
    onMove: (pos) => {
      if (pos.row >= this.#list.rows.length - 1) void this.#list.nextPage();
    },
    onActivate: (pos) => this.#activate(pos),
  });

  #confirmModal = new ModalController(this, {
    dialog: () => this.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="confirm"]'),
    initialFocus: () => this.renderRoot.querySelector<HTMLElement>('[part~="cancel-button"]'),
    onClose: (value) => {
      const group = this.confirming;
      this.confirming = null;
      if (value === 'confirm' && group) void this.deleteGroup(group.id);
    },
  });

  // ---------------------------------------------------------------------------
  // Public API

  /** The groups loaded so far, in the table's order. */
  get loadedGroups(): readonly GroupWithCount[] {
    return this.#list.rows;
  }

  /** How many groups match the search and filters, once the first page arrived. */
  get totalCount(): number | null {
    return this.#list.total;
  }

  /** Reloads from the first page, keeping the search, filters and sort. */
  refresh(): void {
    this.#list.refresh();
  }

  /** Back to no search and no filter (« Réinitialiser les filtres »); the sort stays. */
  resetFilters(): void {
    this.#search.cancel();
    this.searchText = '';
    this.filters = {};
    this.#days.reset();
  }

  /** Opens « Création d'un groupe » (§5.3); the new group appears in the table once created. */
  create(): void {
    const dialog = this.renderRoot.querySelector<ClrGroupDialog>('clr-group-dialog');
    if (!dialog) return;
    dialog.group = null;
    dialog.show();
  }

  /** Hides the group (§5.4, `hidden` true) or shows it again, then reloads. Resolves to whether the server agreed. */
  async setHidden(groupId: string, hidden: boolean): Promise<boolean> {
    const api = this.api;
    const group = this.#list.rows.find((g) => g.id === groupId);
    if (!api || this.busyIds.has(groupId)) return false;
    this.#setBusy(groupId, true);
    this.actionError = null;
    try {
      const saved = await api.groups.update(groupId, { hidden });
      this.notice = format(hidden ? this.t.groupsTable.hidden : this.t.groupsTable.shown, { name: saved.name });
      this.dispatchEvent(new ClrGroupChangeEvent({ change: hidden ? 'hidden' : 'shown', group: saved }));
      this.#list.refresh();
      return true;
    } catch (error) {
      this.actionError = this.describeError(error).message;
      if (group) this.#list.refresh();
      return false;
    } finally {
      this.#setBusy(groupId, false);
    }
  }

  /** Deletes the group without asking (§5.5; the page asked), then reloads. Its candidates stay. Resolves to whether it was deleted. */
  async deleteGroup(groupId: string): Promise<boolean> {
    const api = this.api;
    if (!api || this.busyIds.has(groupId)) return false;
    const group = this.#list.rows.find((g) => g.id === groupId);
    this.#setBusy(groupId, true);
    this.actionError = null;
    try {
      await api.groups.delete(groupId);
      if (group) {
        this.notice = format(this.t.groupsTable.deleted, { name: group.name });
        this.dispatchEvent(new ClrGroupChangeEvent({ change: 'deleted', group }));
      }
      this.#list.refresh();
      return true;
    } catch (error) {
      this.actionError = this.describeError(error).message;
      // A group deleted in another tab: the table shows what is left.
      this.#list.refresh();
      return false;
    } finally {
      this.#setBusy(groupId, false);
    }
  }

  // ---------------------------------------------------------------------------
  // Filters, sort, export

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('filters') && !this.#search.waiting) this.searchText = this.filters.q ?? '';
  }

  #setFilters(patch: Partial<GroupTableFilters>): void {
    this.#search.cancel();
    this.filters = cleanFilters({ ...this.filters, q: this.searchText, ...patch });
  }

  #onSearchInput(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    this.#search.schedule(() => this.#setFilters({ q: this.searchText }));
  }

  #onSearchSubmit(event: Event): void {
    event.preventDefault();
    this.#setFilters({ q: this.searchText });
  }

  #sortBy(key: SortKey): void {
    this.sort = this.sort === key ? (`-${key}` as GroupSort) : key;
  }

  #ariaSort(key: SortKey | undefined): 'ascending' | 'descending' | 'none' | undefined {
    if (!key) return undefined;
    if (this.sort === key) return 'ascending';
    if (this.sort === `-${key}`) return 'descending';
    return 'none';
  }

  async #export(): Promise<void> {
    const api = this.api;
    if (!api || this.exporting) return;
    this.exporting = true;
    this.actionError = null;
    this.notice = this.t.groupsTable.exporting;
    try {
      const file = await api.groups.exportCsv({ ...cleanFilters(this.filters), sort: this.sort });
      downloadBlob(file.blob, file.filename ?? 'groupes.csv', this.renderRoot);
      this.notice = this.t.groupsTable.exported;
    } catch (error) {
      this.actionError = this.describeError(error).message;
      this.notice = '';
    } finally {
      this.exporting = false;
    }
  }

  // ---------------------------------------------------------------------------
  // Row actions

  #setBusy(id: string, busy: boolean): void {
    const next = new Set(this.busyIds);
    if (busy) next.add(id);
    else next.delete(id);
    this.busyIds = next;
  }

  #open(group: GroupWithCount): void {
    this.dispatchEvent(new ClrGroupOpenEvent({ groupId: group.id, group }));
  }

  #requestDelete(group: GroupWithCount): void {
    if (this.busyIds.has(group.id)) return;
    const event = new ClrGroupDeleteEvent({ groupId: group.id, group });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.confirming = group;
    void this.updateComplete.then(() => this.#confirmModal.show());
  }

  #activate(pos: CellPosition): void {
    const column = COLUMNS[pos.col];
    if (!column) return;
    if (pos.row < 0) {
      if (column.sort) this.#sortBy(column.sort);
      return;
    }
    const group = this.#list.rows[pos.row];
    if (!group) return;
    if (column.key === 'name' || column.key === 'show') this.#open(group);
    else if (column.key === 'visibility') void this.setHidden(group.id, !group.hidden);
    else if (column.key === 'delete') this.#requestDelete(group);
  }

  #onSaved(event: ClrGroupSaveEvent): void {
    this.dispatchEvent(new ClrGroupChangeEvent({ change: event.detail.created ? 'created' : 'updated', group: event.detail.group }));
    this.#list.refresh();
  }

  // ---------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const t = this.t.groupsTable;
    const list = this.#list;
    const error = list.error;
    const moreError = list.moreError;
    return html`
      <p part="total" role="status">${this.#totalText()}</p>
      ${this.#renderToolbar()}
      ${!this.api
        ? html`<div part="error" role="alert">${this.t.common.noClient}</div>`
        : error
          ? html`<div part="error" role="alert">
              <span>${this.describeError(error).message}</span>
              <button part="retry-button" @click=${() => list.refresh()}>${this.t.common.retry}</button>
            </div>`
          : nothing}
      ${this.actionError ? html`<div part="action-error" role="alert">${this.actionError}</div>` : nothing}
      <div class="scroll-x">
        <div
          part="grid"
          role="grid"
          aria-label=${t.label}
          aria-rowcount=${list.total === null ? -1 : list.total + 1}
          aria-colcount=${COLUMNS.length}
          aria-busy=${list.busy ? 'true' : 'false'}
          @keydown=${this.#keys.onKeyDown}
          @focusin=${this.#keys.onFocusIn}
        >
          <div part="header" role="rowgroup">
            <div part="header-row" role="row" aria-rowindex="1">${this.#renderHeaders()}</div>
          </div>
          <div part="body" role="rowgroup">
            ${list.rows.length === 0 ? this.#renderMessageRow() : list.rows.map((group, index) => this.#renderRow(group, index))}
          </div>
        </div>
      </div>
      <div part="footer">
        <span part="notice" role="status" aria-live="polite">${list.pending ? this.t.common.loading : list.loadingMore ? t.loadingMore : this.notice}</span>
        ${list.hasMore && !list.pending
          ? html`<button part="more-button" ?disabled=${list.loadingMore} @click=${() => void list.nextPage()}>${t.more}</button>`
          : nothing}
        ${moreError
          ? html`<span role="alert">${this.describeError(moreError).message}
              <button part="retry-button" @click=${() => void list.nextPage()}>${this.t.common.retry}</button></span>`
          : nothing}
      </div>
      ${this.#renderConfirm()}
      <clr-group-dialog .client=${this.client} @clr-group-save=${(e: ClrGroupSaveEvent) => this.#onSaved(e)}></clr-group-dialog>
    `;
  }

  #totalText(): string {
    const t = this.t.groupsTable;
    const total = this.#list.total;
    if (total === null) return '';
    const text = total === 0 ? t.totalNone : total === 1 ? t.totalOne : format(t.total, { n: total });
    const loaded = this.#list.rows.length;
    return loaded < total ? `${text} — ${format(t.loaded, { n: loaded, total })}` : text;
  }

  #renderToolbar(): TemplateResult {
    const t = this.t.groupsTable;
    const f = this.filters;
    const labels = LABELS[this.locale].groupCategory;
    return html`<div part="toolbar">
      <slot name="toolbar-start"></slot>
      <form role="search" @submit=${this.#onSearchSubmit}>
        <label class="field"
          ><span>${t.search}</span>
          <input part="search-input" type="search" name="q" autocomplete="off" .value=${this.searchText} @input=${this.#onSearchInput}
        /></label>
      </form>
      <div part="filters" role="group" aria-label=${t.filters}>
        <label class="field"
          ><span>${t.categoryFilter}</span>
          <select part="filter" name="category" @change=${(e: Event) => this.#setFilters({ category: ((e.target as HTMLSelectElement).value || undefined) as GroupCategory | undefined })}>
            <option value="" ?selected=${!f.category}>${t.allCategories}</option>
            ${GroupCategory.options.map((c) => html`<option value=${c} ?selected=${f.category === c}>${labels[c]}</option>`)}
          </select></label
        >
        <label class="field"
          ><span>${t.periodFrom}</span>
          ${this.#days.render({ name: 'from', label: t.periodFrom, value: f.from, max: f.to, text: this.t.common, onChange: (from) => this.#setFilters({ from }) })}</label
        >
        <label class="field"
          ><span>${t.periodTo}</span>
          ${this.#days.render({ name: 'to', label: t.periodTo, value: f.to, min: f.from, text: this.t.common, onChange: (to) => this.#setFilters({ to }) })}</label
        >
      </div>
      <button part="reset-button" @click=${() => this.resetFilters()}>${t.reset}</button>
      <span class="spacer"></span>
      <slot name="toolbar-end"></slot>
      <button part="export-button" ?disabled=${this.exporting || !this.api} @click=${() => void this.#export()}>${this.exporting ? t.exporting : t.export}</button>
      <button part="create-button" class="primary" ?disabled=${!this.api} @click=${() => this.create()}>${t.create}</button>
    </div>`;
  }

  #renderHeaders(): TemplateResult[] {
    const t = this.t.groupsTable;
    return COLUMNS.slice(0, ACTIONS_COL + 1).map((column, index) => {
      if (index === ACTIONS_COL) {
        return html`<div part="columnheader" class="actions-header" role="columnheader" aria-colspan="3" data-row="-1" data-col=${index} tabindex=${this.#keys.tabIndex(-1, index)}>
          ${t.columns.actions}
        </div>`;
      }
      const key = column.key as 'name' | 'category' | 'createdAt';
      const label = t.columns[key];
      const sort = this.#ariaSort(column.sort);
      const sortKey = column.sort!;
      return html`<div part="columnheader" role="columnheader" aria-sort=${sort ?? nothing} data-row="-1" data-col=${index} tabindex=${this.#keys.tabIndex(-1, index)}>
        <button part="sort-button" tabindex="-1" title=${format(t.sortBy, { column: label })} @click=${() => this.#sortBy(sortKey)}>
          ${label}<span class="sort-indicator" aria-hidden="true">${sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '↕'}</span>
        </button>
      </div>`;
    });
  }

  #renderMessageRow(): TemplateResult {
    const t = this.t.groupsTable;
    const list = this.#list;
    const filtered = Object.keys(cleanFilters(this.filters)).length > 0;
    const text = list.pending || list.total === null ? (this.api && !list.error ? this.t.common.loading : '') : filtered ? t.emptyFiltered : t.empty;
    return html`<div part="message-row" role="row" aria-rowindex="2">
      <div role="gridcell" aria-colspan=${COLUMNS.length}>${text}</div>
    </div>`;
  }

  #renderRow(group: GroupWithCount, index: number): TemplateResult {
    const t = this.t.groupsTable;
    const labels = LABELS[this.locale].groupCategory;
    const busy = this.busyIds.has(group.id);
    const name = group.name;
    const cell = (col: number, content: unknown) =>
      html`<div part="cell ${COLUMNS[col]!.key}-cell" role="gridcell" data-row=${index} data-col=${col} tabindex=${this.#keys.tabIndex(index, col)}>${content}</div>`;
    const hideLabel = format(group.hidden ? t.unhide : t.hide, { name });
    return html`<div part="row" role="row" aria-rowindex=${index + 2} data-id=${group.id} ?data-hidden=${group.hidden}>
      ${cell(
        0,
        html`<button part="name" tabindex="-1" title=${format(t.show, { name })} @click=${() => this.#open(group)}>${name}</button>${group.hidden
            ? html`<span part="hidden-badge">${t.hiddenBadge}</span>`
            : nothing}`,
      )}
      ${cell(1, labels[group.category])} ${cell(2, formatDate(group.createdAt))}
      ${cell(
        3,
        html`<button part="show-button" class="icon-button" tabindex="-1" aria-label=${format(t.show, { name })} title=${format(t.show, { name })} @click=${() => this.#open(group)}>
          ${icons.users}
        </button>`,
      )}
      ${cell(
        4,
        html`<button
          part="hide-button"
          class="icon-button"
          tabindex="-1"
          aria-label=${hideLabel}
          title=${hideLabel}
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => void this.setHidden(group.id, !group.hidden)}
        >
          ${group.hidden ? icons.eye : icons.eyeOff}
        </button>`,
      )}
      ${cell(
        5,
        html`<button
          part="delete-button"
          class="icon-button"
          tabindex="-1"
          aria-label=${format(t.delete, { name })}
          title=${format(t.delete, { name })}
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => this.#requestDelete(group)}
        >
          ${icons.trash}
        </button>`,
      )}
    </div>`;
  }

  #renderConfirm(): TemplateResult {
    const t = this.t.groupsTable;
    const group = this.confirming;
    return html`<dialog part="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-text">
      <form method="dialog" class="frame">
        <header><h2 id="confirm-title">${t.confirmTitle}</h2></header>
        <div class="body"><p id="confirm-text">${group ? format(t.confirmText, { name: group.name }) : ''}</p></div>
        <footer>
          <button part="cancel-button" value="cancel">${t.cancel}</button>
          <button part="confirm-button" class="danger" value="confirm">${t.confirm}</button>
        </footer>
      </form>
    </dialog>`;
  }
}
