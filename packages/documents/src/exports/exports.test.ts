import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { ActivationCodeRow, CandidateRow, Group, Order } from '@clr/domain';
import { toCsv, type CsvColumn } from '../csv/writer.js';
import { ACTIVATION_CODE_COLUMNS } from './activation-codes.js';
import { CANDIDATE_COLUMNS, GROUP_CANDIDATE_COLUMNS } from './candidates.js';
import { GROUP_COLUMNS } from './groups.js';
import { ORDER_COLUMNS, orderLineRows, type OrderLineRow } from './orders.js';

function table<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>, locale: 'fr' | 'en' = 'fr'): string[][] {
  const result = Papa.parse<string[]>(toCsv(columns, rows, { locale }).slice(1), { delimiter: ';', skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

const headers = <Row>(columns: readonly CsvColumn<Row>[], locale: 'fr' | 'en' = 'fr') => columns.map((c) => c.header[locale]);

describe("the manual's exports", () => {
  it.each([
    [
      '§4.2 orders',
      ORDER_COLUMNS,
      ['N° Commande', 'Commandé le', 'État', 'Section', "Type d'examen", 'Quantité', 'Restantes', 'Expire le', 'Prix unit. (H.T.)', 'Prix (H.T.)', 'Prix (T.T.C.)'],
    ],
    ['§5.2 groups', GROUP_COLUMNS, ['Nom', 'Catégorie', 'Date de création', 'Statut']],
    [
      "§5.7 a group's candidates",
      GROUP_CANDIDATE_COLUMNS,
      ['Nom', 'E-mail', 'Groupe', "Statut du passage de l'examen", 'Validation', "Type d'examen", 'Score obtenu', 'Date de passage'],
    ],
    [
      '§6.2 candidates',
      CANDIDATE_COLUMNS,
      ['Nom et prénom', 'Courriel (identifiant)', 'Groupe', "Statut du passage de l'examen", 'Validation', "Type d'examen attribué", 'Score obtenu', 'Date de passage'],
    ],
    ['§6.7 activation codes', ACTIVATION_CODE_COLUMNS, ['Nom', 'Prénom', 'Courriel', 'Statut', 'Date de passage', 'Code']],
  ] as const)('R20 %s: the header line is the manual’s, in French', (_, columns, expected) => {
    expect(table(columns as readonly CsvColumn<never>[], [])[0]).toEqual(expected);
  });

  it.each([
    ['orders', ORDER_COLUMNS],
    ['groups', GROUP_COLUMNS],
    ['group candidates', GROUP_CANDIDATE_COLUMNS],
    ['candidates', CANDIDATE_COLUMNS],
    ['activation codes', ACTIVATION_CODE_COLUMNS],
  ] as const)('R20 %s: every column has an English header and a unique key', (_, columns) => {
    const cols = columns as readonly CsvColumn<never>[];
    for (const header of headers(cols, 'en')) expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(new Set(cols.map((c) => c.key)).size).toBe(cols.length);
  });
});

describe('orders export (§4.1, §4.2)', () => {
  const pending: Order = {
    id: 'o1',
    number: 'P2019-0042',
    createdAt: '2019-10-31T09:15:00Z',
    status: 'pending',
    section: 'to_validate',
    lines: [{ productId: 'p1', examType: 'blank-remote', quantity: 4, remaining: 0, unitPriceHt: 7100, ht: 28400, ttc: 34080, expiresAt: null }],
    totals: { ht: 28400, vat: 5680, ttc: 34080 },
  };
  const delivered: Order = {
    id: 'o2',
    number: 'G2018-0007',
    createdAt: '2018-01-30T23:30:00Z',
    status: 'delivered',
    section: 'to_consume',
    lines: [
      { productId: 'p2', examType: 'official-laposte', quantity: 30, remaining: 6, unitPriceHt: 0, ht: 0, ttc: 0, expiresAt: '2020-12-31T22:59:59.999Z' },
      { productId: 'p1', examType: 'blank-remote', quantity: 10, remaining: 0, unitPriceHt: 7100, ht: 71000, ttc: 85200, expiresAt: '2020-12-31T22:59:59.999Z' },
    ],
    totals: { ht: 71000, vat: 14200, ttc: 85200 },
  };

  it('R20 writes one row per order line, money as French decimals (4 × 71,00 € = 284,00 € H.T. = 340,80 € T.T.C.)', () => {
    expect(table(ORDER_COLUMNS, orderLineRows([pending, delivered])).slice(1)).toEqual([
      ['P2019-0042', '31/10/2019', 'En cours', 'À valider', 'Examen blanc - à distance', '4', '0', '', '71,00', '284,00', '340,80'],
      ['G2018-0007', '31/01/2018', 'Livré', 'À consommer', 'Examen officiel - en centre La Poste', '30', '6', '31/12/2020', '0,00', '0,00', '0,00'],
      ['G2018-0007', '31/01/2018', 'Livré', 'À consommer', 'Examen blanc - à distance', '10', '0', '31/12/2020', '71,00', '710,00', '852,00'],
    ]);
  });

  it('R20 keeps a row for an order without lines', () => {
    const empty: Order = { ...pending, id: 'o3', number: 'X1', status: 'cancelled', section: 'history', lines: [] };
    expect(table(ORDER_COLUMNS, orderLineRows([empty]))[1]).toEqual(['X1', '31/10/2019', 'Annulée', 'Historique', '', '', '', '', '', '', '']);
  });

  it('flattens orders coming from an async source', async () => {
    async function* source(): AsyncGenerator<Order> {
      yield pending;
      yield delivered;
    }
    const rows: OrderLineRow[] = [];
    for await (const row of orderLineRows(source())) rows.push(row);
    expect(rows.map((r) => [r.order.number, r.line?.quantity])).toEqual([
      ['P2019-0042', 4],
      ['G2018-0007', 30],
      ['G2018-0007', 10],
    ]);
  });

  it('R20 writes the states and sections in English with { locale: "en" }', () => {
    expect(table(ORDER_COLUMNS, orderLineRows([pending]), 'en')[1]?.slice(2, 4)).toEqual(['In progress', 'To validate']);
  });
});

describe('groups export (§5.2)', () => {
  const groups: Group[] = [
    { id: 'g1', name: 'Session de septembre', category: 'exam_session', hidden: false, createdAt: '2018-04-05T08:00:00Z' },
    { id: 'g2', name: '@SUM(A1)', category: 'client', hidden: true, createdAt: '2018-02-20T23:10:00Z' },
  ];

  it('R20 writes name, category, creation date and status « Actif » / « Caché »', () => {
    expect(table(GROUP_COLUMNS, groups).slice(1)).toEqual([
      ['Session de septembre', "Session d'examen", '05/04/2018', 'Actif'],
      [`'@SUM(A1)`, 'Client', '21/02/2018', 'Caché'],
    ]);
  });

  it('R20 writes « Active » / « Hidden » in English', () => {
    expect(table(GROUP_COLUMNS, groups, 'en').slice(1).map((r) => r[3])).toEqual(['Active', 'Hidden']);
  });
});

describe('candidates exports (§5.7, §6.2)', () => {
  const taken: CandidateRow = {
    id: 'c1',
    civility: 'mme',
    lastName: 'Cœurdacier',
    firstName: 'Hélène',
    email: 'helene@exemple.fr',
    groups: [
      { id: 'g1', name: 'Session de septembre' },
      { id: 'g2', name: 'BTS 2026' },
    ],
    lastLoginAt: '2019-11-22T03:44:00Z',
    status: 'taken',
    validation: 'validated',
    score: 490,
    examType: 'official-approved',
    date: '2019-11-18T09:00:00Z',
  };
  const toAssign: CandidateRow = {
    ...taken,
    id: 'c2',
    lastName: '-Dupont',
    firstName: 'Loïc',
    email: 'loic@exemple.fr',
    groups: [],
    lastLoginAt: null,
    status: 'to_assign',
    validation: null,
    score: null,
    examType: null,
    date: null,
  };
  const scheduled: CandidateRow = { ...toAssign, id: 'c3', lastName: 'Martin', status: 'scheduled', examType: 'official-onsite', date: '2026-12-15' };

  it('R20 §6.2 writes name and first name, login, groups joined by « , », status and validation labels, exam type, score and date', () => {
    expect(table(CANDIDATE_COLUMNS, [taken, toAssign, scheduled]).slice(1)).toEqual([
      ['Cœurdacier Hélène', 'helene@exemple.fr', 'Session de septembre, BTS 2026', 'Passée', 'Validé', 'Examen officiel - en centre agréé', '490', '18/11/2019'],
      [`'-Dupont Loïc`, 'loic@exemple.fr', '', 'À attribuer', '', '', '', ''],
      ['Martin Loïc', 'loic@exemple.fr', '', 'Prévue', '', 'Examen officiel - sur site', '', '15/12/2026'],
    ]);
  });

  it("R20 §5.7 writes a group's candidates with the same cells", () => {
    expect(table(GROUP_CANDIDATE_COLUMNS, [taken, toAssign, scheduled]).slice(1)).toEqual(table(CANDIDATE_COLUMNS, [taken, toAssign, scheduled]).slice(1));
  });

  it('R20 writes the statuses in English with { locale: "en" }', () => {
    expect(table(CANDIDATE_COLUMNS, [taken, toAssign], 'en').slice(1).map((r) => r.slice(3, 5))).toEqual([
      ['Taken', 'Validated'],
      ['To assign', ''],
    ]);
  });
});

describe('activation codes export (§6.7)', () => {
  const rows: ActivationCodeRow[] = [
    { candidateId: 'c1', lastName: 'Bénard', firstName: 'Anaïs', email: 'anais@exemple.fr', status: 'scheduled', date: '2021-03-24', code: 'BCDF2346' },
    { candidateId: 'c2', lastName: 'Ho', firstName: 'Lê', email: 'le@exemple.fr', status: 'scheduled', date: '2020-05-06T22:30:00Z', code: 'XY789KMP' },
  ];

  it('R20 writes last name, first name, e-mail, status « Prévue », exam date and code', () => {
    expect(table(ACTIVATION_CODE_COLUMNS, rows).slice(1)).toEqual([
      ['Bénard', 'Anaïs', 'anais@exemple.fr', 'Prévue', '24/03/2021', 'BCDF2346'],
      ['Ho', 'Lê', 'le@exemple.fr', 'Prévue', '07/05/2020', 'XY789KMP'],
    ]);
  });
});
