/**
 * Headers of the server's own small HTML pages (verification, demo outbox,
 * simulated payment centre, acknowledgment): never cached, no script, no
 * framing, no referrer. `formAction` is `'self'` only for a page with a form.
 */
export function htmlPageHeaders(formAction: "'none'" | "'self'" = "'none'"): Record<string, string> {
  return {
    'Cache-Control': 'no-store',
    'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action ${formAction}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
