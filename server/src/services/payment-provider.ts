/**
 * R3 — the payment centre is pluggable. A provider says where a pending order
 * is paid (`checkoutUrl`) and which confirmations to believe
 * (`verifyWebhook`); the server's webhook (`POST /api/v1/payments/webhook`)
 * then delivers the order, idempotently.
 *
 * Built in:
 * - `simulated` (the default outside production): the demonstration page at
 *   `/paiement` (routes/payment-page.ts), which signs its confirmation with
 *   {@link signWebhook} and sends it to the webhook as an outside centre
 *   would. Without `PAYMENT_WEBHOOK_SECRET` in development it signs with a
 *   random secret drawn once per process. In production it is used only when
 *   `PAYMENT_PROVIDER=simulated` says so explicitly.
 * - `external` (the default in production): a real centre at `PAYMENT_URL`
 *   that signs its webhooks with `PAYMENT_WEBHOOK_SECRET` (unset: every
 *   webhook is refused).
 *
 * Anything else implementing {@link PaymentProvider} can be given as
 * `config.paymentProvider`.
 */
import { randomBytes } from 'node:crypto';
import type { AppConfig, AppDeps } from '../http/env.js';
export { PAYMENT_PROVIDER_NAMES, parsePaymentProvider, type PaymentProviderName } from '../http/env.js';
import { prepareCheckout, signWebhook, verifySignature, type CheckoutOrder } from './payments.js';

export interface PaymentProvider {
  /** `simulated`, `external`, or the name of another centre. */
  readonly name: string;
  /** Where the administrator pays the order (« Poursuivre ma commande », §4.3). */
  checkoutUrl(order: CheckoutOrder): string;
  /** Throws 403 `forbidden` unless `signature` is the centre's for this raw body, now (R3). */
  verifyWebhook(signature: string | undefined, rawBody: string, now: Date): void;
}

/** The built-in demonstration centre: it can also sign, since it sends its own confirmations. */
export interface SimulatedPaymentProvider extends PaymentProvider {
  readonly name: 'simulated';
  /** The `X-CLR-Signature` header of a webhook body, as {@link signWebhook} makes it. */
  signWebhook(rawBody: string, now: Date): string;
}

let processSecret: string | undefined;
/** The development webhook secret when none is configured: random, drawn once per process. */
function developmentSecret(): string {
  processSecret ??= randomBytes(32).toString('base64url');
  return processSecret;
}

/** The order's address at a centre: its id, number, reference and amount due (TTC cents) as query parameters. */
function orderUrl(base: string, order: CheckoutOrder): string {
  const url = new URL(base);
  url.searchParams.set('order', order.id);
  url.searchParams.set('commande', order.number);
  url.searchParams.set('amount', String(order.amountTtc));
  url.searchParams.set('reference', order.reference);
  return url.toString();
}

export function simulatedProvider(config: Pick<AppConfig, 'paymentUrl' | 'paymentWebhookSecret' | 'production'>): SimulatedPaymentProvider {
  const secret = config.paymentWebhookSecret ?? (config.production ? undefined : developmentSecret());
  return {
    name: 'simulated',
    checkoutUrl: (order) => orderUrl(config.paymentUrl, order),
    verifyWebhook: (signature, rawBody, now) => verifySignature(secret, signature, rawBody, now),
    signWebhook: (rawBody, now) => {
      // Without a secret (production, none configured) the signature is refused by the webhook, as it should be.
      return signWebhook(secret ?? '', rawBody, Math.floor(now.getTime() / 1000));
    },
  };
}

export function externalProvider(config: Pick<AppConfig, 'paymentUrl' | 'paymentWebhookSecret'>): PaymentProvider {
  return {
    name: 'external',
    checkoutUrl: (order) => orderUrl(config.paymentUrl, order),
    verifyWebhook: (signature, rawBody, now) => verifySignature(config.paymentWebhookSecret, signature, rawBody, now),
  };
}

const chosen = new WeakMap<AppConfig, PaymentProvider>();

/**
 * The provider `config` chooses: `config.paymentProvider` (a name or an
 * object), else `simulated` in development and `external` in production.
 * One per configuration, so the simulated centre keeps its secret.
 */
export function paymentProviderOf(config: AppConfig): PaymentProvider {
  let provider = chosen.get(config);
  if (!provider) {
    const choice = config.paymentProvider ?? (config.production ? 'external' : 'simulated');
    provider = typeof choice === 'object' ? choice : choice === 'simulated' ? simulatedProvider(config) : externalProvider(config);
    chosen.set(config, provider);
  }
  return provider;
}

/** The simulated centre when it is the configured provider (so its page may be served), else null. */
export function simulatedPaymentCentre(config: AppConfig): SimulatedPaymentProvider | null {
  const provider = paymentProviderOf(config);
  return provider.name === 'simulated' && 'signWebhook' in provider ? (provider as SimulatedPaymentProvider) : null;
}

/** `POST /orders/:id/checkout`: the provider's address for a pending order of the space (R3, §4.3). */
export async function checkout(deps: AppDeps, spaceId: string, orderId: string): Promise<{ url: string }> {
  const order = await prepareCheckout(deps, spaceId, orderId);
  return { url: paymentProviderOf(deps.config).checkoutUrl(order) };
}

/** The webhook's check: the configured provider's (403 `forbidden` otherwise). */
export function verifyWebhook(deps: AppDeps, signature: string | undefined, rawBody: string): void {
  paymentProviderOf(deps.config).verifyWebhook(signature, rawBody, deps.now());
}
