import { ClrResponseError } from './errors.js';

/** Every list of the API (SPEC §4 « Lists »). */
export interface PageShape<T> {
  data: T[];
  nextCursor: string | null;
  total: number;
}

/** What walking the pages offers besides `for await`. */
export interface AutoPaging<T> extends AsyncIterable<T> {
  /** Every item of every page from here on, at most `limit` (default 10 000, a guard against filling memory). */
  toArray(options?: { limit?: number }): Promise<T[]>;
}

/**
 * A page as a list method resolves it: the API's fields (`data`, `nextCursor`,
 * `total`, and `counts`/`totals` where the list has them), `hasMore`,
 * `nextPage()`, and `for await (const item of page)` walking this page and every
 * following one.
 */
export type Page<P extends PageShape<unknown>> = P &
  AutoPaging<P['data'][number]> & {
    readonly hasMore: boolean;
    /** The following page, or null on the last one. */
    nextPage(): Promise<Page<P>> | null;
  };

/**
 * What a list method returns: a promise of the first {@link Page} that is itself
 * async-iterable over every item of every page (Stripe's auto-paging), so both
 * `const page = await client.candidates.list(f)` and
 * `for await (const c of client.candidates.list(f))` work.
 */
export type ListPromise<P extends PageShape<unknown>> = Promise<Page<P>> & AutoPaging<P['data'][number]>;

export type FetchPage<P> = (cursor: string | undefined) => Promise<P>;

const DEFAULT_TO_ARRAY_LIMIT = 10_000;

/** Wraps a page with its iteration and `nextPage()`. */
export function toPage<P extends PageShape<unknown>>(page: P, fetchPage: FetchPage<P>): Page<P> {
  const next = page.nextCursor;
  const extras = {
    hasMore: next !== null,
    nextPage: () => (next === null ? null : fetchPage(next).then((p) => toPage(p, fetchPage))),
    [Symbol.asyncIterator]: () => iterateFrom(Promise.resolve(page), fetchPage),
    toArray: (options?: { limit?: number }) => collect(iterateFrom(Promise.resolve(page), fetchPage), options?.limit),
  };
  // Non-enumerable, so a page still serialises (and compares in tests) as the API's object.
  return Object.defineProperties({ ...page }, Object.getOwnPropertyDescriptors(hidden(extras))) as Page<P>;
}

function hidden<T extends object>(object: T): T {
  const out = {} as T;
  for (const key of Reflect.ownKeys(object)) {
    Object.defineProperty(out, key, { value: (object as Record<PropertyKey, unknown>)[key], enumerable: false });
  }
  return out;
}

/** A list call: the first page as a promise, iterable over everything. */
export function listPromise<P extends PageShape<unknown>>(first: Promise<P>, fetchPage: FetchPage<P>): ListPromise<P> {
  const promise = first.then((page) => toPage(page, fetchPage)) as ListPromise<P>;
  // A caller that only iterates never awaits the promise itself: mark it handled
  // (awaiting it still rejects), the iteration reports the error.
  promise.catch(() => undefined);
  Object.defineProperties(promise, {
    [Symbol.asyncIterator]: { value: () => iterateFrom(first, fetchPage), enumerable: false },
    toArray: { value: (options?: { limit?: number }) => collect(iterateFrom(first, fetchPage), options?.limit), enumerable: false },
  });
  return promise;
}

/** An iterable over every item of every page, fetched one page at a time, as the loop asks. */
export function autoPaging<T>(start: () => Promise<PageShape<T>>, fetchPage: FetchPage<PageShape<T>>): AutoPaging<T> {
  return {
    [Symbol.asyncIterator]: () => iterateFrom(start(), fetchPage),
    toArray: (options) => collect(iterateFrom(start(), fetchPage), options?.limit),
  };
}

async function* iterateFrom<T>(first: Promise<PageShape<T>>, fetchPage: FetchPage<PageShape<T>>): AsyncGenerator<T, void, undefined> {
  let page = await first;
  const seen = new Set<string>();
  for (;;) {
    yield* page.data;
    const cursor = page.nextCursor;
    if (cursor === null) return;
    if (seen.has(cursor)) {
      throw new ClrResponseError(`La pagination boucle : le curseur ${cursor} revient deux fois.`, { status: 200 });
    }
    seen.add(cursor);
    page = await fetchPage(cursor);
  }
}

async function collect<T>(iterable: AsyncIterable<T>, limit = DEFAULT_TO_ARRAY_LIMIT): Promise<T[]> {
  const items: T[] = [];
  if (limit <= 0) return items;
  for await (const item of iterable) {
    items.push(item);
    if (items.length >= limit) break;
  }
  return items;
}
