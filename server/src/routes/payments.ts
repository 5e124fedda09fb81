import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { createRouter, jsonBody, jsonResponse, problems } from '../http/openapi.js';
import type { AppEnv } from '../http/env.js';
import { verifyWebhook } from '../services/payment-provider.js';
import { confirmPayment } from '../services/payments.js';

export const SIGNATURE_HEADER = 'x-clr-signature';

const PaymentEvent = z
  .object({
    reference: z.string().min(1).max(200),
    status: z.enum(['paid', 'failed']),
  })
  .openapi('PaymentEvent');

/** The signature is checked on the raw bytes, before the body is parsed. */
const signed: MiddlewareHandler<AppEnv> = async (c, next) => {
  verifyWebhook(c.get('deps'), c.req.header(SIGNATURE_HEADER), await c.req.text());
  await next();
};

const webhookRoute = createRoute({
  method: 'post',
  path: '/webhook',
  operationId: 'receivePaymentWebhook',
  tags: ['orders'],
  summary: 'Confirmation du centre de paiement (signée) : livre la commande réglée (R3)',
  description:
    'En-tête `X-CLR-Signature: t=<secondes unix>,v1=<HMAC-SHA256 hex de « t.corps »>` avec le secret partagé ; refusé au-delà de 5 minutes d’écart.',
  security: [],
  middleware: [signed] as const,
  request: { body: jsonBody(PaymentEvent) },
  responses: {
    200: jsonResponse(z.object({ received: z.literal(true), delivered: z.boolean() }), 'Reçu.'),
    ...problems(400, 403, 404),
  },
});

/** `/payments`: the payment centre's signed webhook. */
export function paymentRoutes() {
  return createRouter().openapi(webhookRoute, async (c) => {
    const { reference, status } = c.req.valid('json');
    const { order } = await confirmPayment(c.get('deps'), reference, status);
    return c.json({ received: true as const, delivered: order !== null }, 200);
  });
}
