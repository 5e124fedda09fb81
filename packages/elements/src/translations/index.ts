import type { Locale } from '@clr/domain';
import { en } from './en.js';
import { fr, type Catalogue } from './fr.js';

export type { Catalogue };
export const CATALOGUES: Record<Locale, Catalogue> = { fr, en };

/** Replaces `{name}` placeholders: `format('{n} candidats', { n: 3 })`. */
export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
