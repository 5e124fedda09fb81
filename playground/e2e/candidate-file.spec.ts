import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page, type Response } from '@playwright/test';
import { expectAccessible } from './support/axe.js';
import { heading, signIn } from './support/site.js';

/** The text of a PDF, read by poppler's pdftotext; fails unless the bytes are a PDF. */
function pdfText(bytes: Buffer): string {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const file = join(mkdtempSync(join(tmpdir(), 'clr-pdf-')), 'document.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** A field's label, with or without the « * » of a required field. */
const fieldLabel = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

/** Every candidate these tests create has an address at this domain, and is deleted after the test. */
const DOMAIN = 'dossier.exemple.test';
const uniqueEmail = (name: string) => `${name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@${DOMAIN}`;

/** The other specs count the demo's 19 candidates: those created here go. */
async function deleteCreated(page: Page): Promise<void> {
  const response = await page.request.get(`/api/v1/candidates?q=${encodeURIComponent(DOMAIN)}&limit=200`);
  const { data } = (await response.json()) as { data: { id: string; email: string }[] };
  for (const row of data.filter((r) => r.email.endsWith(`@${DOMAIN}`))) {
    expect((await page.request.delete(`/api/v1/candidates/${row.id}`)).status()).toBe(204);
  }
}

/** The form's controls, by their French labels. */
function form(page: Page) {
  const main = page.getByRole('main');
  return {
    next: main.getByRole('button', { name: 'Étape suivante' }),
    field: (label: string) => main.getByLabel(fieldLabel(label)),
    pageTitle: main.locator('h2.page-title'),
  };
}

async function fillIdentity(page: Page, email: string, lastName = 'Durand'): Promise<void> {
  const f = form(page);
  await f.field('Civilité').selectOption({ label: 'Madame' });
  await f.field('Nom').fill(lastName);
  await f.field('Prénom').fill('Léa');
  await f.field('Courriel').fill(email);
  await f.field('Date de naissance').fill('07/06/1990');
  await f.field('Code postal du lieu de naissance').fill('38000');
  await f.field('Commune de naissance').fill('Grenoble');
  await f.field('Pays de naissance').fill('France');
}

async function fillPassword(page: Page): Promise<void> {
  const f = form(page);
  await f.field('Mot de passe').fill('Secret-123');
  await f.field('Confirmation du mot de passe').fill('Secret-123');
}

async function fillInformation(page: Page): Promise<void> {
  const f = form(page);
  await f.field('Statut du candidat').selectOption({ label: 'Salarié' });
  await f.field('Mode de financement de l’examen').selectOption({ label: 'Compte personnel de formation (CPF)' });
}

/** The message shown beside a field: the element its aria-describedby names as the error. */
async function messageBeside(field: Locator): Promise<string> {
  return field.evaluate((control) => {
    const root = control.getRootNode() as ShadowRoot;
    const ids = (control.getAttribute('aria-describedby') ?? '').split(' ');
    return ids.map((id) => root.getElementById(id)).find((n) => n?.getAttribute('part') === 'field-error')?.textContent?.trim() ?? '';
  });
}

/** Everything the SDK's draft store holds (IndexedDB `clr-admin`, opened by the site), as JSON. */
function storedDrafts(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('clr-admin');
        request.onerror = () => resolve('');
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('drafts')) return resolve((db.close(), ''));
          const all = db.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => resolve((db.close(), JSON.stringify(all.result)));
        };
      }),
  );
}

/** The form's draft is saved with all these words. */
async function draftHolds(page: Page, ...words: string[]): Promise<void> {
  await expect.poll(async () => {
    const stored = await storedDrafts(page);
    return words.filter((word) => !stored.includes(word));
  }).toEqual([]);
}

async function candidateId(page: Page, q: string): Promise<string> {
  const response = await page.request.get(`/api/v1/candidates?q=${encodeURIComponent(q)}`);
  const body = (await response.json()) as { data: { id: string }[] };
  expect(body.data.length).toBeGreaterThan(0);
  return body.data[0]!.id;
}

/** Clicks `link` and returns the document the API answered, with the tab that opened for it. */
async function openDocument(page: Page, link: Locator): Promise<{ response: Response; tab: Page }> {
  const [response, tab] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/v1/documents/') && r.request().method() === 'GET'),
    page.context().waitForEvent('page'),
    link.click(),
  ]);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  return { response, tab };
}

// axe is injected as a script tag, which the site's Content-Security-Policy refuses otherwise.
test.use({ bypassCSP: true });

test.describe('§6.3 Créer un candidat et compléter son dossier', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });
  test.afterEach(async ({ page }) => {
    await deleteCreated(page);
  });

  test('Accueil’s « Créer un candidat » leads to the form; the five pages create the candidate, a reload mid-way finds the draft', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Créer un candidat' }).click();
    await expect(page).toHaveURL(/\/candidats\/nouveau$/);
    await expect(heading(page, 'Créer un candidat')).toBeVisible();
    const steps = page.getByRole('navigation', { name: 'Étapes du formulaire' }).getByRole('listitem');
    await expect(steps).toHaveText([/Identité\s+\(Obligatoire\)/, /Mot de passe\s+\(Obligatoire\)/, /Informations\s+\(Obligatoire\)/, /Coordonnées\s+\(Facultatif\)/, /Divers\s+\(Facultatif\)/]);
    await expectAccessible(page);

    const f = form(page);
    const email = uniqueEmail('lea.durand');
    await fillIdentity(page, email);
    await f.next.click();
    await expect(f.pageTitle).toContainText('Mot de passe');
    await draftHolds(page, email, '"step":1');

    // A reload: the draft comes back, on the password page, without the password.
    await page.reload();
    await expect(page.getByText(/Le brouillon enregistré le .* a été repris\./)).toBeVisible();
    await expect(f.pageTitle).toContainText('Mot de passe');
    await expect(f.field('Mot de passe')).toHaveValue('');
    await fillPassword(page);
    await page.getByLabel('Envoyer au candidat un courriel avec son mot de passe').check();
    await page.getByLabel('Ajouter à ce courriel un lien d’accusé de réception').check();
    // The password is never kept in the browser's storage.
    await draftHolds(page, '"sendToCandidate":true');
    expect(await storedDrafts(page)).not.toContain('Secret-123');
    await f.next.click();
    await expect(f.pageTitle).toContainText('Informations');
    await fillInformation(page);
    await f.next.click();

    await expect(page.getByRole('heading', { name: 'Le candidat est créé' })).toBeVisible();
    await expect(page.getByText('Le compte de DURAND Léa et son dossier sont créés.').first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(f.pageTitle).toContainText('Coordonnées');
    await f.field('Téléphone (mobile de préférence)').fill('06 12 34 56 78');
    await f.field('Commune').fill('Grenoble');
    await f.next.click();
    await expect(f.pageTitle).toContainText('Divers');
    await f.field('Niveau d’études').selectOption({ label: 'Bac + 5' });
    await page.getByRole('main').getByRole('button', { name: 'Enregistrer' }).click();

    // Saved: the site shows the new candidate's file, with what was typed.
    await expect(heading(page, 'Dossier du candidat')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'DURAND Léa' })).toBeVisible();
    await expect(page.getByText(email).first()).toBeVisible();
    await expect(page.getByRole('img', { name: /pas encore cliqué sur le lien d’accusé de réception/ })).toBeVisible();
    await page.getByRole('tab', { name: /Coordonnées/ }).click();
    await expect(page.getByRole('tabpanel')).toContainText('06 12 34 56 78');

    // The draft was cleared once the candidate was created: the form starts empty.
    await page.goto('/candidats/nouveau');
    await expect(form(page).field('Nom')).toHaveValue('');
    await expect(page.getByText(/Le brouillon enregistré/)).toHaveCount(0);
  });

  test('every invalid field is refused beside it, in French, and nothing is created', async ({ page }) => {
    const before = ((await (await page.request.get('/api/v1/candidates?limit=1')).json()) as { total: number }).total;
    await page.goto('/candidats/nouveau');
    const f = form(page);
    await f.next.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Il y a un problème' })).toBeVisible();
    expect(await messageBeside(f.field('Nom'))).toBe('Le nom est obligatoire.');
    expect(await messageBeside(f.field('Courriel'))).toBe('Le courriel est obligatoire.');
    expect(await messageBeside(f.field('Civilité'))).toBe('La civilité est obligatoire.');
    await expectAccessible(page);

    await fillIdentity(page, 'pas-un-courriel');
    await f.field('Date de naissance').fill('01/01/2999');
    await f.next.click();
    expect(await messageBeside(f.field('Courriel'))).toBe("Le courriel n'est pas valide.");
    expect(await messageBeside(f.field('Date de naissance'))).toBe('La date de naissance doit être dans le passé.');

    await f.field('Courriel').fill(uniqueEmail('lea.invalide'));
    await f.field('Date de naissance').fill('07/06/1990');
    await f.next.click();
    await f.field('Mot de passe').fill('abc');
    await f.field('Confirmation du mot de passe').fill('abd');
    await f.next.click();
    expect(await messageBeside(f.field('Mot de passe'))).toBe('Le mot de passe doit contenir au moins 6 caractères.');
    await f.field('Mot de passe').fill('Secret-123');
    await f.field('Confirmation du mot de passe').fill('Secret-124');
    await f.next.click();
    expect(await messageBeside(f.field('Confirmation du mot de passe'))).toBe('Les mots de passe ne correspondent pas.');

    await f.field('Confirmation du mot de passe').fill('Secret-123');
    await f.next.click();
    await f.next.click();
    expect(await messageBeside(f.field('Statut du candidat'))).toBe('Le statut du candidat est obligatoire.');
    expect(await messageBeside(f.field('Mode de financement de l’examen'))).toBe('Le mode de financement est obligatoire.');
    const after = ((await (await page.request.get('/api/v1/candidates?limit=1')).json()) as { total: number }).total;
    expect(after).toBe(before);
  });

  test('the server’s 409 for an e-mail already used is shown on the e-mail field; a lost connection keeps what was typed', async ({ page }) => {
    await page.goto('/candidats/nouveau');
    const f = form(page);
    await fillIdentity(page, 'elodie.lefevre@exemple.fr');
    await f.next.click();
    await fillPassword(page);
    await f.next.click();
    await fillInformation(page);
    await f.next.click();
    await expect(f.pageTitle).toContainText('Identité');
    await expect.poll(() => messageBeside(f.field('Courriel'))).toBe('Ce courriel est déjà utilisé par un autre candidat.');

    // The network goes: the form says so, keeps every field, and « Réessayer » sends again once it is back.
    await page.route('**/api/v1/candidates', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await f.field('Courriel').fill(uniqueEmail('lea.reseau'));
    await f.next.click();
    await fillPassword(page);
    await f.next.click();
    await f.next.click();
    const alert = page.getByRole('alert').filter({ hasText: 'Le serveur ne répond pas' });
    await expect(alert).toContainText('Ce que vous avez saisi est conservé.');
    await expect(f.field('Statut du candidat')).toHaveValue('employee');
    await page.unroute('**/api/v1/candidates');
    await alert.getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.getByRole('heading', { name: 'Le candidat est créé' })).toBeVisible();
    await page.getByRole('button', { name: 'Retourner au tableau' }).click();
    await expect(heading(page, 'Candidats')).toBeVisible();
  });
});

test.describe('§6.4 Modifier le dossier d’un candidat, §6.8 Supprimer, §6.9–6.12 résultats et documents', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });
  test.afterEach(async ({ page }) => {
    await deleteCreated(page);
  });

  test('the table’s name opens the file; « Modifier » → « Enregistrer » saves; « Supprimer » asks first', async ({ page }) => {
    const email = uniqueEmail('hugo.petit');
    const created = await page.request.post('/api/v1/candidates', {
      data: {
        identity: { civility: 'm', lastName: 'Petit', firstName: 'Hugo', email, birthDate: '1991-04-02', birthPostcode: '69001', birthTown: 'Lyon', birthCountry: 'France' },
        password: { value: 'Secret-123', confirmation: 'Secret-123', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false },
        information: { status: 'student', funding: 'cpf' },
      },
    });
    expect(created.status()).toBe(201);
    await page.goto('/candidats');
    const grid = page.getByRole('grid', { name: 'Tableau des candidats' });
    await page.getByRole('searchbox', { name: 'Rechercher un nom, un courriel' }).fill(email);
    await grid.getByRole('button', { name: 'PETIT Hugo', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'PETIT Hugo' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Modifier' }).click();
    await page.getByLabel(fieldLabel('Nom')).fill('Petit-Durand');
    await page.getByLabel(fieldLabel('Date de naissance')).fill('02/05/1991');
    await page.getByRole('tab', { name: /Coordonnées/ }).click();
    await page.getByLabel(fieldLabel('Commune')).fill('Villeurbanne');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'PETIT-DURAND Hugo' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'PETIT-DURAND Hugo' })).toBeVisible();
    await expect(page.getByRole('tabpanel')).toContainText('02/05/1991');
    await page.getByRole('tab', { name: /Coordonnées/ }).click();
    await expect(page.getByRole('tabpanel')).toContainText('Villeurbanne');

    await page.getByRole('button', { name: 'Supprimer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Supprimer le candidat' });
    await expect(dialog).toContainText('Supprimer le candidat « PETIT-DURAND Hugo » ?');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Supprimer' }).click();
    await dialog.getByRole('button', { name: 'Supprimer' }).click();
    await expect(page.getByText('Le candidat « PETIT-DURAND Hugo » a été supprimé.')).toBeVisible();
    await page.getByRole('button', { name: /Retour au tableau des candidats/ }).click();
    await expect(heading(page, 'Candidats')).toBeVisible();
    expect((await page.request.get(`/api/v1/candidates/${(await created.json()).id}`)).status()).toBe(404);
  });

  test('a candidate who took an exam: the file is locked and says why, « Supprimer » says why not; the result card opens each PDF with the candidate’s name', async ({ page }) => {
    const id = await candidateId(page, 'elodie.lefevre@exemple.fr');
    await page.goto(`/candidats/${id}`);
    await expect(page.getByRole('heading', { level: 2, name: 'LEFÈVRE Élodie' })).toBeVisible();
    const edit = page.getByRole('button', { name: 'Modifier' });
    await expect(edit).toHaveAttribute('aria-disabled', 'true');
    await expect(edit).toHaveAccessibleDescription('Ce candidat a déjà passé un examen : son dossier ne peut plus être modifié.');
    await expect(page.getByRole('button', { name: 'Supprimer' })).toHaveAccessibleDescription(/Ce candidat a déjà passé un examen : il ne peut pas être supprimé/);
    await expect(page.getByRole('img', { name: /Le candidat a accusé réception/ })).toBeVisible();

    await expect(page.getByText('Examen officiel - en centre La Poste', { exact: true })).toBeVisible();
    await expect(page.getByText(/Score obtenu :\s*942\/1000/)).toBeVisible();
    await expect(page.getByText(/Valide jusqu’au :/)).toBeVisible();
    await expect(page.getByText(/Code public :/)).toBeVisible();
    await expectAccessible(page);

    for (const [name, title] of [
      ['Accéder au bilan détaillé', /bilan/i],
      ['Accéder à l’attestation d’inscription', /inscription/i],
      ['Accéder à l’attestation de passage', /passage/i],
    ] as const) {
      const { response, tab } = await openDocument(page, page.getByRole('button', { name: new RegExp(name) }));
      const text = pdfText(await response.body());
      expect(text).toContain('LEFÈVRE');
      expect(text).toContain('Élodie');
      expect(text).toMatch(title);
      await expect.poll(() => tab.url()).toMatch(/^blob:/);
      await tab.close();
    }
  });

  test('« Générer des documents » merges two candidates’ detailed reports into one PDF', async ({ page }) => {
    await page.goto('/candidats');
    const opener = page.getByRole('button', { name: 'Générer des documents' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: /Générer les documents/ });
    await expect(dialog.getByText('Sélectionner le type de document à générer :')).toBeVisible();
    await dialog.getByLabel('Bilan détaillé').check();
    await dialog.getByRole('button', { name: 'Sélectionner' }).click();
    await dialog.getByRole('checkbox', { name: 'Sélectionner LEFÈVRE Élodie' }).check();
    await dialog.getByRole('checkbox', { name: 'Sélectionner DUPONT-MOREAU Jean-Baptiste' }).check();
    await expect(dialog.getByRole('status').filter({ hasText: '2 candidats sélectionnés' })).toBeVisible();
    await expectAccessible(page);

    const { response, tab } = await openDocument(page, dialog.getByRole('button', { name: 'Générer' }));
    const text = pdfText(await response.body());
    expect(text).toContain('LEFÈVRE');
    expect(text).toContain('DUPONT-MOREAU');
    expect(new URL(response.url()).searchParams.getAll('candidateIds').join(',').split(',')).toHaveLength(2);
    await tab.close();
    await expect(dialog.getByText('Le document est ouvert dans un nouvel onglet.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });
});
