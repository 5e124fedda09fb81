import { ActivationCodeList, CandidateList, EligibleCandidateList, type DocumentKind } from '@clr/domain';
import type { ClrFile } from '../core/file.js';
import { listPromise, type ListPromise } from '../core/pagination.js';
import type { CallOptions } from '../core/transport.js';
import type { ActivationCodeParams, CandidateListParams, DocumentsEligibleParams } from '../schemas.js';
import { Resource, seg } from './resource.js';

/** Activation codes (§6.7, R15). */
export class CodesResource extends Resource {
  /** « Afficher les codes »: of the chosen candidates (`candidateIds`) or of those the filters select. */
  list(params: ActivationCodeParams = {}, options?: CallOptions): ListPromise<ActivationCodeList> {
    const page = (cursor: string | undefined) =>
      this.http.json({ method: 'GET', path: 'activation-codes', query: { ...params, ...(cursor ? { cursor } : {}) }, schema: ActivationCodeList, options });
    return listPromise(page(params.cursor), page);
  }

  /** The selection dialog of « Afficher les codes »: the candidates holding a live code (the table's filters), without the codes. */
  candidates(params: CandidateListParams = {}, options?: CallOptions): ListPromise<CandidateList> {
    const page = (cursor: string | undefined) =>
      this.http.json({ method: 'GET', path: 'activation-codes/candidates', query: { ...params, ...(cursor ? { cursor } : {}) }, schema: CandidateList, options });
    return listPromise(page(params.cursor), page);
  }

  /** « Exporter » the codes (R20). */
  exportCsv(params: Omit<ActivationCodeParams, 'cursor' | 'limit'> = {}, options?: CallOptions): Promise<ClrFile> {
    return this.http.file({ method: 'GET', path: 'activation-codes/export.csv', query: { ...params }, options }, 'text/csv');
  }
}

/** How the documents of several candidates come: one merged PDF, or a ZIP of one PDF each. */
export type DocumentFormat = 'pdf' | 'zip';

/** Detailed reports and certificates (§6.10–6.12, R18). */
export class DocumentsResource extends Resource {
  /** The candidates whose document of this kind exists (« Générer des documents »). */
  eligible(kind: DocumentKind, params: DocumentsEligibleParams = {}, options?: CallOptions): ListPromise<EligibleCandidateList> {
    const page = (cursor: string | undefined) =>
      this.http.json({
        method: 'GET',
        path: `documents/${seg(kind)}/eligible`,
        query: { ...params, ...(cursor ? { cursor } : {}) },
        schema: EligibleCandidateList,
        options,
      });
    return listPromise(page(params.cursor), page);
  }

  /**
   * The chosen candidates' documents merged into one PDF, or with
   * `{ format: 'zip' }` one PDF per candidate in a ZIP
   * (`attestation-de-passage_DUPONT_Marie.pdf`, …); any not eligible →
   * `NotEligibleError` naming them, and nothing is built.
   */
  download(kind: DocumentKind, candidateIds: string[], options: CallOptions & { format?: DocumentFormat } = {}): Promise<ClrFile> {
    const { format, ...call } = options;
    const zip = format === 'zip';
    return this.http.file(
      { method: 'GET', path: `documents/${seg(kind)}`, query: { candidateIds, ...(zip ? { format } : {}) }, options: call },
      zip ? 'application/zip' : 'application/pdf',
    );
  }
}
