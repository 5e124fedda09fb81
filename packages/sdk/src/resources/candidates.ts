import { AttemptList, CandidateDetail, CandidateList, type CandidateRow } from '@clr/domain';
import type { ClrFile } from '../core/file.js';
import { autoPaging, listPromise, type AutoPaging, type ListPromise } from '../core/pagination.js';
import type { CallOptions, ListCallOptions } from '../core/transport.js';
import type { CandidateCreateParams, CandidateListParams, CandidateUpdateParams } from '../schemas.js';
import { Resource, seg } from './resource.js';

/** `/candidates` (§6). */
export class CandidatesResource extends Resource {
  /**
   * A page of the candidates table (§6.1) with its `total` and `counts` per
   * status; hidden candidates (R12) only with `includeHidden: true`.
   * `for await (const c of client.candidates.list(f))` walks every page.
   */
  list(params: CandidateListParams = {}, options?: ListCallOptions<CandidateList>): ListPromise<CandidateList> {
    const page = (cursor: string | undefined) =>
      this.http.cachedJson({ method: 'GET', path: 'candidates', query: { ...params, ...(cursor ? { cursor } : {}) }, schema: CandidateList, options }, options);
    return listPromise(page(params.cursor), page);
  }

  /** Every candidate matching the filters, fetched page by page as the loop asks (`for await … of`). */
  listAll(params: Omit<CandidateListParams, 'cursor'> = {}, options?: CallOptions): AutoPaging<CandidateRow> {
    const page = (cursor: string | undefined) =>
      this.http.json({ method: 'GET', path: 'candidates', query: { ...params, ...(cursor ? { cursor } : {}) }, schema: CandidateList, options });
    return autoPaging(() => page(undefined), page);
  }

  /** The candidate's file: the pages, the current assignment, attempts and documents available. */
  retrieve(id: string, options?: CallOptions): Promise<CandidateDetail> {
    return this.http.json({ method: 'GET', path: `candidates/${seg(id)}`, schema: CandidateDetail, options });
  }

  /** « Créer un candidat » (§6.3). The e-mail is unique on the platform. */
  create(params: CandidateCreateParams, options?: CallOptions): Promise<CandidateDetail> {
    return this.http.json({ method: 'POST', path: 'candidates', body: params, schema: CandidateDetail, options });
  }

  /** « Modifier le dossier » (§6.4): refused once the candidate has taken an exam (R11, `CandidateLockedError`). */
  update(id: string, patch: CandidateUpdateParams, options?: CallOptions): Promise<CandidateDetail> {
    return this.http.json({ method: 'PATCH', path: `candidates/${seg(id)}`, body: patch, schema: CandidateDetail, options });
  }

  /** « Supprimer un candidat » (§6.8): only without any attempt or current assignment (R10, `CandidateNotDeletableError`). */
  delete(id: string, options?: CallOptions): Promise<void> {
    return this.http.empty({ method: 'DELETE', path: `candidates/${seg(id)}`, options });
  }

  /** « Exporter le tableau » (§6.2, R20): the table as displayed (same filters, search and sort). */
  exportCsv(params: Omit<CandidateListParams, 'cursor' | 'limit'> = {}, options?: CallOptions): Promise<ClrFile> {
    return this.http.file({ method: 'GET', path: 'candidates/export.csv', query: { ...params }, options }, 'text/csv');
  }
}

/** `GET /candidates/:id/attempts`: a candidate's taken exams, latest first (§6.9). */
export class AttemptsResource extends Resource {
  list(candidateId: string, options?: CallOptions): Promise<AttemptList> {
    return this.http.json({ method: 'GET', path: `candidates/${seg(candidateId)}/attempts`, schema: AttemptList, options });
  }
}
