/**
 * The demo outbox (`GET /api/v1/demo/outbox`, `/demo/boite-mail`): read by
 * an administrator's session only (never an API key or an embed token: the
 * outbox holds password-reset links), newest first. An administrator sees
 * their own space's messages except the password-reset links sent to someone
 * else; an operator sees only the messages sent to their own address. Never
 * served in production.
 */
import { forbidden, unauthenticated } from '../http/auth.js';
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

/** Messages that hand over an account: shown to their addressee only, never to a colleague of the same space. */
export const PERSONAL_TEMPLATES = ['admin.password-reset'] as const;

/** Who may read the demo outbox: an administrator's session (their space), an operator's (their own messages). */
export const OUTBOX_READERS = ['admin', 'operator'] as const;

/** Which messages `actor` may read (throws 401/403 for anyone but a signed-in administrator or operator). */
async function readableBy(deps: AppDeps, actor: Actor | undefined) {
  if (!actor) throw unauthenticated();
  if (actor.kind !== 'admin' && actor.kind !== 'operator') {
    throw forbidden("La boîte d'envoi de démonstration se consulte avec une session d'administrateur, pas avec une clé d'API.");
  }
  const me = await deps.db.admin.findUnique({ where: { id: actor.adminId }, select: { email: true } });
  if (!me) throw unauthenticated();
  if (actor.kind === 'operator') return { spaceId: null, to: me.email };
  return { spaceId: actor.spaceId, NOT: { template: { in: [...PERSONAL_TEMPLATES] }, to: { not: me.email } } };
}

/** A page of the caller's outbox, newest first (offset cursor). */
export async function listOutbox(deps: AppDeps, actor: Actor | undefined, query: { cursor?: string | undefined; limit: number }): Promise<OutboxPage> {
  const where = await readableBy(deps, actor);
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
