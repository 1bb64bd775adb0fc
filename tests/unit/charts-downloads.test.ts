/**
 * The downloads of the chart data (shares, portfolio) and the whole-year JSON, on the fixture
 * tests/fixtures/tables: same numbers as the data, file names that do not collide with the
 * export's tables, no Astro references left, typed columns for datapackage.json.
 */
import { describe, expect, test } from 'vitest';
import { yearData } from '../../src/lib/check/index.ts';
import { dataTables, toCsv } from '../../src/lib/export/index.ts';
import { downloadHrefs, plainData, portfolioTable, shareTables, yearDocument } from '../../src/lib/charts/data.ts';
import type { PortfolioGroup } from '../../src/lib/charts/portfolio.ts';
import { checkFiles } from '../lib/regeneration.ts';
import { fixtureFiles } from '../lib/content.ts';

const content = checkFiles(fixtureFiles('tables'));
const data = yearData(content, 2030);
const chapters = data.chapters.map((c) => c.data);
const shares = shareTables(data.programme.title, 2030, chapters);
const e = (n: number) => ({ min: n, max: n, notation: 'bis' as const, approximate: false });
const groups: PortfolioGroup[] = [
  {
    key: 'zahlen-eintritte',
    number: 'II.',
    title: 'Zahlen 2030',
    header: 'Eintritte 2030',
    href: '/2030/zahlen/#tabelle-eintritte',
    total: e(180),
    cells: [
      { key: 'alpha', label: 'Alpha-Maßnahme', names: ['Alpha-Maßnahme'], entries: e(120), parts: [{ key: 'gamma', label: 'Gamma-Coaching', entries: e(40) }], href: '/2030/zahlen/#alpha' },
      { key: 'delta', label: 'Delta-Hilfe', names: ['Delta-Hilfe'], entries: { ...e(60), min: 55 }, parts: [], href: '/2030/zahlen/#delta' },
    ],
  },
];
const portfolio = portfolioTable(data.programme.title, 2030, groups);
const exported = dataTables(data);

test('file names are unique across the export and the chart data, and ASCII', () => {
  const names = [...exported, ...shares, portfolio].map((t) => t.file);
  expect(new Set(names).size).toBe(names.length);
  for (const n of names) expect(n).toMatch(/^[a-z0-9-]+$/);
  expect(shares.map((s) => s.file)).toEqual(['2030-anhang-anteile-mittel']);
  expect(downloadHrefs(2030, portfolio.file)).toEqual({ csv: '/2030/daten/2030-portfolio.csv', json: '/2030/daten/2030-portfolio.json' });
});

describe('share tables', () => {
  test('one row per share, the percentage and the amount as plain numbers, the prefix as printed, typed columns', () => {
    const [t] = shares;
    expect(t!.title).toBe('Anteile der Mittel 2030');
    expect(t!.source).toBe('Testprogramm 2030, Kapitel Anhang');
    expect(t!.rows).toEqual([
      ['Personal', 40, 'rd.', 1200.5, 'rd.'],
      ['Sachmittel', 26.7, '', '', ''],
    ]);
    expect(t!.types).toEqual(['string', 'number', 'string', 'number', 'string']);
    expect(toCsv(t!)).toContain('\r\nPersonal;40;rd.;1200,5;rd.\r\nSachmittel;26,7;;;\r\n');
  });
});

describe('portfolio table', () => {
  test('one row per cell with its range and the size drawn, typed columns', () => {
    expect(portfolio.rows).toEqual([
      ['II.', 'Zahlen 2030', 'alpha', 'Alpha-Maßnahme', 120, 120, 120, 'Gamma-Coaching: 40'],
      ['II.', 'Zahlen 2030', 'delta', 'Delta-Hilfe', 55, 60, 55, ''],
    ]);
    expect(portfolio.types).toHaveLength(portfolio.columns.length);
    expect(portfolio.title).not.toMatch(/Handlungsschwerpunkt/);
  });
});

describe('whole year document', () => {
  const regs = { targetGroups: content.targetGroups, legalBases: content.legalBases };
  const doc = yearDocument(data, regs, [...exported, ...shares, portfolio], content.publisher!.dataLicence) as Record<string, unknown>;
  const text = JSON.stringify(doc);

  test('holds every chapter in printed order with its page address', () => {
    const list = doc.chapters as { number?: string; url: string; order: number }[];
    expect(list.map((c) => c.url)).toEqual(['/2030/zahlen/', '/2030/anhang/']);
    expect(list.map((c) => c.number)).toEqual(['II.', undefined]);
  });

  test('references are plain ids, no Astro reference objects', () => {
    expect(text).not.toContain('"collection"');
    expect(text).toContain('"instrument":"alpha"');
    expect(text).toContain('"includedIn":"alpha"');
  });

  test('keeps the numbers: the budget with cents and every download', () => {
    expect(doc.integrationBudget).toEqual({ euros: 3000000.5, approximate: true, review: false });
    expect((doc.downloads as unknown[]).length).toBe(exported.length + shares.length + 1);
    expect('keyFigures' in doc).toBe(false);
    expect(doc.licence).toEqual({ name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0', url: 'https://www.govdata.de/dl-de/by-2-0' });
    expect(doc.datapackage).toBe('/2030/daten/datapackage.json');
  });

  test('plainData leaves other objects alone and drops undefined fields', () => {
    expect(plainData({ a: { id: 'x', collection: 'instruments' }, b: { id: 'y', name: 'z', collection: 'c' }, c: undefined })).toEqual({
      a: 'x',
      b: { id: 'y', name: 'z', collection: 'c' },
    });
  });
});
