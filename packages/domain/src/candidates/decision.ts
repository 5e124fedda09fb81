import type { MessageId } from '../i18n/messages.js';

/**
 * The answer of a non-throwing rule, for the elements to disable a button and
 * say why (« Ce candidat a déjà passé un examen… »): `reason` in the asked locale.
 */
export type Decision =
  | { allowed: true; reason: null; reasonId: null }
  | { allowed: false; reason: string; reasonId: MessageId };

export const ALLOWED: Decision = { allowed: true, reason: null, reasonId: null };
