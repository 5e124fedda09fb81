/**
 * Assignments (§6.5, §6.6; R4–R9, R15, R19), as the server's
 * `services/assignments.ts`: load the state, ask the domain's plan
 * (`planAssign`, `planModify`, `planRemove`, `planBulkAssign`,
 * `planBulkRemove`), apply it. A plan either throws — and nothing was written —
 * or is applied whole before any other request runs, so a credit, a lot or a
 * seat can never go below zero nor be consumed twice (R9).
 */
import {
  DomainError,
  findExamType,
  formatDate,
  formatDateTime,
  generateActivationCode,
  planAssign,
  planBulkAssign,
  planBulkRemove,
  planModify,
  planRemove,
  presentAssignment,
  type AssignmentView,
  endOfParisDay,
  startOfParisDay,
  type ExamSession,
  type ExamSessionListQuery,
  type ExamType,
  type List,
  type LotTake,
  type NewAssignment,
  type Release,
} from '@clr/domain';
import { notFound, validationFailed } from '../http/problem.js';
import type { MockStore } from '../store/store.js';
import type { AssignmentRecord, CandidateRecord, ExamSessionRecord } from '../store/types.js';
import { lotsOf } from './orders.js';
import { offsetPage, searchKey } from './paging.js';
import { currentAssignment } from './views.js';

/** An assignment as the API answers it: the candidate file's view, with its candidate. */
export type AssignmentResult = AssignmentView & { candidateId: string };

export interface AssignmentRequest {
  examType: string;
  scheduledAt?: string | undefined;
  sessionId?: string | undefined;
  notify: boolean;
}

export interface BulkRemoval {
  removed: number;
  creditsReturned: number;
}

/** An exam type of the catalogue, or 400 on `examType`. */
export function loadExamType(store: MockStore, id: string): ExamType {
  const type = findExamType(id, store.state.examTypes);
  if (!type) throw validationFailed([{ path: 'examType', message: "Ce type d'examen n'existe pas." }]);
  return type;
}

function loadSession(store: MockStore, sessionId: string | undefined): ExamSessionRecord | null {
  if (sessionId === undefined) return null;
  const session = store.index().examSessions.get(sessionId);
  if (!session) throw notFound("Cette session d'examen n'existe pas.");
  return session;
}

/**
 * The space's candidates `ids`, in the order given; unknown ids (another
 * space's included) are 404, naming them when several were asked for.
 */
export function lockCandidates(store: MockStore, spaceId: string, ids: readonly string[]): CandidateRecord[] {
  const index = store.index();
  const unique = [...new Set(ids)].sort();
  const missing = unique.filter((id) => index.candidates.get(id)?.spaceId !== spaceId);
  if (missing.length > 0) {
    if (ids.length === 1) throw notFound("Ce candidat n'existe pas.");
    throw new DomainError(
      'not_found',
      missing.length === 1 ? "Un des candidats sélectionnés n'existe pas." : `${missing.length} des candidats sélectionnés n'existent pas.`,
      { candidateIds: missing },
    );
  }
  return ids.map((id) => index.candidates.get(id) as CandidateRecord);
}

/** R15 codes from the CSPRNG, unique among every stored code and among those drawn by this request. */
function codeSupply(store: MockStore): () => string {
  const taken = new Set(store.state.assignments.flatMap((a) => (a.activationCode ? [a.activationCode] : [])));
  return () => {
    const code = generateActivationCode(store.random, (c) => taken.has(c));
    taken.add(code);
    return code;
  };
}

// ---------------------------------------------------------------------------
// Applying plans

function takeCredits(store: MockStore, takes: readonly LotTake[]): void {
  const lots = store.index().lots;
  for (const take of takes) {
    const lot = lots.get(take.lotId);
    if (!lot || lot.remaining < take.count) throw new Error(`lot ${take.lotId} cannot give ${take.count} credit(s)`);
    lot.remaining -= take.count;
  }
}

function moveSeats(store: MockStore, sessionId: string, delta: number): void {
  const session = store.index().examSessions.get(sessionId);
  if (!session) return;
  session.seatsTaken = Math.max(0, session.seatsTaken + delta);
}

/** Ends an untaken row as `removed` or `replaced` and gives its credit back when the plan says so. Returns 1 if a credit went back. */
function applyRelease(store: MockStore, release: Release, now: Date): number {
  const index = store.index();
  const row = index.assignments.get(release.assignmentId);
  if (!row) throw new Error(`assignment ${release.assignmentId} vanished`);
  row.state = release.endedAs;
  row.endedAt = now.toISOString();
  if (!release.returnCredit) return 0;
  const lot = index.lots.get(release.lotId);
  if (!lot) return 0;
  lot.remaining += 1;
  return 1;
}

function createAssignment(store: MockStore, spaceId: string, a: NewAssignment): AssignmentRecord {
  const row: AssignmentRecord = {
    ...a,
    id: store.nextId('asg'),
    spaceId,
    attemptId: null,
    state: 'active',
    codeSpentAt: null,
    endedAt: null,
  };
  store.state.assignments.push(row);
  return row;
}

function present(row: AssignmentRecord, now: Date): AssignmentResult {
  return { ...presentAssignment(row, now), candidateId: row.candidateId };
}

// ---------------------------------------------------------------------------
// Notices (« Envoyer un courriel au candidat … », §6.5, §6.6)

const SIGNATURE = "L'équipe de la Certification Le Robert";

function assignmentNotice(store: MockStore, candidate: CandidateRecord, examType: ExamType, scheduledAt: string | null, session: ExamSession | null): void {
  const when = session
    ? [
        `Centre d'examen : ${session.centreName} - ${session.address}, ${session.postcode} ${session.city}`,
        `Date et horaire de passage : ${formatDateTime(session.startsAt)}`,
      ]
    : scheduledAt
      ? [`Date de passage : ${formatDate(scheduledAt)}. L'examen sera disponible à partir de cette date.`]
      : ["L'examen est disponible dès maintenant."];
  store.sendMail({
    template: 'candidate.assignment',
    to: candidate.email,
    spaceId: candidate.spaceId,
    subject: 'Inscription à un examen - Certification Le Robert',
    text: [
      `Bonjour ${candidate.firstName} ${candidate.lastName},`,
      '',
      `Vous êtes inscrit(e) à l'examen « ${examType.label} ».`,
      ...when,
      '',
      `Connectez-vous à la plateforme d'examen avec votre identifiant : ${candidate.email}`,
      '',
      SIGNATURE,
    ].join('\n'),
  });
}

function cancellationNotice(store: MockStore, candidate: CandidateRecord, examTypeId: string): void {
  const type = findExamType(examTypeId, store.state.examTypes);
  store.sendMail({
    template: 'candidate.assignment-cancelled',
    to: candidate.email,
    spaceId: candidate.spaceId,
    subject: 'Annulation de votre examen - Certification Le Robert',
    text: [
      `Bonjour ${candidate.firstName} ${candidate.lastName},`,
      '',
      `L'examen « ${type?.label ?? examTypeId} » qui vous était attribué a été annulé.`,
      "Pour toute question, adressez-vous à l'organisme qui vous a inscrit(e).",
      '',
      SIGNATURE,
    ].join('\n'),
  });
}

// ---------------------------------------------------------------------------
// Use cases

/** R5 « Attribuer une certification » (§6.5). */
export function assignExam(store: MockStore, spaceId: string, candidateId: string, body: AssignmentRequest): AssignmentResult {
  const now = store.now();
  const [candidate] = lockCandidates(store, spaceId, [candidateId]) as [CandidateRecord];
  const examType = loadExamType(store, body.examType);
  const session = loadSession(store, body.sessionId);
  const plan = planAssign({
    candidateId,
    current: currentAssignment(store, candidateId),
    examType,
    lots: lotsOf(store, spaceId),
    scheduledAt: body.scheduledAt ?? null,
    session,
    now,
    newActivationCode: codeSupply(store),
  });
  takeCredits(store, [{ lotId: plan.consume.lotId, count: 1 }]);
  if (plan.takeSeat) moveSeats(store, plan.takeSeat, 1);
  const row = createAssignment(store, spaceId, plan.assignment);
  if (body.notify) assignmentNotice(store, candidate, examType, plan.assignment.scheduledAt, session);
  store.touched([candidateId]);
  return present(row, now);
}

/** R6 « Modifier l'attribution » (§6.6). */
export function modifyAssignment(store: MockStore, spaceId: string, candidateId: string, body: AssignmentRequest): AssignmentResult {
  const now = store.now();
  const [candidate] = lockCandidates(store, spaceId, [candidateId]) as [CandidateRecord];
  const examType = loadExamType(store, body.examType);
  const session = loadSession(store, body.sessionId);
  const plan = planModify({
    current: currentAssignment(store, candidateId),
    examType,
    lots: lotsOf(store, spaceId),
    scheduledAt: body.scheduledAt ?? null,
    session,
    now,
    newActivationCode: codeSupply(store),
  });
  applyRelease(store, plan.release, now);
  if (plan.releaseSeat) moveSeats(store, plan.releaseSeat, -1);
  takeCredits(store, [{ lotId: plan.consume.lotId, count: 1 }]);
  if (plan.takeSeat) moveSeats(store, plan.takeSeat, 1);
  const row = createAssignment(store, spaceId, plan.assignment);
  if (body.notify) assignmentNotice(store, candidate, examType, plan.assignment.scheduledAt, session);
  store.touched([candidateId]);
  return present(row, now);
}

/** R7 « Supprimer l'attribution » (§6.6). */
export function removeAssignment(store: MockStore, spaceId: string, candidateId: string, options: { notify: boolean }): void {
  const now = store.now();
  const [candidate] = lockCandidates(store, spaceId, [candidateId]) as [CandidateRecord];
  const current = currentAssignment(store, candidateId);
  const plan = planRemove({ current, lots: lotsOf(store, spaceId), now });
  applyRelease(store, plan.release, now);
  if (plan.releaseSeat) moveSeats(store, plan.releaseSeat, -1);
  if (options.notify && current) cancellationNotice(store, candidate, current.examType);
  store.touched([candidateId]);
}

/** R8 « Attribuer les certifications » to several candidates (§6.6), all or nothing. */
export function bulkAssign(store: MockStore, spaceId: string, body: AssignmentRequest & { candidateIds: string[] }): AssignmentResult[] {
  const now = store.now();
  const candidates = lockCandidates(store, spaceId, body.candidateIds);
  const examType = loadExamType(store, body.examType);
  const session = loadSession(store, body.sessionId);
  const plan = planBulkAssign({
    candidates: candidates.map((c) => ({ id: c.id, current: currentAssignment(store, c.id) })),
    examType,
    lots: lotsOf(store, spaceId),
    scheduledAt: body.scheduledAt ?? null,
    session,
    now,
    newActivationCode: codeSupply(store),
  });
  takeCredits(store, plan.consume);
  if (plan.takeSeats) moveSeats(store, plan.takeSeats.sessionId, plan.takeSeats.count);
  const rows = plan.assignments.map((a) => createAssignment(store, spaceId, a));
  if (body.notify) for (const c of candidates) assignmentNotice(store, c, examType, plan.assignments[0]?.scheduledAt ?? null, session);
  store.touched(candidates.map((c) => c.id));
  return rows.map((r) => present(r, now));
}

/** R8 « Supprimer des attributions » (§6.6), all or nothing. */
export function bulkRemove(store: MockStore, spaceId: string, body: { candidateIds: string[]; notify: boolean }): BulkRemoval {
  const now = store.now();
  const candidates = lockCandidates(store, spaceId, body.candidateIds);
  const currents = new Map(candidates.map((c) => [c.id, currentAssignment(store, c.id)]));
  const plan = planBulkRemove({
    candidates: candidates.map((c) => ({ id: c.id, current: currents.get(c.id) ?? null })),
    lots: lotsOf(store, spaceId),
    now,
  });
  let creditsReturned = 0;
  for (const release of plan.releases) creditsReturned += applyRelease(store, release, now);
  for (const { sessionId, count } of plan.releaseSeats) moveSeats(store, sessionId, -count);
  if (body.notify) {
    for (const c of candidates) {
      const current = currents.get(c.id);
      if (current) cancellationNotice(store, c, current.examType);
    }
  }
  store.touched(candidates.map((c) => c.id));
  return { removed: plan.releases.length, creditsReturned };
}

/**
 * `GET /exam-sessions` (§6.5 « Sélection d'une session de passage »): La Poste
 * sessions that have not started and still have a free seat, soonest first;
 * `city` matches the city (case and accents ignored) or the postcode's start;
 * `examType`, and `from`/`to` on the session's Paris day; offset cursor.
 */
export function listExamSessions(store: MockStore, now: Date, query: ExamSessionListQuery): List<ExamSession> {
  const city = query.city ? searchKey(query.city) : undefined;
  const from = query.from ? startOfParisDay(query.from).getTime() : undefined;
  const to = query.to ? endOfParisDay(query.to).getTime() : undefined;
  const sessions = store.state.examSessions
    .filter((s) => {
      const starts = Date.parse(s.startsAt);
      return (
        starts > now.getTime() &&
        (from === undefined || starts >= from) &&
        (to === undefined || starts <= to) &&
        s.seatsTaken < s.seats &&
        (query.examType === undefined || s.examType === query.examType) &&
        (city === undefined || searchKey(s.city) === city || s.postcode.startsWith(city))
      );
    })
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.city < b.city ? -1 : a.city > b.city ? 1 : a.id < b.id ? -1 : 1))
    .map((s) => ({
      id: s.id,
      examType: s.examType,
      city: s.city,
      postcode: s.postcode,
      centreName: s.centreName,
      address: s.address,
      startsAt: s.startsAt,
      seats: s.seats,
      seatsTaken: s.seatsTaken,
    }));
  return offsetPage(sessions, query.cursor, query.limit);
}
