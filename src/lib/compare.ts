/**
 * Programme years compared: the year-over-year view (/<year>/vergleich/), the totals of the
 * headline tables as a series over years, and what a draft still has marked for review.
 * Works on any table (src/lib/schemas/table.ts): tables are matched by chapter slug and table id,
 * rows by their reference (instrument …) or else their number and label, values by the table's
 * first additive number column. Every change is computed from the data; none is ever typed.
 */
import type { Entries, NumberKind } from './schemas/entries.ts';
import type { Chapter, ProgrammeTable } from './schemas/chapter.ts';
import type { Programme } from './schemas/programme.ts';
import { type Column, computedTotal, isNumberType, quantityOf, rowKey } from './schemas/table.ts';
import { percentChange } from './numbers.ts';

/** Tables and figures of a year still marked `review: true` (set by `npm run new-year`). */
export function reviewCount(p: Pick<Programme, 'integrationBudget'>, chapters: readonly Pick<Chapter, 'tables'>[]): number {
  return (p.integrationBudget?.review ? 1 : 0) + chapters.reduce((n, c) => n + c.tables.filter((t) => t.review).length, 0);
}

export type ChangeStatus = 'added' | 'dropped' | 'changed' | 'unchanged';

/** Difference of two values; ranges change at both ends. */
export type Difference = { min: number; max: number };

export const difference = (current: Entries, previous: Entries): Difference => ({ min: current.min - previous.min, max: current.max - previous.max });

/** Percent change where both values are single numbers (and the old one is not 0). */
export const entriesChange = (current: Entries, previous: Entries): number | null =>
  current.min === current.max && previous.min === previous.max ? percentChange(current.min, previous.min) : null;

export type RowComparison = {
  /** How the row is recognised in both years (reference id, else number and label). */
  key: string;
  /** The instrument the row names, if any. */
  instrument?: string | undefined;
  /** The row's first cell: this year's where the row exists, else last year's. */
  label: string;
  status: ChangeStatus;
  current?: Entries;
  previous?: Entries;
  difference?: Difference;
  percent?: number | null;
};

export type TableComparison = {
  /** Chapter slug and table id: how a table is recognised in both years. */
  chapter: string;
  tableId: string;
  number?: string | undefined;
  title: string;
  caption: string;
  /** The compared column as this year (or, for a dropped table, last year) prints it. */
  column: Pick<Column, 'header' | 'type' | 'unit' | 'decimals'> & { kind: NumberKind };
  /** Last year's header of that column. */
  previousHeader?: string | undefined;
  status: 'both' | 'added' | 'dropped';
  rows: RowComparison[];
};

/** The column a table is compared by: its first additive number column, else its first number column. */
export const compareColumn = (t: ProgrammeTable): Column | undefined =>
  t.columns.find((c) => isNumberType(c.type) && c.additive) ?? t.columns.find((c) => isNumberType(c.type));

function valuesOf(t: ProgrammeTable) {
  const column = compareColumn(t);
  if (!column) return [];
  return t.rows.flatMap((r) => {
    const value = r.kind === 'note' ? undefined : quantityOf(r, column.key);
    return value ? [{ key: rowKey(r), instrument: r.instrument?.id, label: `${r.number ? `${r.number} ` : ''}${r.label}`, value }] : [];
  });
}

const sameValue = (a: Entries, b: Entries) =>
  a.min === b.min && a.max === b.max && (a.includedIn?.id ?? '') === (b.includedIn?.id ?? '') && a.approximate === b.approximate;

const columnOf = (c: Column) => ({ header: c.header, type: c.type, unit: c.unit, decimals: c.decimals, kind: c.type as NumberKind });

/**
 * The tables of two years side by side. Order: this year's printed order, dropped tables and rows
 * after the kept ones. Tables without a number column are left out (nothing to compare).
 */
export function compareTables(current: readonly Chapter[], previous: readonly Chapter[]): TableComparison[] {
  const key = (c: Chapter, t: ProgrammeTable) => `${c.slug}/${t.id}`;
  const prevTables = new Map(previous.flatMap((c) => c.tables.map((t) => [key(c, t), { c, t }] as const)));
  const out: TableComparison[] = [];
  const seen = new Set<string>();
  for (const c of [...current].sort((a, b) => a.order - b.order))
    for (const t of c.tables) {
      const k = key(c, t);
      seen.add(k);
      const column = compareColumn(t);
      if (!column) continue;
      const prev = prevTables.get(k);
      const now = valuesOf(t);
      const before = prev ? valuesOf(prev.t) : [];
      const rows: RowComparison[] = now.map((r) => {
        const p = before.find((b) => b.key === r.key);
        if (!p) return { key: r.key, instrument: r.instrument, label: r.label, status: 'added', current: r.value };
        return {
          key: r.key,
          instrument: r.instrument,
          label: r.label,
          status: sameValue(r.value, p.value) ? 'unchanged' : 'changed',
          current: r.value,
          previous: p.value,
          difference: difference(r.value, p.value),
          percent: entriesChange(r.value, p.value),
        };
      });
      for (const p of before) if (!now.some((r) => r.key === p.key)) rows.push({ key: p.key, instrument: p.instrument, label: p.label, status: 'dropped', previous: p.value });
      const prevColumn = prev ? compareColumn(prev.t) : undefined;
      out.push({ chapter: c.slug, tableId: t.id, number: c.number, title: c.title, caption: t.caption, column: columnOf(column), previousHeader: prevColumn?.header, status: prev ? 'both' : 'added', rows });
    }
  for (const c of [...previous].sort((a, b) => a.order - b.order))
    for (const t of c.tables) {
      const column = compareColumn(t);
      if (seen.has(key(c, t)) || !column) continue;
      out.push({
        chapter: c.slug,
        tableId: t.id,
        number: c.number,
        title: c.title,
        caption: t.caption,
        column: columnOf(column),
        previousHeader: column.header,
        status: 'dropped',
        rows: valuesOf(t).map((r) => ({ key: r.key, instrument: r.instrument, label: r.label, status: 'dropped', previous: r.value })),
      });
    }
  return out;
}

/** Instruments named in any table of this year but not last year, and the other way round. */
export function instrumentChanges(current: readonly Chapter[], previous: readonly Chapter[]) {
  const ids = (cs: readonly Chapter[]) => new Set(cs.flatMap((c) => c.tables.flatMap((t) => t.rows.flatMap((r) => (r.instrument ? [r.instrument.id] : [])))));
  const now = ids(current);
  const before = ids(previous);
  return { added: [...now].filter((i) => !before.has(i)), dropped: [...before].filter((i) => !now.has(i)) };
}

export type SeriesPoint = { year: number; value: Entries };
export type Series = { key: string; label: string; points: SeriesPoint[] };

/**
 * The totals and group rows (or, without groups, the data rows) of each headline table over the
 * years, matched by chapter slug, table id and row key. Years ascending; the newest label wins.
 */
export function headlineSeries(years: readonly { year: number; chapters: readonly Chapter[] }[]): { caption: string; header: string; series: Series[] }[] {
  const tables = new Map<string, { caption: string; header: string; series: Map<string, Series> }>();
  for (const { year, chapters } of [...years].sort((a, b) => a.year - b.year))
    for (const c of chapters)
      for (const t of c.tables.filter((table) => table.headline)) {
        const column = compareColumn(t);
        if (!column) continue;
        const k = `${c.slug}/${t.id}`;
        const entry = tables.get(k) ?? { caption: t.caption, header: column.header, series: new Map<string, Series>() };
        entry.caption = t.caption;
        entry.header = column.header;
        const add = (key: string, label: string, value: Entries | undefined) => {
          if (!value) return;
          const s = entry.series.get(key) ?? { key, label, points: [] };
          s.label = label;
          s.points.push({ year, value });
          entry.series.set(key, s);
        };
        const total = (t.total ? quantityOf(t.total, column.key) : undefined) ?? computedTotal(t, column.key);
        add('', t.total?.label ?? 'Summe', total ? { notation: 'bis', approximate: false, ...total } : undefined);
        const level = t.rows.some((r) => r.kind === 'group') ? 'group' : 'data';
        for (const r of t.rows.filter((row) => row.kind === level)) add(rowKey(r), `${r.number ? `${r.number} ` : ''}${r.label}`, quantityOf(r, column.key));
        tables.set(k, entry);
      }
  return [...tables.values()].map((t) => ({ caption: t.caption, header: t.header, series: [...t.series.values()] }));
}
