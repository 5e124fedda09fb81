import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATE_SORTS, type CandidateRow } from '@clr/domain';
import { exportCandidateRows } from '../../src/services/candidate-export.js';
import { GROUP_ID_LIST_MAX, queryCandidates, type CandidateFilters } from '../../src/services/candidate-list.js';
import { closeAll } from '../support/db.js';
import { makePerson, type PersonInput } from './candidates.support.js';
import { CANDIDATE_FILLER, makeKit, type TestKit } from './helpers.js';

/**
 * R20 — the candidates export reads the listing's rows without its counts and
 * in larger pages: under every filter and sort it gives exactly the rows the
 * listing gives page after page, groups included and in the listing's order,
 * whatever the export's page size.
 */
let kit: TestKit;
let spaceId: string;
let otherSpaceId: string;
const groups: Record<'small' | 'large' | 'hidden', string> = { small: '', large: '', hidden: '' };
const NOW = new Date('2026-03-10T09:00:00Z');
const at = (iso: string) => new Date(iso);

const PEOPLE: PersonInput[] = [
  { lastName: 'Lefèvre', firstName: 'Élodie', stage: 'taken', latestScore: 617, latestValidation: 'validated', latestExamType: 'official-onsite', examDate: at('2026-02-10T10:00:00Z'), lastLoginAt: at('2026-02-01T08:00:00Z') },
  { lastName: 'Lefebvre', firstName: 'Paul', stage: 'taken', latestScore: 617, latestValidation: 'pending', latestExamType: 'blank-manual', examDate: at('2026-02-11T23:30:00Z') },
  { lastName: 'Aubert', firstName: 'Hugo', stage: 'taken', latestScore: 942, latestValidation: 'validated', latestExamType: 'blank-remote', examDate: at('2026-01-05T10:00:00Z') },
  { lastName: 'Bernard', firstName: 'Inès', stage: 'taken', latestScore: 306, latestValidation: 'invalidated', latestExamType: 'official-approved', examDate: at('2026-01-05T10:00:00Z') },
  { lastName: 'Martin', firstName: 'Zoé', stage: 'assigned', deadline: at('2026-06-30T21:59:59.999Z'), examDate: at('2026-04-01T22:00:00Z'), latestExamType: 'blank-remote' },
  { lastName: 'Martin', firstName: 'Zoé', stage: 'assigned', deadline: at('2026-03-01T22:59:59.999Z'), latestExamType: 'blank-remote' },
  { lastName: 'Durand', firstName: 'Claire', lastLoginAt: at('2026-03-09T18:00:00Z') },
  { lastName: 'Œnone', firstName: 'Ève' },
  { lastName: 'Caché', firstName: 'Noé', stage: 'taken', latestScore: 500, latestValidation: 'validated', latestExamType: 'blank-remote', examDate: at('2026-03-02T10:00:00Z'), inHiddenGroup: true },
  { lastName: 'durand', firstName: 'claire' },
];

/** The listing's rows under `filters`, following its cursor `limit` rows at a time. */
async function listed(filters: CandidateFilters, limit = 3): Promise<CandidateRow[]> {
  const rows: CandidateRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryCandidates(kit.db, spaceId, { ...filters, limit, ...(cursor ? { cursor } : {}) }, NOW);
    rows.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

async function exported(filters: CandidateFilters, pageSize?: number): Promise<CandidateRow[]> {
  const rows: CandidateRow[] = [];
  for await (const row of exportCandidateRows(kit.db, spaceId, filters, NOW, pageSize === undefined ? {} : { pageSize })) rows.push(row);
  return rows;
}

async function group(name: string, hidden = false, space = spaceId): Promise<string> {
  const made = await kit.db.group.create({ data: { spaceId: space, name, nameKey: name.toLowerCase(), category: 'class', hidden } });
  return made.id;
}

beforeAll(async () => {
  kit = await makeKit();
  spaceId = (await kit.db.space.create({ data: { name: 'Export' } })).id;
  otherSpaceId = (await kit.db.space.create({ data: { name: 'Ailleurs' } })).id;
  const ids: string[] = [];
  for (const [i, person] of PEOPLE.entries()) ids.push((await makePerson(kit.db, spaceId, { ...person, email: `p${i}@exemple.test` })).id);
  await makePerson(kit.db, otherSpaceId, { lastName: 'Aubert', firstName: 'Autre', email: 'autre@exemple.test' });

  // Groups whose names sort differently in French collation and in code points.
  groups.small = await group('Élan');
  const second = await group('eau');
  const third = await group('Zèbre');
  groups.hidden = await group('Masqué', true);
  groups.large = await group('Promotion');
  const memberships = [
    ...[0, 2, 4, 6].map((i) => ({ groupId: groups.small, candidateId: ids[i]! })),
    ...[0, 1, 2, 7].map((i) => ({ groupId: second, candidateId: ids[i]! })),
    ...[0, 9].map((i) => ({ groupId: third, candidateId: ids[i]! })),
    { groupId: groups.hidden, candidateId: ids[8]! },
  ];
  // A group larger than GROUP_ID_LIST_MAX: the listing filters it by relation, not by ids.
  const crowd = Array.from({ length: GROUP_ID_LIST_MAX + 5 }, (_, i) => ({
    id: `crowd-${String(i).padStart(4, '0')}`,
    spaceId,
    civility: 'm',
    lastName: `Foule ${i % 7}`,
    firstName: 'Anonyme',
    email: `foule-${i}@exemple.test`,
    emailKey: `foule-${i}@exemple.test`,
    ...CANDIDATE_FILLER,
    sortName: `foule ${i % 7} anonyme`,
    ...(i % 3 === 0 ? { stage: 'taken', latestScore: (i * 37) % 990, latestValidation: 'validated', latestExamType: 'blank-remote', examDate: new Date(Date.UTC(2026, 0, 1 + (i % 50), 10)) } : {}),
  }));
  await kit.db.candidate.createMany({ data: crowd });
  memberships.push(...crowd.map((c) => ({ groupId: groups.large, candidateId: c.id })), { groupId: groups.large, candidateId: ids[3]! });
  await kit.db.membership.createMany({ data: memberships });
});

afterAll(closeAll);

describe('the candidates export reads the listing’s rows (R20)', () => {
  const cases: [string, () => CandidateFilters][] = [
    ['no filter', () => ({})],
    ['hidden candidates asked for (R12)', () => ({ includeHidden: true })],
    ...CANDIDATE_SORTS.map(
      (sort): [string, () => CandidateFilters] => [`sort ${sort}`, () => ({ sort, includeHidden: true })],
    ),
    ['status « Prévue »', () => ({ status: 'scheduled' })],
    ['status « Expirée » (R19)', () => ({ status: 'expired' })],
    ['validation', () => ({ validation: 'validated', sort: '-score' })],
    ['a period', () => ({ from: '2026-01-05', to: '2026-02-11', sort: 'date' })],
    ['a search through the index', () => ({ q: 'lefe' })],
    ['a search of a short word', () => ({ q: 'zo' })],
    ['a search with accents and ligatures', () => ({ q: 'œnone ève' })],
    ['a small group', () => ({ groupId: groups.small, sort: '-score' })],
    ['a hidden group, hidden candidates asked for', () => ({ groupId: groups.hidden, includeHidden: true })],
    ['a group larger than the id list', () => ({ groupId: groups.large, sort: '-score' })],
    ['a large group and a search', () => ({ groupId: groups.large, q: 'foule 3' })],
    ['a large group and a status', () => ({ groupId: groups.large, status: 'taken', sort: 'date' })],
    // A search alone is listed from the trigram index's side table on SQLite
    // (candidate-search-index.ts), the export by the general path: the two agree.
    ...CANDIDATE_SORTS.map((sort): [string, () => CandidateFilters] => [`a search and a short word, sort ${sort}`, () => ({ q: 'foule 3', sort, includeHidden: true })]),
    ['a search and a status', () => ({ q: 'exemple', status: 'taken', sort: '-score' })],
    ['a search, a validation and a period', () => ({ q: 'exemple', validation: 'validated', from: '2026-01-05', to: '2026-02-11', sort: '-date' })],
    ['a search and R19’s expired status', () => ({ q: 'martin', status: 'expired' })],
    ['a search without the hidden candidates (R12)', () => ({ q: 'exemple', sort: '-status' })],
  ];

  it.each(cases)('R20 under %s gives the listing’s rows, in its order, whatever the page size', async (_, filters) => {
    const expected = await listed(filters());
    expect(expected.length).toBeGreaterThan(0);
    for (const pageSize of [1, 2, 7, undefined]) expect(await exported(filters(), pageSize)).toEqual(expected);
  });

  it('R20 lists a candidate’s groups by name as the listing does (« eau », « Élan », « Zèbre »)', async () => {
    const rows = await exported({});
    const lefevre = rows.find((r) => r.email === 'p0@exemple.test');
    expect(lefevre?.groups.map((g) => g.name)).toEqual(['eau', 'Élan', 'Zèbre']);
    expect(rows.find((r) => r.email === 'p3@exemple.test')?.groups.map((g) => g.name)).toEqual(['Promotion']);
    expect(rows.find((r) => r.email === 'p5@exemple.test')?.groups).toEqual([]);
  });

  it('R20 never gives a candidate of another space', async () => {
    const rows = await exported({ q: 'aubert', includeHidden: true });
    expect(rows.map((r) => r.email)).toEqual(['p2@exemple.test']);
  });

  it('R20 names a group created while the export runs', async () => {
    const rows = exportCandidateRows(kit.db, spaceId, { sort: 'name' }, NOW, { pageSize: 1 });
    const first = await rows.next();
    expect(first.done).toBe(false);
    const late = await group('Arrivée tardive');
    const zoe = await kit.db.candidate.findFirstOrThrow({ where: { email: 'p4@exemple.test' } });
    await kit.db.membership.create({ data: { groupId: late, candidateId: zoe.id } });
    const rest: CandidateRow[] = [];
    for await (const row of rows) rest.push(row);
    expect(rest.find((r) => r.id === zoe.id)?.groups.map((g) => g.name)).toEqual(['Arrivée tardive', 'Élan']);
    await kit.db.membership.delete({ where: { groupId_candidateId: { groupId: late, candidateId: zoe.id } } });
    await kit.db.group.delete({ where: { id: late } });
  });
});
