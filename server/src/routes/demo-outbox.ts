/**
 * The demo outbox: the e-mails the platform wrote, readable without a mail
 * server. `GET /api/v1/demo/outbox` (JSON, paginated) and the French page
 * `GET /demo/boite-mail`. An administrator's session only (never a key or an
 * embed token): their space's messages, without the password-reset links sent
 * to someone else; an operator sees only the messages sent to them.
 * Both answer 404 in production (`app.ts` does not even mount them there, and
 * each request checks again).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { createRoute, z } from '@hono/zod-openapi';
import { LIMIT_DEFAULT, LIMIT_MAX, formatDateTime, notFound } from '@clr/domain';
import { identify, requireActor } from '../http/auth.js';
import type { Actor, AppEnv } from '../http/env.js';
import { createRouter, jsonResponse, problems } from '../http/openapi.js';
import { decodeCursor } from '../services/cursor.js';
import { listOutbox, OUTBOX_READERS, OUTBOX_VIEW_STATUSES, type OutboxViewStatus } from '../services/mail-outbox.js';
import { escapeHtml } from './public.js';
import { htmlPageHeaders } from '../http/html.js';

const READERS = OUTBOX_READERS;

/** 404 in production, whatever was mounted. */
const demoOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('deps').config.production) throw notFound();
  return next();
};

const OutboxQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(LIMIT_MAX).default(LIMIT_DEFAULT),
});

const OutboxMessage = z
  .object({
    id: z.string(),
    template: z.string().openapi({ description: 'Modèle : `candidate.credentials`, `order.confirmation`, …' }),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    status: z.enum(OUTBOX_VIEW_STATUSES).openapi({
      description:
        '`kept` : aucun serveur SMTP (`SMTP_URL` non défini), le message reste ici ; `pending` : en attente du prochain envoi ; `sending`, `sent`, `failed` (abandonné après plusieurs tentatives).',
    }),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    nextAttemptAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('OutboxMessage');

const OutboxPage = z
  .object({
    data: z.array(OutboxMessage),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
    delivery: z.enum(['smtp', 'outbox']),
  })
  .openapi('OutboxPage');

const listRoute = createRoute({
  method: 'get',
  path: '/outbox',
  operationId: 'listDemoOutbox',
  tags: ['demo'],
  summary: "Boîte d'envoi de démonstration : les courriels de mon espace, les plus récents d'abord",
  security: [{ session: [] }],
  description:
    "Démonstration uniquement : 404 en production. Session d'administrateur seulement (jamais une clé d'API ni un jeton d'intégration) : les courriels de son espace, sauf les liens de réinitialisation de mot de passe adressés à quelqu'un d'autre ; un opérateur voit les courriels qui lui sont adressés.",
  middleware: [demoOnly, requireActor(...READERS)] as const,
  request: { query: OutboxQuery },
  responses: { 200: jsonResponse(OutboxPage, 'Une page de la boîte d’envoi.'), ...problems(400, 401, 403, 404) },
});

/** `/demo` under the API: the JSON outbox. */
export function demoOutboxRoutes() {
  return createRouter().openapi(listRoute, async (c) => {
    const page = await listOutbox(c.get('deps'), c.get('actor'), c.req.valid('query'));
    c.header('Cache-Control', 'no-store');
    return c.json(page, 200);
  });
}

// ---------------------------------------------------------------------------
// The page

const STATUS_LABELS: Record<OutboxViewStatus, string> = {
  kept: 'Conservé ici (aucun serveur SMTP)',
  pending: "En attente d'envoi",
  sending: 'Envoi en cours',
  sent: 'Envoyé',
  failed: "Échec de l'envoi",
};

/** Escaped text with its http(s) links made clickable (the acknowledgment link, the reset link). */
function bodyHtml(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#1d1d1b}h1{font-size:1.5rem}' +
  '.demo{background:#fff4ce;border:1px solid #e0b000;padding:.75rem 1rem;border-radius:.25rem}' +
  'table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.5rem;border-bottom:1px solid #ddd}' +
  'pre{white-space:pre-wrap;background:#f6f6f6;padding:.75rem;border-radius:.25rem}.failed{color:#a4262c}.sent{color:#1b6e3a}';

function page(c: Context<AppEnv>, status: 200 | 401 | 403, body: string): Response {
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Boîte d'envoi de démonstration - Certification Le Robert</title>
<style>${STYLE}</style>
</head>
<body>
<header><p>Certification Le Robert</p></header>
<main>
<h1>Boîte d'envoi de démonstration</h1>
<p class="demo"><strong>Démonstration.</strong> Cette page n'existe pas en production. Elle montre les courriels que la plateforme a rédigés (identifiants, inscriptions, annulations, mots de passe, commandes), tels qu'ils partent ou partiraient.</p>
${body}
</main>
</body>
</html>
`;
  return c.html(html, status, htmlPageHeaders()) as unknown as Response;
}

async function outboxPage(c: Context<AppEnv>): Promise<Response> {
  const actor = c.get('actor') as Actor | undefined;
  if (!actor) {
    return page(c, 401, "<p>Connectez-vous d'abord au site d'administration (même adresse) : la boîte d'envoi montre les courriels de votre espace.</p>");
  }
  if (!(READERS as readonly string[]).includes(actor.kind)) return page(c, 403, "<p>Vous n'avez pas accès à cette page.</p>");
  const cursor = c.req.query('cursor');
  if (cursor !== undefined) decodeCursor(cursor); // a bad cursor is a 400, as on the API
  const list = await listOutbox(c.get('deps'), actor, { cursor, limit: LIMIT_DEFAULT });
  const delivery =
    list.delivery === 'smtp'
      ? `<p>Les courriels sont envoyés par SMTP (expéditeur : ${escapeHtml(c.get('deps').config.mailFrom)}).</p>`
      : "<p>Aucun serveur SMTP n'est configuré (<code>SMTP_URL</code>) : les courriels restent dans cette boîte et ne sont pas envoyés.</p>";
  const rows = list.data
    .map(
      (m) => `<tr>
<td>${escapeHtml(m.to)}</td>
<td><details><summary>${escapeHtml(m.subject)}</summary><pre>${bodyHtml(m.text)}</pre></details></td>
<td class="${m.status}">${escapeHtml(STATUS_LABELS[m.status])}${m.lastError ? `<br><small>${escapeHtml(m.lastError)}</small>` : ''}</td>
<td>${escapeHtml(formatDateTime(m.createdAt))}</td>
</tr>`,
    )
    .join('\n');
  const table =
    list.data.length === 0
      ? '<p>Aucun courriel pour le moment.</p>'
      : `<table>
<thead><tr><th scope="col">Destinataire</th><th scope="col">Objet (cliquez pour lire)</th><th scope="col">État</th><th scope="col">Date</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  const more = list.nextCursor ? `<p><a href="?cursor=${encodeURIComponent(list.nextCursor)}">Courriels plus anciens</a></p>` : '';
  return page(c, 200, `${delivery}\n<p>${list.total} courriel(s), les plus récents d'abord.</p>\n${table}\n${more}`);
}

/** `/demo/boite-mail`, outside the API: the session of the admin site says whose messages to show. */
export function demoOutboxPageRoutes() {
  const router = new Hono<AppEnv>();
  router.use('*', demoOnly);
  router.use('*', identify);
  router.get('/boite-mail', outboxPage);
  return router;
}
