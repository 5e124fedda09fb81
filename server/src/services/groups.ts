/**
 * Groups (§5): the table, creation, editing, hiding (R12), deletion (R13) and
 * membership (R14). The domain decides (`planGroupDeletion`, `planAssociation`,
 * `planDissociation`, the table's order of `sortGroupsForTable` and its keys);
 * this module loads, calls and writes. Every write that changes who is hidden also maintains the
 * candidates' read-model flag `inHiddenGroup` in the same transaction, so the
 * candidates table, its counts and the dashboard never see a half-hidden group.
 */
import {
  DomainError,
  endOfParisDay,
  planAssociation,
  planDissociation,
  planGroupDeletion,
  nameSortKey,
  GROUP_CATEGORY_ORDER,
  startOfParisDay,
  type CandidateList,
  type CandidateListQuery,
  type GroupCategory,
  type GroupCreateBody,
  type GroupList,
  type GroupListQuery,
  type GroupPatchBody,
  type GroupSort,
  type GroupWithCount,
} from '@clr/domain';
import { withTransaction, type Db, type Tx } from '../db/client.js';
import { Prisma } from '../generated/sqlite/client.js';
import type { AppDeps } from '../http/env.js';
import { isUniqueViolation, notFound } from '../http/problem.js';
import { membershipWhere, queryCandidates, searchKey } from './candidate-list.js';
import { decodeCursor, pageOfSegments } from './cursor.js';

/**
 * Hiding and membership writes run serialisable: on PostgreSQL a concurrent
 * « masquer » and « associer » on the same group cannot both miss each other
 * (one is retried); on SQLite every transaction is serialised anyway.
 */
const SERIALIZABLE = { isolationLevel: Prisma.TransactionIsolationLevel.Serializable } as const;

const GROUP_SELECT = {
  id: true,
  name: true,
  category: true,
  hidden: true,
  createdAt: true,
  _count: { select: { members: true } },
} as const satisfies Prisma.GroupSelect;

type GroupRecord = Prisma.GroupGetPayload<{ select: typeof GROUP_SELECT }>;

function toGroup(record: GroupRecord): GroupWithCount {
  return {
    id: record.id,
    name: record.name,
    category: record.category as GroupCategory,
    hidden: record.hidden,
    createdAt: record.createdAt.toISOString(),
    memberCount: record._count.members,
  };
}

/** Names are unique per space, case-insensitively (§2): the key of the unique index. */
export function groupNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The columns a group's name is written with: the name, its unique key, and its search and sort keys (the domain's). */
export function groupNameColumns(name: string): { name: string; nameKey: string; searchKey: string; sortKey: string } {
  return { name, nameKey: groupNameKey(name), searchKey: searchKey(name), sortKey: nameSortKey(name) };
}

const groupNotFound = () => notFound("Ce groupe n'existe pas.");

function nameTaken(name: string): DomainError {
  const message = 'Ce nom de groupe est déjà utilisé.';
  return new DomainError('conflict', `Un groupe « ${name} » existe déjà dans votre espace : choisissez un autre nom.`, {
    field: 'name',
    errors: [{ path: 'name', message }],
  });
}

/** A group of the space (404 for another space's, which looks unknown). */
async function findGroup(db: Pick<Db, 'group'> | Tx, spaceId: string, id: string): Promise<GroupRecord> {
  const group = await db.group.findFirst({ where: { id, spaceId }, select: GROUP_SELECT });
  if (!group) throw groupNotFound();
  return group;
}

/**
 * R12 Recomputes `inHiddenGroup` for the candidates matching `where`: true when
 * in at least one hidden group, false otherwise. Two guarded statements, run in
 * the caller's transaction after the group or membership change.
 */
export async function refreshHiddenFlag(tx: Tx, where: Prisma.CandidateWhereInput): Promise<void> {
  await tx.candidate.updateMany({
    where: { AND: [where, { inHiddenGroup: false }, { memberships: { some: { group: { hidden: true } } } }] },
    data: { inHiddenGroup: true },
  });
  await tx.candidate.updateMany({
    where: { AND: [where, { inHiddenGroup: true }, { memberships: { none: { group: { hidden: true } } } }] },
    data: { inHiddenGroup: false },
  });
}

/** The part of the groups table a page is read from: visible or hidden groups (R12), one category or all, in its order. */
interface GroupSegment {
  where: Prisma.GroupWhereInput;
  orderBy: Prisma.GroupOrderByWithRelationInput[];
}

/**
 * The groups table's order (the domain's `sortGroupsForTable`) as ordered
 * segments, each read from an index: visible groups, then hidden ones (R12,
 * « en grisé et en dernière position »); by category, one segment per category
 * in the order of its French label.
 */
function groupSegments(sort: GroupSort): GroupSegment[] {
  const dir = sort.startsWith('-') ? 'desc' : 'asc';
  const column = sort.replace(/^-/, '');
  const ties: Prisma.GroupOrderByWithRelationInput[] = [{ sortKey: 'asc' }, { id: 'asc' }];
  return [false, true].flatMap((hidden): GroupSegment[] => {
    if (column === 'category') {
      const categories = dir === 'asc' ? GROUP_CATEGORY_ORDER : [...GROUP_CATEGORY_ORDER].reverse();
      return categories.map((category) => ({ where: { hidden, category }, orderBy: ties }));
    }
    if (column === 'createdAt') return [{ where: { hidden }, orderBy: [{ createdAt: dir }, ...ties] }];
    return [{ where: { hidden }, orderBy: [{ sortKey: dir }, { id: 'asc' }] }];
  });
}

/**
 * §5.1 the groups table, in the database: search on the name (accents and
 * case ignored: its search key), category, creation period (Paris days), sort
 * on a column with hidden groups last (R12), member counts of the page's
 * groups, pages. The cursor is an opaque offset: the segments before it are
 * skipped by their counts (one grouped count), the page read from the
 * segments' indexes.
 */
export async function listGroups(deps: AppDeps, spaceId: string, query: GroupListQuery): Promise<GroupList> {
  const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
  const needle = query.q ? searchKey(query.q) : '';
  const where: Prisma.GroupWhereInput = {
    spaceId,
    ...(needle ? { searchKey: { contains: needle } } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.from || query.to
      ? {
          createdAt: {
            ...(query.from ? { gte: startOfParisDay(query.from) } : {}),
            ...(query.to ? { lte: endOfParisDay(query.to) } : {}),
          },
        }
      : {}),
  };
  const counted = await deps.db.group.groupBy({ by: ['hidden', 'category'], where, _count: { _all: true } });
  const sizeOf = (segment: GroupSegment) =>
    counted
      .filter((row) => row.hidden === segment.where.hidden && (segment.where.category === undefined || row.category === segment.where.category))
      .reduce((sum, row) => sum + row._count._all, 0);
  return pageOfSegments(
    groupSegments(query.sort ?? 'name').map((segment) => ({ segment, size: sizeOf(segment) })),
    offset,
    query.limit,
    async (segment, skip, take) =>
      (await deps.db.group.findMany({ where: { AND: [where, segment.where] }, orderBy: segment.orderBy, skip, take, select: GROUP_SELECT })).map(toGroup),
  );
}

/** `GET /groups/:id`. */
export async function getGroup(deps: AppDeps, spaceId: string, id: string): Promise<GroupWithCount> {
  return toGroup(await findGroup(deps.db, spaceId, id));
}

/** §5.3 « Créer un groupe »: name unique in the space whatever its case → 409 `conflict` naming `name`. */
export async function createGroup(deps: AppDeps, spaceId: string, body: GroupCreateBody): Promise<GroupWithCount> {
  const nameKey = groupNameKey(body.name);
  if (await deps.db.group.findUnique({ where: { spaceId_nameKey: { spaceId, nameKey } }, select: { id: true } })) {
    throw nameTaken(body.name);
  }
  try {
    const created = await deps.db.group.create({
      data: { spaceId, ...groupNameColumns(body.name), category: body.category, createdAt: deps.now() },
      select: GROUP_SELECT,
    });
    return toGroup(created);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(body.name);
    throw error;
  }
}

/**
 * §5.4 and §5.8: rename, change the category, hide or show again. Hiding
 * (R12) and showing again update the members' `inHiddenGroup` in the same
 * transaction: « Les apprenants appartenant à ce groupe ne s'afficheront plus
 * dans le tableau des candidats » — and come back when it is shown again,
 * unless another hidden group still holds them.
 */
export async function updateGroup(deps: AppDeps, spaceId: string, id: string, patch: GroupPatchBody): Promise<GroupWithCount> {
  const data: Prisma.GroupUpdateManyMutationInput = {};
  if (patch.name !== undefined) Object.assign(data, groupNameColumns(patch.name));
  if (patch.category !== undefined) data.category = patch.category;
  if (patch.hidden !== undefined) data.hidden = patch.hidden;
  try {
    await withTransaction(
      deps.db,
      async (tx) => {
        if (patch.name !== undefined) {
          const other = await tx.group.findFirst({
            where: { spaceId, nameKey: groupNameKey(patch.name), NOT: { id } },
            select: { id: true },
          });
          if (other) throw nameTaken(patch.name);
        }
        const { count } = await tx.group.updateMany({ where: { id, spaceId }, data });
        if (count !== 1) throw groupNotFound();
        if (patch.hidden !== undefined) await refreshHiddenFlag(tx, { spaceId, memberships: { some: { groupId: id } } });
      },
      SERIALIZABLE,
    );
  } catch (error) {
    if (isUniqueViolation(error) && patch.name !== undefined) throw nameTaken(patch.name);
    throw error;
  }
  return getGroup(deps, spaceId, id);
}

/**
 * R13 « Supprimer un groupe » (§5.5): its memberships go, its candidates stay
 * (« ils se retrouveront sans groupe »). If it was hidden, its members come
 * back to the table unless another hidden group holds them.
 */
export async function deleteGroup(deps: AppDeps, spaceId: string, id: string): Promise<void> {
  await withTransaction(
    deps.db,
    async (tx) => {
      const group = await findGroup(tx, spaceId, id);
      const memberships = await tx.membership.findMany({ where: { groupId: id }, select: { groupId: true, candidateId: true } });
      const plan = planGroupDeletion(group, memberships);
      if (group.hidden && plan.candidateIdsKept.length > 0) {
        // Shown first, so the members' flag is recomputed from their other groups alone.
        await tx.group.update({ where: { id }, data: { hidden: false } });
        await refreshHiddenFlag(tx, { spaceId, memberships: { some: { groupId: id } } });
      }
      await tx.membership.deleteMany({ where: { groupId: plan.groupId } });
      await tx.group.delete({ where: { id: plan.groupId } });
    },
    SERIALIZABLE,
  );
}

export interface MembersResult {
  group: GroupWithCount;
  /** Candidates added to the group, in the order asked. */
  added: string[];
  /** Asked for but already members: nothing done for them. */
  alreadyMembers: string[];
}

/**
 * R14 « Associer des candidats » (§5.9): all or nothing. Ids that are not
 * candidates of the space (another space's included) refuse the whole request
 * with 404 naming them; members already in the group are skipped. Added to a
 * hidden group, candidates leave the table (R12) in the same transaction.
 */
export async function addMembers(deps: AppDeps, spaceId: string, groupId: string, candidateIds: readonly string[]): Promise<MembersResult> {
  const now = deps.now();
  const run = () =>
    withTransaction(
      deps.db,
      async (tx) => {
        const group = await findGroup(tx, spaceId, groupId);
        const [known, members] = await Promise.all([
          tx.candidate.findMany({ where: { spaceId, id: { in: [...candidateIds] } }, select: { id: true } }),
          tx.membership.findMany({ where: { groupId, candidateId: { in: [...candidateIds] } }, select: { candidateId: true } }),
        ]);
        const plan = planAssociation(
          group,
          members.map((m) => m.candidateId),
          candidateIds,
          known.map((c) => c.id),
        );
        if (plan.add.length > 0) {
          await tx.membership.createMany({ data: plan.add.map((candidateId) => ({ groupId, candidateId, createdAt: now })) });
          if (group.hidden) await tx.candidate.updateMany({ where: { spaceId, id: { in: plan.add } }, data: { inHiddenGroup: true } });
        }
        return plan;
      },
      SERIALIZABLE,
    );
  let plan;
  try {
    plan = await run();
  } catch (error) {
    // The same candidate associated twice at once: the second sees the first's membership.
    if (!isUniqueViolation(error)) throw error;
    plan = await run();
  }
  return { group: await getGroup(deps, spaceId, groupId), added: plan.add, alreadyMembers: plan.alreadyMembers };
}

/**
 * « Dissocier un candidat d'un groupe » (§5.10): the membership goes, the
 * candidate stays; 404 when they are not a member. Leaving a hidden group may
 * bring them back to the table (R12).
 */
export async function removeMember(deps: AppDeps, spaceId: string, groupId: string, candidateId: string): Promise<void> {
  await withTransaction(
    deps.db,
    async (tx) => {
      const group = await findGroup(tx, spaceId, groupId);
      const membership = await tx.membership.findUnique({
        where: { groupId_candidateId: { groupId, candidateId } },
        select: { candidateId: true },
      });
      const plan = planDissociation(group, candidateId, membership ? [membership.candidateId] : []);
      await tx.membership.deleteMany({ where: { groupId: plan.groupId, candidateId: plan.candidateId } });
      if (group.hidden) await refreshHiddenFlag(tx, { spaceId, id: plan.candidateId });
    },
    SERIALIZABLE,
  );
}

/**
 * §5.6 the candidates of a group: the candidates table restricted to its
 * members, with the same search, filters, sort and pages. Every member shows,
 * hidden ones included — the group's page is where a hidden group's candidates
 * are seen — so `includeHidden` is always on here.
 */
export async function listGroupCandidates(deps: AppDeps, spaceId: string, groupId: string, query: CandidateListQuery): Promise<CandidateList> {
  await findGroup(deps.db, spaceId, groupId);
  return queryCandidates(deps.db, spaceId, { ...query, groupId, includeHidden: true }, deps.now());
}

/**
 * R14 the « Associer des candidats » window (§5.9): every candidate who is not
 * in this group, « qu'ils soient sans groupe ou qu'ils appartiennent déjà à un
 * autre groupe », with the table's search and filters (status, group, period).
 */
export async function listAssociable(deps: AppDeps, spaceId: string, groupId: string, query: CandidateListQuery): Promise<CandidateList> {
  await findGroup(deps.db, spaceId, groupId);
  return queryCandidates(deps.db, spaceId, query, deps.now(), { extraWhere: await membershipWhere(deps.db, spaceId, groupId, 'none') });
}
