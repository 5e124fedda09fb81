import { expect, test } from '@playwright/test';
import { DEMO_ADMIN, heading, signIn } from './support/site.js';

test.describe('§1.1 Se connecter en tant qu’administrateur', () => {
  test('refuses a wrong password with the French message, and stays on the login page', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/connexion\?retour=%2F$/);
    await expect(page).toHaveTitle(/^Connexion — /);
    await page.getByLabel('Identifiant (courriel)').fill(DEMO_ADMIN.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon');
    await page.getByRole('button', { name: 'Connexion' }).click();
    await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
    await expect(page).toHaveURL(/\/connexion/);
    await expect(page.getByRole('navigation', { name: 'Menu principal' })).toHaveCount(0);
  });

  test('says which field is missing before calling the server', async ({ page }) => {
    await page.goto('/connexion');
    await page.getByRole('button', { name: 'Connexion' }).click();
    await expect(page.getByText('Saisissez votre identifiant (votre courriel).')).toBeVisible();
    await expect(page.getByLabel('Identifiant (courriel)')).toBeFocused();
    await expect(page.getByLabel('Identifiant (courriel)')).toHaveAttribute('aria-invalid', 'true');
  });

  test('signs in with « Connexion » and opens Accueil with the 1079 remaining certifications (§3.1)', async ({ page }) => {
    await page.goto('/connexion');
    await page.getByLabel('Identifiant (courriel)').fill(DEMO_ADMIN.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_ADMIN.password);
    await page.getByRole('button', { name: 'Connexion' }).click();

    await expect(heading(page, 'Accueil')).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    await expect(page).toHaveTitle(/^Accueil — /);
    const stock = page.getByRole('region', { name: /Certifications restantes/ });
    await expect(stock.getByRole('heading')).toHaveText('Certifications restantes 1079');
    await expect(stock.getByRole('listitem')).toHaveText([
      '200Examen blanc - à distance',
      '99Examen blanc - sur site',
      '100Examen blanc - validation manuelle',
      '480Examen démo - à distance',
      '100Examen démo - sur site',
      '100Examen démo - validation manuelle',
    ]);
    const candidates = page.getByRole('region', { name: /^Candidats/ });
    await expect(candidates.getByRole('heading')).toHaveText('Candidats 19');
    await expect(candidates.getByRole('listitem')).toHaveText([
      '0Certification(s) à attribuer',
      '8Certification(s) en attente',
      '11Certification(s) passée(s)',
    ]);
    await expect(page.getByRole('region', { name: /^Groupes/ }).getByRole('heading')).toHaveText('Groupes 1');
    await expect(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Accueil' })).toHaveAttribute('aria-current', 'page');
  });

  test('a deep link asks for the login first, then shows the page asked for', async ({ page }) => {
    await page.goto('/candidats');
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fcandidats$/);
    await page.getByLabel('Identifiant (courriel)').fill(DEMO_ADMIN.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_ADMIN.password);
    await page.getByLabel('Mot de passe', { exact: true }).press('Enter');
    await expect(heading(page, 'Candidats')).toBeVisible();
    await expect(page).toHaveURL(/\/candidats$/);
  });

  test('« Mot de passe oublié ? » asks for the identifiant, then says the e-mail is on its way', async ({ page }) => {
    await page.goto('/connexion');
    await page.getByRole('button', { name: 'Mot de passe oublié ?' }).click();
    await expect(page.getByText(/Saisissez votre identifiant \(votre courriel\), puis cliquez de nouveau/)).toBeVisible();
    await page.getByLabel('Identifiant (courriel)').fill(DEMO_ADMIN.email);
    await page.getByRole('button', { name: 'Mot de passe oublié ?' }).click();
    await expect(page.getByRole('status')).toContainText(`Si un compte administrateur correspond à ${DEMO_ADMIN.email}, un courriel vient d'y être envoyé`);
  });
});

test.describe('§1.2 and §2: the menu and the profile menu', () => {
  test('the top menu leads to each page, with no « bientôt » badge', async ({ page }) => {
    await signIn(page);
    await page.goto('/');
    const menu = page.getByRole('navigation', { name: 'Menu principal' });
    await expect(menu.getByRole('link')).toHaveText(['Accueil', 'Mes commandes', 'Groupes', 'Candidats']);
    await expect(page.getByText('bientôt')).toHaveCount(0);
    await menu.getByRole('link', { name: 'Groupes' }).click();
    await expect(heading(page, 'Groupes')).toBeFocused();
    await expect(page.getByRole('grid', { name: 'Tableau des groupes' })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Groupes' })).toHaveAttribute('aria-current', 'page');
    await menu.getByRole('link', { name: 'Mes commandes' }).click();
    await expect(heading(page, 'Mes commandes')).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Mes commandes' })).toHaveAttribute('aria-current', 'page');
  });

  test('the skip link leads to the main content', async ({ page }) => {
    await signIn(page);
    await page.goto('/');
    await expect(heading(page, 'Accueil')).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    await expect(skip).toBeFocused();
    await skip.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('the menu on the initials opens « Mon profil » (nom, prénom, courriel) and « Changer mon mot de passe », which refuses a wrong current password beside its field', async ({ page }) => {
    await signIn(page);
    await page.goto('/');
    const initials = page.getByRole('button', { name: 'CA — Menu du profil de Compte Administrateur' });
    await expect(initials).toHaveText('CA');
    await initials.press('Enter');
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem')).toHaveText(['Mon profil', 'Changer mon mot de passe', 'Intégration', 'Aide', 'English', 'Se déconnecter']);
    await expect(menu.getByRole('menuitem', { name: 'Mon profil' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(initials).toBeFocused();

    await initials.click();
    await menu.getByRole('menuitem', { name: 'Mon profil' }).click();
    await expect(heading(page, 'Mon profil')).toBeVisible();
    await expect(page.getByRole('definition')).toHaveText(['Administrateur', 'Compte', DEMO_ADMIN.email]);

    // « Changer mon mot de passe »: the second tab; a wrong current password is refused beside its field.
    await initials.click();
    await page.getByRole('menuitem', { name: 'Changer mon mot de passe' }).click();
    await expect(page.getByRole('link', { name: 'Mot de passe' })).toHaveAttribute('aria-current', 'page');
    await page.getByLabel('Mot de passe actuel', { exact: true }).fill('pas-le-bon');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('Nouveau-mot-2');
    await page.getByLabel('Confirmation du nouveau mot de passe').fill('Nouveau-mot-2');
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await expect(page.getByLabel('Mot de passe actuel', { exact: true })).toHaveAccessibleDescription('Le mot de passe actuel est incorrect.');
    await expect(page.getByLabel('Mot de passe actuel', { exact: true })).toBeFocused();
  });

  test('« Se déconnecter » in the profile menu ends the session and returns to the login page', async ({ page }) => {
    await signIn(page);
    await page.goto('/candidats');
    await page.getByRole('button', { name: /Menu du profil/ }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await expect(heading(page, 'Connexion')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Vous êtes déconnecté.');
    // The session is over on the server too: a page of the site asks for the login again.
    await page.goto('/');
    await expect(page).toHaveURL(/\/connexion\?retour=%2F$/);
    expect((await page.request.get('/api/v1/me')).status()).toBe(401);
  });
});
