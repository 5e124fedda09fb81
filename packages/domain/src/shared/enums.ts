import { z } from 'zod';

/**
 * Enumerations of SPEC §4 "Enumerations": one zod enum each, the only source of these values.
 * `@__PURE__`: a bundle that only needs a label or a type (an element) leaves zod out.
 */
export const CandidateStatus = /* @__PURE__ */ z.enum(['to_assign', 'scheduled', 'expired', 'taken']);
export type CandidateStatus = z.infer<typeof CandidateStatus>;

export const Validation = /* @__PURE__ */ z.enum(['validated', 'pending', 'invalidated']);
export type Validation = z.infer<typeof Validation>;

export const Civility = /* @__PURE__ */ z.enum(['mme', 'm']);
export type Civility = z.infer<typeof Civility>;

export const InformationStatus = /* @__PURE__ */ z.enum([
  'employee',
  'student',
  'job_seeker',
  'self_employed',
  'civil_servant',
  'retired',
  'other',
]);
export type InformationStatus = z.infer<typeof InformationStatus>;

export const Funding = /* @__PURE__ */ z.enum(['cpf', 'professionalisation', 'self_funded', 'other']);
export type Funding = z.infer<typeof Funding>;

export const EducationLevel = /* @__PURE__ */ z.enum(['cap', 'bac', 'bac2', 'bac3', 'bac4', 'bac5', 'bac8', 'none']);
export type EducationLevel = z.infer<typeof EducationLevel>;

export const SocioProfessionalCategory = /* @__PURE__ */ z.enum([
  'farmer',
  'craftsman_trader_owner',
  'executive',
  'intermediate',
  'employee',
  'worker',
  'no_activity',
]);
export type SocioProfessionalCategory = z.infer<typeof SocioProfessionalCategory>;

export const MotherTongue = /* @__PURE__ */ z.enum(['fr', 'other']);
export type MotherTongue = z.infer<typeof MotherTongue>;

export const GroupCategory = /* @__PURE__ */ z.enum(['client', 'class', 'exam_session', 'other']);
export type GroupCategory = z.infer<typeof GroupCategory>;

export const OrderStatus = /* @__PURE__ */ z.enum(['pending', 'delivered', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderSection = /* @__PURE__ */ z.enum(['to_validate', 'to_consume', 'history']);
export type OrderSection = z.infer<typeof OrderSection>;

export const ExamKind = /* @__PURE__ */ z.enum(['blank', 'demo', 'official']);
export type ExamKind = z.infer<typeof ExamKind>;

export const Supervision = /* @__PURE__ */ z.enum(['none', 'partner', 'centre']);
export type Supervision = z.infer<typeof Supervision>;

export const DocumentKind = /* @__PURE__ */ z.enum(['report', 'registration', 'attendance']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const Role = /* @__PURE__ */ z.enum(['admin', 'operator']);
export type Role = z.infer<typeof Role>;

export const ExamTypeId = /* @__PURE__ */ z.enum([
  'blank-remote',
  'blank-onsite',
  'blank-manual',
  'demo-remote',
  'demo-onsite',
  'demo-manual',
  'official-onsite',
  'official-laposte',
  'official-approved',
]);
export type ExamTypeId = z.infer<typeof ExamTypeId>;
