/**
 * La Poste sessions (§6.5 « Sélection d'une session de passage »): the list an
 * administrator picks a seat from. Assigning one is a use case of `@clr/app`.
 */
import { LIMIT_DEFAULT, endOfParisDay, searchKey, startOfParisDay, type ExamSession } from '@clr/domain';
import { toExamSession } from '../adapters/prisma/assignments.js';
import type { Tx } from '../db/client.js';
import { decodeCursor, encodeCursor } from './cursor.js';

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
