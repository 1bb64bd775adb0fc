/**
 * Compact SVG for the chart shapes: rectangles and lines of one kind become a single <path>,
 * texts of one style share a <g>. The same picture in about a third of the markup, which keeps
 * pages with several charts small (the whole programme on one page has all of them).
 */
import type { Chart, LineShape, Rect, TextShape } from './types.ts';

/** One decimal is a tenth of a pixel at scale 1: finer adds bytes, not precision. */
export const r1 = (n: number) => {
  const v = Math.round(n * 10) / 10;
  return Object.is(v, -0) ? 0 : v;
};

/** Kinds drawn with the hatch pattern (the renderer adds the fill). */
export const PATTERNED = new Set(['extent', 'interval']);

export type PathGroup = { className: string; d: string; patterned: boolean };

/** A legend key is drawn like the shape it explains. */
const drawnKind = (r: Rect) => (r.kind === 'swatch' ? (r.key ?? 'bar') : r.kind);

export function rectPaths(rects: readonly Rect[]): PathGroup[] {
  const groups = new Map<string, string[]>();
  for (const r of rects) {
    if (r.width <= 0 || r.height <= 0) continue;
    const className = `k-${drawnKind(r)}${r.shade ? ' shade' : ''}`;
    const d = `M${r1(r.x)} ${r1(r.y)}h${r1(r.width)}v${r1(r.height)}h${r1(-r.width)}z`;
    groups.set(className, [...(groups.get(className) ?? []), d]);
  }
  return [...groups].map(([className, ds]) => ({ className, d: ds.join(''), patterned: PATTERNED.has(className.slice(2).split(' ')[0]!) }));
}

export function linePaths(lines: readonly LineShape[]): PathGroup[] {
  const groups = new Map<string, string[]>();
  for (const l of lines) {
    const className = `l-${l.kind}`;
    groups.set(className, [...(groups.get(className) ?? []), `M${r1(l.x1)} ${r1(l.y1)}L${r1(l.x2)} ${r1(l.y2)}`]);
  }
  return [...groups].map(([className, ds]) => ({ className, d: ds.join(''), patterned: false }));
}

export type TextGroup = { className: string; size: number; bold: boolean; texts: TextShape[] };

/** Texts grouped by role, size and weight, in first-appearance order. */
export function textGroups(texts: readonly TextShape[]): TextGroup[] {
  const groups = new Map<string, TextGroup>();
  for (const t of texts) {
    const key = `${t.role}|${t.size}|${t.bold}`;
    if (!groups.has(key)) groups.set(key, { className: `t-${t.role}`, size: t.size, bold: t.bold, texts: [] });
    groups.get(key)!.texts.push(t);
  }
  return [...groups.values()];
}

/** Splits a chart's lines and texts into the aria-hidden axis part and the rest. */
export function axisParts(chart: Chart) {
  const isAxisLine = (l: LineShape) => l.kind === 'grid' || l.kind === 'axis';
  return {
    axisLines: chart.lines.filter(isAxisLine),
    markLines: chart.lines.filter((l) => !isAxisLine(l)),
    ticks: chart.texts.filter((t) => t.role === 'tick'),
    texts: chart.texts.filter((t) => t.role !== 'tick'),
  };
}
