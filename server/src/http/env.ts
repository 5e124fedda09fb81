import { randomBytes } from 'node:crypto';
import type { Actor } from '@clr/app';
import type { Db } from '../db/client.js';
import type { PaymentProvider } from '../services/payment-provider.js';
import { DEFAULT_HELP_URL, DEFAULT_SUPPORT_EMAIL } from './site-config.js';
import { bufferedLog } from './request-log.js';

/**
 * Who is calling (the application layer's `Actor`): the space **always**
 * comes from here (the session or the key), never from the request.
 */
export type { Actor, ActorKind } from '@clr/app';

export interface LoginLimits {
  /** Failed logins allowed per account (e-mail) in a window. */
  perAccount: number;
  /** Failed logins allowed per client address in a window. */
  perAddress: number;
  windowMs: number;
}

export interface AppConfig {
  /** Production: cookies are `Secure`, demo logins are refused. */
  production: boolean;
  /** Public URL of the admin site, for links in e-mails (password reset). */
  publicUrl: string;
  /** Session idle timeout (sliding) and absolute lifetime. */
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginLimits: LoginLimits;
  /**
   * How many proxies in front of the server to trust (`TRUST_PROXY`): the
   * client's address is the one the outermost trusted proxy saw, i.e. the
   * `trustProxy`-th `X-Forwarded-For` entry from the right (Express's
   * `trust proxy = n`). `0`/`false`: the socket's address, the header ignored.
   * `true` means 1.
   */
  trustProxy: boolean | number;
  /** Credits expire this many months after delivery (R3). */
  lotValidityMonths: number;
  /** The payment centre's checkout page (« Poursuivre ma commande », §4.3). */
  paymentUrl: string;
  /**
   * Shared secret of the payment centre's signed webhook (R3: payment
   * confirmation delivers the order). Unset: the webhook refuses everything.
   */
  paymentWebhookSecret: string | undefined;
  /**
   * The payment centre (R3, services/payment-provider.ts): `simulated` (the
   * demonstration page at `/paiement`), `external` (a centre at `paymentUrl`
   * signing with `paymentWebhookSecret`) or any `PaymentProvider`. Unset:
   * simulated in development, external in production, where the simulated
   * page answers 404 unless `PAYMENT_PROVIDER=simulated` asks for it.
   */
  paymentProvider: PaymentProviderName | PaymentProvider | undefined;
  /**
   * Signs embed tokens (HMAC-SHA256). Every instance serving one database must
   * share it (`CLR_TOKEN_SECRET`); by default a random one per process.
   */
  tokenSecret: string;
  /** Largest request body accepted (`BODY_LIMIT_BYTES`, default 1 MiB); more is a 413 before the rest is read. */
  bodyLimitBytes: number;
  /** Where the one-line request logs go. */
  log: (line: string) => void;
  /**
   * `smtp`: `SMTP_URL` is set and the mail worker sends the outbox. `outbox`:
   * messages stay in the outbox, readable at the demo outbox (not in production).
   */
  mailDelivery: 'smtp' | 'outbox';
  /** Sender of the e-mails (`MAIL_FROM`). */
  mailFrom: string;
  /** The help site for administrators, behind the admin site's « Consulter l'aide » (§7.1, `HELP_URL`). */
  helpUrl: string;
  /** The customer service's address on the admin site's help page (`SUPPORT_EMAIL`). */
  supportEmail: string;
}



/** The built-in payment centres (services/payment-provider.ts). */
export const PAYMENT_PROVIDER_NAMES = ['simulated', 'external'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDER_NAMES)[number];

/** `TRUST_PROXY` read strictly: unset, blank, `0`, `false` → 0; `true` → 1; a whole number of hops → that number. */
export function parseTrustProxy(value: string | undefined): number {
  const text = value?.trim().toLowerCase();
  if (!text || text === 'false') return 0;
  if (text === 'true') return 1;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  throw new Error(`TRUST_PROXY must be the number of trusted proxies in front of the server (0, 1, 2, …), got "${value}".`);
}

/** The number of trusted hops of a config (`true` is one proxy). */
export function trustedHops(config: Pick<AppConfig, 'trustProxy'>): number {
  const t = config.trustProxy;
  if (t === true) return 1;
  if (typeof t === 'number' && Number.isInteger(t) && t > 0) return t;
  return 0;
}

/** `PAYMENT_PROVIDER` read strictly: unset or blank → undefined (the environment's default); anything unknown is an error. */
export function parsePaymentProvider(value: string | undefined): PaymentProviderName | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if ((PAYMENT_PROVIDER_NAMES as readonly string[]).includes(text)) return text as PaymentProviderName;
  throw new Error(`PAYMENT_PROVIDER must be one of ${PAYMENT_PROVIDER_NAMES.join(', ')}, got "${text}".`);
}

export const DEFAULT_CONFIG: AppConfig = {
  production: false,
  publicUrl: 'http://localhost:3000',
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 60 * 60_000,
  loginLimits: { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 },
  trustProxy: 0,
  lotValidityMonths: 12,
  paymentUrl: 'http://localhost:3000/paiement',
  paymentWebhookSecret: undefined,
  // Read here so that `npm start` honours PAYMENT_PROVIDER with the other defaults.
  paymentProvider: parsePaymentProvider(process.env.PAYMENT_PROVIDER),
  tokenSecret: randomBytes(32).toString('base64url'),
  log: bufferedLog(),
  bodyLimitBytes: 1024 * 1024,
  mailDelivery: 'outbox',
  mailFrom: 'Certification Le Robert <ne-pas-repondre@localhost>',
  helpUrl: DEFAULT_HELP_URL,
  supportEmail: DEFAULT_SUPPORT_EMAIL,
};

/** What every handler can reach through `c.get('deps')`. */
export interface AppDeps {
  db: Db;
  /** The clock: injected so expiry rules are testable. */
  now: () => Date;
  /** A CSPRNG: `random(n)` returns n random bytes. */
  random: (size: number) => Uint8Array;
  config: AppConfig;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Set by `identify`; guaranteed by `requireActor` on protected routers. */
    actor: Actor;
    /** Hash of the session token when the caller came with a session cookie. */
    sessionId: string | undefined;
  };
  Bindings: {
    /** @hono/node-server's incoming message, when served over a socket. */
    incoming?: { socket?: { remoteAddress?: string } };
  };
}
