import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { candidateName, formatDate, LABELS, LIMIT_MAX, SELECTION_MAX, type CandidateList, type CandidateRow, type CandidateStatus } from '@clr/domain';
import { ClrElement } from '../shared/clr-element.js';
import { DayFieldsController, dayFieldStyles } from '../shared/day-field.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { ModalController } from '../shared/modal.js';
import { DebounceController, PagedListController } from '../shared/paged-list.js';
import { SelectionController } from '../shared/selection.js';
import { tokens } from '../shared/tokens.styles.js';
import { breakableEmail } from '../shared/email.js';
import { format } from '../translations/index.js';
import { ClrDialogCloseEvent } from '../shared/events.js';
import { ClrCandidatesAssociateEvent } from './associate-candidates-dialog.events.js';
import { styles } from './associate-candidates-dialog.styles.js';

/** The window's search and filters (§5.9: search, status, group, period). */
export interface AssociateFilters {
  q?: string;
  status?: CandidateStatus;
  groupId?: string;
  from?: string;
  to?: string;
}

/** Candidates per page of the list (« Afficher les candidats suivants » loads the next). */
export const ASSOCIATE_PAGE_SIZE = 50;
const STATUSES: readonly CandidateStatus[] = ['to_assign', 'scheduled', 'expired', 'taken'];

function cleanFilters(filters: AssociateFilters): AssociateFilters {
  const out: AssociateFilters = {};
  for (const key of ['q', 'status', 'groupId', 'from', 'to'] as const) {
    const value = filters[key]?.trim();
    if (value) (out as Record<string, string>)[key] = value;
  }
  return out;
}

/** « DUPONT Marie », as the candidates table writes a name. */

/**
 * « Associer des candidats » (§5.9, R14) in a modal dialog: every candidate
 * who is not in the group (without a group or in another one), a search and
 * filters by status, group and period, « Réinitialiser les filtres », the
 * boxes to tick (kept across pages, cleared when the filters change; the
 * header box ticks those displayed), « Retour » and « Associer les candidats
 * », which adds them at once. A candidate may belong to several groups.
 *
 * @summary Associate candidates with a group (§5.9).
 *
 * @fires clr-candidates-associate - `ClrCandidatesAssociateEvent`: the candidates were added; `detail: { groupId, group, added, alreadyMembers }`.
 * @fires clr-dialog-close - The dialog closed (Retour, Escape, after associating); focus is back on the opener.
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart title - The title.
 * @csspart close - The × button.
 * @csspart body - The scrolling content.
 * @csspart filters - The search and filters.
 * @csspart search - The search box.
 * @csspart filter - Each filter (status, group, period).
 * @csspart reset - « Réinitialiser les filtres ».
 * @csspart table - The candidates' table.
 * @csspart row - A candidate's row.
 * @csspart select-all - The header box (the candidates displayed).
 * @csspart checkbox - A candidate's box.
 * @csspart more - « Afficher les candidats suivants ».
 * @csspart error - An error (role alert).
 * @csspart status - Loading and empty messages.
 * @csspart footer - The buttons.
 * @csspart summary - How many candidates are ticked.
 * @csspart back - « Retour ».
 * @csspart associate - « Associer les candidats ».
 * @csspart calendar - The calendar button beside each date filter.
 * @csspart field-error - The message beside a date filter holding text that is not a date.
 */
export class ClrAssociateCandidatesDialog extends ClrElement {
  static override styles = [tokens, dialogStyles, dayFieldStyles, styles];

  /** Whether the dialog is shown (reflected); `show()` and `close()` set it. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /** The group the candidates join. */
  @property({ attribute: 'group-id' })
  groupId: string | null = null;

  @state() private filters: AssociateFilters = {};
  @state() private searchText = '';
  @state() private busy = false;
  @state() private alertMessage: string | null = null;

  #search = new DebounceController(this, 300);

  #days = new DayFieldsController(this);

  #list = new PagedListController<CandidateRow, { groupId: string | null; filters: AssociateFilters }, CandidateList>(this, {
    query: () => ({ groupId: this.groupId, filters: this.filters }),
    enabled: () => this.open && this.api !== undefined && !!this.groupId,
    fetch: (query, cursor, signal) =>
      this.api!.groups.associable(query.groupId!, { ...query.filters, limit: ASSOCIATE_PAGE_SIZE, ...(cursor ? { cursor } : {}) }, { signal }),
  });

  #selection = new SelectionController<CandidateRow>(this, {
    key: (row) => row.id,
    scope: () => [this.groupId, this.filters, this.open],
  });

  #groups = new Task(this, {
    args: () => [this.api, this.open, this.groupId] as const,
    task: async ([api, open, groupId], { signal }) => {
      if (!api || !open) return [];
      // The filter is a convenience: without the groups it offers « Tous les groupes » only.
      const page = await api.groups.list({ limit: LIMIT_MAX }, { signal }).catch(() => null);
      return (page?.data ?? []).filter((g) => g.id !== groupId);
    },
  });

  #modal = new ModalController(this, {
    dialog: () => this.renderRoot.querySelector<HTMLDialogElement>('dialog'),
    initialFocus: () => this.renderRoot.querySelector<HTMLElement>('[part~="search"]'),
    canDismiss: () => !this.busy,
    onClose: () => {
      this.open = false;
      this.dispatchEvent(new ClrDialogCloseEvent());
    },
  });

  /** The ids ticked, in the order they were ticked. */
  get selectedIds(): string[] {
    return this.#selection.ids;
  }

  /** Opens the window on every candidate not in the group, no filter, nothing ticked. */
  show(): void {
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      this.#search.cancel();
      this.filters = {};
      this.searchText = '';
      this.alertMessage = null;
      this.#selection.clear();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) this.#modal.toggle(this.open);
  }

  #setFilters(patch: Partial<AssociateFilters>): void {
    this.#search.cancel();
    this.filters = cleanFilters({ ...this.filters, q: this.searchText, ...patch });
  }

  #resetFilters(): void {
    this.#search.cancel();
    this.searchText = '';
    this.filters = {};
    this.#days.reset();
  }

  async #associate(): Promise<void> {
    const api = this.api;
    const groupId = this.groupId;
    const ids = this.#selection.ids;
    if (!api || !groupId || ids.length === 0 || ids.length > SELECTION_MAX || this.busy) return;
    this.busy = true;
    this.alertMessage = null;
    try {
      const result = await api.groups.addMembers(groupId, ids);
      this.dispatchEvent(new ClrCandidatesAssociateEvent({ groupId, group: result.group, added: result.added, alreadyMembers: result.alreadyMembers }));
      this.busy = false;
      this.close();
    } catch (error) {
      this.alertMessage = this.describeError(error).message;
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t.associateDialog;
    return html`<dialog part="dialog" class="wide" aria-labelledby="title">
      <div class="frame">
        <header>
          <h2 part="title" id="title">${t.title}</h2>
          <button type="button" part="close" class="close" aria-label=${t.close} title=${t.close} ?disabled=${this.busy} @click=${() => this.close()}>×</button>
        </header>
        ${this.open ? this.#renderContent() : nothing}
      </div>
    </dialog>`;
  }

  #renderContent(): TemplateResult {
    const t = this.t.associateDialog;
    const count = this.#selection.size;
    const tooMany = count > SELECTION_MAX;
    const summary = count === 0 ? t.selectedNone : count === 1 ? t.selectedOne : format(t.selected, { n: count });
    return html`<div part="body" class="body">
        <p>${t.intro}</p>
        ${this.#renderFilters()}
        ${this.alertMessage ? html`<div part="error" class="alert" role="alert"><p>${this.alertMessage}</p></div>` : nothing}
        ${!this.api ? html`<p part="status" class="status" role="status">${this.t.common.noClient}</p>` : this.#renderList()}
      </div>
      <footer part="footer">
        <p part="summary" class="summary" role="status" id="summary">${summary}${tooMany ? html` — ${format(t.tooMany, { max: SELECTION_MAX })}` : nothing}</p>
        <button type="button" part="back" ?disabled=${this.busy} @click=${() => this.close()}>${t.back}</button>
        <button
          type="button"
          part="associate"
          class="primary"
          aria-describedby="summary"
          ?disabled=${count === 0 || tooMany || this.busy}
          @click=${() => void this.#associate()}
        >
          ${this.busy ? t.associating : t.associate}
        </button>
      </footer>`;
  }

  #renderFilters(): TemplateResult {
    const t = this.t.associateDialog;
    const f = this.filters;
    const statuses = LABELS[this.locale].candidateStatus;
    const groups = this.#groups.value ?? [];
    return html`<div part="filters" class="filters" role="search" aria-label=${t.filters}>
      <label>
        ${t.search}
        <input
          part="search"
          type="search"
          autocomplete="off"
          .value=${this.searchText}
          @input=${(e: Event) => {
            this.searchText = (e.target as HTMLInputElement).value;
            this.#search.schedule(() => this.#setFilters({ q: this.searchText }));
          }}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            this.#setFilters({ q: this.searchText });
          }}
        />
      </label>
      <label>
        ${t.statusFilter}
        <select part="filter" name="status" @change=${(e: Event) => this.#setFilters({ status: ((e.target as HTMLSelectElement).value || undefined) as CandidateStatus | undefined })}>
          <option value="" ?selected=${!f.status}>${t.allStatuses}</option>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${statuses[s]}</option>`)}
        </select>
      </label>
      <label>
        ${t.groupFilter}
        <select part="filter" name="groupId" @change=${(e: Event) => this.#setFilters({ groupId: (e.target as HTMLSelectElement).value || undefined })}>
          <option value="" ?selected=${!f.groupId}>${t.allGroups}</option>
          ${groups.map((g) => html`<option value=${g.id} ?selected=${f.groupId === g.id}>${g.name}</option>`)}
        </select>
      </label>
      <label>
        ${t.periodFrom}
        ${this.#days.render({ name: 'from', label: t.periodFrom, value: f.from, max: f.to, text: this.t.common, onChange: (from) => this.#setFilters({ from }) })}
      </label>
      <label>
        ${t.periodTo}
        ${this.#days.render({ name: 'to', label: t.periodTo, value: f.to, min: f.from, text: this.t.common, onChange: (to) => this.#setFilters({ to }) })}
      </label>
      <button type="button" part="reset" @click=${() => this.#resetFilters()}>${t.reset}</button>
    </div>`;
  }

  #renderList(): TemplateResult {
    const t = this.t.associateDialog;
    const list = this.#list;
    if (list.error) {
      return html`<div part="error" class="alert" role="alert"><p>${this.describeError(list.error).message}</p></div>
        <button type="button" @click=${() => list.refresh()}>${this.t.common.retry}</button>`;
    }
    if (list.total === null) return html`<p part="status" class="status" role="status">${this.t.common.loading}</p>`;
    if (list.total === 0 && list.rows.length === 0) {
      return html`<p part="status" class="status" role="status">${Object.keys(this.filters).length > 0 ? t.emptyFiltered : t.empty}</p>`;
    }
    const rows = list.rows;
    const statuses = LABELS[this.locale].candidateStatus;
    const selection = this.#selection;
    return html`<div class="table-box">
        <table part="table" aria-busy=${list.busy ? 'true' : 'false'}>
          <caption>${t.caption}</caption>
          <thead>
            <tr>
              <th scope="col" class="check">
                <input
                  part="select-all"
                  type="checkbox"
                  aria-label=${format(t.selectAll, { n: rows.length })}
                  .checked=${selection.allSelected(rows)}
                  .indeterminate=${selection.someSelected(rows)}
                  @change=${() => selection.toggleAll(rows)}
                />
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
              const checked = selection.has(row);
              return html`<tr part="row" data-candidate-id=${row.id} aria-selected=${checked ? 'true' : 'false'}>
                <td class="check">
                  <input
                    part="checkbox"
                    type="checkbox"
                    aria-label=${format(t.selectRow, { name })}
                    .checked=${checked}
                    @change=${(e: Event) => selection.toggle(row, (e.target as HTMLInputElement).checked)}
                  />
                </td>
                <th scope="row">${name}</th>
                <td>${breakableEmail(row.email)}</td>
                <td>${statuses[row.status]}</td>
                <td>${formatDate(row.date)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <div class="more">
        <span class="status">${this.candidatesShown(rows.length, list.total)}</span>
        ${list.hasMore
          ? html`<button type="button" part="more" ?disabled=${list.loadingMore} @click=${() => void list.nextPage()}>
              ${list.loadingMore ? this.t.common.loading : t.more}
            </button>`
          : nothing}
        ${list.moreError ? html`<span role="alert">${this.describeError(list.moreError).message}</span>` : nothing}
      </div>`;
  }
}
