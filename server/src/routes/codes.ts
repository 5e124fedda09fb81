import { createRoute } from '@hono/zod-openapi';
import { ActivationCodeList, ActivationCodesQuery, CandidateList, CandidateListQuery } from '@clr/domain';
import { ACTIVATION_CODE_COLUMNS, EXPORT_FILE_BASES } from '@clr/documents';
import { requireActor, spaceIdOf } from '../http/auth.js';
import { csvDownload, CsvContent } from '../http/csv.js';
import { createRouter, jsonResponse, problems } from '../http/openapi.js';
import { candidatesWithCode, listActivationCodes } from '../services/codes.js';
import { activationCodeRows } from '../services/exports.js';

const listRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listActivationCodes',
  tags: ['codes'],
  summary: "Les codes d'activation (§6.7, R15) d'un candidat, d'une sélection (`candidateIds`) ou des candidats filtrés",
  description:
    "Seuls les codes en vigueur des examens surveillés par le partenaire (jamais ceux des centres La Poste). Avec `candidateIds`, chaque candidat doit avoir un tel code (`not_eligible` sinon).",
  request: { query: ActivationCodesQuery },
  responses: { 200: jsonResponse(ActivationCodeList, 'Nom, courriel, statut, date de passage et code, par nom.'), ...problems(400, 401, 403, 404, 409) },
});

const candidatesRoute = createRoute({
  method: 'get',
  path: '/candidates',
  operationId: 'listCodeCandidates',
  tags: ['codes'],
  summary: "Les candidats ayant un examen attribué avec code d'activation (fenêtre « Afficher les codes », §6.7)",
  description: 'Le tableau des candidats (recherche, filtres, tri, curseur) restreint aux candidats ayant un code en vigueur ; sans les codes.',
  request: { query: CandidateListQuery },
  responses: { 200: jsonResponse(CandidateList, 'Une page de candidats.'), ...problems(400, 401, 403) },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/export.csv',
  operationId: 'exportActivationCodes',
  tags: ['codes'],
  summary: "Exporter les codes d'activation affichés (§6.7) : même sélection ou mêmes filtres que la liste",
  description: 'CSV UTF-8 avec BOM, séparateur « ; », en-têtes français (Nom, Prénom, Courriel, Statut, Date de passage, Code), dates jj/mm/aaaa (R20), envoyé au fil de la lecture.',
  request: { query: ActivationCodesQuery },
  responses: { 200: { description: 'Les codes, en CSV.', content: CsvContent }, ...problems(400, 401, 403, 404, 409) },
});

/** `/activation-codes` of the caller's space. */
export function codeRoutes() {
  const router = createRouter();
  router.use('*', requireActor('admin', 'apiKey'));
  return router
    .openapi(listRoute, async (c) => {
      const { db, now } = c.get('deps');
      return c.json(await listActivationCodes(db, spaceIdOf(c), c.req.valid('query'), now()), 200);
    })
    .openapi(exportRoute, async (c) => {
      const { cursor: _cursor, limit: _limit, ...filters } = c.req.valid('query');
      const rows = await activationCodeRows(c.get('deps'), spaceIdOf(c), filters);
      return csvDownload(c, EXPORT_FILE_BASES.activationCodes, ACTIVATION_CODE_COLUMNS, rows);
    })
    .openapi(candidatesRoute, async (c) => {
      const { db, now } = c.get('deps');
      return c.json(await candidatesWithCode(db, spaceIdOf(c), c.req.valid('query'), now()), 200);
    });
}
