/**
 * Groups (§5), as the server's `services/groups.ts`: the table (search,
 * category, period, the domain's `sortGroupsForTable` with hidden groups last,
 * R12), creation and editing (names unique per space whatever their case),
 * deletion (R13, `planGroupDeletion`), members (R14, `planAssociation`,
 * `planDissociation`), a group's candidates and the associable ones.
 */
import {
  DomainError,
  endOfParisDay,
  planAssociation,
  planDissociation,
  planGroupDeletion,
  sortGroupsForTable,
  startOfParisDay,
  type CandidateList,
  type CandidateListQuery,
  type GroupCreateBody,
  type GroupList,
  type GroupListQuery,
  type GroupPatchBody,
  type GroupWithCount,
} from '@clr/domain';
import { notFound } from '../http/problem.js';
import type { MockStore } from '../store/store.js';
import type { GroupRecord } from '../store/types.js';
import { queryCandidates } from './candidate-list.js';
import { offsetPage, searchKey } from './paging.js';

const groupNotFound = () => notFound("Ce groupe n'existe pas.");

/** Names are unique per space, case-insensitively (§2). */
export function groupNameKey(name: string): string {
  return name.trim().toLowerCase();
}

function nameTaken(name: string): DomainError {
  return new DomainError('conflict', `Un groupe « ${name} » existe déjà dans votre espace : choisissez un autre nom.`, {
    field: 'name',
    errors: [{ path: 'name', message: 'Ce nom de groupe est déjà utilisé.' }],
  });
}

function withCount(store: MockStore, group: GroupRecord): GroupWithCount {
  return {
    id: group.id,
    name: group.name,
    category: group.category,
    hidden: group.hidden,
    createdAt: group.createdAt,
    memberCount: store.index().membershipsByGroup.get(group.id)?.length ?? 0,
  };
}

/** A group of the space, or 404 (another space's looks unknown). */
export function requireGroup(store: MockStore, spaceId: string, id: string): GroupRecord {
  const group = store.index().groups.get(id);
  if (!group || group.spaceId !== spaceId) throw groupNotFound();
  return group;
}

/** §5.1 the groups table. */
export function listGroups(store: MockStore, spaceId: string, query: GroupListQuery): GroupList {
  const from = query.from ? startOfParisDay(query.from).getTime() : undefined;
  const to = query.to ? endOfParisDay(query.to).getTime() : undefined;
  const needle = query.q ? searchKey(query.q) : undefined;
  const rows = store.state.groups.filter((g) => {
    if (g.spaceId !== spaceId) return false;
    if (query.category && g.category !== query.category) return false;
    const created = Date.parse(g.createdAt);
    if (from !== undefined && created < from) return false;
    if (to !== undefined && created > to) return false;
    return needle === undefined || searchKey(g.name).includes(needle);
  });
  return offsetPage(sortGroupsForTable(rows.map((g) => withCount(store, g)), query.sort), query.cursor, query.limit);
}

export function getGroup(store: MockStore, spaceId: string, id: string): GroupWithCount {
  return withCount(store, requireGroup(store, spaceId, id));
}

function sameName(store: MockStore, spaceId: string, name: string, except?: string): boolean {
  const key = groupNameKey(name);
  return store.state.groups.some((g) => g.spaceId === spaceId && g.id !== except && groupNameKey(g.name) === key);
}

/** §5.3 « Créer un groupe ». */
export function createGroup(store: MockStore, spaceId: string, body: GroupCreateBody): GroupWithCount {
  if (sameName(store, spaceId, body.name)) throw nameTaken(body.name);
  const group: GroupRecord = {
    id: store.nextId('grp'),
    spaceId,
    name: body.name,
    category: body.category,
    hidden: false,
    createdAt: store.now().toISOString(),
  };
  store.state.groups.push(group);
  store.changed('groups');
  return withCount(store, group);
}

/** §5.4, §5.8: rename, change the category, hide or show again (R12: its members leave or come back to the table). */
export function updateGroup(store: MockStore, spaceId: string, id: string, patch: GroupPatchBody): GroupWithCount {
  if (patch.name !== undefined && sameName(store, spaceId, patch.name, id)) throw nameTaken(patch.name);
  const group = requireGroup(store, spaceId, id);
  if (patch.name !== undefined) group.name = patch.name;
  if (patch.category !== undefined) group.category = patch.category;
  if (patch.hidden !== undefined) group.hidden = patch.hidden;
  // Its members' rows show its name and are hidden with it (R12).
  store.touched((store.index().membershipsByGroup.get(id) ?? []).map((m) => m.candidateId));
  return withCount(store, group);
}

/** R13 « Supprimer un groupe » (§5.5): its memberships go, its candidates stay. */
export function deleteGroup(store: MockStore, spaceId: string, id: string): void {
  const group = requireGroup(store, spaceId, id);
  const plan = planGroupDeletion(group, store.index().membershipsByGroup.get(id) ?? []);
  const removed = new Set(plan.removeMemberships.map((m) => m.candidateId));
  store.state.memberships = store.state.memberships.filter((m) => m.groupId !== plan.groupId || !removed.has(m.candidateId));
  store.state.groups = store.state.groups.filter((g) => g.id !== plan.groupId);
  store.changed('groups');
  store.touched(plan.candidateIdsKept);
}

export interface MembersResult {
  group: GroupWithCount;
  added: string[];
  alreadyMembers: string[];
}

/** R14 « Associer des candidats » (§5.9): all or nothing; unknown ids (another space's included) are 404 naming them. */
export function addMembers(store: MockStore, spaceId: string, groupId: string, candidateIds: readonly string[]): MembersResult {
  const group = requireGroup(store, spaceId, groupId);
  const index = store.index();
  const known = candidateIds.filter((id) => index.candidates.get(id)?.spaceId === spaceId);
  const members = (index.membershipsByGroup.get(groupId) ?? []).map((m) => m.candidateId);
  const plan = planAssociation(group, members, candidateIds, known);
  const createdAt = store.now().toISOString();
  for (const candidateId of plan.add) store.state.memberships.push({ groupId, candidateId, createdAt });
  store.touched(plan.add);
  return { group: withCount(store, group), added: plan.add, alreadyMembers: plan.alreadyMembers };
}

/** « Dissocier un candidat d'un groupe » (§5.10): 404 when they are not a member; the candidate stays. */
export function removeMember(store: MockStore, spaceId: string, groupId: string, candidateId: string): void {
  const group = requireGroup(store, spaceId, groupId);
  const members = (store.index().membershipsByGroup.get(groupId) ?? []).map((m) => m.candidateId);
  const plan = planDissociation(group, candidateId, members);
  store.state.memberships = store.state.memberships.filter((m) => !(m.groupId === plan.groupId && m.candidateId === plan.candidateId));
  store.touched([plan.candidateId]);
}

/** §5.6 a group's candidates: the table restricted to its members, hidden ones included. */
export function listGroupCandidates(store: MockStore, spaceId: string, groupId: string, query: CandidateListQuery): CandidateList {
  requireGroup(store, spaceId, groupId);
  const { groupId: _ignored, ...filters } = query;
  return queryCandidates(store, spaceId, { ...filters, includeHidden: true }, store.now(), { extra: (e) => e.groupIds.has(groupId) });
}

/** R14 the « Associer des candidats » window: every candidate not in this group. */
export function listAssociable(store: MockStore, spaceId: string, groupId: string, query: CandidateListQuery): CandidateList {
  requireGroup(store, spaceId, groupId);
  return queryCandidates(store, spaceId, query, store.now(), { extra: (e) => !e.groupIds.has(groupId) });
}
