/**
 * What every mock state starts from — the platform as the server's seed
 * (`server/src/seed/catalogue.ts`, `seed/demo.ts`) creates it before any
 * order or candidate: the exam-type catalogue, the La Poste centre sessions to
 * come, the « Démo » and « Autre » spaces with their administrators and
 * products, the operator and the integration key. That is the `'empty'`
 * state; the `'demo'` state adds the orders, candidates and groups.
 */
import { addDays, parisDay, parisWallClock } from '@clr/domain';
import { StateBuilder } from './builder.js';
import type { AdminRecord, MockState, ProductRecord, SpaceRecord } from './types.js';

/** The demo logins (issue 3; the server's defaults): plain passwords, compared in memory. */
export const DEMO_LOGINS = {
  demo: { email: 'admin@demo.test', password: 'Demo-admin-1' },
  autre: { email: 'admin@autre.test', password: 'Autre-admin-1' },
  operator: { email: 'operator@clr.test', password: 'Operator-1' },
} as const;

/**
 * Bearer keys of the mock states: the exam platform's integration key (the
 * server's), and one API key per demo space (the mocks' own: the server's
 * seed creates none).
 */
export const DEMO_KEYS = {
  integration: 'clr_int_demo',
  demo: 'clr_key_demo',
  autre: 'clr_key_autre',
} as const;

/** The password of every demo candidate on the exam platform (`POST /integration/candidates/login`). */
export const DEMO_CANDIDATE_PASSWORD = 'Candidat-2026';

export const DAY_MS = 86_400_000;

interface ProductSpec {
  name: string;
  reference: string;
  examType: string;
  unitPriceHt: number;
}

/** §4.3's products, one per exam type the partner may order (the server's `DEMO_PRODUCTS`). */
const DEMO_PRODUCTS: ProductSpec[] = [
  { name: 'Partenaire - examen blanc', reference: 'PART-BLANC-EXAMEN', examType: 'blank-remote', unitPriceHt: 1200 },
  { name: 'Partenaire - examen blanc - sur site', reference: 'PART-BLANC-SITE', examType: 'blank-onsite', unitPriceHt: 1200 },
  { name: 'Partenaire - examen blanc - validation manuelle', reference: 'PART-BLANC-MANUEL', examType: 'blank-manual', unitPriceHt: 1500 },
  { name: 'Partenaire - examen démo', reference: 'PART-DEMO-EXAMEN', examType: 'demo-remote', unitPriceHt: 0 },
  { name: 'Partenaire - examen démo - sur site', reference: 'PART-DEMO-SITE', examType: 'demo-onsite', unitPriceHt: 0 },
  { name: 'Partenaire - examen démo - validation manuelle', reference: 'PART-DEMO-MANUEL', examType: 'demo-manual', unitPriceHt: 0 },
  { name: 'Partenaire - examen officiel - en centre La Poste', reference: 'PART-LAPOSTE-EXAMEN', examType: 'official-laposte', unitPriceHt: 7100 },
  { name: 'Partenaire - examen officiel - en centre agréé', reference: 'PART-CLR-EXAMEN', examType: 'official-approved', unitPriceHt: 7100 },
  { name: 'Partenaire - examen officiel - sur site', reference: 'PART-SITE-EXAMEN', examType: 'official-onsite', unitPriceHt: 6500 },
];

const OTHER_PRODUCTS: ProductSpec[] = [
  { name: 'Partenaire - examen blanc', reference: 'PART-BLANC-EXAMEN', examType: 'blank-remote', unitPriceHt: 1000 },
  { name: 'Partenaire - examen officiel - en centre agréé', reference: 'PART-CLR-EXAMEN', examType: 'official-approved', unitPriceHt: 6900 },
];

/** La Poste centres of the demo (§6.5: « Ville : GRENOBLE (38000) – Centre La Poste - Grenoble - 11, boulevard Maréchal L… »). */
export const LA_POSTE_CENTRES = [
  { city: 'GRENOBLE', postcode: '38000', centreName: 'Centre La Poste - Grenoble', address: '11, boulevard Maréchal Lyautey, 38000 Grenoble' },
  { city: 'LYON', postcode: '69002', centreName: 'Centre La Poste - Lyon Bellecour', address: '10, place Antonin Poncet, 69002 Lyon' },
  { city: 'PARIS', postcode: '75001', centreName: 'Centre La Poste - Paris Louvre', address: '52, rue du Louvre, 75001 Paris' },
] as const;

export interface SpaceSetup {
  space: SpaceRecord;
  admin: AdminRecord;
  /** By reference (`PART-BLANC-EXAMEN`). */
  products: Map<string, ProductRecord>;
}

export interface BaseSetup {
  builder: StateBuilder;
  demo: SpaceSetup;
  autre: SpaceSetup;
}

function space(
  b: StateBuilder,
  input: { name: string; createdAt: string; embedOrigins: string[] },
  admin: { email: string; password: string; lastName: string; firstName: string },
  products: ProductSpec[],
): SpaceSetup {
  const record = b.space({ ...input, vatRateBp: 2000 });
  return {
    space: record,
    admin: b.admin({ spaceId: record.id, role: 'admin', createdAt: record.createdAt, ...admin }),
    products: new Map(products.map((p) => [p.reference, b.product({ spaceId: record.id, ...p })])),
  };
}

/**
 * The platform before any order: catalogue, La Poste sessions to come (for
 * each centre, four dates over the coming weeks, 09:00 or 14:00 Paris time,
 * 6 to 12 seats, as the server's `futureSessions`), the two spaces, the
 * operator and the keys.
 */
export function baseSetup(now: Date): BaseSetup {
  const b = new StateBuilder();
  const today = parisDay(now);
  for (const [c, centre] of LA_POSTE_CENTRES.entries()) {
    for (let week = 0; week < 4; week += 1) {
      const day = addDays(today, 10 + 14 * week + 3 * c);
      const hour = (week + c) % 2 === 0 ? 9 : 14;
      b.examSession({ ...centre, startsAt: parisWallClock(day, hour).toISOString(), seats: 6 + ((week * 2 + c * 3) % 7) });
    }
  }
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const demo = space(
    b,
    { name: 'Démo', createdAt: ago(800), embedOrigins: ['http://localhost:5173'] },
    { ...DEMO_LOGINS.demo, lastName: 'Administrateur', firstName: 'Compte' },
    DEMO_PRODUCTS,
  );
  const autre = space(
    b,
    { name: 'Autre', createdAt: ago(300), embedOrigins: [] },
    { ...DEMO_LOGINS.autre, lastName: 'Martin', firstName: 'Claire' },
    OTHER_PRODUCTS,
  );
  b.admin({ spaceId: null, role: 'operator', createdAt: ago(800), ...DEMO_LOGINS.operator, lastName: 'Exploitation', firstName: 'Équipe' });
  b.apiKey({ spaceId: null, kind: 'integration', name: "Plateforme d'examen (démo)", secret: DEMO_KEYS.integration, createdAt: ago(800) });
  b.apiKey({ spaceId: demo.space.id, kind: 'space', name: 'Clé de démonstration', secret: DEMO_KEYS.demo, createdAt: ago(800) });
  b.apiKey({ spaceId: autre.space.id, kind: 'space', name: 'Clé de démonstration', secret: DEMO_KEYS.autre, createdAt: ago(300) });
  return { builder: b, demo, autre };
}

/** The `'empty'` state: accounts, catalogue, products and La Poste sessions only. */
export function emptyState(now: Date): MockState {
  return baseSetup(now).builder.state;
}
