/** La Poste sessions (§6.5 « Sélection d'une session de passage »): the list an administrator picks a seat from. */
import { LIMIT_DEFAULT, endOfParisDay, searchKey, startOfParisDay, type ExamSession, type ExamSessionListQuery, type List } from '@clr/domain';
import { offsetPage } from '../http/cursor.js';
import type { Ports } from '../ports.js';

/**
 * `GET /exam-sessions`: sessions that have not started and still have a free
 * seat, soonest first; `city` matches the city (case and accents ignored) or
 * the postcode's start; `examType` the session's type; `from`/`to` the
 * session's Paris day. Offset cursor (sessions are few).
 */
export async function listExamSessions(ports: Ports, query: Partial<ExamSessionListQuery>): Promise<List<ExamSession>> {
  const now = ports.now();
  const open = await ports.uow.read((tx) =>
    tx.catalogue.openSessions(
      {
        examType: query.examType,
        from: query.from ? startOfParisDay(query.from) : undefined,
        to: query.to ? endOfParisDay(query.to) : undefined,
      },
      now,
    ),
  );
  const city = query.city ? searchKey(query.city) : undefined;
  const sessions = open.filter((s) => city === undefined || searchKey(s.city) === city || s.postcode.startsWith(city));
  return offsetPage(sessions, query.cursor, query.limit ?? LIMIT_DEFAULT);
}
