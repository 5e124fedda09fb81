import { ClrGroupsTable } from '../groups-table/groups-table.js';
import { defineElement } from '../shared/define.js';
// « Créer un groupe » opens the group dialog inside the table.
import './clr-group-dialog.js';

defineElement('clr-groups-table', ClrGroupsTable);

declare global {
  interface HTMLElementTagNameMap {
    'clr-groups-table': ClrGroupsTable;
  }
}
