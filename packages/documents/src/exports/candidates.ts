import { LABELS, examTypeLabel, type CandidateRow } from '@clr/domain';
import type { CsvColumn, CsvContext } from '../csv/writer.js';

const fullName = (r: CandidateRow) => `${r.lastName} ${r.firstName}`;
const groupNames = (r: CandidateRow) => r.groups.map((g) => g.name).join(', ');
const status = (r: CandidateRow, c: CsvContext) => LABELS[c.locale].candidateStatus[r.status];
const validation = (r: CandidateRow, c: CsvContext) => (r.validation ? LABELS[c.locale].validation[r.validation] : '');
const examType = (r: CandidateRow) => examTypeLabel(r.examType);
const date = (r: CandidateRow, c: CsvContext) => c.formatDate(r.date);

/**
 * « Exporter le tableau » of « Candidats » (§6.2). The manual's seven columns,
 * plus « Validation » after the status: R20 exports what the table shows, and
 * the table shows it (§6.1).
 */
export const CANDIDATE_COLUMNS: readonly CsvColumn<CandidateRow>[] = [
  { key: 'name', header: { fr: 'Nom et prénom', en: 'Full name' }, value: fullName },
  { key: 'email', header: { fr: 'Courriel (identifiant)', en: 'E-mail (login)' }, value: (r) => r.email },
  { key: 'groups', header: { fr: 'Groupe', en: 'Group' }, value: groupNames },
  { key: 'status', header: { fr: "Statut du passage de l'examen", en: 'Exam status' }, value: status },
  { key: 'validation', header: { fr: 'Validation', en: 'Validation' }, value: validation },
  { key: 'examType', header: { fr: "Type d'examen attribué", en: 'Assigned exam type' }, value: examType },
  { key: 'score', header: { fr: 'Score obtenu', en: 'Score' }, value: (r) => r.score },
  { key: 'date', header: { fr: 'Date de passage', en: 'Exam date' }, value: date },
];

/** « Exporter le tableau » of a group's candidates (§5.7), with « Validation » as in §6.2. */
export const GROUP_CANDIDATE_COLUMNS: readonly CsvColumn<CandidateRow>[] = [
  { key: 'name', header: { fr: 'Nom', en: 'Name' }, value: fullName },
  { key: 'email', header: { fr: 'E-mail', en: 'E-mail' }, value: (r) => r.email },
  { key: 'groups', header: { fr: 'Groupe', en: 'Group' }, value: groupNames },
  { key: 'status', header: { fr: "Statut du passage de l'examen", en: 'Exam status' }, value: status },
  { key: 'validation', header: { fr: 'Validation', en: 'Validation' }, value: validation },
  { key: 'examType', header: { fr: "Type d'examen", en: 'Exam type' }, value: examType },
  { key: 'score', header: { fr: 'Score obtenu', en: 'Score' }, value: (r) => r.score },
  { key: 'date', header: { fr: 'Date de passage', en: 'Exam date' }, value: date },
];
