import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { LABELS, OrderSection, examTypeLabel, formatDate, formatMoney, type ExamType, type Order, type OrderList } from '@clr/domain';
import type { OrderListParams, Page } from '@clr/sdk';
import { ClrElement } from '../shared/clr-element.js';
import { DayFieldsController, dayFieldStyles } from '../shared/day-field.js';
import { downloadBlob, icons } from '../shared/icons.js';
import { DebounceController, PagedListController } from '../shared/paged-list.js';
import { isReversedPeriod } from '../shared/period.js';
import { tokens } from '../shared/tokens.styles.js';
import { format } from '../translations/index.js';
import { ClrOrderPayEvent, ClrOrdersLoadedEvent } from './orders-table.events.js';
import { styles } from './orders-table.styles.js';

/** The table's search and filters (§4.1: search, exam type, period), as `GET /orders` takes them. */
export interface OrderTableFilters {
  q?: string;
  examType?: string;
  /** `YYYY-MM-DD`: ordered on or after this day (Europe/Paris). */
  from?: string;
  /** `YYYY-MM-DD`: ordered on or before this day. */
  to?: string;
}

const SEARCH_DELAY_MS = 300;
const COLUMN_COUNT = 8;
/** The API's largest page. */
const MAX_PAGE = 200;

/** The filters without blanks (a blank search or filter is no filter). */
export function cleanOrderFilters(filters: OrderTableFilters): OrderTableFilters {
  const out: OrderTableFilters = {};
  for (const key of ['q', 'examType', 'from', 'to'] as const) {
    const value = filters[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}


/**
 * The orders table of the manual's §4.1: the three sections « À valider », «
 * À consommer », « Historique », each order with its lines (quantity and what
 * remains, exam type, expiry, unit price H.T., price H.T. and T.T.C.), the
 * totals H.T. and T.T.C. of every listed order at the bottom (cancelled orders
 * are not counted), the search bar and the filters by exam type and period
 * (server-side), « Réinitialiser les filtres », « Actualiser », « Exporter le
 * tableau » (§4.2: the CSV of exactly what is shown), and on a pending order
 * the icon of §4.4 that asks the page to reopen « Validation de commande ».
 *
 * Under 640 px the table scrolls inside its own box; the page never scrolls sideways.
 *
 * @summary Orders table (§4.1, §4.2, §4.4).
 *
 * @fires clr-order-pay - `ClrOrderPayEvent`: the pay icon of a pending order was pressed; `detail.order` is the order. Open `<clr-order-cart>`'s `showValidation(order)`.
 * @fires clr-orders-loaded - `ClrOrdersLoadedEvent`: a first page arrived; `detail: { total, totals }`.
 *
 * @slot toolbar-end - Beside « Exporter le tableau » (e.g. the page's « Commander des certifications »).
 *
 * @csspart toolbar - The search box, the filters and the buttons.
 * @csspart search - The search form.
 * @csspart search-input - The search box.
 * @csspart filters - The filters' group.
 * @csspart filter - Each filter's control (exam type, period).
 * @csspart field-error - The message beside a refused period.
 * @csspart reset-button - « Réinitialiser les filtres ».
 * @csspart refresh-button - « Actualiser ».
 * @csspart export-button - « Exporter le tableau ».
 * @csspart error - A loading error and its « Réessayer ».
 * @csspart action-error - The error of an export.
 * @csspart scroller - The box that scrolls sideways on narrow screens.
 * @csspart table - The `<table>`.
 * @csspart section - A section's heading row.
 * @csspart order-row - An order's row.
 * @csspart line-row - One of an order's lines.
 * @csspart pay-button - The icon button of a pending order (§4.4).
 * @csspart skeleton - The placeholder rows while the first page loads.
 * @csspart empty - The message when no order is listed.
 * @csspart totals - The footer: totals H.T. and T.T.C.
 * @csspart more-button - « Afficher les commandes suivantes ».
 * @csspart notice - The live status (loading, counts, export).
 * @csspart calendar - The calendar button beside each date filter.
 */
export class ClrOrdersTable extends ClrElement {
  static override styles = [tokens, dayFieldStyles, styles];

  /** The search and filters; set it to filter from the page, read it to know what is shown (and exported). */
  @property({ attribute: false })
  filters: OrderTableFilters = {};

  /** Orders per page (1–200); « Afficher les commandes suivantes » fetches the next page. */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = 50;

  @state() private exporting = false;
  @state() private actionError: string | null = null;
  @state() private exportNotice = '';
  /** The period being typed (applied once it is the right way round). */
  @state() private draftPeriod: { from: string; to: string } = { from: '', to: '' };

  #searchText = '';
  #search = new DebounceController(this, SEARCH_DELAY_MS);

  /** The orders, section after section, page after page (the shared paged list: a new query aborts the old one). */
  #list = new PagedListController<Order, OrderListParams, Page<OrderList>>(this, {
    query: () => cleanOrderFilters(this.filters),
    enabled: () => this.api !== undefined,
    fetch: (query, cursor, signal) => this.api!.orders.list({ ...query, limit: this.#limit(this.pageSize), ...(cursor ? { cursor } : {}) }, { signal }),
    onFirstPage: (page) => {
      this.exportNotice = '';
      this.dispatchEvent(new ClrOrdersLoadedEvent({ total: page.total, totals: page.totals }));
    },
  });

  #examTypes = new Task(this, {
    args: () => [this.api] as const,
    task: async ([api], { signal }) => (api ? (await api.examTypes.list({ signal })).data : ([] as ExamType[])),
  });

  // ---------------------------------------------------------------------------
  // Public API

  /** The orders loaded so far, section after section. */
  get loadedOrders(): readonly Order[] {
    return this.#list.rows;
  }

  /** How many orders match the search and filters (all pages), once the first page arrived. */
  get totalCount(): number | null {
    return this.#list.total;
  }

  /** « Actualiser »: the first page again, with the same search and filters (a delivered order moves to « À consommer »). */
  refresh(): void {
    this.#list.refresh();
  }

  /** « Réinitialiser les filtres »: no search, no filter. */
  resetFilters(): void {
    this.#search.cancel();
    this.#searchText = '';
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part~="search-input"]');
    if (input) input.value = '';
    this.draftPeriod = { from: '', to: '' };
    this.filters = {};
    this.#days.reset();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('filters')) {
      this.#searchText = this.filters.q ?? '';
      this.draftPeriod = { from: this.filters.from ?? '', to: this.filters.to ?? '' };
    }
  }

  // ---------------------------------------------------------------------------
  // Loading

  #limit(pageSize: number): number {
    return Math.max(1, Math.min(MAX_PAGE, Math.trunc(pageSize) || 50));
  }

  #countNotice(): string {
    const t = this.t.ordersTable;
    const total = this.#list.total ?? 0;
    const shown = this.#list.rows.length;
    if (shown < total) return format(t.shown, { n: shown, total });
    return total === 1 ? t.countOne : format(t.count, { n: total });
  }

  // ---------------------------------------------------------------------------
  // Filters, export

  #setFilters(patch: Partial<OrderTableFilters>): void {
    this.#search.cancel();
    this.filters = cleanOrderFilters({ ...this.filters, q: this.#searchText, ...patch });
  }

  #onSearchInput(event: Event): void {
    this.#searchText = (event.target as HTMLInputElement).value;
    this.#search.schedule(() => this.#setFilters({ q: this.#searchText }));
  }

  #onSearchSubmit(event: Event): void {
    event.preventDefault();
    this.#setFilters({ q: this.#searchText });
  }

  #days = new DayFieldsController(this);

  #onPeriod(which: 'from' | 'to', day: string): void {
    const period = { ...this.draftPeriod, [which]: day };
    this.draftPeriod = period;
    // « du » after « au »: refused beside the field, and the table keeps what it shows.
    if (isReversedPeriod(period.from, period.to)) return;
    this.#setFilters({ from: period.from, to: period.to });
  }

  async #export(): Promise<void> {
    const api = this.api;
    if (!api || this.exporting) return;
    this.exporting = true;
    this.actionError = null;
    this.exportNotice = this.t.ordersTable.exporting;
    try {
      // Exactly what is shown: the filters of the rows on screen.
      const file = await api.orders.exportCsv(cleanOrderFilters(this.filters));
      downloadBlob(file.blob, file.filename ?? 'commandes.csv', this.renderRoot);
      this.exportNotice = this.t.ordersTable.exported;
    } catch (error) {
      this.actionError = this.describeError(error).message;
      this.exportNotice = '';
    } finally {
      this.exporting = false;
    }
  }

  #pay(order: Order): void {
    this.dispatchEvent(new ClrOrderPayEvent({ order }));
  }

  // ---------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const t = this.t.ordersTable;
    const list = this.#list;
    const taskError = list.error ? this.describeError(list.error).message : null;
    const firstLoad = list.page === null && taskError === null;
    const notice = list.pending ? this.t.common.loading : list.loadingMore ? t.loadingMore : this.exportNotice || (list.page ? this.#countNotice() : '');
    return html`
      ${this.#renderToolbar()}
      ${!this.api
        ? html`<div part="error" class="alert" role="alert">${this.t.common.noClient}</div>`
        : taskError !== null
          ? html`<div part="error" class="alert" role="alert">
              <span>${taskError}</span>
              <button type="button" @click=${() => this.refresh()}>${this.t.common.retry}</button>
            </div>`
          : nothing}
      ${this.actionError ? html`<div part="action-error" class="alert" role="alert">${this.actionError}</div>` : nothing}
      <div part="scroller" class="scroll" tabindex="0" role="region" aria-label=${t.label}>
        <table part="table" aria-label=${t.label} aria-busy=${list.busy ? 'true' : 'false'}>
          <thead>
            <tr>
              <th scope="col">${t.columns.number}</th>
              <th scope="col">${t.columns.createdAt}</th>
              <th scope="col">${t.columns.type}</th>
              <th scope="col">${t.columns.expiresAt}</th>
              <th scope="col" class="num">${t.columns.unitPriceHt}</th>
              <th scope="col" class="num">${t.columns.ht}</th>
              <th scope="col" class="num">${t.columns.ttc}</th>
              <th scope="col">${t.columns.actions}</th>
            </tr>
          </thead>
          ${firstLoad && this.api ? this.#renderSkeleton() : this.#renderSections()}
          ${list.page && list.rows.length > 0 ? this.#renderTotals(list.page.totals) : nothing}
        </table>
      </div>
      <div part="footer" class="footer">
        <span part="notice" role="status">${notice}</span>
        ${list.moreError ? html`<span role="alert">${this.describeError(list.moreError).message}</span>` : nothing}
        ${list.hasMore
          ? html`<button type="button" part="more-button" ?disabled=${list.loadingMore} @click=${() => void list.nextPage()}>${t.more}</button>`
          : nothing}
      </div>
    `;
  }

  #renderToolbar(): TemplateResult {
    const t = this.t.ordersTable;
    const f = this.filters;
    const types = this.#examTypes.value ?? [];
    const reversed = isReversedPeriod(this.draftPeriod.from, this.draftPeriod.to);
    return html`<div part="toolbar" class="toolbar">
      <form part="search" role="search" class="search" @submit=${this.#onSearchSubmit}>
        <label class="field"
          ><span>${t.search}</span>
          <input part="search-input" type="search" name="q" autocomplete="off" .value=${this.#searchText} @input=${this.#onSearchInput}
        /></label>
      </form>
      <div part="filters" class="filters" role="group" aria-label=${t.filters}>
        <div class="field">
          <label for="exam-type">${t.examTypeFilter}</label>
          <select part="filter" id="exam-type" name="examType" @change=${(e: Event) => this.#setFilters({ examType: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!f.examType}>${t.allExamTypes}</option>
            ${types.map((type) => html`<option value=${type.id} ?selected=${f.examType === type.id}>${examTypeLabel(type.id, types, this.locale)}</option>`)}
          </select>
        </div>
        <label class="field"
          ><span>${t.periodFrom}</span>
          ${this.#days.render({ name: 'from', label: t.periodFrom, value: this.draftPeriod.from, text: this.t.common, onChange: (day) => this.#onPeriod('from', day) })}</label
        >
        <div class="field">
          <label for="period-to">${t.periodTo}</label>
          ${this.#days.render({
            name: 'to',
            id: 'period-to',
            label: t.periodTo,
            value: this.draftPeriod.to,
            errorId: reversed ? 'period-error' : undefined,
            text: this.t.common,
            onChange: (day) => this.#onPeriod('to', day),
          })}
          ${reversed ? html`<span part="field-error" class="field-error" id="period-error" role="alert">${t.periodReversed}</span>` : nothing}
        </div>
      </div>
      <div class="buttons">
        <button type="button" part="reset-button" @click=${() => this.resetFilters()}>${t.reset}</button>
        <span class="spacer"></span>
        <slot name="toolbar-end"></slot>
        <button type="button" part="refresh-button" @click=${() => this.refresh()}>${t.refresh}</button>
        <button type="button" part="export-button" ?disabled=${this.exporting || !this.api} @click=${() => void this.#export()}>
          ${this.exporting ? t.exporting : t.export}
        </button>
      </div>
    </div>`;
  }

  #renderSkeleton(): TemplateResult {
    return html`<tbody part="skeleton" aria-hidden="true">
      ${[0, 1, 2, 3].map(
        () => html`<tr class="skeleton-row">
          ${Array.from({ length: COLUMN_COUNT }, () => html`<td><span class="bar"></span></td>`)}
        </tr>`,
      )}
    </tbody>`;
  }

  #renderSections(): TemplateResult {
    const t = this.t.ordersTable;
    const rows = this.#list.rows;
    if (this.#list.page && rows.length === 0) {
      const filtered = Object.keys(cleanOrderFilters(this.filters)).length > 0;
      return html`<tbody>
        <tr>
          <td part="empty" class="empty" colspan=${COLUMN_COUNT}>
            ${filtered
              ? html`${t.emptyFiltered} <button type="button" class="link" @click=${() => this.resetFilters()}>${t.reset}</button>`
              : t.empty}
          </td>
        </tr>
      </tbody>`;
    }
    const labels = LABELS[this.locale];
    return html`${OrderSection.options.map((section) => {
      const orders = rows.filter((order) => order.section === section);
      if (orders.length === 0) return nothing;
      return html`<tbody data-section=${section}>
        <tr part="section" class="section">
          <th scope="colgroup" colspan=${COLUMN_COUNT}>${labels.orderSection[section]}</th>
        </tr>
        ${orders.map((order) => this.#renderOrder(order))}
      </tbody>`;
    })}`;
  }

  #renderOrder(order: Order): TemplateResult {
    const t = this.t.ordersTable;
    const locale = this.locale;
    const money = (cents: number) => formatMoney(cents, locale);
    const types = this.#examTypes.value ?? undefined;
    const label = format(t.pay, { number: order.number });
    const c = t.columns;
    return html`
      <tr part="order-row" class="order" data-order-id=${order.id} data-status=${order.status}>
        <th scope="row">${order.number}</th>
        <td data-label=${c.createdAt}>${formatDate(order.createdAt)}</td>
        <td><span class="status" data-value=${order.status}>${LABELS[locale].orderStatus[order.status]}</span></td>
        <td></td>
        <td></td>
        <td class="num" data-label=${c.ht}>${money(order.totals.ht)}</td>
        <td class="num" data-label=${c.ttc}>${money(order.totals.ttc)}</td>
        <td class="actions">
          ${order.status === 'pending'
            ? html`<button type="button" part="pay-button" class="icon" aria-label=${label} title=${label} @click=${() => this.#pay(order)}>${icons.creditCard}</button>`
            : nothing}
        </td>
      </tr>
      ${order.lines.map(
        (line) => html`<tr part="line-row" class="line">
          <td class="qty" data-label=${c.quantity}>
            ${line.quantity}${order.status === 'delivered'
              ? html`<span class="remaining">${format(new Intl.PluralRules(locale).select(line.remaining) === 'one' ? t.remainingOne : t.remaining, { n: line.remaining })}</span>`
              : nothing}
          </td>
          <td></td>
          <td class="type" data-label=${c.type}>${examTypeLabel(line.examType, types, locale)}</td>
          <td data-label=${c.expiresAt}>${formatDate(line.expiresAt)}</td>
          <td class="num" data-label=${c.unitPriceHt}>${money(line.unitPriceHt)}</td>
          <td class="num" data-label=${c.ht}>${money(line.ht)}</td>
          <td class="num" data-label=${c.ttc}>${money(line.ttc)}</td>
          <td></td>
        </tr>`,
      )}
    `;
  }

  #renderTotals(totals: OrderList['totals']): TemplateResult {
    const t = this.t.ordersTable;
    const money = (cents: number) => formatMoney(cents, this.locale);
    return html`<tfoot part="totals">
      <tr>
        <th scope="row" colspan="5">${t.totalHt}</th>
        <td class="num" data-total="ht">${money(totals.ht)}</td>
        <td></td>
        <td></td>
      </tr>
      <tr>
        <th scope="row" colspan="6">${t.totalTtc}</th>
        <td class="num" data-total="ttc">${money(totals.ttc)}</td>
        <td></td>
      </tr>
      <tr>
        <td colspan=${COLUMN_COUNT} class="note">${t.totalsNote}</td>
      </tr>
    </tfoot>`;
  }
}

