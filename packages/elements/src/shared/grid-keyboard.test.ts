import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { GridKeyboardController, moveCell, type CellPosition } from './grid-keyboard.js';

/** A 3-column grid of `count` rows with a header row, as the library's tables render one. */
class GridHost extends LitElement {
  static override properties = { count: { type: Number } };
  count = 30;
  activated: [CellPosition, string][] = [];
  moves: CellPosition[] = [];
  keys = new GridKeyboardController(this, {
    rows: () => this.count,
    cols: () => 3,
    pageRows: () => 5,
    initial: { row: -1, col: 0 },
    onMove: (pos) => this.moves.push(pos),
    onActivate: (pos, key) => this.activated.push([pos, key]),
  });

  override render() {
    const cell = (row: number, col: number, role: string) =>
      html`<div role=${role} data-row=${row} data-col=${col} tabindex=${this.keys.tabIndex(row, col)}>
        ${col === 2 && row >= 0 ? html`<button tabindex="-1">r${row}</button>` : `${row}:${col}`}
      </div>`;
    return html`<div role="grid" aria-label="Test" @keydown=${this.keys.onKeyDown} @focusin=${this.keys.onFocusIn}>
      <div role="row">${[0, 1, 2].map((c) => cell(-1, c, 'columnheader'))}</div>
      ${Array.from({ length: this.count }, (_, r) => html`<div role="row">${[0, 1, 2].map((c) => cell(r, c, 'gridcell'))}</div>`)}
    </div>`;
  }
}
customElements.define('test-grid-host', GridHost);

const focusedCell = (el: GridHost) => {
  const active = el.shadowRoot!.activeElement as HTMLElement | null;
  return active ? { row: Number(active.dataset['row']), col: Number(active.dataset['col']) } : null;
};
const tabStops = (el: GridHost) => el.shadowRoot!.querySelectorAll('[tabindex="0"]').length;

async function press(el: GridHost, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
  await el.updateComplete;
}

describe('GridKeyboardController', () => {
  it('gives the grid one tab stop, the header of the first column at first', async () => {
    const el = await fixture<GridHost>(html`<test-grid-host></test-grid-host>`);
    expect(tabStops(el)).to.equal(1);
    expect(el.keys.tabIndex(-1, 0)).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('moves with the arrows, Home/End, Ctrl+End and PageUp/PageDown, keeping one tab stop', async () => {
    const el = await fixture<GridHost>(html`<test-grid-host></test-grid-host>`);
    el.keys.cellAt({ row: -1, col: 0 })!.focus();
    await press(el, 'ArrowDown');
    expect(focusedCell(el)).to.deep.equal({ row: 0, col: 0 });
    await press(el, 'ArrowRight');
    expect(focusedCell(el)).to.deep.equal({ row: 0, col: 1 });
    await press(el, 'End');
    expect(focusedCell(el)).to.deep.equal({ row: 0, col: 2 });
    await press(el, 'Home');
    expect(focusedCell(el)).to.deep.equal({ row: 0, col: 0 });
    await press(el, 'PageDown');
    expect(focusedCell(el)).to.deep.equal({ row: 5, col: 0 });
    await press(el, 'PageUp');
    expect(focusedCell(el)).to.deep.equal({ row: 0, col: 0 });
    await press(el, 'Control+End');
    expect(focusedCell(el)).to.deep.equal({ row: 29, col: 2 });
    await press(el, 'ArrowDown');
    expect(focusedCell(el)).to.deep.equal({ row: 29, col: 2 });
    expect(tabStops(el)).to.equal(1);
    expect(el.moves.at(-1)).to.deep.equal({ row: 29, col: 2 });
  });

  it('activates a cell with Enter or Space, and leaves the keys of a button inside it alone', async () => {
    const el = await fixture<GridHost>(html`<test-grid-host></test-grid-host>`);
    el.keys.cellAt({ row: 1, col: 1 })!.focus();
    await el.updateComplete;
    await press(el, 'Enter');
    await press(el, ' ');
    expect(el.activated).to.deep.equal([
      [{ row: 1, col: 1 }, 'Enter'],
      [{ row: 1, col: 1 }, ' '],
    ]);
    el.shadowRoot!.querySelector<HTMLElement>('[data-row="1"][data-col="2"] button')!.focus();
    await press(el, 'Enter');
    expect(el.activated).to.have.length(2);
  });

  it('a click on a cell moves the tab stop there; clamp() keeps it on the rows left', async () => {
    const el = await fixture<GridHost>(html`<test-grid-host></test-grid-host>`);
    el.keys.cellAt({ row: 20, col: 1 })!.focus();
    await el.updateComplete;
    expect(el.keys.focus).to.deep.equal({ row: 20, col: 1 });
    el.count = 4;
    el.keys.clamp();
    await el.updateComplete;
    expect(el.keys.focus).to.deep.equal({ row: 3, col: 1 });
    el.keys.clamp(true);
    expect(el.keys.focus).to.deep.equal({ row: 0, col: 1 });
  });

  it('moveCell is the APG data grid: the header is row −1, PageUp stops on the first row', () => {
    const size = { rows: 10, cols: 4, page: 3 };
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', size)).to.deep.equal({ row: -1, col: 0 });
    expect(moveCell({ row: -1, col: 0 }, 'ArrowUp', size)).to.deep.equal({ row: -1, col: 0 });
    expect(moveCell({ row: 2, col: 3 }, 'Home', size, true)).to.deep.equal({ row: 0, col: 0 });
    expect(moveCell({ row: 8, col: 1 }, 'PageDown', size)).to.deep.equal({ row: 9, col: 1 });
    expect(moveCell({ row: 2, col: 1 }, 'PageUp', size)).to.deep.equal({ row: 0, col: 1 });
    expect(moveCell({ row: 2, col: 1 }, 'a', size)).to.equal(null);
  });
});
