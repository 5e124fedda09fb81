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
    'X-Frame-Options': 'DENY',
  };
}

/** What every HTML answer of the server carries, whatever page it is: no framing, no sniffing, a referrer policy. */
export const HTML_BASELINE: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
};

/** HSTS: browsers keep to HTTPS for a year once they have seen it over HTTPS. */
export const HSTS = 'max-age=31536000';
