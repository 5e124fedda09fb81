import type { ClrClient, Session } from '@clr/sdk';
import type { RouteDef } from '../router.js';

/** The menu entries of §2 (the top bar). */
export type NavKey = 'home' | 'orders' | 'groups' | 'candidates';

/** What a page is given when the router shows it. */
export interface PageContext {
  client: ClrClient;
  /** The signed-in administrator; `null` only on the public pages (login, password reset). */
  session: Session | null;
  /** The `:name` parts of the route's path. */
  params: Record<string, string>;
  url: URL;
  /** Aborted when the person leaves the page: pass it to every SDK call. */
  signal: AbortSignal;
  navigate(path: string, options?: { replace?: boolean }): void;
  /** After a sign-in or a profile change. */
  setSession(session: Session | null): void;
}

export interface SiteRoute extends RouteDef {
  /** The page's `<title>` and `<h1>`. */
  title: string;
  /** Which menu entry is current on this page. */
  nav?: NavKey;
  /** Shown without a session (login, password reset). */
  public?: boolean;
  render(context: PageContext): Node | Promise<Node>;
}
