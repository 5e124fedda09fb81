import { assignmentActions } from './fr/assignment-actions.js';
import { assignDialog } from './fr/assign-dialog.js';
import { bulkAssignmentsDialog } from './fr/bulk-assignments-dialog.js';
import { candidateFile } from './fr/candidate-file.js';
import { candidateForm } from './fr/candidate-form.js';
import { candidatesTable } from './fr/candidates-table.js';
import { codesDialog } from './fr/codes-dialog.js';
import { common } from './fr/common.js';
import { documentsDialog } from './fr/documents-dialog.js';
import { orderCart } from './fr/order-cart.js';
import { ordersTable } from './fr/orders-table.js';
import { groupsTable } from './fr/groups-table.js';
import { groupDialog } from './fr/group-dialog.js';
import { associateDialog } from './fr/associate-candidates-dialog.js';
import { resultCard } from './fr/result-card.js';
import { sessionPicker } from './fr/session-picker.js';

/** The French catalogue: one section per element (each in its own file), plus `common`. */
export const fr = { common, candidatesTable, orderCart, codesDialog, groupsTable, groupDialog, associateDialog, candidateForm, resultCard, candidateFile, documentsDialog, ordersTable, sessionPicker, assignDialog, bulkAssignmentsDialog, assignmentActions };

/** Every locale's catalogue has exactly this shape: a missing English string is a type error. */
export type Catalogue = typeof fr;
