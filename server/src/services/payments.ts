import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError, type Order } from '@clr/domain';
import type { AppDeps } from '../http/env.js';
import { randomToken } from '../http/crypto.js';
import { notFound } from '../http/problem.js';
import { deliverOrder } from './orders.js';

/** A webhook older (or newer) than this is refused: a captured call cannot be replayed later. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/**
 * §4.3 « Poursuivre ma commande »: the payment centre's URL for a pending
 * order of the space. The order stays « En cours » whatever happens there
 * (R3); a payment reference ties the centre's confirmation to the order.
 */
export async function checkout(deps: AppDeps, spaceId: string, orderId: string): Promise<{ url: string }> {
  const { db } = deps;
  const order = await db.order.findFirst({ where: { id: orderId, spaceId }, select: { id: true, number: true, status: true, paymentRef: true } });
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
  const url = new URL(deps.config.paymentUrl);
  url.searchParams.set('commande', order.number);
  url.searchParams.set('reference', reference);
  return { url: url.toString() };
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, as the payment centre signs. */
export function signWebhook(secret: string, rawBody: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

const badSignature = () => new DomainError('forbidden', 'Signature du centre de paiement invalide.');

/** Checks a webhook's signature header against the raw body; throws 403 `forbidden` otherwise. */
export function verifyWebhook(deps: AppDeps, header: string | undefined, rawBody: string): void {
  const secret = deps.config.paymentWebhookSecret;
  if (!secret || !header) throw badSignature();
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=') as [string, string]));
  const t = Number(parts.t);
  const given = parts.v1 ?? '';
  if (!Number.isSafeInteger(t) || !/^[0-9a-f]{64}$/.test(given)) throw badSignature();
  if (Math.abs(deps.now().getTime() / 1000 - t) > WEBHOOK_TOLERANCE_SECONDS) throw badSignature();
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
