/**
 * The chart of every programme table, chosen by its column types (src/lib/charts/table-chart.ts):
 * every chart fits at the phone width, its bars are proportional, sorted, ranges ordered, values
 * counted elsewhere ("darunter", "in FbW enthalten") never added twice, € and % drawn on their
 * own scales, and tables whose types fit no chart get none.
 *
 * Data: the fixtures (Düsseldorf 2021, the made-up Landkreis with € and % tables) for the
 * mechanisms, and every year of the live content for the layout gates (whatever years exist).
 */
import { describe, expect, test } from 'vitest';
import { chartColumns, tableChart } from '../../src/lib/charts/table-chart.ts';
import { shareChart } from '../../src/lib/charts/shares.ts';
import { layoutProblems, overlaps, rectBox, textBox } from '../../src/lib/charts/geometry.ts';
import { WIDTHS } from '../../src/lib/charts/spec.ts';
import type { Chart } from '../../src/lib/charts/types.ts';
import { type Row, type Table, changeOf, quantityOf, rowRef, tableSchema } from '../../src/lib/schemas/table.ts';
import { formatCount, formatNumber } from '../../src/lib/format.ts';
import { duesseldorfDir, landkreisDir } from '../lib/content.ts';
import { type YearFixture, loadYear, loadYears, nameOfIn } from './charts-data.ts';

const duesseldorf = loadYear('2021', duesseldorfDir);
const landkreis = loadYears(landkreisDir);
const live = loadYears();

const tablesOf = (y: YearFixture) =>
  y.chapters.flatMap((c) => c.data.tables.map((table) => ({ name: `${y.year} ${c.data.number ?? ''} ${c.data.slug}/${table.id}`, chapter: c.data, table, nameOf: nameOfIn(y.instruments), year: y.year })));

const allTables = [duesseldorf, ...landkreis, ...live].flatMap(tablesOf);
const allCharts = [
  ...allTables.flatMap((t) => {
    const spec = tableChart(t.table, t.nameOf);
    return spec ? [{ name: t.name, spec, year: t.year }] : [];
  }),
  ...[duesseldorf, ...live].flatMap((y) => y.chapters.flatMap((c) => c.data.shares.map((s) => ({ name: `${y.year} Anteile ${s.id}`, spec: shareChart(s), year: y.year })))),
];

/** The row key a chart uses for a row (its reference, else its position). */
const keyOf = (table: Table, row: Row) => rowRef(row)?.id ?? `zeile-${table.rows.indexOf(row)}`;
const layouts = (spec: { layouts: { narrow: Chart; wide: Chart } }) => Object.values(spec.layouts);
/** Units per value of the solid bars of a chart: all equal when the bars are proportional. */
const ratios = (chart: Chart, valueOf: (key: string) => number) => chart.rects.filter((r) => r.kind === 'bar').map((r) => r.width / valueOf(r.key!));

describe.each(allCharts)('$name', ({ spec, year }) => {
  test.each(['narrow', 'wide'] as const)('%s layout: every text inside the picture, none overlapping another or a shape', (variant) => {
    const chart = spec.layouts[variant];
    expect(chart.width).toBe(WIDTHS[variant]);
    expect(layoutProblems(chart)).toEqual([]);
    for (const t of chart.texts) for (const r of chart.rects) expect(overlaps(textBox(t), rectBox(r)), `${t.lines.join(' ')} / ${r.kind}`).toBe(false);
  });

  test('the narrow layout fits a 320 px screen at scale 1 (16 px margins)', () => {
    expect(spec.layouts.narrow.width + 2 * 16).toBeLessThanOrEqual(320);
  });

  test('numbers are formatted the German way (1.800, 47,5; no bare numbers of four digits or more except years)', () => {
    const bare = (s: string) => [...s.matchAll(/(?<![\d.,])\d{4,}(?![\d])/g)].map((m) => m[0]).filter((n) => !(Number(n) >= 1900 && Number(n) <= 2100 && n.length === 4));
    for (const chart of layouts(spec)) for (const t of chart.texts) for (const line of t.lines) expect(bare(line), line).toEqual([]);
    expect(bare(spec.description)).toEqual([]);
    expect(spec.description).not.toMatch(/\d\.\d{1,2}(?!\d)/); // no English decimal point ("12.5")
    expect(year).toBeGreaterThan(1999);
  });

  test('title and description are given; the description is a sentence about the data', () => {
    expect(spec.title.length).toBeGreaterThan(5);
    expect(spec.description).toMatch(/\d/);
    expect(spec.description.trim()).toMatch(/[.!]$/);
  });
});

describe('which tables get a chart', () => {
  test('Düsseldorf 2021: key figures, the seven instrument tables and the demand estimates; not the data-only table', () => {
    const charted = tablesOf(duesseldorf).filter((t) => tableChart(t.table, t.nameOf) !== undefined);
    expect(charted.map((t) => `${(t.chapter.number ?? '').replace(/\.$/, '')} ${t.table.id}`)).toEqual([
      '4 kennzahlen',
      '5.1 instrumente',
      '5.2 instrumente',
      '5.5 instrumente',
      '5.5.1 instrumente',
      '5.5.2 bedarfsschaetzung',
      '5.6 instrumente',
      '5.7 instrumente',
      '5.8 instrumente',
    ]);
  });

  test('Landkreis: every table with a count, € , % or decimal column; not the text-only one', () => {
    const y2025 = tablesOf(landkreis[0]!);
    const has = (id: string) => tableChart(y2025.find((t) => t.table.id === id)!.table, y2025[0]!.nameOf) !== undefined;
    for (const id of ['haushalt', 'gesamtbudget', 'zielwerte', 'mittelverteilung', 'arbeitsmarkt', 'angebote']) expect(has(id), id).toBe(true);
    expect(has('standorte')).toBe(false);
  });

  const parse = (columns: unknown[], rows: unknown[], extra: Record<string, unknown> = {}) => tableSchema.parse({ id: 't', caption: 'T', columns: [{ header: 'Name' }, ...columns], rows, ...extra });

  test('text only, years only, `chart: false` or a negative number: no chart, no error', () => {
    expect(tableChart(parse([{ key: 'a', header: 'A', type: 'text' }], [{ label: 'X', a: 'y' }]), (id) => id)).toBeUndefined();
    expect(tableChart(parse([{ key: 'y', header: 'Jahr', type: 'year' }], [{ label: 'X', y: 2020 }]), (id) => id)).toBeUndefined();
    expect(tableChart(parse([{ key: 'n', header: 'N', type: 'count' }], [{ label: 'X', n: 5 }], { chart: false }), (id) => id)).toBeUndefined();
    expect(tableChart(parse([{ key: 'd', header: 'Saldo', type: 'decimal' }], [{ label: 'X', d: -1.5 }, { label: 'Y', d: 2 }]), (id) => id)).toBeUndefined();
  });

  test('the first charted column is drawn; a change column compares its two columns', () => {
    const t = parse(
      [
        { key: 'y', header: 'Jahr', type: 'year' },
        { key: 'e', header: 'Euro', type: 'euros' },
        { key: 'n', header: 'Anzahl', type: 'count' },
      ],
      [{ label: 'X', y: 2020, e: 5, n: 1 }],
    );
    expect(chartColumns(t)?.value.key).toBe('e');
    const k = tableSchema.parse({ id: 'k', preset: 'keyFigures', caption: 'K', columns: ['Z', 'Eintritte', 'Vorjahr', 'Vergleich'], rows: [{ label: 'A', entries: 10, previousPlan: 8 }] });
    expect(chartColumns(k)).toMatchObject({ value: { key: 'entries' }, previous: { key: 'previousPlan' }, change: { key: 'change' } });
  });
});

const instrumentTables = tablesOf(duesseldorf).filter((t) => t.table.preset === 'instruments');

describe.each(instrumentTables)('instrument table $name', ({ table, nameOf }) => {
  const spec = tableChart(table, nameOf)!;
  const entriesOf = new Map(table.rows.filter((r) => r.kind === 'data').map((r) => [keyOf(table, r), quantityOf(r, 'entries')!]));

  test('bars are sorted largest first and are proportional to the lower value', () => {
    for (const chart of layouts(spec)) {
      const bars = chart.rects.filter((r) => r.kind === 'bar');
      const values = bars.map((b) => entriesOf.get(b.key!)!.max);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      const r = ratios(chart, (k) => entriesOf.get(k)!.min);
      for (const x of r) expect(x).toBeCloseTo(r[0]!, 9);
      const ys = bars.map((b) => b.y);
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
    }
  });

  test('ranges run from the lower to the upper value on the same scale', () => {
    for (const chart of layouts(spec)) {
      const perEntry = ratios(chart, (k) => entriesOf.get(k)!.min)[0]!;
      for (const ext of chart.rects.filter((r) => r.kind === 'extent')) {
        const e = entriesOf.get(ext.key!)!;
        expect(e.max).toBeGreaterThan(e.min);
        expect(ext.x).toBeCloseTo(e.min * perEntry, 9);
        expect(ext.x + ext.width).toBeCloseTo(e.max * perEntry, 9);
      }
      expect(chart.rects.filter((r) => r.kind === 'extent')).toHaveLength([...entriesOf.values()].filter((e) => !e.includedIn && e.max > e.min).length);
    }
  });

  test('a value included in another row is a part of that row, never a bar of its own; the bars add up to the total', () => {
    const included = table.rows.filter((r) => quantityOf(r, 'entries')?.includedIn);
    for (const r of included) {
      const key = keyOf(table, r);
      const host = quantityOf(r, 'entries')!.includedIn!.id;
      for (const chart of layouts(spec)) {
        expect(chart.rects.filter((x) => x.key === key).map((x) => x.kind).sort()).toEqual(['part', 'track']);
        const part = chart.rects.find((x) => x.key === key && x.kind === 'part')!;
        const hostBar = chart.rects.find((x) => x.key === host && x.kind === 'bar')!;
        expect(part.width / quantityOf(r, 'entries')!.max).toBeCloseTo(hostBar.width / entriesOf.get(host)!.min, 9);
      }
    }
    const total = table.total ? quantityOf(table.total, 'entries') : undefined;
    if (total)
      for (const chart of layouts(spec)) {
        const bars = chart.rects.filter((x) => x.kind === 'bar');
        expect(bars.reduce((s, b) => s + entriesOf.get(b.key!)!.min, 0)).toBe(total.min);
      }
  });

  test('footnoted values keep their mark, and the footnote is in the chart', () => {
    for (const r of table.rows) {
      const q = quantityOf(r, 'entries');
      if (!q?.footnote) continue;
      for (const chart of layouts(spec)) {
        const label = chart.texts.find((t) => t.key === keyOf(table, r) && t.role === 'value')!;
        expect(label.lines.join(' ')).toContain(`${formatCount(q.min)}${q.footnote}`);
        const note = table.footnotes.find((f) => f.mark === q.footnote)!;
        expect(chart.texts.filter((t) => t.role === 'note').map((t) => t.lines.join(' ')).join(' ')).toContain(note.text.split(' ')[0]);
      }
    }
  });
});

describe('key figures of 2021 (change column, groups, "darunter")', () => {
  const t = tablesOf(duesseldorf).find((x) => x.table.id === 'kennzahlen')!;
  const table = t.table;
  const spec = tableChart(table, t.nameOf)!;
  const groups = table.rows.filter((r) => r.kind === 'group');
  const byKey = new Map(groups.map((g) => [keyOf(table, g), g]));
  const entries = (r: Row) => quantityOf(r, 'entries')!.max;
  const previous = (r: Row) => quantityOf(r, 'previousPlan')!.max;

  test('one bar and one outline of the previous plan per purpose, proportional, in printed order', () => {
    for (const chart of layouts(spec)) {
      const bars = chart.rects.filter((r) => r.kind === 'bar');
      const outlines = chart.rects.filter((r) => r.kind === 'previous');
      expect(bars.map((b) => b.key)).toEqual(groups.filter((g) => entries(g) > 0).map((g) => keyOf(table, g)));
      expect(outlines.map((b) => b.key)).toEqual(groups.filter((g) => previous(g) > 0).map((g) => keyOf(table, g)));
      const perEntry = bars[0]!.width / entries(byKey.get(bars[0]!.key!)!);
      for (const b of bars) expect(b.width).toBeCloseTo(entries(byKey.get(b.key!)!) * perEntry, 9);
      for (const p of outlines) expect(p.width).toBeCloseTo(previous(byKey.get(p.key!)!) * perEntry, 9);
      // Summed over the purposes the bars give the printed total: "darunter" rows add nothing.
      expect(bars.reduce((s, b) => s + b.width, 0) / perEntry).toBeCloseTo(quantityOf(table.total!, 'entries')!.max, 6);
    }
  });

  test('"darunter" rows are parts, never bars', () => {
    const ofWhich = table.rows.filter((r) => r.kind === 'ofWhich');
    expect(ofWhich.length).toBeGreaterThan(0);
    for (const chart of layouts(spec))
      for (const r of ofWhich) {
        const key = keyOf(table, r);
        expect(chart.rects.filter((x) => x.key === key && x.kind === 'bar')).toHaveLength(0);
        expect(chart.rects.filter((x) => x.key === key && x.kind === 'part')).toHaveLength(entries(r) > 0 ? 1 : 0);
      }
  });

  test('the change is computed and shown for every purpose; the description gives both totals', () => {
    const change = table.columns.find((c) => c.type === 'change')!;
    for (const chart of layouts(spec))
      for (const g of groups) {
        const aside = chart.texts.find((x) => x.key === keyOf(table, g) && x.anchor === 'end')!;
        const c = changeOf(g, change);
        expect(aside.lines[0]).toBe(c === null ? 'neu' : `${c! > 0 ? '+' : ''}${c}\u00a0%`);
      }
    expect(spec.description).toContain(formatCount(quantityOf(table.total!, 'entries')!.max));
    expect(spec.description).toContain(formatCount(quantityOf(table.total!, 'previousPlan')!.max));
  });
});

describe('demand estimates of 2021 (every value a range)', () => {
  const t = tablesOf(duesseldorf).find((x) => x.table.preset === 'demandEstimates')!;
  const spec = tableChart(t.table, t.nameOf)!;
  test('each estimate is an interval from min to max, sorted by upper value, on one scale with an axis', () => {
    const byKey = new Map(t.table.rows.map((r) => [keyOf(t.table, r), quantityOf(r, 'estimate')!]));
    for (const chart of layouts(spec)) {
      const intervals = chart.rects.filter((r) => r.kind === 'interval');
      expect(intervals).toHaveLength(t.table.rows.length);
      const uppers = intervals.map((r) => byKey.get(r.key!)!.max);
      expect(uppers).toEqual([...uppers].sort((a, b) => b - a));
      const perEntry = (intervals[0]!.x + intervals[0]!.width) / uppers[0]!;
      for (const r of intervals) {
        const e = byKey.get(r.key!)!;
        expect(r.x).toBeCloseTo(e.min * perEntry, 9);
        expect(r.x + r.width).toBeCloseTo(e.max * perEntry, 9);
      }
      expect(chart.texts.some((x) => x.role === 'tick')).toBe(true);
    }
  });
});

describe('€ and % tables of the Landkreis fixture', () => {
  const y2025 = tablesOf(landkreis.find((y) => y.year === 2025)!);
  const find = (id: string) => y2025.find((t) => t.table.id === id)!;

  test('budget in € with groups: one bar per group, value labels in € with cents, members and "darunter" as parts', () => {
    const { table, nameOf } = find('haushalt');
    const spec = tableChart(table, nameOf)!;
    const groups = table.rows.filter((r) => r.kind === 'group');
    for (const chart of layouts(spec)) {
      const bars = chart.rects.filter((r) => r.kind === 'bar');
      expect(bars.map((b) => b.key)).toEqual(groups.map((g) => keyOf(table, g)));
      const r = ratios(chart, (k) => quantityOf(table.rows[Number(k.replace('zeile-', ''))]!, 'budget')!.max);
      for (const x of r) expect(x).toBeCloseTo(r[0]!, 9);
      const values = chart.texts.filter((x) => x.role === 'value').map((x) => x.lines.join(' ')).join(' | ');
      expect(values).toContain('1.845.000,75\u00a0€');
      const parts = chart.rects.filter((x) => x.kind === 'part').map((x) => x.key);
      // group 1 has two members (parts), group 2 one member (not repeated) with a "darunter" row.
      expect(parts).toEqual(expect.arrayContaining(['zeile-1', 'zeile-2', 'zeile-5']));
      expect(parts).not.toContain('zeile-4');
    }
    expect(spec.description).toContain('3.235.251,15\u00a0€');
  });

  test('€ in millions: value labels "3,24 Mio. €"', () => {
    const { table, nameOf } = find('gesamtbudget');
    const spec = tableChart(table, nameOf)!;
    for (const chart of layouts(spec)) expect(chart.texts.filter((x) => x.role === 'value').map((x) => x.lines.join(' '))).toEqual(expect.arrayContaining([expect.stringContaining('3,24\u00a0Mio.\u00a0€')]));
  });

  test.each(['zielwerte', 'mittelverteilung'])('percent (%s): bars on a 0–100 axis, labels "24,5 %"', (id) => {
    const { table, nameOf } = find(id);
    const spec = tableChart(table, nameOf)!;
    const column = table.columns[1]!;
    for (const chart of layouts(spec)) {
      const axis = chart.lines.filter((l) => l.kind === 'axis');
      expect(axis.length).toBeGreaterThan(0);
      const full = Math.max(...axis.map((l) => l.x2));
      for (const bar of chart.rects.filter((r) => r.kind === 'bar')) {
        const row = table.rows.find((r) => keyOf(table, r) === bar.key)!;
        expect(bar.width / full).toBeCloseTo(quantityOf(row, column.key)!.max / 100, 6);
      }
      expect(chart.texts.filter((x) => x.role === 'tick').map((x) => x.lines[0])).toContain('100');
      const labels = chart.texts.filter((x) => x.role === 'value').map((x) => x.lines.join(' '));
      for (const row of table.rows) expect(labels.join(' | ')).toContain(formatNumber('percent', quantityOf(row, column.key)!.max, column));
    }
  });

  test('the five-column table of 2026 charts the first count column, the footnote mark kept', () => {
    const y2026 = tablesOf(landkreis.find((y) => y.year === 2026)!);
    const { table, nameOf } = y2026.find((t) => t.table.id === 'angebote' && t.chapter.slug === 'angebote')!;
    expect(table.columns).toHaveLength(6);
    const spec = tableChart(table, nameOf)!;
    for (const chart of layouts(spec)) {
      const bars = chart.rects.filter((r) => r.kind === 'bar');
      expect(bars.map((b) => b.key)).toEqual(['aktivierungshilfen', 'weiterbildung', 'mobilitaetshilfe', 'teilhabe']);
      expect(chart.texts.find((x) => x.key === 'mobilitaetshilfe' && x.role === 'value')!.lines.join(' ')).toContain('120*');
      expect(chart.rects.some((r) => r.kind === 'part')).toBe(true); // "darunter bei kommunalen Arbeitgebern"
    }
  });
});
