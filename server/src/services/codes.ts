/**
 * « Afficher le code d'activation d'un ou de plusieurs examens » (§6.7, R15):
 * the codes of the exams the partner supervises — never La Poste's, whose
 * centre holds its own — for one candidate, a selection, or the filters of
 * the selection dialog. Only live codes: the assignment counts (neither
 * removed nor replaced), is neither taken nor started, its code unspent and
 * its deadline not passed.
 */
import { DomainError, LIMIT_MAX, type ActivationCodeRow, type CandidateList, type CandidateListQuery } from '@clr/domain';
import type { Db } from '../db/client.js';
import type { Prisma } from '../generated/sqlite/client.js';
import { queryCandidates, type CandidateFilters } from './candidate-list.js';

/** The exam types whose assignments carry an activation code (`supervision = partner`). */
export async function partnerExamTypes(db: Pick<Db, 'examType'>): Promise<string[]> {
  const rows = await db.examType.findMany({ where: { supervision: 'partner' }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** R15 — an assignment whose activation code can still open an exam at `now`. */
export function liveCodeWhere(now: Date, examTypeIds: readonly string[]): Prisma.AssignmentWhereInput {
  return {
    state: 'active',
    activationCode: { not: null },
    examTypeId: { in: [...examTypeIds] },
    codeSpentAt: null,
    takenAt: null,
    deadline: { gte: now },
    attempts: { none: {} },
  };
}

/**
 * The candidates of the bulk dialog (« la liste de tous les candidats auxquels
 * un examen avec code d'activation est attribué »): the candidates table with
 * its search and filters, restricted to those holding a live code.
 */
export async function candidatesWithCode(db: Db, spaceId: string, filters: CandidateFilters, now: Date): Promise<CandidateList> {
  const types = await partnerExamTypes(db);
  return queryCandidates(db, spaceId, filters, now, { extraWhere: { assignments: { some: liveCodeWhere(now, types) } } });
}

export interface ActivationCodeFilters extends Pick<CandidateListQuery, 'limit'> {
  candidateIds?: string[] | undefined;
  q?: string | undefined;
  status?: CandidateListQuery['status'];
  groupId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
}

/**
 * `GET /activation-codes`: rows of « Afficher les codes d'activation » (name,
 * e-mail, status, scheduled date, code), by name. With `candidateIds` (one
 * candidate's file, or the dialog's selection) every chosen candidate must be
 * the space's (`not_found` otherwise, also for another space's) and hold a live
 * code (`not_eligible` with the others' ids); hidden candidates can be chosen.
 * Without it, the filters of the dialog pick the candidates.
 */
export async function listActivationCodes(
  db: Db,
  spaceId: string,
  filters: ActivationCodeFilters,
  now: Date,
): Promise<{ data: ActivationCodeRow[]; nextCursor: string | null; total: number }> {
  const types = await partnerExamTypes(db);
  const live = liveCodeWhere(now, types);
  const selection = filters.candidateIds;
  if (selection) {
    const found = await db.candidate.findMany({ where: { spaceId, id: { in: selection } }, select: { id: true } });
    if (found.length !== selection.length) {
      const known = new Set(found.map((c) => c.id));
      throw new DomainError('not_found', selection.length === 1 ? "Ce candidat n'existe pas." : "Des candidats sélectionnés n'existent pas.", {
        candidateIds: selection.filter((id) => !known.has(id)),
      });
    }
    const holders = await db.assignment.findMany({ where: { candidateId: { in: selection }, ...live }, select: { candidateId: true } });
    const withCode = new Set(holders.map((h) => h.candidateId));
    const without = selection.filter((id) => !withCode.has(id));
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
  const page = await queryCandidates(
    db,
    spaceId,
    {
      q: filters.q,
      status: filters.status,
      groupId: filters.groupId,
      from: filters.from,
      to: filters.to,
      cursor: filters.cursor,
      limit: filters.limit,
      sort: 'name',
      includeHidden: selection !== undefined,
    },
    now,
    { extraWhere: { ...(selection ? { id: { in: selection } } : {}), assignments: { some: live } } },
  );
  const codes = await db.assignment.findMany({
    where: { candidateId: { in: page.data.map((r) => r.id) }, ...live },
    select: { candidateId: true, activationCode: true, scheduledAt: true, createdAt: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const byCandidate = new Map(codes.map((c) => [c.candidateId, c]));
  return {
    data: page.data.flatMap((row) => {
      const code = byCandidate.get(row.id);
      if (!code?.activationCode) return [];
      return [
        {
          candidateId: row.id,
          lastName: row.lastName,
          firstName: row.firstName,
          email: row.email,
          status: row.status,
          date: code.scheduledAt,
          code: code.activationCode,
        },
      ];
    }),
    nextCursor: page.nextCursor,
    total: page.total,
  };
}

/**
 * « Exporter » (§6.7, R20): every row the filters or the selection give — all
 * pages, in the dialog's order —, for the CSV of the documents package.
 */
export async function allActivationCodes(db: Db, spaceId: string, filters: Omit<ActivationCodeFilters, 'cursor' | 'limit'>, now: Date): Promise<ActivationCodeRow[]> {
  const rows: ActivationCodeRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await listActivationCodes(db, spaceId, { ...filters, cursor, limit: LIMIT_MAX }, now);
    rows.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return rows;
}
