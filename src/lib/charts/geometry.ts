import { ASCENT, DESCENT, LINE_HEIGHT, textWidth } from './text.ts';
import type { Box, Chart, Rect, TextShape } from './types.ts';

/** Lines of text whose block starts at `top`: the baseline of the first line sits one ascent below it. */
export function textAt(top: number, x: number, lines: string[], size: number, role: TextShape['role'], opts: Partial<TextShape> = {}): TextShape {
  return { x, y: top + ASCENT * size, lines, anchor: 'start', size, bold: false, lineHeight: size * LINE_HEIGHT, role, ...opts };
}

/** The box a text shape covers (estimated widths, font ascent and descent). */
export function textBox(t: TextShape): Box {
  const width = Math.max(0, ...t.lines.map((l) => textWidth(l, t)));
  const x0 = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - width : t.x - width / 2;
  return {
    x0,
    x1: x0 + width,
    y0: t.y - ASCENT * t.size,
    y1: t.y + (t.lines.length - 1) * t.lineHeight + DESCENT * t.size,
  };
}

export const rectBox = (r: Rect): Box => ({ x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height });

/** True when two boxes share more than a hair (touching edges do not count). */
export const overlaps = (a: Box, b: Box, tolerance = 0.01) =>
  a.x0 < b.x1 - tolerance && b.x0 < a.x1 - tolerance && a.y0 < b.y1 - tolerance && b.y0 < a.y1 - tolerance;

export const inside = (inner: Box, outer: Box, tolerance = 0.01) =>
  inner.x0 >= outer.x0 - tolerance &&
  inner.y0 >= outer.y0 - tolerance &&
  inner.x1 <= outer.x1 + tolerance &&
  inner.y1 <= outer.y1 + tolerance;

/** Everything a chart must satisfy regardless of its kind; returns readable problems. */
export function layoutProblems(chart: Chart): string[] {
  const problems: string[] = [];
  const frame: Box = { x0: 0, y0: 0, x1: chart.width, y1: chart.height };
  const boxes = chart.texts.map(textBox);
  chart.texts.forEach((t, i) => {
    if (!inside(boxes[i]!, frame)) problems.push(`Text „${t.lines.join(' ')}“ ragt aus dem Bild (${JSON.stringify(boxes[i])})`);
    for (let j = i + 1; j < chart.texts.length; j++)
      if (overlaps(boxes[i]!, boxes[j]!)) problems.push(`Text „${t.lines.join(' ')}“ überdeckt „${chart.texts[j]!.lines.join(' ')}“`);
  });
  for (const r of chart.rects) {
    if (!inside(rectBox(r), frame)) problems.push(`Fläche ${r.kind} ${r.key ?? ''} ragt aus dem Bild`);
    if (r.width < 0 || r.height < 0) problems.push(`Fläche ${r.kind} ${r.key ?? ''} hat negative Größe`);
  }
  return problems;
}
