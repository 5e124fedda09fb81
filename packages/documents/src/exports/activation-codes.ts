import { LABELS, type ActivationCodeRow } from '@clr/domain';
import type { CsvColumn } from '../csv/writer.js';

/** « Exporter » of « Afficher les codes d'activation » (§6.7). */
export const ACTIVATION_CODE_COLUMNS: readonly CsvColumn<ActivationCodeRow>[] = [
  { key: 'lastName', header: { fr: 'Nom', en: 'Last name' }, value: (r) => r.lastName },
  { key: 'firstName', header: { fr: 'Prénom', en: 'First name' }, value: (r) => r.firstName },
  { key: 'email', header: { fr: 'Courriel', en: 'E-mail' }, value: (r) => r.email },
  { key: 'status', header: { fr: 'Statut', en: 'Status' }, value: (r, c) => LABELS[c.locale].candidateStatus[r.status] },
  { key: 'date', header: { fr: 'Date de passage', en: 'Exam date' }, value: (r, c) => c.formatDate(r.date) },
  { key: 'code', header: { fr: 'Code', en: 'Code' }, value: (r) => r.code },
];
