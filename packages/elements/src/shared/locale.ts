import type { Locale } from '@clr/domain';

/** The supported locales; anything else falls back to French, the manual's language. */
export function toLocale(lang: string | null | undefined): Locale {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/**
 * The nearest `lang` attribute above `node`, crossing shadow roots: the host
 * portal owns the page's language.
 */
export function nearestLang(node: Node): { lang: string; holder: Element } | undefined {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) {
      return { lang: current.getAttribute('lang') ?? '', holder: current };
    }
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return undefined;
}
