/**
 * A candidate's file (§6.3, §6.4, §6.8), as the server's
 * `services/candidates.ts`: create it (the five pages, checked with the
 * space's password minimum and the store's clock), edit it (R11), delete it
 * (R10). E-mails are unique platform-wide (409 naming `identity.email`).
 */
import {
  DomainError,
  assertCandidateDeletable,
  assertCandidateEditable,
  candidateCreateSchema,
  candidatePatchSchema,
  hasCurrentAssignment,
  parseOrThrow,
  type CandidateDetail,
  type CandidateSchemaOptions,
} from '@clr/domain';
import type { Actor } from '../http/auth.js';
import { notFound } from '../http/problem.js';
import { randomToken } from '../store/encoding.js';
import type { MockStore } from '../store/store.js';
import type { CandidateRecord } from '../store/types.js';
import { candidateDetail, findCandidate, historyOf } from './views.js';

export const candidateNotFound = () => notFound("Ce candidat n'existe pas.");

/** The space's candidate, or 404. */
export function requireCandidate(store: MockStore, spaceId: string, id: string): CandidateRecord {
  const candidate = findCandidate(store, spaceId, id);
  if (!candidate) throw candidateNotFound();
  return candidate;
}

function emailTaken(): DomainError {
  const message = 'Ce courriel est déjà utilisé par un autre candidat.';
  return new DomainError('conflict', `${message} Le courriel sert d'identifiant sur la plateforme d'examen : il doit être unique.`, {
    field: 'identity.email',
    errors: [{ path: 'identity.email', message }],
  });
}

function schemaOptions(store: MockStore, spaceId: string): CandidateSchemaOptions {
  const space = store.state.spaces.find((s) => s.id === spaceId);
  return { minPasswordLength: space?.minPasswordLength ?? 6, now: store.now };
}

const SIGNATURE = "L'équipe de la Certification Le Robert";

interface PasswordChoice {
  value: string;
  sendToCandidate: boolean;
  requestAcknowledgment: boolean;
  sendToAdmin: boolean;
}

/** The credentials e-mails chosen on the « Mot de passe » page (§6.3); returns the envelope's state. */
function sendCredentials(store: MockStore, actor: Actor | undefined, candidate: CandidateRecord, password: PasswordChoice): CandidateRecord['credentials'] {
  const acknowledgment = password.sendToCandidate && password.requestAcknowledgment;
  const lines = [`Identifiant : ${candidate.email}`, `Mot de passe : ${password.value}`];
  if (password.sendToCandidate) {
    const link = acknowledgment
      ? `${store.config.publicUrl.replace(/\/$/, '')}/accuse-reception?token=${randomToken(store.random)}`
      : null;
    store.sendMail({
      template: 'candidate.credentials',
      to: candidate.email,
      spaceId: candidate.spaceId,
      subject: 'Vos identifiants de connexion - Certification Le Robert',
      text: [
        `Bonjour ${candidate.firstName} ${candidate.lastName},`,
        '',
        "Un compte vous a été ouvert sur la plateforme d'examen de la Certification Le Robert.",
        ...lines,
        ...(link ? ['', 'Merci de confirmer la bonne réception de ce courriel en ouvrant le lien ci-dessous :', link] : []),
        '',
        SIGNATURE,
      ].join('\n'),
    });
  }
  let sentToAdmin = false;
  if (password.sendToAdmin) {
    const recipients = store.state.admins.filter((a) =>
      actor?.kind === 'admin' ? a.id === actor.adminId : a.spaceId === candidate.spaceId && a.role === 'admin',
    );
    for (const admin of recipients) {
      store.sendMail({
        template: 'candidate.credentials-admin',
        to: admin.email,
        spaceId: candidate.spaceId,
        subject: `Identifiants de connexion pour ${candidate.firstName} ${candidate.lastName} - Certification Le Robert`,
        text: [
          'Bonjour,',
          '',
          `Voici les informations de connexion à la plateforme d'examen de la Certification Le Robert pour ${candidate.firstName} ${candidate.lastName} :`,
          ...lines,
          '',
          SIGNATURE,
        ].join('\n'),
      });
      sentToAdmin = true;
    }
  }
  return { sentToCandidate: password.sendToCandidate, acknowledgmentRequested: acknowledgment, acknowledgedAt: null, sentToAdmin };
}

/** §6.3 « Créer un candidat ». */
export function createCandidate(store: MockStore, actor: Actor | undefined, spaceId: string, input: unknown): CandidateDetail {
  const body = parseOrThrow(candidateCreateSchema(schemaOptions(store, spaceId)), input);
  const { identity, password, information, contact, misc } = body;
  if (store.index().candidateByEmail.has(identity.email)) throw emailTaken();
  const now = store.now().toISOString();
  const candidate: CandidateRecord = {
    id: store.nextId('cand'),
    spaceId,
    civility: identity.civility,
    lastName: identity.lastName,
    birthName: identity.birthName ?? null,
    firstName: identity.firstName,
    email: identity.email,
    password: password.value,
    birthDate: identity.birthDate,
    birthPostcode: identity.birthPostcode,
    birthTown: identity.birthTown,
    birthCountry: identity.birthCountry,
    status: information.status,
    funding: information.funding,
    phone: contact?.phone ?? null,
    address: contact?.address ?? null,
    postcode: contact?.postcode ?? null,
    town: contact?.town ?? null,
    country: contact?.country ?? null,
    educationLevel: misc?.educationLevel ?? null,
    socioProfessionalCategory: misc?.socioProfessionalCategory ?? null,
    motherTongue: misc?.motherTongue ?? null,
    credentials: { sentToCandidate: false, acknowledgmentRequested: false, acknowledgedAt: null, sentToAdmin: false },
    lastLoginAt: null,
    createdAt: now,
    updatedAt: now,
  };
  candidate.credentials = sendCredentials(store, actor, candidate, password);
  store.state.candidates.push(candidate);
  store.touched([candidate.id]);
  return candidateDetail(store, candidate, store.now());
}

/** Keeps the keys whose value was sent (`undefined` = untouched, `null` = cleared). */
function sent<T extends object>(page: T | undefined): Partial<T> {
  if (!page) return {};
  return Object.fromEntries(Object.entries(page).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** R11 §6.4 « Modifier le dossier d'un candidat »: refused once the candidate has taken an exam. */
export function updateCandidate(store: MockStore, actor: Actor | undefined, spaceId: string, id: string, input: unknown): CandidateDetail {
  const candidate = requireCandidate(store, spaceId, id);
  assertCandidateEditable({ hasAttempt: historyOf(store, id).attempts.length > 0 });
  const patch = parseOrThrow(candidatePatchSchema(schemaOptions(store, spaceId)), input);
  const identity = sent(patch.identity);
  if (identity.email !== undefined && identity.email !== candidate.email) {
    const other = store.index().candidateByEmail.get(identity.email);
    if (other && other.id !== id) throw emailTaken();
  }
  const information = sent(patch.information);
  Object.assign(candidate, identity, sent(patch.contact), sent(patch.misc));
  if (information.status !== undefined) candidate.status = information.status;
  if (information.funding !== undefined) candidate.funding = information.funding;
  if (patch.password) {
    candidate.password = patch.password.value;
    candidate.credentials = sendCredentials(store, actor, candidate, patch.password);
  }
  candidate.updatedAt = store.now().toISOString();
  store.touched([id]);
  return candidateDetail(store, candidate, store.now());
}

/**
 * R10 §6.8 « Supprimer un candidat »: only one who never took an exam and has
 * no exam currently assigned; memberships and ended assignments go with them.
 */
export function deleteCandidate(store: MockStore, spaceId: string, id: string): void {
  requireCandidate(store, spaceId, id);
  const history = historyOf(store, id);
  assertCandidateDeletable({ hasAttempt: history.attempts.length > 0, hasCurrentAssignment: hasCurrentAssignment(history, store.now()) });
  const { state } = store;
  state.candidates = state.candidates.filter((c) => c.id !== id);
  state.memberships = state.memberships.filter((m) => m.candidateId !== id);
  state.assignments = state.assignments.filter((a) => a.candidateId !== id);
  store.touched([id]);
}
