import type { Session } from '@clr/sdk';
import { h } from './dom.js';
import { chooseLocale, SITE_LOCALE } from './locale.js';
import type { NavKey } from './pages/page.js';
import { TEXT } from './text.js';

/** The menu of §2, in the manual's order. */
export const MENU: readonly { key: NavKey; label: string; href: string }[] = [
  { key: 'home', label: TEXT.menu.home, href: '/' },
  { key: 'orders', label: TEXT.menu.orders, href: '/commandes' },
  { key: 'groups', label: TEXT.menu.groups, href: '/groupes' },
  { key: 'candidates', label: TEXT.menu.candidates, href: '/candidats' },
];

export function initials(session: Session): string {
  const first = session.admin.firstName.trim().charAt(0);
  const last = session.admin.lastName.trim().charAt(0);
  return `${first}${last}`.toLocaleUpperCase('fr-FR') || session.admin.email.charAt(0).toLocaleUpperCase('fr-FR');
}

function brand(): HTMLElement {
  return h('a', { class: 'brand', href: '/' }, TEXT.siteName, h('small', null, TEXT.siteTagline));
}

/** The top bar without a session: the brand only. */
export function publicBar(): HTMLElement {
  return h('header', { class: 'topbar' }, h('span', { class: 'brand' }, TEXT.siteName, h('small', null, TEXT.siteTagline)));
}

export interface TopBar {
  element: HTMLElement;
  /** Marks the current menu entry (`aria-current="page"`). */
  setCurrent(key: NavKey | undefined): void;
}

/**
 * The top bar of a signed-in administrator: brand, menu (§2), profile menu on
 * the initials (§1.2, §7.1). Under 640 px the menu folds behind a « Menu »
 * button, so the bar stays one line (≤ 64 px).
 */
export function topBar(session: Session, onLogout: () => void): TopBar {
  const links = new Map<NavKey, HTMLAnchorElement>();
  const navId = 'menu-principal';
  const toggle = h('button', { type: 'button', class: 'menu-toggle', 'aria-expanded': 'false', 'aria-controls': navId }, h('span', { class: 'burger', 'aria-hidden': 'true' }), TEXT.menuButton);
  const nav = h(
    'nav',
    { class: 'menu', id: navId, 'aria-label': TEXT.mainMenu },
    h(
      'ul',
      null,
      MENU.map((entry) => {
        const link = h('a', { href: entry.href }, entry.label);
        links.set(entry.key, link);
        return h('li', null, link);
      }),
    ),
  );
  const setOpen = (open: boolean) => {
    nav.toggleAttribute('data-open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(!nav.hasAttribute('data-open')));
  nav.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) setOpen(false);
  });
  nav.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && nav.hasAttribute('data-open')) {
      setOpen(false);
      toggle.focus();
    }
  });
  const element = h('header', { class: 'topbar' }, toggle, brand(), nav, profileMenu(session, onLogout));
  // The live region exists before its first message, so that screen readers announce it.
  toastRegion();
  return {
    element,
    setCurrent(key) {
      for (const [k, link] of links) {
        if (k === key) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
    },
  };
}

/**
 * The initials button and its menu (WAI-ARIA menu button). « Survolez vos
 * initiales » (§1.2): a mouse over the initials opens it, leaving closes it;
 * a click, Enter, Space or ↓ opens on the first item, ↑ on the last;
 * ↑/↓/Home/End move; Escape closes and gives the focus back to the button;
 * Tab or a click elsewhere closes.
 */
function profileMenu(session: Session, onLogout: () => void): HTMLElement {
  const fullName = `${session.admin.firstName} ${session.admin.lastName}`.trim();
  const menuId = 'menu-profil';
  const button = h(
    'button',
    { type: 'button', class: 'initials', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': menuId, 'aria-label': TEXT.profileMenu.button(initials(session), fullName), title: fullName },
    initials(session),
  );
  const other = SITE_LOCALE === 'fr' ? 'en' : 'fr';
  const items: HTMLElement[] = [
    h('a', { role: 'menuitem', href: '/profil', tabindex: '-1' }, TEXT.profileMenu.profile),
    h('a', { role: 'menuitem', href: '/profil/mot-de-passe', tabindex: '-1' }, TEXT.profileMenu.password),
    h('a', { role: 'menuitem', href: '/integration', tabindex: '-1' }, TEXT.profileMenu.integration),
    h('a', { role: 'menuitem', href: '/aide', tabindex: '-1' }, TEXT.profileMenu.help),
    h('button', { type: 'button', role: 'menuitem', tabindex: '-1', lang: other, title: TEXT.profileMenu.otherLanguageLabel, onclick: () => chooseLocale(other) }, TEXT.profileMenu.otherLanguage),
    h('button', { type: 'button', role: 'menuitem', tabindex: '-1', onclick: () => {
      close(false);
      onLogout();
    } }, TEXT.profileMenu.logout),
  ];
  const menu = h(
    'ul',
    { id: menuId, role: 'menu', class: 'profile-menu', 'aria-label': fullName, hidden: true },
    h('li', { role: 'none', class: 'who' }, session.admin.email, session.space ? h('br') : null, session.space ? TEXT.profileMenu.space(session.space.name) : null),
    items.map((item) => h('li', { role: 'none' }, item)),
  );
  const wrapper = h('div', { class: 'profile' }, button, menu);

  const isOpen = () => !menu.hidden;
  /** Opened by the mouse passing over: it closes when the mouse leaves, unless the keyboard took over. */
  let byHover = false;
  const focusItem = (index: number) => items.at((index + items.length) % items.length)?.focus();
  function show() {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', outside, true);
  }
  function open(index: number) {
    byHover = false;
    show();
    focusItem(index);
  }
  function close(restoreFocus: boolean) {
    if (!isOpen()) return;
    byHover = false;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', outside, true);
    if (restoreFocus) button.focus();
  }
  function outside(event: Event) {
    if (!wrapper.contains(event.target as Node)) close(false);
  }

  wrapper.addEventListener('pointerenter', (event) => {
    if (event.pointerType !== 'mouse' || isOpen()) return;
    show();
    byHover = true;
  });
  wrapper.addEventListener('pointerleave', (event) => {
    if (event.pointerType !== 'mouse' || !byHover) return;
    if (!wrapper.contains(document.activeElement) || document.activeElement === button) close(false);
  });
  button.addEventListener('click', () => {
    if (isOpen() && byHover) {
      // The mouse opened it; the click makes it stay, on the first item.
      byHover = false;
      focusItem(0);
      return;
    }
    if (isOpen()) close(true);
    else open(0);
  });
  button.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    open(event.key === 'ArrowDown' ? 0 : items.length - 1);
  });
  menu.addEventListener('keydown', (event) => {
    byHover = false;
    const index = items.indexOf(document.activeElement as HTMLElement);
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusItem(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusItem(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusItem(0);
        break;
      case 'End':
        event.preventDefault();
        focusItem(items.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        close(true);
        break;
      case 'Tab':
        close(false);
        break;
      case ' ':
        // Space activates a link item as Enter does.
        if (document.activeElement instanceof HTMLAnchorElement) {
          event.preventDefault();
          document.activeElement.click();
        }
        break;
    }
  });
  // A link followed from the menu closes it.
  menu.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) close(false);
  });
  return wrapper;
}

/** The one live region of the page: every confirmation is said there, politely. */
export function toastRegion(): HTMLElement {
  let region = document.getElementById('notifications');
  if (!region) {
    region = h('div', { id: 'notifications', class: 'toasts', role: 'region', 'aria-live': 'polite', 'aria-label': TEXT.toasts });
    document.body.append(region);
  }
  return region;
}

const TOAST_MS = 8000;

/**
 * A confirmation as a toast (« Votre profil est enregistré. »), announced by
 * screen readers through the page's one `aria-live="polite"` region; it goes
 * after a few seconds, or with its « × ».
 */
export function toast(message: string, kind: 'success' | 'error' = 'success'): void {
  const region = toastRegion();
  const close = h('button', { type: 'button', class: 'toast-close', 'aria-label': TEXT.closeToast }, '×');
  const item = h('div', { class: `toast ${kind}` }, h('span', null, message), close);
  const remove = () => item.remove();
  close.addEventListener('click', remove);
  region.append(item);
  setTimeout(remove, TOAST_MS);
}
