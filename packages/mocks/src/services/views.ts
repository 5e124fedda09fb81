/**
 * Reading a candidate as the rules see them: the history (assignments that
 * count, attempts), the row of the table (§6.1) and the file (§6.4, §6.9).
 * Every column comes from a domain function: `candidateRowSummary`,
 * `presentAssignment`, `documentsAvailable`, `isHiddenCandidate`.
 */
import {
  FRENCH_COLLATOR,
  candidateRowSummary,
  documentsAvailable,
  isHiddenCandidate,
  latestAssignment,
  presentAssignment,
  type Attempt,
  type CandidateDetail,
  type CandidateHistory,
  type CandidateRow,
  type GroupRef,
} from '@clr/domain';
import type { MockStore } from '../store/store.js';
import type { AssignmentRecord, AttemptRecord, CandidateRecord, GroupRecord } from '../store/types.js';

/** The candidate's assignments that count for the rules (neither removed nor replaced), oldest first. */
export function activeAssignments(store: MockStore, candidateId: string): AssignmentRecord[] {
  return (store.index().assignmentsByCandidate.get(candidateId) ?? []).filter((a) => a.state === 'active');
}

export function attemptsOf(store: MockStore, candidateId: string): AttemptRecord[] {
  return store.index().attemptsByCandidate.get(candidateId) ?? [];
}

/** What the status rules read: the assignments that count and every attempt. */
export function historyOf(store: MockStore, candidateId: string): CandidateHistory {
  return { assignments: activeAssignments(store, candidateId), attempts: attemptsOf(store, candidateId) };
}

/** The latest assignment that counts, taken or not (the one R5–R7 act on), or null. */
export function currentAssignment(store: MockStore, candidateId: string): AssignmentRecord | null {
  return latestAssignment(activeAssignments(store, candidateId));
}

/** The candidate's groups (records), by name. */
export function groupRecordsOf(store: MockStore, candidateId: string): GroupRecord[] {
  const index = store.index();
  const groups: GroupRecord[] = [];
  for (const m of index.membershipsByCandidate.get(candidateId) ?? []) {
    const g = index.groups.get(m.groupId);
    if (g) groups.push(g);
  }
  return groups.sort((a, b) => FRENCH_COLLATOR.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

export function groupRefs(groups: readonly GroupRecord[]): GroupRef[] {
  return groups.map((g) => ({ id: g.id, name: g.name }));
}

/** R12 In at least one hidden group? */
export function isHidden(store: MockStore, candidateId: string): boolean {
  return isHiddenCandidate(groupRecordsOf(store, candidateId));
}

/** A row of the candidates table (§6.1). */
export function candidateRow(store: MockStore, candidate: CandidateRecord, now: Date, groups = groupRecordsOf(store, candidate.id)): CandidateRow {
  const summary = candidateRowSummary(historyOf(store, candidate.id), now);
  return {
    id: candidate.id,
    civility: candidate.civility,
    lastName: candidate.lastName,
    firstName: candidate.firstName,
    email: candidate.email,
    groups: groupRefs(groups),
    lastLoginAt: candidate.lastLoginAt,
    ...summary,
  };
}

export function attemptView(a: AttemptRecord): Attempt {
  return {
    id: a.id,
    examType: a.examType,
    score: a.score,
    takenAt: a.takenAt,
    validUntil: a.validUntil,
    validation: a.validation,
    publicCode: a.publicCode,
  };
}

/** Attempts latest first (taken date, else start), as the file and `/attempts` list them. */
export function attemptsLatestFirst(attempts: readonly AttemptRecord[]): AttemptRecord[] {
  const when = (a: AttemptRecord) => Date.parse(a.takenAt ?? a.startedAt);
  return [...attempts].sort((a, b) => when(b) - when(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** `GET /candidates/:id`: the row, the five pages, the latest assignment, the attempts, the documents (R18). */
export function candidateDetail(store: MockStore, candidate: CandidateRecord, now: Date): CandidateDetail {
  const groups = groupRecordsOf(store, candidate.id);
  const history = historyOf(store, candidate.id);
  const latest = latestAssignment(history.assignments);
  return {
    ...candidateRow(store, candidate, now, groups),
    identity: {
      civility: candidate.civility,
      lastName: candidate.lastName,
      birthName: candidate.birthName,
      firstName: candidate.firstName,
      email: candidate.email,
      birthDate: candidate.birthDate,
      birthPostcode: candidate.birthPostcode,
      birthTown: candidate.birthTown,
      birthCountry: candidate.birthCountry,
    },
    information: { status: candidate.status, funding: candidate.funding },
    contact: { phone: candidate.phone, address: candidate.address, postcode: candidate.postcode, town: candidate.town, country: candidate.country },
    misc: {
      educationLevel: candidate.educationLevel,
      socioProfessionalCategory: candidate.socioProfessionalCategory,
      motherTongue: candidate.motherTongue,
    },
    credentials: { ...candidate.credentials },
    assignment: latest ? presentAssignment(latest, now) : null,
    attempts: attemptsLatestFirst(attemptsOf(store, candidate.id)).map(attemptView),
    documents: documentsAvailable(history, store.state.examTypes),
    hidden: isHiddenCandidate(groups),
  };
}

/** A candidate of the space, or 404 (another space's candidate looks unknown). */
export function findCandidate(store: MockStore, spaceId: string, id: string): CandidateRecord | undefined {
  const candidate = store.index().candidates.get(id);
  return candidate && candidate.spaceId === spaceId ? candidate : undefined;
}
