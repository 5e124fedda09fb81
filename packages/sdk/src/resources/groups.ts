import { CandidateList, GroupList, GroupWithCount } from '@clr/domain';
import type { ClrFile } from '../core/file.js';
import { listPromise, type ListPromise } from '../core/pagination.js';
import type { CallOptions, ListCallOptions } from '../core/transport.js';
import {
  GroupMembersResult,
  type CandidateFilterParams,
  type CandidateListParams,
  type GroupCreateParams,
  type GroupListParams,
  type GroupUpdateParams,
} from '../schemas.js';
import { Resource, seg } from './resource.js';

/** `/groups` (§5). */
export class GroupsResource extends Resource {
  /** The groups table (§5.1): search, category, period, sort; hidden groups last (R12). */
  list(params: GroupListParams = {}, options?: ListCallOptions<GroupList>): ListPromise<GroupList> {
    const page = (cursor: string | undefined) =>
      this.http.cachedJson({ method: 'GET', path: 'groups', query: { ...params, ...(cursor ? { cursor } : {}) }, schema: GroupList, options }, options);
    return listPromise(page(params.cursor), page);
  }

  retrieve(id: string, options?: CallOptions): Promise<GroupWithCount> {
    return this.http.json({ method: 'GET', path: `groups/${seg(id)}`, schema: GroupWithCount, options });
  }

  /** « Créer un groupe » (§5.3): the name is unique in the space, whatever its case. */
  create(params: GroupCreateParams, options?: CallOptions): Promise<GroupWithCount> {
    return this.http.json({ method: 'POST', path: 'groups', body: params, schema: GroupWithCount, options });
  }

  /** « Editer le groupe » (§5.8), or hide / show it again (§5.4, R12) with `{ hidden }`. */
  update(id: string, patch: GroupUpdateParams, options?: CallOptions): Promise<GroupWithCount> {
    return this.http.json({ method: 'PATCH', path: `groups/${seg(id)}`, body: patch, schema: GroupWithCount, options });
  }

  /** Deletes the group (§5.5, R13): its candidates stay, without it. */
  delete(id: string, options?: CallOptions): Promise<void> {
    return this.http.empty({ method: 'DELETE', path: `groups/${seg(id)}`, options });
  }

  /** The group's candidates (§5.6), hidden ones included, with counts per status. */
  candidates(id: string, params: CandidateListParams = {}, options?: ListCallOptions<CandidateList>): ListPromise<CandidateList> {
    const page = (cursor: string | undefined) =>
      this.http.cachedJson(
        { method: 'GET', path: `groups/${seg(id)}/candidates`, query: { ...params, ...(cursor ? { cursor } : {}) }, schema: CandidateList, options },
        options,
      );
    return listPromise(page(params.cursor), page);
  }

  /** The candidates one may associate (§5.9, R14): those not already in the group. */
  associable(id: string, params: CandidateFilterParams = {}, options?: CallOptions): ListPromise<CandidateList> {
    const page = (cursor: string | undefined) =>
      this.http.json({ method: 'GET', path: `groups/${seg(id)}/associable`, query: { ...params, ...(cursor ? { cursor } : {}) }, schema: CandidateList, options });
    return listPromise(page(params.cursor), page);
  }

  /** « Associer des candidats » (§5.9): adds them; those already members are said so, not refused. */
  addMembers(id: string, candidateIds: string[], options?: CallOptions): Promise<GroupMembersResult> {
    return this.http.json({ method: 'POST', path: `groups/${seg(id)}/members`, body: { candidateIds }, schema: GroupMembersResult, options });
  }

  /** « Dissocier un candidat » (§5.10). */
  removeMember(id: string, candidateId: string, options?: CallOptions): Promise<void> {
    return this.http.empty({ method: 'DELETE', path: `groups/${seg(id)}/members/${seg(candidateId)}`, options });
  }

  /** « Exporter le tableau » of the groups (§5.2, R20). */
  exportCsv(params: Omit<GroupListParams, 'cursor' | 'limit'> = {}, options?: CallOptions): Promise<ClrFile> {
    return this.http.file({ method: 'GET', path: 'groups/export.csv', query: { ...params }, options }, 'text/csv');
  }

  /** « Exporter la liste des candidats d'un groupe » (§5.7, R20). */
  exportCandidatesCsv(id: string, params: Omit<CandidateListParams, 'cursor' | 'limit'> = {}, options?: CallOptions): Promise<ClrFile> {
    return this.http.file({ method: 'GET', path: `groups/${seg(id)}/candidates/export.csv`, query: { ...params }, options }, 'text/csv');
  }
}
