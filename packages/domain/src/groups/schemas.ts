import { z } from 'zod';
import { GroupCategory } from '../shared/enums.js';
import { IsoDateTime } from '../shared/list.js';

export const Group = z.object({
  id: z.string(),
  name: z.string(),
  category: GroupCategory,
  hidden: z.boolean(),
  createdAt: IsoDateTime,
});
export type Group = z.infer<typeof Group>;

export const GroupRef = z.object({ id: z.string(), name: z.string() });
export type GroupRef = z.infer<typeof GroupRef>;
