import type { CredentialsEmail } from '../schemas/responses.js';

/**
 * The envelope beside a candidate's login (§6.3): none when the password was not
 * e-mailed; `sent` when it was, without an acknowledgment link; `awaiting`
 * (orange) until the candidate clicks the link; `acknowledged` (green) after.
 */
export type CredentialsEnvelope = 'none' | 'sent' | 'awaiting' | 'acknowledged';

export function credentialsEnvelope(
  credentials: Pick<CredentialsEmail, 'sentToCandidate' | 'acknowledgmentRequested' | 'acknowledgedAt'>,
): CredentialsEnvelope {
  if (!credentials.sentToCandidate) return 'none';
  if (!credentials.acknowledgmentRequested) return 'sent';
  return credentials.acknowledgedAt === null ? 'awaiting' : 'acknowledged';
}
