import type { Attempt, Civility, DateInput, DocumentKind, ExamType } from '@clr/domain';

/** The candidate as the documents name them (§6.3 « Identité »). */
export interface CertificateCandidate {
  /** Names the candidate in a refusal (R18); not printed. */
  id: string;
  civility: Civility;
  lastName: string;
  birthName?: string | null;
  firstName: string;
  /** Calendar date `YYYY-MM-DD`. */
  birthDate: string;
  birthTown: string;
  birthCountry: string;
  email: string;
}

/** A La Poste centre session (§6.5). */
export interface CertificateSession {
  /** « Centre La Poste - Grenoble ». */
  centre: string;
  /** Street, postcode and town, on one line. */
  address: string;
  /** ISO instant of the slot. */
  startsAt: string;
}

/** The assigned exam the document is about. */
export interface CertificateExam {
  /** Exam type id of the catalogue (`official-laposte`). */
  type: string;
  /** Its label; the seeded catalogue's label when omitted. */
  label?: string;
  /** Scheduled day `YYYY-MM-DD`, for dated types. */
  scheduledAt?: string | null;
  session?: CertificateSession | null;
}

/** The taken exam, when there is one (SPEC §4 Attempt). */
export type CertificateAttempt = Pick<Attempt, 'score' | 'takenAt' | 'validUntil' | 'validation' | 'publicCode'>;

/** Everything one page of « Bilan détaillé » or of an attestation shows. */
export interface CertificateData {
  /** Name of the partner's space the document is issued for. */
  spaceName: string;
  candidate: CertificateCandidate;
  exam: CertificateExam;
  attempt?: CertificateAttempt | null;
  /** Public page where a third party checks the verification code (R17). */
  verificationUrl?: string | null;
  /** When the document is issued (« Fait à …, le … »). */
  issuedAt: DateInput;
  /** « Fait à Paris »; Paris when omitted. */
  place?: string;
}

export interface DocumentOptions {
  /** Deflate the page streams; on by default (about a quarter of the size). */
  compress?: boolean;
  /** Catalogue deciding which documents a type gives (R18); the seeded one by default. */
  catalogue?: readonly ExamType[];
}

export type { DocumentKind };
