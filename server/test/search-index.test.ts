import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusFromStage, type CandidateStatus, type StatusCounts } from '@clr/domain';
import { withTransaction } from '../src/db/client.js';
import { seedBulk } from '../src/seed/bulk.js';
import { queryCandidates, resolveSearch, SEARCH_ID_LIST_MAX, searchWords, type CandidateFilters } from '../src/services/candidate-list.js';
import { candidateBody, makePerson, type PersonInput } from './api/candidates.support.js';
import { makeApiKey, makeKit, makeSpace, type TestKit } from './api/helpers.js';
import { closeAll, testProvider } from './support/db.js';
import { searchIndexDrift } from './support/search-index.js';

/**
 * « Rechercher un nom, un courriel » (§6.1) answered by the trigram index
 * (SQLite: FTS5 `CandidateSearch`; PostgreSQL: pg_trgm GIN indexes) gives
 * exactly what `LIKE '%word%'` on the search keys gives: every word found in
 * the name key or the e-mail (accents and case folded by the search key, `_`
 * any one character), and the counts follow. Checked against a brute-force
 * reading of every candidate.
 */
let kit: TestKit;
const provider = testProvider();
const NOW = new Date('2026-03-10T09:00:00.000Z');
const DAY = 86_400_000;

beforeAll(async () => {
  kit = await makeKit();
  kit.clock.set(NOW.toISOString());
});
afterAll(() => closeAll());

interface Person {
  id: string;
  sortName: string;
  emailKey: string;
  stage: string;
  deadline: Date | null;
  inHiddenGroup: boolean;
  latestValidation: string | null;
}

/** `LIKE '%word%'` on a lower-case key: `_` is any one character, everything else itself. */
function like(key: string, word: string): boolean {
  const pattern = [...word].map((ch) => (ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(pattern, 'su').test(key);
}

function statusOf(p: Person): CandidateStatus {
  return statusFromStage({ stage: p.stage as 'none' | 'assigned' | 'taken', deadline: p.deadline?.toISOString() ?? null }, NOW);
}

/** What the list must answer, from every candidate read in memory. */
function expected(people: readonly Person[], q: string, filters: { includeHidden?: boolean; status?: CandidateStatus; validation?: string; members?: Set<string> } = {}) {
  const words = searchWords(q);
  const found = people.filter(
    (p) =>
      (filters.includeHidden || !p.inHiddenGroup) &&
      (filters.validation === undefined || p.latestValidation === filters.validation) &&
      (filters.members === undefined || filters.members.has(p.id)) &&
      words.every((w) => like(p.sortName, w) || like(p.emailKey, w)),
  );
  const counts: StatusCounts = { to_assign: 0, scheduled: 0, expired: 0, taken: 0 };
  for (const p of found) counts[statusOf(p)] += 1;
  const rows = found.filter((p) => filters.status === undefined || statusOf(p) === filters.status);
  return { ids: rows.map((p) => p.id).sort(), counts };
}

const PEOPLE: (PersonInput & { lastName: string; firstName: string; email: string })[] = [
  { lastName: 'Lefèvre', firstName: 'Élodie', email: 'lefevre.elodie@exemple.test', stage: 'taken', latestValidation: 'validated' },
  { lastName: 'Lefebvre', firstName: 'Jean', email: 'jean_lefebvre@exemple.test', stage: 'assigned', deadline: new Date(NOW.getTime() + 5 * DAY) },
  { lastName: 'Œuvrard', firstName: 'Anne', email: 'anne.oeuvrard@exemple.test' },
  { lastName: "D'Artagnan", firstName: 'Charles', email: 'c.dartagnan+gascogne@exemple.test', stage: 'assigned', deadline: new Date(NOW.getTime() - DAY) },
  { lastName: 'Dupré-Noël', firstName: 'Marie', email: 'marie.dupre-noel@exemple.test', stage: 'taken', latestValidation: 'pending' },
  { lastName: "N'Diaye", firstName: 'Aïssata', email: 'aissata.ndiaye@exemple.test', inHiddenGroup: true },
  { lastName: 'Le Gall', firstName: 'Yann', email: 'yann.legall@exemple.test', stage: 'assigned', deadline: new Date(NOW.getTime() + DAY) },
  { lastName: 'Müller', firstName: 'Zoë', email: 'zoe.muller@exemple.test', stage: 'taken', latestValidation: 'invalidated' },
  { lastName: 'Ng', firstName: 'Li', email: 'li.ng@exemple.test' },
  { lastName: 'Lé', firstName: 'Jean-Baptiste', email: 'jb_le@exemple.test', stage: 'assigned', deadline: new Date(NOW.getTime() + 30 * DAY) },
  { lastName: "O'Brien", firstName: 'Seán', email: 'sean.obrien@exemple.test', inHiddenGroup: true, stage: 'taken', latestValidation: 'validated' },
  { lastName: 'Saint-Exupéry', firstName: 'Étienne', email: 'etienne.sx@exemple.test', stage: 'assigned', deadline: new Date(NOW.getTime() - 3 * DAY) },
  { lastName: 'Garnier', firstName: 'Lefa', email: 'garnier.100@exemple.test', stage: 'taken', latestValidation: 'validated' },
  { lastName: 'Martin', firstName: 'Zoé', email: 'martin.zoe@exemple.test', stage: 'none' },
];

/** The words the bench of queries is made of: every 1- to 4-character piece of the keys, and a few written by hand. */
function queries(people: readonly Person[]): string[] {
  const pieces = new Set<string>();
  for (const p of people) {
    for (const key of [p.sortName, p.emailKey]) {
      const chars = [...key];
      for (let size = 1; size <= 4; size += 1) {
        for (let i = 0; i + size <= chars.length; i += 3) pieces.add(chars.slice(i, i + size).join(''));
      }
    }
  }
  const byHand = [
    'lef', 'LEFÈVRE', 'élodie lefevre', 'oeu', 'Œuvrard', "d'art", 'dupre-noel', 'noel marie', 'ng', 'ng li', 'li ng', 'le', 'le gall',
    'aissata', 'jean_l', 'n_d', 'a_s', '@exemple', 'exemple.test', '+gascogne', 'zzz', 'Müller', 'mul', 'x', 'sea', 'saint-ex',
    'baptiste le', '100', 'e e', '"', 'a"b', 'lefa', 'lefe', 'fèv', 'jb_', '__', 'l_f', 'zoe', 'ZOÉ martin', 'étienne', '%lef%',
  ];
  return [...byHand, ...[...pieces].filter((piece) => piece.trim() !== '')];
}

async function makeSpaceWithPeople(name: string): Promise<{ spaceId: string; people: Person[] }> {
  const space = await makeSpace(kit.db, name);
  const people: Person[] = [];
  for (const input of PEOPLE) {
    const email = name === 'Recherche' ? input.email : input.email.replace('@', '@autre.');
    const p = await makePerson(kit.db, space.id, { ...input, email });
    people.push({
      id: p.id,
      sortName: p.sortName,
      emailKey: p.emailKey,
      stage: p.stage,
      deadline: p.deadline,
      inHiddenGroup: p.inHiddenGroup,
      latestValidation: p.latestValidation,
    });
  }
  return { spaceId: space.id, people };
}

async function list(spaceId: string, filters: CandidateFilters) {
  const answer = await queryCandidates(kit.db, spaceId, { limit: 100, ...filters }, NOW);
  return { ids: answer.data.map((r) => r.id).sort(), counts: answer.counts, total: answer.total };
}

describe(`the candidates search through the trigram index (${provider})`, () => {
  let spaceId: string;
  let people: Person[];
  beforeAll(async () => {
    ({ spaceId, people } = await makeSpaceWithPeople('Recherche'));
    // The same people in another space: never found from this one.
    await makeSpaceWithPeople('Ailleurs');
  });

  it('finds exactly what LIKE finds on the name key and the e-mail, and counts it, for every piece of every key', async () => {
    const all = queries(people);
    expect(all.length).toBeGreaterThan(150);
    for (const q of all) {
      const want = expected(people, q);
      const got = await list(spaceId, { q });
      expect({ q, ids: got.ids, counts: got.counts, total: got.total }).toEqual({ q, ids: want.ids, counts: want.counts, total: want.ids.length });
    }
  });

  it.each<[string, CandidateFilters, Parameters<typeof expected>[2]]>([
    ['R12 includeHidden', { includeHidden: true }, { includeHidden: true }],
    ['R19 status=expired', { status: 'expired' }, { status: 'expired' }],
    ['R19 status=scheduled', { status: 'scheduled' }, { status: 'scheduled' }],
    ['validation=validated', { validation: 'validated' }, { validation: 'validated' }],
  ])('with %s, the search keeps every other filter', async (_label, filters, want) => {
    for (const q of ['lef', 'exemple', 'e', 'jean le', 'a_s', 'zzz', 'ng li']) {
      const w = expected(people, q, want);
      const got = await list(spaceId, { q, ...filters });
      expect({ q, ids: got.ids, counts: got.counts }).toEqual({ q, ids: w.ids, counts: w.counts });
      expect(got.total).toBe(filters.status ? w.counts[filters.status] : w.ids.length);
    }
  });

  it('within a group: the search and the group together', async () => {
    const group = await kit.db.group.create({ data: { spaceId, name: 'Classe', nameKey: 'classe', category: 'class' } });
    const members = people.filter((_, i) => i % 2 === 0).map((p) => p.id);
    await kit.db.membership.createMany({ data: members.map((candidateId) => ({ groupId: group.id, candidateId })) });
    for (const q of ['lef', 'exemple', 'le', 'zzz']) {
      const w = expected(people, q, { members: new Set(members) });
      const got = await list(spaceId, { q, groupId: group.id });
      expect({ q, ids: got.ids, counts: got.counts }).toEqual({ q, ids: w.ids, counts: w.counts });
    }
  });

  it('pages a search with the cursor: every match once, in name order', async () => {
    const want = expected(people, 'exemple');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryCandidates(kit.db, spaceId, { q: 'exemple', limit: 3, ...(cursor ? { cursor } : {}) }, NOW);
      seen.push(...page.data.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect([...seen].sort()).toEqual(want.ids);
    const byId = new Map(people.map((p) => [p.id, p]));
    const names = seen.map((id) => `${byId.get(id)!.sortName}\u0000${id}`);
    expect(names).toEqual([...names].sort());
  });

  it(
    provider === 'sqlite'
      ? 'uses the FTS5 index for words of 3 characters or more, LIKE for shorter ones'
      : 'leaves the search to LIKE, which the pg_trgm indexes answer',
    async () => {
      const indexed = await resolveSearch(kit.db, spaceId, 'lef');
      const short = await resolveSearch(kit.db, spaceId, 'le');
      expect(short.matches).toBeNull();
      if (provider === 'sqlite') expect(indexed.matches?.map((m) => m.id).sort()).toEqual(expected(people, 'lef', { includeHidden: true }).ids);
      else expect(indexed.matches).toBeNull();
    },
  );
});

describe(`the search index follows every write (${provider})`, () => {
  it('a new, renamed, re-addressed or deleted candidate is found by its current name and e-mail only', async () => {
    const space = await makeSpace(kit.db, 'Écritures');
    const key = (await makeApiKey(kit.db, { spaceId: space.id })).secret;
    const call = (method: string, path: string, body?: unknown) => kit.call(method, path, { bearer: key, ...(body === undefined ? {} : { body }) });
    const found = async (q: string) => ((await call('GET', `/candidates?q=${encodeURIComponent(q)}`)).json.data as { id: string }[]).map((r) => r.id);

    const created = await call('POST', '/candidates', candidateBody({ email: 'ecrit.premier@exemple.test' }));
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect(await found('lefevre')).toEqual([id]);
    expect(await found('premier')).toEqual([id]);

    expect((await call('PATCH', `/candidates/${id}`, { identity: { lastName: 'Quéméneur', email: 'ecrit.second@exemple.test' } })).status).toBe(200);
    expect(await found('lefevre')).toEqual([]);
    expect(await found('premier')).toEqual([]);
    expect(await found('quemeneur')).toEqual([id]);
    expect(await found('second')).toEqual([id]);
    expect(await found('elodie quem')).toEqual([id]);

    expect((await call('DELETE', `/candidates/${id}`)).status).toBe(204);
    expect(await found('quemeneur')).toEqual([]);
    expect(await found('second')).toEqual([]);

    if (provider === 'sqlite') {
      // The FTS5 index agrees with its content, and its content with the candidates.
      expect(await searchIndexDrift(kit.db)).toEqual({ stale: 0, missing: 0 });
    }
  });

  it(`more than ${SEARCH_ID_LIST_MAX} matches: the search falls back to LIKE and still finds them all`, async () => {
    const space = await makeSpace(kit.db, 'Nombreux');
    const seeded = await seedBulk(kit.db, space.id, SEARCH_ID_LIST_MAX + 1, { now: NOW, groupSize: 1000 });
    expect(seeded.candidates).toBe(SEARCH_ID_LIST_MAX + 1);
    const visible = await kit.db.candidate.count({ where: { spaceId: space.id, inHiddenGroup: false } });
    const everyone = await queryCandidates(kit.db, space.id, { q: '@bulk.exemple', limit: 5 }, NOW);
    expect(everyone.total).toBe(visible);
    const some = await queryCandidates(kit.db, space.id, { q: 'lef', limit: 5 }, NOW);
    const brute = await kit.db.candidate.count({
      where: { spaceId: space.id, inHiddenGroup: false, OR: [{ sortName: { contains: 'lef' } }, { emailKey: { contains: 'lef' } }] },
    });
    expect(some.total).toBe(brute);
    expect(brute).toBeGreaterThan(0);
  });
});

// PostgreSQL's own index: declared only where it exists (the SQLite run has no such test, rather than a skipped one).
if (provider === 'postgresql') describe('PostgreSQL', () => {
  it('answers the search’s LIKE on both keys from the pg_trgm GIN indexes', async () => {
    // Enough rows (analysed by the bulk seed) for an index to beat reading a whole one.
    const space = await makeSpace(kit.db, 'Plan');
    // Its own PRNG seed: the codes of another bulk seed of this database are taken.
    await seedBulk(kit.db, space.id, 3000, { now: NOW, groupSize: 1000, seed: 7 });
    const plan = await withTransaction(kit.db, async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<Record<string, string>[]>(
        `EXPLAIN SELECT "id" FROM "Candidate" WHERE "sortName" LIKE $1 OR "emailKey" LIKE $1`,
        '%lef%',
      );
    });
    const text = plan.map((row) => Object.values(row).join(' ')).join('\n');
    expect(text, text).toContain('Candidate_sortName_trgm_idx');
    expect(text).toContain('Candidate_emailKey_trgm_idx');
  });
});
