import { z } from 'zod';

const count = () => z.number().int().nonnegative();

/**
 * `GET /dashboard` (§3.1, SPEC §4): « Certifications restantes » (total and per
 * exam type), « Candidats » (total, à attribuer, en attente, passées) and
 * « Groupes » (total and per category).
 */
export const DashboardResponse = z.object({
  stock: z.object({
    total: count(),
    byType: z.array(z.object({ examType: z.string(), remaining: count() })),
  }),
  candidates: z.object({ total: count(), toAssign: count(), scheduled: count(), taken: count() }),
  groups: z.object({
    total: count(),
    byCategory: z.object({ client: count(), class: count(), exam_session: count(), other: count() }),
  }),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;
