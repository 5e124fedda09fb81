import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { SelectionController } from './selection.js';

interface Row {
  id: string;
  name: string;
}

class SelectionHost extends LitElement {
  static override properties = { filter: {}, sort: {} };
  filter = '';
  sort = 'name';
  changes: string[][] = [];
  selection = new SelectionController<Row>(this, {
    key: (row) => row.id,
    scope: () => ({ filter: this.filter }),
    onChange: (ids) => this.changes.push(ids),
  });

  override render() {
    return html`<p>${this.selection.size}</p>`;
  }
}
customElements.define('test-selection-host', SelectionHost);

const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id, name: id.toUpperCase() }));

describe('SelectionController', () => {
  it('toggles rows and keeps them by id, in the order they were selected', async () => {
    const el = await fixture<SelectionHost>(html`<test-selection-host></test-selection-host>`);
    const [a, b, c] = rows('a', 'b', 'c');
    el.selection.toggle(c!);
    el.selection.toggle(a!);
    el.selection.toggle(b!);
    el.selection.toggle(b!);
    expect(el.selection.ids).to.deep.equal(['c', 'a']);
    expect(el.selection.rows.map((r) => r.name)).to.deep.equal(['C', 'A']);
    expect(el.selection.has('a')).to.equal(true);
    expect(el.selection.has(b!)).to.equal(false);
    expect(el.changes).to.deep.equal([['c'], ['c', 'a'], ['c', 'a', 'b'], ['c', 'a']]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('2');
  });

  it('« select all displayed » selects the rows shown, keeps the earlier ones, and unselects them when all are', async () => {
    const el = await fixture<SelectionHost>(html`<test-selection-host></test-selection-host>`);
    const firstPage = rows('a', 'b');
    const secondPage = rows('c', 'd');
    el.selection.toggle(firstPage[0]!);
    expect(el.selection.someSelected(firstPage)).to.equal(true);
    el.selection.toggleAll(secondPage);
    expect(el.selection.ids).to.deep.equal(['a', 'c', 'd']);
    expect(el.selection.allSelected(secondPage)).to.equal(true);
    el.selection.toggleAll(secondPage);
    expect(el.selection.ids).to.deep.equal(['a']);
    expect(el.selection.allSelected([])).to.equal(false);
  });

  it('stays when the list is sorted or paged, and is cleared when the filters change', async () => {
    const el = await fixture<SelectionHost>(html`<test-selection-host></test-selection-host>`);
    el.selection.select(rows('a', 'b'));
    el.sort = '-name';
    await el.updateComplete;
    expect(el.selection.ids).to.deep.equal(['a', 'b']);
    el.filter = 'dupont';
    await el.updateComplete;
    expect(el.selection.size).to.equal(0);
    expect(el.changes.at(-1)).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('0');
  });
});
