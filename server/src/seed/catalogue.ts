/**
 * The platform catalogue every database needs: the nine exam types of the
 * manual (the domain's `EXAM_TYPES`, as data) and La Poste centre sessions in
 * Grenoble, Lyon and Paris on future dates with limited seats. Idempotent.
 */
import { addDays, EXAM_TYPES, parisDay, parisWallClock } from '@clr/domain';
import type { Db, Tx } from '../db/client.js';

type Writer = Pick<Tx, 'examType' | 'examSession'>;

/** La Poste centres of the demo (§6.5: « Ville : GRENOBLE (38000) – Centre La Poste - Grenoble - 11, boulevard Maréchal L… »). */
export const LA_POSTE_CENTRES = [
  { city: 'GRENOBLE', postcode: '38000', centreName: 'Centre La Poste - Grenoble', address: '11, boulevard Maréchal Lyautey, 38000 Grenoble' },
  { city: 'LYON', postcode: '69002', centreName: 'Centre La Poste - Lyon Bellecour', address: '10, place Antonin Poncet, 69002 Lyon' },
  { city: 'PARIS', postcode: '75001', centreName: 'Centre La Poste - Paris Louvre', address: '52, rue du Louvre, 75001 Paris' },
] as const;

/**
 * Future sessions: for each centre, four dates over the coming weeks, morning
 * (09:00) or afternoon (14:00) Paris time, with 6 to 12 seats.
 */
export function futureSessions(now: Date): { city: string; postcode: string; centreName: string; address: string; startsAt: Date; seats: number }[] {
  const today = parisDay(now);
  const sessions = [];
  for (const [c, centre] of LA_POSTE_CENTRES.entries()) {
    for (let week = 0; week < 4; week += 1) {
      const day = addDays(today, 10 + 14 * week + 3 * c);
      const hour = (week + c) % 2 === 0 ? 9 : 14;
      sessions.push({ ...centre, startsAt: parisWallClock(day, hour), seats: 6 + ((week * 2 + c * 3) % 7) });
    }
  }
  return sessions;
}

export interface SeedCatalogueOptions {
  /** Also add the demo's La Poste sessions when the platform has no future session (default true). */
  sessions?: boolean;
}

/**
 * Adds the exam types that are missing (never overwrites one an operator has
 * edited) and, unless told otherwise, La Poste sessions when the platform has
 * no future session. Returns how many of each were created.
 */
export async function seedCatalogue(db: Db | Writer, now: Date = new Date(), options: SeedCatalogueOptions = {}): Promise<{ examTypes: number; sessions: number }> {
  let examTypes = 0;
  for (const [index, type] of EXAM_TYPES.entries()) {
    const data = {
      label: type.label,
      kind: type.kind,
      requiresDate: type.requiresDate,
      requiresSession: type.requiresSession,
      supervision: type.supervision,
      manualValidation: type.manualValidation,
      documents: type.documents.join(','),
      sortOrder: index,
    };
    const existing = await db.examType.findUnique({ where: { id: type.id }, select: { id: true } });
    if (existing) continue;
    await db.examType.create({ data: { id: type.id, ...data } });
    examTypes += 1;
  }
  let sessions = 0;
  if ((options.sessions ?? true) && (await db.examSession.count({ where: { startsAt: { gt: now } } })) === 0) {
    const rows = futureSessions(now).map((s) => ({ ...s, examTypeId: 'official-laposte' }));
    sessions = (await db.examSession.createMany({ data: rows })).count;
  }
  return { examTypes, sessions };
}
