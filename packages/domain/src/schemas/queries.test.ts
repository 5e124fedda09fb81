import { describe, expect, it } from 'vitest';
import { CANDIDATE_SORTS, CandidateFilterQuery, CandidateListQuery } from './candidates.js';
import { GroupListQuery } from './groups.js';
import { OrderListQuery } from './orders.js';
import { ActivationCodesQuery } from './codes.js';
import { DocumentsEligibleQuery, DocumentsQuery } from './documents.js';
import { AssignmentDeleteQuery, ExamSessionListQuery } from './assignments.js';
import { toFieldErrors, type IssueSource } from './errors.js';

const errorsOf = (result: { error?: IssueSource | undefined }) => toFieldErrors(result.error ?? { issues: [] });

describe('candidates list query (§6.1)', () => {
  it('has the defaults of the table: sorted by name, hidden candidates left out, 50 a page', () => {
    expect(CandidateListQuery.parse({})).toEqual({ sort: 'name', includeHidden: false, limit: 50 });
  });

  it('coerces the strings of a query string', () => {
    const parsed = CandidateListQuery.parse({
      q: '  Lefèvre ',
      status: 'scheduled',
      validation: 'pending',
      groupId: 'grp_42',
      from: '2026-01-01',
      to: '2026-12-31',
      sort: '-date',
      includeHidden: 'true',
      cursor: 'eyJpZCI6IjEyIn0',
      limit: '200',
    });
    expect(parsed).toEqual({
      q: 'Lefèvre',
      status: 'scheduled',
      validation: 'pending',
      groupId: 'grp_42',
      from: '2026-01-01',
      to: '2026-12-31',
      sort: '-date',
      includeHidden: true,
      cursor: 'eyJpZCI6IjEyIn0',
      limit: 200,
    });
  });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
    [true, true],
    [false, false],
    ['', false],
  ])('R12 reads includeHidden=%j as %s', (value, expected) => {
    expect(CandidateListQuery.parse({ includeHidden: value }).includeHidden).toBe(expected);
  });

  it('reads blank filters (`q=&status=`) as no filter', () => {
    expect(CandidateListQuery.parse({ q: '', status: '', groupId: ' ', from: '' })).toEqual({
      sort: 'name',
      includeHidden: false,
      limit: 50,
    });
  });

  it.each(CANDIDATE_SORTS)('sorts on %s', (sort) => {
    expect(CandidateListQuery.parse({ sort }).sort).toBe(sort);
  });

  it.each([
    [{ sort: 'password' }, 'sort', "Le tri demandé n'est pas disponible."],
    [{ sort: '--name' }, 'sort', "Le tri demandé n'est pas disponible."],
    [{ status: 'done' }, 'status', "Le statut de passage n'est pas valide."],
    [{ validation: 'ok' }, 'validation', "L'état de validation n'est pas valide."],
    [{ groupId: 'a b' }, 'groupId', "Le groupe n'est pas valide."],
    [{ includeHidden: 'yes' }, 'includeHidden', "L'option « Afficher les candidats masqués » n'est pas valide."],
    [{ limit: '0' }, 'limit', 'Le nombre de lignes par page doit être un nombre entier entre 1 et 200.'],
    [{ limit: '201' }, 'limit', 'Le nombre de lignes par page doit être un nombre entier entre 1 et 200.'],
    [{ limit: '2.5' }, 'limit', 'Le nombre de lignes par page doit être un nombre entier entre 1 et 200.'],
    [{ limit: 'abc' }, 'limit', 'Le nombre de lignes par page doit être un nombre entier entre 1 et 200.'],
    [{ from: '2026-02-30' }, 'from', "La date de début n'est pas valide."],
    [{ to: '31/12/2026' }, 'to', "La date de fin n'est pas valide."],
    [{ from: '2026-03-01', to: '2026-02-01' }, 'to', 'La date de fin doit être postérieure ou égale à la date de début.'],
    [{ q: 'x'.repeat(201) }, 'q', 'La recherche ne doit pas dépasser 200 caractères.'],
  ])('refuses %j naming %s', (query, path, message) => {
    expect(errorsOf(CandidateListQuery.safeParse(query))).toEqual([{ path, message }]);
  });

  it('accepts a one-day period (from = to)', () => {
    expect(CandidateListQuery.parse({ from: '2026-03-01', to: '2026-03-01' })).toMatchObject({ from: '2026-03-01', to: '2026-03-01' });
  });

  it('has the filters alone for the selection dialogs (§5.9, §6.6)', () => {
    expect(CandidateFilterQuery.parse({ status: 'expired', groupId: 'g1' })).toEqual({ status: 'expired', groupId: 'g1' });
  });
});

describe('groups list query (§5.1)', () => {
  it('sorts by name by default and filters by category and creation period', () => {
    expect(GroupListQuery.parse({ category: 'exam_session', from: '2018-01-01', limit: '10' })).toEqual({
      category: 'exam_session',
      from: '2018-01-01',
      sort: 'name',
      limit: 10,
    });
  });

  it.each([
    [{ category: 'school' }, 'category', "La catégorie du groupe n'est pas valide."],
    [{ sort: 'members' }, 'sort', "Le tri demandé n'est pas disponible."],
  ])('refuses %j naming %s', (query, path, message) => {
    expect(errorsOf(GroupListQuery.safeParse(query))).toEqual([{ path, message }]);
  });
});

describe('orders list query (§4.1)', () => {
  it('filters by search, exam type, period and section', () => {
    expect(
      OrderListQuery.parse({ q: 'P2019', examType: 'official-laposte', from: '2019-01-01', to: '2019-12-31', section: 'history' }),
    ).toEqual({ q: 'P2019', examType: 'official-laposte', from: '2019-01-01', to: '2019-12-31', section: 'history', limit: 50 });
  });

  it.each([
    [{ section: 'archived' }, 'section', "La section n'est pas valide."],
    [{ examType: 'Examen blanc' }, 'examType', "Le type d'examen n'est pas valide."],
  ])('refuses %j naming %s', (query, path, message) => {
    expect(errorsOf(OrderListQuery.safeParse(query))).toEqual([{ path, message }]);
  });
});

describe('activation codes query (§6.7)', () => {
  it.each([
    ['c1,c2,c3', ['c1', 'c2', 'c3']],
    [['c1', 'c2'], ['c1', 'c2']],
    [['c1,c2', 'c3'], ['c1', 'c2', 'c3']],
  ])('reads candidateIds=%j as a list', (candidateIds, expected) => {
    expect(ActivationCodesQuery.parse({ candidateIds }).candidateIds).toEqual(expected);
  });

  it('takes the filters instead of a selection', () => {
    expect(ActivationCodesQuery.parse({ q: 'dupont', status: 'scheduled' })).toEqual({ q: 'dupont', status: 'scheduled', limit: 50 });
  });

  it('refuses a candidate chosen twice', () => {
    expect(errorsOf(ActivationCodesQuery.safeParse({ candidateIds: 'c1,c1' }))).toEqual([
      { path: 'candidateIds', message: 'Un même candidat est sélectionné plusieurs fois.' },
    ]);
  });
});

describe('documents queries (§6.10–6.12)', () => {
  it.each(['report', 'registration', 'attendance'])('R18 knows the document kind %s', (kind) => {
    expect(DocumentsQuery.parse({ kind, candidateIds: 'c1' })).toEqual({ kind, candidateIds: ['c1'] });
  });

  it('R18 refuses an unknown kind and an empty selection', () => {
    expect(errorsOf(DocumentsQuery.safeParse({ kind: 'diploma', candidateIds: '' }))).toEqual([
      { path: 'kind', message: "Le type de document n'est pas valide." },
      { path: 'candidateIds', message: 'Sélectionnez au moins un candidat.' },
    ]);
  });

  it('R18 lists the eligible candidates with search and paging', () => {
    expect(DocumentsEligibleQuery.parse({ kind: 'report', q: 'Martin', limit: '20' })).toEqual({ kind: 'report', q: 'Martin', limit: 20 });
  });
});

describe('assignment removal query (§6.6)', () => {
  it.each([
    [{}, false],
    [{ notify: 'true' }, true],
    [{ notify: 'false' }, false],
  ])('reads %j as notify = %s', (query, notify) => {
    expect(AssignmentDeleteQuery.parse(query)).toEqual({ notify });
  });
});

describe('La Poste sessions query (§6.5)', () => {
  it('filters by city, exam type and period', () => {
    expect(ExamSessionListQuery.parse({ city: 'Grenoble', examType: 'official-laposte', from: '2026-04-01' })).toEqual({
      city: 'Grenoble',
      examType: 'official-laposte',
      from: '2026-04-01',
      limit: 50,
    });
    expect(toFieldErrors(ExamSessionListQuery.safeParse({ from: '2026-05-01', to: '2026-04-01' }).error!)).toEqual([
      { path: 'to', message: 'La date de fin doit être postérieure ou égale à la date de début.' },
    ]);
  });
});
