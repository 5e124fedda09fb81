import { UnauthenticatedError, type ClrClient, type Session } from '@clr/sdk';
import { h } from './dom.js';
import { messageOf } from './forms.js';
import type { PageContext, SiteRoute } from './pages/page.js';
import { notFoundPage } from './pages/not-found.js';
import { Router, safeReturn, type Match } from './router.js';
import { publicBar, topBar, type TopBar } from './shell.js';
import { TEXT } from './text.js';

/**
 * The site: one SDK client, the session, the router, and the layout around
 * the page being shown (top bar, `<main id="contenu">`, footer). Pages that
 * need a session send to the login page (and come back after it); a session
 * that ends while a page loads does the same.
 */
export class App {
  readonly #root: HTMLElement;
  readonly #client: ClrClient;
  readonly #router: Router<SiteRoute>;
  readonly #main: HTMLElement;
  #session: Session | null = null;
  #bar: { key: string; element: HTMLElement; topBar?: TopBar } | undefined;
  #visit: AbortController | undefined;
  #firstPage = true;
  #sessionChecked = false;
  readonly #routes: readonly SiteRoute[];

  constructor(root: HTMLElement, client: ClrClient, routes: readonly SiteRoute[]) {
    this.#root = root;
    this.#client = client;
    this.#routes = routes;
    this.#router = new Router(routes, (match, url) => void this.#show(match, url));
    this.#main = h('main', { id: 'contenu', tabindex: '-1' });
  }

  /**
   * Finds out whether a session is open, then shows the current address. On a
   * public page (login, password reset) the question waits until a page needs
   * the answer: asked there, a signed-out visitor's `401` would be logged by
   * the browser as an error on the very page meant for signed-out visitors.
   */
  async start(): Promise<void> {
    this.#root.replaceChildren(this.#main);
    this.#main.append(h('p', { class: 'loading' }, TEXT.loading));
    if (this.#routes.some((route) => route.public && route.path === location.pathname)) {
      this.#router.start();
      return;
    }
    if (await this.#checkSession()) this.#router.start();
  }

  /** Asks the server for the session once; false when the answer was an error other than « not signed in » (shown with « Réessayer »). */
  async #checkSession(): Promise<boolean> {
    this.#sessionChecked = true;
    try {
      this.#session = await this.#client.me.retrieve();
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) {
        this.#main.replaceChildren(
          h('h1', { tabindex: '-1' }, TEXT.siteName),
          h('p', { class: 'error', role: 'alert' }, messageOf(error)),
          h('button', { type: 'button', onclick: () => void this.start() }, TEXT.retry),
        );
        this.#root.removeAttribute('aria-busy');
        return false;
      }
    }
    return true;
  }

  navigate(path: string, options?: { replace?: boolean }): void {
    this.#router.navigate(path, options);
  }

  #setSession(session: Session | null): void {
    this.#session = session;
    this.#bar = undefined;
  }

  async #logout(): Promise<void> {
    try {
      await this.#client.auth.logout();
    } catch {
      // The session may already be over: the person is signed out either way.
    }
    this.#setSession(null);
    this.navigate('/connexion?deconnecte=1');
  }

  async #show(match: Match<SiteRoute> | null, url: URL): Promise<void> {
    this.#visit?.abort();
    const visit = new AbortController();
    this.#visit = visit;
    const route = match?.route;
    const here = url.pathname + url.search + url.hash;

    if (route && !route.public && !this.#session && !this.#sessionChecked) {
      // Started on a public page: whether a session is open is asked now.
      if (!(await this.#checkSession()) || visit.signal.aborted) return;
    }
    if (route && !route.public && !this.#session) {
      this.navigate(`/connexion?retour=${encodeURIComponent(here)}`, { replace: true });
      return;
    }
    if (route?.path === '/connexion' && this.#session) {
      this.navigate(safeReturn(url.searchParams.get('retour')), { replace: true });
      return;
    }

    this.#layout(route);
    const title = route?.title ?? TEXT.notFound.title;
    document.title = `${title} — ${TEXT.titleSuffix}`;
    const context: PageContext = {
      client: this.#client,
      session: this.#session,
      params: match?.params ?? {},
      url,
      signal: visit.signal,
      navigate: (path, options) => this.navigate(path, options),
      setSession: (session) => {
        this.#setSession(session);
        if (session) this.#layout(route);
      },
    };

    this.#root.setAttribute('aria-busy', 'true');
    this.#main.replaceChildren(pageSkeleton());
    let content: Node;
    try {
      content = await (route ? route.render(context) : notFoundPage());
    } catch (error) {
      if (visit.signal.aborted) return;
      if (error instanceof UnauthenticatedError) {
        this.#setSession(null);
        this.navigate(`/connexion?retour=${encodeURIComponent(here)}`, { replace: true });
        return;
      }
      content = h(
        'div',
        null,
        h('h1', { tabindex: '-1' }, title),
        h('p', { class: 'error', role: 'alert' }, messageOf(error)),
        h('button', { type: 'button', onclick: () => this.navigate(here, { replace: true }) }, TEXT.retry),
      );
    }
    if (visit.signal.aborted) return;
    this.#main.replaceChildren(content);
    this.#root.removeAttribute('aria-busy');
    // After a navigation the focus goes to the new page's heading, so a screen reader announces it.
    if (!this.#firstPage && !url.hash) this.#main.querySelector<HTMLElement>('h1')?.focus();
    this.#firstPage = false;
  }

  /** The top bar for this page (a signed-in one, or the brand alone), kept between pages of the same session. */
  #layout(route: SiteRoute | undefined): void {
    const session = route?.public ? null : this.#session;
    const key = session ? `admin:${session.admin.id}:${session.admin.firstName}:${session.admin.lastName}:${session.admin.email}` : 'public';
    if (this.#bar?.key !== key) {
      const bar = session ? topBar(session, () => void this.#logout()) : undefined;
      this.#bar = { key, element: bar?.element ?? publicBar(), ...(bar ? { topBar: bar } : {}) };
      this.#root.replaceChildren(this.#bar.element, this.#main, footer());
    }
    this.#bar.topBar?.setCurrent(route?.nav);
  }
}

/** While a page loads: grey blocks where its heading and content will be (the layout does not jump), and the words for screen readers. */
function pageSkeleton(): HTMLElement {
  return h(
    'div',
    { class: 'page-skeleton' },
    h('span', { class: 'skeleton title', 'aria-hidden': 'true' }),
    h('span', { class: 'skeleton block', 'aria-hidden': 'true' }),
    h('span', { class: 'skeleton line', 'aria-hidden': 'true' }),
    h('span', { class: 'skeleton line', 'aria-hidden': 'true', style: 'width: 60%' }),
    h('p', { class: 'visually-hidden' }, TEXT.loading),
  );
}

function footer(): HTMLElement {
  return h('footer', { class: 'site-footer' }, `${TEXT.siteName} — ${TEXT.siteTagline}`);
}
