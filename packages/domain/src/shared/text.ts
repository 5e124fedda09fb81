/**
 * The search key of a name or an e-mail: lower case, accents and ligatures
 * folded, spaces collapsed (« Lefèvre  Œnone » → `lefevre oenone`). Searches
 * compare keys (« Rechercher un nom, un courriel », §5.1, §6.1), and the
 * server stores them beside the names so that the database can search and
 * sort.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Digits a number is padded to in a sort key: « Groupe 2 » before « Groupe 10 ». */
const NUMBER_WIDTH = 12;

/**
 * The sort key of a name in French order: its {@link searchKey} with every
 * number padded with zeros, so that comparing keys code unit by code unit
 * (as a database compares bytes) puts « eau » before « Éco » before « Ecole »
 * and « Groupe 2 » before « Groupe 10 ».
 */
export function nameSortKey(name: string): string {
  return searchKey(name).replace(/\d+/g, (digits) => digits.padStart(NUMBER_WIDTH, '0'));
}

/** Compares two sort keys as SQLite and PostgreSQL (`COLLATE "C"`) do: by code point. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A candidate as every list, window and file of the admin site names them:
 * the last name in capitals, then the first name (« PERRIN Zoé »), as the
 * manual's screens show them.
 */
export function candidateName(candidate: { lastName: string; firstName: string }): string {
  return `${candidate.lastName.toLocaleUpperCase('fr-FR')} ${candidate.firstName}`;
}
