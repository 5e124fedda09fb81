/**
 * A large space for the bench: `seedBulk(db, spaceId, 100_000)` adds that many
 * candidates with groups (a few hidden), memberships, assignments (scheduled,
 * expired, taken) and attempts, consuming credits from one delivered order, with
 * the candidates' read-model columns filled as the API would fill them.
 *
 * Rows go in raw, all in one transaction (Prisma's `createMany` manages ~5–7 k
 * rows/s on SQLite): prepared statements on a raw better-sqlite3 connection on
 * SQLite, `INSERT … SELECT FROM unnest(arrays)` batches on a raw `pg`
 * connection on PostgreSQL. `seedBulkSpaces` does the same for many spaces at
 * once. Names and statuses come from a seeded PRNG: the same call gives the
 * same data.
 */
import { randomUUID } from 'node:crypto';
import {
  addDays,
  endOfParisDay,
  generateActivationCode,
  generatePublicCode,
  lineTotals,
  parisDay,
  startOfParisDay,
  validUntil,
  type RandomSource,
} from '@clr/domain';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Db } from '../db/client.js';
import { dbInfo, registeredGate } from '../db/registry.js';
import { sqlitePath } from '../db/url.js';
import { candidateSortName } from '../services/candidate-list.js';
import { groupNameColumns } from '../services/groups.js';
import { seedCatalogue } from './catalogue.js';

export interface SeedBulkOptions {
  now?: Date;
  /** Candidates per group (default 500). */
  groupSize?: number;
  /** PRNG seed (default 42). */
  seed?: number;
  /** Candidates per transaction-free progress line (default: silent). */
  log?: (line: string) => void;
  /** Password hash given to every generated candidate (default: an unusable one). */
  passwordHash?: string;
}

export interface SeedBulkResult {
  candidates: number;
  groups: number;
  memberships: number;
  assignments: number;
  attempts: number;
  ms: number;
}

const DAY = 86_400_000;

const LAST_NAMES = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel',
  'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine',
  'Rousseau', 'Vincent', 'Müller', 'Lefebvre', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier',
  'François', 'Legrand', 'Gauthier', 'Garcia', 'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu',
  'Gautier', 'Masson', 'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud', 'Martínez', 'Gérard',
  'Le Gall', 'Kervella', "D'Almeida", 'Nguyen', 'Haddad', 'Benoît', 'Lévêque', 'Dupont-Moreau', 'Bernard-Sauvage', 'Lemoine-Petit',
];
const FIRST_NAMES = [
  'Élodie', 'Jean-Baptiste', 'Anaïs', 'François', 'Chloé', 'Karim', 'Inès', 'Loïc', 'Maëlle', 'Théo', 'Gwenaëlle', 'Raphaël',
  'Zoé', 'Noé', 'Céline', 'Grégoire', 'Sophie-Anne', 'Mathéo', 'Hélène', 'Léa', 'Hugo', 'Manon', 'Lucas', 'Camille', 'Louis',
  'Emma', 'Gabriel', 'Jade', 'Arthur', 'Louise', 'Jules', 'Alice', 'Adam', 'Lina', 'Maël', 'Rose', 'Paul', 'Anna', 'Nathan',
  'Léna', 'Sacha', 'Mila', 'Aaron', 'Julia', 'Éthan', 'Agathe', 'Timéo', 'Clémence', 'Bérénice', 'Jérôme', 'Frédéric', 'Cécile',
  'Stéphane', 'Benoît', 'Geneviève', 'Marie-Claire', 'Jean-Pierre', 'Pierre-Louis', 'Anne-Sophie', 'Océane', 'Adrien', 'Bastien',
];
const TOWNS = [
  ['75011', 'Paris'], ['69003', 'Lyon'], ['13001', 'Marseille'], ['31000', 'Toulouse'], ['06000', 'Nice'], ['44000', 'Nantes'],
  ['67000', 'Strasbourg'], ['34000', 'Montpellier'], ['33000', 'Bordeaux'], ['59000', 'Lille'], ['35000', 'Rennes'], ['38000', 'Grenoble'],
] as const;
const INFO_STATUSES = ['employee', 'student', 'job_seeker', 'self_employed', 'civil_servant', 'retired', 'other'] as const;
const FUNDINGS = ['cpf', 'professionalisation', 'self_funded', 'other'] as const;
const CATEGORIES = ['client', 'class', 'exam_session', 'other'] as const;

/** Exam types the bulk space uses: two the candidate starts alone, one with a manual validation, one dated and supervised. */
const TYPES = [
  { id: 'blank-remote', requiresDate: false, partner: false, manual: false },
  { id: 'demo-remote', requiresDate: false, partner: false, manual: false },
  { id: 'blank-manual', requiresDate: false, partner: false, manual: true },
  { id: 'official-approved', requiresDate: true, partner: true, manual: false },
] as const;

/** mulberry32: a small, fast, seedable PRNG (not for secrets). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A RandomSource over the seeded PRNG, for codes that only need to be unique here. */
function byteSource(next: () => number): RandomSource {
  return (n) => {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) bytes[i] = Math.floor(next() * 256);
    return bytes;
  };
}

type Row = unknown[];

/** Where the rows go: a multi-row INSERT per batch (PostgreSQL, through Prisma) or prepared statements (SQLite, raw). */
interface Sink {
  insert(table: string, columns: string[], rows: Row[]): Promise<void>;
}

/**
 * PostgreSQL: one `INSERT … SELECT * FROM unnest($1::type[], $2::type[], …)` per
 * batch on a raw `pg` connection — one parameter per column whatever the batch
 * size, so neither the 65,535-parameter limit nor Prisma's handling of tens of
 * thousands of parameters weighs on it. Column types come from the catalogue.
 */
function postgresSink(conn: pg.Client): Sink {
  const types = new Map<string, Map<string, string>>();
  const typesOf = async (table: string) => {
    let known = types.get(table);
    if (!known) {
      const { rows } = await conn.query<{ column_name: string; udt_name: string }>(
        'SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
        [table],
      );
      known = new Map(rows.map((r) => [r.column_name, r.udt_name]));
      types.set(table, known);
    }
    return known;
  };
  const toSql = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
  return {
    async insert(table, columns, rows) {
      const known = await typesOf(table);
      const casts = columns.map((c, i) => `$${i + 1}::"${known.get(c) ?? 'text'}"[]`);
      const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`;
      const perBatch = 5_000;
      for (let start = 0; start < rows.length; start += perBatch) {
        const batch = rows.slice(start, start + perBatch);
        await conn.query(sql, columns.map((_, i) => batch.map((row) => toSql(row[i]))));
      }
    },
  };
}

/** Rows of every table kept until `flush()` (or until enough are waiting), then written parents first. */
interface BufferedSink extends Sink {
  flush(): Promise<void>;
}

/** The tables in the order their foreign keys need. */
const TABLE_ORDER = ['Order', 'OrderLine', 'CreditLot', 'Group', 'Candidate', 'Membership', 'Assignment', 'Attempt'];

function bufferedSink(inner: Sink, threshold = 20_000): BufferedSink {
  const waiting = new Map<string, { columns: string[]; rows: Row[] }>();
  let size = 0;
  const flush = async () => {
    for (const table of [...TABLE_ORDER, ...[...waiting.keys()].filter((t) => !TABLE_ORDER.includes(t))]) {
      const entry = waiting.get(table);
      if (entry && entry.rows.length > 0) await inner.insert(table, entry.columns, entry.rows);
    }
    waiting.clear();
    size = 0;
  };
  return {
    async insert(table, columns, rows) {
      const entry = waiting.get(table) ?? { columns, rows: [] };
      waiting.set(table, entry);
      for (const row of rows) entry.rows.push(row);
      size += rows.length;
      if (size >= threshold) await flush();
    },
    flush,
  };
}

/**
 * SQLite: one prepared statement per table on a raw better-sqlite3 connection
 * (about 100 k rows/s), values stored exactly as the Prisma adapter stores them:
 * instants as ISO 8601 with `+00:00`, booleans as 1/0.
 */
function sqliteSink(conn: Database.Database): Sink {
  const toSql = (value: unknown) =>
    value instanceof Date ? value.toISOString().replace('Z', '+00:00') : typeof value === 'boolean' ? (value ? 1 : 0) : value;
  return {
    async insert(table, columns, rows) {
      const statement = conn.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      for (const row of rows) statement.run(row.map(toSql));
    },
  };
}

/** One space of a multi-space seed: how many candidates it gets. */
export interface SeedBulkSpace {
  spaceId: string;
  count: number;
}

/**
 * Adds `count` candidates (with groups, memberships, assignments and attempts)
 * to an existing space. Status mix: 20 % to assign, 30 % scheduled, 5 %
 * expired, 45 % taken; 1 group in 50 is hidden (R12). The rows go in with
 * plain INSERTs, so the database triggers fill the counts per status
 * (`CandidateStatusCount`) and the search index (SQLite: `CandidateSearch`)
 * as they would for any other write.
 */
export async function seedBulk(db: Db, spaceId: string, count: number, options: SeedBulkOptions = {}): Promise<SeedBulkResult> {
  return seedBulkSpaces(db, [{ spaceId, count }], options);
}

/**
 * {@link seedBulk} for many spaces at once (the scale bench: 1,000,000
 * candidates over 10,000 spaces), in one transaction; each space gets its
 * own order, lots and groups. Rows are buffered across spaces and written in
 * batches of several thousand, parents first.
 */
export async function seedBulkSpaces(db: Db, spaces: readonly SeedBulkSpace[], options: SeedBulkOptions = {}): Promise<SeedBulkResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const today = parisDay(now);
  const next = prng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const codes = new Set<string>();
  const codeBytes = byteSource(next);
  const freshCode = (generate: typeof generateActivationCode) => {
    const code = generate(codeBytes, (c) => codes.has(c));
    codes.add(code);
    return code;
  };
  const { provider, url } = dbInfo(db);
  const log = options.log ?? (() => undefined);
  const groupSize = options.groupSize ?? 500;
  const passwordHash = options.passwordHash ?? '$bulk$not-a-password';
  const runId = randomUUID().slice(0, 8);

  await seedCatalogue(db, now, { sessions: false });

  const ordersBefore = new Map<string, number>();
  const ids = spaces.map((s) => s.spaceId);
  for (let i = 0; i < ids.length; i += 10_000) {
    const counted = await db.order.groupBy({ by: ['spaceId'], where: { spaceId: { in: ids.slice(i, i + 10_000) } }, _count: { _all: true } });
    for (const row of counted) ordersBefore.set(row.spaceId, row._count._all);
  }

  const writeSpace = async (sink: Sink, spaceId: string, count: number, offset: number): Promise<Omit<SeedBulkResult, 'ms'>> => {
    // Plan every candidate first: how many credits each type needs.
    type Plan = { kind: 'none' | 'scheduled' | 'expired' | 'taken'; type: (typeof TYPES)[number] };
    const plans: Plan[] = [];
    for (let i = 0; i < count; i += 1) {
      const r = next();
      const kind = r < 0.2 ? 'none' : r < 0.5 ? 'scheduled' : r < 0.55 ? 'expired' : 'taken';
      plans.push({ kind, type: kind === 'expired' ? TYPES[3] : pick(TYPES) });
    }
    const needed = new Map<string, number>();
    for (const p of plans) if (p.kind !== 'none') needed.set(p.type.id, (needed.get(p.type.id) ?? 0) + 1);
    const orderCount = ordersBefore.get(spaceId) ?? 0;
    // One delivered order brings the credits, with 1,000 of each type left over.
    const deliveredAt = new Date(now.getTime() - 200 * DAY);
    const expiresAt = endOfParisDay(addDays(parisDay(deliveredAt), 365));
    const orderId = randomUUID();
    await sink.insert(
      'Order',
      ['id', 'spaceId', 'number', 'status', 'vatRateBp', 'totalHt', 'totalVat', 'totalTtc', 'createdAt', 'deliveredAt'],
      [[orderId, spaceId, `${today.slice(0, 4)}-${String(orderCount + 1).padStart(5, '0')}`, 'delivered', 2000, 0, 0, 0, new Date(deliveredAt.getTime() - DAY), deliveredAt]],
    );
    const lotOf = new Map<string, string>();
    const lineRows: Row[] = [];
    const lotRows: Row[] = [];
    for (const [i, t] of TYPES.entries()) {
      const quantity = (needed.get(t.id) ?? 0) + 1000;
      const { ht, ttc } = lineTotals(quantity, 0, 2000);
      const lineId = randomUUID();
      const lotId = randomUUID();
      lineRows.push([lineId, orderId, i + 1, `bulk-${t.id}`, t.id, quantity, 0, ht, ttc]);
      lotRows.push([lotId, spaceId, orderId, lineId, t.id, quantity, 1000, expiresAt, deliveredAt]);
      lotOf.set(t.id, lotId);
    }
    await sink.insert('OrderLine', ['id', 'orderId', 'position', 'productId', 'examTypeId', 'quantity', 'unitPriceHt', 'ht', 'ttc'], lineRows);
    await sink.insert('CreditLot', ['id', 'spaceId', 'orderId', 'orderLineId', 'examTypeId', 'quantity', 'remaining', 'expiresAt', 'createdAt'], lotRows);

    // Groups.
    const groupCount = Math.max(1, Math.ceil(count / groupSize));
    const groups: { id: string; hidden: boolean }[] = [];
    const groupRows: Row[] = [];
    for (let g = 0; g < groupCount; g += 1) {
      const id = randomUUID();
      const hidden = g % 50 === 49;
      const name = `Groupe ${runId} n° ${g + 1}`;
      groups.push({ id, hidden });
      const keys = groupNameColumns(name);
      groupRows.push([id, spaceId, name, keys.nameKey, keys.searchKey, keys.sortKey, CATEGORIES[g % CATEGORIES.length], hidden, new Date(now.getTime() - (g % 700) * DAY)]);
    }
    await sink.insert('Group', ['id', 'spaceId', 'name', 'nameKey', 'searchKey', 'sortKey', 'category', 'hidden', 'createdAt'], groupRows);
    if (spaces.length === 1) log(`${groupCount} groups`);

    const candidateColumns = [
      'id', 'spaceId', 'civility', 'lastName', 'firstName', 'email', 'emailKey', 'passwordHash', 'birthDate', 'birthPostcode',
      'birthTown', 'birthCountry', 'infoStatus', 'funding', 'credentialsSent', 'ackRequested', 'createdAt', 'updatedAt',
      'lastLoginAt', 'stage', 'deadline', 'latestScore', 'latestValidation', 'latestExamType', 'examDate', 'sortName',
      'inHiddenGroup', 'hasAttempt',
    ];
    const assignmentColumns = ['id', 'spaceId', 'candidateId', 'examTypeId', 'lotId', 'scheduledAt', 'deadline', 'activationCode', 'state', 'takenAt', 'codeSpentAt', 'createdAt'];
    const attemptColumns = ['id', 'spaceId', 'candidateId', 'assignmentId', 'examTypeId', 'score', 'takenAt', 'validation', 'validUntil', 'publicCode', 'startedAt'];

    let memberships = 0;
    let assignments = 0;
    let attempts = 0;
    const chunk = 10_000;
    for (let from = 0; from < count; from += chunk) {
      const candidateRows: Row[] = [];
      const membershipRows: Row[] = [];
      const assignmentRows: Row[] = [];
      const attemptRows: Row[] = [];
      for (let i = from; i < Math.min(count, from + chunk); i += 1) {
        const plan = plans[i]!;
        const id = randomUUID();
        const lastName = pick(LAST_NAMES);
        const firstName = pick(FIRST_NAMES);
        const [birthPostcode, birthTown] = pick(TOWNS);
        const email = `${firstName}.${lastName}.${runId}.${offset + i}@bulk.exemple.test`
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/[^A-Za-z0-9.@-]/g, '')
          .toLowerCase();
        const createdAt = new Date(now.getTime() - (30 + Math.floor(next() * 600)) * DAY);

        // Groups: most candidates in one, some in two, some in none.
        const memberOf: number[] = [];
        const r = next();
        if (r < 0.8) memberOf.push(i % groupCount);
        if (r < 0.1 && groupCount > 1) memberOf.push((i * 7 + 3) % groupCount);
        const groupIds = [...new Set(memberOf)].map((g) => groups[g]!);
        for (const g of groupIds) membershipRows.push([g.id, id, createdAt]);
        memberships += groupIds.length;
        const inHiddenGroup = groupIds.some((g) => g.hidden);

        let stage = 'none';
        let deadline: Date | null = null;
        let latestScore: number | null = null;
        let latestValidation: string | null = null;
        let latestExamType: string | null = null;
        let examDate: Date | null = null;
        let lastLoginAt: Date | null = null;
        if (plan.kind !== 'none') {
          const type = plan.type;
          const assignmentId = randomUUID();
          const assignedAt = new Date(createdAt.getTime() + DAY);
          let scheduledAt: string | null = null;
          let takenAt: Date | null = null;
          if (plan.kind === 'scheduled') {
            scheduledAt = type.requiresDate ? addDays(today, 1 + Math.floor(next() * 60)) : null;
            deadline = scheduledAt ? endOfParisDay(scheduledAt) : expiresAt;
            stage = 'assigned';
            examDate = scheduledAt ? startOfParisDay(scheduledAt) : null;
          } else if (plan.kind === 'expired') {
            scheduledAt = addDays(today, -(1 + Math.floor(next() * 20)));
            deadline = endOfParisDay(scheduledAt);
            stage = 'assigned';
            examDate = startOfParisDay(scheduledAt);
          } else {
            takenAt = new Date(now.getTime() - (1 + Math.floor(next() * 190)) * DAY - Math.floor(next() * DAY));
            scheduledAt = type.requiresDate ? parisDay(takenAt) : null;
            stage = 'taken';
            examDate = takenAt;
            lastLoginAt = new Date(takenAt.getTime() + 3_600_000);
          }
          latestExamType = type.id;
          const assignmentDeadline = deadline ?? (scheduledAt ? endOfParisDay(scheduledAt) : expiresAt);
          assignmentRows.push([
            assignmentId, spaceId, id, type.id, lotOf.get(type.id)!, scheduledAt, assignmentDeadline,
            type.partner ? freshCode(generateActivationCode) : null, 'active', takenAt,
            type.partner && takenAt ? takenAt : null, assignedAt,
          ]);
          assignments += 1;
          if (takenAt) {
            const score = 100 + Math.floor(next() * 900);
            const v = next();
            const validation = type.manual && v < 0.4 ? 'pending' : v < 0.05 ? 'invalidated' : 'validated';
            attemptRows.push([
              randomUUID(), spaceId, id, assignmentId, type.id, score, takenAt, validation,
              validation === 'validated' ? validUntil(takenAt) : null,
              validation === 'validated' ? freshCode(generatePublicCode) : null,
              new Date(takenAt.getTime() - 3_600_000),
            ]);
            attempts += 1;
            latestScore = score;
            latestValidation = validation;
          }
        }
        candidateRows.push([
          id, spaceId, next() < 0.5 ? 'mme' : 'm', lastName, firstName, email, email, passwordHash, `19${60 + Math.floor(next() * 45)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
          birthPostcode, birthTown, 'France', pick(INFO_STATUSES), pick(FUNDINGS), false, false, createdAt, createdAt,
          lastLoginAt, stage, deadline, latestScore, latestValidation, latestExamType, examDate, candidateSortName(lastName, firstName),
          inHiddenGroup, stage === 'taken',
        ]);
      }
      await sink.insert('Candidate', candidateColumns, candidateRows);
      await sink.insert('Membership', ['groupId', 'candidateId', 'createdAt'], membershipRows);
      await sink.insert('Assignment', assignmentColumns, assignmentRows);
      await sink.insert('Attempt', attemptColumns, attemptRows);
      if (spaces.length === 1) log(`${Math.min(count, from + chunk)} / ${count} candidates`);
    }
    return { candidates: count, groups: groupCount, memberships, assignments, attempts };
  };

  const write = async (target: Sink): Promise<SeedBulkResult> => {
    const sink = spaces.length > 1 ? bufferedSink(target) : target;
    const total = { candidates: 0, groups: 0, memberships: 0, assignments: 0, attempts: 0 };
    let offset = 0;
    for (const [i, space] of spaces.entries()) {
      const done = await writeSpace(sink, space.spaceId, space.count, offset);
      offset += space.count;
      for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += done[key];
      if (spaces.length > 1 && (i + 1) % 1000 === 0) log(`${i + 1} / ${spaces.length} spaces`);
    }
    if ('flush' in sink) await (sink as BufferedSink).flush();
    return { ...total, ms: Date.now() - started };
  };

  if (provider === 'postgresql') {
    // A raw connection in one transaction, as on SQLite: Prisma's raw queries cost more than the rows.
    const conn = new pg.Client({ connectionString: url });
    await conn.connect();
    let result: SeedBulkResult;
    try {
      await conn.query('BEGIN');
      // A commit flushed before it returns (whatever the server's setting), so that the VACUUM below
      // can mark the new rows' pages all-visible (index-only scans): it cannot for an asynchronous
      // commit whose WAL is not on disk yet.
      await conn.query('SET LOCAL synchronous_commit = on');
      try {
        result = await write(postgresSink(conn));
        await conn.query('COMMIT');
      } catch (error) {
        await conn.query('ROLLBACK');
        throw error;
      }
    } finally {
      await conn.end();
    }
    // Fresh statistics, or the planner guesses on 100 k new rows until autovacuum passes. VACUUM
    // also moves the new rows' trigrams from the GIN indexes' pending list into the indexes
    // proper: until then the planner prices a search through them above reading a whole B-tree.
    await db.$executeRawUnsafe('VACUUM (ANALYZE) "Candidate"');
    for (const table of ['Membership', 'Group', 'Assignment', 'Attempt']) await db.$executeRawUnsafe(`ANALYZE "${table}"`);
    return result;
  }
  // SQLite: a raw connection in one write transaction, while this client's gate
  // keeps every other query of the process waiting.
  const run = async () => {
    const conn = new Database(sqlitePath(url));
    try {
      conn.pragma('busy_timeout = 5000');
      // Nine indexes on Candidate: a large page cache keeps the B-trees in memory while they grow.
      conn.pragma('cache_size = -262144');
      conn.exec('BEGIN IMMEDIATE');
      try {
        const result = await write(sqliteSink(conn));
        conn.exec('COMMIT');
        // One transaction of every row leaves the whole database in the WAL, where every later
        // read finds its pages (without the memory map, one read() call each) until a checkpoint
        // resets it: move them into the database file now, as the regular small checkpoints of a
        // running server would have.
        conn.pragma('wal_checkpoint(TRUNCATE)');
        return result;
      } catch (error) {
        if (conn.inTransaction) conn.exec('ROLLBACK');
        throw error;
      }
    } finally {
      conn.close();
    }
  };
  const gate = registeredGate(db);
  return gate ? gate.run(run) : run();
}
