import { ClrOrdersTable } from '../orders-table/orders-table.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-orders-table', ClrOrdersTable);

declare global {
  interface HTMLElementTagNameMap {
    'clr-orders-table': ClrOrdersTable;
  }
}
