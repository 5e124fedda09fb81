/**
 * Assignments (§6.5, §6.6; R5–R9, R19): the server loads state, asks the
 * domain's plan (`planAssign`, `planModify`, `planRemove`, `planBulkAssign`,
 * `planBulkRemove`), applies it with the guarded writes of `db/guards.ts`
 * inside one `withTransaction`, and writes the candidate's read model.
 *
 * Concurrency (R9): the first statement of every transaction here locks the
 * candidates it acts on (an UPDATE of their rows: PostgreSQL holds the row
 * locks until commit; on SQLite the gate serialises everything), so two
 * requests on one candidate cannot both see « no current assignment ». Credits
 * and seats move only through the guards (`… WHERE remaining >= n`). When a
 * guard finds a lot emptied by a concurrent request after the plan was made,
 * the whole transaction is rolled back and planned again on fresh data; a
 * request therefore fails only when the stock really is short, and then with
 * the domain's error, having changed nothing.
 *
 * The shared counters (a lot's `remaining`, a session's `seatsTaken`) are
 * written last in each transaction: on PostgreSQL their row locks are then
 * held only from that statement to the commit, which keeps a burst of
 * requests on one lot short.
 */
import {
  searchKey,
  DomainError,
  examTypeLabel,
  formatDate,
  formatDateTime,
  generateActivationCode,
  hasActivationCode,
  isDomainError,
  planAssign,
  planBulkAssign,
  planBulkRemove,
  planModify,
  planRemove,
  presentAssignment,
  CODE_MAX_ATTEMPTS,
  LIMIT_DEFAULT,
  endOfParisDay,
  fr,
  startOfParisDay,
  availableCredits,
  type AssignmentSnapshot,
  type AssignmentView,
  type CandidateList,
  type CreditLot,
  type ExamSession,
  type ExamType,
  type LotTake,
  type NewAssignment,
  type RandomSource,
  type Release,
} from '@clr/domain';
import { withTransaction, type Db, type Tx } from '../db/client.js';
import { consumeCredit, releaseSeat, returnCredit, takeSeat } from '../db/guards.js';
import type { AppDeps } from '../http/env.js';
import { isUniqueViolation, notFound, uniqueFields, validationFailed } from '../http/problem.js';
import { queryCandidates, type CandidateFilters } from './candidate-list.js';
import { LOT_SELECT, toCreditLot, toExamType } from './catalogue.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { enqueueMail, type Mail } from './mail.js';
import {
  ACTIVE_ASSIGNMENT_ORDER,
  ASSIGNMENT_SNAPSHOT_SELECT,
  refreshCandidateProgress,
  toAssignmentSnapshot,
  type AssignmentSnapshotRow,
} from './progress.js';

/** An assignment as the API answers it: the candidate file's view, with its candidate. */
export type AssignmentResult = AssignmentView & { candidateId: string };

export interface AssignmentRequest {
  examType: string;
  scheduledAt?: string | undefined;
  sessionId?: string | undefined;
  notify: boolean;
}

export interface BulkAssignmentRequest extends AssignmentRequest {
  candidateIds: string[];
}

export interface BulkRemovalRequest {
  candidateIds: string[];
  notify: boolean;
}

export interface BulkRemoval {
  /** Assignments removed (one per selected candidate). */
  removed: number;
  /** Credits given back to the stock (not those of expired lots or expired assignments). */
  creditsReturned: number;
}

// ---------------------------------------------------------------------------
// Retrying a plan that lost a race

/** A guard refused what the plan counted on: plan again on fresh data. */
class LostRace extends Error {
  constructor(readonly refusal: DomainError) {
    super(refusal.message);
  }
}

const MAX_ROUNDS = 8;

/** Prisma's P2028: no connection in time, or the transaction outlived its timeout (a burst on a busy machine); it rolled back. */
function isTransactionTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2028';
}

const MAX_TIMEOUT_ROUNDS = 2;

function isCodeCollision(error: unknown): boolean {
  if (!isUniqueViolation(error)) return false;
  const fields = uniqueFields(error);
  return fields.includes('activationCode') || fields.includes('publicCode');
}

/**
 * Runs a whole transaction again when it lost a race for a credit (another
 * request emptied the planned lot), drew a code that another request stored
 * first, or (twice at most) timed out waiting for a connection under a burst.
 * After {@link MAX_ROUNDS}, the guard's refusal stands.
 */
export async function retryingRaces<T>(run: () => Promise<T>): Promise<T> {
  let timeouts = 0;
  for (let round = 1; ; round += 1) {
    try {
      return await run();
    } catch (error) {
      if (round < MAX_ROUNDS && (error instanceof LostRace || isCodeCollision(error))) continue;
      if (round < MAX_ROUNDS && isTransactionTimeout(error) && timeouts < MAX_TIMEOUT_ROUNDS) {
        timeouts += 1;
        continue;
      }
      if (error instanceof LostRace) throw error.refusal;
      throw error;
    }
  }
}

// ---------------------------------------------------------------------------
// Loading state

interface LockedCandidate {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

/**
 * Locks the space's candidates `ids` for the rest of the transaction (an
 * UPDATE of their rows, in id order) and returns them in the order given.
 * Unknown ids, and ids of another space, are `not_found` (404).
 */
export async function lockCandidates(tx: Tx, spaceId: string, ids: readonly string[], now: Date): Promise<LockedCandidate[]> {
  const unique = [...new Set(ids)].sort();
  const { count } = await tx.candidate.updateMany({ where: { spaceId, id: { in: unique } }, data: { updatedAt: now } });
  const rows = await tx.candidate.findMany({
    where: { spaceId, id: { in: unique } },
    select: { id: true, email: true, firstName: true, lastName: true },
  });
  if (count !== unique.length || rows.length !== unique.length) {
    const found = new Set(rows.map((r) => r.id));
    const missing = unique.filter((id) => !found.has(id));
    if (ids.length === 1) throw notFound("Ce candidat n'existe pas.");
    throw new DomainError(
      'not_found',
      missing.length === 1 ? "Un des candidats sélectionnés n'existe pas." : `${missing.length} des candidats sélectionnés n'existent pas.`,
      { candidateIds: missing },
    );
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) as LockedCandidate);
}

/** Each candidate's latest assignment that counts (neither removed nor replaced), taken or not. */
export async function loadCurrentAssignments(tx: Pick<Tx, 'assignment'>, candidateIds: readonly string[]): Promise<Map<string, AssignmentSnapshot>> {
  const rows = await tx.assignment.findMany({
    where: { candidateId: { in: [...candidateIds] }, state: 'active' },
    select: ASSIGNMENT_SNAPSHOT_SELECT,
    orderBy: [...ACTIVE_ASSIGNMENT_ORDER],
  });
  const latest = new Map<string, AssignmentSnapshot>();
  // Oldest first: the last row seen for a candidate is their latest (`latestAssignment`'s rule).
  for (const row of rows) latest.set(row.candidateId, toAssignmentSnapshot(row));
  return latest;
}

/** An exam type of the catalogue, or 400 on `examType`. */
export async function loadExamType(tx: Pick<Tx, 'examType'>, id: string): Promise<ExamType> {
  const row = await tx.examType.findUnique({ where: { id } });
  if (!row) throw validationFailed([{ path: 'examType', message: "Ce type d'examen n'existe pas." }]);
  return toExamType(row);
}

export interface ExamSessionRow {
  id: string;
  examTypeId: string;
  city: string;
  postcode: string;
  centreName: string;
  address: string;
  startsAt: Date;
  seats: number;
  seatsTaken: number;
}

export function toExamSession(row: ExamSessionRow): ExamSession {
  return {
    id: row.id,
    examType: row.examTypeId,
    city: row.city,
    postcode: row.postcode,
    centreName: row.centreName,
    address: row.address,
    startsAt: row.startsAt.toISOString(),
    seats: row.seats,
    seatsTaken: row.seatsTaken,
  };
}

async function loadSession(tx: Pick<Tx, 'examSession'>, sessionId: string | undefined): Promise<ExamSession | null> {
  if (sessionId === undefined) return null;
  const row = await tx.examSession.findUnique({ where: { id: sessionId } });
  if (!row) throw notFound("Cette session d'examen n'existe pas.");
  return toExamSession(row);
}

/**
 * The lots a plan needs: every lot of the space of `examTypeId` (expired ones
 * included, as the plans ask) and the lots the current assignments consumed.
 */
async function loadLots(tx: Pick<Tx, 'creditLot'>, spaceId: string, examTypeId: string | null, lotIds: readonly string[]): Promise<CreditLot[]> {
  const or = [...(examTypeId ? [{ examTypeId }] : []), ...(lotIds.length > 0 ? [{ id: { in: [...new Set(lotIds)] } }] : [])];
  if (or.length === 0) return [];
  const rows = await tx.creditLot.findMany({ where: { spaceId, OR: or }, select: LOT_SELECT, orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }] });
  return rows.map(toCreditLot);
}

// ---------------------------------------------------------------------------
// Activation codes (R15)

/**
 * `count` fresh activation codes from the CSPRNG (the domain's generator),
 * distinct, none already stored. The unique index on `activationCode` stays
 * the final guard: a code stored meanwhile by another request makes the
 * insert fail and {@link retryingRaces} run the transaction again.
 */
export async function drawActivationCodes(tx: Pick<Tx, 'assignment'>, count: number, random: RandomSource): Promise<string[]> {
  const codes = new Set<string>();
  for (let round = 0; codes.size < count; round += 1) {
    if (round >= CODE_MAX_ATTEMPTS) throw new DomainError('conflict', fr('activationCode.exhausted'));
    const fresh = new Set<string>();
    while (codes.size + fresh.size < count) fresh.add(generateActivationCode(random, (c) => codes.has(c) || fresh.has(c)));
    const stored = await tx.assignment.findMany({ where: { activationCode: { in: [...fresh] } }, select: { activationCode: true } });
    const taken = new Set(stored.map((r) => r.activationCode));
    for (const code of fresh) if (!taken.has(code)) codes.add(code);
  }
  return [...codes];
}

/** Hands the pre-drawn codes to a plan, one per call. */
function codeSupply(codes: readonly string[]): () => string {
  let next = 0;
  return () => {
    const code = codes[next];
    next += 1;
    if (code === undefined) throw new Error('the plan asked for more activation codes than were drawn');
    return code;
  };
}

async function codesFor(tx: Tx, examType: ExamType, count: number, random: RandomSource): Promise<() => string> {
  return codeSupply(hasActivationCode(examType) ? await drawActivationCodes(tx, count, random) : []);
}

// ---------------------------------------------------------------------------
// Applying plans with the guards

async function takeCredits(tx: Tx, takes: readonly LotTake[], now: Date): Promise<void> {
  for (const take of takes) {
    try {
      await consumeCredit(tx, take.lotId, now, take.count);
    } catch (error) {
      if (isDomainError(error) && error.code === 'out_of_stock') throw new LostRace(error);
      throw error;
    }
  }
}

/** Takes `count` seats of a session, all or none (the transaction rolls back the ones taken). */
async function takeSeats(tx: Tx, sessionId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    try {
      await takeSeat(tx, sessionId);
    } catch (error) {
      if (count > 1 && isDomainError(error) && error.code === 'conflict') {
        const available = Number(error.details.available ?? 0) + i;
        throw new DomainError('conflict', `${count} places nécessaires, ${available} disponible${available > 1 ? 's' : ''} dans cette session : choisissez une autre session.`, {
          sessionId,
          needed: count,
          available,
        });
      }
      throw error;
    }
  }
}

/** Ends untaken rows as `removed` or `replaced` (guarded: still active and untaken). */
async function endAssignments(tx: Tx, releases: readonly Release[], now: Date): Promise<void> {
  for (const endedAs of ['removed', 'replaced'] as const) {
    const ids = releases.filter((r) => r.endedAs === endedAs).map((r) => r.assignmentId);
    if (ids.length === 0) continue;
    const { count } = await tx.assignment.updateMany({
      where: { id: { in: ids }, state: 'active', takenAt: null },
      data: { state: endedAs, endedAt: now },
    });
    if (count !== ids.length) {
      throw new DomainError('conflict', "Cet examen a déjà été passé : son attribution ne peut plus être modifiée ni supprimée.", {
        assignmentIds: ids,
      });
    }
  }
}

/** Gives back the credits and seats the releases free (each guarded). Returns the credits given back. */
async function giveBack(tx: Tx, credits: readonly LotTake[], seats: readonly { sessionId: string; count: number }[], now: Date): Promise<number> {
  let returned = 0;
  for (const { lotId, count } of credits) {
    for (let i = 0; i < count; i += 1) if (await returnCredit(tx, lotId, now)) returned += 1;
  }
  for (const { sessionId, count } of seats) {
    for (let i = 0; i < count; i += 1) await releaseSeat(tx, sessionId);
  }
  return returned;
}

function assignmentData(spaceId: string, a: NewAssignment) {
  return {
    spaceId,
    candidateId: a.candidateId,
    examTypeId: a.examType,
    lotId: a.lotId,
    scheduledAt: a.scheduledAt,
    sessionId: a.sessionId,
    deadline: new Date(a.deadline),
    activationCode: a.activationCode,
    takenAt: null,
    createdAt: new Date(a.createdAt),
  };
}

function present(row: AssignmentSnapshotRow, now: Date): AssignmentResult {
  return { ...presentAssignment(toAssignmentSnapshot(row), now), candidateId: row.candidateId };
}

async function createAssignment(tx: Tx, spaceId: string, a: NewAssignment, now: Date): Promise<AssignmentResult> {
  return present(await tx.assignment.create({ data: assignmentData(spaceId, a), select: ASSIGNMENT_SNAPSHOT_SELECT }), now);
}

// ---------------------------------------------------------------------------
// Notices (« Envoyer un courriel au candidat … », §6.5, §6.6)

const SIGNATURE = "L'équipe de la Certification Le Robert";

/** « l'informer de son inscription à l'examen »: the type, and its date or La Poste session. */
export function assignmentNoticeMail(input: {
  spaceId: string;
  candidate: LockedCandidate;
  examType: ExamType;
  scheduledAt: string | null;
  session: ExamSession | null;
}): Mail {
  const { candidate, examType, session } = input;
  const when = session
    ? [
        `Centre d'examen : ${session.centreName} - ${session.address}, ${session.postcode} ${session.city}`,
        `Date et horaire de passage : ${formatDateTime(session.startsAt)}`,
      ]
    : input.scheduledAt
      ? [`Date de passage : ${formatDate(input.scheduledAt)}. L'examen sera disponible à partir de cette date.`]
      : ["L'examen est disponible dès maintenant."];
  return {
    template: 'candidate.assignment',
    to: candidate.email,
    spaceId: input.spaceId,
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
  };
}

/** « l'informer de l'annulation ». */
export function cancellationNoticeMail(input: { spaceId: string; candidate: LockedCandidate; examTypeId: string }): Mail {
  const { candidate } = input;
  return {
    template: 'candidate.assignment-cancelled',
    to: candidate.email,
    spaceId: input.spaceId,
    subject: 'Annulation de votre examen - Certification Le Robert',
    text: [
      `Bonjour ${candidate.firstName} ${candidate.lastName},`,
      '',
      `L'examen « ${examTypeLabel(input.examTypeId)} » qui vous était attribué a été annulé.`,
      "Pour toute question, adressez-vous à l'organisme qui vous a inscrit(e).",
      '',
      SIGNATURE,
    ].join('\n'),
  };
}

// ---------------------------------------------------------------------------
// Use cases

/**
 * R5 — « Attribuer une certification » (§6.5): one credit consumed (R4: the
 * soonest-expiring lot), a La Poste seat taken if the type needs a session,
 * an activation code drawn if the partner supervises the exam; optionally a
 * notice e-mailed to the candidate, in the same transaction.
 */
export async function assignExam(deps: AppDeps, spaceId: string, candidateId: string, body: AssignmentRequest): Promise<AssignmentResult> {
  return retryingRaces(() =>
    withTransaction(deps.db, async (tx) => {
      const now = deps.now();
      const [candidate] = (await lockCandidates(tx, spaceId, [candidateId], now)) as [LockedCandidate];
      const examType = await loadExamType(tx, body.examType);
      const session = await loadSession(tx, body.sessionId);
      const current = (await loadCurrentAssignments(tx, [candidateId])).get(candidateId) ?? null;
      const lots = await loadLots(tx, spaceId, examType.id, []);
      const plan = planAssign({
        candidateId,
        current,
        examType,
        lots,
        scheduledAt: body.scheduledAt ?? null,
        session,
        now,
        newActivationCode: await codesFor(tx, examType, 1, deps.random),
      });
      const created = await createAssignment(tx, spaceId, plan.assignment, now);
      await refreshCandidateProgress(tx, candidateId, now);
      if (body.notify) {
        await enqueueMail(tx, assignmentNoticeMail({ spaceId, candidate, examType, scheduledAt: plan.assignment.scheduledAt, session }));
      }
      await takeCredits(tx, [{ lotId: plan.consume.lotId, count: 1 }], now);
      if (plan.takeSeat) await takeSeats(tx, plan.takeSeat, 1);
      return created;
    }),
  );
}

/**
 * R6 — « Modifier l'attribution » (§6.6): only an untaken assignment; its
 * credit goes back to its lot (lost if the lot or the assignment has
 * expired), its seat is released, and the new choice is assigned as R5 says.
 */
export async function modifyAssignment(deps: AppDeps, spaceId: string, candidateId: string, body: AssignmentRequest): Promise<AssignmentResult> {
  return retryingRaces(() =>
    withTransaction(deps.db, async (tx) => {
      const now = deps.now();
      const [candidate] = (await lockCandidates(tx, spaceId, [candidateId], now)) as [LockedCandidate];
      const examType = await loadExamType(tx, body.examType);
      const session = await loadSession(tx, body.sessionId);
      const current = (await loadCurrentAssignments(tx, [candidateId])).get(candidateId) ?? null;
      const lots = await loadLots(tx, spaceId, examType.id, current ? [current.lotId] : []);
      const plan = planModify({
        current,
        examType,
        lots,
        scheduledAt: body.scheduledAt ?? null,
        session,
        now,
        newActivationCode: await codesFor(tx, examType, 1, deps.random),
      });
      await endAssignments(tx, [plan.release], now);
      const created = await createAssignment(tx, spaceId, plan.assignment, now);
      await refreshCandidateProgress(tx, candidateId, now);
      if (body.notify) {
        await enqueueMail(tx, assignmentNoticeMail({ spaceId, candidate, examType, scheduledAt: plan.assignment.scheduledAt, session }));
      }
      await giveBack(
        tx,
        plan.release.returnCredit ? [{ lotId: plan.release.lotId, count: 1 }] : [],
        plan.releaseSeat ? [{ sessionId: plan.releaseSeat, count: 1 }] : [],
        now,
      );
      await takeCredits(tx, [{ lotId: plan.consume.lotId, count: 1 }], now);
      if (plan.takeSeat) await takeSeats(tx, plan.takeSeat, 1);
      return created;
    }),
  );
}

/**
 * R7 — « Supprimer l'attribution » (§6.6): only an untaken assignment; the
 * credit is « reversé dans le stock » (unless its lot or the assignment has
 * expired), the La Poste seat freed; optionally the candidate is told.
 */
export async function removeAssignment(deps: AppDeps, spaceId: string, candidateId: string, options: { notify: boolean }): Promise<void> {
  await retryingRaces(() =>
    withTransaction(deps.db, async (tx) => {
      const now = deps.now();
      const [candidate] = (await lockCandidates(tx, spaceId, [candidateId], now)) as [LockedCandidate];
      const current = (await loadCurrentAssignments(tx, [candidateId])).get(candidateId) ?? null;
      const lots = await loadLots(tx, spaceId, null, current ? [current.lotId] : []);
      const plan = planRemove({ current, lots, now });
      await endAssignments(tx, [plan.release], now);
      await refreshCandidateProgress(tx, candidateId, now);
      if (options.notify && current) {
        await enqueueMail(tx, cancellationNoticeMail({ spaceId, candidate, examTypeId: current.examType }));
      }
      await giveBack(
        tx,
        plan.release.returnCredit ? [{ lotId: plan.release.lotId, count: 1 }] : [],
        plan.releaseSeat ? [{ sessionId: plan.releaseSeat, count: 1 }] : [],
        now,
      );
    }),
  );
}

/**
 * R8 — « Attribuer les certifications » to several candidates (§6.6), all or
 * nothing: not enough credits → `out_of_stock` with `needed` and `available`;
 * candidates holding a current exam → `not_eligible` with their ids; a La
 * Poste session without enough seats → `conflict`. Nothing is written then.
 */
export async function bulkAssign(deps: AppDeps, spaceId: string, body: BulkAssignmentRequest): Promise<AssignmentResult[]> {
  return retryingRaces(() =>
    withTransaction(deps.db, async (tx) => {
      const now = deps.now();
      const candidates = await lockCandidates(tx, spaceId, body.candidateIds, now);
      const examType = await loadExamType(tx, body.examType);
      const session = await loadSession(tx, body.sessionId);
      const currents = await loadCurrentAssignments(tx, body.candidateIds);
      const lots = await loadLots(tx, spaceId, examType.id, []);
      const plan = planBulkAssign({
        candidates: body.candidateIds.map((id) => ({ id, current: currents.get(id) ?? null })),
        examType,
        lots,
        scheduledAt: body.scheduledAt ?? null,
        session,
        now,
        newActivationCode: await codesFor(tx, examType, body.candidateIds.length, deps.random),
      });
      const created: AssignmentResult[] = [];
      for (const a of plan.assignments) created.push(await createAssignment(tx, spaceId, a, now));
      for (const candidate of candidates) {
        await refreshCandidateProgress(tx, candidate.id, now);
        if (body.notify) {
          const scheduledAt = plan.assignments[0]?.scheduledAt ?? null;
          await enqueueMail(tx, assignmentNoticeMail({ spaceId, candidate, examType, scheduledAt, session }));
        }
      }
      await takeCredits(tx, plan.consume, now);
      if (plan.takeSeats) await takeSeats(tx, plan.takeSeats.sessionId, plan.takeSeats.count);
      return created;
    }),
  );
}

/**
 * R8 — « Supprimer des attributions » (§6.6), all or nothing: each selected
 * candidate must hold an untaken assignment (scheduled or expired), else
 * `not_eligible` with the others' ids and nothing changes.
 */
export async function bulkRemove(deps: AppDeps, spaceId: string, body: BulkRemovalRequest): Promise<BulkRemoval> {
  return retryingRaces(() =>
    withTransaction(deps.db, async (tx) => {
      const now = deps.now();
      const candidates = await lockCandidates(tx, spaceId, body.candidateIds, now);
      const currents = await loadCurrentAssignments(tx, body.candidateIds);
      const lots = await loadLots(tx, spaceId, null, [...currents.values()].map((a) => a.lotId));
      const plan = planBulkRemove({ candidates: body.candidateIds.map((id) => ({ id, current: currents.get(id) ?? null })), lots, now });
      await endAssignments(tx, plan.releases, now);
      for (const candidate of candidates) {
        await refreshCandidateProgress(tx, candidate.id, now);
        const current = currents.get(candidate.id);
        if (body.notify && current) await enqueueMail(tx, cancellationNoticeMail({ spaceId, candidate, examTypeId: current.examType }));
      }
      const creditsReturned = await giveBack(tx, plan.returnCredits, plan.releaseSeats, now);
      return { removed: plan.releases.length, creditsReturned };
    }),
  );
}

// ---------------------------------------------------------------------------
// The eligible lists of §6.6 (« Gérer les certifications »)

export type EligibleAction = 'assign' | 'remove';

export interface EligibleList extends CandidateList {
  /** With `examType` (assign): the credits of that type left in the stock, « dans la limite des stocks disponibles ». */
  available: number | null;
}

/**
 * The candidates a bulk action may take, as the candidates table shows them
 * (same search, filters, sort, cursor, hidden candidates left out unless asked):
 * - `assign`: « tous les candidats auxquels le nouvel examen peut être
 *   attribué » — no current exam (never assigned, taken, or expired, R19);
 * - `remove`: « tous les candidats dont l'examen peut être supprimé » — an
 *   untaken exam, scheduled or expired.
 */
export async function eligibleCandidates(
  db: Db,
  spaceId: string,
  action: EligibleAction,
  filters: CandidateFilters & { examType?: string | undefined },
  now: Date,
): Promise<EligibleList> {
  let available: number | null = null;
  if (action === 'assign' && filters.examType) {
    const examType = await loadExamType(db, filters.examType);
    available = availableCredits(await loadLots(db, spaceId, examType.id, []), examType.id, now);
  }
  const extraWhere =
    action === 'assign' ? { OR: [{ stage: { not: 'assigned' } }, { deadline: { lt: now } }] } : { stage: 'assigned' };
  const list = await queryCandidates(db, spaceId, filters, now, { extraWhere });
  return { ...list, available };
}

// ---------------------------------------------------------------------------
// La Poste sessions (§6.5 « Sélection d'une session de passage »)

/**
 * `GET /exam-sessions`: La Poste centre sessions that have not started and
 * still have a free seat, soonest first; `city` matches the city (case and
 * accents ignored) or the postcode's start; `examType` the session's type;
 * `from`/`to` the session's Paris day. Offset cursor (sessions are few).
 */
export async function listExamSessions(
  db: Pick<Tx, 'examSession'>,
  now: Date,
  filters: {
    city?: string | undefined;
    examType?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    cursor?: string | undefined;
    limit?: number | undefined;
  },
): Promise<{ data: ExamSession[]; nextCursor: string | null; total: number }> {
  const rows = await db.examSession.findMany({
    where: {
      AND: [
        { startsAt: { gt: now } },
        ...(filters.from ? [{ startsAt: { gte: startOfParisDay(filters.from) } }] : []),
        ...(filters.to ? [{ startsAt: { lte: endOfParisDay(filters.to) } }] : []),
      ],
      seatsTaken: { lt: db.examSession.fields.seats },
      ...(filters.examType ? { examTypeId: filters.examType } : {}),
    },
    orderBy: [{ startsAt: 'asc' }, { city: 'asc' }, { id: 'asc' }],
  });
  const city = filters.city ? searchKey(filters.city) : undefined;
  const sessions = rows.filter((r) => city === undefined || searchKey(r.city) === city || r.postcode.startsWith(city)).map(toExamSession);
  const offset = filters.cursor === undefined ? 0 : decodeCursor(filters.cursor);
  const limit = filters.limit ?? LIMIT_DEFAULT;
  return {
    data: sessions.slice(offset, offset + limit),
    nextCursor: offset + limit < sessions.length ? encodeCursor(offset + limit) : null,
    total: sessions.length,
  };
}
