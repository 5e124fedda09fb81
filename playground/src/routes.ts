import type { SiteRoute } from './pages/page.js';
import { TEXT } from './text.js';

/**
 * Every page of the site. Pages load lazily, so the login page does not wait
 * for the candidates table. The order matters: `/candidats/nouveau` before
 * `/candidats/:id`.
 */
export const ROUTES: readonly SiteRoute[] = [
  { path: '/connexion', title: TEXT.login.title, public: true, render: async (c) => (await import('./pages/login.js')).loginPage(c) },
  {
    path: '/mot-de-passe/reinitialiser',
    title: TEXT.reset.title,
    public: true,
    render: async (c) => (await import('./pages/reset.js')).resetPasswordPage(c),
  },
  { path: '/', title: TEXT.home.title, nav: 'home', render: async (c) => (await import('./pages/home.js')).homePage(c) },
  { path: '/commandes', title: TEXT.menu.orders, nav: 'orders', render: async (c) => (await import('./pages/orders.js')).ordersPage(c) },
  { path: '/groupes', title: TEXT.menu.groups, nav: 'groups', render: async (c) => (await import('./pages/groups.js')).groupsPage(c) },
  { path: '/groupes/:id', title: TEXT.menu.groups, nav: 'groups', render: async (c) => (await import('./pages/group.js')).groupPage(c) },
  { path: '/candidats', title: TEXT.menu.candidates, nav: 'candidates', render: async (c) => (await import('./pages/candidates.js')).candidatesPage(c) },
  {
    path: '/candidats/nouveau',
    title: TEXT.home.createCandidate,
    nav: 'candidates',
    render: async (c) => (await import('./pages/candidate-new.js')).candidateNewPage(c),
  },
  {
    path: '/candidats/:id',
    title: TEXT.candidateFile.title,
    nav: 'candidates',
    render: async (c) => (await import('./pages/candidate-file.js')).candidateFilePage(c),
  },
  { path: '/aide', title: TEXT.help.title, render: async () => (await import('./pages/help.js')).helpPage() },
  { path: '/integration', title: TEXT.integration.title, render: async (c) => (await import('./pages/integration.js')).integrationPage(c) },
  { path: '/profil', title: TEXT.profile.title, render: async (c) => (await import('./pages/profile.js')).profilePage(c, 'profile') },
  {
    path: '/profil/mot-de-passe',
    title: TEXT.profile.changePassword,
    render: async (c) => (await import('./pages/profile.js')).profilePage(c, 'password'),
  },
];
