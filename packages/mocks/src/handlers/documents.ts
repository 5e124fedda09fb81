/**
 * Activation codes (§6.7) and documents (§6.10–6.12): the codes as JSON and
 * CSV, the candidates holding one, the candidates whose document exists, and
 * the merged PDF.
 */
import { ActivationCodesQuery, CandidateListQuery, DocumentKindParam, DocumentsEligibleQuery, DocumentsQuery, fr, type DocumentKind } from '@clr/domain';
import { validationFailed } from '../http/problem.js';
import { documents } from '../http/lazy.js';
import { file, json, SPACE, type MockContext, type RouteSpec } from '../http/route.js';
import { buildDocuments, candidatesWithCode, listActivationCodes, listEligible } from '../services/documents.js';
import { storedZip, zipEntryNames } from './documents-zip.js';

/** The `:kind` of the address (`report`, `registration`, `attendance`), or the server's 400 naming it. */
function kindOf(ctx: MockContext): DocumentKind {
  const kind = DocumentKindParam.safeParse(ctx.params.kind);
  if (!kind.success) throw validationFailed([{ path: 'kind', message: fr('documentKind.invalid') }], "L'adresse demandée contient un identifiant invalide.");
  return kind.data;
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
      const { format, ...query } = ctx.query();
      const { candidateIds } = ctx.parse(DocumentsQuery, { ...query, kind }, 'query');
      if (format !== undefined && format !== 'pdf' && format !== 'zip') {
        throw validationFailed([{ path: 'format', message: 'Le format doit être « pdf » ou « zip ».' }], "L'adresse demandée contient un paramètre invalide.");
      }
      if (format === 'zip') {
        // Checked all or nothing first, as for the merged PDF; then one PDF each.
        let items: Parameters<typeof d.buildMergedDocument>[1] = [];
        buildDocuments(ctx.store, ctx.spaceId(), kind, candidateIds, (_kind, chosen) => ((items = chosen), new Uint8Array()));
        const names = zipEntryNames(kind, items.map((item) => item.candidate));
        const zip = storedZip(items.map((item, i) => ({ name: names[i] as string, data: d.buildDocument(kind, item, { catalogue: ctx.store.state.examTypes }) })));
        const name = d.exportFileName(d.DOCUMENT_FILE_BASES[kind].many, ctx.store.now(), 'zip');
        return file(zip as Uint8Array<ArrayBuffer>, 'application/zip', name);
      }
      const { pdf, singleName } = buildDocuments(ctx.store, ctx.spaceId(), kind, candidateIds, d.buildMergedDocument);
      const name = d.documentFileName(kind, ctx.store.now(), singleName ?? undefined);
      // « s'affichent dans votre navigateur » (§6.10): inline.
      return new Response(pdf as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: { 'Content-Type': d.PDF_CONTENT_TYPE, 'Content-Disposition': `inline; filename="${name}"` },
      });
    },
  },
];
