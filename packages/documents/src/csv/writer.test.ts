import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { neutraliseCell } from '@clr/domain';
import { BOM, csvChunks, csvStream, toCsv, type CsvColumn } from './writer.js';

interface Person {
  lastName: string;
  firstName: string;
  balance: string | number | null;
  bornOn: string | null;
}

const COLUMNS: CsvColumn<Person>[] = [
  { key: 'lastName', header: { fr: 'Nom', en: 'Last name' }, value: (p) => p.lastName },
  { key: 'firstName', header: { fr: 'Prénom', en: 'First name' }, value: (p) => p.firstName },
  { key: 'balance', header: { fr: 'Solde (€)', en: 'Balance (€)' }, value: (p) => p.balance },
  { key: 'bornOn', header: { fr: 'Né le', en: 'Born on' }, value: (p, c) => c.formatDate(p.bornOn) },
];

const PEOPLE: Person[] = [
  { lastName: '=HYPERLINK("http://x")', firstName: 'Hélène', balance: '-12,5', bornOn: '1994-02-28' },
  { lastName: 'Cœur; de Lion', firstName: 'François « Fanfan »', balance: -12.5, bornOn: '2019-06-07T22:30:00Z' },
  { lastName: 'Dupont', firstName: 'Zoé\r\nmultiligne', balance: null, bornOn: null },
  { lastName: '+33 6 12 34 56 78', firstName: ' espacée ', balance: 942, bornOn: '2026-12-31T23:30:00Z' },
];

function parse(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

describe('CSV writer', () => {
  it('R20 writes UTF-8 with a byte order mark, « ; » between cells, CRLF after every line and French headers', () => {
    const csv = toCsv(COLUMNS, PEOPLE.slice(2, 3));
    expect(csv).toBe(`${BOM}Nom;Prénom;Solde (€);Né le\r\nDupont;"Zoé\r\nmultiligne";;\r\n`);
  });

  it('R20 reads back with papaparse: headers, accents intact, dates dd/mm/yyyy in Paris time', () => {
    const rows = parse(toCsv(COLUMNS, PEOPLE));
    expect(rows).toEqual([
      ['Nom', 'Prénom', 'Solde (€)', 'Né le'],
      [`'=HYPERLINK("http://x")`, 'Hélène', '-12,5', '28/02/1994'],
      ['Cœur; de Lion', 'François « Fanfan »', '-12,5', '08/06/2019'],
      ['Dupont', 'Zoé\r\nmultiligne', '', ''],
      [`'+33 6 12 34 56 78`, ' espacée ', '942', '01/01/2027'],
    ]);
  });

  it('R20 neutralises a last name =HYPERLINK("http://x") and spares the genuine number -12,5', () => {
    const [, first, second] = parse(toCsv(COLUMNS, PEOPLE));
    expect(first?.[0]).toBe(`'=HYPERLINK("http://x")`);
    expect(first?.[2]).toBe('-12,5');
    expect(second?.[2]).toBe('-12,5');
  });

  it('R20 quotes by papaparse rules: separator, quote, line break and edge spaces are quoted, nothing else', () => {
    const csv = toCsv(COLUMNS, PEOPLE);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")";Hélène;-12,5;28/02/1994\r\n`);
    expect(csv).toContain(`"Cœur; de Lion";François « Fanfan »;-12,5;08/06/2019\r\n`);
    expect(csv).toContain(`'+33 6 12 34 56 78;" espacée ";942;01/01/2027\r\n`);
  });

  it('R20 gives the English headers and the same cells with { locale: "en" }', () => {
    const rows = parse(toCsv(COLUMNS, PEOPLE, { locale: 'en' }));
    expect(rows[0]).toEqual(['Last name', 'First name', 'Balance (€)', 'Born on']);
    expect(rows.slice(1)).toEqual(parse(toCsv(COLUMNS, PEOPLE)).slice(1));
  });

  it('R20 writes the header line alone for an empty table', () => {
    expect(toCsv(COLUMNS, [])).toBe(`${BOM}Nom;Prénom;Solde (€);Né le\r\n`);
  });

  it('R20 neutralises every text cell and reads back what it wrote, for any text', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 8 }), (pairs) => {
        const people = pairs.map(([lastName, firstName]) => ({ lastName, firstName, balance: null, bornOn: null }));
        const csv = toCsv(COLUMNS, people);
        const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', newline: '\r\n' }).data.slice(1, -1);
        expect(rows.length).toBe(people.length);
        rows.forEach((row, i) => {
          const person = people[i] as Person;
          expect(row.slice(0, 2)).toEqual([neutraliseCell(person.lastName), neutraliseCell(person.firstName)]);
          for (const cell of row.slice(0, 2)) {
            if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^[+-]\d/);
          }
        });
      }),
    );
  });
});

describe('streaming CSV', () => {
  const many = Array.from({ length: 2503 }, (_, i) => ({
    lastName: i % 7 === 0 ? `=cmd${i}` : `Nom ${i}`,
    firstName: `Prénom; ${i}`,
    balance: i % 3 === 0 ? -i / 2 : i,
    bornOn: new Date(Date.UTC(1990, 0, 1) + i * 86_400_000 * 3.3).toISOString(),
  }));

  it.each([1, 7, 1000, 5000])('R20 yields the same bytes as toCsv, %i rows a chunk', async (batchSize) => {
    const chunks = await collect(csvChunks(COLUMNS, many, { batchSize }));
    expect(chunks.join('')).toBe(toCsv(COLUMNS, many));
    expect(chunks[0]).toBe(`${BOM}Nom;Prénom;Solde (€);Né le\r\n`);
    expect(chunks.length).toBe(1 + Math.ceil(many.length / batchSize));
  });

  it('R20 yields the same bytes as toCsv from an async source', async () => {
    const chunks = await collect(csvChunks(COLUMNS, slowly(many), { locale: 'en' }));
    expect(chunks.join('')).toBe(toCsv(COLUMNS, many, { locale: 'en' }));
  });

  it('yields only the header line for no rows', async () => {
    expect(await collect(csvChunks(COLUMNS, []))).toEqual([`${BOM}Nom;Prénom;Solde (€);Né le\r\n`]);
  });

  it('reads rows only as chunks are asked for, so an endless source streams in flat memory', async () => {
    let pulled = 0;
    function* endless(): Generator<Person> {
      for (;;) {
        pulled++;
        yield { lastName: `Nom ${pulled}`, firstName: 'x', balance: pulled, bornOn: null };
      }
    }
    const chunks = csvChunks(COLUMNS, endless(), { batchSize: 100 });
    await chunks.next();
    const first = await chunks.next();
    const second = await chunks.next();
    await chunks.return(undefined);
    expect(pulled).toBe(200);
    expect(first.value?.split('\r\n').length).toBe(101);
    expect(second.value?.startsWith('Nom 101;x;101;\r\n')).toBe(true);
  });

  it('R20 streams UTF-8 bytes, BOM first, identical to the encoded toCsv', async () => {
    const reader = csvStream(COLUMNS, slowly(many), { batchSize: 500 }).getReader();
    const parts: Uint8Array[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
    const bytes = Buffer.concat(parts);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.equals(Buffer.from(new TextEncoder().encode(toCsv(COLUMNS, many))))).toBe(true);
  });
});
