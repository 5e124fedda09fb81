/**
 * What reaches the public without a session: the certificate verification of
 * R17 (JSON under `/api/v1/public`, and a French HTML page at `/verify/:code`,
 * both rate-limited per address) and the acknowledgment link of the
 * credentials e-mail (§6.3: `/accuse-reception?token=…`, as the candidates
 * service writes it, and `/ack/:token`).
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { createRoute, z } from '@hono/zod-openapi';
import { DomainError, PublicVerification, formatDate } from '@clr/domain';
import { clientAddress } from '../http/auth.js';
import type { AppEnv } from '../http/env.js';
import { createRouter, jsonResponse, problems } from '../http/openapi.js';
import { limit } from '../http/rate-limit.js';
import { acknowledge, verifyPublicCode } from '../services/verification.js';
import { htmlPageHeaders } from '../http/html.js';

/** Verifications allowed per address in a window (R17: no enumeration of codes). */
export const VERIFY_LIMIT = { max: 30, windowMs: 10 * 60_000 } as const;

async function limitVerification(c: Context<AppEnv>): Promise<void> {
  await limit(c.get('deps'), `verify:${clientAddress(c)}`, VERIFY_LIMIT.max, VERIFY_LIMIT.windowMs);
}

const verifyRoute = createRoute({
  method: 'get',
  path: '/verify/{code}',
  operationId: 'verifyCertificate',
  tags: ['public'],
  security: [],
  summary: "Vérifier un code de certification (R17) : type d'examen, score, dates de passage et de validité, nom et prénom",
  description: 'Sans authentification, limité par adresse. 404 pour un code inconnu ou un résultat non validé.',
  request: { params: z.object({ code: z.string().min(1).max(64) }) },
  responses: { 200: jsonResponse(PublicVerification, 'Le résultat validé.'), ...problems(404, 429) },
});

/** `/public` under the API: the JSON verification. */
export function publicApiRoutes() {
  const router = createRouter();
  return router.openapi(verifyRoute, async (c) => {
    await limitVerification(c);
    const view = await verifyPublicCode(c.get('deps'), c.req.valid('param').code);
    c.header('Cache-Control', 'no-store');
    return c.json(view, 200);
  });
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

function page(c: Context<AppEnv>, status: 200 | 404 | 429, title: string, body: string): Response {
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} - Certification Le Robert</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d1d1b}h1{font-size:1.5rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1.5rem}dt{font-weight:600}.ok{color:#1b6e3a}.ko{color:#a4262c}</style>
</head>
<body>
<header><p>Certification Le Robert</p></header>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
  return c.html(html, status, htmlPageHeaders()) as unknown as Response;
}

async function verifyPage(c: Context<AppEnv>): Promise<Response> {
  try {
    await limitVerification(c);
    const view = await verifyPublicCode(c.get('deps'), c.req.param('code') ?? '');
    return page(
      c,
      200,
      'Vérification de certification',
      `<p class="ok">Ce code correspond à un résultat validé.</p>
<dl>
<dt>Candidat</dt><dd>${escapeHtml(view.firstName)} ${escapeHtml(view.lastName)}</dd>
<dt>Type d'examen</dt><dd>${escapeHtml(view.examTypeLabel)}</dd>
<dt>Score obtenu</dt><dd>${escapeHtml(view.score)}</dd>
<dt>Date de passage</dt><dd>${escapeHtml(formatDate(view.takenAt))}</dd>
<dt>Valable jusqu'au</dt><dd>${escapeHtml(formatDate(view.validUntil))}</dd>
</dl>`,
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'rate_limited') {
      c.header('Retry-After', String(error.details.retryAfterSeconds ?? 60));
      return page(c, 429, 'Trop de vérifications', `<p class="ko">${escapeHtml(error.message)}</p>`);
    }
    if (error instanceof DomainError && error.code === 'not_found') {
      return page(c, 404, 'Vérification de certification', `<p class="ko">${escapeHtml(error.message)}</p>`);
    }
    throw error;
  }
}

async function ackPage(c: Context<AppEnv>, token: string): Promise<Response> {
  try {
    const result = await acknowledge(c.get('deps'), token);
    return page(
      c,
      200,
      'Accusé de réception',
      result === 'recorded'
        ? '<p class="ok">Merci, la réception de vos identifiants de connexion est enregistrée.</p>'
        : '<p class="ok">La réception de vos identifiants de connexion était déjà enregistrée. Merci.</p>',
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') {
      return page(c, 404, 'Accusé de réception', `<p class="ko">${escapeHtml(error.message)}</p>`);
    }
    throw error;
  }
}

/** The public HTML pages, outside `/api/v1`. */
export function publicPageRoutes() {
  const router = new Hono<AppEnv>();
  router.get('/verify/:code', verifyPage);
  router.get('/ack/:token', (c) => ackPage(c, c.req.param('token')));
  router.get('/accuse-reception', (c) => ackPage(c, c.req.query('token') ?? ''));
  return router;
}
