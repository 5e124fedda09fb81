import { expect, type Page } from '@playwright/test';

/** Every page of the site, with what shows once it is ready (its `<h1>`, in French and in English). */
export interface SitePage {
  path: string | ((page: Page) => Promise<string>);
  name: string;
  heading: { fr: string | RegExp; en: string | RegExp };
  /** Shown without a session. */
  public?: boolean;
}

/** The first candidate of the space, for the address of a candidate's file. */
async function firstCandidate(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/candidates?limit=1');
  const body = (await response.json()) as { data: { id: string }[] };
  return `/candidats/${body.data[0]!.id}`;
}

/** The first group of the space, for the address of a group's page. */
async function firstGroup(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/groups?limit=1');
  const body = (await response.json()) as { data: { id: string }[] };
  return `/groupes/${body.data[0]!.id}`;
}

export const SITE_PAGES: readonly SitePage[] = [
  { path: '/connexion', name: 'login', heading: { fr: 'Connexion', en: 'Sign in' }, public: true },
  { path: '/mot-de-passe/reinitialiser', name: 'password reset', heading: { fr: 'Choisir un nouveau mot de passe', en: 'Choose a new password' }, public: true },
  { path: '/', name: 'Accueil', heading: { fr: 'Accueil', en: 'Home' } },
  { path: '/commandes', name: 'Mes commandes', heading: { fr: 'Mes commandes', en: 'My orders' } },
  { path: '/groupes', name: 'Groupes', heading: { fr: /Groupes/, en: /Groups/ } },
  { path: firstGroup, name: 'a group’s page', heading: { fr: /./, en: /./ } },
  { path: '/candidats', name: 'Candidats', heading: { fr: 'Candidats', en: 'Candidates' } },
  { path: '/candidats/nouveau', name: 'Créer un candidat', heading: { fr: /candidat/i, en: /candidate/i } },
  { path: firstCandidate, name: 'a candidate’s file', heading: { fr: /./, en: /./ } },
  { path: '/profil', name: 'Mon profil', heading: { fr: 'Mon profil', en: 'My profile' } },
  { path: '/profil/mot-de-passe', name: 'Changer mon mot de passe', heading: { fr: 'Mon profil', en: 'My profile' } },
  { path: '/integration', name: 'Intégration', heading: { fr: 'Intégration', en: 'Integration' } },
  { path: '/aide', name: 'Aide', heading: { fr: 'Aide', en: 'Help' } },
  { path: '/nulle-part', name: 'an unknown address', heading: { fr: 'Page introuvable', en: 'Page not found' } },
];

/** Opens a page of the site and waits until it has rendered (its heading, and no skeleton or loading state left). */
export async function visit(page: Page, site: SitePage, lang: 'fr' | 'en'): Promise<void> {
  const path = typeof site.path === 'string' ? site.path : await site.path(page);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: site.heading[lang] }).first()).toBeVisible();
  await expect(page.locator('#app')).not.toHaveAttribute('aria-busy', 'true');
  await page.evaluate(() => document.fonts.ready);
}
