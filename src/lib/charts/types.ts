/**
 * Plain shapes that the chart layouts return and `src/components/charts/ChartSvg.astro` draws.
 * No DOM, no d3 selection: geometry is data, so that vitest can check it directly.
 * Coordinates are SVG user units; a layout of width 288 drawn at 288 CSS px is at scale 1.
 */

/**
 * What a rectangle means; the renderer maps it to a CSS class (colour, pattern) and the
 * legend names it, so that meaning never rests on colour alone.
 * - bar: planned entries (solid)
 * - extent: the upper part of a range "25 (bis 30)", from 25 to 30 (hatched)
 * - previous: plan of the previous year (outline)
 * - interval: an estimate range min–max (hatched, with end caps)
 * - track: the whole that a part belongs to (outline)
 * - part: a part of a whole ("darunter", "in FbW enthalten", a share)
 * - cell: an instrument in the portfolio treemap
 * - swatch: a legend key
 */
export type RectKind = 'bar' | 'extent' | 'previous' | 'interval' | 'track' | 'part' | 'cell' | 'swatch';

export type Rect = {
  x: number;
  y: number;
  width: number;
  height: number;
  kind: RectKind;
  /** Alternating shade of treemap cells of neighbouring groups (decoration only). */
  shade?: 0 | 1;
  /** The row the shape belongs to (instrument id etc.), for tests and data attributes. */
  key?: string;
};

/**
 * - label: a row's name (above its bar)
 * - heading: a group name (bold)
 * - value: a number at a bar's end or on the label line
 * - note: footnotes, qualifiers and remarks (smaller)
 * - legend: legend text
 * - tick: axis labels (aria-hidden)
 * - cell: label inside a treemap cell
 */
export type TextRole = 'label' | 'heading' | 'value' | 'note' | 'legend' | 'tick' | 'cell';

export type TextShape = {
  /** x of the anchor point. */
  x: number;
  /** Baseline of the first line. */
  y: number;
  lines: string[];
  anchor: 'start' | 'end' | 'middle';
  size: number;
  bold: boolean;
  /** Distance between baselines. */
  lineHeight: number;
  role: TextRole;
  key?: string;
};

/**
 * - cap: the end marks of an estimate range
 * - lead: a dotted guide from zero to the start of a range
 * - grid, axis: axis lines (aria-hidden)
 */
export type LineKind = 'cap' | 'lead' | 'grid' | 'axis';

export type LineShape = { x1: number; y1: number; x2: number; y2: number; kind: LineKind };

export type Chart = {
  width: number;
  height: number;
  rects: Rect[];
  texts: TextShape[];
  lines: LineShape[];
};

/** The box a text shape covers, from the same width estimate that wrapped it. */
export type Box = { x0: number; y0: number; x1: number; y1: number };
