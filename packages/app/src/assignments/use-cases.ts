/**
 * Assignments (§6.5, §6.6; R4–R9, R15, R19): load the state through the
 * ports, ask the domain's plan (`planAssign`, `planModify`, `planRemove`,
 * `planBulkAssign`, `planBulkRemove`), apply it with the guarded writes, all in
 * one unit of work, and write the candidate's read model.
 *
 * Concurrency (R9): the first write of every unit of work locks the candidates
 * it acts on (`candidates.lock`), so two requests on one candidate cannot both
 * see « no current assignment ». Credits and seats move only through the
 * guards (`stock.consume`, `seats.take`); when one refuses what the plan
 * counted on, the use case throws {@link LostRace} and the unit of work plans
 * again on fresh data: a request fails only when the stock really is short,
 * and then with the domain's error, having changed nothing.
 *
 * The shared counters (a lot's `remaining`, a session's `seatsTaken`) are
 * written last: on PostgreSQL their row locks are then held only from that
 * statement to the commit, which keeps a burst of requests on one lot short.
 */
import {
  CODE_MAX_ATTEMPTS,
  DomainError,
  availableCredits,
  fr,
  generateActivationCode,
  hasActivationCode,
  notFound,
  planAssign,
  planBulkAssign,
  planBulkRemove,
  planModify,
  planRemove,
  presentAssignment,
  validationFailed,
  type AssignmentSnapshot,
  type AssignmentView,
  type CandidateList,
  type ExamSession,
  type ExamType,
  type LotTake,
  type RandomSource,
  type Release,
} from '@clr/domain';
import { LostRace, type CandidateFilters, type CandidateRef, type EligibleAction, type Ports, type TxPorts } from '../ports.js';
import { assignmentNoticeMail, cancellationNoticeMail } from './mails.js';

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

export interface EligibleList extends CandidateList {
  /** With `examType` (assign): the credits of that type left in the stock, « dans la limite des stocks disponibles ». */
  available: number | null;
}

// ---------------------------------------------------------------------------
// Loading state

/**
 * Locks the space's candidates `ids` and returns them in the order given.
 * Unknown ids, and ids of another space, are `not_found` (404), naming them
 * when several were asked for.
 */
export async function lockCandidates(tx: Pick<TxPorts, 'candidates'>, spaceId: string, ids: readonly string[], now: Date): Promise<CandidateRef[]> {
  const unique = [...new Set(ids)].sort();
  const rows = await tx.candidates.lock(spaceId, unique, now);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = unique.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    if (ids.length === 1) throw notFound("Ce candidat n'existe pas.");
    throw new DomainError(
      'not_found',
      missing.length === 1 ? "Un des candidats sélectionnés n'existe pas." : `${missing.length} des candidats sélectionnés n'existent pas.`,
      { candidateIds: missing },
    );
  }
  return ids.map((id) => byId.get(id) as CandidateRef);
}

/** An exam type of the catalogue, or 400 on `examType`. */
export async function loadExamType(tx: Pick<TxPorts, 'catalogue'>, id: string): Promise<ExamType> {
  const type = await tx.catalogue.examType(id);
  if (!type) throw validationFailed([{ path: 'examType', message: "Ce type d'examen n'existe pas." }]);
  return type;
}

async function loadSession(tx: Pick<TxPorts, 'catalogue'>, sessionId: string | undefined): Promise<ExamSession | null> {
  if (sessionId === undefined) return null;
  const session = await tx.catalogue.examSession(sessionId);
  if (!session) throw notFound("Cette session d'examen n'existe pas.");
  return session;
}

// ---------------------------------------------------------------------------
// Activation codes (R15)

/**
 * `count` fresh activation codes from the CSPRNG (the domain's generator),
 * distinct, none already stored. The store's unique index stays the final
 * guard: a code stored meanwhile by another request fails the unit of work,
 * which runs again.
 */
export async function drawActivationCodes(tx: Pick<TxPorts, 'assignments'>, count: number, random: RandomSource): Promise<string[]> {
  const codes = new Set<string>();
  for (let round = 0; codes.size < count; round += 1) {
    if (round >= CODE_MAX_ATTEMPTS) throw new DomainError('conflict', fr('activationCode.exhausted'));
    const fresh = new Set<string>();
    while (codes.size + fresh.size < count) fresh.add(generateActivationCode(random, (c) => codes.has(c) || fresh.has(c)));
    const taken = await tx.assignments.storedCodes([...fresh]);
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

async function codesFor(tx: TxPorts, examType: ExamType, count: number, random: RandomSource): Promise<() => string> {
  return codeSupply(hasActivationCode(examType) ? await drawActivationCodes(tx, count, random) : []);
}

// ---------------------------------------------------------------------------
// Applying plans with the guards

async function takeCredits(tx: TxPorts, takes: readonly LotTake[], now: Date): Promise<void> {
  for (const take of takes) {
    if (!(await tx.stock.consume(take.lotId, take.count, now))) throw new LostRace(await tx.stock.shortage(take.lotId, take.count, now));
  }
}

/** Takes `count` seats of a session, all or none (the unit of work rolls back the ones taken). */
async function takeSeats(tx: TxPorts, sessionId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    if (await tx.seats.take(sessionId)) continue;
    const refusal = await tx.seats.refusal(sessionId);
    if (count > 1 && refusal.code === 'conflict') {
      const available = Number(refusal.details.available ?? 0) + i;
      throw new DomainError('conflict', `${count} places nécessaires, ${available} disponible${available > 1 ? 's' : ''} dans cette session : choisissez une autre session.`, {
        sessionId,
        needed: count,
        available,
      });
    }
    throw refusal;
  }
}

/** Ends untaken rows as `removed` or `replaced` (guarded: still active and untaken). */
async function endAssignments(tx: TxPorts, releases: readonly Release[], now: Date): Promise<void> {
  for (const endedAs of ['removed', 'replaced'] as const) {
    const ids = releases.filter((r) => r.endedAs === endedAs).map((r) => r.assignmentId);
    if (ids.length === 0) continue;
    if ((await tx.assignments.end(ids, endedAs, now)) !== ids.length) {
      throw new DomainError('conflict', "Cet examen a déjà été passé : son attribution ne peut plus être modifiée ni supprimée.", {
        assignmentIds: ids,
      });
    }
  }
}

/** Gives back the credits and seats the releases free (each guarded). Returns the credits given back. */
async function giveBack(tx: TxPorts, credits: readonly LotTake[], seats: readonly { sessionId: string; count: number }[], now: Date): Promise<number> {
  let returned = 0;
  for (const { lotId, count } of credits) {
    for (let i = 0; i < count; i += 1) if (await tx.stock.giveBack(lotId, now)) returned += 1;
  }
  for (const { sessionId, count } of seats) {
    for (let i = 0; i < count; i += 1) await tx.seats.release(sessionId);
  }
  return returned;
}

function present(row: AssignmentSnapshot, now: Date): AssignmentResult {
  return { ...presentAssignment(row, now), candidateId: row.candidateId };
}

function releasedBy(release: Release, seat: string | null) {
  return {
    credits: release.returnCredit ? [{ lotId: release.lotId, count: 1 }] : [],
    seats: seat ? [{ sessionId: seat, count: 1 }] : [],
  };
}

// ---------------------------------------------------------------------------
// Use cases

/**
 * R5 — « Attribuer une certification » (§6.5): one credit consumed (R4: the
 * soonest-expiring lot), a La Poste seat taken if the type needs a session,
 * an activation code drawn if the partner supervises the exam; optionally a
 * notice e-mailed to the candidate, in the same unit of work.
 */
export function assignExam(ports: Ports, spaceId: string, candidateId: string, body: AssignmentRequest): Promise<AssignmentResult> {
  return ports.uow.run(async (tx) => {
    const now = ports.now();
    const [candidate] = (await lockCandidates(tx, spaceId, [candidateId], now)) as [CandidateRef];
    const examType = await loadExamType(tx, body.examType);
    const session = await loadSession(tx, body.sessionId);
    const current = (await tx.assignments.current([candidateId])).get(candidateId) ?? null;
    const lots = await tx.stock.lots(spaceId, examType.id, []);
    const plan = planAssign({
      candidateId,
      current,
      examType,
      lots,
      scheduledAt: body.scheduledAt ?? null,
      session,
      now,
      newActivationCode: await codesFor(tx, examType, 1, ports.random),
    });
    const created = present(await tx.assignments.create(spaceId, plan.assignment), now);
    await tx.candidates.refreshProgress(candidateId, now);
    if (body.notify) {
      await tx.outbox.enqueue(assignmentNoticeMail({ spaceId, candidate, examType, scheduledAt: plan.assignment.scheduledAt, session }));
    }
    await takeCredits(tx, [{ lotId: plan.consume.lotId, count: 1 }], now);
    if (plan.takeSeat) await takeSeats(tx, plan.takeSeat, 1);
    return created;
  });
}

/**
 * R6 — « Modifier l'attribution » (§6.6): only an untaken assignment; its
 * credit goes back to its lot (lost if the lot or the assignment has
 * expired), its seat is released, and the new choice is assigned as R5 says.
 */
export function modifyAssignment(ports: Ports, spaceId: string, candidateId: string, body: AssignmentRequest): Promise<AssignmentResult> {
  return ports.uow.run(async (tx) => {
    const now = ports.now();
    const [candidate] = (await lockCandidates(tx, spaceId, [candidateId], now)) as [CandidateRef];
    const examType = await loadExamType(tx, body.examType);
    const session = await loadSession(tx, body.sessionId);
    const current = (await tx.assignments.current([candidateId])).get(candidateId) ?? null;
    const lots = await tx.stock.lots(spaceId, examType.id, current ? [current.lotId] : []);
    const plan = planModify({
      current,
      examType,
      lots,
      scheduledAt: body.scheduledAt ?? null,
      session,
      now,
      newActivationCode: await codesFor(tx, examType, 1, ports.random),
    });
    await endAssignments(tx, [plan.release], now);
    const created = present(await tx.assignments.create(spaceId, plan.assignment), now);
    await tx.candidates.refreshProgress(candidateId, now);
    if (body.notify) {
      await tx.outbox.enqueue(assignmentNoticeMail({ spaceId, candidate, examType, scheduledAt: plan.assignment.scheduledAt, session }));
    }
    const freed = releasedBy(plan.release, plan.releaseSeat);
    await giveBack(tx, freed.credits, freed.seats, now);
    await takeCredits(tx, [{ lotId: plan.consume.lotId, count: 1 }], now);
    if (plan.takeSeat) await takeSeats(tx, plan.takeSeat, 1);
    return created;
  });
}

/**
 * R7 — « Supprimer l'attribution » (§6.6): only an untaken assignment; the
 * credit is « reversé dans le stock » (unless its lot or the assignment has
 * expired), the La Poste seat freed; optionally the candidate is told.
 */
export async function removeAssignment(ports: Ports, spaceId: string, candidateId: string, options: { notify: boolean }): Promise<void> {
  await ports.uow.run(async (tx) => {
    const now = ports.now();
    const [candidate] = (await lockCandidates(tx, spaceId, [candidateId], now)) as [CandidateRef];
    const current = (await tx.assignments.current([candidateId])).get(candidateId) ?? null;
    const lots = await tx.stock.lots(spaceId, null, current ? [current.lotId] : []);
    const plan = planRemove({ current, lots, now });
    await endAssignments(tx, [plan.release], now);
    await tx.candidates.refreshProgress(candidateId, now);
    if (options.notify && current) {
      await tx.outbox.enqueue(cancellationNoticeMail({ spaceId, candidate, examTypeId: current.examType }));
    }
    const freed = releasedBy(plan.release, plan.releaseSeat);
    await giveBack(tx, freed.credits, freed.seats, now);
  });
}

/**
 * R8 — « Attribuer les certifications » to several candidates (§6.6), all or
 * nothing: not enough credits → `out_of_stock` with `needed` and `available`;
 * candidates holding a current exam → `not_eligible` with their ids; a La
 * Poste session without enough seats → `conflict`. Nothing is written then.
 */
export function bulkAssign(ports: Ports, spaceId: string, body: BulkAssignmentRequest): Promise<AssignmentResult[]> {
  return ports.uow.run(async (tx) => {
    const now = ports.now();
    const candidates = await lockCandidates(tx, spaceId, body.candidateIds, now);
    const examType = await loadExamType(tx, body.examType);
    const session = await loadSession(tx, body.sessionId);
    const currents = await tx.assignments.current(body.candidateIds);
    const lots = await tx.stock.lots(spaceId, examType.id, []);
    const plan = planBulkAssign({
      candidates: body.candidateIds.map((id) => ({ id, current: currents.get(id) ?? null })),
      examType,
      lots,
      scheduledAt: body.scheduledAt ?? null,
      session,
      now,
      newActivationCode: await codesFor(tx, examType, body.candidateIds.length, ports.random),
    });
    const created: AssignmentResult[] = [];
    for (const a of plan.assignments) created.push(present(await tx.assignments.create(spaceId, a), now));
    for (const candidate of candidates) {
      await tx.candidates.refreshProgress(candidate.id, now);
      if (body.notify) {
        const scheduledAt = plan.assignments[0]?.scheduledAt ?? null;
        await tx.outbox.enqueue(assignmentNoticeMail({ spaceId, candidate, examType, scheduledAt, session }));
      }
    }
    await takeCredits(tx, plan.consume, now);
    if (plan.takeSeats) await takeSeats(tx, plan.takeSeats.sessionId, plan.takeSeats.count);
    return created;
  });
}

/**
 * R8 — « Supprimer des attributions » (§6.6), all or nothing: each selected
 * candidate must hold an untaken assignment (scheduled or expired), else
 * `not_eligible` with the others' ids and nothing changes.
 */
export function bulkRemove(ports: Ports, spaceId: string, body: BulkRemovalRequest): Promise<BulkRemoval> {
  return ports.uow.run(async (tx) => {
    const now = ports.now();
    const candidates = await lockCandidates(tx, spaceId, body.candidateIds, now);
    const currents = await tx.assignments.current(body.candidateIds);
    const lots = await tx.stock.lots(spaceId, null, [...currents.values()].map((a) => a.lotId));
    const plan = planBulkRemove({ candidates: body.candidateIds.map((id) => ({ id, current: currents.get(id) ?? null })), lots, now });
    await endAssignments(tx, plan.releases, now);
    for (const candidate of candidates) {
      await tx.candidates.refreshProgress(candidate.id, now);
      const current = currents.get(candidate.id);
      if (body.notify && current) await tx.outbox.enqueue(cancellationNoticeMail({ spaceId, candidate, examTypeId: current.examType }));
    }
    const creditsReturned = await giveBack(tx, plan.returnCredits, plan.releaseSeats, now);
    return { removed: plan.releases.length, creditsReturned };
  });
}

/**
 * The candidates a bulk action may take (§6.6 « Gérer les certifications »),
 * as the candidates table shows them (same search, filters, sort, cursor,
 * hidden candidates left out unless asked), with the stock of `examType`.
 */
export async function eligibleCandidates(
  ports: Ports,
  spaceId: string,
  action: EligibleAction,
  filters: CandidateFilters & { examType?: string | undefined },
): Promise<EligibleList> {
  const now = ports.now();
  let available: number | null = null;
  if (action === 'assign' && filters.examType) {
    const examTypeId = filters.examType;
    available = await ports.uow.read(async (tx) => {
      const examType = await loadExamType(tx, examTypeId);
      return availableCredits(await tx.stock.lots(spaceId, examType.id, []), examType.id, now);
    });
  }
  const list = await ports.queries.eligible(spaceId, action, filters, now);
  return { ...list, available };
}
