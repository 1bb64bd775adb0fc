/**
 * The programme portfolio for the programme home: every planned entry of the tables that plan
 * instruments (`portfolioColumn`), grouped by section, as a treemap, drawn from the data.
 *
 * Each section is a full-width band whose height is proportional to its planned entries, and
 * inside it d3's squarified treemap splits the band among the instruments. One scale (area per
 * entry) holds for the whole chart, so areas compare across sections. Section names stand
 * above their band (never squeezed into a cell); a cell gets a label only if name and number
 * fit inside it, the rest are in the table next to the chart.
 */
import { hierarchy, treemap, treemapSquarify } from 'd3-hierarchy';
import type { Chapter } from '../schemas/chapter.ts';
import type { Entries } from '../schemas/entries.ts';
import { countsTowardTotal, sumEntries } from '../schemas/entries.ts';
import { portfolioColumn, quantityOf } from '../schemas/table.ts';
import { describeEntries, formatEntries } from '../format.ts';
import { plainNumber } from '../navigation.ts';
import { chapterRowAnchor, tableAnchor } from '../links/hrefs.ts';
import { legendLayout, rowLabel } from './bars.ts';
import { textAt } from './geometry.ts';
import { blockHeight, textWidth, wrapText } from './text.ts';
import { bothWidths, listDe, type ChartSpec } from './spec.ts';
import type { Chart, Rect, TextShape } from './types.ts';

export type PortfolioCell = {
  /** Instrument id. */
  key: string;
  /** The row label as printed in the table. */
  label: string;
  /** Names to try in the cell, longest first (registry name, abbreviation). */
  names: string[];
  entries: Entries;
  /** Rows of the same table whose values are included in this one ("in FbW enthalten"). */
  parts: { key: string; label: string; entries: Entries }[];
  href: string;
};

export type PortfolioGroup = {
  /** Chapter slug and table id. */
  key: string;
  number: string;
  title: string;
  href: string;
  /** The header of the column drawn ("Eintritte 2021"). */
  header: string;
  /** The table's total (printed "Summe" or the sum of its rows). */
  total: Entries;
  cells: PortfolioCell[];
};

type InstrumentNames = ReadonlyMap<string, { name: string; abbreviation?: string | undefined }>;

/** Section titles that start with the focus-area name ("Handlungsschwerpunkt …"): the band heading drops the repetition. */
const shortTitle = (title: string, focusArea: string | undefined) =>
  focusArea && title.startsWith(`${focusArea} `) ? title.slice(focusArea.length + 1) : title;

/**
 * One group per table that plans instruments (`portfolioColumn`), in printed order. Sizes use
 * the lower value of a range ("25 (bis 30)" → 25).
 */
export function portfolioGroups(
  year: number | string,
  chapters: readonly Pick<Chapter, 'number' | 'title' | 'slug' | 'order' | 'tables'>[],
  instruments: InstrumentNames,
  focusArea?: string,
): PortfolioGroup[] {
  const groups: PortfolioGroup[] = [];
  for (const c of [...chapters].sort((a, b) => a.order - b.order)) {
    const href = `/${year}/${c.slug}/`;
    for (const t of c.tables) {
      const column = portfolioColumn(t);
      if (!column) continue;
      const rows = t.rows
        .filter((r) => r.kind === 'data' && r.instrument !== undefined)
        .flatMap((r) => {
          const entries = quantityOf(r, column.key);
          return entries ? [{ id: r.instrument!.id, label: r.label, entries }] : [];
        });
      const own = rows.filter((r) => countsTowardTotal(r.entries));
      const total = (t.total ? quantityOf(t.total, column.key) : undefined) ?? { ...sumEntries(own.map((r) => r.entries)), notation: 'bis' as const, approximate: false };
      groups.push({
        key: `${c.slug}-${t.id}`,
        number: plainNumber(c.number),
        title: shortTitle(c.title, focusArea),
        href: `${href}#${tableAnchor(t.id)}`,
        header: column.header,
        total,
        cells: own.map((r) => {
          const reg = instruments.get(r.id);
          const names = [...new Set([reg?.name, reg?.abbreviation, r.label].filter((n): n is string => Boolean(n)))];
          return {
            key: r.id,
            label: r.label,
            names,
            entries: r.entries,
            parts: rows.filter((p) => p.entries.includedIn?.id === r.id).map((p) => ({ key: p.id, label: p.label, entries: p.entries })),
            href: `${href}#${chapterRowAnchor(c.tables, t.id, r.id)}`,
          };
        }),
      });
    }
  }
  return groups;
}

/** A cell's number without footnote marks: the footnotes are explained on the chapter page. */
export const cellEntries = (e: Entries) => formatEntries({ ...e, footnote: undefined });

/** The size of a cell: the planned entries, for a range its lower value. */
export const cellValue = (c: Pick<PortfolioCell, 'entries'>) => c.entries.min;

const CELL_FONT = 12;
const PAD = 4;
/** Padding of a one-line label in a flat cell. */
const FLAT_PAD = 1.5;

/**
 * The label of a cell: the first name that fits whole (no broken words), with its number below
 * or, in a flat cell, on the same line. Returns the lines and the padding used.
 */
export function cellLabel(names: string[], value: string, width: number, height: number): { lines: string[]; pad: number } | undefined {
  const font = { size: CELL_FONT };
  for (const name of names) {
    const room = width - 2 * PAD;
    if (room > 0 && !name.split(/\s+/).some((w) => textWidth(w, font) > room) && textWidth(value, font) <= room) {
      const lines = [...wrapText(name, room, font), value];
      if (blockHeight(lines.length, CELL_FONT) <= height - 2 * PAD) return { lines, pad: PAD };
    }
    const line = `${name} ${value}`;
    if (textWidth(line, font) <= width - 2 * FLAT_PAD && blockHeight(1, CELL_FONT) <= height - 2 * FLAT_PAD) return { lines: [line], pad: FLAT_PAD };
  }
  return undefined;
}

export type PortfolioOptions = {
  width: number;
  /** Height of all bands together (labels excluded); sets the area per entry. */
  bandsHeight: number;
};

export function portfolioLayout(groups: PortfolioGroup[], { width, bandsHeight }: PortfolioOptions): Chart {
  const rects: Rect[] = [];
  const texts: TextShape[] = [];
  const sum = groups.reduce((s, g) => s + g.cells.reduce((t, c) => t + cellValue(c), 0), 0);
  if (sum <= 0) throw new Error('Portfolio: keine geplanten Eintritte in den Tabellen');
  /** Band height per entry: band area = width · height = entries · (width · bandsHeight / sum). */
  const heightPerEntry = bandsHeight / sum;

  let y = 0;
  const legend = legendLayout(
    [
      { kind: 'cell', label: 'Instrument: Fläche = geplante Eintritte' },
      ...(groups.some((g) => g.cells.some((c) => c.parts.length > 0)) ? [{ kind: 'part' as const, label: 'darin enthalten' }] : []),
    ],
    width,
    y,
  );
  rects.push(...legend.rects);
  texts.push(...legend.texts);
  y += legend.height + 14;

  groups.forEach((g, gi) => {
    const heading = rowLabel(`${g.number} ${g.title}`, formatEntries(g.total), { width, top: y, heading: true, key: g.key });
    texts.push(...heading.texts);
    y += heading.height + 4;

    const values = g.cells.map(cellValue);
    const bandHeight = values.reduce((a, b) => a + b, 0) * heightPerEntry;
    const root = hierarchy<{ cell?: PortfolioCell; children?: { cell: PortfolioCell }[] }>({ children: g.cells.map((cell) => ({ cell })) })
      .sum((d) => (d.cell ? cellValue(d.cell) : 0))
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    const laid = treemap<{ cell?: PortfolioCell }>().tile(treemapSquarify.ratio(1.4)).size([width, bandHeight]).round(false)(root);
    for (const leaf of laid.leaves()) {
      const cell = leaf.data.cell!;
      const w = leaf.x1 - leaf.x0;
      const h = leaf.y1 - leaf.y0;
      if (w <= 0 || h <= 0) continue;
      rects.push({ x: leaf.x0, y: y + leaf.y0, width: w, height: h, kind: 'cell', shade: (gi % 2) as 0 | 1, key: cell.key });
      // Parts fill the bottom of their cell; their share of its area is their share of its value.
      let partsHeight = 0;
      for (const p of cell.parts) {
        const ph = (h * cellValue(p)) / cellValue(cell);
        rects.push({ x: leaf.x0, y: y + leaf.y1 - partsHeight - ph, width: w, height: ph, kind: 'part', key: p.key });
        partsHeight += ph;
      }
      const label = cellLabel(cell.names, cellEntries(cell.entries), w, h - partsHeight);
      if (label)
        texts.push(textAt(y + leaf.y0 + label.pad, leaf.x0 + label.pad, label.lines, CELL_FONT, 'cell', { key: cell.key }));
    }
    y += bandHeight + 16;
  });
  return { width, height: Math.ceil(y - 16 + 2), rects, texts, lines: [] };
}

/** The main finding in words. */
export function portfolioDescription(groups: PortfolioGroup[], instruments: InstrumentNames): string {
  const byTotal = [...groups].sort((a, b) => b.total.max - a.total.max);
  const cells = groups.flatMap((g) => g.cells.map((c) => ({ ...c, group: g })));
  const top = [...cells].sort((a, b) => cellValue(b) - cellValue(a)).slice(0, 3);
  const nameOf = (id: string, fallback: string) => instruments.get(id)?.name ?? fallback;
  const counts = new Map<string, number>();
  for (const c of cells) counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n > 1).map(([id]) => nameOf(id, id));
  const parts = [
    `Geplante Eintritte in ${groups.length} Tabellen: ${listDe(byTotal.map((g) => `${g.number} ${g.title} ${describeEntries(g.total)}`))}.`,
    `Die größten einzelnen Posten: ${listDe(top.map((c) => `${nameOf(c.key, c.label)} (${describeEntries(c.entries)}, ${c.group.number})`))}.`,
  ];
  const included = cells.flatMap((c) => c.parts.map((p) => `${p.label} (${describeEntries(p.entries)}) ist in ${nameOf(c.key, c.label)} enthalten`));
  if (included.length > 0) parts.push(`${listDe(included)} und als Teil dieser Fläche gezeigt.`);
  if (repeated.length > 0)
    parts.push(`In mehreren Tabellen geplant: ${listDe(repeated)}; jede Fläche zeigt die Planzahl ihrer Tabelle.`);
  return parts.join(' ');
}

/** "Portfolio 2021: geplante Eintritte nach Handlungsschwerpunkt und Instrument" (the section name from settings). */
export const portfolioTitle = (year: number | string, sectionName = 'Abschnitt') => `Portfolio ${year}: geplante Eintritte nach ${sectionName} und Instrument`;

export function portfolioChart(year: number | string, groups: PortfolioGroup[], instruments: InstrumentNames, sectionName?: string): ChartSpec {
  return {
    title: portfolioTitle(year, sectionName),
    description: portfolioDescription(groups, instruments),
    layouts: bothWidths((width) => portfolioLayout(groups, { width, bandsHeight: width < 400 ? 640 : 600 })),
  };
}
