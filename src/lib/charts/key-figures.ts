/**
 * Chart of the key figures (chapter 4): for each budget purpose the planned entries of the
 * programme year beside the plan of the year before, with the change. Rows of a purpose are
 * drawn as parts of it (a thin bar inside an outline of the whole), and "darunter" rows as
 * parts of the row above them, so that nothing is counted twice: only the purposes' own
 * bars use the full scale, and they add up to the printed total.
 */
import type { KeyFigureGroup, KeyFigures } from '../schemas/programme.ts';
import { formatCount, formatPercent } from '../format.ts';
import { percentChange } from '../numbers.ts';
import { barListLayout, type BarItem, type PartSpec } from './bars.ts';
import { bothWidths, listDe, type ChartSpec } from './spec.ts';

/** "-25 %", "0 %", or "neu" where there was no previous plan. */
export const changeLabel = (r: { entries: number; previousPlan: number }) => {
  const p = percentChange(r.entries, r.previousPlan);
  return p === null ? 'neu' : formatPercent(p);
};

/**
 * The rows shown as parts of a purpose: its rows when it has more than one (a single row
 * only repeats the purpose), and every "darunter" row as a part of the row above it.
 */
export function groupParts(g: KeyFigureGroup): PartSpec[] {
  const own = g.rows.filter((r) => !r.ofWhich);
  const parts: PartSpec[] = [];
  let parent: { entries: number; shown: boolean } = { entries: g.entries, shown: false };
  g.rows.forEach((r, i) => {
    const key = `${g.numeral}-${i}`;
    if (!r.ofWhich) {
      parent = { entries: r.entries, shown: own.length > 1 };
      if (own.length > 1) parts.push({ key, label: r.label, valueLabel: formatCount(r.entries), value: r.entries, whole: g.entries, depth: 1 });
    } else {
      parts.push({ key, label: r.label, valueLabel: formatCount(r.entries), value: r.entries, whole: parent.entries, depth: parent.shown ? 2 : 1 });
    }
  });
  return parts;
}

export function keyFigureItems(k: KeyFigures, year: number): BarItem[] {
  return k.groups.map((g) => ({
    key: g.numeral,
    label: `${g.numeral} ${g.label}`,
    heading: true,
    aside: changeLabel(g),
    bars: [
      { kind: 'bar', min: g.entries, max: g.entries, valueLabel: `${year}: ${formatCount(g.entries)}` },
      { kind: 'previous', min: g.previousPlan, max: g.previousPlan, valueLabel: `${year - 1}: ${formatCount(g.previousPlan)}` },
    ],
    parts: groupParts(g),
  }));
}

export function keyFiguresDescription(k: KeyFigures, year: number): string {
  const previous = year - 1;
  const total = k.total;
  const largest = [...k.groups].sort((a, b) => b.entries - a.entries)[0]!;
  const changed = k.groups.filter((g) => g.entries !== g.previousPlan);
  const unchanged = k.groups.length - changed.length;
  const parts = [
    `Geplant sind ${formatCount(total.entries)} Eintritte ${year} gegenüber ${formatCount(total.previousPlan)} im Ansatz ${previous} (${changeLabel(total)}).`,
    `Die größte Zweckbestimmung ist ${largest.numeral} ${largest.label} mit ${formatCount(largest.entries)} Eintritten.`,
  ];
  if (changed.length > 0)
    parts.push(
      `Verändert: ${listDe(changed.map((g) => `${g.numeral} ${g.label} ${formatCount(g.entries)} statt ${formatCount(g.previousPlan)} (${changeLabel(g)})`))}.`,
    );
  if (unchanged > 0) parts.push(unchanged === 1 ? 'Eine Zweckbestimmung ist unverändert.' : `${formatCount(unchanged)} Zweckbestimmungen sind unverändert.`);
  parts.push('Zeilen und „darunter“-Zeilen sind als Teil ihrer Zweckbestimmung gezeigt und nicht zusätzlich gezählt.');
  return parts.join(' ');
}

export function keyFiguresChart(k: KeyFigures, year: number): ChartSpec {
  const items = keyFigureItems(k, year);
  const legend = [
    { kind: 'bar' as const, label: `Eintritte ${year}` },
    { kind: 'previous' as const, label: `Ansatz ${year - 1}` },
    { kind: 'part' as const, label: 'Teil der Zeile darüber' },
  ];
  return {
    title: k.caption,
    description: keyFiguresDescription(k, year),
    layouts: bothWidths((width) =>
      barListLayout(items, { width, legend, intro: [`Rechts neben dem Namen: Veränderung gegenüber dem Ansatz ${year - 1}.`] }),
    ),
  };
}
