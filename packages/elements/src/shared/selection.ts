import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How a {@link SelectionController} identifies rows and follows the list's scope. */
export interface SelectionOptions<Row> {
  /** A row's id. */
  key: (row: Row) => string;
  /**
   * The list's scope (search and filters, the group shown…), read on every host
   * update: when it changes (compared as JSON) the selection is cleared, so it
   * never holds rows the list no longer shows. Leave the sort out: a sorted list
   * shows the same rows. Default: no scope, never cleared by itself.
   */
  scope?: () => unknown;
  /** Called after every change of the selection (by the user, `clear()`, a scope change). */
  onChange?: (ids: string[], rows: Row[]) => void;
}

/**
 * Which rows of a list are selected, as a Lit reactive controller. Kept by id
 * across sorts and pages (a row selected on page one stays selected when page
 * three is loaded or the order changes), cleared when the scope changes.
 * « Select all » works on the rows displayed (`toggleAll(rows)`).
 *
 *   #selection = new SelectionController<CandidateRow>(this, {
 *     key: (row) => row.id,
 *     scope: () => [this.groupId, this.filters],
 *     onChange: (ids, rows) => this.dispatchEvent(new ClrSelectionChangeEvent({ candidateIds: ids, candidates: rows })),
 *   });
 */
export class SelectionController<Row> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: SelectionOptions<Row>;
  #selected = new Map<string, Row>();
  #scope: string | undefined;

  constructor(host: ReactiveControllerHost, options: SelectionOptions<Row>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The ids selected, in the order they were selected. */
  get ids(): string[] {
    return [...this.#selected.keys()];
  }

  /** The rows selected, in the order they were selected (as they were when selected). */
  get rows(): Row[] {
    return [...this.#selected.values()];
  }

  get size(): number {
    return this.#selected.size;
  }

  has(rowOrId: Row | string): boolean {
    return this.#selected.has(this.#id(rowOrId));
  }

  /** Selects or unselects one row (`selected` omitted: toggles it). */
  toggle(row: Row, selected = !this.has(row)): void {
    const id = this.#options.key(row);
    if (selected === this.#selected.has(id)) return;
    const next = new Map(this.#selected);
    if (selected) next.set(id, row);
    else next.delete(id);
    this.#set(next);
  }

  /** Selects these rows too (those already selected stay where they were). */
  select(rows: readonly Row[]): void {
    const next = new Map(this.#selected);
    for (const row of rows) if (!next.has(this.#options.key(row))) next.set(this.#options.key(row), row);
    if (next.size !== this.#selected.size) this.#set(next);
  }

  /** Unselects these rows or ids. */
  unselect(rows: readonly (Row | string)[]): void {
    const next = new Map(this.#selected);
    for (const row of rows) next.delete(this.#id(row));
    if (next.size !== this.#selected.size) this.#set(next);
  }

  /** Every one of `rows` is selected (false for no rows): the « select all » box is checked. */
  allSelected(rows: readonly Row[]): boolean {
    // Fewer selected than rows: not all (without looking at 100,000 loaded rows on every render).
    return rows.length > 0 && this.#selected.size >= rows.length && rows.every((row) => this.has(row));
  }

  /** Some but not all of `rows` are selected: the « select all » box is indeterminate. */
  someSelected(rows: readonly Row[]): boolean {
    return this.#selected.size > 0 && !this.allSelected(rows) && rows.some((row) => this.has(row));
  }

  /** « Select all displayed »: selects every one of `rows`, or unselects them all when they already are. */
  toggleAll(rows: readonly Row[]): void {
    if (this.allSelected(rows)) this.unselect(rows);
    else this.select(rows);
  }

  /** Unselects everything. */
  clear(): void {
    if (this.#selected.size > 0) this.#set(new Map());
  }

  hostUpdate(): void {
    if (!this.#options.scope) return;
    const scope = JSON.stringify(this.#options.scope() ?? null);
    const changed = this.#scope !== undefined && scope !== this.#scope;
    this.#scope = scope;
    if (changed) this.clear();
  }

  #id(rowOrId: Row | string): string {
    return typeof rowOrId === 'string' ? rowOrId : this.#options.key(rowOrId);
  }

  #set(next: Map<string, Row>): void {
    this.#selected = next;
    this.#host.requestUpdate();
    this.#options.onChange?.(this.ids, this.rows);
  }
}
