import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe.js';
import { heading, signIn } from './support/site.js';

/**
 * « Intégration »: an administrator lets the partner's intranet embed the
 * components — the allowed origins, and an API key for its back end.
 */
test.describe('Intégration: the embedding origins and the API keys', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
    await page.goto('/');
    await page.getByRole('button', { name: /Menu du profil/ }).click();
    await page.getByRole('menuitem', { name: 'Intégration' }).click();
    await expect(heading(page, 'Intégration')).toBeVisible();
  });

  test('allows an origin (normalised), refuses a wildcard beside the field, and removes an origin after a confirmation naming it', async ({ page }) => {
    const origins = page.getByRole('list', { name: 'Origines autorisées à intégrer les composants' });
    await expect(origins).toContainText('http://localhost:5173');
    const field = page.getByLabel('Nouvelle origine');
    await field.fill('HTTPS://Intranet.Exemple.fr/');
    await page.getByRole('button', { name: 'Autoriser cette origine' }).click();
    await expect(origins.getByText('https://intranet.exemple.fr', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Notifications' })).toContainText("L'origine https://intranet.exemple.fr est autorisée.");

    await field.fill('https://*.exemple.fr');
    await page.getByRole('button', { name: 'Autoriser cette origine' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText("L'origine n'est pas valide (exemple : https://intranet.exemple.fr).").first()).toBeVisible();
    await expect(origins.getByText('https://*.exemple.fr')).toHaveCount(0);

    await page.getByRole('button', { name: "Retirer l'origine https://intranet.exemple.fr" }).click();
    const dialog = page.getByRole('dialog', { name: 'Retirer une origine' });
    await expect(dialog).toContainText("Voulez-vous vraiment retirer l'origine https://intranet.exemple.fr ?");
    await dialog.getByRole('button', { name: 'Retirer' }).click();
    await expect(origins.getByText('https://intranet.exemple.fr', { exact: true })).toHaveCount(0);
    const listed = await (await page.request.get('/api/v1/embed-origins')).json();
    expect(listed.data).not.toContain('https://intranet.exemple.fr');
    expect(listed.data).toContain('http://localhost:5173');
  });

  test('creates an API key whose secret is shown once and works, then revokes it after a confirmation', async ({ page }) => {
    await page.getByLabel('Nom de la clé').fill('Intranet RH');
    await page.getByRole('button', { name: 'Créer une clé' }).click();
    const secret = page.getByRole('textbox', { name: 'Secret de la clé « Intranet RH »' });
    await expect(secret).toHaveValue(/^clr_key_/);
    const value = await secret.inputValue();
    expect((await page.request.get('/api/v1/stock', { headers: { authorization: `Bearer ${value}` } })).status()).toBe(200);
    const row = page.getByRole('row', { name: /Intranet RH/ });
    await expect(row).toContainText(`${value.slice(0, 12)}…`);

    await page.reload();
    await expect(page.getByRole('textbox', { name: /Secret de la clé/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Révoquer la clé « Intranet RH »' }).click();
    await page.getByRole('dialog', { name: "Révoquer une clé d'API" }).getByRole('button', { name: 'Révoquer' }).click();
    await expect(page.getByRole('row', { name: /Intranet RH/ })).toHaveCount(0);
    expect((await page.request.get('/api/v1/stock', { headers: { authorization: `Bearer ${value}` } })).status()).toBe(401);
  });

  test('on a 390 px phone, a key that was used keeps the page from scrolling sideways (the table scrolls inside its box)', async ({ page }) => {
    const key = await (await page.request.post('/api/v1/api-keys', { data: { name: 'Intranet RH (téléphone)' } })).json();
    await page.request.get('/api/v1/stock', { headers: { authorization: `Bearer ${key.secret}` } });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByRole('row', { name: /Intranet RH \(téléphone\)/ })).toBeVisible();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth, `the page is ${scrollWidth} px wide in a ${clientWidth} px window`).toBeLessThanOrEqual(clientWidth);
    await page.request.delete(`/api/v1/api-keys/${key.id}`);
  });

  test.describe('accessibility', () => {
    // axe is injected as an inline script, which the site's CSP rightly refuses.
    test.use({ bypassCSP: true });
    test('passes axe', async ({ page }) => {
      await expectAccessible(page);
    });
  });
});
