// Request schemas and messages; candidates, groups, codes, documents, dashboard, auth
// (R10–R18, R21): pure rules, schemas raising French messages, an English catalogue beside.

// Messages and field errors
export { MESSAGES, formatMessage, fr, messageIdOf, translateMessage } from './i18n/messages.js';
export type { MessageId, MessageParams } from './i18n/messages.js';
export { dottedPath, parseOrThrow, toFieldErrors, validationError } from './schemas/errors.js';
export type { IssueSource } from './schemas/errors.js';
export { NAME_MAX_LENGTH, hasControlCharacter } from './schemas/fields.js';
export { LIMIT_DEFAULT, LIMIT_MAX, SELECTION_MAX } from './shared/limits.js';

// Auth: password policy, embedding origins, bodies
export {
  ADMIN_PASSWORD_MIN_LENGTH,
  ADMIN_PASSWORD_POLICY,
  CANDIDATE_PASSWORD_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
  candidatePasswordPolicy,
  passwordField,
  passwordProblems,
} from './auth/password-policy.js';
export type { PasswordPolicy, PasswordProblem } from './auth/password-policy.js';
export { isAllowedOrigin, normaliseOrigin } from './auth/embed-origin.js';
export type { EmbedScope } from './schemas/auth.js';
export {
  EMBED_ORIGINS_MAX,
  EMBED_SCOPES,
  EMBED_TOKEN_TTL_DEFAULT,
  EMBED_TOKEN_TTL_MAX,
  EmbedOriginsBody,
  EmbedTokenBody,
  embedScopeAllows,
  emailChangeNeedsPassword,
  LoginBody,
  PasswordChangeBody,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  ProfilePatchBody,
} from './schemas/auth.js';

// Orders (request side; the rules are the ledger's)
export { ORDER_LINES_MAX, ORDER_QUANTITY_MAX, OrderCreateBody, OrderListQuery } from './schemas/orders.js';

// Groups
export {
  GROUP_NAME_MAX_LENGTH,
  GROUP_SORTS,
  GroupCreateBody,
  GroupListQuery,
  GroupMembersBody,
  GroupPatchBody,
  GroupSort,
} from './schemas/groups.js';
export { GROUP_CATEGORY_ORDER, sortGroupsForTable } from './groups/sorting.js';
export { candidateName, compareKeys, nameSortKey, searchKey } from './shared/text.js';
export { planGroupDeletion } from './groups/deletion.js';
export type { GroupDeletionPlan, Membership } from './groups/deletion.js';
export { associableCandidates, isAssociable, planAssociation, planDissociation } from './groups/association.js';
export type { AssociationPlan } from './groups/association.js';

// Candidates
export {
  BIRTH_DATE_MIN,
  CANDIDATE_SORTS,
  CandidateCreateBody,
  CandidateFilterQuery,
  CandidateListQuery,
  CandidatePatchBody,
  CandidateSort,
  ContactPage,
  InformationPage,
  MiscPage,
  candidateCreateSchema,
  candidatePatchSchema,
  identityPageSchema,
  passwordPageSchema,
} from './schemas/candidates.js';
export type {
  CandidateCreateInput,
  CandidateListQueryInput,
  CandidatePatchInput,
  CandidateSchemaOptions,
  IdentityPage,
  PasswordPage,
} from './schemas/candidates.js';
export type { Decision } from './candidates/decision.js';
export { assertCandidateDeletable, candidateDeletability } from './candidates/deletion.js';
export type { DeletionFacts } from './candidates/deletion.js';
export { assertCandidateEditable, candidateEditability } from './candidates/editing.js';
export type { EditingFacts } from './candidates/editing.js';
export { isHiddenCandidate, visibleToTable } from './candidates/visibility.js';
export { FRENCH_COLLATOR, compareCandidateRows, sortCandidateRows } from './candidates/sorting.js';
export { credentialsEnvelope } from './candidates/credentials.js';
export type { CredentialsEnvelope } from './candidates/credentials.js';

// Assignments (request side; the rules are the ledger's)
export { AssignmentBody, AssignmentDeleteQuery, BulkAssignBody, BulkDeleteBody, ExamSessionListQuery } from './schemas/assignments.js';
export type { AssignmentInput } from './schemas/assignments.js';

// Activation codes (R15) and public verification (R17)
export { cryptoRandom, randomString } from './codes/random.js';
export type { RandomSource } from './codes/random.js';
export {
  ACTIVATION_CODE_ALPHABET,
  ACTIVATION_CODE_LENGTH,
  CODE_MAX_ATTEMPTS,
  generateActivationCode,
  hasActivationCode,
  isActivationCode,
  normaliseActivationCode,
} from './codes/activation-code.js';
export { PUBLIC_CODE_LENGTH, generatePublicCode, isPublicCode } from './codes/public-code.js';
export { publicVerificationView } from './codes/public-verification.js';
export type { VerifiableAttempt, VerifiableCandidate } from './codes/public-verification.js';
export { PublicVerification } from './codes/schemas.js';
export { ActivationCodesQuery } from './schemas/codes.js';

// Documents (R16, R18)
export { isResultValid, validUntil } from './documents/validity.js';
export { assertAllEligible, documentEligibility, documentsAvailable } from './documents/eligibility.js';
export type { EligibilityAssignment, EligibilityAttempt, EligibilityHistory } from './documents/eligibility.js';
export { DocumentKindParam, DocumentsEligibleQuery, DocumentsQuery } from './schemas/documents.js';

// Integration with the exam platform
export { AttemptScoreBody, AttemptStartBody, IntegrationLoginBody, IntegrationLoginResponse, ValidationDecisionBody } from './schemas/integration.js';

// Dashboard (R21)
export { dashboard } from './dashboard/dashboard.js';
export type { DashboardCandidate, DashboardInput } from './dashboard/dashboard.js';
export { DashboardResponse } from './dashboard/schemas.js';

// Responses not defined elsewhere
export {
  ActivationCodeList,
  AdminProfile,
  AttemptList,
  AttemptStarted,
  CandidateContact,
  CandidateDetail,
  CandidateIdentity,
  CandidateInformation,
  CandidateMisc,
  CredentialsEmail,
  DocumentsAvailable,
  EligibleCandidateList,
  ExamSessionList,
  ExamTypeList,
  GroupList,
  GroupWithCount,
  LoginResponse,
  MeResponse,
  ProductList,
  SpaceRef,
} from './schemas/responses.js';
