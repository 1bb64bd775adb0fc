/**
 * The one layout behind the bar charts: a vertical list of rows, each with its name *above*
 * its bars (so that long German names wrap instead of squeezing the bars, and the same
 * layout works at 288 and at 640 units wide), numbers at the bar ends, optional "part of"
 * lines below ("darunter …", "in FbW enthalten"), notes, a legend on top and an axis below.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { formatCount } from '../format.ts';
import { textAt, textBox } from './geometry.ts';
import { ASCENT, DESCENT, blockHeight, wrapText, textWidth } from './text.ts';
import type { Chart, LineShape, Rect, RectKind, TextShape } from './types.ts';

export type BarSpec = {
  /**
   * bar: solid from 0 to `min`, hatched from `min` to `max` ("25 (bis 30)");
   * previous: outline from 0 to `max` (plan of the previous year);
   * interval: hatched from `min` to `max` with end caps (estimates).
   */
  kind: 'bar' | 'previous' | 'interval';
  min: number;
  max: number;
  /** Printed right of the bar's end; empty for none. */
  valueLabel: string;
  /** Draws the whole (e.g. 100 %) behind the bar as an outline. */
  track?: number;
};

/** A part of a whole, drawn as a thin bar inside an outline of the whole. */
export type PartSpec = {
  key: string;
  label: string;
  /** Printed after the part's name. */
  valueLabel: string;
  value: number;
  whole: number;
  /** 1 = part of the row, 2 = part of a part (label indented). */
  depth: 1 | 2;
};

export type BarItem = {
  key: string;
  label: string;
  /** Group names are bold. */
  heading?: boolean;
  /** Right-aligned on the first label line (e.g. the change "-25 %"). */
  aside?: string;
  bars: BarSpec[];
  parts?: PartSpec[];
  /** Small lines under the bars (e.g. "und Stundenkontingente bei abH"). */
  notes?: string[];
};

export type LegendEntry = { kind: RectKind; label: string };

export type BarListOptions = {
  width: number;
  legend?: LegendEntry[];
  /** Lines under the legend, above the rows (how to read the chart). */
  intro?: string[];
  /** Lines under the chart (footnotes). */
  notes?: string[];
  /** Tick labels and grid lines; for floating ranges, whose ends are read against the scale. */
  axis?: boolean;
  /** Fixed domain end (100 for percentages); else the largest value. */
  domainMax?: number;
};

export const FONT = { label: 14, value: 14, small: 13, tick: 12 } as const;
/**
 * Left edge of text: some glyphs (J, T, V) reach a little left of their origin, so text starting
 * at 0 would be clipped by a pixel; bars still start at 0.
 */
export const INSET = 2;
const SIZE = { bar: 16, previous: 10, part: 8, swatchW: 16, swatchH: 12 } as const;
const GAP = { value: 5, labelToBar: 5, bar: 4, partTop: 7, partLabelToBar: 3, row: 16, legend: 14, notes: 10, indent: 14, aside: 10 } as const;
const VALUE_FONT = { size: FONT.value };

type Shapes = Pick<Chart, 'rects' | 'texts' | 'lines'>;
/** A bar with its value label: grid lines run only within its height (never through the names) and beside it, never through it. */
type Band = { y0: number; y1: number; x0: number; x1: number };
type Scale = ScaleLinear<number, number>;

const noShapes = (): Shapes => ({ rects: [], texts: [], lines: [] });
function append(into: Shapes, from: Partial<Shapes>) {
  into.rects.push(...(from.rects ?? []));
  into.texts.push(...(from.texts ?? []));
  into.lines.push(...(from.lines ?? []));
}

/** Legend entries flow left to right and wrap. Returns shapes and the height used. */
export function legendLayout(entries: LegendEntry[], width: number, top: number): { rects: Rect[]; texts: TextShape[]; height: number } {
  const rects: Rect[] = [];
  const texts: TextShape[] = [];
  const size = FONT.small;
  let x = 0;
  let rowTop = top;
  let rowHeight = 0;
  for (const e of entries) {
    const lines = wrapText(e.label, width - SIZE.swatchW - 6, { size });
    const w = SIZE.swatchW + 6 + Math.max(...lines.map((l) => textWidth(l, { size })));
    if (x > 0 && x + w > width) {
      rowTop += rowHeight + 4;
      x = 0;
      rowHeight = 0;
    }
    const swatchY = rowTop + (blockHeight(1, size) - SIZE.swatchH) / 2;
    if (e.kind === 'part') {
      // A part is drawn as a thin bar inside the outline of its whole; so is its key.
      const partY = swatchY + (SIZE.swatchH - SIZE.part) / 2;
      rects.push({ x, y: partY, width: SIZE.swatchW, height: SIZE.part, kind: 'swatch', key: 'track' });
      rects.push({ x, y: partY, width: SIZE.swatchW * 0.6, height: SIZE.part, kind: 'swatch', key: 'part' });
    } else rects.push({ x, y: swatchY, width: SIZE.swatchW, height: SIZE.swatchH, kind: 'swatch', key: e.kind });
    texts.push(textAt(rowTop, x + SIZE.swatchW + 6, lines, size, 'legend'));
    x += w + 18;
    rowHeight = Math.max(rowHeight, blockHeight(lines.length, size));
  }
  return { rects, texts, height: rowHeight > 0 ? rowTop + rowHeight - top : 0 };
}

// Scale: domain, range, axis and ticks.

/**
 * The largest scale range such that every bar plus its value label fits into `width`:
 * for a bar ending at value v with a label of width w, v / domain · range + gap + w ≤ width.
 * Long labels on short bars therefore do not shrink the scale more than necessary.
 */
export function scaleRange(width: number, domainMax: number, ends: { value: number; labelWidth: number }[]): number {
  let range = width;
  for (const { value, labelWidth } of ends) {
    const room = width - (labelWidth > 0 ? GAP.value + labelWidth : 0);
    if (room <= 0) throw new Error(`Diagramm: Wertbeschriftung ist breiter als das Diagramm (${width})`);
    if (value > 0) range = Math.min(range, (room * domainMax) / value);
  }
  return range;
}

/** The end of the domain: the fixed one (100 for percentages) or the largest bar, track or whole. */
function domainEnd(items: BarItem[], fixed = 0): number {
  const values = items.flatMap((i) => [...i.bars.flatMap((b) => [b.max, b.track ?? 0]), ...(i.parts ?? []).map((p) => p.whole)]);
  return Math.max(fixed, ...values, 1);
}

const valueLabelWidth = (b: BarSpec) => (b.valueLabel ? textWidth(b.valueLabel, VALUE_FONT) : 0);

/** The x scale from 0 to the domain end, as wide as the value labels at the bar ends allow. */
function barScale(items: BarItem[], width: number, domainMax?: number): Scale {
  const end = domainEnd(items, domainMax);
  const ends = items.flatMap((i) => i.bars.map((b) => ({ value: b.max, labelWidth: valueLabelWidth(b) })));
  return scaleLinear().domain([0, end]).range([0, scaleRange(width, end, ends)]);
}

/** A tick's number under the axis line at `top`, kept inside the chart at both ends. */
function tickLabel(x: Scale, v: number, top: number, width: number): TextShape {
  const t = textAt(top + 5, x(v), [formatCount(v)], FONT.tick, 'tick', { anchor: 'middle' });
  const box = textBox(t);
  if (box.x0 < 0) t.anchor = 'start';
  else if (box.x1 > width) t.anchor = 'end';
  return t;
}

/** Grid lines at tick `v` beside the bars, never through a bar or its number. */
const gridLines = (x: Scale, v: number, bands: Band[]): LineShape[] =>
  v > 0 ? bands.filter((b) => !(x(v) >= b.x0 - 2 && x(v) <= b.x1 + 2)).map((b) => ({ x1: x(v), y1: b.y0, x2: x(v), y2: b.y1, kind: 'grid' })) : [];

/** Axis line at `top`, tick marks with their numbers, and grid lines within the bands. */
function axisLayout(x: Scale, width: number, top: number, bands: Band[]): Shapes & { height: number } {
  const out = noShapes();
  out.lines.push({ x1: 0, y1: top, x2: x.range()[1]!, y2: top, kind: 'axis' });
  for (const v of x.ticks(width < 400 ? 3 : 6)) {
    out.lines.push({ x1: x(v), y1: top, x2: x(v), y2: top + 3, kind: 'axis' }, ...gridLines(x, v, bands));
    out.texts.push(tickLabel(x, v, top, width));
  }
  return { ...out, height: 5 + blockHeight(1, FONT.tick) };
}

// Rows: the geometry of bars and parts.

const barHeight = (b: BarSpec) => (b.kind === 'previous' ? SIZE.previous : SIZE.bar);

/** The marks of one bar whose top is at `y` (see BarSpec.kind). */
function barMarks(b: BarSpec, x: Scale, y: number, key: string): Pick<Shapes, 'rects' | 'lines'> {
  const h = barHeight(b);
  const rects: Rect[] = [];
  const lines: LineShape[] = [];
  if (b.track !== undefined) rects.push({ x: 0, y, width: x(b.track), height: h, kind: 'track', key });
  if (b.kind === 'bar') {
    if (b.min > 0) rects.push({ x: 0, y, width: x(b.min), height: h, kind: 'bar', key });
    if (b.max > b.min) rects.push({ x: x(b.min), y, width: x(b.max) - x(b.min), height: h, kind: 'extent', key });
  } else if (b.kind === 'previous') {
    if (b.max > 0) rects.push({ x: 0, y, width: x(b.max), height: h, kind: 'previous', key });
  } else {
    const mid = y + h / 2;
    if (b.min > 0) lines.push({ x1: 0, y1: mid, x2: x(b.min), y2: mid, kind: 'lead' });
    rects.push({ x: x(b.min), y, width: x(b.max) - x(b.min), height: h, kind: 'interval', key });
    lines.push({ x1: x(b.min), y1: y - 2, x2: x(b.min), y2: y + h + 2, kind: 'cap' }, { x1: x(b.max), y1: y - 2, x2: x(b.max), y2: y + h + 2, kind: 'cap' });
  }
  return { rects, lines };
}

/** The band of a bar with its value label, a little taller than the bar. */
function barBand(b: BarSpec, x: Scale, y: number): Band {
  const start = b.kind === 'interval' ? x(b.min) : 0;
  return { y0: y - 3, y1: y + barHeight(b) + 3, x0: start, x1: x(b.max) + (b.valueLabel ? GAP.value + valueLabelWidth(b) : 0) };
}

/** A part as a thin bar inside the outline of its whole, top at `y`. */
function partMarks(p: PartSpec, x: Scale, y: number): Rect[] {
  const track: Rect = { x: 0, y, width: x(p.whole), height: SIZE.part, kind: 'track', key: p.key };
  return p.value > 0 ? [track, { x: 0, y, width: x(p.value), height: SIZE.part, kind: 'part', key: p.key }] : [track];
}

// Labels: names, asides, value labels and notes, wrapped to the width.

/**
 * The name of a row (bold for a heading) at `top`, wrapped so that it leaves room for its aside:
 * a number right-aligned on the first line (the change "-25 %", a total). Returns the texts and
 * the height of the name.
 */
export function rowLabel(
  label: string,
  aside: string | undefined,
  { width, top, heading, key }: { width: number; top: number; heading: boolean; key: string },
): { texts: TextShape[]; height: number } {
  const asideWidth = aside ? textWidth(aside, { size: FONT.value, bold: true }) + GAP.aside : 0;
  const lines = wrapText(label, width - INSET - asideWidth, { size: FONT.label, bold: heading });
  const texts = [textAt(top, INSET, lines, FONT.label, heading ? 'heading' : 'label', { bold: heading, key })];
  if (aside) texts.push(textAt(top, width, [aside], FONT.value, 'value', { anchor: 'end', bold: true, key }));
  return { texts, height: blockHeight(lines.length, FONT.label) };
}

/** The number right of a bar's end, vertically centred on the bar: baseline = centre + (ascent − descent) / 2. */
function valueLabel(b: BarSpec, x: Scale, y: number, key: string): TextShape[] {
  if (!b.valueLabel) return [];
  const baseline = y + barHeight(b) / 2 + ((ASCENT - DESCENT) / 2) * FONT.value;
  // Placed by its baseline, not hung from a top like the other texts.
  return [textAt(0, x(b.max) + GAP.value, [b.valueLabel], FONT.value, 'value', { y: baseline, key })];
}

/** Small text at `top` over the width (less an indent), wrapped; with the height it takes. */
function smallText(text: string, width: number, top: number, role: TextShape['role'], { indent = 0, key }: { indent?: number; key?: string } = {}) {
  const lines = wrapText(text, width - INSET - indent, { size: FONT.small });
  return { text: textAt(top, INSET + indent, lines, FONT.small, role, key === undefined ? {} : { key }), height: blockHeight(lines.length, FONT.small) };
}

/**
 * A part's name with its number ("darunter abschlussorientiert: 400"), indented for a part of a
 * part. The number follows the name: at the far right it would read as the value of the outline
 * (the whole) rather than of the part.
 */
const partLabel = (p: PartSpec, width: number, top: number) =>
  smallText(`${p.label}: ${p.valueLabel}`, width, top, 'label', { indent: p.depth === 2 ? GAP.indent : 0, key: p.key });

// Composition.

/** Legend and the lines on how to read the chart, from the top; returns where the rows start. */
function headerLayout(options: BarListOptions): Shapes & { bottom: number } {
  const out = noShapes();
  let y = 0;
  if (options.legend && options.legend.length > 0) {
    const legend = legendLayout(options.legend, options.width, y);
    append(out, legend);
    y += legend.height + GAP.legend;
  }
  for (const line of options.intro ?? []) {
    const intro = smallText(line, options.width, y, 'note');
    out.texts.push(intro.text);
    y += intro.height + GAP.legend;
  }
  return { ...out, bottom: y };
}

/** One item from `top` down: its name, its bars with their numbers, its notes and its parts. */
function itemLayout(item: BarItem, x: Scale, width: number, top: number): Shapes & { bands: Band[]; bottom: number } {
  const out = noShapes();
  const bands: Band[] = [];
  let y = top;
  const label = rowLabel(item.label, item.aside, { width, top: y, heading: item.heading ?? false, key: item.key });
  append(out, label);
  y += label.height + GAP.labelToBar;
  item.bars.forEach((b, bi) => {
    if (bi > 0) y += GAP.bar;
    append(out, barMarks(b, x, y, item.key));
    append(out, { texts: valueLabel(b, x, y, item.key) });
    bands.push(barBand(b, x, y));
    y += barHeight(b);
  });
  for (const note of item.notes ?? []) {
    y += 4;
    const n = smallText(note, width, y, 'note', { key: item.key });
    out.texts.push(n.text);
    y += n.height;
  }
  for (const p of item.parts ?? []) {
    y += GAP.partTop;
    const label = partLabel(p, width, y);
    out.texts.push(label.text);
    y += label.height + GAP.partLabelToBar;
    out.rects.push(...partMarks(p, x, y));
    y += SIZE.part;
  }
  return { ...out, bands, bottom: y };
}

/** The footnotes under the chart, from `top`; returns where they end. */
function notesLayout(notes: string[], width: number, top: number): { texts: TextShape[]; bottom: number } {
  const texts: TextShape[] = [];
  let y = top + GAP.notes;
  for (const note of notes) {
    const n = smallText(note, width, y, 'note');
    texts.push(n.text);
    y += n.height + 4;
  }
  return { texts, bottom: y - 4 };
}

export function barListLayout(items: BarItem[], options: BarListOptions): Chart {
  const { width } = options;
  const x = barScale(items, width, options.domainMax);
  const header = headerLayout(options);
  const chart = noShapes();
  append(chart, header);
  const bands: Band[] = [];
  let y = header.bottom;
  for (const item of items) {
    const rows = itemLayout(item, x, width, y);
    append(chart, rows);
    bands.push(...rows.bands);
    y = rows.bottom + GAP.row;
  }
  const bottom = y - GAP.row;
  y = bottom;
  if (options.axis) {
    const axis = axisLayout(x, width, bottom + 6, bands);
    append(chart, axis);
    y = bottom + 6 + axis.height;
  }
  if (options.notes && options.notes.length > 0) {
    const notes = notesLayout(options.notes, width, y);
    append(chart, notes);
    y = notes.bottom;
  }
  // Value labels centred on the last bar reach a little below it: measure, do not assume.
  const bottomEdge = Math.max(y, ...chart.texts.map((t) => textBox(t).y1), ...chart.rects.map((r) => r.y + r.height));
  return { width, height: Math.ceil(bottomEdge + 2), ...chart };
}
