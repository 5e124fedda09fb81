/**
 * The outbox worker: sends the e-mails that the use cases wrote in their own
 * transactions (`enqueueMail`). A send failure never touches the business
 * write, which committed long before; the message is retried with an
 * exponential backoff and, after {@link MAIL_MAX_ATTEMPTS} attempts, marked
 * `failed`.
 *
 * Each row is claimed by one guarded statement before it is sent
 * (`UPDATE … SET status = 'sending', attempts = n + 1 WHERE id = ? AND
 * status = ? AND attempts = n AND nextAttemptAt <= now`): of two passes —
 * in one process or in two server processes on one database — that read the
 * same row, exactly one claims it, so a message is never sent twice by two
 * workers. A claim is a lease: if its process dies mid-send, the row becomes
 * due again when the lease ends (that attempt counts), which is the one case
 * where a message can go out twice; the stable `Message-ID` lets mail
 * systems recognise it.
 *
 * `main.ts` starts {@link startMailWorker} when `SMTP_URL` is set; tests call
 * {@link deliverDue} directly with a fake transport and a fixed clock.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/client.js';
import { sendFailureReason, type MailTransport } from './mail-transport.js';

/** Outbox row states. `pending` rows wait for their `nextAttemptAt`. */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Wait after the 1st, 2nd, … failed attempt: 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h (about 45 h in all). */
export const MAIL_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 24 * 3_600_000] as const;
/** Attempts before a message is marked `failed`. */
export const MAIL_MAX_ATTEMPTS = MAIL_RETRY_DELAYS_MS.length + 1;
/** How long a claim holds a row: far longer than one bounded SMTP send (see `SMTP_TIMEOUTS`). */
export const MAIL_CLAIM_LEASE_MS = 60 * 60_000;
/**
 * Once sent, the outbox keeps who, what and when, but not the body: the
 * credentials e-mails carry a password and the reset e-mail a live link, and
 * the outbox is a queue, not an archive of secrets.
 */
export const SENT_BODY_ERASED = 'Contenu effacé après l’envoi (le courriel peut contenir des identifiants).';

/** Rows read per pass. */
export const MAIL_BATCH = 10;

/** The wait before the next attempt, once `attempts` attempts have failed (1-based). */
export function retryDelayMs(attempts: number): number {
  const index = Math.min(Math.max(attempts, 1), MAIL_RETRY_DELAYS_MS.length) - 1;
  return MAIL_RETRY_DELAYS_MS[index] as number;
}

export interface DeliveryReport {
  /** Rows this pass claimed (and tried to send). */
  claimed: number;
  sent: number;
  /** Failed sends that will be tried again. */
  retried: number;
  /** Failed sends given up: permanent refusal or the last attempt. */
  failed: number;
}

export interface DeliverOptions {
  batch?: number;
  maxAttempts?: number;
  leaseMs?: number;
}

type OutboxDb = Pick<Db, 'outboxMessage'>;

/**
 * One pass: claims the due rows (oldest due first, at most `batch`), sends
 * each, and records the outcome. Safe to run concurrently with itself.
 */
export async function deliverDue(db: OutboxDb, transport: MailTransport, now: Date, options: DeliverOptions = {}): Promise<DeliveryReport> {
  const batch = options.batch ?? MAIL_BATCH;
  const maxAttempts = options.maxAttempts ?? MAIL_MAX_ATTEMPTS;
  const leaseMs = options.leaseMs ?? MAIL_CLAIM_LEASE_MS;
  const report: DeliveryReport = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  const due = await db.outboxMessage.findMany({
    // `sending` rows are due again only once their claim's lease has run out (a worker died mid-send).
    where: { status: { in: ['pending', 'sending'] }, nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
    take: batch,
    select: { id: true, status: true, attempts: true, to: true, subject: true, text: true, html: true },
  });
  const started = performance.now();
  for (const row of due) {
    // A slow pass stops claiming well before its first claims' leases could run out.
    if (performance.now() - started > leaseMs / 2) break;
    const attempt = row.attempts + 1;
    const claim = await db.outboxMessage.updateMany({
      where: { id: row.id, status: row.status, attempts: row.attempts, nextAttemptAt: { lte: now } },
      data: { status: 'sending', attempts: attempt, nextAttemptAt: new Date(now.getTime() + leaseMs) },
    });
    if (claim.count !== 1) continue; // another pass took it
    report.claimed += 1;
    const mine = { id: row.id, status: 'sending', attempts: attempt };
    try {
      await transport.send({ id: row.id, to: row.to, subject: row.subject, text: row.text, html: row.html });
    } catch (error) {
      const { reason, permanent } = sendFailureReason(error);
      const giveUp = permanent || attempt >= maxAttempts;
      await db.outboxMessage.updateMany({
        where: mine,
        data: giveUp
          ? { status: 'failed', lastError: reason }
          : { status: 'pending', lastError: reason, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt)) },
      });
      if (giveUp) report.failed += 1;
      else report.retried += 1;
      continue;
    }
    await db.outboxMessage.updateMany({ where: mine, data: { status: 'sent', sentAt: now, lastError: null, text: SENT_BODY_ERASED, html: null } });
    report.sent += 1;
  }
  return report;
}

export interface MailWorkerOptions {
  db: OutboxDb;
  transport: MailTransport;
  /** Pause between passes when nothing is left to send (default 5 s). */
  intervalMs?: number;
  now?: () => Date;
  /** Counts only, never an address or a subject. */
  log?: (line: string) => void;
}

export interface MailWorker {
  /** Lets the pass in flight finish, stops the loop and closes the transport. */
  stop(): Promise<void>;
}

/**
 * The loop `main.ts` starts with the server: a pass, then another at once if
 * the batch was full, else after `intervalMs`. A pass that throws (database
 * unreachable) is logged and the loop goes on.
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const intervalMs = options.intervalMs ?? 5_000;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
  };
  const tick = () => {
    timer = undefined;
    let next = intervalMs;
    running = deliverDue(options.db, options.transport, now())
      .then((report) => {
        if (report.claimed > 0) {
          log(`Courriels : ${report.sent} envoyé(s), ${report.retried} à réessayer, ${report.failed} en échec.`);
        }
        if (report.claimed >= MAIL_BATCH) next = 0;
      })
      .catch((error: unknown) => {
        log(`Courriels : passe interrompue (${sendFailureReason(error).reason}).`);
      })
      .finally(() => {
        running = null;
        schedule(next);
      });
  };
  schedule(0);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (running) await running;
      await options.transport.close?.();
    },
  };
}
