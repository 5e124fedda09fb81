/**
 * @clr/elements — the CLR Admin web components. Importing this module gives
 * the classes, events and helpers without registering any tag; register with
 * the define modules (`import '@clr/elements/define/clr-candidates-table.js'`).
 */
export { ClrElement, type ShownError } from './shared/clr-element.js';
export { clrClientContext } from './shared/context.js';
export { provideClient, type ClrClientProvider } from './shared/provide.js';
export { configure, type ConfigureOptions } from './shared/configure.js';
export { defineElement } from './shared/define.js';
export { ClrEvent } from './shared/events.js';
export { nearestLang, toLocale } from './shared/locale.js';
export { tokens } from './shared/tokens.styles.js';
export { CATALOGUES, format, type Catalogue } from './translations/index.js';
export { ClrOrderCart, parseQuantity, type CartLine } from './order-cart/order-cart.js';
export { ClrCartBackEvent, ClrCheckoutEvent, ClrOrderCreatedEvent } from './order-cart/order-cart.events.js';
export { ClrCandidatesTable, rowDeletability, type CandidateTableFilters } from './candidates-table/candidates-table.js';
/** The former name of the domain's `candidateName` (« PERRIN Zoé »). */
export { candidateName as displayName } from '@clr/domain';
export { ClrCandidateDeleteEvent, ClrCandidateOpenEvent, ClrSelectionChangeEvent, type CandidateEventDetail, type SelectionDetail } from './candidates-table/candidates-table.events.js';
export { ClrCodesDialog, CODES_PAGE_SIZE, type CodesDialogFilters } from './codes-dialog/codes-dialog.js';
/** « PERRIN Zoé »: the domain's rule, exported here as before. */
export { candidateName } from '@clr/domain';
export { ClrDialogCloseEvent } from './shared/events.js';
export { ClrOrdersTable, cleanOrderFilters, type OrderTableFilters } from './orders-table/orders-table.js';
export { isReversedPeriod } from './shared/period.js';
export { ClrOrderPayEvent, ClrOrdersLoadedEvent } from './orders-table/orders-table.events.js';
export { PagedListController, DebounceController, type ListPage, type PagedListOptions } from './shared/paged-list.js';
export { SelectionController, type SelectionOptions } from './shared/selection.js';
export { GridKeyboardController, moveCell, type CellPosition, type GridKeyboardOptions, type GridSize } from './shared/grid-keyboard.js';
export { ModalController, deepActiveElement, tabbables, type ModalOptions } from './shared/modal.js';
export { ClrGroupsTable, type GroupTableFilters } from './groups-table/groups-table.js';
export { ClrGroupChangeEvent, ClrGroupDeleteEvent, ClrGroupOpenEvent, type GroupChangeDetail, type GroupEventDetail } from './groups-table/groups-table.events.js';
export { ClrGroupDialog } from './group-dialog/group-dialog.js';
export { ClrGroupSaveEvent, type GroupSaveDetail } from './group-dialog/group-dialog.events.js';
export { ClrAssociateCandidatesDialog, ASSOCIATE_PAGE_SIZE, type AssociateFilters } from './associate-candidates-dialog/associate-candidates-dialog.js';
export { ClrCandidatesAssociateEvent, type CandidatesAssociateDetail } from './associate-candidates-dialog/associate-candidates-dialog.events.js';
export { icons, downloadBlob } from './shared/icons.js';
export { dialogStyles } from './shared/dialog.styles.js';
export { ClrCandidateForm } from './candidate-form/candidate-form.js';
export { ClrBackToTableEvent, ClrCandidateCreatedEvent, ClrCandidateSavedEvent, type CandidateSavedDetail } from './candidate-form/candidate-form.events.js';
export { ClrCandidateFile, fileDeletability, fileEditability } from './candidate-file/candidate-file.js';
export { ClrCandidateDeletedEvent } from './candidate-file/candidate-file.events.js';
export { ClrResultCard, latestTakenAttempt } from './result-card/result-card.js';
export { ClrDocumentOpenEvent, type DocumentOpenDetail } from './result-card/result-card.events.js';
export { ClrDocumentsDialog, DOCUMENTS_PAGE_SIZE } from './documents-dialog/documents-dialog.js';
export { ClrSessionPicker, freeSeats, groupSessions, sessionTime, type SessionCentre, type SessionCity } from './session-picker/session-picker.js';
export { ClrSessionBackEvent, ClrSessionSelectEvent } from './session-picker/session-picker.events.js';
export { ClrAssignDialog, assignModeOf, type AssignMode } from './assign-dialog/assign-dialog.js';
export { ClrAssignmentChangeEvent, ClrOrderRequestEvent, type AssignmentChangeDetail } from './assign-dialog/assign-dialog.events.js';
export { ExamChoiceController, type ExamOption } from './assign-dialog/exam-choice.js';
export { ClrBulkAssignmentsDialog, BULK_PAGE_SIZE, selectionLimit, type BulkFilters } from './bulk-assignments-dialog/bulk-assignments-dialog.js';
export { ClrAssignmentActions } from './assignment-actions/assignment-actions.js';
