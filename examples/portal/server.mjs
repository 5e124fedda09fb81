#!/usr/bin/env node
// A partner's intranet in 100 lines: its own back end mints embed tokens with
// the space's API key (never sent to the browser), and its page shows the CLR
// candidates table with one script tag, under a strict Content-Security-Policy.
//
//   CLR_URL=http://localhost:3000 CLR_API_KEY=clr_key_… PORT=4000 node examples/portal/server.mjs
//
// The space must allow this portal's origin (http://localhost:4000 here): the
// « Intégration » page of the admin site, or PUT /api/v1/embed-origins.
/* global fetch -- Node ≥ 18 */
import { createServer } from 'node:http';

const CLR_URL = (process.env.CLR_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const API_KEY = process.env.CLR_API_KEY;
const PORT = Number(process.env.PORT ?? 4000);
const HOST = process.env.HOST ?? 'localhost';
if (!API_KEY) {
  console.error('CLR_API_KEY manque : créez une clé sur la page « Intégration » du site CLR (ou POST /api/v1/api-keys).');
  process.exit(1);
}

const page = (lang) => `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Intranet — candidats</title>
  <link rel="stylesheet" href="/portal.css">
  <script type="module" src="${CLR_URL}/embed/clr-elements.js"></script>
</head>
<body>
  <header><strong>Intranet RH</strong></header>
  <main>
    <h1>${lang === 'en' ? 'Our candidates' : 'Nos candidats'}</h1>
    <clr-candidates-table token-url="/intranet/clr-token"></clr-candidates-table>
  </main>
</body>
</html>`;

const CSS = `body { margin: 0; font-family: system-ui, sans-serif; background: #f5f6f8; }
header { background: #24305e; color: #fff; padding: 12px 24px; }
main { padding: 24px; max-width: 1200px; margin: 0 auto; }
clr-candidates-table { --clr-candidates-table-height: 32rem; }`;

/** The strict policy of the issue: scripts and calls to this origin and the CLR server only, no inline style. */
const CSP = `default-src 'self'; script-src 'self' ${CLR_URL}; connect-src 'self' ${CLR_URL}; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'`;

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  if (url.pathname === '/intranet/clr-token') {
    // Here a real intranet checks its own user's session first.
    const minted = await fetch(`${CLR_URL}/api/v1/embed-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ origin: `http://${req.headers.host}`, ttlSeconds: 900, scopes: ['read'] }),
    }).catch((error) => ({ ok: false, status: 502, text: async () => String(error) }));
    res.writeHead(minted.ok ? 200 : 502, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(minted.ok ? await minted.text() : JSON.stringify({ error: await minted.text() }));
    return;
  }
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204);
    res.end();
    return;
  }
  if (url.pathname === '/portal.css') {
    res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' });
    res.end(CSS);
    return;
  }
  if (url.pathname === '/deux-copies') {
    // Two copies of the library on one page (the current bundle and its versioned copy, as when a portal
    // pins one version while another team's page loads the latest): the second keeps the first's tags.
    const { versionedUrl } = await (await fetch(`${CLR_URL}/embed/manifest.json`)).json();
    const tokenUrl = url.searchParams.has('panne') ? '/intranet/panne' : '/intranet/clr-token';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
    res.end(page('fr').replace('</head>', `  <script type="module" src="/deux-copies.js?copie=${encodeURIComponent(CLR_URL + versionedUrl)}&jeton=${encodeURIComponent(tokenUrl)}"></script>\n</head>`).replace(' token-url="/intranet/clr-token"', ''));
    return;
  }
  if (url.pathname === '/deux-copies.js') {
    // The second copy configures the page: its client reaches the first copy's table through the context.
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    res.end(`const { configure } = await import(${JSON.stringify(url.searchParams.get('copie'))});\nconfigure({ tokenUrl: ${JSON.stringify(url.searchParams.get('jeton'))} });\n`);
    return;
  }
  if (url.pathname === '/intranet/panne') {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Service indisponible');
    return;
  }
  if (url.pathname === '/' || url.pathname === '/en') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
    res.end(page(url.pathname === '/en' ? 'en' : 'fr'));
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Introuvable');
});

server.listen(PORT, HOST, () => console.log(`Portail : http://${HOST}:${server.address().port}/ (CLR : ${CLR_URL})`));
