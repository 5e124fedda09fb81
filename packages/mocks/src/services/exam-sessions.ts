/** La Poste sessions (§6.5 « Sélection d'une session de passage »), as the server's `services/exam-sessions.ts`. */
import { endOfParisDay, startOfParisDay, type ExamSession, type ExamSessionListQuery, type List } from '@clr/domain';
import type { MockStore } from '../store/store.js';
import { offsetPage, searchKey } from './paging.js';

/**
 * `GET /exam-sessions` (§6.5 « Sélection d'une session de passage »): La Poste
 * sessions that have not started and still have a free seat, soonest first;
 * `city` matches the city (case and accents ignored) or the postcode's start;
 * `examType`, and `from`/`to` on the session's Paris day; offset cursor.
 */
export function listExamSessions(store: MockStore, now: Date, query: ExamSessionListQuery): List<ExamSession> {
  const city = query.city ? searchKey(query.city) : undefined;
  const from = query.from ? startOfParisDay(query.from).getTime() : undefined;
  const to = query.to ? endOfParisDay(query.to).getTime() : undefined;
  const sessions = store.state.examSessions
    .filter((s) => {
      const starts = Date.parse(s.startsAt);
      return (
        starts > now.getTime() &&
        (from === undefined || starts >= from) &&
        (to === undefined || starts <= to) &&
        s.seatsTaken < s.seats &&
        (query.examType === undefined || s.examType === query.examType) &&
        (city === undefined || searchKey(s.city) === city || s.postcode.startsWith(city))
      );
    })
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.city < b.city ? -1 : a.city > b.city ? 1 : a.id < b.id ? -1 : 1))
    .map((s) => ({
      id: s.id,
      examType: s.examType,
      city: s.city,
      postcode: s.postcode,
      centreName: s.centreName,
      address: s.address,
      startsAt: s.startsAt,
      seats: s.seats,
      seatsTaken: s.seatsTaken,
    }));
  return offsetPage(sessions, query.cursor, query.limit);
}
