/**
 * The simulated payment centre (R3, §4.3 « Valider et régler »): the page
 * `checkout` sends an administrator to when the `simulated` provider is
 * configured — the default in development; in production only with
 * `PAYMENT_PROVIDER=simulated`, else every address here answers 404.
 *
 * `GET /paiement?order=<id>&reference=<ref>&amount=<TTC cents>` shows the
 * order's number and amount with « Payer » and « Annuler ». « Payer » makes
 * the server post to its own webhook the HMAC-signed confirmation an outside
 * centre would send (`paid`), through the app's own request handling, so the
 * webhook's checks (signature, freshness, idempotent delivery) decide as for
 * any centre; « Annuler » sends `failed`, which leaves the order « En cours »,
 * to be checked out again later.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { DomainError, formatMoney } from '@clr/domain';
import type { AppEnv } from '../http/env.js';
import { simulatedPaymentCentre, type SimulatedPaymentProvider } from '../services/payment-provider.js';
import { findPayableOrder, type PayableOrder } from '../services/payments.js';
import { SIGNATURE_HEADER } from './payments.js';
import { escapeHtml } from './public.js';
import { htmlPageHeaders } from '../http/html.js';

/** Sends a request to this very app (`path` under the API prefix), as an outside caller would. */
export type SelfRequest = (path: string, init: RequestInit) => Response | Promise<Response>;

export const SIMULATION_NOTICE = 'Centre de paiement simulé — démonstration, aucun paiement réel';

type Status = 200 | 400 | 404 | 409 | 502;

/**
 * The admin site's look (playground/src/styles.css): the navy bar with the
 * brand, a white card on the grey page, the same buttons and focus ring, and
 * the simulation notice above the card. Styles inline (the page's CSP allows
 * inline styles, no script).
 */
const PAGE_STYLE = [
  ':root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2430;background:#f3f5f8;line-height:1.45}',
  '*{box-sizing:border-box}body{margin:0;min-height:100vh}',
  '.topbar{display:flex;align-items:center;background:#12345f;color:#fff;padding:0 1.5rem;min-height:3.5rem}',
  '.brand{color:inherit;text-decoration:none;font-weight:700}.brand small{display:block;font-weight:400;font-size:.75rem;opacity:.85}',
  'main{max-width:40rem;margin:0 auto;padding:1.5rem}',
  '.notice{background:#fff8e1;border:1px solid #e6c35c;border-radius:6px;padding:.75rem 1rem;font-weight:600;margin:0 0 1rem}',
  '.panel{background:#fff;border:1px solid #d5dae1;border-radius:6px;padding:1.25rem 1.5rem}',
  'h1{font-size:1.6rem;margin:0 0 1rem}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1.5rem;margin:0 0 1rem}dt{font-weight:600}dd{margin:0}',
  '.amount{font-size:1.25rem;font-weight:700;color:#1b4f9c}',
  '.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1.5rem}form{margin:0}',
  'button{font:inherit;cursor:pointer;border-radius:6px;border:1px solid #d5dae1;background:#fff;color:#1f2430;padding:.5rem 1rem;min-height:2.75rem}',
  'button.pay{background:#1b4f9c;border-color:#1b4f9c;color:#fff}',
  'a{color:#1b4f9c}:focus-visible{outline:3px solid #f0b400;outline-offset:2px}',
  '.ok{color:#1e7b34}.ko{color:#b3261e}',
  'footer{text-align:center;color:#5c6370;font-size:.8rem;padding:2rem 1rem}',
  '@media (max-width:640px){main{padding:1rem .75rem}.panel{padding:1rem}dl{grid-template-columns:1fr;gap:.25rem}}',
].join('');

function page(c: Context<AppEnv>, status: Status, title: string, body: string): Response {
  const site = c.get('deps').config.publicUrl.replace(/\/$/, '');
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} - ${escapeHtml(SIMULATION_NOTICE)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header class="topbar"><a class="brand" href="${escapeHtml(`${site}/`)}">Certification Le Robert<small>Centre de paiement</small></a></header>
<main>
<p class="notice" role="note">${escapeHtml(SIMULATION_NOTICE)}</p>
<div class="panel">
<h1>${escapeHtml(title)}</h1>
${body}
</div>
</main>
<footer>Certification Le Robert — Plateforme d'administration</footer>
</body>
</html>
`;
  return c.html(html, status, htmlPageHeaders("'self'")) as unknown as Response;
}

/** « Retour au site » and « Mes commandes », on the admin site. */
function backLinks(c: Context<AppEnv>): string {
  const site = c.get('deps').config.publicUrl.replace(/\/$/, '');
  return `<p><a href="${escapeHtml(`${site}/`)}">Retour au site</a> · <a href="${escapeHtml(`${site}/commandes`)}">Mes commandes</a></p>`;
}

function summary(order: PayableOrder): string {
  return `<dl>
<dt>Commande n°</dt><dd>${escapeHtml(order.number)}</dd>
<dt>Montant à régler (T.T.C.)</dt><dd class="amount">${escapeHtml(formatMoney(order.amountTtc))}</dd>
</dl>`;
}

function hidden(order: PayableOrder): string {
  return `<input type="hidden" name="order" value="${escapeHtml(order.id)}"><input type="hidden" name="reference" value="${escapeHtml(order.reference)}">`;
}

/** Where the order stands when it is no longer to be paid. */
function settled(c: Context<AppEnv>, order: PayableOrder): Response {
  const text =
    order.status === 'delivered'
      ? `<p class="ok">La commande n° ${escapeHtml(order.number)} est déjà réglée : ses crédits sont disponibles.</p>`
      : `<p class="ko">La commande n° ${escapeHtml(order.number)} a été annulée : elle ne peut plus être réglée.</p>`;
  return page(c, 200, 'Règlement de la commande', `${summary(order)}\n${text}\n${backLinks(c)}`);
}

/** The simulated centre, or null when it is not the configured provider (every page then answers 404). */
function centreOf(c: Context<AppEnv>): SimulatedPaymentProvider | null {
  return simulatedPaymentCentre(c.get('deps').config);
}

/** The app's own 404, as for any address it does not serve. */
function notServed(c: Context<AppEnv>): Response {
  return c.notFound() as unknown as Response;
}

/** The order of the address or of the form, or the page saying why there is none. */
async function orderOf(c: Context<AppEnv>, fields: { order?: unknown; reference?: unknown }): Promise<PayableOrder | Response> {
  const id = typeof fields.order === 'string' ? fields.order : '';
  const reference = typeof fields.reference === 'string' ? fields.reference : '';
  if (!id || !reference || id.length > 200 || reference.length > 200) {
    return page(c, 404, 'Commande introuvable', '<p class="ko">Cette adresse de paiement est incomplète.</p>');
  }
  try {
    return await findPayableOrder(c.get('deps'), id, reference);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return page(c, 404, 'Commande introuvable', `<p class="ko">${escapeHtml(error.message)}</p>`);
    throw error;
  }
}

async function form(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody();
  } catch {
    return {};
  }
}

/**
 * Sends the signed webhook to the server, as an outside centre would: the
 * body signed by the provider ({@link SimulatedPaymentProvider.signWebhook}),
 * posted to `/payments/webhook`.
 */
async function sendWebhook(c: Context<AppEnv>, centre: SimulatedPaymentProvider, send: SelfRequest, reference: string, status: 'paid' | 'failed') {
  const body = JSON.stringify({ reference, status });
  const response = await send('/payments/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: centre.signWebhook(body, c.get('deps').now()) },
    body,
  });
  return { ok: response.ok, answer: (await response.json().catch(() => null)) as { delivered?: boolean } | null };
}

/** `/paiement`: the simulated centre's page and its two buttons. */
export function paymentPageRoutes(send: SelfRequest) {
  const router = new Hono<AppEnv>();

  router.get('/', async (c) => {
    if (!centreOf(c)) return notServed(c);
    const order = await orderOf(c, c.req.query());
    if (order instanceof Response) return order;
    if (order.status !== 'pending') return settled(c, order);
    const asked = c.req.query('amount');
    if (asked !== undefined && asked !== String(order.amountTtc)) {
      return page(c, 409, 'Montant incohérent', `${summary(order)}\n<p class="ko">Le montant demandé ne correspond pas à celui de la commande : rien n'a été réglé.</p>\n${backLinks(c)}`);
    }
    const base = c.req.path.replace(/\/+$/, '');
    return page(
      c,
      200,
      'Règlement de la commande',
      `${summary(order)}
<p>Aucune carte n'est demandée : « Payer » confirme le paiement au site comme le ferait un vrai centre de paiement, et la commande est livrée.</p>
<div class="actions">
<form method="post" action="${escapeHtml(`${base}/payer`)}">${hidden(order)}<button type="submit" class="pay">Payer</button></form>
<form method="post" action="${escapeHtml(`${base}/annuler`)}">${hidden(order)}<button type="submit">Annuler</button></form>
</div>`,
    );
  });

  router.post('/payer', async (c) => {
    const centre = centreOf(c);
    if (!centre) return notServed(c);
    const order = await orderOf(c, await form(c));
    if (order instanceof Response) return order;
    if (order.status !== 'pending') return settled(c, order);
    const { ok } = await sendWebhook(c, centre, send, order.reference, 'paid');
    if (!ok) {
      return page(c, 502, 'Paiement non confirmé', `${summary(order)}\n<p class="ko">Le site n'a pas accepté la confirmation du paiement : la commande reste « En cours ».</p>\n${backLinks(c)}`);
    }
    return page(
      c,
      200,
      'Paiement accepté',
      `${summary(order)}\n<p class="ok">Paiement accepté : la commande n° ${escapeHtml(order.number)} est livrée et ses crédits sont disponibles.</p>\n${backLinks(c)}`,
    );
  });

  router.post('/annuler', async (c) => {
    const centre = centreOf(c);
    if (!centre) return notServed(c);
    const order = await orderOf(c, await form(c));
    if (order instanceof Response) return order;
    if (order.status !== 'pending') return settled(c, order);
    await sendWebhook(c, centre, send, order.reference, 'failed');
    return page(
      c,
      200,
      'Paiement annulé',
      `${summary(order)}\n<p>Aucun paiement n'a été effectué. La commande n° ${escapeHtml(order.number)} reste « En cours » : vous pourrez la régler plus tard depuis « Mes commandes ».</p>\n${backLinks(c)}`,
    );
  });

  return router;
}
