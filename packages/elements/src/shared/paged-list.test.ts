import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DebounceController, PagedListController, type ListPage } from './paged-list.js';
import { waitUntil } from '../../test/wait.js';

interface Query {
  q: string;
}

interface Call {
  query: Query;
  cursor: string | undefined;
  signal: AbortSignal;
  resolve: (page: ListPage<string>) => void;
  reject: (error: unknown) => void;
}

/** A host whose list answers only when the test says so. */
class PagedHost extends LitElement {
  static override properties = { q: {}, enabled: { type: Boolean } };
  q = '';
  enabled = true;
  calls: Call[] = [];
  firstPages: boolean[] = [];
  list = new PagedListController<string, Query>(this, {
    query: () => ({ q: this.q }),
    enabled: () => this.enabled,
    fetch: (query, cursor, signal) =>
      new Promise<ListPage<string>>((resolve, reject) => {
        this.calls.push({ query, cursor, signal, resolve, reject });
        signal.addEventListener('abort', () => reject(signal.reason));
      }),
    onFirstPage: (_page, newQuery) => this.firstPages.push(newQuery),
  });

  override render() {
    return html`<p>${this.list.rows.join(',')}</p>`;
  }
}
customElements.define('test-paged-host', PagedHost);

const page = (data: string[], total: number, nextCursor: string | null = null): ListPage<string> => ({ data, total, nextCursor });

describe('PagedListController', () => {
  it('fetches the first page of the query, then appends the next one with nextPage()', async () => {
    const el = await fixture<PagedHost>(html`<test-paged-host></test-paged-host>`);
    await waitUntil(() => el.calls.length === 1);
    expect(el.list.pending).to.equal(true);
    expect(el.list.firstLoad).to.equal(true);
    expect(el.calls[0]!.cursor).to.equal(undefined);
    el.calls[0]!.resolve(page(['a', 'b'], 3, 'c2'));
    await el.list.complete;
    expect(el.list.rows).to.deep.equal(['a', 'b']);
    expect(el.list.total).to.equal(3);
    expect(el.list.hasMore).to.equal(true);

    const more = el.list.nextPage();
    expect(el.list.loadingMore).to.equal(true);
    expect(el.calls[1]!.cursor).to.equal('c2');
    el.calls[1]!.resolve(page(['c'], 3));
    await more;
    await el.updateComplete;
    expect(el.list.rows).to.deep.equal(['a', 'b', 'c']);
    expect(el.list.hasMore).to.equal(false);
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('a,b,c');
    // On the last page, nextPage() asks nothing.
    await el.list.nextPage();
    expect(el.calls).to.have.length(2);
  });

  it('aborts the running calls when the query changes, and shows only the newer answer', async () => {
    const el = await fixture<PagedHost>(html`<test-paged-host></test-paged-host>`);
    await waitUntil(() => el.calls.length === 1);
    el.calls[0]!.resolve(page(['a'], 2, 'c2'));
    await el.list.complete;
    void el.list.nextPage();
    const more = el.calls[1]!;
    el.q = 'dup';
    await waitUntil(() => el.calls.length === 3);
    expect(more.signal.aborted).to.equal(true);
    expect(el.list.loadingMore).to.equal(false);
    expect(el.calls[2]!.query).to.deep.equal({ q: 'dup' });
    el.q = 'dupont';
    await waitUntil(() => el.calls.length === 4);
    expect(el.calls[2]!.signal.aborted).to.equal(true);
    el.calls[3]!.resolve(page(['dupont'], 1));
    await el.list.complete;
    expect(el.list.rows).to.deep.equal(['dupont']);
    expect(el.list.total).to.equal(1);
    expect(el.firstPages).to.deep.equal([true, true]);
  });

  it('refresh() fetches the first page again and says it is the same query', async () => {
    const el = await fixture<PagedHost>(html`<test-paged-host></test-paged-host>`);
    await waitUntil(() => el.calls.length === 1);
    el.calls[0]!.resolve(page(['a'], 1));
    await el.list.complete;
    el.list.refresh();
    await waitUntil(() => el.calls.length === 2);
    // The rows stay shown while the new page comes.
    expect(el.list.rows).to.deep.equal(['a']);
    expect(el.list.firstLoad).to.equal(false);
    el.calls[1]!.resolve(page(['a', 'b'], 2));
    await el.list.complete;
    expect(el.list.rows).to.deep.equal(['a', 'b']);
    expect(el.firstPages).to.deep.equal([true, false]);
  });

  it('keeps the error of a failed page, and of a failed next page, until it is tried again', async () => {
    const el = await fixture<PagedHost>(html`<test-paged-host></test-paged-host>`);
    await waitUntil(() => el.calls.length === 1);
    el.calls[0]!.reject(new Error('down'));
    await el.list.complete;
    await el.updateComplete;
    expect((el.list.error as Error).message).to.equal('down');
    el.list.refresh();
    await waitUntil(() => el.calls.length === 2);
    el.calls[1]!.resolve(page(['a'], 2, 'c2'));
    await el.list.complete;
    expect(el.list.error).to.equal(null);
    const more = el.list.nextPage();
    el.calls[2]!.reject(new Error('later'));
    await more;
    expect((el.list.moreError as Error).message).to.equal('later');
    expect(el.list.rows).to.deep.equal(['a']);
  });

  it('fetches nothing while disabled', async () => {
    const el = await fixture<PagedHost>(html`<test-paged-host .enabled=${false}></test-paged-host>`);
    await el.list.complete;
    expect(el.calls).to.have.length(0);
    expect(el.list.total).to.equal(null);
    el.enabled = true;
    await waitUntil(() => el.calls.length === 1);
  });
});

class DebounceHost extends LitElement {
  debounce = new DebounceController(this, 20);
}
customElements.define('test-debounce-host', DebounceHost);

describe('DebounceController', () => {
  it('runs only the last call scheduled, once typing stops, or at once with flush()', async () => {
    const el = await fixture<DebounceHost>(html`<test-debounce-host></test-debounce-host>`);
    const ran: string[] = [];
    el.debounce.schedule(() => ran.push('d'));
    el.debounce.schedule(() => ran.push('du'));
    expect(el.debounce.waiting).to.equal(true);
    await waitUntil(() => ran.length === 1);
    expect(ran).to.deep.equal(['du']);
    el.debounce.schedule(() => ran.push('dup'));
    el.debounce.flush();
    expect(ran).to.deep.equal(['du', 'dup']);
    expect(el.debounce.waiting).to.equal(false);
  });

  it('drops the waiting call when the host leaves the page', async () => {
    const el = await fixture<DebounceHost>(html`<test-debounce-host></test-debounce-host>`);
    let ran = false;
    el.debounce.schedule(() => (ran = true));
    el.remove();
    expect(el.debounce.waiting).to.equal(false);
    expect(ran).to.equal(false);
  });
});
