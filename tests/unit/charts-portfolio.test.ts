/**
 * The portfolio treemap: every planned entry of the instrument tables appears once, areas are
 * proportional to the entries across the whole chart, labels stay inside their cells.
 */
import { describe, expect, test } from 'vitest';
import { cellValue, portfolioChart, portfolioGroups, portfolioLayout, type PortfolioGroup } from '../../src/lib/charts/portfolio.ts';
import { inside, layoutProblems, overlaps, rectBox, textBox } from '../../src/lib/charts/geometry.ts';
import { WIDTHS } from '../../src/lib/charts/spec.ts';
import type { Chart } from '../../src/lib/charts/types.ts';
import { quantityOf } from '../../src/lib/schemas/table.ts';
import { duesseldorfDir, landkreisDir } from '../lib/content.ts';
import { loadYear, loadYears } from './charts-data.ts';

// The Düsseldorf 2021 fixture: the portfolio the print had as a figure.
const year = loadYear('2021', duesseldorfDir);
const chapters = year.chapters.map((c) => c.data);
const groups = portfolioGroups(year.year, chapters, year.instruments);
// Computed in the tests, so that a failure names the test instead of stopping the file.
const portfolio = () => portfolioChart(year.year, groups, year.instruments);

const area = (r: { width: number; height: number }) => r.width * r.height;

function checkCells(chart: Chart, gs: PortfolioGroup[]) {
  const cells = chart.rects.filter((r) => r.kind === 'cell');
  // A cell without planned entries has no area (it stays in the table next to the chart).
  const values = gs.flatMap((g) => g.cells.map((c) => ({ key: c.key, value: cellValue(c) }))).filter((v) => v.value > 0);
  expect(cells).toHaveLength(values.length);
  // Same area per entry everywhere in the chart, so that sections can be compared.
  const perEntry = cells.reduce((s, r) => s + area(r), 0) / values.reduce((s, v) => s + v.value, 0);
  let i = 0;
  for (const g of gs) {
    const drawn = g.cells.filter((c) => cellValue(c) > 0);
    const own = cells.slice(i, i + drawn.length);
    i += drawn.length;
    for (const c of drawn) {
      const rect = own.find((r) => r.key === c.key)!;
      expect(area(rect) / cellValue(c)).toBeCloseTo(perEntry, 6);
      for (const p of c.parts) {
        const part = chart.rects.find((r) => r.kind === 'part' && r.key === p.key)!;
        expect(inside(rectBox(part), rectBox(rect))).toBe(true);
        expect(area(part) / p.entries.max).toBeCloseTo(perEntry, 6);
      }
    }
  }
  // Cells do not overlap each other.
  for (let a = 0; a < cells.length; a++) for (let b = a + 1; b < cells.length; b++) expect(overlaps(rectBox(cells[a]!), rectBox(cells[b]!))).toBe(false);
}

describe('portfolio of the Düsseldorf 2021 fixture', () => {
  test('one group per instrument table, every counted row once, estimates and included values not as cells', () => {
    const instrumentTables = chapters.flatMap((c) => c.tables.filter((t) => t.preset === 'instruments'));
    expect(groups).toHaveLength(instrumentTables.length);
    groups.forEach((g, i) => {
      const t = instrumentTables[i]!;
      const own = t.rows.filter((r) => r.instrument && !quantityOf(r, 'entries')?.includedIn);
      expect(g.cells.map((c) => c.key).sort()).toEqual(own.map((r) => r.instrument!.id).sort());
      const total = t.total ? quantityOf(t.total, 'entries') : undefined;
      if (total) expect(g.cells.reduce((s, c) => s + c.entries.min, 0)).toBe(total.min);
    });
    const estimateIds = chapters.flatMap((c) => c.tables.filter((t) => t.preset === 'demandEstimates').flatMap((t) => t.rows.map((r) => r.instrument?.id)));
    for (const id of estimateIds) expect(groups.some((g) => g.cells.some((c) => c.key === id))).toBe(false);
    expect(groups.flatMap((g) => g.cells.flatMap((c) => c.parts.map((p) => p.key)))).toEqual(['zukunftsstarter']);
  });

  test.each(['narrow', 'wide'] as const)('%s: areas proportional to entries, labels inside their cells and the picture', (variant) => {
    const chart = portfolio().layouts[variant];
    expect(chart.width).toBe(WIDTHS[variant]);
    expect(layoutProblems(chart)).toEqual([]);
    checkCells(chart, groups);
    const cells = chart.rects.filter((r) => r.kind === 'cell');
    for (const t of chart.texts.filter((x) => x.role === 'cell')) {
      const cell = cells.find((r) => r.key === t.key && inside(textBox(t), rectBox(r)));
      expect(cell, t.lines.join(' ')).toBeDefined();
      for (const part of chart.rects.filter((r) => r.kind === 'part')) expect(overlaps(textBox(t), rectBox(part))).toBe(false);
    }
    // Section headings stand above their cells, not on them.
    for (const t of chart.texts.filter((x) => x.role === 'heading' || x.role === 'value'))
      for (const r of cells) expect(overlaps(textBox(t), rectBox(r))).toBe(false);
  });

  test('the largest cells are labelled at both widths', () => {
    for (const chart of Object.values(portfolio().layouts)) {
      const labelled = new Set(chart.texts.filter((t) => t.role === 'cell').map((t) => t.key));
      for (const key of ['foerderung-berufliche-weiterbildung', 'arbeitsgelegenheiten', 'einstiegsgeld']) expect(labelled.has(key)).toBe(true);
    }
  });

  test('the description says what the chart is drawn from and names the largest posts', () => {
    const spec = portfolio();
    expect(spec.title).toContain('2021');
    expect(spec.description).toContain('Fort- und Weiterbildung (1.800');
    expect(spec.description).toMatch(/in Fort- und Weiterbildung enthalten/);
  });
});

describe('portfolio of a programme with other tables (Landkreis fixture)', () => {
  test.each(loadYears(landkreisDir))('$year: instrument rows with planned entries become cells; € and % tables and rows without instrument do not', (y) => {
    const gs = portfolioGroups(y.year, y.chapters.map((c) => c.data), y.instruments);
    const keys = gs.flatMap((g) => g.cells.map((c) => c.key));
    expect(keys).toEqual(expect.arrayContaining(['aktivierungshilfen', 'weiterbildung', 'teilhabe', 'familiencoaching', 'sprachkurse']));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.includes('mobilitaetshilfe')).toBe(y.year === 2026);
    for (const g of gs) for (const c of g.cells) expect(y.instruments.has(c.key), c.key).toBe(true);
    const chart = portfolioChart(y.year, gs, y.instruments);
    for (const layout of Object.values(chart.layouts)) {
      expect(layoutProblems(layout)).toEqual([]);
      checkCells(layout, gs);
    }
  });
});

describe('portfolio with synthetic data', () => {
  const entries = (min: number, max = min) => ({ min, max, notation: 'bis' as const, approximate: false });
  const group = (key: string, values: number[]): PortfolioGroup => ({
    key,
    number: key,
    title: `Abschnitt ${key} mit einem recht langen Namen, der umbrechen muss`,
    href: '#',
    header: 'Eintritte',
    total: entries(values.reduce((a, b) => a + b, 0)),
    cells: values.map((v, i) => ({ key: `${key}-${i}`, label: `Instrument ${i}`, names: [`Instrument Nummer ${i}`, `I${i}`], entries: entries(v), parts: [], href: '#' })),
  });

  test.each([288, 640])('width %i: one area per entry across very unequal sections', (width) => {
    const gs = [group('A', [5000, 1, 2, 3, 0]), group('B', [10]), group('C', [700, 300, 300, 299])];
    const chart = portfolioLayout(gs, { width, bandsHeight: 500 });
    expect(layoutProblems(chart)).toEqual([]);
    checkCells(chart, gs);
  });

  test('a range is sized by its lower value', () => {
    const g = group('R', [100]);
    g.cells[0]!.entries = entries(25, 30);
    expect(cellValue(g.cells[0]!)).toBe(25);
  });

  test('no planned entries at all is an error, not an empty picture', () => {
    expect(() => portfolioLayout([group('Z', [0])], { width: 288, bandsHeight: 100 })).toThrow(/keine geplanten Eintritte/);
  });
});
