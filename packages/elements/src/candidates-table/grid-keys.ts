/**
 * Where the keyboard moves the focus in a grid (WAI-ARIA APG « Data Grid »):
 * a pure function of the current cell, the key and the grid's size, so the
 * element only renders and focuses. Row −1 is the header row.
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

/** The cell `key` moves to, or null when the key is not a move. Ctrl+Home/End go to the first/last row. */
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
