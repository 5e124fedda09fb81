import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError, type Order } from '@clr/domain';
import type { AppDeps } from '../http/env.js';
import { randomToken } from '../http/crypto.js';
import { notFound } from '../http/problem.js';
import { deliverOrder } from './orders.js';

/** A webhook older (or newer) than this is refused: a captured call cannot be replayed later. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/** What a payment centre is told of an order: its id and number, its payment reference, and the amount due. */
export interface CheckoutOrder {
  id: string;
  number: string;
  /** Ties the centre's confirmation (webhook) to the order; unguessable, one per order. */
  reference: string;
  /** Amount due incl. VAT, integer cents. */
  amountTtc: number;
}

/**
 * §4.3 « Poursuivre ma commande »: a pending order of the space, with its
 * payment reference (drawn once, kept for later attempts: an unpaid order can
 * be checked out again). The order stays « En cours » whatever happens at the
 * payment centre (R3). The centre's address is the provider's
 * (`checkout` in payment-provider.ts).
 */
export async function prepareCheckout(deps: AppDeps, spaceId: string, orderId: string): Promise<CheckoutOrder> {
  const { db } = deps;
  const order = await db.order.findFirst({
    where: { id: orderId, spaceId },
    select: { id: true, number: true, status: true, paymentRef: true, totalTtc: true },
  });
  if (!order) throw notFound("Cette commande n'existe pas.");
  if (order.status !== 'pending') {
    throw new DomainError('conflict', "Cette commande n'est plus en attente de règlement.", { orderId: order.id });
  }
  let reference = order.paymentRef;
  if (!reference) {
    const fresh = randomToken(deps.random, 16);
    await db.order.updateMany({ where: { id: order.id, paymentRef: null }, data: { paymentRef: fresh } });
    reference = (await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { paymentRef: true } })).paymentRef ?? fresh;
  }
  return { id: order.id, number: order.number, reference, amountTtc: order.totalTtc };
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, as the payment centre signs. */
export function signWebhook(secret: string, rawBody: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

const badSignature = () => new DomainError('forbidden', 'Signature du centre de paiement invalide.');

/**
 * Checks a signature header (see {@link signWebhook}) against the raw body
 * with `secret`: a wrong or missing secret, a malformed header, a signature
 * more than {@link WEBHOOK_TOLERANCE_SECONDS} away from `now` (a replay) or a
 * body changed after signing throws 403 `forbidden`.
 */
export function verifySignature(secret: string | undefined, header: string | undefined, rawBody: string, now: Date): void {
  if (!secret || !header) throw badSignature();
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=') as [string, string]));
  const t = Number(parts.t);
  const given = parts.v1 ?? '';
  if (!Number.isSafeInteger(t) || !/^[0-9a-f]{64}$/.test(given)) throw badSignature();
  if (Math.abs(now.getTime() / 1000 - t) > WEBHOOK_TOLERANCE_SECONDS) throw badSignature();
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) throw badSignature();
}

/**
 * R3 — a confirmed payment delivers the order (credit lots, 12 months). A
 * repeated confirmation (webhooks are retried) changes nothing; a failed
 * payment leaves the order « En cours ».
 */
export async function confirmPayment(deps: AppDeps, reference: string, status: 'paid' | 'failed'): Promise<{ order: Order | null }> {
  const order = await deps.db.order.findFirst({ where: { paymentRef: reference }, select: { id: true, status: true } });
  if (!order) throw notFound('Aucune commande ne porte cette référence de paiement.');
  if (status !== 'paid' || order.status !== 'pending') return { order: null };
  try {
    return { order: await deliverOrder(deps, order.id) };
  } catch (error) {
    // Delivered meanwhile by the operator or by a retried call: nothing left to do.
    if (error instanceof DomainError && error.code === 'conflict') return { order: null };
    throw error;
  }
}

/** An order as the payment centre's page shows it. */
export interface PayableOrder extends CheckoutOrder {
  status: Order['status'];
}

/**
 * The order a payment centre's page is about: the id and the payment
 * reference of its checkout address must both match (the reference is the
 * secret a centre is given), else 404 — the same answer for an unknown order
 * and a wrong reference.
 */
export async function findPayableOrder(deps: AppDeps, orderId: string, reference: string): Promise<PayableOrder> {
  const order = await deps.db.order.findUnique({
    where: { id: orderId },
    select: { id: true, number: true, status: true, paymentRef: true, totalTtc: true },
  });
  const given = Buffer.from(reference);
  const stored = Buffer.from(order?.paymentRef ?? '');
  if (!order || stored.length === 0 || given.length !== stored.length || !timingSafeEqual(given, stored)) {
    throw notFound("Cette commande n'existe pas ou son adresse de paiement n'est plus valable.");
  }
  return { id: order.id, number: order.number, reference, amountTtc: order.totalTtc, status: order.status as Order['status'] };
}
