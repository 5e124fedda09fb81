/**
 * Large states for benches and stress stories: `generateCandidates(100_000)`
 * fills the « Démo » space with that many candidates — realistic French names,
 * every status (to assign, scheduled, expired, taken), results with each
 * validation, a few dozen groups (one hidden) — on top of the `'empty'` state,
 * in well under a second per 100,000 candidates.
 */
import type { GroupCategory, Validation } from '@clr/domain';
import { emailLocalPart, parisClock, seededRandom } from './builder.js';
import { baseSetup } from './empty.js';
import type { CandidateRecord, GroupRecord, LotRecord, MockState, ProductRecord } from './types.js';

const LAST_NAMES = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefebvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron',
  'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
  'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte',
];
const FIRST_NAMES: [string, 'mme' | 'm'][] = [
  ['Emma', 'mme'], ['Louise', 'mme'], ['Jade', 'mme'], ['Alice', 'mme'], ['Chloé', 'mme'], ['Lina', 'mme'], ['Léa', 'mme'],
  ['Rose', 'mme'], ['Anna', 'mme'], ['Mila', 'mme'], ['Inès', 'mme'], ['Ambre', 'mme'], ['Julia', 'mme'], ['Mia', 'mme'],
  ['Léna', 'mme'], ['Manon', 'mme'], ['Juliette', 'mme'], ['Lou', 'mme'], ['Zoé', 'mme'], ['Camille', 'mme'],
  ['Hélène', 'mme'], ['Élodie', 'mme'], ['Agathe', 'mme'], ['Margaux', 'mme'], ['Anaïs', 'mme'],
  ['Gabriel', 'm'], ['Léo', 'm'], ['Raphaël', 'm'], ['Arthur', 'm'], ['Louis', 'm'], ['Jules', 'm'], ['Adam', 'm'],
  ['Maël', 'm'], ['Lucas', 'm'], ['Hugo', 'm'], ['Noah', 'm'], ['Liam', 'm'], ['Gabin', 'm'], ['Sacha', 'm'],
  ['Paul', 'm'], ['Nathan', 'm'], ['Aaron', 'm'], ['Mohamed', 'm'], ['Ethan', 'm'], ['Tom', 'm'],
  ['Théo', 'm'], ['Antoine', 'm'], ['Karim', 'm'], ['Bastien', 'm'], ['Clément', 'm'],
];
const TOWNS: [string, string][] = [
  ['Paris', '75011'], ['Lyon', '69003'], ['Marseille', '13005'], ['Toulouse', '31000'], ['Nice', '06000'],
  ['Nantes', '44000'], ['Strasbourg', '67000'], ['Montpellier', '34000'], ['Bordeaux', '33000'], ['Lille', '59000'],
  ['Rennes', '35000'], ['Grenoble', '38000'], ['Dijon', '21000'], ['Angers', '49000'], ['Brest', '29200'],
];
const CATEGORIES: GroupCategory[] = ['class', 'client', 'exam_session', 'other'];

export interface GenerateOptions {
  /** The clock the statuses are built against (deadlines to come, expired ones, taken dates). */
  now?: Date;
  /** Groups to spread the candidates over (the last one hidden, R12); 40 by default. */
  groups?: number;
  /** Seed of the pseudo-random choices: the same seed gives the same state. */
  seed?: number;
}

/**
 * The `'empty'` state plus `count` candidates in « Démo »: about 25 % to
 * assign, 30 % scheduled, 5 % expired, 40 % taken (validated, pending or
 * invalidated), each in zero to two groups, with the credits they consumed.
 * `createStore({ state: generateCandidates(100_000) })`.
 */
export function generateCandidates(count: number, options: GenerateOptions = {}): MockState {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`generateCandidates: count must be a whole number, got ${count}`);
  const now = options.now ?? new Date();
  const { builder: b, demo } = baseSetup(now);
  const t = parisClock(now);
  const random = seededRandom(options.seed ?? 1079);
  /** A whole number from 0 to n − 1. */
  const roll = (n: number) => {
    const [a = 0, c = 0, d = 0] = random(3);
    return ((a << 16) | (c << 8) | d) % n;
  };
  const spaceId = demo.space.id;
  const product = (reference: string) => demo.products.get(reference) as ProductRecord;

  const quantity = Math.max(1, count);
  const { lots } = b.order({
    spaceId,
    createdAt: t.at(-90, 10),
    deliveredAt: t.at(-89, 9),
    lines: [
      { product: product('PART-BLANC-EXAMEN'), quantity },
      { product: product('PART-BLANC-SITE'), quantity },
      { product: product('PART-BLANC-MANUEL'), quantity },
      { product: product('PART-DEMO-EXAMEN'), quantity },
    ],
  });
  const lot = (examType: string) => lots.find((l) => l.examType === examType) as LotRecord;

  const groups: GroupRecord[] = [];
  const groupCount = options.groups ?? 40;
  for (let g = 0; g < groupCount; g++) {
    groups.push(
      b.group({
        spaceId,
        name: `${['Classe', 'Client', 'Session', 'Groupe'][g % 4]} ${String(g + 1).padStart(3, '0')}`,
        category: CATEGORIES[g % 4] as GroupCategory,
        createdAt: t.at(-300 + g, 9),
        hidden: g === groupCount - 1,
      }),
    );
  }

  for (let i = 0; i < count; i++) {
    const last = LAST_NAMES[roll(LAST_NAMES.length)] as string;
    const [first, civility] = FIRST_NAMES[roll(FIRST_NAMES.length)] as [string, 'mme' | 'm'];
    const [town, postcode] = TOWNS[roll(TOWNS.length)] as [string, string];
    const candidate: CandidateRecord = b.candidate({
      spaceId,
      civility,
      lastName: last,
      firstName: first,
      email: `${emailLocalPart(first, last)}.${i + 1}@exemple.fr`,
      birthDate: `${1960 + roll(45)}-${String(1 + roll(12)).padStart(2, '0')}-${String(1 + roll(28)).padStart(2, '0')}`,
      birthTown: town,
      birthPostcode: postcode,
      status: (['employee', 'student', 'job_seeker', 'self_employed', 'civil_servant', 'retired', 'other'] as const)[roll(7)],
      funding: (['cpf', 'professionalisation', 'self_funded', 'other'] as const)[roll(4)],
      createdAt: t.at(-80 + roll(60), 9),
    });
    if (groups.length > 0) {
      const memberships = roll(3);
      const first = roll(groups.length);
      for (let m = 0; m < memberships; m++) b.member(groups[(first + m * 7) % groups.length] as GroupRecord, candidate);
    }

    const kind = roll(100);
    if (kind < 25) continue; // to assign
    if (kind < 55) {
      // Scheduled: undated until the lot's expiry, or on a day to come.
      const dated = roll(3) === 0;
      b.assign({
        candidateId: candidate.id,
        examType: dated ? 'blank-onsite' : 'blank-remote',
        lotId: lot(dated ? 'blank-onsite' : 'blank-remote').id,
        createdAt: t.at(-20 + roll(15), 10),
        scheduledAt: dated ? t.day(1 + roll(60)) : null,
      });
      if (roll(2) === 0) candidate.lastLoginAt = t.at(-roll(10), 8 + roll(10), roll(4) * 15);
      continue;
    }
    if (kind < 60) {
      // Expired (R19): a dated exam whose day has passed untaken.
      b.assign({ candidateId: candidate.id, examType: 'blank-onsite', lotId: lot('blank-onsite').id, createdAt: t.at(-60, 10), scheduledAt: t.day(-1 - roll(30)) });
      continue;
    }
    const manual = roll(4) === 0;
    const examType = manual ? 'blank-manual' : roll(2) === 0 ? 'blank-remote' : 'demo-remote';
    const assignment = b.assign({ candidateId: candidate.id, examType, lotId: lot(examType).id, createdAt: t.at(-85 + roll(20), 10) });
    const takenDay = -60 + roll(58);
    const validation: Validation = manual ? ((['pending', 'validated', 'invalidated'] as const)[roll(3)] ?? 'pending') : 'validated';
    b.take({ assignmentId: assignment.id, takenAt: t.at(takenDay, 9 + roll(8), roll(4) * 15), score: roll(1001), validation });
    candidate.lastLoginAt = t.at(takenDay, 8, roll(4) * 15);
  }
  return b.state;
}
