import { z } from 'zod';
import { CandidateStatus } from '../shared/enums.js';
import { fr } from '../i18n/messages.js';
import { blankAsAbsent, candidateIdsField, idField, orderedPeriod, pageShape, periodShape, searchField } from './fields.js';

/**
 * `GET /activation-codes` (§6.7): either the chosen candidates
 * (`candidateIds=a,b,c`, « Sélectionnez les candidats de votre choix ») or the
 * filters of the selection dialog (search, status, group, period); with both,
 * the candidates are taken among the filtered ones.
 */
export const ActivationCodesQuery = z
  .object({
    candidateIds: blankAsAbsent(candidateIdsField({ fromQuery: true })),
    q: searchField,
    status: blankAsAbsent(z.enum(CandidateStatus.options, { error: fr('candidateStatus.invalid') })),
    groupId: blankAsAbsent(idField('groupId.invalid')),
    ...periodShape,
    ...pageShape,
  })
  .refine(...orderedPeriod);
export type ActivationCodesQuery = z.output<typeof ActivationCodesQuery>;
