import { z } from 'zod';
import { DocumentKind } from '../shared/enums.js';
import { fr } from '../i18n/messages.js';
import { blankAsAbsent, candidateIdsField, idField, pageShape, searchField } from './fields.js';

/** The `:kind` of `/documents/:kind`: `report` | `registration` | `attendance` (§6.10–6.12). */
export const DocumentKindParam = z.enum(DocumentKind.options, { error: fr('documentKind.invalid') });

/** `GET /documents/:kind/eligible` query: the list of candidates whose document exists (R18), searchable. */
export const DocumentsEligibleQuery = z.object({
  kind: DocumentKindParam,
  q: searchField,
  groupId: blankAsAbsent(idField('groupId.invalid')),
  ...pageShape,
});
export type DocumentsEligibleQuery = z.output<typeof DocumentsEligibleQuery>;

/** `GET /documents/:kind?candidateIds=…`: the merged PDF of the chosen candidates (R18: all eligible or refused). */
export const DocumentsQuery = z.object({
  kind: DocumentKindParam,
  candidateIds: candidateIdsField({ fromQuery: true }),
});
export type DocumentsQuery = z.output<typeof DocumentsQuery>;
