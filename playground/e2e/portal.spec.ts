import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './support/site.js';

/**
 * A partner's portal on another origin (examples/portal/server.mjs): its back
 * end mints tokens with an API key, its page loads the one-tag bundle from the
 * CLR server under a strict CSP and shows the candidates table.
 */
const root = join(import.meta.dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let portal: ChildProcess | undefined;
let portalUrl = '';

test.beforeAll(async ({ browser, baseURL }) => {
  const page = await browser.newPage();
  await signIn(page);
  const port = await freePort();
  portalUrl = `http://127.0.0.1:${port}`;
  // What the administrator does on « Intégration »: a key for the portal's back end, the portal's origin allowed.
  const key = await page.request.post('/api/v1/api-keys', { data: { name: 'Intranet RH (exemple)' } });
  expect(key.status(), await key.text()).toBe(201);
  const { secret } = (await key.json()) as { secret: string };
  const { data: origins } = await (await page.request.get('/api/v1/embed-origins')).json();
  const put = await page.request.put('/api/v1/embed-origins', { data: { origins: [...origins, portalUrl] } });
  expect(put.status(), await put.text()).toBe(200);
  await page.close();
  portal = spawn(process.execPath, [join(root, 'examples', 'portal', 'server.mjs')], {
    env: { ...process.env, CLR_URL: baseURL!, CLR_API_KEY: secret, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    portal!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Portail') && resolve());
    portal!.on('exit', (code) => reject(new Error(`the portal exited with ${code}`)));
  });
});

test.afterAll(() => {
  portal?.kill();
});

test.describe('Embedding: one script tag and one token endpoint on a partner’s portal', () => {
  test('the portal shows the candidates table under a strict CSP, with no violation and no console error', async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto(portalUrl);
    await expect(page.getByRole('heading', { name: 'Nos candidats' })).toBeVisible();
    const table = page.locator('clr-candidates-table');
    await expect(table.getByRole('grid')).toHaveAttribute('aria-busy', 'false');
    await expect(table.getByText('Lefèvre', { exact: false }).first()).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('two copies of the library on one page: the first keeps its tags, the second’s client serves its table, and says so', async ({ page }) => {
    const warnings: string[] = [];
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${portalUrl}/deux-copies`);
    const table = page.locator('clr-candidates-table');
    await expect(table.getByText('Lefèvre', { exact: false }).first()).toBeVisible();
    expect(warnings.some((text) => text.includes('<clr-candidates-table> est déjà défini sur cette page'))).toBe(true);
    expect(errors).toEqual([]);
  });

  test('an error of the other copy keeps its message: a token endpoint down is « Le serveur ne répond pas »', async ({ page }) => {
    await page.goto(`${portalUrl}/deux-copies?panne`);
    await expect(page.locator('clr-candidates-table').getByText('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.')).toBeVisible();
  });

  test('the portal speaks English when its page does', async ({ page }) => {
    await page.goto(`${portalUrl}/en`);
    const table = page.locator('clr-candidates-table');
    await expect(table.getByRole('grid')).toHaveAttribute('aria-busy', 'false');
    await expect(table.getByRole('columnheader').first()).toBeVisible();
    await expect(table.getByText('Candidats', { exact: true })).toHaveCount(0);
  });

  test('the bundle is served to any origin, revalidated; its versioned copy is immutable and matches its SRI hash', async ({ request }) => {
    const manifest = await (await request.get('/embed/manifest.json')).json();
    const current = await request.get('/embed/clr-elements.js', { headers: { origin: portalUrl } });
    expect(current.status()).toBe(200);
    expect(current.headers()['content-type']).toBe('text/javascript; charset=utf-8');
    expect(current.headers()['access-control-allow-origin']).toBe('*');
    expect(current.headers()['cache-control']).toBe('public, max-age=300, must-revalidate');
    const versioned = await request.get(manifest.versionedUrl);
    expect(versioned.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    const body = await versioned.body();
    expect(`sha384-${createHash('sha384').update(body).digest('base64')}`).toBe(manifest.integrity);
    expect(body.equals(await current.body())).toBe(true);
    expect((await request.get('/embed/clr-elements-0.0.0-forged.js')).status()).toBe(404);
  });
});
