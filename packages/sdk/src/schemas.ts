/**
 * The few answers of the API whose shape the domain does not define (they
 * belong to one route): built from the domain's schemas, so a change there
 * reaches them. Everything else is parsed with the domain's schemas directly.
 */
import { z } from 'zod';
import {
  AdminProfile,
  AssignmentView,
  CandidateList,
  GroupWithCount,
  IsoDateTime,
  Order,
  SpaceRef,
  listOf,
  type CandidateListQuery,
  type ContactPage,
  type GroupCategory,
  type GroupListQuery,
  type IdentityPage,
  type InformationPage,
  type MiscPage,
  type OrderListQuery,
  type OrderStatus,
  type ExamSessionListQuery,
  type ActivationCodesQuery,
  type DocumentsEligibleQuery,
  EMBED_SCOPES,
} from '@clr/domain';

/** `POST /auth/login`, `GET /me`: the domain's `LoginResponse`, with `space: null` for an operator (platform staff have no space). */
export const Session = z.object({ admin: AdminProfile, space: SpaceRef.nullable() });
export type Session = z.infer<typeof Session>;

/** An assignment as `POST/PUT /candidates/:id/assignment` and `POST /assignments/bulk` answer it: the file's view and its candidate. */
export const AssignmentResult = AssignmentView.extend({ candidateId: z.string() });
export type AssignmentResult = z.infer<typeof AssignmentResult>;
export const AssignmentResultList = listOf(AssignmentResult);
export type AssignmentResultList = z.infer<typeof AssignmentResultList>;

/** `POST /assignments/bulk-delete` → how many assignments ended and how many credits went back (R7, R8). */
export const BulkRemoval = z.object({
  removed: z.number().int().nonnegative(),
  creditsReturned: z.number().int().nonnegative(),
});
export type BulkRemoval = z.infer<typeof BulkRemoval>;

/** `POST /groups/:id/members` → the group with its new count, who was added, who already was a member (R14). */
export const GroupMembersResult = z.object({
  group: GroupWithCount,
  added: z.array(z.string()),
  alreadyMembers: z.array(z.string()),
});
export type GroupMembersResult = z.infer<typeof GroupMembersResult>;

/** `GET /operator/orders`: every space's orders, for the platform staff, each with its space. */
export const OperatorOrder = Order.extend({ space: SpaceRef });
export type OperatorOrder = z.infer<typeof OperatorOrder>;
export const OperatorOrderList = listOf(OperatorOrder);
export type OperatorOrderList = z.infer<typeof OperatorOrderList>;
export interface OperatorOrderListParams {
  status?: OrderStatus;
  spaceId?: string;
  cursor?: string;
  limit?: number;
}

/** `POST /orders/:id/checkout` → where to send the administrator to pay (R3, §4.3 « Poursuivre ma commande »). */
export const Checkout = z.looseObject({ url: z.string() });
export type Checkout = z.infer<typeof Checkout>;

/** An API key of the space (`GET /api-keys`): never its secret. */
export const ApiKey = z.looseObject({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable().optional(),
});
export type ApiKey = z.infer<typeof ApiKey>;
export const ApiKeyList = listOf(ApiKey);
export type ApiKeyList = z.infer<typeof ApiKeyList>;
/** `POST /api-keys` → the key and, this once, its secret. */
export const ApiKeyCreated = ApiKey.extend({ secret: z.string() });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

/** `POST /embed-tokens` → a short-lived token for elements embedded on `origin`, and what it may do. */
export const EmbedToken = z.looseObject({ token: z.string(), expiresAt: IsoDateTime, scopes: z.array(z.enum(EMBED_SCOPES)) });
export type EmbedToken = z.infer<typeof EmbedToken>;

/** `GET` and `PUT /embed-origins` → the space's allowed embedding origins. */
export const EmbedOrigins = z.looseObject({ data: z.array(z.string()) });
export type EmbedOrigins = z.infer<typeof EmbedOrigins>;

/** `GET /healthz`. */
export const Health = z.looseObject({ status: z.string() });
export type Health = z.infer<typeof Health>;

/** `POST /integration/candidates/login` → the candidate the exam platform signed in, and the untaken exam waiting for them. */
export { IntegrationLoginResponse as IntegrationLogin } from '@clr/domain';

/** `GET /assignments/eligible` (§6.6): a page of the candidates a bulk action may take, and the stock of the chosen type. */
export const EligibleList = CandidateList.extend({ available: z.number().int().nonnegative().nullable() });
export type EligibleList = z.infer<typeof EligibleList>;

// ---------------------------------------------------------------------------
// What the methods take. The request schemas of the domain read query strings
// (`'true'`, `'50'`) and blanks, so their input types are loose; these are the
// typed forms a program writes. The server validates; the SDK sends as given.

type Paging = { cursor?: string; limit?: number };

/** `GET /candidates` (§6.1): search, status, validation, group, period, sort, hidden ones (R12), paging. */
export type CandidateListParams = Partial<Omit<CandidateListQuery, 'cursor' | 'limit'>> & Paging;
/** The filters of the selection dialogs (§5.9, §6.6) with paging. */
export type CandidateFilterParams = Omit<CandidateListParams, 'sort' | 'includeHidden'>;
export type GroupListParams = Partial<Omit<GroupListQuery, 'cursor' | 'limit'>> & Paging;
export type OrderListParams = Partial<Omit<OrderListQuery, 'cursor' | 'limit'>> & Paging;
export type ExamSessionListParams = Partial<Omit<ExamSessionListQuery, 'cursor' | 'limit'>> & Paging;
/** `GET /activation-codes` (§6.7): the chosen candidates, or the filters. */
export type ActivationCodeParams = Partial<Omit<ActivationCodesQuery, 'cursor' | 'limit'>> & Paging;
export type DocumentsEligibleParams = Partial<Omit<DocumentsEligibleQuery, 'kind' | 'cursor' | 'limit'>> & Paging;

/** `POST /candidates` (§6.3): the three required pages and the two facultative ones. */
export interface CandidateCreateParams {
  identity: Omit<IdentityPage, 'birthName'> & { birthName?: string | null };
  password: {
    value: string;
    confirmation: string;
    /** E-mail the password to the candidate. */
    sendToCandidate?: boolean;
    /** Ask the candidate to acknowledge (only with `sendToCandidate`). */
    requestAcknowledgment?: boolean;
    /** Send the credentials to the administrator. */
    sendToAdmin?: boolean;
  };
  information: InformationPage;
  contact?: Partial<ContactPage>;
  misc?: Partial<MiscPage>;
}

/** `PATCH /candidates/:id` (§6.4): any page, any field of it; a password page is complete. */
export interface CandidateUpdateParams {
  identity?: Partial<CandidateCreateParams['identity']>;
  password?: CandidateCreateParams['password'];
  information?: Partial<InformationPage>;
  contact?: Partial<ContactPage>;
  misc?: Partial<MiscPage>;
}

/** `POST`/`PUT /candidates/:id/assignment` (§6.5, §6.6). */
export interface AssignmentParams {
  /** The exam type id (`blank-remote`, `official-laposte`, …). */
  examType: string;
  /** `YYYY-MM-DD` (Europe/Paris), today or later, for dated types. */
  scheduledAt?: string;
  /** The La Poste session, for types that need one. */
  sessionId?: string;
  /** « Envoyer un courriel au candidat pour l'informer de son inscription ». */
  notify?: boolean;
}

export interface BulkAssignParams extends AssignmentParams {
  candidateIds: string[];
}

/** `GET /assignments/eligible`: `assign` (no current exam) or `remove` (an untaken exam), with the table's filters. */
export type EligibleParams = CandidateListParams & { action: 'assign' | 'remove'; examType?: string };

export interface BulkRemoveParams {
  candidateIds: string[];
  notify?: boolean;
}

export interface GroupCreateParams {
  name: string;
  category: GroupCategory;
}

export interface GroupUpdateParams {
  name?: string;
  category?: GroupCategory;
  /** R12: hide the group (its candidates leave the candidates table) or show it again. */
  hidden?: boolean;
}

export interface OrderCreateParams {
  lines: { productId: string; quantity: number }[];
}
