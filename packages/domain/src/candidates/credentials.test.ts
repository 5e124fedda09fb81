import { describe, expect, it } from 'vitest';
import { credentialsEnvelope } from './credentials.js';

describe('the credentials envelope (§6.3)', () => {
  it.each([
    [false, false, null, 'none'],
    [true, false, null, 'sent'],
    [true, true, null, 'awaiting'],
    [true, true, '2026-03-01T10:00:00Z', 'acknowledged'],
  ] as const)('sent = %s, acknowledgment asked = %s, clicked at %j: %s', (sentToCandidate, acknowledgmentRequested, acknowledgedAt, envelope) => {
    expect(credentialsEnvelope({ sentToCandidate, acknowledgmentRequested, acknowledgedAt })).toBe(envelope);
  });
});
