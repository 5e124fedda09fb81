/**
 * The site's router: history API, one table of routes (`/candidats/:id`),
 * same-origin links followed without a reload. The server answers the site's
 * `index.html` for every path it does not own, so deep links work.
 */
export interface Match<R> {
  route: R;
  params: Record<string, string>;
  url: URL;
}

export interface RouteDef {
  /** `/`, `/candidats`, `/candidats/:id`. */
  path: string;
}

/** Paths the server owns: a link to them leaves the site. */
const SERVER_PATHS = /^\/(api|paiement|verify|ack|accuse-reception|demo|embed)(\/|$)/;

export class Router<R extends RouteDef> {
  readonly #routes: { route: R; pattern: RegExp; names: string[] }[];
  readonly #onChange: (match: Match<R> | null, url: URL) => void;

  constructor(routes: readonly R[], onChange: (match: Match<R> | null, url: URL) => void) {
    this.#routes = routes.map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((part) => {
          if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(part.slice(1));
          return '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}/?$`), names };
    });
    this.#onChange = onChange;
  }

  /** Starts listening to the back/forward buttons and to clicks on links, and renders the current address. */
  start(): void {
    window.addEventListener('popstate', () => this.#render());
    document.addEventListener('click', (event) => this.#follow(event));
    this.#render();
  }

  match(url: URL): Match<R> | null {
    for (const { route, pattern, names } of this.#routes) {
      const found = pattern.exec(url.pathname);
      if (!found) continue;
      const params: Record<string, string> = {};
      names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? '')));
      return { route, params, url };
    }
    return null;
  }

  /** Goes to `path` (`/candidats?codes=1`); `replace` rewrites the current history entry instead. */
  navigate(path: string, options: { replace?: boolean } = {}): void {
    const url = new URL(path, location.origin);
    if (url.href === location.href && !options.replace) return this.#render();
    if (options.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.#render();
  }

  #render(): void {
    const url = new URL(location.href);
    this.#onChange(this.match(url), url);
  }

  #follow(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor || !anchor.href || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || SERVER_PATHS.test(url.pathname)) return;
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    this.navigate(url.pathname + url.search + url.hash);
  }
}

function hasControlOrBackslash(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

/** A placeholder origin: a return path is resolved against it and must stay on it. */
const OWN = 'http://site.invalid';

/**
 * Only a path of this site, never another origin (`//evil.example`). URL
 * parsing drops tabs and newlines and reads `\` as `/`, so `/%09/evil.example`
 * would become `//evil.example`: any control character or backslash is
 * refused (a space is kept: the URL encodes it), and what is left must resolve
 * to this site.
 */
export function safeReturn(value: string | null): string {
  if (!value || !value.startsWith('/') || hasControlOrBackslash(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, OWN);
  } catch {
    return '/';
  }
  if (url.origin !== OWN || url.pathname.startsWith('//')) return '/';
  return url.pathname + url.search + url.hash;
}
