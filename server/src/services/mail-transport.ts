/**
 * How an outbox message leaves the server. The worker (`mail-worker.ts`) only
 * knows {@link MailTransport}: `SMTP_URL` set → {@link smtpTransport}
 * (nodemailer); unset → no transport, messages stay in the outbox and the demo
 * page (`/demo/boite-mail`) shows them. Tests inject a fake.
 */
import nodemailer, { type NodemailerError } from 'nodemailer';

/** One outbox row as the transport sees it. */
export interface OutgoingMail {
  /** The outbox row's id: the `Message-ID` is built from it, so a resend after a crash carries the same id. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

export interface MailTransport {
  /** Resolves once the receiving server accepted the message; rejects otherwise (see {@link MailSendError}). */
  send(message: OutgoingMail): Promise<void>;
  /** Releases connections (called when the worker stops). */
  close?(): void | Promise<void>;
}

/**
 * A send that failed. `permanent`: the receiving server refused this message for
 * good (an SMTP 5xx other than 503, e.g. an unknown mailbox); retrying would be
 * refused again. `reason` is short and holds no personal data (no address, no
 * server text): it is what the outbox keeps as `lastError`.
 */
export class MailSendError extends Error {
  readonly permanent: boolean;
  readonly reason: string;
  constructor(reason: string, options: { permanent?: boolean; cause?: unknown } = {}) {
    super(reason, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MailSendError';
    this.reason = reason;
    this.permanent = options.permanent ?? false;
  }
}

const REASON_MAX = 120;

/**
 * The short, personal-data-free reason kept in `lastError`: the SMTP reply
 * code and the command it answered (`SMTP 550 (RCPT TO)`), else nodemailer's or
 * Node's error code (`ECONNECTION ECONNREFUSED`, `ETIMEDOUT`), else the error's
 * class name. Never the server's reply text, which often quotes the address.
 */
export function sendFailureReason(error: unknown): { reason: string; permanent: boolean } {
  if (error instanceof MailSendError) return { reason: error.reason.slice(0, REASON_MAX), permanent: error.permanent };
  if (typeof error !== 'object' || error === null) return { reason: 'Erreur inconnue', permanent: false };
  const e = error as Partial<NodemailerError>;
  const code = typeof e.code === 'string' && /^[A-Z0-9_]{2,32}$/.test(e.code) ? e.code : undefined;
  const original = typeof e.originalCode === 'string' && /^[A-Z0-9_]{2,32}$/.test(e.originalCode) ? e.originalCode : undefined;
  const command = typeof e.command === 'string' && /^[A-Z ]{2,16}$/i.test(e.command) ? e.command.toUpperCase() : undefined;
  if (typeof e.responseCode === 'number' && Number.isInteger(e.responseCode)) {
    const permanent = e.permanent ?? (e.responseCode >= 500 && e.responseCode < 600 && e.responseCode !== 503);
    return { reason: `SMTP ${e.responseCode}${command ? ` (${command})` : ''}`.slice(0, REASON_MAX), permanent };
  }
  if (code) return { reason: [code, original !== code ? original : undefined].filter(Boolean).join(' '), permanent: false };
  const name = error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : 'Error';
  return { reason: name, permanent: false };
}

/** Nodemailer's waits, bounded well below the worker's claim lease so a hung server cannot cause a second send. */
export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 } as const;

/** The domain of a `From` address (`Nom <a@b.fr>` or `a@b.fr`), for the `Message-ID`. */
function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1]?.trim();
  return domain && /^[A-Za-z0-9.-]+$/.test(domain) ? domain : 'localhost';
}

/**
 * Sends through SMTP with nodemailer: `smtp://user:pass@host:587` (STARTTLS
 * when the server offers it), `smtps://…:465` (TLS from the start). One
 * connection per message (no pool): the worker sends a few messages every few
 * seconds at most.
 */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
  const domain = domainOf(from);
  return {
    async send(message) {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        messageId: `<${message.id}@${domain}>`,
      });
    },
    close() {
      transporter.close();
    },
  };
}

export interface MailSettings {
  /** `SMTP_URL`, or undefined: messages stay in the outbox. */
  smtpUrl: string | undefined;
  /** `MAIL_FROM`, default « Certification Le Robert <ne-pas-repondre@host of PUBLIC_URL> ». */
  from: string;
}

/** Reads `SMTP_URL` and `MAIL_FROM`; throws at start-up on a URL that is not `smtp://` or `smtps://`. */
export function mailSettingsFromEnv(env: Record<string, string | undefined>, publicUrl: string): MailSettings {
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(smtpUrl);
    } catch {
      throw new Error('SMTP_URL must be a URL such as smtp://user:password@host:587 or smtps://user:password@host:465.');
    }
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
      throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${parsed.protocol}//…".`);
    }
  }
  let host = 'localhost';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // PUBLIC_URL is checked elsewhere; the default sender keeps `localhost`.
  }
  const from = env.MAIL_FROM?.trim() || `Certification Le Robert <ne-pas-repondre@${host}>`;
  return { smtpUrl, from };
}

/** `smtp://user:***@host:587`: safe to print. */
export function redactSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'smtp://…';
  }
}
