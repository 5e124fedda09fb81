/**
 * R18 — the documents of §6.10–6.12 from the database: the candidates whose
 * document of a kind exists (the table's search, in SQL), and the merged PDF of
 * a selection, all or nothing. The rule is the domain's (`documentEligibility`
 * through `assertAllEligible`); the PDF is the documents package's.
 */
import {
  DomainError,
  assertAllEligible,
  type CandidateList,
  type Civility,
  type DocumentKind,
  type DocumentsEligibleQuery,
  type ExamType,
  type Validation,
} from '@clr/domain';
import { buildDocument, buildMergedDocument, zipEntryNames, type CertificateData } from '@clr/documents';
import { Zip, ZipPassThrough } from 'fflate';
import type { Prisma } from '../generated/sqlite/client.js';
import type { AppDeps } from '../http/env.js';
import { queryCandidates } from './candidate-list.js';
import { loadExamTypes } from './catalogue.js';

const givers = (kind: 'registration' | 'attendance', catalogue: readonly ExamType[]) =>
  catalogue.filter((t) => t.documents.includes(kind)).map((t) => t.id);

/**
 * R18 as a condition on candidates, the same as `documentEligibility` over the
 * stored history (active assignments, every attempt): a validated attempt for
 * the report; a current or past assignment (or an attempt) of a type giving it
 * for the registration certificate; a taken attempt of such a type for the
 * attendance certificate.
 */
export function eligibleWhere(kind: DocumentKind, catalogue: readonly ExamType[]): Prisma.CandidateWhereInput {
  switch (kind) {
    case 'report':
      return { attempts: { some: { validation: 'validated' } } };
    case 'registration': {
      const types = givers('registration', catalogue);
      return { OR: [{ assignments: { some: { state: 'active', examTypeId: { in: types } } } }, { attempts: { some: { examTypeId: { in: types } } } }] };
    }
    case 'attendance':
      return { attempts: { some: { takenAt: { not: null }, examTypeId: { in: givers('attendance', catalogue) } } } };
  }
}

/** `GET /documents/:kind/eligible`: the candidates whose document exists, by name, searchable, paged. */
export async function listEligible(
  deps: AppDeps,
  spaceId: string,
  kind: DocumentKind,
  query: Omit<DocumentsEligibleQuery, 'kind'>,
): Promise<Pick<CandidateList, 'data' | 'nextCursor' | 'total'>> {
  const catalogue = await loadExamTypes(deps.db);
  const { data, nextCursor, total } = await queryCandidates(
    deps.db,
    spaceId,
    { q: query.q, groupId: query.groupId, cursor: query.cursor, limit: query.limit, sort: 'name', includeHidden: true },
    deps.now(),
    { extraWhere: eligibleWhere(kind, catalogue) },
  );
  return { data, nextCursor, total };
}

const SESSION_SELECT = { centreName: true, city: true, address: true, postcode: true, startsAt: true } as const;
const ASSIGNMENT_SELECT = { id: true, examTypeId: true, scheduledAt: true, createdAt: true, session: { select: SESSION_SELECT } } as const;

const DOCUMENT_SELECT = {
  id: true,
  civility: true,
  lastName: true,
  birthName: true,
  firstName: true,
  birthDate: true,
  birthTown: true,
  birthCountry: true,
  email: true,
  space: { select: { name: true } },
  assignments: { where: { state: 'active' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: ASSIGNMENT_SELECT },
  attempts: {
    orderBy: [{ takenAt: 'desc' }, { startedAt: 'desc' }, { id: 'desc' }],
    select: { score: true, takenAt: true, validUntil: true, validation: true, publicCode: true, examTypeId: true, assignment: { select: ASSIGNMENT_SELECT } },
  },
} as const satisfies Prisma.CandidateSelect;

type DocumentRecord = Prisma.CandidateGetPayload<{ select: typeof DOCUMENT_SELECT }>;
type AssignmentRecord = DocumentRecord['assignments'][number];
type AttemptRecord = DocumentRecord['attempts'][number];

function historyOf(record: DocumentRecord) {
  return {
    id: record.id,
    assignments: record.assignments.map((a) => ({ examType: a.examTypeId })),
    attempts: record.attempts.map((a) => ({ examType: a.examTypeId, takenAt: a.takenAt?.toISOString() ?? null, validation: a.validation as Validation })),
  };
}

/** The exam (and result) the document is about: the latest one that gives it. */
function subjectOf(kind: DocumentKind, record: DocumentRecord, catalogue: readonly ExamType[]): { assignment: AssignmentRecord; attempt: AttemptRecord | null } {
  const gives = (type: string, k: 'registration' | 'attendance') => givers(k, catalogue).includes(type);
  let attempt: AttemptRecord | undefined;
  if (kind === 'report') attempt = record.attempts.find((a) => a.validation === 'validated');
  else if (kind === 'attendance') attempt = record.attempts.find((a) => a.takenAt !== null && gives(a.examTypeId, 'attendance'));
  else {
    const assignment = record.assignments.find((a) => gives(a.examTypeId, 'registration'));
    if (assignment) return { assignment, attempt: record.attempts.find((a) => a.assignment.id === assignment.id) ?? null };
    attempt = record.attempts.find((a) => gives(a.examTypeId, 'registration'));
  }
  // R18 was checked before: an eligible candidate has such an attempt.
  const chosen = attempt as AttemptRecord;
  return { assignment: chosen.assignment, attempt: chosen };
}

function certificateData(deps: AppDeps, kind: DocumentKind, record: DocumentRecord, catalogue: readonly ExamType[], issuedAt: Date): CertificateData {
  const { assignment, attempt } = subjectOf(kind, record, catalogue);
  const session = assignment.session;
  const base = deps.config.publicUrl.replace(/\/$/, '');
  return {
    spaceName: record.space.name,
    candidate: {
      id: record.id,
      civility: record.civility as Civility,
      lastName: record.lastName,
      birthName: record.birthName,
      firstName: record.firstName,
      birthDate: record.birthDate,
      birthTown: record.birthTown,
      birthCountry: record.birthCountry,
      email: record.email,
    },
    exam: {
      type: assignment.examTypeId,
      label: catalogue.find((t) => t.id === assignment.examTypeId)?.label ?? assignment.examTypeId,
      scheduledAt: assignment.scheduledAt,
      session: session
        ? { centre: session.centreName, address: `${session.address}, ${session.postcode} ${session.city}`, startsAt: session.startsAt.toISOString() }
        : null,
    },
    attempt: attempt
      ? {
          score: attempt.score,
          takenAt: attempt.takenAt?.toISOString() ?? null,
          validUntil: attempt.validUntil,
          validation: attempt.validation as Validation,
          publicCode: attempt.publicCode,
        }
      : null,
    verificationUrl: attempt?.publicCode && attempt.validation === 'validated' ? `${base}/verify/${encodeURIComponent(attempt.publicCode)}` : null,
    issuedAt,
  };
}

export interface BuiltDocument {
  pdf: Uint8Array;
  /** The candidate's « Nom Prénom » when there is one, for the file name. */
  singleName: string | null;
}

/**
 * The chosen candidates' records in the order asked, checked all or nothing:
 * an id unknown to the space refuses the whole request with 404 naming it; a
 * candidate without the document refuses it with `not_eligible` naming every
 * such id (R18).
 */
async function chosenRecords(deps: AppDeps, spaceId: string, kind: DocumentKind, candidateIds: readonly string[]) {
  const [catalogue, records] = await Promise.all([
    loadExamTypes(deps.db),
    deps.db.candidate.findMany({ where: { spaceId, id: { in: [...candidateIds] } }, select: DOCUMENT_SELECT }),
  ]);
  const byId = new Map(records.map((r) => [r.id, r]));
  const unknown = candidateIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) throw new DomainError('not_found', unknown.length === 1 ? "Ce candidat n'existe pas." : "Ces candidats n'existent pas.", { candidateIds: unknown });
  const ordered = candidateIds.map((id) => byId.get(id) as DocumentRecord);
  assertAllEligible(kind, ordered.map(historyOf), catalogue);
  return { catalogue, ordered };
}

/**
 * `GET /documents/:kind?candidateIds=…`: one merged PDF, one page per
 * candidate in the order asked, all or nothing (see {@link chosenRecords}).
 */
export async function buildDocuments(deps: AppDeps, spaceId: string, kind: DocumentKind, candidateIds: readonly string[]): Promise<BuiltDocument> {
  const { catalogue, ordered } = await chosenRecords(deps, spaceId, kind, candidateIds);
  const now = deps.now();
  const pdf = buildMergedDocument(
    kind,
    ordered.map((r) => certificateData(deps, kind, r, catalogue, now)),
    { catalogue },
  );
  const first = ordered[0];
  return { pdf, singleName: ordered.length === 1 && first ? `${first.lastName} ${first.firstName}` : null };
}

export { ZIP_ENTRY_BASES, zipEntryNames } from '@clr/documents';

/**
 * `GET /documents/:kind?candidateIds=…&format=zip` (beyond the manual): one
 * PDF per candidate in a ZIP, with the same all-or-nothing checks as the merged
 * PDF, made before this resolves. The archive streams: each PDF is built when
 * the reader asks for more, stored as it is (a PDF's pages are already
 * deflated), so memory holds one document at a time.
 */
export async function documentsZip(deps: AppDeps, spaceId: string, kind: DocumentKind, candidateIds: readonly string[]): Promise<ReadableStream<Uint8Array>> {
  const { catalogue, ordered } = await chosenRecords(deps, spaceId, kind, candidateIds);
  const now = deps.now();
  const names = zipEntryNames(kind, ordered);
  let next = 0;
  let zip: Zip | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) {
          controller.error(error);
          return;
        }
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    pull() {
      const archive = zip as Zip;
      const record = ordered[next];
      if (!record) {
        archive.end();
        return;
      }
      const entry = new ZipPassThrough(names[next] as string);
      entry.mtime = now;
      archive.add(entry);
      entry.push(buildDocument(kind, certificateData(deps, kind, record, catalogue, now), { catalogue }), true);
      next += 1;
    },
    cancel() {
      zip?.terminate();
    },
  });
}
