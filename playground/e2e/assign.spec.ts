import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, request, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { DEMO_ADMIN, heading } from './support/site.js';

/**
 * §6.5–6.7 end to end: the site and the real server, with the stock on
 * Accueil checked after each step. These tests order and deliver credits and
 * change candidates' exams, so they run against a server of their own (a fresh
 * SQLite file seeded with the demo), leaving the shared one as the other
 * specs expect it (1079 credits, 19 candidates).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = execFileSync(process.execPath, ['-e', "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});"], { encoding: 'utf8' }).trim();
const baseURL = `http://127.0.0.1:${port}`;
const OPERATOR = { email: 'operator@clr.test', password: 'Operator-1' };

let server: ChildProcess | undefined;
let dir: string | undefined;

test.use({ baseURL });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clr-e2e-assign-'));
  // As npm start runs it: the sources, with the packages resolved to theirs (the `@clr/source` condition).
  server = spawn(process.execPath, ['--conditions=@clr/source', '--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${join(dir, 'clr.db')}`, PORT: port, HOST: '127.0.0.1', PUBLIC_URL: baseURL },
    stdio: 'ignore',
  });
  const api = await request.newContext({ baseURL });
  await expect
    .poll(async () => (await api.get('/api/v1/healthz').catch(() => null))?.status() ?? 0, { timeout: 120_000, intervals: [500] })
    .toBe(200);
  await api.dispose();
});

test.afterAll(() => {
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function signIn(page: Page): Promise<void> {
  const response = await page.request.post('/api/v1/auth/login', { data: DEMO_ADMIN });
  expect(response.status()).toBe(200);
}

/** The administrator orders `quantity` of a product; the platform's operator delivers it (R3). */
async function credits(page: Page, reference: string, quantity: number): Promise<void> {
  const products = await (await page.request.get('/api/v1/products')).json();
  const product = products.data.find((p: { reference: string }) => p.reference === reference);
  const order = await (await page.request.post('/api/v1/orders', { data: { lines: [{ productId: product.id, quantity }] } })).json();
  const operator: APIRequestContext = await request.newContext({ baseURL });
  expect((await operator.post('/api/v1/auth/login', { data: OPERATOR })).status()).toBe(200);
  expect((await operator.post(`/api/v1/operator/orders/${order.id}/deliver`)).status()).toBe(200);
  await operator.dispose();
}

let seq = 0;
/** A candidate with nothing assigned (« À attribuer »): their id. */
async function candidate(page: Page, lastName: string, firstName: string): Promise<string> {
  seq += 1;
  const response = await page.request.post('/api/v1/candidates', {
    data: {
      identity: {
        civility: 'mme', lastName, firstName, email: `${firstName}.${lastName}.${seq}.${Date.now()}@exemple.test`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
        birthDate: '1995-05-05', birthPostcode: '69001', birthTown: 'Lyon', birthCountry: 'France',
      },
      password: { value: 'Secret-123', confirmation: 'Secret-123', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false },
      information: { status: 'employee', funding: 'cpf' },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id;
}

/** `jj/mm/aaaa`, `days` after today in Paris. */
function parisDay(days: number): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(Date.now() + days * 86_400_000));
}

/** Accueil's « Certifications restantes »: the total and the figure of each type shown. */
async function stockOnHome(page: Page): Promise<{ total: number; byType: Record<string, number> }> {
  await page.goto('/');
  const box = page.getByRole('region', { name: /Certifications restantes/ });
  await expect(box.getByRole('heading')).toHaveText(/Certifications restantes \d+/);
  const total = Number((await box.getByRole('heading').textContent())!.replace(/\D/g, ''));
  const byType: Record<string, number> = {};
  for (const item of await box.getByRole('listitem').all()) {
    byType[(await item.locator('.label').textContent())!.trim()] = Number(await item.locator('.figure').textContent());
  }
  return { total, byType };
}

async function openFile(page: Page, id: string): Promise<void> {
  await page.goto(`/candidats/${id}`);
  await expect(heading(page, 'Dossier du candidat')).toBeVisible();
}

test('§6.5 « Attribuer une certification »: a dated type with « Date de passage souhaitée », then a La Poste session; the file shows « Prévue » and Accueil’s stock follows', async ({ page }) => {
  await signIn(page);
  const louise = await candidate(page, 'Aubry', 'Louise');
  const before = await stockOnHome(page);
  expect(before.total).toBe(1079);
  expect(before.byType['Examen blanc - sur site']).toBe(99);

  await openFile(page, louise);
  await page.getByRole('button', { name: 'Attribuer une certification' }).click();
  const dialog = page.getByRole('dialog', { name: 'Attribuer une certification' });
  await expect(dialog.getByRole('radio', { name: 'Examen blanc - sur site (99 restantes)' })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /Examen officiel - sur site \(0 restante\)/ })).toBeDisabled();
  await dialog.getByRole('radio', { name: 'Examen blanc - sur site (99 restantes)' }).check();
  await dialog.getByRole('button', { name: 'Attribuer la certification' }).click();
  await expect(dialog.getByText('Choisissez une date de passage.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Date de passage souhaitée :' }).fill(parisDay(-1));
  await expect(dialog.getByText("La date de passage doit être aujourd'hui ou une date à venir.")).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Date de passage souhaitée :' }).fill(parisDay(7));
  await dialog.getByRole('checkbox', { name: 'Envoyer un courriel au candidat pour l’informer de son inscription' }).check();
  await dialog.getByRole('button', { name: 'Attribuer la certification' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('La certification « Examen blanc - sur site » est attribuée à AUBRY Louise.')).toBeVisible();
  await expect(page.getByText(new RegExp(`Examen blanc - sur site — Prévue, le ${parisDay(7)}`))).toBeVisible();
  await expect(page.getByRole('button', { name: 'Afficher le code' })).toBeVisible();

  let stock = await stockOnHome(page);
  expect(stock.total).toBe(1078);
  expect(stock.byType['Examen blanc - sur site']).toBe(98);

  // La Poste: two credits ordered and delivered, then a session chosen city → centre → time.
  await credits(page, 'PART-LAPOSTE-EXAMEN', 2);
  stock = await stockOnHome(page);
  expect(stock.byType['Examen officiel - en centre La Poste']).toBe(2);
  await expect(page.getByText(/Stock faible : .*Examen officiel - en centre La Poste \(2 restantes\)/)).toBeVisible();

  const marc = await candidate(page, 'Blanc', 'Marc');
  await openFile(page, marc);
  await page.getByRole('button', { name: 'Attribuer une certification' }).click();
  await dialog.getByRole('radio', { name: /Examen officiel - en centre La Poste \(2 restantes\)/ }).check();
  await expect(dialog.getByRole('radio', { name: /Examen officiel - en centre La Poste/ })).toBeChecked();
  await expect(dialog.getByText('Stock faible', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Choisir une session' }).click();
  const picker = page.getByRole('dialog', { name: 'Sélection d’une session de passage dans un centre La Poste' });
  await expect(picker.getByText('Choix du centre d’examen et de l’horaire de passage :')).toBeVisible();
  const city = picker.getByRole('combobox', { name: 'Ville' });
  await city.selectOption({ index: 1 });
  const centre = picker.getByRole('combobox', { name: 'Centre d’examen' });
  if ((await centre.locator('option').count()) > 2) await centre.selectOption({ index: 1 });
  const time = picker.getByRole('combobox', { name: 'Date et horaire de passage' });
  await expect(time.locator('option').nth(1)).toHaveText(/^\s*[A-Z][a-zé]+ \d{1,2} [a-zéû]+ \d{4} - \d{2} h \d{2} \(\d+ places? restantes?\)\s*$/);
  await time.selectOption({ index: 1 });
  await picker.getByRole('button', { name: 'Sélectionner la session' }).click();
  await expect(dialog.getByRole('button', { name: 'Changer de session' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Attribuer la certification' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Examen officiel - en centre La Poste — Prévue, le \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  // The centre holds the code of a La Poste exam.
  await expect(page.getByRole('button', { name: 'Afficher le code' })).toHaveCount(0);

  stock = await stockOnHome(page);
  expect(stock.total).toBe(1079);
  expect(stock.byType['Examen officiel - en centre La Poste']).toBe(1);
});

test('§6.6 one candidate: « Modifier l’attribution » to another type, then « Supprimer l’attribution » — the credits go back, Accueil follows; §6.7 « Afficher le code »', async ({ page }) => {
  await signIn(page);
  const id = await candidate(page, 'Colin', 'Jeanne');
  await openFile(page, id);
  await page.getByRole('button', { name: 'Attribuer une certification' }).click();
  let dialog = page.getByRole('dialog', { name: 'Attribuer une certification' });
  await dialog.getByRole('radio', { name: /^Examen démo - sur site/ }).check();
  await dialog.getByRole('textbox', { name: 'Date de passage souhaitée :' }).fill(parisDay(3));
  await dialog.getByRole('button', { name: 'Attribuer la certification' }).click();
  await expect(dialog).toBeHidden();
  let stock = await stockOnHome(page);
  const demoOnsite = stock.byType['Examen démo - sur site']!;
  const demoRemote = stock.byType['Examen démo - à distance']!;
  const total = stock.total;

  // §6.7: the code of a partner-supervised exam.
  await openFile(page, id);
  await page.getByRole('button', { name: 'Afficher le code' }).click();
  const codes = page.getByRole('dialog', { name: 'Afficher le code d’activation' });
  await expect(codes.getByRole('row').filter({ hasText: 'COLIN Jeanne' })).toContainText(/[BCDFGHJKMPQRTVWXY2346789]{8}/);
  await page.keyboard.press('Escape');
  await expect(codes).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afficher le code' })).toBeFocused();

  await page.getByRole('button', { name: 'Modifier l’attribution' }).click();
  dialog = page.getByRole('dialog', { name: 'Modifier ou supprimer une attribution de certifications' });
  await expect(dialog.getByRole('heading', { name: 'Supprimer l’attribution de certifications' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Sélectionner la certification à attribuer' })).toBeVisible();
  // The current exam's credit comes back first: its own type counts one more.
  await expect(dialog.getByRole('radio', { name: `Examen démo - sur site (${demoOnsite + 1} restantes)` })).toBeVisible();
  await dialog.getByRole('radio', { name: /^Examen démo - à distance/ }).check();
  await dialog.getByRole('button', { name: 'Modifier l’attribution' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Examen démo - à distance — Prévue/)).toBeVisible();
  stock = await stockOnHome(page);
  expect(stock.total).toBe(total);
  expect(stock.byType['Examen démo - sur site']).toBe(demoOnsite + 1);
  expect(stock.byType['Examen démo - à distance']).toBe(demoRemote - 1);

  await openFile(page, id);
  await page.getByRole('button', { name: 'Modifier l’attribution' }).click();
  await dialog.getByRole('checkbox', { name: 'Envoyer un courriel au candidat pour l’informer de l’annulation' }).check();
  await dialog.getByRole('button', { name: 'Supprimer l’attribution' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('L’attribution de COLIN Jeanne est supprimée : la certification est reversée dans le stock.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Attribuer une certification' })).toBeVisible();
  stock = await stockOnHome(page);
  expect(stock.total).toBe(total + 1);
  expect(stock.byType['Examen démo - à distance']).toBe(demoRemote);
});

test('§6.6 many candidates: « Gérer les certifications » assigns within the stock (« N sélectionnés / M restantes »), then « Supprimer des attributions »; Accueil follows', async ({ page }) => {
  await signIn(page);
  const ids = [await candidate(page, 'Quillet', 'Aline'), await candidate(page, 'Quintin', 'Bruno'), await candidate(page, 'Quiros', 'Chloé')];
  await credits(page, 'PART-SITE-EXAMEN', 2);
  let stock = await stockOnHome(page);
  expect(stock.byType['Examen officiel - sur site']).toBe(2);
  const total = stock.total;
  // Low stock on Accueil: « Commander » opens the cart.
  await page.getByRole('region', { name: /Certifications restantes/ }).locator('.low-stock').getByRole('link', { name: 'Commander' }).click();
  await expect(page.getByRole('dialog', { name: 'Passer une nouvelle commande' })).toBeVisible();

  await page.goto('/candidats');
  await page.getByRole('button', { name: 'Gérer les certifications' }).click();
  const dialog = page.getByRole('dialog', { name: 'Gérer les attributions de certifications' });
  await dialog.getByRole('radio', { name: /Examen officiel - sur site \(2 restantes\)/ }).check();
  await dialog.getByRole('textbox', { name: 'Date de passage souhaitée :' }).fill(parisDay(10));
  await dialog.getByRole('button', { name: 'Sélectionner l’attribution' }).click();
  const list = page.getByRole('dialog', { name: 'Attribuer « Examen officiel - sur site » à un ou plusieurs candidats' });
  await expect(list.getByText('0 sélectionnés / 2 restantes')).toBeVisible();
  await list.getByRole('searchbox', { name: 'Rechercher un nom, un courriel' }).fill('Qui');
  await list.getByRole('searchbox').press('Enter');
  await expect(list.getByRole('row')).toHaveCount(4);
  await list.getByRole('checkbox', { name: 'Sélectionner QUILLET Aline' }).check();
  await list.getByRole('checkbox', { name: 'Sélectionner QUINTIN Bruno' }).check();
  await expect(list.getByText(/2 sélectionnés \/ 2 restantes — Le stock est atteint/)).toBeVisible();
  await expect(list.getByRole('checkbox', { name: 'Sélectionner QUIROS Chloé' })).toBeDisabled();
  await list.getByRole('button', { name: 'Attribuer les certifications' }).click();
  await expect(list).toBeHidden();
  await expect(page.getByText('2 certifications « Examen officiel - sur site » attribuées.')).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Tableau des candidats' });
  await expect(grid.getByRole('row').filter({ hasText: 'QUILLET Aline' })).toContainText('Prévue');
  stock = await stockOnHome(page);
  expect(stock.total).toBe(total - 2);
  expect(stock.byType['Examen officiel - sur site'] ?? 0).toBe(0);

  await page.goto('/candidats');
  await page.getByRole('button', { name: 'Gérer les certifications' }).click();
  await dialog.getByRole('button', { name: 'Supprimer des attributions' }).click();
  const removal = page.getByRole('dialog', { name: 'Supprimer les attributions d’un ou plusieurs candidats' });
  await removal.getByRole('searchbox').fill('Qui');
  await removal.getByRole('searchbox').press('Enter');
  await expect(removal.getByRole('row')).toHaveCount(3);
  await removal.getByRole('checkbox', { name: 'Sélectionner les candidats affichés' }).check();
  await expect(removal.getByText('2 candidats sélectionnés')).toBeVisible();
  await removal.getByRole('button', { name: 'Supprimer les attributions' }).click();
  await expect(removal).toBeHidden();
  await expect(page.getByText('2 attributions supprimées : 2 certifications reversées dans le stock.')).toBeVisible();
  stock = await stockOnHome(page);
  expect(stock.total).toBe(total);
  expect(stock.byType['Examen officiel - sur site']).toBe(2);
  for (const id of ids.slice(0, 2)) expect((await (await page.request.get(`/api/v1/candidates/${id}`)).json()).status).toBe('to_assign');
});

test('two administrators assign the last credit at once: one succeeds, the other sees « plus assez de certifications » with the count now, and nothing else changes', async ({ browser, page }) => {
  await signIn(page);
  await credits(page, 'PART-CLR-EXAMEN', 1);
  const first = await candidate(page, 'Etienne', 'Anne');
  const second = await candidate(page, 'Ferrand', 'Paul');
  const other = await secondAdministrator(browser);

  const open = async (p: Page, id: string) => {
    await openFile(p, id);
    await p.getByRole('button', { name: 'Attribuer une certification' }).click();
    const d = p.getByRole('dialog', { name: 'Attribuer une certification' });
    await d.getByRole('radio', { name: /Examen officiel - en centre agréé \(1 restante\)/ }).check();
    await d.getByRole('textbox', { name: 'Date de passage souhaitée :' }).fill(parisDay(5));
    return d;
  };
  const mine = await open(page, first);
  const theirs = await open(other, second);
  await mine.getByRole('button', { name: 'Attribuer la certification' }).click();
  await expect(mine).toBeHidden();
  await theirs.getByRole('button', { name: 'Attribuer la certification' }).click();
  await expect(theirs.getByRole('alert')).toHaveText(
    'Il n’y a plus assez de certifications « Examen officiel - en centre agréé » : il en reste 0. Un autre administrateur vient peut-être d’en attribuer.',
  );
  await expect(theirs.getByRole('radio', { name: /Examen officiel - en centre agréé \(0 restante\)/ })).toBeDisabled();
  await other.close();

  expect((await (await page.request.get(`/api/v1/candidates/${first}`)).json()).status).toBe('scheduled');
  expect((await (await page.request.get(`/api/v1/candidates/${second}`)).json()).status).toBe('to_assign');
  const stock = await stockOnHome(page);
  expect(stock.byType['Examen officiel - en centre agréé'] ?? 0).toBe(0);
});

test('English: the assignment dialog under lang="en"', async ({ page }) => {
  await signIn(page);
  const id = await candidate(page, 'Gautier', 'Lise');
  await openFile(page, id);
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await page.getByRole('button', { name: 'Assign a certification' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign a certification' });
  await expect(dialog.getByRole('radio', { name: /Practice exam - remote \(\d+ left\)/ })).toBeVisible();
  await dialog.getByRole('radio', { name: /Practice exam - on site/ }).check();
  await dialog.getByRole('button', { name: 'Assign the certification' }).click();
  await expect(dialog.getByText('Choose an exam date.')).toBeVisible();
});

async function secondAdministrator(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await signIn(page);
  return page;
}
