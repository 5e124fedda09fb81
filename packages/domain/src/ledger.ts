// Orders, stock, assignments and candidate status (R1–R9, R19): pure rules that
// return complete plans; the server and the mocks load state, call, and apply.
// (Order output schemas live in ./orders/schemas.ts, exported by index.ts.)

export { MAX_ORDER_QUANTITY, validateOrderRequest } from './orders/validate-order.js';
export type { OrderRequestLine, ValidatedOrderLine } from './orders/validate-order.js';
export { DEFAULT_VAT_RATE_BP, lineTotals, orderCountsInTotals, orderTotals, sumMoney } from './orders/totals.js';
export type { VatRateBp } from './orders/totals.js';
export { formatMoney } from './orders/format-money.js';
export { DEFAULT_VALIDITY_MONTHS, planCancellation, planDelivery } from './orders/lifecycle.js';
export type { CancellationPlan, DeliveryPlan, NewCreditLot, OrderLineRecord, OrderRecord } from './orders/lifecycle.js';
export { orderLineRemaining, orderSection, presentOrder } from './orders/section.js';

export { compareLotsForConsumption, isLotConsumable, isLotExpired } from './stock/lots.js';
export type { CreditLot } from './stock/lots.js';
export { availableCredits, expandTakes, pickLot, pickLots } from './stock/pick.js';
export type { LotTake } from './stock/pick.js';
export { Stock, stockOf } from './stock/stock.js';
export type { StockOfType, StockOptions } from './stock/stock.js';
export { LOW_STOCK_THRESHOLD, stockLevel } from './stock/low-stock.js';
export type { StockLevel } from './stock/low-stock.js';

export { AssignmentState, AssignmentView, ExamSession } from './assignments/types.js';
export type { AssignmentSnapshot, NewAssignment, Release, SeatChange } from './assignments/types.js';
export {
  assignmentState,
  isAssignmentTaken,
  isCurrentAssignment,
  isEligibleForAssignment,
  isEligibleForRemoval,
  latestAssignment,
  presentAssignment,
} from './assignments/state.js';
export { resolveSchedule, scheduleErrors } from './assignments/schedule.js';
export type { Schedule, ScheduleChoice } from './assignments/schedule.js';
export { planAssign } from './assignments/assign.js';
export type { AssignInput, AssignPlan } from './assignments/assign.js';
export { planModify } from './assignments/modify.js';
export type { ModifyInput, ModifyPlan } from './assignments/modify.js';
export { planRemove } from './assignments/remove.js';
export type { RemoveInput, RemovePlan } from './assignments/remove.js';
export { planBulkAssign, planBulkRemove } from './assignments/bulk.js';
export type { BulkAssignInput, BulkAssignPlan, BulkCandidate, BulkRemoveInput, BulkRemovePlan } from './assignments/bulk.js';

export {
  candidateRowSummary,
  candidateStage,
  candidateStatus,
  hasCurrentAssignment,
  latestAttempt,
  statusFromStage,
} from './candidates/status.js';
export type { AttemptSnapshot, CandidateHistory, CandidateRowSummary, CandidateStage } from './candidates/status.js';
