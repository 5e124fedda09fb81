/**
 * A candidate's file (§6.3, §6.4, §6.8): create it (five pages), read it
 * (row, pages, current assignment, attempts, documents R18, credentials
 * e-mail), edit it (R11) and delete it (R10). The rules are the domain's; the
 * writes that a concurrent assignment or attempt could invalidate are guarded
 * in the statement itself (`… WHERE hasAttempt = false AND NOT EXISTS …`).
 */
import {
  assertCandidateDeletable,
  assertCandidateEditable,
  candidateCreateSchema,
  candidatePatchSchema,
  documentsAvailable,
  DomainError,
  hasCurrentAssignment,
  latestAssignment,
  parseOrThrow,
  presentAssignment,
  type AssignmentSnapshot,
  type AttemptSnapshot,
  type CandidateDetail,
  type CandidateHistory,
  type CandidateSchemaOptions,
  type Validation,
} from '@clr/domain';
import { withTransaction, type Db, type Tx } from '../db/client.js';
import type { Prisma } from '../generated/sqlite/client.js';
import { randomToken, sha256 } from '../http/crypto.js';
import type { Actor, AppDeps } from '../http/env.js';
import { hashPassword } from '../http/passwords.js';
import { isUniqueViolation, notFound } from '../http/problem.js';
import { loadExamTypes } from './catalogue.js';
import { CANDIDATE_ROW_SELECT, candidateSortName, groupsOf, toCandidateRow } from './candidate-list.js';
import { enqueueMail, type Mail } from './mail.js';

const DETAIL_SELECT = {
  ...CANDIDATE_ROW_SELECT,
  birthName: true,
  birthDate: true,
  birthPostcode: true,
  birthTown: true,
  birthCountry: true,
  infoStatus: true,
  funding: true,
  phone: true,
  address: true,
  postcode: true,
  town: true,
  country: true,
  educationLevel: true,
  socioProfessionalCategory: true,
  motherTongue: true,
  credentialsSent: true,
  ackRequested: true,
  acknowledgedAt: true,
  inHiddenGroup: true,
  hasAttempt: true,
  assignments: {
    // Removed and replaced assignments are gone for the rules (R6, R7, R18).
    where: { state: 'active' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      candidateId: true,
      examTypeId: true,
      lotId: true,
      scheduledAt: true,
      sessionId: true,
      deadline: true,
      activationCode: true,
      takenAt: true,
      createdAt: true,
    },
  },
  attempts: {
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      assignmentId: true,
      examTypeId: true,
      score: true,
      takenAt: true,
      validation: true,
      validUntil: true,
      publicCode: true,
      startedAt: true,
    },
  },
} as const satisfies Prisma.CandidateSelect;

type DetailRecord = Prisma.CandidateGetPayload<{ select: typeof DETAIL_SELECT }>;

const candidateNotFound = () => notFound("Ce candidat n'existe pas.");

/** The audit action that records the credentials e-mails of the last password set (§6.3). */
const CREDENTIALS_ACTION = 'candidate.credentials';

/** The stored file as the domain's rules read it: assignments (neither removed nor replaced) and attempts. */
export function historyOf(record: Pick<DetailRecord, 'assignments' | 'attempts'>): CandidateHistory {
  const attemptOf = new Map(record.attempts.map((a) => [a.assignmentId, a.id]));
  const assignments: AssignmentSnapshot[] = record.assignments.map((a) => ({
    id: a.id,
    candidateId: a.candidateId,
    examType: a.examTypeId,
    lotId: a.lotId,
    scheduledAt: a.scheduledAt,
    sessionId: a.sessionId,
    deadline: a.deadline.toISOString(),
    activationCode: a.activationCode,
    takenAt: a.takenAt?.toISOString() ?? null,
    attemptId: attemptOf.get(a.id) ?? null,
    createdAt: a.createdAt.toISOString(),
  }));
  const attempts: AttemptSnapshot[] = record.attempts.map((a) => ({
    id: a.id,
    assignmentId: a.assignmentId,
    examType: a.examTypeId,
    score: a.score,
    takenAt: a.takenAt?.toISOString() ?? null,
    validation: a.validation as Validation,
  }));
  return { assignments, attempts };
}

async function loadDetail(db: Db | Tx, spaceId: string, id: string): Promise<DetailRecord> {
  const record = await db.candidate.findFirst({ where: { id, spaceId }, select: DETAIL_SELECT });
  if (!record) throw candidateNotFound();
  return record;
}

/**
 * `GET /candidates/:id` (§6.4, §6.9): the table's row (from the same read
 * model as the list, so both agree), the five pages, the current (latest)
 * assignment, the attempts latest first, the documents available (R18), the
 * credentials e-mail and its acknowledgment, and whether a hidden group hides
 * the candidate (R12).
 */
export async function getCandidate(deps: AppDeps, spaceId: string, id: string): Promise<CandidateDetail> {
  const { db } = deps;
  const now = deps.now();
  const record = await loadDetail(db, spaceId, id);
  const [groups, catalogue, credentials] = await Promise.all([
    groupsOf(db, [id]),
    loadExamTypes(db),
    db.auditEvent.findFirst({
      where: { spaceId, subjectType: 'candidate', subjectId: id, action: CREDENTIALS_ACTION },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { data: true },
    }),
  ]);
  const history = historyOf(record);
  const latest = latestAssignment(history.assignments);
  const attempts = [...record.attempts].sort(
    (a, b) => (b.takenAt?.getTime() ?? b.startedAt.getTime()) - (a.takenAt?.getTime() ?? a.startedAt.getTime()),
  );
  return {
    ...toCandidateRow(record, groups.get(id) ?? [], now),
    identity: {
      civility: record.civility as CandidateDetail['identity']['civility'],
      lastName: record.lastName,
      birthName: record.birthName,
      firstName: record.firstName,
      email: record.email,
      birthDate: record.birthDate,
      birthPostcode: record.birthPostcode,
      birthTown: record.birthTown,
      birthCountry: record.birthCountry,
    },
    information: {
      status: record.infoStatus as CandidateDetail['information']['status'],
      funding: record.funding as CandidateDetail['information']['funding'],
    },
    contact: { phone: record.phone, address: record.address, postcode: record.postcode, town: record.town, country: record.country },
    misc: {
      educationLevel: record.educationLevel as CandidateDetail['misc']['educationLevel'],
      socioProfessionalCategory: record.socioProfessionalCategory as CandidateDetail['misc']['socioProfessionalCategory'],
      motherTongue: record.motherTongue as CandidateDetail['misc']['motherTongue'],
    },
    credentials: {
      sentToCandidate: record.credentialsSent,
      acknowledgmentRequested: record.ackRequested,
      acknowledgedAt: record.acknowledgedAt?.toISOString() ?? null,
      sentToAdmin: sentToAdminOf(credentials?.data ?? null),
    },
    assignment: latest ? presentAssignment(latest, now) : null,
    attempts: attempts.map((a) => ({
      id: a.id,
      examType: a.examTypeId,
      score: a.score,
      takenAt: a.takenAt?.toISOString() ?? null,
      validUntil: a.validUntil,
      validation: a.validation as Validation,
      publicCode: a.publicCode,
    })),
    // The catalogue is data (SPEC §2); the built-in one answers for a database not seeded yet.
    documents: catalogue.length > 0 ? documentsAvailable(history, catalogue) : documentsAvailable(history),
    hidden: record.inHiddenGroup,
  };
}

function sentToAdminOf(data: string | null): boolean {
  if (!data) return false;
  try {
    return (JSON.parse(data) as { sentToAdmin?: unknown }).sentToAdmin === true;
  } catch {
    return false;
  }
}

/** The schema options of a space: its minimum password length (never below 6) and the app's clock. */
async function schemaOptions(deps: AppDeps, spaceId: string): Promise<CandidateSchemaOptions> {
  const space = await deps.db.space.findUnique({ where: { id: spaceId }, select: { minPasswordLength: true } });
  return { minPasswordLength: space?.minPasswordLength ?? 6, now: deps.now };
}

function emailTaken(): DomainError {
  const message = 'Ce courriel est déjà utilisé par un autre candidat.';
  return new DomainError('conflict', `${message} Le courriel sert d'identifiant sur la plateforme d'examen : il doit être unique.`, {
    field: 'identity.email',
    errors: [{ path: 'identity.email', message }],
  });
}

const SIGNATURE = "L'équipe de la Certification Le Robert";

interface PasswordChoice {
  value: string;
  sendToCandidate: boolean;
  requestAcknowledgment: boolean;
  sendToAdmin: boolean;
}

/** « Mot de passe » options (§6.3): the e-mail to the candidate, with the acknowledgment link when asked. */
function credentialsMailToCandidate(input: {
  spaceId: string;
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  ackLink: string | null;
}): Mail {
  return {
    template: 'candidate.credentials',
    to: input.email,
    spaceId: input.spaceId,
    subject: 'Vos identifiants de connexion - Certification Le Robert',
    text: [
      `Bonjour ${input.firstName} ${input.lastName},`,
      '',
      "Un compte vous a été ouvert sur la plateforme d'examen de la Certification Le Robert.",
      `Identifiant : ${input.email}`,
      `Mot de passe : ${input.password}`,
      ...(input.ackLink
        ? ['', 'Merci de confirmer la bonne réception de ce courriel en ouvrant le lien ci-dessous :', input.ackLink]
        : []),
      '',
      SIGNATURE,
    ].join('\n'),
  };
}

/** « recevoir les informations de connexion du candidat (identifiant, mot de passe) par e-mail » (§6.3). */
function credentialsMailToAdmin(input: {
  spaceId: string;
  to: string;
  email: string;
  firstName: string;
  lastName: string;
  password: string;
}): Mail {
  return {
    template: 'candidate.credentials-admin',
    to: input.to,
    spaceId: input.spaceId,
    subject: `Identifiants de connexion pour ${input.firstName} ${input.lastName} - Certification Le Robert`,
    text: [
      'Bonjour,',
      '',
      `Voici les informations de connexion à la plateforme d'examen de la Certification Le Robert pour ${input.firstName} ${input.lastName} :`,
      `Identifiant : ${input.email}`,
      `Mot de passe : ${input.password}`,
      '',
      SIGNATURE,
    ].join('\n'),
  };
}

/** The administrators who receive the credentials: the caller, or every admin of the space for an API key. */
async function adminRecipients(tx: Tx, actor: Actor, spaceId: string): Promise<string[]> {
  const where: Prisma.AdminWhereInput =
    actor.kind === 'admin' ? { id: actor.adminId, spaceId } : { spaceId, role: 'admin' };
  const admins = await tx.admin.findMany({ where, select: { email: true } });
  return admins.map((a) => a.email);
}

interface PasswordWrite {
  data: Pick<Prisma.CandidateUncheckedCreateInput, 'passwordHash' | 'credentialsSent' | 'ackRequested' | 'ackTokenHash' | 'acknowledgedAt'>;
  /** The acknowledgment link's token (only its hash is stored). */
  ackToken: string | null;
}

async function passwordWrite(deps: AppDeps, password: PasswordChoice): Promise<PasswordWrite> {
  const ackToken = password.sendToCandidate && password.requestAcknowledgment ? randomToken(deps.random) : null;
  return {
    data: {
      passwordHash: await hashPassword(password.value),
      credentialsSent: password.sendToCandidate,
      ackRequested: ackToken !== null,
      ackTokenHash: ackToken ? sha256(ackToken) : null,
      acknowledgedAt: null,
    },
    ackToken,
  };
}

/**
 * Queues the credentials e-mails chosen on the « Mot de passe » page and
 * records the choice (the admin copy has no column of its own: an audit event
 * holds it). Runs in the caller's transaction.
 */
async function sendCredentials(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  candidate: { id: string; spaceId: string; email: string; firstName: string; lastName: string },
  password: PasswordChoice,
  ackToken: string | null,
): Promise<void> {
  const { spaceId } = candidate;
  const common = { spaceId, email: candidate.email, firstName: candidate.firstName, lastName: candidate.lastName, password: password.value };
  if (password.sendToCandidate) {
    const ackLink = ackToken ? `${deps.config.publicUrl.replace(/\/$/, '')}/accuse-reception?token=${ackToken}` : null;
    await enqueueMail(tx, credentialsMailToCandidate({ ...common, ackLink }));
  }
  let sentToAdmin = false;
  if (password.sendToAdmin) {
    for (const to of await adminRecipients(tx, actor, spaceId)) {
      await enqueueMail(tx, credentialsMailToAdmin({ ...common, to }));
      sentToAdmin = true;
    }
  }
  await tx.auditEvent.create({
    data: {
      spaceId,
      actorId: actor.adminId ?? null,
      action: CREDENTIALS_ACTION,
      subjectType: 'candidate',
      subjectId: candidate.id,
      createdAt: deps.now(),
      data: JSON.stringify({ sentToCandidate: password.sendToCandidate, acknowledgmentRequested: ackToken !== null, sentToAdmin }),
    },
  });
}

/**
 * §6.3 « Créer un candidat »: the three required pages (identity, password,
 * information) and the two facultative ones, checked with the space's
 * password minimum; e-mail unique platform-wide (409 `conflict` naming
 * `identity.email`); the password stored as an argon2id hash; the credentials
 * e-mails queued in the same transaction.
 */
export async function createCandidate(deps: AppDeps, actor: Actor, spaceId: string, input: unknown): Promise<CandidateDetail> {
  const body = parseOrThrow(candidateCreateSchema(await schemaOptions(deps, spaceId)), input);
  const { identity, password, information, contact, misc } = body;
  if (await deps.db.candidate.findUnique({ where: { emailKey: identity.email }, select: { id: true } })) throw emailTaken();
  const secret = await passwordWrite(deps, password);
  const now = deps.now();
  let id: string;
  try {
    id = await withTransaction(deps.db, async (tx) => {
      const created = await tx.candidate.create({
        data: {
          spaceId,
          civility: identity.civility,
          lastName: identity.lastName,
          birthName: identity.birthName ?? null,
          firstName: identity.firstName,
          email: identity.email,
          emailKey: identity.email,
          birthDate: identity.birthDate,
          birthPostcode: identity.birthPostcode,
          birthTown: identity.birthTown,
          birthCountry: identity.birthCountry,
          infoStatus: information.status,
          funding: information.funding,
          phone: contact?.phone ?? null,
          address: contact?.address ?? null,
          postcode: contact?.postcode ?? null,
          town: contact?.town ?? null,
          country: contact?.country ?? null,
          educationLevel: misc?.educationLevel ?? null,
          socioProfessionalCategory: misc?.socioProfessionalCategory ?? null,
          motherTongue: misc?.motherTongue ?? null,
          sortName: candidateSortName(identity.lastName, identity.firstName),
          createdAt: now,
          ...secret.data,
        },
        select: { id: true, spaceId: true, email: true, firstName: true, lastName: true },
      });
      await sendCredentials(tx, deps, actor, created, password, secret.ackToken);
      return created.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return getCandidate(deps, spaceId, id);
}

/** Keeps the keys whose value was sent (`undefined` = untouched, `null` = cleared). */
function sent<T extends object>(page: T | undefined): Partial<T> {
  if (!page) return {};
  return Object.fromEntries(Object.entries(page).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * R11 §6.4 « Modifier le dossier d'un candidat »: any page, each field
 * optional; refused with `candidate_locked` once the candidate has taken an
 * exam — checked again in the UPDATE itself, so an attempt started meanwhile
 * wins. A new password is re-hashed and its e-mails queued.
 */
export async function updateCandidate(deps: AppDeps, actor: Actor, spaceId: string, id: string, input: unknown): Promise<CandidateDetail> {
  const current = await deps.db.candidate.findFirst({
    where: { id, spaceId },
    select: { id: true, lastName: true, firstName: true, email: true, hasAttempt: true, _count: { select: { attempts: true } } },
  });
  if (!current) throw candidateNotFound();
  assertCandidateEditable({ hasAttempt: current.hasAttempt || current._count.attempts > 0 });
  const patch = parseOrThrow(candidatePatchSchema(await schemaOptions(deps, spaceId)), input);

  const identity = sent(patch.identity);
  const data: Prisma.CandidateUpdateManyMutationInput = {};
  if (identity.civility !== undefined) data.civility = identity.civility;
  if (identity.lastName !== undefined) data.lastName = identity.lastName;
  if (identity.birthName !== undefined) data.birthName = identity.birthName;
  if (identity.firstName !== undefined) data.firstName = identity.firstName;
  if (identity.email !== undefined) {
    data.email = identity.email;
    data.emailKey = identity.email;
  }
  if (identity.birthDate !== undefined) data.birthDate = identity.birthDate;
  if (identity.birthPostcode !== undefined) data.birthPostcode = identity.birthPostcode;
  if (identity.birthTown !== undefined) data.birthTown = identity.birthTown;
  if (identity.birthCountry !== undefined) data.birthCountry = identity.birthCountry;
  const lastName = identity.lastName ?? current.lastName;
  const firstName = identity.firstName ?? current.firstName;
  if (identity.lastName !== undefined || identity.firstName !== undefined) data.sortName = candidateSortName(lastName, firstName);

  const information = sent(patch.information);
  if (information.status !== undefined) data.infoStatus = information.status;
  if (information.funding !== undefined) data.funding = information.funding;
  Object.assign(data, sent(patch.contact), sent(patch.misc));

  if (identity.email !== undefined && identity.email !== current.email) {
    const other = await deps.db.candidate.findUnique({ where: { emailKey: identity.email }, select: { id: true } });
    if (other && other.id !== id) throw emailTaken();
  }
  const secret = patch.password ? await passwordWrite(deps, patch.password) : null;
  if (secret) Object.assign(data, secret.data);

  try {
    await withTransaction(deps.db, async (tx) => {
      const { count } = await tx.candidate.updateMany({
        where: { id, spaceId, hasAttempt: false, attempts: { none: {} } },
        data,
      });
      if (count !== 1) {
        const still = await tx.candidate.findFirst({ where: { id, spaceId }, select: { id: true } });
        if (!still) throw candidateNotFound();
        assertCandidateEditable({ hasAttempt: true });
      }
      if (patch.password && secret) {
        const email = identity.email ?? current.email;
        await sendCredentials(tx, deps, actor, { id, spaceId, email, firstName, lastName }, patch.password, secret.ackToken);
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return getCandidate(deps, spaceId, id);
}

/**
 * R10 §6.8 « Supprimer un candidat »: only one who never took an exam and has
 * no exam currently assigned (an expired or removed assignment does not
 * count: the domain's `candidateDeletability`). The DELETE repeats the test, so
 * an assignment or attempt made meanwhile wins; memberships, and the ended
 * assignments, go with the candidate.
 */
export async function deleteCandidate(deps: AppDeps, spaceId: string, id: string): Promise<void> {
  const now = deps.now();
  const facts = (record: Pick<DetailRecord, 'assignments' | 'attempts' | 'hasAttempt'>) => {
    const history = historyOf(record);
    return { hasAttempt: record.hasAttempt || record.attempts.length > 0, hasCurrentAssignment: hasCurrentAssignment(history, now) };
  };
  assertCandidateDeletable(facts(await loadDetail(deps.db, spaceId, id)));
  await withTransaction(deps.db, async (tx) => {
    const { count } = await tx.candidate.deleteMany({
      where: {
        id,
        spaceId,
        hasAttempt: false,
        // The read model too: a concurrent assignment writes it on this very row,
        // which PostgreSQL re-checks after waiting for that row's lock.
        NOT: { stage: 'assigned', deadline: { gte: now } },
        attempts: { none: {} },
        assignments: { none: { state: 'active', takenAt: null, deadline: { gte: now } } },
      },
    });
    if (count === 1) return;
    assertCandidateDeletable(facts(await loadDetail(tx, spaceId, id)));
    throw new DomainError('candidate_not_deletable', "Ce candidat ne peut pas être supprimé pour l'instant : réessayez.");
  });
}
