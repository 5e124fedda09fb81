import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { isAbortError } from '@clr/sdk';

/** What a list endpoint answers (SPEC §4 « Lists »): a page of rows, the next cursor, the total; `counts`/`totals` where the list has them. */
export interface ListPage<Row> {
  data: Row[];
  nextCursor: string | null;
  total: number;
}

/** How a {@link PagedListController} reads its query and fetches a page. */
export interface PagedListOptions<Row, Query, P extends ListPage<Row>> {
  /**
   * The query of the list (search, filters, sort, scope…), read on every host
   * update. When it changes (compared as JSON) the list starts again from its
   * first page and every call still running for the old query is aborted.
   */
  query: () => Query;
  /** Fetches one page: `cursor` is `undefined` for the first page. Pass `signal` to the SDK. */
  fetch: (query: Query, cursor: string | undefined, signal: AbortSignal) => Promise<P>;
  /** While false (no SDK client yet, a closed dialog…) nothing is fetched and the list stays empty. Default: always. */
  enabled?: () => boolean;
  /** Called once each first page is shown, with whether the query changed since the previous one (not a mere refresh). */
  onFirstPage?: (page: P, newQuery: boolean) => void;
  /** Called after a following page was appended. */
  onNextPage?: (page: P) => void;
}

/**
 * One server-side paged list, as a Lit reactive controller: the host's query
 * → an `@lit/task` fetching the first page → `rows`, `total` and the last
 * page (with its `counts`); `nextPage()` appends the following one. A new
 * query or `refresh()` aborts what is still running (first page and next
 * pages alike), so a late answer never overwrites a newer one.
 *
 *   #list = new PagedListController(this, {
 *     query: () => ({ q: this.filters.q, sort: this.sort }),
 *     enabled: () => this.api !== undefined,
 *     fetch: (query, cursor, signal) => this.api!.groups.list({ ...query, cursor, limit: 50 }, { signal }),
 *   });
 *   // render: this.#list.rows, this.#list.total, this.#list.pending, this.#list.error
 */
export class PagedListController<Row, Query = unknown, P extends ListPage<Row> = ListPage<Row>> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: PagedListOptions<Row, Query, P>;
  #rows: Row[] = [];
  #page: P | null = null;
  #moreController: AbortController | undefined;
  #loadingMore = false;
  #moreError: unknown = null;
  #reload = 0;
  #lastKey: string | null = null;
  #generation = 0;

  /** The `@lit/task` fetching the first page (its `status`, `taskComplete`, `render()`). */
  readonly task: Task<readonly [boolean, string, number], P | null>;

  constructor(host: ReactiveControllerHost, options: PagedListOptions<Row, Query, P>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.task = new Task(host, {
      args: () => [options.enabled?.() ?? true, JSON.stringify(options.query() ?? null), this.#reload] as const,
      task: async ([enabled, key], { signal }) => {
        this.#abortMore();
        this.#generation += 1;
        if (!enabled) {
          this.#rows = [];
          this.#page = null;
          this.#lastKey = null;
          return initialState;
        }
        const query = JSON.parse(key) as Query;
        const page = await options.fetch(query, undefined, signal);
        signal.throwIfAborted();
        const newQuery = key !== this.#lastKey;
        this.#lastKey = key;
        this.#rows = page.data;
        this.#page = page;
        this.#moreError = null;
        options.onFirstPage?.(page, newQuery);
        return page;
      },
    });
  }

  /** The rows loaded so far (first page and the following ones), in the server's order. */
  get rows(): readonly Row[] {
    return this.#rows;
  }

  /** The last page received (for its `counts`, `totals`…), or null before the first. */
  get page(): P | null {
    return this.#page;
  }

  /** How many rows match the query, once the first page arrived. */
  get total(): number | null {
    return this.#page?.total ?? null;
  }

  /** Whether the server has rows after those loaded. */
  get hasMore(): boolean {
    return (this.#page?.nextCursor ?? null) !== null;
  }

  /** The first page is being fetched (a new query, a refresh). */
  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** The very first page of this query is on its way (nothing to show yet). */
  get firstLoad(): boolean {
    return this.pending && this.#lastKey === null;
  }

  /** A following page is being fetched. */
  get loadingMore(): boolean {
    return this.#loadingMore;
  }

  /** Whether anything is being fetched (for `aria-busy`). */
  get busy(): boolean {
    return this.pending || this.#loadingMore;
  }

  /** Why the first page failed (aborts excluded), or null. */
  get error(): unknown {
    return this.task.status === TaskStatus.ERROR ? this.task.error : null;
  }

  /** Why the last `nextPage()` failed, or null. */
  get moreError(): unknown {
    return this.#moreError;
  }

  /** Settles when the first page in flight (if any) has been handled. */
  get complete(): Promise<unknown> {
    return this.task.taskComplete.catch(() => undefined);
  }

  /** Fetches the first page again (same query); rows stay shown until it arrives. */
  refresh(): void {
    this.#reload += 1;
    this.#host.requestUpdate();
  }

  /**
   * Appends the following page. Does nothing while a page is already coming,
   * on the last page, or before the first page is there. Resolves once it is
   * appended (or failed: see `moreError`).
   */
  async nextPage(): Promise<void> {
    const page = this.#page;
    const cursor = page?.nextCursor ?? null;
    const key = this.#lastKey;
    if (cursor === null || key === null || this.#loadingMore || this.task.status !== TaskStatus.COMPLETE) return;
    const controller = new AbortController();
    const generation = this.#generation;
    this.#moreController = controller;
    this.#loadingMore = true;
    this.#moreError = null;
    this.#host.requestUpdate();
    try {
      const next = await this.#options.fetch(JSON.parse(key) as Query, cursor, controller.signal);
      if (controller.signal.aborted || generation !== this.#generation) return;
      this.#rows = this.#rows.concat(next.data);
      this.#page = next;
      this.#options.onNextPage?.(next);
    } catch (error) {
      if (!isAbortError(error) && !controller.signal.aborted) this.#moreError = error;
    } finally {
      if (this.#moreController === controller) {
        this.#moreController = undefined;
        this.#loadingMore = false;
      }
      this.#host.requestUpdate();
    }
  }

  /** Replaces the loaded rows in place (a row edited or removed locally), keeping the total unless given. */
  updateRows(update: (rows: readonly Row[]) => Row[], total?: number): void {
    this.#rows = update(this.#rows);
    if (total !== undefined && this.#page) this.#page = { ...this.#page, total };
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#abortMore();
  }

  #abortMore(): void {
    this.#moreController?.abort();
    this.#moreController = undefined;
    if (this.#loadingMore) {
      this.#loadingMore = false;
      this.#host.requestUpdate();
    }
  }
}

/**
 * A pause before a value is used, as a search box waits for typing to stop:
 * `schedule(fn)` runs `fn` after `delay` ms unless scheduled again; `flush()`
 * runs the waiting call now (Enter in the search box); `cancel()` drops it. The
 * waiting call is dropped when the host disconnects.
 */
export class DebounceController implements ReactiveController {
  readonly delay: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, delay = 300) {
    this.delay = delay;
    host.addController(this);
  }

  /** Runs `fn` once nothing else was scheduled for `delay` ms. */
  schedule(fn: () => void): void {
    this.cancel();
    this.#pending = fn;
    this.#timer = setTimeout(() => this.flush(), this.delay);
  }

  /** Runs the waiting call at once, if any. */
  flush(): void {
    const fn = this.#pending;
    this.cancel();
    fn?.();
  }

  /** Drops the waiting call, if any. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
  }

  /** Whether a call is waiting. */
  get waiting(): boolean {
    return this.#pending !== undefined;
  }

  hostDisconnected(): void {
    this.cancel();
  }
}
