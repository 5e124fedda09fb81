/**
 * Activation codes (§6.7) and documents (§6.10–6.12): the codes as JSON and
 * CSV, the candidates holding one, the candidates whose document exists, and
 * the merged PDF.
 */
import { ActivationCodesQuery, CandidateListQuery, DocumentKindParam, DocumentsEligibleQuery, DocumentsQuery, LABELS } from '@clr/domain';
import { documents } from '../http/lazy.js';
import { file, json, SPACE, type MockContext, type RouteSpec } from '../http/route.js';
import { buildDocuments, candidatesWithCode, listActivationCodes, listEligible } from '../services/documents.js';

const PLURAL_TITLES = { report: 'Bilans détaillés', registration: "Attestations d'inscription", attendance: 'Attestations de passage' } as const;

function kindOf(ctx: MockContext) {
  return ctx.parse(DocumentKindParam, ctx.params.kind, 'param');
}

export const documentRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/activation-codes/export.csv',
    auth: SPACE,
    async handle(ctx) {
      const d = await documents();
      const query = ctx.parse(ActivationCodesQuery, ctx.query(), 'query');
      const rows = listActivationCodes(ctx.store, ctx.spaceId(), { ...query, cursor: undefined, limit: Number.POSITIVE_INFINITY }).data;
      return file(d.toCsv(d.ACTIVATION_CODE_COLUMNS, rows), d.CSV_CONTENT_TYPE, d.exportFileName(d.EXPORT_FILE_BASES.activationCodes, ctx.store.now()));
    },
  },
  {
    method: 'get',
    path: '/activation-codes/candidates',
    auth: SPACE,
    handle: (ctx) => json(candidatesWithCode(ctx.store, ctx.spaceId(), ctx.parse(CandidateListQuery, ctx.query(), 'query'))),
  },
  {
    method: 'get',
    path: '/activation-codes',
    auth: SPACE,
    handle: (ctx) => json(listActivationCodes(ctx.store, ctx.spaceId(), ctx.parse(ActivationCodesQuery, ctx.query(), 'query'))),
  },
  {
    method: 'get',
    path: '/documents/:kind/eligible',
    auth: SPACE,
    handle(ctx) {
      const kind = kindOf(ctx);
      const query = ctx.parse(DocumentsEligibleQuery, { ...ctx.query(), kind }, 'query');
      return json(listEligible(ctx.store, ctx.spaceId(), query));
    },
  },
  {
    method: 'get',
    path: '/documents/:kind',
    auth: SPACE,
    async handle(ctx) {
      const d = await documents();
      const kind = kindOf(ctx);
      const { candidateIds } = ctx.parse(DocumentsQuery, { ...ctx.query(), kind }, 'query');
      const pdf = buildDocuments(ctx.store, ctx.spaceId(), kind, candidateIds, d.buildMergedDocument);
      const title = candidateIds.length === 1 ? LABELS.fr.documentKind[kind] : PLURAL_TITLES[kind];
      const response = file(pdf as Uint8Array<ArrayBuffer>, d.PDF_CONTENT_TYPE, d.exportFileName(title, ctx.store.now(), 'pdf'));
      response.headers.set('Content-Disposition', response.headers.get('Content-Disposition')?.replace('attachment', 'inline') ?? 'inline');
      return response;
    },
  },
];
