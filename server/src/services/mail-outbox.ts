/**
 * The demo outbox (`GET /api/v1/demo/outbox`, `/demo/boite-mail`): the
 * messages of the caller's space, newest first; an operator sees every space's
 * (and the operators' own password e-mails, which belong to no space). Never
 * served in production.
 */
import type { Actor, AppDeps } from '../http/env.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/**
 * What the outbox shows of a message's state: the row's status, except that a
 * `pending` message is `kept` when no SMTP server is configured (`SMTP_URL`
 * unset): it stays here and nothing will send it.
 */
export const OUTBOX_VIEW_STATUSES = ['pending', 'kept', 'sending', 'sent', 'failed'] as const;
export type OutboxViewStatus = (typeof OUTBOX_VIEW_STATUSES)[number];

export interface OutboxMessageView {
  id: string;
  template: string;
  to: string;
  subject: string;
  text: string;
  status: OutboxViewStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
}

export interface OutboxPage {
  data: OutboxMessageView[];
  nextCursor: string | null;
  total: number;
  /** `smtp`: the worker sends; `outbox`: messages are kept here. */
  delivery: 'smtp' | 'outbox';
}

function viewStatus(status: string, delivery: 'smtp' | 'outbox'): OutboxViewStatus {
  if (status === 'pending') return delivery === 'outbox' ? 'kept' : 'pending';
  return (OUTBOX_VIEW_STATUSES as readonly string[]).includes(status) ? (status as OutboxViewStatus) : 'pending';
}

/** A page of the caller's outbox, newest first (offset cursor). */
export async function listOutbox(deps: AppDeps, actor: Actor, query: { cursor?: string | undefined; limit: number }): Promise<OutboxPage> {
  // An operator sees all; anyone else only their own space's messages.
  const where = actor.kind === 'operator' ? {} : { spaceId: actor.spaceId ?? '\u0000no-space' };
  const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
  const delivery = deps.config.mailDelivery;
  const [rows, total] = await Promise.all([
    deps.db.outboxMessage.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: offset, take: query.limit }),
    deps.db.outboxMessage.count({ where }),
  ]);
  const next = offset + rows.length;
  return {
    data: rows.map((m) => ({
      id: m.id,
      template: m.template,
      to: m.to,
      subject: m.subject,
      text: m.text,
      status: viewStatus(m.status, delivery),
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt.toISOString(),
      nextAttemptAt: m.nextAttemptAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > 0 && next < total ? encodeCursor(next) : null,
    total,
    delivery,
  };
}
