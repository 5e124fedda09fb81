/**
 * The `'demo'` state: the server's demo (`server/src/seed/demo.ts`), record
 * for record — the same people, products, orders and groups, dated from `now`
 * the same way — so that the mocks and `npm start` show the same spaces.
 *
 * « Démo » shows the manual's home page (§3.1): 1079 remaining certifications
 * (200, 99, 100, 480, 100, 100 of blank-remote, blank-onsite, blank-manual,
 * demo-remote, demo-onsite, demo-manual), 19 candidates (0 to assign, 8
 * scheduled, 11 taken), 1 group « Session d'examen »; and its orders table
 * looks like §4.1's. « Autre » has its own products, orders, groups (one
 * hidden, R12) and candidates.
 */
import { addDays, endOfParisDay, findExamType, parisDay, parisWallClock, type Validation } from '@clr/domain';
import { StateBuilder } from './builder.js';
import { DAY_MS, DEMO_CANDIDATE_PASSWORD, LA_POSTE_CENTRES, baseSetup, type SpaceSetup } from './empty.js';
import type { CandidateRecord, LotRecord, MockState } from './types.js';

/** The figures of §3.1 the « Démo » space shows (the server's `DEMO_FIGURES`). */
export const DEMO_FIGURES = {
  stock: {
    total: 1079,
    byType: [
      { examType: 'blank-remote', remaining: 200 },
      { examType: 'blank-onsite', remaining: 99 },
      { examType: 'blank-manual', remaining: 100 },
      { examType: 'demo-remote', remaining: 480 },
      { examType: 'demo-onsite', remaining: 100 },
      { examType: 'demo-manual', remaining: 100 },
    ],
  },
  candidates: { total: 19, toAssign: 0, scheduled: 8, taken: 11 },
  groups: { total: 1, byCategory: { client: 0, class: 0, exam_session: 1, other: 0 } },
} as const;

interface Person {
  civility: 'mme' | 'm';
  lastName: string;
  firstName: string;
  birthName?: string;
  birthDate: string;
  birthPostcode: string;
  birthTown: string;
  birthCountry: string;
  status: CandidateRecord['status'];
  funding: CandidateRecord['funding'];
  phone?: string;
  address?: string;
  postcode?: string;
  town?: string;
  educationLevel?: CandidateRecord['educationLevel'];
  socioProfessionalCategory?: CandidateRecord['socioProfessionalCategory'];
  motherTongue?: CandidateRecord['motherTongue'];
}

type Exam =
  | { kind: 'scheduled'; examType: string; assignedDaysAgo: number; inDays?: number }
  | { kind: 'taken'; examType: string; takenDaysAgo: number; score: number; validation: Validation };

interface CandidateSpec extends Person {
  exam: Exam;
  inGroup?: boolean;
  hiddenGroup?: boolean;
  credentials?: 'sent' | 'acknowledged' | 'pending';
}

/**
 * The 19 candidates of « Démo »: 11 taken (4 at La Poste and 3 in an approved
 * centre on orders now in the history — scores 490, 306, 119 as in §6.1 —, and
 * 4 blank or demo exams, one waiting for an examiner, one invalidated), 8
 * scheduled (one on site with a date and an activation code).
 */
const DEMO_CANDIDATES: CandidateSpec[] = [
  { civility: 'mme', lastName: 'Lefèvre', firstName: 'Élodie', birthDate: '1994-03-12', birthPostcode: '38000', birthTown: 'Grenoble', birthCountry: 'France', status: 'employee', funding: 'cpf', phone: '06 12 34 56 78', address: '4, rue Félix-Poulat', postcode: '38000', town: 'Grenoble', educationLevel: 'bac5', socioProfessionalCategory: 'executive', motherTongue: 'fr', exam: { kind: 'taken', examType: 'official-laposte', takenDaysAgo: 400, score: 942, validation: 'validated' }, credentials: 'acknowledged' },
  { civility: 'm', lastName: 'Dupont-Moreau', firstName: 'Jean-Baptiste', birthDate: '1988-11-02', birthPostcode: '69003', birthTown: 'Lyon', birthCountry: 'France', status: 'employee', funding: 'cpf', exam: { kind: 'taken', examType: 'official-laposte', takenDaysAgo: 395, score: 853, validation: 'validated' }, credentials: 'acknowledged' },
  { civility: 'mme', lastName: 'Benoît', firstName: 'Anaïs', birthDate: '1999-07-21', birthPostcode: '75011', birthTown: 'Paris', birthCountry: 'France', status: 'student', funding: 'self_funded', exam: { kind: 'taken', examType: 'official-laposte', takenDaysAgo: 380, score: 712, validation: 'validated' }, credentials: 'sent' },
  { civility: 'm', lastName: 'Nguyen', firstName: 'François', birthDate: '1979-01-30', birthPostcode: '13001', birthTown: 'Marseille', birthCountry: 'France', status: 'job_seeker', funding: 'professionalisation', exam: { kind: 'taken', examType: 'official-laposte', takenDaysAgo: 366, score: 655, validation: 'validated' } },
  { civility: 'mme', lastName: 'Garnier-Lévêque', firstName: 'Chloé', birthName: 'Garnier', birthDate: '1985-05-17', birthPostcode: '44000', birthTown: 'Nantes', birthCountry: 'France', status: 'civil_servant', funding: 'other', exam: { kind: 'taken', examType: 'official-approved', takenDaysAgo: 330, score: 490, validation: 'validated' } },
  { civility: 'm', lastName: 'Haddad', firstName: 'Karim', birthDate: '1991-09-08', birthPostcode: '59000', birthTown: 'Lille', birthCountry: 'France', status: 'self_employed', funding: 'self_funded', exam: { kind: 'taken', examType: 'official-approved', takenDaysAgo: 322, score: 306, validation: 'validated' } },
  { civility: 'mme', lastName: "D'Almeida", firstName: 'Inès', birthDate: '2001-02-14', birthPostcode: '33000', birthTown: 'Bordeaux', birthCountry: 'France', status: 'student', funding: 'cpf', exam: { kind: 'taken', examType: 'official-approved', takenDaysAgo: 315, score: 119, validation: 'validated' } },
  { civility: 'm', lastName: 'Le Gall', firstName: 'Loïc', birthDate: '1996-12-03', birthPostcode: '29200', birthTown: 'Brest', birthCountry: 'France', status: 'employee', funding: 'cpf', exam: { kind: 'taken', examType: 'blank-remote', takenDaysAgo: 40, score: 645, validation: 'validated' }, inGroup: true },
  { civility: 'mme', lastName: 'Fontaine', firstName: 'Maëlle', birthDate: '1997-04-25', birthPostcode: '67000', birthTown: 'Strasbourg', birthCountry: 'France', status: 'student', funding: 'self_funded', exam: { kind: 'taken', examType: 'blank-manual', takenDaysAgo: 6, score: 580, validation: 'pending' }, inGroup: true },
  { civility: 'm', lastName: 'Marchand', firstName: 'Théo', birthDate: '2000-10-10', birthPostcode: '31000', birthTown: 'Toulouse', birthCountry: 'France', status: 'student', funding: 'other', exam: { kind: 'taken', examType: 'demo-remote', takenDaysAgo: 25, score: 720, validation: 'validated' } },
  { civility: 'mme', lastName: 'Kervella', firstName: 'Gwenaëlle', birthDate: '1983-06-19', birthPostcode: '56100', birthTown: 'Lorient', birthCountry: 'France', status: 'retired', funding: 'self_funded', exam: { kind: 'taken', examType: 'demo-manual', takenDaysAgo: 12, score: 210, validation: 'invalidated' } },
  { civility: 'm', lastName: 'Bernard-Sauvage', firstName: 'Raphaël', birthDate: '1993-08-01', birthPostcode: '06000', birthTown: 'Nice', birthCountry: 'France', status: 'employee', funding: 'cpf', exam: { kind: 'scheduled', examType: 'blank-remote', assignedDaysAgo: 9 }, inGroup: true, credentials: 'pending' },
  { civility: 'mme', lastName: 'Perrin', firstName: 'Zoé', birthDate: '2002-01-09', birthPostcode: '21000', birthTown: 'Dijon', birthCountry: 'France', status: 'student', funding: 'self_funded', exam: { kind: 'scheduled', examType: 'blank-onsite', assignedDaysAgo: 5, inDays: 10 }, inGroup: true, credentials: 'acknowledged' },
  { civility: 'm', lastName: 'Faure', firstName: 'Noé', birthDate: '1998-03-28', birthPostcode: '63000', birthTown: 'Clermont-Ferrand', birthCountry: 'France', status: 'employee', funding: 'professionalisation', exam: { kind: 'scheduled', examType: 'blank-manual', assignedDaysAgo: 4 }, inGroup: true },
  { civility: 'mme', lastName: 'Mercier', firstName: 'Céline', birthDate: '1987-12-24', birthPostcode: '35000', birthTown: 'Rennes', birthCountry: 'France', status: 'civil_servant', funding: 'cpf', exam: { kind: 'scheduled', examType: 'demo-remote', assignedDaysAgo: 3 } },
  { civility: 'm', lastName: 'Roux', firstName: 'Grégoire', birthDate: '1975-05-05', birthPostcode: '76000', birthTown: 'Rouen', birthCountry: 'France', status: 'self_employed', funding: 'self_funded', exam: { kind: 'scheduled', examType: 'demo-remote', assignedDaysAgo: 3 } },
  { civility: 'mme', lastName: 'Lacroix', firstName: 'Sophie-Anne', birthDate: '1990-09-15', birthPostcode: '34000', birthTown: 'Montpellier', birthCountry: 'France', status: 'employee', funding: 'cpf', exam: { kind: 'scheduled', examType: 'demo-remote', assignedDaysAgo: 2 } },
  { civility: 'm', lastName: 'Girard', firstName: 'Mathéo', birthDate: '2003-11-30', birthPostcode: '37000', birthTown: 'Tours', birthCountry: 'France', status: 'student', funding: 'other', exam: { kind: 'scheduled', examType: 'blank-remote', assignedDaysAgo: 1 }, inGroup: true },
  { civility: 'mme', lastName: 'Roussel', firstName: 'Hélène', birthName: 'Chevalier', birthDate: '1968-02-06', birthPostcode: '87000', birthTown: 'Limoges', birthCountry: 'France', status: 'retired', funding: 'self_funded', exam: { kind: 'scheduled', examType: 'blank-remote', assignedDaysAgo: 1 } },
];

const OTHER_CANDIDATES: CandidateSpec[] = [
  { civility: 'm', lastName: 'Colin', firstName: 'Bastien', birthDate: '1995-06-06', birthPostcode: '54000', birthTown: 'Nancy', birthCountry: 'France', status: 'employee', funding: 'cpf', exam: { kind: 'taken', examType: 'blank-remote', takenDaysAgo: 60, score: 801, validation: 'validated' }, inGroup: true, hiddenGroup: true },
  { civility: 'mme', lastName: 'Vidal', firstName: 'Océane', birthDate: '1999-01-18', birthPostcode: '66000', birthTown: 'Perpignan', birthCountry: 'France', status: 'student', funding: 'self_funded', exam: { kind: 'scheduled', examType: 'blank-remote', assignedDaysAgo: 2 }, inGroup: true },
  { civility: 'm', lastName: 'Lemoine-Petit', firstName: 'Adrien', birthDate: '1986-08-22', birthPostcode: '80000', birthTown: 'Amiens', birthCountry: 'France', status: 'job_seeker', funding: 'other', exam: { kind: 'scheduled', examType: 'blank-remote', assignedDaysAgo: 1 } },
];

/** Candidates of « Autre » with nothing assigned yet. */
const OTHER_UNASSIGNED: Person[] = [
  { civility: 'mme', lastName: 'Aubert', firstName: 'Camille', birthDate: '2004-04-04', birthPostcode: '86000', birthTown: 'Poitiers', birthCountry: 'France', status: 'student', funding: 'self_funded' },
  { civility: 'm', lastName: 'Müller', firstName: 'Lukas', birthDate: '1992-10-12', birthPostcode: '10115', birthTown: 'Berlin', birthCountry: 'Allemagne', status: 'employee', funding: 'other', motherTongue: 'other' },
];

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** « Jean-Baptiste Dupont-Moreau » → `jean.baptiste.dupontmoreau@exemple.fr`, as the server's seed writes it. */
function emailOf(p: Pick<Person, 'firstName' | 'lastName'>, domain: string): string {
  return `${ascii(p.firstName).replace(/-/g, '.')}.${ascii(p.lastName).replace(/-/g, '')}@${domain}`;
}

class DemoWriter {
  constructor(
    readonly b: StateBuilder,
    readonly now: Date,
  ) {}

  ago(days: number): string {
    return new Date(this.now.getTime() - days * DAY_MS).toISOString();
  }

  /** An order `createdDaysAgo`, delivered a day later or cancelled three days later; its lots by exam type. */
  order(
    setup: SpaceSetup,
    spec: { createdDaysAgo: number; status: 'pending' | 'delivered' | 'cancelled'; lines: { reference: string; quantity: number }[] },
  ): Map<string, LotRecord> {
    const createdAt = this.now.getTime() - spec.createdDaysAgo * DAY_MS;
    const { lots } = this.b.order({
      spaceId: setup.space.id,
      createdAt: new Date(createdAt).toISOString(),
      lines: spec.lines.map((l) => {
        const product = setup.products.get(l.reference);
        if (!product) throw new Error(`demo: no product ${l.reference}`);
        return { product, quantity: l.quantity };
      }),
      ...(spec.status === 'delivered' ? { deliveredAt: new Date(createdAt + DAY_MS).toISOString() } : {}),
      ...(spec.status === 'cancelled' ? { cancelledAt: new Date(createdAt + 3 * DAY_MS).toISOString() } : {}),
    });
    return new Map(lots.map((l) => [l.examType, l]));
  }

  /** The La Poste session a past exam was taken in (created as needed, one seat taken). */
  pastSession(centreIndex: number, day: string): string {
    const centre = LA_POSTE_CENTRES[centreIndex % LA_POSTE_CENTRES.length] as (typeof LA_POSTE_CENTRES)[number];
    const startsAt = parisWallClock(day, 9).toISOString();
    const existing = this.b.state.examSessions.find((s) => s.city === centre.city && s.startsAt === startsAt);
    return (existing ?? this.b.examSession({ ...centre, startsAt, seats: 10 })).id;
  }

  /** A candidate, their exam (consuming one credit of `lot`), their attempt when taken. */
  candidate(spaceId: string, spec: CandidateSpec | Person, domain: string, lot: LotRecord | undefined, index: number): CandidateRecord {
    const exam = 'exam' in spec ? spec.exam : null;
    const createdDaysAgo = exam ? (exam.kind === 'taken' ? exam.takenDaysAgo + 20 : exam.assignedDaysAgo + 7) : 15 + index;
    const createdAt = this.ago(createdDaysAgo);
    const credentials = 'credentials' in spec ? spec.credentials : undefined;
    const candidate = this.b.candidate({
      spaceId,
      civility: spec.civility,
      lastName: spec.lastName,
      firstName: spec.firstName,
      email: emailOf(spec, domain),
      password: DEMO_CANDIDATE_PASSWORD,
      birthDate: spec.birthDate,
      birthPostcode: spec.birthPostcode,
      birthTown: spec.birthTown,
      birthCountry: spec.birthCountry,
      status: spec.status,
      funding: spec.funding,
      country: spec.address ? 'France' : null,
      credentials: {
        sentToCandidate: credentials !== undefined,
        acknowledgmentRequested: credentials === 'acknowledged' || credentials === 'pending',
        acknowledgedAt: credentials === 'acknowledged' ? new Date(Date.parse(createdAt) + DAY_MS).toISOString() : null,
        sentToAdmin: false,
      },
      createdAt,
      ...(spec.birthName ? { birthName: spec.birthName } : {}),
      ...(spec.phone ? { phone: spec.phone } : {}),
      ...(spec.address ? { address: spec.address } : {}),
      ...(spec.postcode ? { postcode: spec.postcode } : {}),
      ...(spec.town ? { town: spec.town } : {}),
      ...(spec.educationLevel ? { educationLevel: spec.educationLevel } : {}),
      ...(spec.socioProfessionalCategory ? { socioProfessionalCategory: spec.socioProfessionalCategory } : {}),
      ...(spec.motherTongue ? { motherTongue: spec.motherTongue } : {}),
    });
    if (!exam) return candidate;
    const type = findExamType(exam.examType);
    if (!lot || !type) throw new Error(`demo: no lot for ${exam.examType}`);
    if (exam.kind === 'scheduled') {
      this.b.assign({
        candidateId: candidate.id,
        examType: type.id,
        lotId: lot.id,
        createdAt: this.ago(exam.assignedDaysAgo),
        scheduledAt: type.requiresDate ? addDays(parisDay(this.now), exam.inDays ?? 7) : null,
      });
      return candidate;
    }
    const takenAt = new Date(this.now.getTime() - exam.takenDaysAgo * DAY_MS);
    const day = parisDay(takenAt);
    const takenAtOnDay = type.requiresDate ? parisWallClock(day, 9, 45) : takenAt;
    const assignment = this.b.assign({
      candidateId: candidate.id,
      examType: type.id,
      lotId: lot.id,
      createdAt: new Date(takenAt.getTime() - 14 * DAY_MS).toISOString(),
      scheduledAt: type.requiresDate ? day : null,
      sessionId: type.requiresSession ? this.pastSession(index, day) : null,
    });
    if (type.requiresDate) assignment.deadline = endOfParisDay(day).toISOString();
    this.b.take({ assignmentId: assignment.id, takenAt: takenAtOnDay.toISOString(), score: exam.score, validation: exam.validation });
    // Last login on the exam platform: just before the exam started.
    candidate.lastLoginAt = new Date(takenAtOnDay.getTime() - 3_900_000).toISOString();
    return candidate;
  }

  group(spaceId: string, name: string, category: 'client' | 'class' | 'exam_session' | 'other', createdDaysAgo: number, hidden: boolean, members: CandidateRecord[]): void {
    const group = this.b.group({ spaceId, name, category, hidden, createdAt: this.ago(createdDaysAgo) });
    for (const m of members) this.b.member(group, m);
  }
}

function demoSpace(w: DemoWriter, setup: SpaceSetup): void {
  const consumed = new Map<string, number>();
  for (const c of DEMO_CANDIDATES) consumed.set(c.exam.examType, (consumed.get(c.exam.examType) ?? 0) + 1);
  const want = new Map<string, number>(DEMO_FIGURES.stock.byType.map((t) => [t.examType, t.remaining]));
  const quantity = (type: string) => (want.get(type) ?? 0) + (consumed.get(type) ?? 0);

  // History: La Poste credits of 20 months ago (10 × 71,00 € = 852,00 € TTC, as §4.1), now expired
  // with 6 left; an approved-centre order fully consumed; a cancelled order.
  const history1 = w.order(setup, { createdDaysAgo: 610, status: 'delivered', lines: [{ reference: 'PART-LAPOSTE-EXAMEN', quantity: 10 }] });
  const history2 = w.order(setup, { createdDaysAgo: 480, status: 'delivered', lines: [{ reference: 'PART-CLR-EXAMEN', quantity: consumed.get('official-approved') ?? 0 }] });
  w.order(setup, { createdDaysAgo: 240, status: 'cancelled', lines: [{ reference: 'PART-LAPOSTE-EXAMEN', quantity: 2 }] });
  // To consume: the blank exams, and the free demo exams (« Livré — 0,00 € »).
  const blank = w.order(setup, {
    createdDaysAgo: 180,
    status: 'delivered',
    lines: [
      { reference: 'PART-BLANC-EXAMEN', quantity: quantity('blank-remote') },
      { reference: 'PART-BLANC-SITE', quantity: quantity('blank-onsite') },
      { reference: 'PART-BLANC-MANUEL', quantity: quantity('blank-manual') },
    ],
  });
  const demo = w.order(setup, {
    createdDaysAgo: 90,
    status: 'delivered',
    lines: [
      { reference: 'PART-DEMO-EXAMEN', quantity: quantity('demo-remote') },
      { reference: 'PART-DEMO-SITE', quantity: quantity('demo-onsite') },
      { reference: 'PART-DEMO-MANUEL', quantity: quantity('demo-manual') },
    ],
  });
  // To validate: 4 × 71,00 € = 284,00 € HT = 340,80 € TTC, « En cours ».
  w.order(setup, { createdDaysAgo: 2, status: 'pending', lines: [{ reference: 'PART-CLR-EXAMEN', quantity: 4 }] });

  const lots = new Map([...history1, ...history2, ...blank, ...demo]);
  const grouped: CandidateRecord[] = [];
  for (const [index, spec] of DEMO_CANDIDATES.entries()) {
    const candidate = w.candidate(setup.space.id, spec, 'exemple.fr', lots.get(spec.exam.examType), index);
    if (spec.inGroup) grouped.push(candidate);
  }
  // §5.8's example group.
  w.group(setup.space.id, 'Session de septembre', 'exam_session', 75, false, grouped);
}

function otherSpace(w: DemoWriter, setup: SpaceSetup): void {
  const delivered = w.order(setup, { createdDaysAgo: 120, status: 'delivered', lines: [{ reference: 'PART-BLANC-EXAMEN', quantity: 20 }] });
  w.order(setup, { createdDaysAgo: 5, status: 'pending', lines: [{ reference: 'PART-CLR-EXAMEN', quantity: 2 }] });
  const visible: CandidateRecord[] = [];
  const hidden: CandidateRecord[] = [];
  for (const [index, spec] of OTHER_CANDIDATES.entries()) {
    const candidate = w.candidate(setup.space.id, spec, 'autre.exemple.fr', delivered.get(spec.exam.examType), index);
    if (spec.hiddenGroup) hidden.push(candidate);
    else if (spec.inGroup) visible.push(candidate);
  }
  for (const [index, person] of OTHER_UNASSIGNED.entries()) visible.push(w.candidate(setup.space.id, person, 'autre.exemple.fr', undefined, index));
  w.group(setup.space.id, 'Promotion 2026', 'class', 60, false, visible);
  w.group(setup.space.id, 'Anciens clients', 'client', 200, true, hidden);
}

/** The `'demo'` state, dated from `now`. */
export function demoState(now: Date): MockState {
  const { builder, demo, autre } = baseSetup(now);
  const w = new DemoWriter(builder, now);
  demoSpace(w, demo);
  otherSpace(w, autre);
  return builder.state;
}
