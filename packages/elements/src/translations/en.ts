import { assignmentActions } from './en/assignment-actions.js';
import { assignDialog } from './en/assign-dialog.js';
import { bulkAssignmentsDialog } from './en/bulk-assignments-dialog.js';
import { candidatesTable } from './en/candidates-table.js';
import { codesDialog } from './en/codes-dialog.js';
import { common } from './en/common.js';
import { orderCart } from './en/order-cart.js';
import { sessionPicker } from './en/session-picker.js';
import type { Catalogue } from './fr.js';

export const en: Catalogue = { common, candidatesTable, orderCart, codesDialog, sessionPicker, assignDialog, bulkAssignmentsDialog, assignmentActions };
