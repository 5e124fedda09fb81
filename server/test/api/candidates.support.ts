/**
 * Builders for the groups and candidates API tests: a valid « Créer un
 * candidat » body, candidates with their read-model columns, and assignments
 * and attempts written as the assignments service writes them (state, read
 * model), so that R10, R11, the detail and the list can be arranged without
 * going through stock and codes.
 */
import type { CandidateCreateInput } from '@clr/domain';
import type { Db } from '../../src/db/client.js';
import { candidateSortName } from '../../src/services/candidate-list.js';
import { CANDIDATE_FILLER } from './helpers.js';

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A complete « Créer un candidat » body (the three required pages); `overrides` replace whole pages. */
export function candidateBody(overrides: Partial<CandidateCreateInput> & { email?: string } = {}): CandidateCreateInput {
  const { email, ...pages } = overrides;
  return {
    identity: {
      civility: 'mme',
      lastName: 'Lefèvre',
      firstName: 'Élodie',
      email: email ?? `elodie.lefevre.${next()}@exemple.fr`,
      birthDate: '1994-05-17',
      birthPostcode: '69003',
      birthTown: 'Lyon',
      birthCountry: 'France',
    },
    password: { value: 'secret-42', confirmation: 'secret-42', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false },
    information: { status: 'employee', funding: 'cpf' },
    ...pages,
  };
}

export interface PersonInput {
  lastName?: string;
  firstName?: string;
  email?: string;
  stage?: 'none' | 'assigned' | 'taken';
  deadline?: Date | null;
  examDate?: Date | null;
  latestScore?: number | null;
  latestValidation?: 'validated' | 'pending' | 'invalidated' | null;
  latestExamType?: string | null;
  lastLoginAt?: Date | null;
  inHiddenGroup?: boolean;
  hasAttempt?: boolean;
}

/** A candidate with the read-model columns the table reads, `sortName` computed as the server does. */
export async function makePerson(db: Db, spaceId: string, input: PersonInput = {}) {
  const lastName = input.lastName ?? 'Martin';
  const firstName = input.firstName ?? 'Louise';
  const email = input.email ?? `candidat-${next()}@exemple.test`;
  return db.candidate.create({
    data: {
      spaceId,
      civility: 'mme',
      lastName,
      firstName,
      email,
      emailKey: email.toLowerCase(),
      ...CANDIDATE_FILLER,
      stage: input.stage ?? 'none',
      deadline: input.deadline ?? null,
      examDate: input.examDate ?? null,
      latestScore: input.latestScore ?? null,
      latestValidation: input.latestValidation ?? null,
      latestExamType: input.latestExamType ?? null,
      lastLoginAt: input.lastLoginAt ?? null,
      sortName: candidateSortName(lastName, firstName),
      inHiddenGroup: input.inHiddenGroup ?? false,
      hasAttempt: input.hasAttempt ?? input.stage === 'taken',
    },
  });
}

export interface AssignmentInput {
  examType?: string;
  deadline: Date;
  createdAt: Date;
  scheduledAt?: string | null;
  state?: 'active' | 'removed' | 'replaced';
  activationCode?: string | null;
}

/** An assignment row, and the candidate's read model as the assignments service leaves it. */
export async function makeAssignment(db: Db, spaceId: string, candidateId: string, input: AssignmentInput) {
  const examType = input.examType ?? 'blank-remote';
  const state = input.state ?? 'active';
  const assignment = await db.assignment.create({
    data: {
      spaceId,
      candidateId,
      examTypeId: examType,
      lotId: 'lot-of-test',
      scheduledAt: input.scheduledAt ?? null,
      deadline: input.deadline,
      activationCode: input.activationCode ?? null,
      state,
      createdAt: input.createdAt,
      ...(state === 'active' ? {} : { endedAt: input.createdAt }),
    },
  });
  await db.candidate.update({
    where: { id: candidateId },
    data:
      state === 'active'
        ? { stage: 'assigned', deadline: input.deadline, latestExamType: examType }
        : { stage: 'none', deadline: null, latestExamType: null },
  });
  return assignment;
}

/** An attempt taken on an assignment, and the read model of a taken exam. */
export async function makeAttempt(
  db: Db,
  spaceId: string,
  candidateId: string,
  assignmentId: string,
  input: { examType?: string; score?: number | null; takenAt: Date; validation?: 'validated' | 'pending' | 'invalidated'; validUntil?: string; publicCode?: string },
) {
  const examType = input.examType ?? 'blank-remote';
  const attempt = await db.attempt.create({
    data: {
      spaceId,
      candidateId,
      assignmentId,
      examTypeId: examType,
      score: input.score ?? null,
      takenAt: input.takenAt,
      validation: input.validation ?? 'pending',
      validUntil: input.validUntil ?? null,
      publicCode: input.publicCode ?? null,
      startedAt: input.takenAt,
    },
  });
  await db.assignment.update({ where: { id: assignmentId }, data: { takenAt: input.takenAt } });
  await db.candidate.update({
    where: { id: candidateId },
    data: {
      stage: 'taken',
      deadline: null,
      hasAttempt: true,
      latestScore: input.score ?? null,
      latestValidation: input.validation ?? 'pending',
      latestExamType: examType,
      examDate: input.takenAt,
    },
  });
  return attempt;
}
