import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A cell of a grid: `row` −1 is the header row, 0 the first data row.
 * Cells carry `data-row` and `data-col` attributes so the controller finds them.
 */
export interface CellPosition {
  row: number;
  col: number;
}

export interface GridSize {
  /** Data rows loaded (the header row is not counted). */
  rows: number;
  cols: number;
  /** Rows one PageUp/PageDown moves. */
  page: number;
}

/**
 * Where the keyboard moves the focus in a grid (WAI-ARIA APG « Data Grid »):
 * a pure function of the current cell, the key and the grid's size. Returns
 * null when the key is not a move. Ctrl+Home/End go to the first/last row.
 */
export function moveCell(from: CellPosition, key: string, size: GridSize, ctrl = false): CellPosition | null {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const clampRow = (row: number) => Math.max(-1, Math.min(lastRow, row));
  const clampCol = (col: number) => Math.max(0, Math.min(lastCol, col));
  switch (key) {
    case 'ArrowRight':
      return { row: from.row, col: clampCol(from.col + 1) };
    case 'ArrowLeft':
      return { row: from.row, col: clampCol(from.col - 1) };
    case 'ArrowDown':
      return { row: clampRow(from.row + 1), col: from.col };
    case 'ArrowUp':
      return { row: clampRow(from.row - 1), col: from.col };
    case 'Home':
      return ctrl ? { row: Math.min(0, lastRow), col: 0 } : { row: from.row, col: 0 };
    case 'End':
      return ctrl ? { row: lastRow, col: lastCol } : { row: from.row, col: lastCol };
    case 'PageDown':
      return { row: clampRow(from.row + size.page), col: from.col };
    case 'PageUp':
      // The header stays reachable with ArrowUp; a page up stops at the first data row.
      return from.row <= 0 ? { ...from } : { row: Math.max(0, from.row - size.page), col: from.col };
    default:
      return null;
  }
}

/** What a {@link GridKeyboardController} needs to know about its grid. */
export interface GridKeyboardOptions {
  /** Data rows loaded (the header row excluded). */
  rows: () => number;
  cols: () => number;
  /** Rows one PageUp/PageDown moves. Default: the grid's visible rows, measured, or 10. */
  pageRows?: () => number;
  /** The cell with the tab stop before any move. Default: the header of the first column. */
  initial?: CellPosition;
  /** Where the cells are (default: the host's shadow root). */
  root?: () => ParentNode | null | undefined;
  /**
   * Brings the cell into the DOM and returns it (a virtualized list scrolls to
   * it first). Default: the `[data-row][data-col]` element already there.
   */
  reveal?: (pos: CellPosition) => Promise<HTMLElement | null> | HTMLElement | null;
  /**
   * Whether a data row is in the DOM (virtualized lists). When the focused row
   * scrolled out, the header cell of its column keeps the tab stop. Default: always.
   */
  isRendered?: (row: number) => boolean;
  /** Called after each move (before the cell is focused), e.g. to load the next page near the end. */
  onMove?: (pos: CellPosition) => void;
  /**
   * Enter or Space on a cell itself (not on the checkbox or button inside it,
   * which keep their own keys).
   */
  onActivate?: (pos: CellPosition, key: 'Enter' | ' ', event: KeyboardEvent) => void;
}

/**
 * The keyboard of an ARIA grid, as a Lit reactive controller: one tab stop
 * (roving tabindex), arrows between cells, Home/End in a row, Ctrl+Home/End to
 * the first/last cell, PageUp/PageDown by a screenful. The host renders each
 * cell with `data-row`, `data-col` and `tabindex=${keys.tabIndex(row, col)}`,
 * the controls inside cells with `tabindex="-1"`, and binds
 * `@keydown=${keys.onKeyDown} @focusin=${keys.onFocusIn}` on the grid.
 */
export class GridKeyboardController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: GridKeyboardOptions;
  #focus: CellPosition;

  constructor(host: ReactiveControllerHost & HTMLElement, options: GridKeyboardOptions) {
    this.#host = host;
    this.#options = options;
    this.#focus = options.initial ?? { row: -1, col: 0 };
    host.addController(this);
  }

  /** The cell holding the tab stop. */
  get focus(): CellPosition {
    return this.#focus;
  }

  /** Moves the tab stop without focusing (the rows changed under it, say). */
  set focus(pos: CellPosition) {
    if (pos.row === this.#focus.row && pos.col === this.#focus.col) return;
    this.#focus = pos;
    this.#host.requestUpdate();
  }

  /** `tabindex` of a cell: 0 for the one tab stop, −1 for the others. */
  tabIndex(row: number, col: number): 0 | -1 {
    const focus = this.#focus;
    const rendered = focus.row < 0 || focus.row >= this.#options.rows() ? focus.row < 0 : (this.#options.isRendered?.(focus.row) ?? true);
    if (focus.row === row && focus.col === col) return rendered ? 0 : -1;
    // The focused row is not in the DOM: the header cell of its column keeps the tab stop.
    if (row < 0 && !rendered && focus.col === col) return 0;
    return -1;
  }

  /** Keeps the tab stop on the rows that exist: call when the rows change (after a load, a deletion). */
  clamp(toFirstRow = false): void {
    const rows = this.#options.rows();
    const { row, col } = this.#focus;
    const last = rows - 1;
    const next = toFirstRow ? Math.min(row, rows > 0 ? 0 : -1) : Math.min(row, last);
    this.focus = { row: next, col: Math.min(col, this.#options.cols() - 1) };
  }

  /** Moves the tab stop to `pos` and focuses that cell. */
  async moveTo(pos: CellPosition): Promise<void> {
    this.focus = pos;
    this.#options.onMove?.(pos);
    await (this.#host as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
    const cell = this.#options.reveal ? await this.#options.reveal(pos) : this.cellAt(pos);
    cell?.focus();
  }

  /** The cell element at `pos`, if it is in the DOM. */
  cellAt(pos: CellPosition): HTMLElement | null {
    const root = this.#options.root?.() ?? this.#host.shadowRoot ?? this.#host;
    return root.querySelector<HTMLElement>(`[data-row="${pos.row}"][data-col="${pos.col}"]`);
  }

  /** Before each render: the tab stop never stays on a row that is gone (the list got shorter). */
  hostUpdate(): void {
    const last = this.#options.rows() - 1;
    if (this.#focus.row > last) this.#focus = { row: last, col: this.#focus.col };
  }

  /** Bind on the grid: `@keydown=${keys.onKeyDown}`. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    const path = event.composedPath() as HTMLElement[];
    const target = path[0];
    const cell = this.#cellOf(path);
    if (!cell || !target) return;
    const pos = { row: Number(cell.dataset['row']), col: Number(cell.dataset['col']) };
    const size = { rows: this.#options.rows(), cols: this.#options.cols(), page: this.#options.pageRows?.() ?? this.#measurePage(cell) };
    const move = moveCell(pos, event.key, size, event.ctrlKey || event.metaKey);
    if (move) {
      event.preventDefault();
      void this.moveTo(move);
      return;
    }
    // Inside a cell, its checkbox or button keeps its own Enter and Space.
    if (target !== cell || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    this.#options.onActivate?.(pos, event.key, event);
  };

  /** Bind on the grid: `@focusin=${keys.onFocusIn}` (a click on a cell moves the tab stop there). */
  readonly onFocusIn = (event: FocusEvent): void => {
    const cell = this.#cellOf(event.composedPath() as HTMLElement[]);
    if (!cell) return;
    this.focus = { row: Number(cell.dataset['row']), col: Number(cell.dataset['col']) };
  };

  #cellOf(path: EventTarget[]): HTMLElement | undefined {
    return path.find((n): n is HTMLElement => n instanceof HTMLElement && n.dataset?.['col'] !== undefined && n.dataset?.['row'] !== undefined);
  }

  #measurePage(cell: HTMLElement): number {
    const row = cell.closest('[role="row"]') as HTMLElement | null;
    const scroller = row?.parentElement;
    const height = row?.offsetHeight ?? 0;
    return height > 0 && scroller && scroller.clientHeight > 0 ? Math.max(1, Math.floor(scroller.clientHeight / height) - 1) : 10;
  }
}
