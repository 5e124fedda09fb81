import { expect, test } from '@playwright/test';
import { heading, OTHER_ADMIN, signIn } from './support/site.js';

/** « Autre »'s administrator (Claire Martin), so that the demo login the other tests use never changes. */
test.describe('§1.2 Modifier son profil', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, OTHER_ADMIN);
    await page.goto('/profil');
    await expect(heading(page, 'Mon profil')).toBeVisible();
  });

  test('after « Modifier » and « Enregistrer », the page and the initials in the header show the new values at once', async ({ page }) => {
    await expect(page.getByRole('button', { name: /^CM — Menu du profil de Claire Martin$/ })).toHaveText('CM');
    await page.getByRole('button', { name: 'Modifier' }).click();
    await page.getByLabel('Prénom').fill('Béatrice');
    await page.getByLabel('Nom', { exact: true }).fill('Durand');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('definition')).toHaveText(['Durand', 'Béatrice', OTHER_ADMIN.email]);
    const initials = page.getByRole('button', { name: 'BD — Menu du profil de Béatrice Durand' });
    await expect(initials).toHaveText('BD');
    // The confirmation is a toast, in the page's one live region.
    await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Votre profil est enregistré.');

    // Back as it was.
    await page.getByRole('button', { name: 'Modifier' }).click();
    await page.getByLabel('Prénom').fill('Claire');
    await page.getByLabel('Nom', { exact: true }).fill('Martin');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('button', { name: 'CM — Menu du profil de Claire Martin' })).toBeVisible();
  });

  test('changing the login e-mail asks for the current password, sent with the change', async ({ page }) => {
    await page.getByRole('button', { name: 'Modifier' }).click();
    const password = page.getByLabel('Mot de passe actuel (pour changer de courriel)');
    await expect(password).toBeHidden();
    const email = page.getByLabel('Courriel', { exact: true });
    const changed = `claire.martin.${Date.now()}@autre.test`;
    await email.fill(changed);
    await expect(password).toBeVisible();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(password).toHaveAccessibleDescription('Saisissez votre mot de passe actuel pour changer de courriel.');
    await expect(password).toBeFocused();

    await password.fill(OTHER_ADMIN.password);
    const bodies: unknown[] = [];
    await page.route('**/api/v1/me', async (route) => {
      if (route.request().method() === 'PATCH') bodies.push(JSON.parse(route.request().postDataBuffer()?.toString('utf8') ?? 'null'));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => bodies.length).toBe(1);
    expect(bodies[0]).toEqual({ lastName: 'Martin', firstName: 'Claire', email: changed, currentPassword: OTHER_ADMIN.password });
    await expect(page.getByRole('definition')).toHaveText(['Martin', 'Claire', changed]);

    // Back to the login the other tests use.
    await page.getByRole('button', { name: 'Modifier' }).click();
    await page.getByLabel('Courriel', { exact: true }).fill(OTHER_ADMIN.email);
    await page.getByLabel('Mot de passe actuel (pour changer de courriel)').fill(OTHER_ADMIN.password);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('definition')).toHaveText(['Martin', 'Claire', OTHER_ADMIN.email]);
  });
});
