/**
 * The one layout behind the bar charts: a vertical list of rows, each with its name *above*
 * its bars (so that long German names wrap instead of squeezing the bars, and the same
 * layout works at 288 and at 640 units wide), numbers at the bar ends, optional "part of"
 * lines below ("darunter …", "in FbW enthalten"), notes, a legend on top and an axis below.
 */
import { scaleLinear } from 'd3-scale';
import { formatCount } from '../format.ts';
import { textBox } from './geometry.ts';
import { wrapText, textWidth } from './text.ts';
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
const LINE = 1.25;
/**
 * Left edge of text: some glyphs (J, T, V) reach a little left of their origin, so text starting
 * at 0 would be clipped by a pixel; bars still start at 0.
 */
export const INSET = 2;
const SIZE = { bar: 16, previous: 10, part: 8, swatchW: 16, swatchH: 12 } as const;
const GAP = { value: 5, labelToBar: 5, bar: 4, partTop: 7, partLabelToBar: 3, row: 16, legend: 14, notes: 10, indent: 14 } as const;

/** Rows of text: the baseline of the first line sits one ascent below `top`. */
function textAt(top: number, x: number, lines: string[], size: number, role: TextShape['role'], opts: Partial<TextShape> = {}): TextShape {
  return { x, y: top + 0.93 * size, lines, anchor: 'start', size, bold: false, lineHeight: size * LINE, role, ...opts };
}
const blockHeight = (lines: number, size: number) => (lines - 1) * size * LINE + (0.93 + 0.24) * size;

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

export function barListLayout(items: BarItem[], options: BarListOptions): Chart {
  const { width } = options;
  const rects: Rect[] = [];
  const texts: TextShape[] = [];
  const lines: LineShape[] = [];
  const valueFont = { size: FONT.value };

  const values = items.flatMap((i) => [
    ...i.bars.flatMap((b) => [b.max, b.track ?? 0]),
    ...(i.parts ?? []).map((p) => p.whole),
  ]);
  const domainMax = Math.max(options.domainMax ?? 0, ...values, 1);
  const ends = items.flatMap((i) => i.bars.map((b) => ({ value: b.max, labelWidth: b.valueLabel ? textWidth(b.valueLabel, valueFont) : 0 })));
  const x = scaleLinear().domain([0, domainMax]).range([0, scaleRange(width, domainMax, ends)]);

  /** Vertical extents of the bars: grid lines run only there, never through the names. */
  const barBands: { y0: number; y1: number; x0: number; x1: number }[] = [];
  let y = 0;
  if (options.legend && options.legend.length > 0) {
    const legend = legendLayout(options.legend, width, y);
    rects.push(...legend.rects);
    texts.push(...legend.texts);
    y += legend.height + GAP.legend;
  }
  for (const line of options.intro ?? []) {
    const introLines = wrapText(line, width - INSET, { size: FONT.small });
    texts.push(textAt(y, INSET, introLines, FONT.small, 'note'));
    y += blockHeight(introLines.length, FONT.small) + GAP.legend;
  }
  const top = y;

  for (const item of items) {
    const labelFont = { size: FONT.label, bold: item.heading ?? false };
    const asideWidth = item.aside ? textWidth(item.aside, { size: FONT.value, bold: true }) + 10 : 0;
    const labelLines = wrapText(item.label, width - INSET - asideWidth, labelFont);
    texts.push(textAt(y, INSET, labelLines, FONT.label, item.heading ? 'heading' : 'label', { bold: item.heading ?? false, key: item.key }));
    if (item.aside) texts.push(textAt(y, width, [item.aside], FONT.value, 'value', { anchor: 'end', bold: true, key: item.key }));
    y += blockHeight(labelLines.length, FONT.label) + GAP.labelToBar;

    item.bars.forEach((b, bi) => {
      if (bi > 0) y += GAP.bar;
      const h = b.kind === 'previous' ? SIZE.previous : SIZE.bar;
      if (b.track !== undefined) rects.push({ x: 0, y, width: x(b.track), height: h, kind: 'track', key: item.key });
      if (b.kind === 'bar') {
        if (b.min > 0) rects.push({ x: 0, y, width: x(b.min), height: h, kind: 'bar', key: item.key });
        if (b.max > b.min) rects.push({ x: x(b.min), y, width: x(b.max) - x(b.min), height: h, kind: 'extent', key: item.key });
      } else if (b.kind === 'previous') {
        if (b.max > 0) rects.push({ x: 0, y, width: x(b.max), height: h, kind: 'previous', key: item.key });
      } else {
        const mid = y + h / 2;
        if (b.min > 0) lines.push({ x1: 0, y1: mid, x2: x(b.min), y2: mid, kind: 'lead' });
        rects.push({ x: x(b.min), y, width: x(b.max) - x(b.min), height: h, kind: 'interval', key: item.key });
        lines.push({ x1: x(b.min), y1: y - 2, x2: x(b.min), y2: y + h + 2, kind: 'cap' }, { x1: x(b.max), y1: y - 2, x2: x(b.max), y2: y + h + 2, kind: 'cap' });
      }
      if (b.valueLabel) {
        // Vertically centred on the bar: baseline = centre + (ascent − descent) / 2.
        const baseline = y + h / 2 + ((0.93 - 0.24) / 2) * FONT.value;
        texts.push({ x: x(b.max) + GAP.value, y: baseline, lines: [b.valueLabel], anchor: 'start', size: FONT.value, bold: false, lineHeight: FONT.value * LINE, role: 'value', key: item.key });
      }
      const start = b.kind === 'interval' ? x(b.min) : 0;
      barBands.push({ y0: y - 3, y1: y + h + 3, x0: start, x1: x(b.max) + (b.valueLabel ? GAP.value + textWidth(b.valueLabel, valueFont) : 0) });
      y += h;
    });

    for (const note of item.notes ?? []) {
      const noteLines = wrapText(note, width - INSET, { size: FONT.small });
      y += 4;
      texts.push(textAt(y, INSET, noteLines, FONT.small, 'note', { key: item.key }));
      y += blockHeight(noteLines.length, FONT.small);
    }

    for (const p of item.parts ?? []) {
      y += GAP.partTop;
      const indent = p.depth === 2 ? GAP.indent : 0;
      // The number follows the name ("darunter abschlussorientiert: 400"): at the far right it
      // would read as the value of the outline (the whole) rather than of the part.
      const partLines = wrapText(`${p.label}: ${p.valueLabel}`, width - INSET - indent, { size: FONT.small });
      texts.push(textAt(y, INSET + indent, partLines, FONT.small, 'label', { key: p.key }));
      y += blockHeight(partLines.length, FONT.small) + GAP.partLabelToBar;
      rects.push({ x: 0, y, width: x(p.whole), height: SIZE.part, kind: 'track', key: p.key });
      if (p.value > 0) rects.push({ x: 0, y, width: x(p.value), height: SIZE.part, kind: 'part', key: p.key });
      y += SIZE.part;
    }
    y += GAP.row;
  }
  const bottom = y - GAP.row;

  if (options.axis) {
    const tickValues = x.ticks(width < 400 ? 3 : 6);
    y = bottom + 6;
    lines.push({ x1: 0, y1: y, x2: x.range()[1]!, y2: y, kind: 'axis' });
    for (const v of tickValues) {
      lines.push({ x1: x(v), y1: y, x2: x(v), y2: y + 3, kind: 'axis' });
      // Grid lines run beside the bars, never through a bar or its number.
      for (const band of barBands)
        if (v > 0 && !(x(v) >= band.x0 - 2 && x(v) <= band.x1 + 2)) lines.push({ x1: x(v), y1: band.y0, x2: x(v), y2: band.y1, kind: 'grid' });
      const t: TextShape = { x: x(v), y: y + 5 + 0.93 * FONT.tick, lines: [formatCount(v)], anchor: 'middle', size: FONT.tick, bold: false, lineHeight: FONT.tick * LINE, role: 'tick' };
      const box = textBox(t);
      if (box.x0 < 0) t.anchor = 'start';
      else if (box.x1 > width) t.anchor = 'end';
      texts.push(t);
    }
    y += 5 + blockHeight(1, FONT.tick);
  } else y = bottom;

  if (options.notes && options.notes.length > 0) {
    y += GAP.notes;
    for (const note of options.notes) {
      const noteLines = wrapText(note, width - INSET, { size: FONT.small });
      texts.push(textAt(y, INSET, noteLines, FONT.small, 'note'));
      y += blockHeight(noteLines.length, FONT.small) + 4;
    }
    y -= 4;
  }
  // Value labels centred on the last bar reach a little below it: measure, do not assume.
  const bottomEdge = Math.max(y, ...texts.map((t) => textBox(t).y1), ...rects.map((r) => r.y + r.height));
  return { width, height: Math.ceil(bottomEdge + 2), rects, texts, lines };
}
