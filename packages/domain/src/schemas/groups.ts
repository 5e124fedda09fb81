import { z } from 'zod';
import { GroupCategory } from '../shared/enums.js';
import { fr } from '../i18n/messages.js';
import { blankAsAbsent, candidateIdsField, flag, orderedPeriod, pageShape, periodShape, requiredText, searchField } from './fields.js';

export const GROUP_NAME_MAX_LENGTH = 100;

const groupName = requiredText(
  { required: 'groupName.required', tooLong: 'groupName.tooLong', invalid: 'groupName.invalid' },
  GROUP_NAME_MAX_LENGTH,
);
const groupCategory = z.enum(GroupCategory.options, { error: fr('groupCategory.required') });

/** `POST /groups` `{ name, category }` (§5.3: « Nom du groupe * », « Catégorie de groupe * »); name trimmed, 1–100 characters. */
export const GroupCreateBody = z.object({ name: groupName, category: groupCategory }, { error: fr('body.invalid') });
export type GroupCreateBody = z.output<typeof GroupCreateBody>;

/** `PATCH /groups/:id`: any of `{ name, category, hidden }` (§5.4, §5.8), at least one. */
export const GroupPatchBody = z
  .object(
    { name: groupName.optional(), category: groupCategory.optional(), hidden: flag('hidden.invalid').optional() },
    { error: fr('body.invalid') },
  )
  .refine((v) => v.name !== undefined || v.category !== undefined || v.hidden !== undefined, {
    error: fr('update.empty'),
  });
export type GroupPatchBody = z.output<typeof GroupPatchBody>;

/** Columns of the groups table one can sort on (§5.1), `-` for descending. */
export const GROUP_SORTS = ['name', '-name', 'category', '-category', 'createdAt', '-createdAt'] as const;
export const GroupSort = z.enum(GROUP_SORTS, { error: fr('sort.invalid') });
export type GroupSort = z.infer<typeof GroupSort>;

/** `GET /groups` query (§5.1): search, category, creation period, sort, paging. */
export const GroupListQuery = z
  .object({
    q: searchField,
    category: blankAsAbsent(z.enum(GroupCategory.options, { error: fr('groupCategory.invalid') })),
    ...periodShape,
    sort: blankAsAbsent(GroupSort).transform((s) => s ?? 'name'),
    ...pageShape,
  })
  .refine(...orderedPeriod);
export type GroupListQuery = z.output<typeof GroupListQuery>;

/** `POST /groups/:id/members` `{ candidateIds }` (§5.9): non-empty, at most 1000, each once. */
export const GroupMembersBody = z.object({ candidateIds: candidateIdsField() }, { error: fr('body.invalid') });
export type GroupMembersBody = z.output<typeof GroupMembersBody>;
