/**
 * The downloads of the chart data (shares, portfolio) and the whole-year JSON: same numbers as
 * the data, file names that do not collide with the export's tables, no Astro references left.
 */
import { describe, expect, test } from 'vitest';
import { dataTables, toCsv } from '../../src/lib/export/index.ts';
import { downloadHrefs, plainData, portfolioTable, shareTables, yearDocument } from '../../src/lib/charts/data.ts';
import { cellValue, portfolioGroups } from '../../src/lib/charts/portfolio.ts';
import { loadYear } from './charts-data.ts';

const year = loadYear('2021');
const chapters = year.chapters.map((c) => c.data);
const yearData = { programme: year.programme, chapters: year.chapters.map((c) => ({ id: `2021/${c.data.slug}`, data: c.data })), instruments: year.instruments };
const groups = portfolioGroups(year.year, chapters, year.instruments);
const shares = shareTables(year.programme.title, year.year, chapters);
const portfolio = portfolioTable(year.programme.title, year.year, groups);
const exported = dataTables(yearData);

test('file names are unique across the export and the chart data, and ASCII', () => {
  const names = [...exported, ...shares, portfolio].map((t) => t.file);
  expect(new Set(names).size).toBe(names.length);
  for (const n of names) expect(n).toMatch(/^[a-z0-9-]+$/);
  expect(downloadHrefs(2021, portfolio.file)).toEqual({ csv: '/2021/daten/2021-portfolio.csv', json: '/2021/daten/2021-portfolio.json' });
});

test('every chart links a file that exists: one per instrument table, the key figures, shares, portfolio', () => {
  const files = new Set([...exported, ...shares, portfolio].map((t) => t.file));
  expect(files.has('2021-kennzahlen')).toBe(true);
  for (const c of chapters) for (const t of c.tables) expect([...files].some((f) => f.endsWith(`-${c.slug}-${t.id}`))).toBe(true);
  for (const c of chapters) for (const s of c.shares) expect([...files].some((f) => f.endsWith(`-${c.slug}-anteile-${s.id}`))).toBe(true);
});

describe('share tables', () => {
  test('one row per share, the percentage as a plain number, the prefix as printed', () => {
    const sets = chapters.flatMap((c) => c.shares);
    expect(shares).toHaveLength(sets.length);
    shares.forEach((t, i) => {
      const set = sets[i]!;
      expect(t.title).toBe(set.caption);
      expect(t.rows.map((r) => r[1])).toEqual(set.items.map((s) => s.percent));
      expect(t.rows.map((r) => r[2])).toEqual(set.items.map((s) => s.prefix ?? ''));
    });
  });
});

describe('portfolio table', () => {
  test('one row per cell, the sizes add up to the drawn entries', () => {
    const cells = groups.flatMap((g) => g.cells);
    expect(portfolio.rows).toHaveLength(cells.length);
    const sizeColumn = portfolio.columns.indexOf('Fläche im Schaubild (Eintritte)');
    expect(portfolio.rows.reduce((s, r) => s + Number(r[sizeColumn]), 0)).toBe(cells.reduce((s, c) => s + cellValue(c), 0));
    expect(toCsv(portfolio).split('\r\n')[1]).toMatch(/^5\.1;Integration;/);
  });
});

describe('whole year document', () => {
  const regs = {
    targetGroups: new Map([['u25', { name: 'U 25' }]]),
    legalBases: new Map([['sgb2-16a', { citation: '§ 16a SGB II' }]]),
  };
  const doc = yearDocument(yearData, regs, [...exported, ...shares, portfolio]) as Record<string, unknown>;
  const text = JSON.stringify(doc);

  test('holds every chapter in printed order with its page address', () => {
    const list = doc.chapters as { number: string; url: string; order: number }[];
    expect(list).toHaveLength(chapters.length);
    expect(list.map((c) => c.order)).toEqual([...list.map((c) => c.order)].sort((a, b) => a - b));
    for (const c of list) expect(c.url).toMatch(/^\/2021\/[a-z0-9-]+\/$/);
  });

  test('references are plain ids, no Astro reference objects', () => {
    expect(text).not.toContain('"collection"');
    expect(text).toContain('"instrument":"einstiegsgeld"');
    expect(text).toContain('"includedIn":"foerderung-berufliche-weiterbildung"');
  });

  test('keeps the numbers: key figures total and every download', () => {
    expect((doc.keyFigures as { total: { entries: number } }).total.entries).toBe(year.programme.keyFigures.total.entries);
    expect((doc.downloads as unknown[]).length).toBe(exported.length + shares.length + 1);
    expect(Object.keys(doc.targetGroups as object)).toEqual(['u25']);
  });

  test('plainData leaves other objects alone and drops undefined fields', () => {
    expect(plainData({ a: { id: 'x', collection: 'instruments' }, b: { id: 'y', name: 'z', collection: 'c' }, c: undefined })).toEqual({
      a: 'x',
      b: { id: 'y', name: 'z', collection: 'c' },
    });
  });
});
