/**
 * R20 — « Exporter le tableau » of the groups (§5.2), a group's candidates
 * (§5.7) and the candidates (§6.2): the rows the same listing shows with the
 * same query (search, filters, sort; hidden candidates only when asked, R12),
 * streamed page by page through the documents package's CSV (BOM, `;`, CRLF,
 * French headers, neutralised cells). Mounted before the groups and candidates
 * routers so that `export.csv` is never read as an `:id`.
 */
import { createRoute } from '@hono/zod-openapi';
import { CandidateListQuery, GroupListQuery } from '@clr/domain';
import { CANDIDATE_COLUMNS, EXPORT_FILE_BASES, GROUP_CANDIDATE_COLUMNS, GROUP_COLUMNS } from '@clr/documents';
import { requireActor, spaceIdOf } from '../http/auth.js';
import { csvDownload, CsvContent } from '../http/csv.js';
import { createRouter, IdParam, problems } from '../http/openapi.js';
import { candidateRows, groupCandidateRows, groupRows } from '../services/exports.js';

const space = () => [requireActor('admin', 'apiKey')];
const CSV_DESCRIPTION = 'CSV UTF-8 avec BOM, séparateur « ; », fins de ligne CRLF, en-têtes français, dates jj/mm/aaaa, cellules neutralisées (R20), envoyé au fil de la lecture.';

const groupsExport = createRoute({
  method: 'get',
  path: '/groups/export.csv',
  operationId: 'exportGroups',
  tags: ['groups'],
  middleware: space(),
  summary: 'Exporter le tableau des groupes (§5.2) : mêmes recherche, filtres et tri que la liste',
  description: CSV_DESCRIPTION,
  request: { query: GroupListQuery },
  responses: { 200: { description: 'Les groupes affichés, en CSV.', content: CsvContent }, ...problems(400, 401, 403) },
});

const groupCandidatesExport = createRoute({
  method: 'get',
  path: '/groups/{id}/candidates/export.csv',
  operationId: 'exportGroupCandidates',
  tags: ['groups'],
  middleware: space(),
  summary: "Exporter le tableau des candidats d'un groupe (§5.7) : mêmes recherche, filtres et tri que la liste",
  description: CSV_DESCRIPTION,
  request: { params: IdParam, query: CandidateListQuery },
  responses: { 200: { description: 'Les candidats du groupe, en CSV.', content: CsvContent }, ...problems(400, 401, 403, 404) },
});

const candidatesExport = createRoute({
  method: 'get',
  path: '/candidates/export.csv',
  operationId: 'exportCandidates',
  tags: ['candidates'],
  middleware: space(),
  summary: 'Exporter le tableau des candidats (§6.2) : mêmes recherche, filtres et tri que la liste ; candidats masqués avec `includeHidden`',
  description: CSV_DESCRIPTION,
  request: { query: CandidateListQuery },
  responses: { 200: { description: 'Les candidats affichés, en CSV.', content: CsvContent }, ...problems(400, 401, 403) },
});

/** The three table exports, mounted at the API root. */
export function exportRoutes() {
  const router = createRouter();
  return router
    .openapi(groupsExport, (c) => csvDownload(c, EXPORT_FILE_BASES.groups, GROUP_COLUMNS, groupRows(c.get('deps'), spaceIdOf(c), c.req.valid('query'))))
    .openapi(groupCandidatesExport, async (c) => {
      const { group, rows } = await groupCandidateRows(c.get('deps'), spaceIdOf(c), c.req.valid('param').id, c.req.valid('query'));
      return csvDownload(c, `${EXPORT_FILE_BASES.groupCandidates}-${group.name}`, GROUP_CANDIDATE_COLUMNS, rows);
    })
    .openapi(candidatesExport, (c) => csvDownload(c, EXPORT_FILE_BASES.candidates, CANDIDATE_COLUMNS, candidateRows(c.get('deps'), spaceIdOf(c), c.req.valid('query'))));
}
