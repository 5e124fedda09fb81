import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { heading, signIn } from './support/site.js';

interface ApiOrder {
  id: string;
  number: string;
  status: 'pending' | 'delivered' | 'cancelled';
  section: string;
  totals: { ht: number; ttc: number };
  lines: { examType: string }[];
}

/** « 7 662,00 € », as the page writes money. */
const euros = (cents: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/\u202f/g, '\u00a0');
const flat = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

async function apiOrders(page: Page, query = ''): Promise<{ data: ApiOrder[]; totals: { ht: number; ttc: number } }> {
  const response = await page.request.get(`/api/v1/orders?limit=200${query}`);
  expect(response.status()).toBe(200);
  return response.json();
}

function table(page: Page) {
  return page.getByRole('table', { name: 'Tableau des commandes' });
}

test.describe('§4 Mes commandes: the orders table', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
    await page.goto('/commandes');
    await expect(heading(page, 'Mes commandes')).toBeVisible();
    await expect(table(page).getByRole('row', { name: /^À valider/ })).toBeVisible();
  });

  test('§4 the page lists the certifications in stock by type and the date of the last order', async ({ page }) => {
    const stock = page.getByRole('region', { name: /Certifications en stock/ });
    await expect(stock.getByRole('heading')).toHaveText(/^Certifications en stock \d+$/);
    await expect(stock.getByRole('listitem').first()).toContainText('Examen blanc - à distance');
    await expect(stock).toContainText(/Dernière commande passée le \d{2}\/\d{2}\/\d{4}\./);
  });

  test('§4.1 three sections, each order with its lines, and the totals H.T. and T.T.C. at the bottom, cancelled orders not counted', async ({ page }) => {
    const rows = table(page).getByRole('row');
    await expect(table(page).locator('th[scope="colgroup"]')).toHaveText(['À valider', 'À consommer', 'Historique']);
    // The manual's example: « En cours », 4 × 71,00 € = 284,00 € H.T. = 340,80 € T.T.C.
    const pending = rows.filter({ hasText: 'En cours' }).first();
    await expect(pending).toContainText('340,80 €');
    await expect(rows.filter({ hasText: 'Livré' }).first()).toBeVisible();
    await expect(rows.filter({ hasText: /\d+ restantes?/ }).first()).toBeVisible();
    await expect(table(page).locator('tr[data-status="cancelled"]')).toContainText('Annulée');

    const { data } = await apiOrders(page);
    const counted = data.filter((o) => o.status !== 'cancelled');
    const ht = counted.reduce((sum, o) => sum + o.totals.ht, 0);
    const ttc = counted.reduce((sum, o) => sum + o.totals.ttc, 0);
    const everything = data.reduce((sum, o) => sum + o.totals.ttc, 0);
    expect(everything).toBeGreaterThan(ttc);
    expect(flat(await rows.filter({ hasText: 'Total des commandes (H.T.)' }).textContent())).toContain(flat(euros(ht)));
    expect(flat(await rows.filter({ hasText: 'Total des commandes (T.T.C.)' }).textContent())).toContain(flat(euros(ttc)));
  });

  test('§4.1 the search and the filters by exam type and period narrow the table; « Réinitialiser les filtres » shows it whole again', async ({ page }) => {
    const { data } = await apiOrders(page);
    const laPoste = data.filter((o) => o.lines.some((l) => l.examType === 'official-laposte'));
    const orderRows = table(page).locator('tr[data-order-id]');
    await expect(orderRows).toHaveCount(data.length);

    await page.getByLabel('Type d’examen', { exact: true }).selectOption({ label: 'Examen officiel - en centre La Poste' });
    await expect(orderRows).toHaveCount(laPoste.length);

    await page.getByRole('searchbox', { name: 'Rechercher un numéro, un produit, un type d’examen' }).fill(laPoste[0]!.number);
    await expect(orderRows).toHaveCount(1);
    await expect(orderRows.first()).toContainText(laPoste[0]!.number);

    await page.getByRole('searchbox', { name: 'Rechercher un numéro, un produit, un type d’examen' }).fill('aucune-commande-ainsi');
    await expect(table(page)).toContainText('Aucune commande ne correspond à la recherche et aux filtres.');

    await page.getByRole('button', { name: 'Réinitialiser les filtres' }).first().click();
    await expect(orderRows).toHaveCount(data.length);
    await expect(page.getByRole('searchbox', { name: 'Rechercher un numéro, un produit, un type d’examen' })).toHaveValue('');

    // A period: the orders placed from 30 days ago on (the pending one of the demo, two days old).
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    // Typed jj/mm/aaaa, as the administrator types it whatever the browser's language.
    await page.getByRole('textbox', { name: 'Commandé du' }).fill(from.split('-').reverse().join('/'));
    const recent = data.filter((o) => o.status === 'pending' || Date.parse((o as unknown as { createdAt: string }).createdAt) >= Date.parse(from));
    await expect(orderRows).toHaveCount(recent.length);
  });

  test('a period whose « au » is before « du » is refused beside the field, and the table keeps its last result', async ({ page }) => {
    const orderRows = table(page).locator('tr[data-order-id]');
    const before = await orderRows.count();
    await page.getByRole('textbox', { name: 'Commandé du' }).fill('10/03/2026');
    await page.getByRole('textbox', { name: 'au', exact: true }).fill('01/03/2026');
    const to = page.getByRole('textbox', { name: 'au', exact: true });
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    await expect(to).toHaveAccessibleDescription('La date « au » doit être le même jour que la date « du » ou après.');
    await expect(table(page).locator('tr[data-order-id]').first()).toBeVisible();
    expect(await orderRows.count()).toBeLessThanOrEqual(before);
    await expect(page.getByRole('alert').filter({ hasText: 'La date de fin doit être postérieure' })).toHaveCount(0);
  });

  test('§4.2 « Exporter le tableau » downloads a .csv of exactly what is shown', async ({ page }) => {
    await page.getByLabel('Type d’examen', { exact: true }).selectOption({ label: 'Examen officiel - en centre La Poste' });
    const { data } = await apiOrders(page, '&examType=official-laposte');
    await expect(table(page).locator('tr[data-order-id]')).toHaveCount(data.length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le tableau' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    for (const order of data) expect(csv).toContain(order.number);
    const { data: all } = await apiOrders(page);
    for (const order of all.filter((o) => !data.some((d) => d.id === o.id))) expect(csv).not.toContain(order.number);
    await expect(page.getByText('Le tableau des commandes est exporté.')).toBeVisible();
  });

  test('« Retour » on a reopened « Validation de commande » closes the window', async ({ page }) => {
    const { data } = await apiOrders(page, '&section=to_validate');
    expect(data.length, 'the demo has a pending order').toBeGreaterThan(0);
    await page.getByRole('button', { name: `Valider et régler la commande n° ${data[0]!.number}` }).click();
    const window = page.getByRole('dialog', { name: 'Validation de commande' });
    await window.getByRole('button', { name: 'Retour' }).click();
    await expect(window).toBeHidden();
  });
  test('§4.4 the icon of a pending order reopens « Validation de commande »; « Poursuivre ma commande → » and « Payer » deliver it; « Actualiser » shows it « Livré »', async ({ page }) => {
    const { data } = await apiOrders(page, '&section=to_validate');
    const order = data[0]!;
    await page.getByRole('button', { name: `Valider et régler la commande n° ${order.number}` }).click();
    const window = page.getByRole('dialog', { name: 'Validation de commande' });
    await expect(window.getByRole('heading', { name: 'Validation de commande' })).toBeVisible();
    await expect(window.getByRole('row', { name: /^Total \(T\.T\.C\.\)/ })).toContainText(euros(order.totals.ttc));
    await window.getByRole('button', { name: 'Poursuivre ma commande →' }).click();
    await page.waitForURL(/\/paiement\?/);
    expect(new URL(page.url()).searchParams.get('amount')).toBe(String(order.totals.ttc));
    // The simulated payment centre, dressed like the site.
    await expect(page.getByRole('banner')).toContainText('Certification Le Robert');
    await page.getByRole('button', { name: 'Payer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Paiement accepté' })).toBeVisible();
    await page.getByRole('link', { name: 'Mes commandes' }).click();
    await expect(heading(page, 'Mes commandes')).toBeVisible();
    await page.getByRole('button', { name: 'Actualiser' }).click();
    const row = table(page).locator(`tr[data-order-id="${order.id}"]`);
    await expect(row).toContainText('Livré');
    await expect(page.getByRole('button', { name: `Valider et régler la commande n° ${order.number}` })).toHaveCount(0);
  });

});
