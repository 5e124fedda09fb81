import { z } from 'zod';
import {
  Civility,
  EducationLevel,
  Funding,
  InformationStatus,
  MotherTongue,
  Role,
  SocioProfessionalCategory,
} from '../shared/enums.js';
import { IsoDate, IsoDateTime, listOf } from '../shared/list.js';
import { ExamType } from '../catalogue/exam-types.js';
import { Product } from '../orders/schemas.js';
import { Group } from '../groups/schemas.js';
import { CandidateRow } from '../candidates/schemas.js';
import { ActivationCodeRow } from '../codes/schemas.js';
import { Attempt } from '../documents/schemas.js';
import { AssignmentView, ExamSession } from '../assignments/types.js';

/** The signed-in administrator (`GET /me`, §1.2 « Profil »). */
export const AdminProfile = z.object({
  id: z.string(),
  email: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  role: Role,
});
export type AdminProfile = z.infer<typeof AdminProfile>;

export const SpaceRef = z.object({ id: z.string(), name: z.string() });
export type SpaceRef = z.infer<typeof SpaceRef>;

/** `POST /auth/login` → `{ admin, space }` (SPEC §4); `GET /me` answers the same. */
export const LoginResponse = z.object({ admin: AdminProfile, space: SpaceRef });
export type LoginResponse = z.infer<typeof LoginResponse>;
export const MeResponse = LoginResponse;
export type MeResponse = LoginResponse;

/** `GET /exam-types`. */
export const ExamTypeList = listOf(ExamType);
export type ExamTypeList = z.infer<typeof ExamTypeList>;

/** `GET /products`. */
export const ProductList = listOf(Product);
export type ProductList = z.infer<typeof ProductList>;

/** `GET /exam-sessions` (La Poste centre sessions, §6.5). */
export const ExamSessionList = listOf(ExamSession);
export type ExamSessionList = z.infer<typeof ExamSessionList>;

/** A row of the groups table with its number of candidates (`GET /groups`, `GET /groups/:id`). */
export const GroupWithCount = Group.extend({ memberCount: z.number().int().nonnegative() });
export type GroupWithCount = z.infer<typeof GroupWithCount>;
export const GroupList = listOf(GroupWithCount);
export type GroupList = z.infer<typeof GroupList>;

/** `GET /activation-codes`. */
export const ActivationCodeList = listOf(ActivationCodeRow);
export type ActivationCodeList = z.infer<typeof ActivationCodeList>;

/** `GET /candidates/:id/attempts`. */
export const AttemptList = listOf(Attempt);
export type AttemptList = z.infer<typeof AttemptList>;

/** `GET /documents/:kind/eligible`: the candidates whose document exists (R18). */
export const EligibleCandidateList = listOf(CandidateRow);
export type EligibleCandidateList = z.infer<typeof EligibleCandidateList>;

/** `POST /integration/attempts` → `{ attemptId }`. */
export const AttemptStarted = z.object({ attemptId: z.string() });
export type AttemptStarted = z.infer<typeof AttemptStarted>;

/** « Identité » as stored (no password ever leaves the server). */
export const CandidateIdentity = z.object({
  civility: Civility,
  lastName: z.string(),
  birthName: z.string().nullable(),
  firstName: z.string(),
  email: z.string(),
  birthDate: IsoDate,
  birthPostcode: z.string(),
  birthTown: z.string(),
  birthCountry: z.string(),
});
export type CandidateIdentity = z.infer<typeof CandidateIdentity>;

export const CandidateInformation = z.object({ status: InformationStatus, funding: Funding });
export type CandidateInformation = z.infer<typeof CandidateInformation>;

export const CandidateContact = z.object({
  phone: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  country: z.string().nullable(),
});
export type CandidateContact = z.infer<typeof CandidateContact>;

export const CandidateMisc = z.object({
  educationLevel: EducationLevel.nullable(),
  socioProfessionalCategory: SocioProfessionalCategory.nullable(),
  motherTongue: MotherTongue.nullable(),
});
export type CandidateMisc = z.infer<typeof CandidateMisc>;

/**
 * The credentials e-mail of §6.3: sent to the candidate or not, with an
 * acknowledgment link or not, and when the link was clicked (the envelope is
 * orange until then, green after; see `credentialsEnvelope`).
 */
export const CredentialsEmail = z.object({
  sentToCandidate: z.boolean(),
  acknowledgmentRequested: z.boolean(),
  acknowledgedAt: IsoDateTime.nullable(),
  sentToAdmin: z.boolean(),
});
export type CredentialsEmail = z.infer<typeof CredentialsEmail>;

/** Which documents a candidate has (R18), for the links of §6.9. */
export const DocumentsAvailable = z.object({ report: z.boolean(), registration: z.boolean(), attendance: z.boolean() });
export type DocumentsAvailable = z.infer<typeof DocumentsAvailable>;

/**
 * `GET /candidates/:id`: the table's row, the pages of the file, the latest
 * assignment (null when none), the attempts (latest first), the documents
 * available and the credentials e-mail's state.
 */
export const CandidateDetail = CandidateRow.extend({
  identity: CandidateIdentity,
  information: CandidateInformation,
  contact: CandidateContact,
  misc: CandidateMisc,
  credentials: CredentialsEmail,
  assignment: AssignmentView.nullable(),
  attempts: z.array(Attempt),
  documents: DocumentsAvailable,
  /** R12: in at least one hidden group, so out of the table unless hidden ones are asked for. */
  hidden: z.boolean(),
});
export type CandidateDetail = z.infer<typeof CandidateDetail>;

