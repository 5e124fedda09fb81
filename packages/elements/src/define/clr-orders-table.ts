// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrOrdersTable } from '../orders-table/orders-table.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-orders-table', ClrOrdersTable);

declare global {
  interface HTMLElementTagNameMap {
    'clr-orders-table': ClrOrdersTable;
  }
}
