/**
 * §6.10–6.12 « Générer des documents » (R18): the candidates whose document
 * exists, and the chosen candidates' documents merged into one PDF — or, with
 * `format=zip` (beyond the manual), one PDF each in a streamed ZIP.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { DocumentKindParam, DocumentsEligibleQuery, DocumentsQuery, EligibleCandidateList } from '@clr/domain';
import { DOCUMENT_FILE_BASES, PDF_CONTENT_TYPE, documentFileName, exportFileName } from '@clr/documents';
import { requireActor, spaceIdOf } from '../http/auth.js';
import { createRouter, jsonResponse, problems } from '../http/openapi.js';
import { buildDocuments, documentsZip, listEligible } from '../services/documents.js';

/** `report` (bilan détaillé), `registration` or `attendance` (attestations). */
const KindParam = z.object({ kind: DocumentKindParam });

/** The selection, and whether it comes as one merged PDF (default) or a ZIP of one PDF per candidate. */
const DownloadQuery = DocumentsQuery.omit({ kind: true }).extend({
  format: z
    .enum(['pdf', 'zip'])
    .default('pdf')
    .openapi({ description: '`pdf` : un seul PDF fusionné (par défaut) ; `zip` : une archive ZIP, un PDF par candidat.' }),
});

const ZIP_CONTENT_TYPE = 'application/zip';

const eligibleRoute = createRoute({
  method: 'get',
  path: '/{kind}/eligible',
  operationId: 'listDocumentCandidates',
  tags: ['documents'],
  summary: 'Les candidats dont le document existe (R18, « Générer des documents » §6.10–6.12) : recherche, groupe, pages',
  request: { params: KindParam, query: DocumentsEligibleQuery.omit({ kind: true }) },
  responses: { 200: jsonResponse(EligibleCandidateList, 'Les candidats éligibles, par nom.'), ...problems(400, 401, 403) },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/{kind}',
  operationId: 'downloadDocuments',
  tags: ['documents'],
  summary: 'Les documents des candidats choisis, fusionnés en un seul PDF (§6.10 : une page par candidat), ou un PDF par candidat dans un ZIP',
  description:
    "Tout ou rien (R18) : un candidat sans ce document refuse la demande (`not_eligible`, `candidateIds`) ; un identifiant inconnu de l'espace répond 404. " +
    'Avec `format=zip`, une archive envoyée au fil de la fabrication, un fichier par candidat nommé « attestation-de-passage_DUPONT_Marie.pdf » (les homonymes numérotés).',
  request: { params: KindParam, query: DownloadQuery },
  responses: {
    200: {
      description: 'Le PDF fusionné, ou l’archive ZIP.',
      content: {
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
        [ZIP_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...problems(400, 401, 403, 404, 409),
  },
});

/** `/documents` of the caller's space. */
export function documentRoutes() {
  const router = createRouter();
  router.use('*', requireActor('admin', 'apiKey'));
  return router
    .openapi(eligibleRoute, async (c) => c.json(await listEligible(c.get('deps'), spaceIdOf(c), c.req.valid('param').kind, c.req.valid('query')), 200))
    .openapi(downloadRoute, async (c) => {
      const deps = c.get('deps');
      const { kind } = c.req.valid('param');
      const { candidateIds, format } = c.req.valid('query');
      if (format === 'zip') {
        const archive = await documentsZip(deps, spaceIdOf(c), kind, candidateIds);
        return new Response(archive, {
          status: 200,
          headers: {
            'Content-Type': ZIP_CONTENT_TYPE,
            'Content-Disposition': `attachment; filename="${exportFileName(DOCUMENT_FILE_BASES[kind].many, deps.now(), 'zip')}"`,
            'Cache-Control': 'no-store',
            'X-Content-Type-Options': 'nosniff',
          },
        });
      }
      const { pdf, singleName } = await buildDocuments(deps, spaceIdOf(c), kind, candidateIds);
      const name = documentFileName(kind, deps.now(), singleName ?? undefined);
      return new Response(pdf as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: {
          'Content-Type': PDF_CONTENT_TYPE,
          'Content-Disposition': `inline; filename="${name}"`,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        },
      });
    });
}
