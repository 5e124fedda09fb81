/** The grid's key moves live with the shared grid-keyboard controller; kept here for the table's imports. */
export { moveCell, type CellPosition, type GridSize } from '../shared/grid-keyboard.js';
