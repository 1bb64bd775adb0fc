/**
 * The generic bar-list layout with small synthetic inputs: proportions, ranges, labels inside
 * the picture and apart from each other, at the phone and the wide width.
 */
import { describe, expect, test } from 'vitest';
import { barListLayout, type BarItem } from '../../src/lib/charts/bars.ts';
import { layoutProblems, overlaps, rectBox, textBox } from '../../src/lib/charts/geometry.ts';
import { WIDTHS } from '../../src/lib/charts/spec.ts';
import type { Chart } from '../../src/lib/charts/types.ts';

const bar = (key: string, min: number, max = min, label = `Instrument ${key}`): BarItem => ({
  key,
  label,
  bars: [{ kind: 'bar', min, max, valueLabel: min === max ? String(min) : `${min} bis ${max}` }],
});

const widths = [WIDTHS.narrow, WIDTHS.wide];

/** Text must not sit on bars, outlines or parts (value labels go beside the bar end). */
function textOnShapes(chart: Chart): string[] {
  const problems: string[] = [];
  for (const t of chart.texts)
    for (const r of chart.rects)
      if (r.kind !== 'cell' && overlaps(textBox(t), rectBox(r))) problems.push(`„${t.lines.join(' ')}“ liegt auf ${r.kind} ${r.key ?? ''}`);
  return problems;
}

describe.each(widths)('bar list at width %i', (width) => {
  test('bar lengths are proportional to the values', () => {
    const values = [7, 20, 40, 1250];
    const chart = barListLayout(values.map((v, i) => bar(String(i), v)), { width });
    const bars = chart.rects.filter((r) => r.kind === 'bar');
    expect(bars).toHaveLength(values.length);
    const perUnit = bars[0]!.width / values[0]!;
    bars.forEach((b, i) => {
      expect(b.x).toBe(0);
      expect(b.width / values[i]!).toBeCloseTo(perUnit, 9);
    });
  });

  test('the longest bar with its number uses the width without leaving it', () => {
    const chart = barListLayout([bar('a', 10), bar('b', 1000)], { width });
    const longest = Math.max(...chart.rects.map((r) => r.x + r.width));
    const label = chart.texts.find((t) => t.lines[0] === '1000')!;
    expect(textBox(label).x1).toBeLessThanOrEqual(width + 0.01);
    expect(textBox(label).x1).toBeGreaterThan(width - 2);
    expect(longest).toBeLessThan(width);
  });

  test('a range is solid up to its lower and hatched up to its upper value, in order', () => {
    const chart = barListLayout([bar('r', 25, 30), bar('s', 50)], { width });
    const solid = chart.rects.find((r) => r.kind === 'bar' && r.key === 'r')!;
    const extent = chart.rects.find((r) => r.kind === 'extent' && r.key === 'r')!;
    const other = chart.rects.find((r) => r.kind === 'bar' && r.key === 's')!;
    expect(extent.x).toBeCloseTo(solid.x + solid.width, 9);
    expect(extent.width).toBeGreaterThan(0);
    // 25 → solid, 30 → end of extent, on the same scale as the plain bar of 50.
    expect(solid.width / 25).toBeCloseTo(other.width / 50, 9);
    expect((extent.x + extent.width) / 30).toBeCloseTo(other.width / 50, 9);
  });

  test('an estimate interval spans from min to max with end marks at both ends', () => {
    const items: BarItem[] = [
      { key: 'a', label: 'A', bars: [{ kind: 'interval', min: 80, max: 170, valueLabel: '80 bis 170' }] },
      { key: 'b', label: 'B', bars: [{ kind: 'interval', min: 300, max: 500, valueLabel: '300 bis 500' }] },
    ];
    const chart = barListLayout(items, { width, axis: true });
    const [a, b] = ['a', 'b'].map((k) => chart.rects.find((r) => r.kind === 'interval' && r.key === k)!);
    const perUnit = (b!.x + b!.width) / 500;
    expect(a!.x / 80).toBeCloseTo(perUnit, 9);
    expect((a!.x + a!.width) / 170).toBeCloseTo(perUnit, 9);
    expect(b!.x / 300).toBeCloseTo(perUnit, 9);
    const caps = chart.lines.filter((l) => l.kind === 'cap').map((l) => l.x1);
    for (const x of [a!.x, a!.x + a!.width, b!.x, b!.x + b!.width]) expect(caps.some((c) => Math.abs(c - x) < 1e-9)).toBe(true);
    // The axis ticks read the same scale: tick "400" stands at 400 units.
    const tick = chart.texts.find((t) => t.role === 'tick' && t.lines[0] === '400');
    expect(tick).toBeDefined();
    expect(tick!.x).toBeCloseTo(400 * perUnit, 9);
  });

  test('a zero value draws no bar but keeps its number inside the picture', () => {
    const chart = barListLayout([bar('z', 0), bar('n', 25)], { width });
    expect(chart.rects.filter((r) => r.key === 'z')).toHaveLength(0);
    expect(chart.texts.some((t) => t.key === 'z' && t.lines[0] === '0')).toBe(true);
    expect(layoutProblems(chart)).toEqual([]);
  });

  test('a part is drawn inside the outline of its whole, not added to it', () => {
    const item: BarItem = {
      ...bar('w', 1800),
      parts: [
        { key: 'p', label: 'darunter abschlussorientiert', valueLabel: '400', value: 400, whole: 1800, depth: 1 },
        { key: 'q', label: 'darunter Grundkompetenzen', valueLabel: '144', value: 144, whole: 1800, depth: 1 },
      ],
    };
    const chart = barListLayout([item], { width });
    const whole = chart.rects.find((r) => r.kind === 'bar')!;
    for (const [key, value] of [['p', 400], ['q', 144]] as const) {
      const part = chart.rects.find((r) => r.kind === 'part' && r.key === key)!;
      const track = chart.rects.find((r) => r.kind === 'track' && r.key === key)!;
      expect(track.width).toBeCloseTo(whole.width, 9);
      expect(part.width / value).toBeCloseTo(whole.width / 1800, 9);
      expect(part.x).toBe(track.x);
    }
    // The scale is set by the whole alone: 1800 + 400 + 144 would make the whole shorter.
    expect(chart.rects.filter((r) => r.kind === 'bar')).toHaveLength(1);
    expect(whole.width).toBeGreaterThan(width * 0.7);
  });

  test('long names, long numbers, notes, legend and footnotes: nothing outside, nothing overlapping', () => {
    const long = 'Assistierte Ausbildung (AsA Flex) einschließlich ausbildungsbegleitender Hilfen (abH) und weitere Angebote';
    const items: BarItem[] = [
      { ...bar('a', 12345, 12345, long), aside: '-100 %', heading: true },
      { key: 'b', label: long, bars: [{ kind: 'bar', min: 20, max: 20, valueLabel: '20 und Stundenkontingente' }], notes: [long] },
      { key: 'c', label: 'C', bars: [{ kind: 'previous', min: 9999, max: 9999, valueLabel: '2020: 9.999' }] },
      { ...bar('d', 1), parts: [{ key: 'd1', label: long, valueLabel: '1', value: 1, whole: 1, depth: 2 }] },
    ];
    const chart = barListLayout(items, {
      width,
      legend: [
        { kind: 'bar', label: 'geplante Eintritte' },
        { kind: 'extent', label: 'Spanne bis zum oberen Wert' },
        { kind: 'part', label: 'darin enthalten, nicht zusätzlich gezählt' },
        { kind: 'previous', label: 'Ansatz des Vorjahres' },
      ],
      intro: ['Rechts neben dem Namen: Veränderung gegenüber dem Ansatz des Vorjahres.'],
      notes: [`* ${long}`],
      axis: true,
    });
    expect(chart.width).toBe(width);
    expect(layoutProblems(chart)).toEqual([]);
    expect(textOnShapes(chart)).toEqual([]);
  });

  test('rows keep their order and stack downwards without overlapping', () => {
    const chart = barListLayout([bar('x', 5), bar('y', 50), bar('z', 500)], { width });
    const ys = ['x', 'y', 'z'].map((k) => chart.rects.find((r) => r.key === k)!.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(textOnShapes(chart)).toEqual([]);
  });
});

test('a value label wider than the chart is an error, not a clipped label', () => {
  expect(() => barListLayout([{ key: 'x', label: 'X', bars: [{ kind: 'bar', min: 1, max: 1, valueLabel: 'x'.repeat(80) }] }], { width: 100 })).toThrow(/breiter/);
});
