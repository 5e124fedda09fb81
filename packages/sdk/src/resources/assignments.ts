import { listPromise, type ListPromise } from '../core/pagination.js';
import type { CallOptions } from '../core/transport.js';
import {
  AssignmentResult,
  AssignmentResultList,
  BulkRemoval,
  EligibleList,
  type EligibleParams,
  type AssignmentParams,
  type BulkAssignParams,
  type BulkRemoveParams,
} from '../schemas.js';
import { Resource, seg } from './resource.js';

/** Exams given to candidates (§6.5, §6.6). */
export class AssignmentsResource extends Resource {
  /**
   * « Attribuer une certification » (R5): consumes one credit of the type (the
   * lot that expires soonest, R4); a dated type needs `scheduledAt`, a La Poste
   * one a `sessionId` with a free seat; a partner-supervised one gets an
   * activation code. Not retried: a lost answer could mean the credit is spent.
   */
  assign(candidateId: string, params: AssignmentParams, options?: CallOptions): Promise<AssignmentResult> {
    return this.http.json({ method: 'POST', path: `candidates/${seg(candidateId)}/assignment`, body: params, schema: AssignmentResult, options });
  }

  /** « Modifier l'attribution » (R6): only an untaken exam; its credit goes back, the new type consumes one. */
  modify(candidateId: string, params: AssignmentParams, options?: CallOptions): Promise<AssignmentResult> {
    return this.http.json({ method: 'PUT', path: `candidates/${seg(candidateId)}/assignment`, body: params, schema: AssignmentResult, options });
  }

  /** « Supprimer l'attribution » (R7): only an untaken exam; its credit goes back to the stock. */
  remove(candidateId: string, params: { notify?: boolean } = {}, options?: CallOptions): Promise<void> {
    return this.http.empty({ method: 'DELETE', path: `candidates/${seg(candidateId)}/assignment`, query: { notify: params.notify }, options });
  }

  /** « Attribuer les certifications » to a selection (R8): all or nothing (`OutOfStockError` with `needed`/`available`, `NotEligibleError` with `candidateIds`). */
  bulk(params: BulkAssignParams, options?: CallOptions): Promise<AssignmentResultList> {
    return this.http.json({ method: 'POST', path: 'assignments/bulk', body: params, schema: AssignmentResultList, options });
  }

  /**
   * The candidates a bulk action may take (§6.6): `action: 'assign'` lists those
   * without a current exam (and `available` the stock of `examType`),
   * `action: 'remove'` those with an untaken one. Same filters as the table.
   */
  eligible(params: EligibleParams, options?: CallOptions): ListPromise<EligibleList> {
    const page = (cursor: string | undefined) =>
      this.http.json({ method: 'GET', path: 'assignments/eligible', query: { ...params, ...(cursor ? { cursor } : {}) }, schema: EligibleList, options });
    return listPromise(page(params.cursor), page);
  }

  /** « Supprimer les attributions » of a selection (R8): all or nothing. */
  bulkRemove(params: BulkRemoveParams, options?: CallOptions): Promise<BulkRemoval> {
    return this.http.json({ method: 'POST', path: 'assignments/bulk-delete', body: params, schema: BulkRemoval, options });
  }
}
