import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serve, type ServerType } from '@hono/node-server';
import { PROBLEM_CONTENT_TYPE, problemType } from '@clr/domain';
import type { AppEnv } from './env.js';

/**
 * Request size limits: a body beyond `bodyLimitBytes` (1 MiB by default,
 * `BODY_LIMIT_BYTES`) is refused with 413 before the rest is read — at once
 * when `Content-Length` says so, else as soon as the streamed body passes the
 * limit — and a request whose headers exceed the server's `maxHeaderSize`
 * gets 431; both as problem+json, like every other error.
 */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** The largest accepted header block (a documents request names up to SELECTION_MAX ids in its query, ≈ 37 KB). */
export const MAX_HEADER_BYTES = 64 * 1024;

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} Mo`;
  if (bytes >= 1024) return `${Math.floor(bytes / 1024)} Ko`;
  return `${bytes} octets`;
}

/** The problem+json body of a 413 or a 431 (codes the server alone answers: neither is a rule of the domain). */
export function sizeProblem(status: 413 | 431, maxBytes: number, requestId?: string): string {
  const body =
    status === 413
      ? { code: 'payload_too_large', title: 'Requête trop volumineuse', detail: `Le corps de la requête dépasse la taille autorisée (${sizeText(maxBytes)}).` }
      : { code: 'headers_too_large', title: 'En-têtes trop volumineux', detail: `Les en-têtes de la requête dépassent la taille autorisée (${sizeText(maxBytes)}).` };
  return JSON.stringify({ type: `urn:clr:problem:${body.code}`, title: body.title, status, code: body.code, detail: body.detail, ...(requestId ? { requestId } : {}) });
}

/** Refuses a body larger than `maxBytes` with 413 problem+json, before reading the rest. */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c: Context<AppEnv>) =>
      new Response(sizeProblem(413, maxBytes, c.get('requestId')), {
        status: 413,
        headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, Connection: 'close' },
      }),
  });
}

/**
 * Node answers a request whose headers are too large (431) or malformed (400)
 * itself, before the application sees it, with an empty body; this writes the
 * same statuses as problem+json on the raw socket (`server.on('clientError')`).
 */
export function answerClientError(error: Error & { code?: string }, socket: { writable: boolean; end: (data?: string) => void; destroy: () => void }): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = tooLarge
    ? sizeProblem(431, MAX_HEADER_BYTES)
    : JSON.stringify({ type: problemType('validation_failed'), title: 'Données invalides', status: 400, code: 'validation_failed', detail: "La requête HTTP n'est pas valide." });
  const reason = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n${body}`,
  );
}

/**
 * Serves the app over HTTP as `npm start` does: headers up to
 * {@link MAX_HEADER_BYTES}, and Node's own 431/400 answers as problem+json.
 */
export function serveApp(
  fetch: Parameters<typeof serve>[0]['fetch'],
  options: { port: number; hostname?: string | undefined },
  onListen?: (info: { port: number }) => void,
): ServerType {
  const server = serve(
    { fetch, port: options.port, serverOptions: { maxHeaderSize: MAX_HEADER_BYTES }, ...(options.hostname ? { hostname: options.hostname } : {}) },
    onListen,
  );
  server.on('clientError', answerClientError);
  return server;
}
