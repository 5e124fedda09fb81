import { assignmentActions } from './en/assignment-actions.js';
import { assignDialog } from './en/assign-dialog.js';
import { bulkAssignmentsDialog } from './en/bulk-assignments-dialog.js';
import { candidateFile } from './en/candidate-file.js';
import { candidateForm } from './en/candidate-form.js';
import { candidatesTable } from './en/candidates-table.js';
import { codesDialog } from './en/codes-dialog.js';
import { common } from './en/common.js';
import { documentsDialog } from './en/documents-dialog.js';
import { orderCart } from './en/order-cart.js';
import { ordersTable } from './en/orders-table.js';
import { groupsTable } from './en/groups-table.js';
import { groupDialog } from './en/group-dialog.js';
import { associateDialog } from './en/associate-candidates-dialog.js';
import { resultCard } from './en/result-card.js';
import { sessionPicker } from './en/session-picker.js';
import type { Catalogue } from './fr.js';

export const en: Catalogue = { common, candidatesTable, orderCart, codesDialog, groupsTable, groupDialog, associateDialog, candidateForm, resultCard, candidateFile, documentsDialog, ordersTable, sessionPicker, assignDialog, bulkAssignmentsDialog, assignmentActions };
