/**
 * The « Démo » space of issue 3, built so that its home page shows exactly the
 * manual's figures (§3.1):
 *
 *   Certifications restantes 1079 — 200 · 99 · 100 · 480 · 100 · 100
 *     (blank-remote, blank-onsite, blank-manual, demo-remote, demo-onsite, demo-manual)
 *   Candidats 19 — 0 à attribuer · 8 en attente · 11 passées
 *   Groupes 1 — 0 client · 0 classe · 1 session d'examen · 0 autre
 *
 * and its orders table looks like §4.1's (one order to validate, 4 × 71,00 € =
 * 340,80 € TTC; delivered orders with credits left to consume; a history of
 * consumed, expired and cancelled orders). Stock is what the lots' `remaining`
 * say: each of the 19 candidates' exams consumed a credit, so each lot holds
 * its quantity minus what was taken from it.
 *
 * A second space, « Autre », has its own products, orders, groups (one hidden,
 * R12) and candidates, for tenant-isolation checks.
 *
 * Everything is written in one transaction; the candidates' read-model columns
 * are computed by the same code the API uses after each write.
 */
import {
  addDays,
  cryptoRandom,
  endOfParisDay,
  findExamType,
  generateActivationCode,
  generatePublicCode,
  lineTotals,
  orderTotals,
  parisDay,
  parisWallClock,
  planDelivery,
  validUntil,
  type RandomSource,
} from '@clr/domain';
import { withTransaction, type Db, type Tx } from '../db/client.js';
import { sha256 } from '../http/crypto.js';
import { hashPassword } from '../http/passwords.js';
import { candidateSortName } from '../services/candidate-list.js';
import { groupNameColumns } from '../services/groups.js';
import { refreshCandidateProgress } from '../services/progress.js';
import { LA_POSTE_CENTRES, seedCatalogue } from './catalogue.js';
import { demoCredentials, type DemoCredentials } from './credentials.js';

export interface SeedDemoOptions {
  /** Environment read for overrides and the production check (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  credentials?: DemoCredentials;
  random?: RandomSource;
  /** Password every demo candidate gets on the exam platform. */
  candidatePassword?: string;
}

export interface SeedDemoResult {
  demoSpaceId: string;
  otherSpaceId: string;
  credentials: DemoCredentials;
}

/** The figures of §3.1 the « Démo » space must show. */
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

const DAY = 86_400_000;

// ---------------------------------------------------------------- products

interface ProductSpec {
  name: string;
  reference: string;
  examTypeId: string;
  unitPriceHt: number;
}

/** §4.3's products, one per exam type the partner may order. */
const DEMO_PRODUCTS: ProductSpec[] = [
  { name: 'Partenaire - examen blanc', reference: 'PART-BLANC-EXAMEN', examTypeId: 'blank-remote', unitPriceHt: 1200 },
  { name: 'Partenaire - examen blanc - sur site', reference: 'PART-BLANC-SITE', examTypeId: 'blank-onsite', unitPriceHt: 1200 },
  { name: 'Partenaire - examen blanc - validation manuelle', reference: 'PART-BLANC-MANUEL', examTypeId: 'blank-manual', unitPriceHt: 1500 },
  { name: 'Partenaire - examen démo', reference: 'PART-DEMO-EXAMEN', examTypeId: 'demo-remote', unitPriceHt: 0 },
  { name: 'Partenaire - examen démo - sur site', reference: 'PART-DEMO-SITE', examTypeId: 'demo-onsite', unitPriceHt: 0 },
  { name: 'Partenaire - examen démo - validation manuelle', reference: 'PART-DEMO-MANUEL', examTypeId: 'demo-manual', unitPriceHt: 0 },
  { name: 'Partenaire - examen officiel - en centre La Poste', reference: 'PART-LAPOSTE-EXAMEN', examTypeId: 'official-laposte', unitPriceHt: 7100 },
  { name: 'Partenaire - examen officiel - en centre agréé', reference: 'PART-CLR-EXAMEN', examTypeId: 'official-approved', unitPriceHt: 7100 },
  { name: 'Partenaire - examen officiel - sur site', reference: 'PART-SITE-EXAMEN', examTypeId: 'official-onsite', unitPriceHt: 6500 },
];

const OTHER_PRODUCTS: ProductSpec[] = [
  { name: 'Partenaire - examen blanc', reference: 'PART-BLANC-EXAMEN', examTypeId: 'blank-remote', unitPriceHt: 1000 },
  { name: 'Partenaire - examen officiel - en centre agréé', reference: 'PART-CLR-EXAMEN', examTypeId: 'official-approved', unitPriceHt: 6900 },
];

// ---------------------------------------------------------------- people

interface Person {
  civility: 'mme' | 'm';
  lastName: string;
  firstName: string;
  birthName?: string;
  birthDate: string;
  birthPostcode: string;
  birthTown: string;
  birthCountry: string;
  infoStatus: string;
  funding: string;
  phone?: string;
  address?: string;
  postcode?: string;
  town?: string;
  educationLevel?: string;
  socioProfessionalCategory?: string;
  motherTongue?: string;
}

/** What happened to a candidate, relative to now. */
type Exam =
  | { kind: 'scheduled'; examTypeId: string; assignedDaysAgo: number; inDays?: number }
  | {
      kind: 'taken';
      examTypeId: string;
      takenDaysAgo: number;
      score: number;
      validation: 'validated' | 'pending' | 'invalidated';
    };

interface CandidateSpec extends Person {
  exam: Exam;
  inGroup?: boolean;
  hiddenGroup?: boolean;
  credentials?: 'sent' | 'acknowledged' | 'pending';
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function emailOf(p: Pick<Person, 'firstName' | 'lastName'>, domain: string): string {
  return `${ascii(p.firstName).replace(/-/g, '.')}.${ascii(p.lastName).replace(/-/g, '')}@${domain}`;
}

/**
 * The 19 candidates of « Démo »: 11 taken (4 at La Poste and 3 in an approved
 * centre on orders now in the history — scores 490, 306, 119 as in §6.1 —,
 * and 4 blank or demo exams, one waiting for an examiner, one invalidated),
 * 8 scheduled (one on site with a date and an activation code).
 */
const DEMO_CANDIDATES: CandidateSpec[] = [
  { civility: 'mme', lastName: 'Lefèvre', firstName: 'Élodie', birthDate: '1994-03-12', birthPostcode: '38000', birthTown: 'Grenoble', birthCountry: 'France', infoStatus: 'employee', funding: 'cpf', phone: '06 12 34 56 78', address: '4, rue Félix-Poulat', postcode: '38000', town: 'Grenoble', educationLevel: 'bac5', socioProfessionalCategory: 'executive', motherTongue: 'fr', exam: { kind: 'taken', examTypeId: 'official-laposte', takenDaysAgo: 400, score: 942, validation: 'validated' }, credentials: 'acknowledged' },
  { civility: 'm', lastName: 'Dupont-Moreau', firstName: 'Jean-Baptiste', birthDate: '1988-11-02', birthPostcode: '69003', birthTown: 'Lyon', birthCountry: 'France', infoStatus: 'employee', funding: 'cpf', exam: { kind: 'taken', examTypeId: 'official-laposte', takenDaysAgo: 395, score: 853, validation: 'validated' }, credentials: 'acknowledged' },
  { civility: 'mme', lastName: 'Benoît', firstName: 'Anaïs', birthDate: '1999-07-21', birthPostcode: '75011', birthTown: 'Paris', birthCountry: 'France', infoStatus: 'student', funding: 'self_funded', exam: { kind: 'taken', examTypeId: 'official-laposte', takenDaysAgo: 380, score: 712, validation: 'validated' }, credentials: 'sent' },
  { civility: 'm', lastName: 'Nguyen', firstName: 'François', birthDate: '1979-01-30', birthPostcode: '13001', birthTown: 'Marseille', birthCountry: 'France', infoStatus: 'job_seeker', funding: 'professionalisation', exam: { kind: 'taken', examTypeId: 'official-laposte', takenDaysAgo: 366, score: 655, validation: 'validated' } },
  { civility: 'mme', lastName: 'Garnier-Lévêque', firstName: 'Chloé', birthName: 'Garnier', birthDate: '1985-05-17', birthPostcode: '44000', birthTown: 'Nantes', birthCountry: 'France', infoStatus: 'civil_servant', funding: 'other', exam: { kind: 'taken', examTypeId: 'official-approved', takenDaysAgo: 330, score: 490, validation: 'validated' } },
  { civility: 'm', lastName: 'Haddad', firstName: 'Karim', birthDate: '1991-09-08', birthPostcode: '59000', birthTown: 'Lille', birthCountry: 'France', infoStatus: 'self_employed', funding: 'self_funded', exam: { kind: 'taken', examTypeId: 'official-approved', takenDaysAgo: 322, score: 306, validation: 'validated' } },
  { civility: 'mme', lastName: "D'Almeida", firstName: 'Inès', birthDate: '2001-02-14', birthPostcode: '33000', birthTown: 'Bordeaux', birthCountry: 'France', infoStatus: 'student', funding: 'cpf', exam: { kind: 'taken', examTypeId: 'official-approved', takenDaysAgo: 315, score: 119, validation: 'validated' } },
  { civility: 'm', lastName: 'Le Gall', firstName: 'Loïc', birthDate: '1996-12-03', birthPostcode: '29200', birthTown: 'Brest', birthCountry: 'France', infoStatus: 'employee', funding: 'cpf', exam: { kind: 'taken', examTypeId: 'blank-remote', takenDaysAgo: 40, score: 645, validation: 'validated' }, inGroup: true },
  { civility: 'mme', lastName: 'Fontaine', firstName: 'Maëlle', birthDate: '1997-04-25', birthPostcode: '67000', birthTown: 'Strasbourg', birthCountry: 'France', infoStatus: 'student', funding: 'self_funded', exam: { kind: 'taken', examTypeId: 'blank-manual', takenDaysAgo: 6, score: 580, validation: 'pending' }, inGroup: true },
  { civility: 'm', lastName: 'Marchand', firstName: 'Théo', birthDate: '2000-10-10', birthPostcode: '31000', birthTown: 'Toulouse', birthCountry: 'France', infoStatus: 'student', funding: 'other', exam: { kind: 'taken', examTypeId: 'demo-remote', takenDaysAgo: 25, score: 720, validation: 'validated' } },
  { civility: 'mme', lastName: 'Kervella', firstName: 'Gwenaëlle', birthDate: '1983-06-19', birthPostcode: '56100', birthTown: 'Lorient', birthCountry: 'France', infoStatus: 'retired', funding: 'self_funded', exam: { kind: 'taken', examTypeId: 'demo-manual', takenDaysAgo: 12, score: 210, validation: 'invalidated' } },
  { civility: 'm', lastName: 'Bernard-Sauvage', firstName: 'Raphaël', birthDate: '1993-08-01', birthPostcode: '06000', birthTown: 'Nice', birthCountry: 'France', infoStatus: 'employee', funding: 'cpf', exam: { kind: 'scheduled', examTypeId: 'blank-remote', assignedDaysAgo: 9 }, inGroup: true, credentials: 'pending' },
  { civility: 'mme', lastName: 'Perrin', firstName: 'Zoé', birthDate: '2002-01-09', birthPostcode: '21000', birthTown: 'Dijon', birthCountry: 'France', infoStatus: 'student', funding: 'self_funded', exam: { kind: 'scheduled', examTypeId: 'blank-onsite', assignedDaysAgo: 5, inDays: 10 }, inGroup: true, credentials: 'acknowledged' },
  { civility: 'm', lastName: 'Faure', firstName: 'Noé', birthDate: '1998-03-28', birthPostcode: '63000', birthTown: 'Clermont-Ferrand', birthCountry: 'France', infoStatus: 'employee', funding: 'professionalisation', exam: { kind: 'scheduled', examTypeId: 'blank-manual', assignedDaysAgo: 4 }, inGroup: true },
  { civility: 'mme', lastName: 'Mercier', firstName: 'Céline', birthDate: '1987-12-24', birthPostcode: '35000', birthTown: 'Rennes', birthCountry: 'France', infoStatus: 'civil_servant', funding: 'cpf', exam: { kind: 'scheduled', examTypeId: 'demo-remote', assignedDaysAgo: 3 } },
  { civility: 'm', lastName: 'Roux', firstName: 'Grégoire', birthDate: '1975-05-05', birthPostcode: '76000', birthTown: 'Rouen', birthCountry: 'France', infoStatus: 'self_employed', funding: 'self_funded', exam: { kind: 'scheduled', examTypeId: 'demo-remote', assignedDaysAgo: 3 } },
  { civility: 'mme', lastName: 'Lacroix', firstName: 'Sophie-Anne', birthDate: '1990-09-15', birthPostcode: '34000', birthTown: 'Montpellier', birthCountry: 'France', infoStatus: 'employee', funding: 'cpf', exam: { kind: 'scheduled', examTypeId: 'demo-remote', assignedDaysAgo: 2 } },
  { civility: 'm', lastName: 'Girard', firstName: 'Mathéo', birthDate: '2003-11-30', birthPostcode: '37000', birthTown: 'Tours', birthCountry: 'France', infoStatus: 'student', funding: 'other', exam: { kind: 'scheduled', examTypeId: 'blank-remote', assignedDaysAgo: 1 }, inGroup: true },
  { civility: 'mme', lastName: 'Roussel', firstName: 'Hélène', birthName: 'Chevalier', birthDate: '1968-02-06', birthPostcode: '87000', birthTown: 'Limoges', birthCountry: 'France', infoStatus: 'retired', funding: 'self_funded', exam: { kind: 'scheduled', examTypeId: 'blank-remote', assignedDaysAgo: 1 } },
];

const OTHER_CANDIDATES: CandidateSpec[] = [
  { civility: 'm', lastName: 'Colin', firstName: 'Bastien', birthDate: '1995-06-06', birthPostcode: '54000', birthTown: 'Nancy', birthCountry: 'France', infoStatus: 'employee', funding: 'cpf', exam: { kind: 'taken', examTypeId: 'blank-remote', takenDaysAgo: 60, score: 801, validation: 'validated' }, inGroup: true, hiddenGroup: true },
  { civility: 'mme', lastName: 'Vidal', firstName: 'Océane', birthDate: '1999-01-18', birthPostcode: '66000', birthTown: 'Perpignan', birthCountry: 'France', infoStatus: 'student', funding: 'self_funded', exam: { kind: 'scheduled', examTypeId: 'blank-remote', assignedDaysAgo: 2 }, inGroup: true },
  { civility: 'm', lastName: 'Lemoine-Petit', firstName: 'Adrien', birthDate: '1986-08-22', birthPostcode: '80000', birthTown: 'Amiens', birthCountry: 'France', infoStatus: 'job_seeker', funding: 'other', exam: { kind: 'scheduled', examTypeId: 'blank-remote', assignedDaysAgo: 1 } },
];

/** Candidates of « Autre » with nothing assigned yet. */
const OTHER_UNASSIGNED: Person[] = [
  { civility: 'mme', lastName: 'Aubert', firstName: 'Camille', birthDate: '2004-04-04', birthPostcode: '86000', birthTown: 'Poitiers', birthCountry: 'France', infoStatus: 'student', funding: 'self_funded' },
  { civility: 'm', lastName: 'Müller', firstName: 'Lukas', birthDate: '1992-10-12', birthPostcode: '10115', birthTown: 'Berlin', birthCountry: 'Allemagne', infoStatus: 'employee', funding: 'other', motherTongue: 'other' },
];

// ---------------------------------------------------------------- writing

interface Context {
  tx: Tx;
  now: Date;
  random: RandomSource;
  usedCodes: Set<string>;
  candidatePasswordHash: string;
  orderRank: number;
}

async function createProducts(tx: Tx, spaceId: string, specs: ProductSpec[]): Promise<Map<string, { id: string } & ProductSpec>> {
  const byReference = new Map<string, { id: string } & ProductSpec>();
  for (const spec of specs) {
    const product = await tx.product.create({ data: { spaceId, ...spec } });
    byReference.set(spec.reference, { id: product.id, ...spec });
  }
  return byReference;
}

interface OrderSpec {
  createdDaysAgo: number;
  status: 'pending' | 'delivered' | 'cancelled';
  deliveredAfterDays?: number;
  lines: { reference: string; quantity: number }[];
}

/** Creates an order (totals by the domain's R2) and, when delivered, its lots (the domain's R3 plan); returns lot ids by exam type. */
async function createOrder(
  ctx: Context,
  spaceId: string,
  vatRateBp: number,
  products: Map<string, { id: string } & ProductSpec>,
  spec: OrderSpec,
): Promise<Map<string, { id: string; expiresAt: Date }>> {
  const createdAt = new Date(ctx.now.getTime() - spec.createdDaysAgo * DAY);
  ctx.orderRank += 1;
  const lines = spec.lines.map((l, i) => {
    const product = products.get(l.reference);
    if (!product) throw new Error(`seed: no product ${l.reference}`);
    const totals = lineTotals(l.quantity, product.unitPriceHt, vatRateBp);
    return { position: i + 1, productId: product.id, examTypeId: product.examTypeId, quantity: l.quantity, unitPriceHt: product.unitPriceHt, ...totals };
  });
  const totals = orderTotals(lines, vatRateBp);
  const deliveredAt = spec.status === 'delivered' ? new Date(createdAt.getTime() + (spec.deliveredAfterDays ?? 1) * DAY) : null;
  const order = await ctx.tx.order.create({
    data: {
      spaceId,
      number: `${parisDay(createdAt).slice(0, 4)}-${String(ctx.orderRank).padStart(5, '0')}`,
      status: spec.status === 'delivered' ? 'pending' : spec.status,
      vatRateBp,
      totalHt: totals.ht,
      totalVat: totals.vat,
      totalTtc: totals.ttc,
      createdAt,
      cancelledAt: spec.status === 'cancelled' ? new Date(createdAt.getTime() + 3 * DAY) : null,
      lines: { create: lines },
    },
    include: { lines: { orderBy: { position: 'asc' } } },
  });
  const lots = new Map<string, { id: string; expiresAt: Date }>();
  if (deliveredAt) {
    const plan = planDelivery(
      {
        id: order.id,
        status: 'pending',
        lines: order.lines.map((l) => ({ id: l.id, productId: l.productId, examType: l.examTypeId, quantity: l.quantity, unitPriceHt: l.unitPriceHt })),
      },
      deliveredAt,
    );
    await ctx.tx.order.update({ where: { id: order.id }, data: { status: plan.status, deliveredAt: new Date(plan.deliveredAt) } });
    for (const lot of plan.lots) {
      const created = await ctx.tx.creditLot.create({
        data: {
          spaceId,
          orderId: lot.orderId,
          orderLineId: lot.orderLineId,
          examTypeId: lot.examType,
          quantity: lot.quantity,
          remaining: lot.remaining,
          expiresAt: new Date(lot.expiresAt),
          createdAt: deliveredAt,
        },
      });
      lots.set(lot.examType, { id: created.id, expiresAt: created.expiresAt });
    }
  }
  return lots;
}

function freshCode(ctx: Context, generate: typeof generateActivationCode): string {
  const code = generate(ctx.random, (c) => ctx.usedCodes.has(c));
  ctx.usedCodes.add(code);
  return code;
}

/** The La Poste session a past exam was taken in (platform-wide; created as needed). */
async function pastSession(ctx: Context, centreIndex: number, day: string): Promise<string> {
  const centre = LA_POSTE_CENTRES[centreIndex % LA_POSTE_CENTRES.length]!;
  const startsAt = parisWallClock(day, 9);
  const existing = await ctx.tx.examSession.findFirst({ where: { city: centre.city, startsAt } });
  if (existing) {
    await ctx.tx.examSession.update({ where: { id: existing.id }, data: { seatsTaken: { increment: 1 } } });
    return existing.id;
  }
  const session = await ctx.tx.examSession.create({ data: { ...centre, examTypeId: 'official-laposte', startsAt, seats: 10, seatsTaken: 1 } });
  return session.id;
}

/**
 * Writes a candidate, their exam (consuming one credit of `lot`), their
 * attempt when taken, and their read-model columns.
 */
async function createCandidate(
  ctx: Context,
  spaceId: string,
  spec: CandidateSpec | Person,
  domain: string,
  lot: { id: string; expiresAt: Date } | null,
  index: number,
): Promise<string> {
  const email = emailOf(spec, domain);
  const exam = 'exam' in spec ? spec.exam : null;
  const createdDaysAgo = exam ? (exam.kind === 'taken' ? exam.takenDaysAgo + 20 : exam.assignedDaysAgo + 7) : 15 + index;
  const createdAt = new Date(ctx.now.getTime() - createdDaysAgo * DAY);
  const credentials = 'credentials' in spec ? spec.credentials : undefined;
  const candidate = await ctx.tx.candidate.create({
    data: {
      spaceId,
      civility: spec.civility,
      lastName: spec.lastName,
      birthName: spec.birthName ?? null,
      firstName: spec.firstName,
      email,
      emailKey: email.toLowerCase(),
      passwordHash: ctx.candidatePasswordHash,
      birthDate: spec.birthDate,
      birthPostcode: spec.birthPostcode,
      birthTown: spec.birthTown,
      birthCountry: spec.birthCountry,
      infoStatus: spec.infoStatus,
      funding: spec.funding,
      phone: spec.phone ?? null,
      address: spec.address ?? null,
      postcode: spec.postcode ?? null,
      town: spec.town ?? null,
      country: spec.address ? 'France' : null,
      educationLevel: spec.educationLevel ?? null,
      socioProfessionalCategory: spec.socioProfessionalCategory ?? null,
      motherTongue: spec.motherTongue ?? null,
      credentialsSent: credentials !== undefined,
      ackRequested: credentials === 'acknowledged' || credentials === 'pending',
      acknowledgedAt: credentials === 'acknowledged' ? new Date(createdAt.getTime() + DAY) : null,
      sortName: candidateSortName(spec.lastName, spec.firstName),
      createdAt,
    },
  });
  if (!exam) return candidate.id;
  if (!lot) throw new Error(`seed: no lot for ${exam.examTypeId}`);
  const type = findExamType(exam.examTypeId);
  if (!type) throw new Error(`seed: unknown exam type ${exam.examTypeId}`);

  // One credit of the lot, taken the way the API takes it.
  const { count } = await ctx.tx.creditLot.updateMany({ where: { id: lot.id, remaining: { gt: 0 } }, data: { remaining: { decrement: 1 } } });
  if (count !== 1) throw new Error(`seed: lot ${lot.id} is empty`);

  if (exam.kind === 'scheduled') {
    const assignedAt = new Date(ctx.now.getTime() - exam.assignedDaysAgo * DAY);
    const scheduledAt = type.requiresDate ? addDays(parisDay(ctx.now), exam.inDays ?? 7) : null;
    await ctx.tx.assignment.create({
      data: {
        spaceId,
        candidateId: candidate.id,
        examTypeId: type.id,
        lotId: lot.id,
        scheduledAt,
        deadline: scheduledAt ? endOfParisDay(scheduledAt) : lot.expiresAt,
        activationCode: type.supervision === 'partner' ? freshCode(ctx, generateActivationCode) : null,
        createdAt: assignedAt,
      },
    });
  } else {
    const takenAt = new Date(ctx.now.getTime() - exam.takenDaysAgo * DAY);
    const day = parisDay(takenAt);
    const sessionId = type.requiresSession ? await pastSession(ctx, index, day) : null;
    const takenAtOnDay = type.requiresDate ? parisWallClock(day, 9, 45) : takenAt;
    const assignment = await ctx.tx.assignment.create({
      data: {
        spaceId,
        candidateId: candidate.id,
        examTypeId: type.id,
        lotId: lot.id,
        scheduledAt: type.requiresDate ? day : null,
        sessionId,
        deadline: type.requiresDate ? endOfParisDay(day) : lot.expiresAt,
        activationCode: type.supervision === 'partner' ? freshCode(ctx, generateActivationCode) : null,
        codeSpentAt: type.supervision === 'partner' ? new Date(takenAtOnDay.getTime() - 3_600_000) : null,
        takenAt: takenAtOnDay,
        createdAt: new Date(takenAt.getTime() - 14 * DAY),
      },
    });
    await ctx.tx.attempt.create({
      data: {
        spaceId,
        candidateId: candidate.id,
        assignmentId: assignment.id,
        examTypeId: type.id,
        score: exam.score,
        takenAt: takenAtOnDay,
        validation: exam.validation,
        validUntil: exam.validation === 'validated' ? validUntil(takenAtOnDay) : null,
        publicCode: exam.validation === 'validated' ? freshCode(ctx, generatePublicCode) : null,
        startedAt: new Date(takenAtOnDay.getTime() - 3_600_000),
      },
    });
    // Last login on the exam platform: just before the exam started.
    await ctx.tx.candidate.update({ where: { id: candidate.id }, data: { lastLoginAt: new Date(takenAtOnDay.getTime() - 3_900_000) } });
  }
  await refreshCandidateProgress(ctx.tx, candidate.id, ctx.now);
  return candidate.id;
}

async function createGroup(ctx: Context, spaceId: string, name: string, category: string, createdDaysAgo: number, hidden: boolean, members: string[]): Promise<void> {
  const group = await ctx.tx.group.create({
    data: { spaceId, ...groupNameColumns(name), category, hidden, createdAt: new Date(ctx.now.getTime() - createdDaysAgo * DAY) },
  });
  if (members.length > 0) {
    await ctx.tx.membership.createMany({ data: members.map((candidateId) => ({ groupId: group.id, candidateId, createdAt: group.createdAt })) });
  }
  if (hidden && members.length > 0) {
    await ctx.tx.candidate.updateMany({ where: { id: { in: members } }, data: { inHiddenGroup: true } });
  }
}

async function createAdmin(tx: Tx, spaceId: string | null, role: 'admin' | 'operator', login: { email: string; password: string }, lastName: string, firstName: string): Promise<void> {
  await tx.admin.create({ data: { spaceId, role, email: login.email, passwordHash: await hashPassword(login.password), lastName, firstName } });
}

/** Which lot each demo exam type's credits come from (types of history orders excepted). */
type LotsByType = Map<string, { id: string; expiresAt: Date }>;

async function seedDemoSpace(ctx: Context, credentials: DemoCredentials): Promise<string> {
  const space = await ctx.tx.space.create({
    data: { name: 'Démo', vatRateBp: 2000, createdAt: new Date(ctx.now.getTime() - 800 * DAY), embedOrigins: 'http://localhost:5173' },
  });
  await createAdmin(ctx.tx, space.id, 'admin', credentials.demoAdmin, 'Administrateur', 'Compte');
  const products = await createProducts(ctx.tx, space.id, DEMO_PRODUCTS);

  // Credits consumed per type by the candidates below, so lots hold quantity − consumed.
  const consumed = new Map<string, number>();
  for (const c of DEMO_CANDIDATES) consumed.set(c.exam.examTypeId, (consumed.get(c.exam.examTypeId) ?? 0) + 1);
  const want = new Map<string, number>(DEMO_FIGURES.stock.byType.map((t) => [t.examType, t.remaining]));
  const quantity = (type: string) => (want.get(type) ?? 0) + (consumed.get(type) ?? 0);

  // History: La Poste credits of 20 months ago (10 × 71,00 € = 852,00 € TTC, as §4.1), now expired
  // with 6 left; an approved-centre order fully consumed; a cancelled order.
  const history1 = await createOrder(ctx, space.id, 2000, products, { createdDaysAgo: 610, status: 'delivered', lines: [{ reference: 'PART-LAPOSTE-EXAMEN', quantity: 10 }] });
  const history2 = await createOrder(ctx, space.id, 2000, products, { createdDaysAgo: 480, status: 'delivered', lines: [{ reference: 'PART-CLR-EXAMEN', quantity: consumed.get('official-approved') ?? 0 }] });
  await createOrder(ctx, space.id, 2000, products, { createdDaysAgo: 240, status: 'cancelled', lines: [{ reference: 'PART-LAPOSTE-EXAMEN', quantity: 2 }] });
  // To consume: the blank exams, and the free demo exams (« Livré — 0,00 € »).
  const blank = await createOrder(ctx, space.id, 2000, products, {
    createdDaysAgo: 180,
    status: 'delivered',
    lines: [
      { reference: 'PART-BLANC-EXAMEN', quantity: quantity('blank-remote') },
      { reference: 'PART-BLANC-SITE', quantity: quantity('blank-onsite') },
      { reference: 'PART-BLANC-MANUEL', quantity: quantity('blank-manual') },
    ],
  });
  const demo = await createOrder(ctx, space.id, 2000, products, {
    createdDaysAgo: 90,
    status: 'delivered',
    lines: [
      { reference: 'PART-DEMO-EXAMEN', quantity: quantity('demo-remote') },
      { reference: 'PART-DEMO-SITE', quantity: quantity('demo-onsite') },
      { reference: 'PART-DEMO-MANUEL', quantity: quantity('demo-manual') },
    ],
  });
  // To validate: 4 × 71,00 € = 284,00 € HT = 340,80 € TTC, « En cours ».
  await createOrder(ctx, space.id, 2000, products, { createdDaysAgo: 2, status: 'pending', lines: [{ reference: 'PART-CLR-EXAMEN', quantity: 4 }] });

  const lots: LotsByType = new Map([...history1, ...history2, ...blank, ...demo]);
  const ids: string[] = [];
  const grouped: string[] = [];
  for (const [index, spec] of DEMO_CANDIDATES.entries()) {
    const id = await createCandidate(ctx, space.id, spec, 'exemple.fr', lots.get(spec.exam.examTypeId) ?? null, index);
    ids.push(id);
    if (spec.inGroup) grouped.push(id);
  }
  // §5.8's example group.
  await createGroup(ctx, space.id, 'Session de septembre', 'exam_session', 75, false, grouped);
  return space.id;
}

async function seedOtherSpace(ctx: Context, credentials: DemoCredentials): Promise<string> {
  const space = await ctx.tx.space.create({ data: { name: 'Autre', vatRateBp: 2000, createdAt: new Date(ctx.now.getTime() - 300 * DAY) } });
  await createAdmin(ctx.tx, space.id, 'admin', credentials.otherAdmin, 'Martin', 'Claire');
  const products = await createProducts(ctx.tx, space.id, OTHER_PRODUCTS);
  const delivered = await createOrder(ctx, space.id, 2000, products, { createdDaysAgo: 120, status: 'delivered', lines: [{ reference: 'PART-BLANC-EXAMEN', quantity: 20 }] });
  await createOrder(ctx, space.id, 2000, products, { createdDaysAgo: 5, status: 'pending', lines: [{ reference: 'PART-CLR-EXAMEN', quantity: 2 }] });
  const visible: string[] = [];
  const hidden: string[] = [];
  for (const [index, spec] of OTHER_CANDIDATES.entries()) {
    const id = await createCandidate(ctx, space.id, spec, 'autre.exemple.fr', delivered.get(spec.exam.examTypeId) ?? null, index);
    if (spec.hiddenGroup) hidden.push(id);
    else if (spec.inGroup) visible.push(id);
  }
  for (const [index, person] of OTHER_UNASSIGNED.entries()) {
    visible.push(await createCandidate(ctx, space.id, person, 'autre.exemple.fr', null, index));
  }
  await createGroup(ctx, space.id, 'Promotion 2026', 'class', 60, false, visible);
  await createGroup(ctx, space.id, 'Anciens clients', 'client', 200, true, hidden);
  return space.id;
}

/**
 * Seeds the catalogue, the « Démo » and « Autre » spaces, the operator and the
 * integration key, in one transaction. Refused in production (`DemoRefusedError`). Expects an empty
 * database (see `seedIfEmpty`).
 */
export async function seedDemo(db: Db, now: Date = new Date(), options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  // Throws DemoRefusedError in production, even with credentials given.
  const fromEnv = demoCredentials(options.env ?? process.env);
  const credentials = options.credentials ?? fromEnv;
  // Hashes are slow on purpose (argon2id): compute them before taking the write lock.
  const candidatePasswordHash = await hashPassword(options.candidatePassword ?? 'Candidat-2026');
  return withTransaction(
    db,
    async (tx) => {
      await seedCatalogue(tx, now);
      const ctx: Context = { tx, now, random: options.random ?? cryptoRandom, usedCodes: new Set(), candidatePasswordHash, orderRank: 0 };
      const demoSpaceId = await seedDemoSpace(ctx, credentials);
      ctx.orderRank = 0;
      const otherSpaceId = await seedOtherSpace(ctx, credentials);
      await createAdmin(tx, null, 'operator', credentials.operator, 'Exploitation', 'Équipe');
      await tx.apiKey.create({
        data: { kind: 'integration', name: "Plateforme d'examen (démo)", prefix: credentials.integrationKey.slice(0, 8), keyHash: sha256(credentials.integrationKey) },
      });
      return { demoSpaceId, otherSpaceId, credentials };
    },
    { timeout: 120_000 },
  );
}
