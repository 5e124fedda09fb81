/**
 * Activation codes (§6.7, R15) and the three documents (§6.10–6.12, R18): who
 * has a code to show, who has a document, and the merged PDF built by
 * `@clr/documents` — all or nothing, the refused candidates named by id
 * (`assertAllEligible`).
 */
import {
  DomainError,
  assertAllEligible,
  documentEligibility,
  findExamType,
  type ActivationCodeRow,
  type ActivationCodesQuery,
  type CandidateList,
  type CandidateRow,
  type DocumentKind,
  type DocumentsEligibleQuery,
  type List,
} from '@clr/domain';
import type { CertificateData, buildMergedDocument } from '@clr/documents';
import type { MockStore } from '../store/store.js';
import type { AssignmentRecord, AttemptRecord, CandidateRecord } from '../store/types.js';
import { queryCandidates, type TableEntry, type TableFilters } from './candidate-list.js';
import { activeAssignments, attemptsOf, historyOf } from './views.js';

// ---------------------------------------------------------------------------
// Activation codes (§6.7)

/**
 * R15 — the assignment whose activation code can still open an exam at `now`:
 * it counts (neither removed nor replaced), its type is supervised by the
 * partner (never La Poste's: the centre holds its own), it is neither started
 * nor taken, its code unspent and its deadline not passed.
 */
export function liveCode(store: MockStore, candidateId: string, now: Date): AssignmentRecord | null {
  for (const a of activeAssignments(store, candidateId)) {
    if (a.activationCode === null || a.codeSpentAt !== null || a.takenAt !== null || a.attemptId !== null) continue;
    if (findExamType(a.examType, store.state.examTypes)?.supervision !== 'partner') continue;
    if (Date.parse(a.deadline) < now.getTime()) continue;
    return a;
  }
  return null;
}

/** The bulk dialog « Afficher les codes »: the candidates table restricted to those holding a live code. */
export function candidatesWithCode(store: MockStore, spaceId: string, query: TableFilters): CandidateList {
  const now = store.now();
  return queryCandidates(store, spaceId, query, now, { extra: (e) => liveCode(store, e.record.id, now) !== null });
}

/**
 * `GET /activation-codes`: rows of « Afficher les codes d'activation », by
 * name. With `candidateIds`, every chosen candidate must be the space's
 * (`not_found`) and hold a live code (`not_eligible` naming the others);
 * hidden candidates can be chosen. Without it, the filters pick them.
 * `limit: Infinity` gives every row (the export).
 */
export function listActivationCodes(store: MockStore, spaceId: string, query: Omit<ActivationCodesQuery, 'limit'> & { limit: number }): List<ActivationCodeRow> {
  const now = store.now();
  const selection = query.candidateIds;
  if (selection) {
    const index = store.index();
    const unknown = selection.filter((id) => index.candidates.get(id)?.spaceId !== spaceId);
    if (unknown.length > 0) {
      throw new DomainError('not_found', selection.length === 1 ? "Ce candidat n'existe pas." : "Des candidats sélectionnés n'existent pas.", {
        candidateIds: unknown,
      });
    }
    const without = selection.filter((id) => liveCode(store, id, now) === null);
    if (without.length > 0) {
      throw new DomainError(
        'not_eligible',
        without.length === 1
          ? "Ce candidat n'a pas d'examen attribué avec un code d'activation."
          : `${without.length} candidats n'ont pas d'examen attribué avec un code d'activation.`,
        { candidateIds: without },
      );
    }
  }
  const chosen = selection ? new Set(selection) : null;
  const page = queryCandidates(
    store,
    spaceId,
    {
      q: query.q,
      status: query.status,
      groupId: query.groupId,
      from: query.from,
      to: query.to,
      cursor: query.cursor,
      limit: query.limit,
      sort: 'name',
      includeHidden: chosen !== null,
    },
    now,
    { extra: (e) => (chosen === null || chosen.has(e.record.id)) && liveCode(store, e.record.id, now) !== null },
  );
  return {
    data: page.data.flatMap((row) => {
      const code = liveCode(store, row.id, now);
      if (!code?.activationCode) return [];
      return [{ candidateId: row.id, lastName: row.lastName, firstName: row.firstName, email: row.email, status: row.status, date: code.scheduledAt, code: code.activationCode }];
    }),
    nextCursor: page.nextCursor,
    total: page.total,
  };
}

// ---------------------------------------------------------------------------
// Documents (§6.10–6.12)

function eligible(store: MockStore, kind: DocumentKind): (entry: TableEntry) => boolean {
  return (entry) => documentEligibility(kind, historyOf(store, entry.record.id), store.state.examTypes);
}

/** `GET /documents/:kind/eligible`: the candidates whose document exists (R18), hidden ones included, by name. */
export function listEligible(store: MockStore, spaceId: string, query: DocumentsEligibleQuery): List<CandidateRow> {
  const { data, nextCursor, total } = queryCandidates(
    store,
    spaceId,
    { q: query.q, groupId: query.groupId, cursor: query.cursor, limit: query.limit, sort: 'name', includeHidden: true },
    store.now(),
    { extra: eligible(store, query.kind) },
  );
  return { data, nextCursor, total };
}

const gives = (store: MockStore, examType: string, kind: 'registration' | 'attendance') =>
  findExamType(examType, store.state.examTypes)?.documents.includes(kind) ?? false;

/** Attempts as the server orders them for a document: taken date, then start, latest first. */
function latestFirst(attempts: readonly AttemptRecord[]): AttemptRecord[] {
  const t = (v: string | null) => (v === null ? Number.NEGATIVE_INFINITY : Date.parse(v));
  return [...attempts].sort((a, b) => t(b.takenAt) - t(a.takenAt) || t(b.startedAt) - t(a.startedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** The exam (and result) a document is about: the latest one that gives it (R18 was checked before). */
function subjectOf(store: MockStore, kind: DocumentKind, candidateId: string): { assignment: AssignmentRecord; attempt: AttemptRecord | null } {
  const attempts = latestFirst(attemptsOf(store, candidateId));
  const assignments = [...activeAssignments(store, candidateId)].reverse();
  let attempt: AttemptRecord | undefined;
  if (kind === 'report') attempt = attempts.find((a) => a.validation === 'validated');
  else if (kind === 'attendance') attempt = attempts.find((a) => a.takenAt !== null && gives(store, a.examType, 'attendance'));
  else {
    const assignment = assignments.find((a) => gives(store, a.examType, 'registration'));
    if (assignment) return { assignment, attempt: attempts.find((a) => a.assignmentId === assignment.id) ?? null };
    attempt = attempts.find((a) => gives(store, a.examType, 'registration'));
  }
  const chosen = attempt as AttemptRecord;
  return { assignment: store.index().assignments.get(chosen.assignmentId) as AssignmentRecord, attempt: chosen };
}

function documentData(store: MockStore, kind: DocumentKind, candidate: CandidateRecord, spaceName: string, now: Date): CertificateData {
  const { assignment, attempt } = subjectOf(store, kind, candidate.id);
  const session = assignment.sessionId ? store.index().examSessions.get(assignment.sessionId) : undefined;
  const base = store.config.publicUrl.replace(/\/$/, '');
  return {
    spaceName,
    candidate: {
      id: candidate.id,
      civility: candidate.civility,
      lastName: candidate.lastName,
      birthName: candidate.birthName,
      firstName: candidate.firstName,
      birthDate: candidate.birthDate,
      birthTown: candidate.birthTown,
      birthCountry: candidate.birthCountry,
      email: candidate.email,
    },
    exam: {
      type: assignment.examType,
      label: findExamType(assignment.examType, store.state.examTypes)?.label ?? assignment.examType,
      scheduledAt: assignment.scheduledAt,
      // As the server writes it: the address, then postcode and city.
      session: session ? { centre: session.centreName, address: `${session.address}, ${session.postcode} ${session.city}`, startsAt: session.startsAt } : null,
    },
    attempt: attempt
      ? { score: attempt.score, takenAt: attempt.takenAt, validUntil: attempt.validUntil, validation: attempt.validation, publicCode: attempt.publicCode }
      : null,
    verificationUrl: attempt?.publicCode && attempt.validation === 'validated' ? `${base}/verify/${encodeURIComponent(attempt.publicCode)}` : null,
    issuedAt: now,
  };
}

/**
 * `GET /documents/:kind?candidateIds=…`: the chosen candidates' documents
 * merged into one PDF (« un seul document pdf »), one page each in the order
 * asked. Unknown candidates are 404 naming them; if any chosen candidate has
 * no such document, nothing is built and `not_eligible` names them (R18).
 * `singleName` (« Nom Prénom ») names the file of a single candidate.
 */
export function buildDocuments(
  store: MockStore,
  spaceId: string,
  kind: DocumentKind,
  candidateIds: readonly string[],
  build: typeof buildMergedDocument,
): { pdf: Uint8Array; singleName: string | null } {
  const index = store.index();
  const unknown = candidateIds.filter((id) => index.candidates.get(id)?.spaceId !== spaceId);
  if (unknown.length > 0) {
    throw new DomainError('not_found', unknown.length === 1 ? "Ce candidat n'existe pas." : "Ces candidats n'existent pas.", { candidateIds: unknown });
  }
  const candidates = candidateIds.map((id) => index.candidates.get(id) as CandidateRecord);
  assertAllEligible(
    kind,
    candidates.map((c) => ({ id: c.id, ...historyOf(store, c.id) })),
    store.state.examTypes,
  );
  const space = store.state.spaces.find((s) => s.id === spaceId);
  if (!space) throw new DomainError('not_found', "Cette ressource n'existe pas.");
  const now = store.now();
  const pdf = build(kind, candidates.map((c) => documentData(store, kind, c, space.name, now)), { catalogue: store.state.examTypes });
  const first = candidates[0];
  return { pdf, singleName: candidates.length === 1 && first ? `${first.lastName} ${first.firstName}` : null };
}
