/**
 * The charts of the real 2021 programme, computed from the same YAML/MDX data the site uses:
 * every chart fits at the phone width, its bars are proportional, it is sorted, ranges are
 * ordered, and values counted elsewhere ("darunter", "in FbW enthalten") are never added twice.
 */
import { describe, expect, test } from 'vitest';
import { instrumentChart, instrumentItems } from '../../src/lib/charts/instruments.ts';
import { keyFiguresChart } from '../../src/lib/charts/key-figures.ts';
import { estimateChart } from '../../src/lib/charts/estimates.ts';
import { shareChart } from '../../src/lib/charts/shares.ts';
import { layoutProblems, overlaps, rectBox, textBox } from '../../src/lib/charts/geometry.ts';
import { WIDTHS } from '../../src/lib/charts/spec.ts';
import type { Chart } from '../../src/lib/charts/types.ts';
import type { DemandEstimateTable, InstrumentTable } from '../../src/lib/schemas/chapter.ts';
import { formatCount } from '../../src/lib/format.ts';
import { loadYear, nameOfIn } from './charts-data.ts';

const year = loadYear('2021');
const nameOf = nameOfIn(year.instruments);
const tables = year.chapters.flatMap((c) => c.data.tables.map((t) => ({ chapter: c.data, table: t })));
const instrumentTables = tables.filter((t): t is { chapter: (typeof t)['chapter']; table: InstrumentTable } => t.table.kind === 'instruments');
const estimateTables = tables.filter((t): t is { chapter: (typeof t)['chapter']; table: DemandEstimateTable } => t.table.kind === 'demandEstimates');
const shareSets = year.chapters.flatMap((c) => c.data.shares);

const allCharts = [
  { name: 'Kennzahlen', spec: keyFiguresChart(year.programme.keyFigures, year.year) },
  ...instrumentTables.map((t) => ({ name: `${t.chapter.number} ${t.table.id}`, spec: instrumentChart(t.table, nameOf) })),
  ...estimateTables.map((t) => ({ name: `${t.chapter.number} ${t.table.id}`, spec: estimateChart(t.table) })),
  ...shareSets.map((s) => ({ name: `Anteile ${s.id}`, spec: shareChart(s) })),
];

/** The units per entry of a chart: every solid bar must show the same ratio. */
function unitsPerEntry(chart: Chart, valueOf: (key: string) => number): number[] {
  return chart.rects.filter((r) => r.kind === 'bar').map((r) => r.width / valueOf(r.key!));
}

test('the 2021 data has the charts the issue asks for', () => {
  expect(instrumentTables.map((t) => t.chapter.number.replace(/\.$/, ''))).toEqual(['5.1', '5.2', '5.5', '5.5.1', '5.6', '5.7', '5.8']);
  expect(estimateTables.map((t) => t.chapter.number)).toEqual(['5.5.2']);
  expect(shareSets.map((s) => s.id).sort()).toEqual(['gesundheitsstrategie', 'u25']);
});

describe.each(allCharts)('$name', ({ spec }) => {
  test.each(['narrow', 'wide'] as const)('%s layout: every text inside the picture, none overlapping another or a shape', (variant) => {
    const chart = spec.layouts[variant];
    expect(chart.width).toBe(WIDTHS[variant]);
    expect(layoutProblems(chart)).toEqual([]);
    for (const t of chart.texts) for (const r of chart.rects) expect(overlaps(textBox(t), rectBox(r)), `${t.lines.join(' ')} / ${r.kind}`).toBe(false);
  });

  test('the narrow layout fits a 320 px screen at scale 1 (16 px margins)', () => {
    expect(spec.layouts.narrow.width + 2 * 16).toBeLessThanOrEqual(320);
  });

  test('numbers are formatted the German way (1.800, 47,5; no bare 4-digit numbers except the years)', () => {
    const years = new Set([String(year.year), String(year.year - 1)]);
    const bare = (s: string) => [...s.matchAll(/(?<![\d.,])\d{4,}(?![\d])/g)].map((m) => m[0]).filter((n) => !years.has(n));
    for (const chart of Object.values(spec.layouts)) for (const t of chart.texts) for (const line of t.lines) expect(bare(line), line).toEqual([]);
    expect(bare(spec.description)).toEqual([]);
  });

  test('title and description are given; the description is a sentence about the data', () => {
    expect(spec.title.length).toBeGreaterThan(10);
    expect(spec.description).toMatch(/\d/);
    expect(spec.description.trim()).toMatch(/[.!]$/);
  });
});

describe.each(instrumentTables)('instrument table $chapter.number', ({ table }) => {
  const spec = instrumentChart(table, nameOf);
  const entriesOf = new Map(table.rows.map((r) => [r.instrument.id, r.entries]));

  test('bars are sorted largest first and are proportional to the lower value', () => {
    for (const chart of Object.values(spec.layouts)) {
      const bars = chart.rects.filter((r) => r.kind === 'bar');
      const values = bars.map((b) => entriesOf.get(b.key!)!.max);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      const ratios = unitsPerEntry(chart, (k) => entriesOf.get(k)!.min);
      for (const r of ratios) expect(r).toBeCloseTo(ratios[0]!, 9);
      // Rows go down in the same order as the bars.
      const ys = bars.map((b) => b.y);
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
    }
  });

  test('ranges run from the lower to the upper value on the same scale', () => {
    for (const chart of Object.values(spec.layouts)) {
      const perEntry = unitsPerEntry(chart, (k) => entriesOf.get(k)!.min)[0]!;
      for (const ext of chart.rects.filter((r) => r.kind === 'extent')) {
        const e = entriesOf.get(ext.key!)!;
        expect(e.max).toBeGreaterThan(e.min);
        expect(ext.x).toBeCloseTo(e.min * perEntry, 9);
        expect(ext.x + ext.width).toBeCloseTo(e.max * perEntry, 9);
      }
      expect(chart.rects.filter((r) => r.kind === 'extent')).toHaveLength(table.rows.filter((r) => !r.entries.includedIn && r.entries.max > r.entries.min).length);
    }
  });

  test('a value included in another row is a part of that row, never a bar of its own', () => {
    const included = table.rows.filter((r) => r.entries.includedIn);
    const items = instrumentItems(table, nameOf);
    expect(items).toHaveLength(table.rows.length - included.length);
    for (const r of included) {
      const host = items.find((i) => i.key === r.entries.includedIn!.id)!;
      expect(host.parts?.map((p) => p.key)).toContain(r.instrument.id);
      for (const chart of Object.values(spec.layouts)) {
        expect(chart.rects.filter((x) => x.key === r.instrument.id).map((x) => x.kind).sort()).toEqual(['part', 'track']);
        const part = chart.rects.find((x) => x.key === r.instrument.id && x.kind === 'part')!;
        const hostBar = chart.rects.find((x) => x.key === host.key && x.kind === 'bar')!;
        expect(part.width / r.entries.max).toBeCloseTo(hostBar.width / entriesOf.get(host.key)!.min, 9);
        expect(part.width).toBeLessThanOrEqual(hostBar.width);
      }
    }
    // The bars add up to the printed total: nothing is counted twice.
    if (table.total) {
      const sum = items.reduce((s, i) => s + i.bars[0]!.min, 0);
      expect(sum).toBe(table.total.entries.min);
    }
  });

  test('footnoted values keep their mark, and the footnote is in the chart', () => {
    for (const r of table.rows.filter((x) => x.entries.footnote)) {
      for (const chart of Object.values(spec.layouts)) {
        const label = chart.texts.find((t) => t.key === r.instrument.id && t.role === 'value')!;
        expect(label.lines.join(' ')).toContain(`${formatCount(r.entries.min)}${r.entries.footnote}`);
        const note = table.footnotes.find((f) => f.mark === r.entries.footnote)!;
        expect(chart.texts.filter((t) => t.role === 'note').map((t) => t.lines.join(' ')).join(' ')).toContain(note.text.split(' ')[0]);
      }
    }
  });
});

describe('key figures', () => {
  const k = year.programme.keyFigures;
  const spec = keyFiguresChart(k, year.year);

  test('one 2021 bar and one 2020 outline per budget purpose, proportional, in printed order', () => {
    for (const chart of Object.values(spec.layouts)) {
      const bars = chart.rects.filter((r) => r.kind === 'bar');
      const previous = chart.rects.filter((r) => r.kind === 'previous');
      expect(bars.map((b) => b.key)).toEqual(k.groups.filter((g) => g.entries > 0).map((g) => g.numeral));
      expect(previous.map((b) => b.key)).toEqual(k.groups.filter((g) => g.previousPlan > 0).map((g) => g.numeral));
      const byNumeral = new Map(k.groups.map((g) => [g.numeral, g]));
      const perEntry = bars[0]!.width / byNumeral.get(bars[0]!.key!)!.entries;
      for (const b of bars) expect(b.width).toBeCloseTo(byNumeral.get(b.key!)!.entries * perEntry, 9);
      for (const p of previous) expect(p.width).toBeCloseTo(byNumeral.get(p.key!)!.previousPlan * perEntry, 9);
      // Summed over the purposes the bars give the printed total: "darunter" rows add nothing.
      expect(bars.reduce((s, b) => s + b.width, 0) / perEntry).toBeCloseTo(k.total.entries, 6);
    }
  });

  test('"darunter" rows are parts of the row above them; the other rows are parts of their purpose', () => {
    for (const chart of Object.values(spec.layouts)) {
      const perEntry = chart.rects.find((r) => r.kind === 'bar' && r.key === 'I.')!.width / k.groups[0]!.entries;
      k.groups.forEach((g) => {
        const own = g.rows.filter((r) => !r.ofWhich);
        let parent = g.entries;
        g.rows.forEach((r, i) => {
          const key = `${g.numeral}-${i}`;
          const part = chart.rects.find((x) => x.kind === 'part' && x.key === key);
          const track = chart.rects.find((x) => x.kind === 'track' && x.key === key);
          if (!r.ofWhich) {
            parent = r.entries;
            if (own.length < 2) return expect(track).toBeUndefined();
            expect(track!.width).toBeCloseTo(g.entries * perEntry, 9);
          } else expect(track!.width).toBeCloseTo(parent * perEntry, 9);
          if (r.entries > 0) expect(part!.width).toBeCloseTo(r.entries * perEntry, 9);
          expect(chart.rects.filter((x) => x.kind === 'bar' && x.key === key)).toHaveLength(0);
        });
      });
    }
  });

  test('the change is computed and shown for every purpose', () => {
    for (const chart of Object.values(spec.layouts))
      for (const g of k.groups) {
        const aside = chart.texts.find((t) => t.key === g.numeral && t.anchor === 'end')!;
        expect(aside.lines[0]).toBe(g.printedChange === undefined ? aside.lines[0] : `${g.printedChange > 0 ? '+' : ''}${g.printedChange}\u00a0%`);
      }
    expect(spec.description).toContain(formatCount(k.total.entries));
    expect(spec.description).toContain(formatCount(k.total.previousPlan));
  });
});

describe.each(estimateTables)('demand estimates $chapter.number', ({ table }) => {
  const spec = estimateChart(table);
  test('each estimate is an interval from min to max, sorted by upper value, on one scale', () => {
    const byKey = new Map(table.rows.map((r) => [r.instrument.id, r.estimate]));
    for (const chart of Object.values(spec.layouts)) {
      const intervals = chart.rects.filter((r) => r.kind === 'interval');
      expect(intervals).toHaveLength(table.rows.length);
      const uppers = intervals.map((r) => byKey.get(r.key!)!.max);
      expect(uppers).toEqual([...uppers].sort((a, b) => b - a));
      const perEntry = (intervals[0]!.x + intervals[0]!.width) / uppers[0]!;
      for (const r of intervals) {
        const e = byKey.get(r.key!)!;
        expect(e.min).toBeLessThanOrEqual(e.max);
        expect(r.x).toBeCloseTo(e.min * perEntry, 9);
        expect(r.x + r.width).toBeCloseTo(e.max * perEntry, 9);
      }
    }
  });
});

describe.each(shareSets)('shares $id', (set) => {
  test('each share fills its part of a 100 % outline', () => {
    for (const chart of Object.values(shareChart(set).layouts)) {
      const bars = chart.rects.filter((r) => r.kind === 'bar');
      const tracks = chart.rects.filter((r) => r.kind === 'track');
      expect(bars).toHaveLength(set.items.filter((i) => i.percent > 0).length);
      bars.forEach((b, i) => {
        const track = tracks[i]!;
        expect(b.width / track.width).toBeCloseTo(set.items[i]!.percent / 100, 9);
        expect(track.width).toBeLessThanOrEqual(chart.width);
      });
    }
  });
});
