/**
 * Programme years compared: the year-over-year view (/<year>/vergleich/), the plan figures of the
 * key figures as a series over years, and what a draft still has marked for review.
 * Every change is computed from the data; no comparison value is ever typed.
 */
import type { Entries } from './schemas/entries.ts';
import type { Chapter, ProgrammeTable } from './schemas/chapter.ts';
import type { Programme } from './schemas/programme.ts';
import { refId } from './schemas/ref.ts';
import { percentChange } from './numbers.ts';

/** Tables and figures of a year still marked `review: true` (set by `npm run new-year`). */
export function reviewCount(p: Pick<Programme, 'keyFigures' | 'integrationBudget'>, chapters: readonly Pick<Chapter, 'tables'>[]): number {
  return (
    (p.keyFigures.review ? 1 : 0) +
    (p.integrationBudget.review ? 1 : 0) +
    chapters.reduce((n, c) => n + c.tables.filter((t) => t.review).length, 0)
  );
}

export type ChangeStatus = 'added' | 'dropped' | 'changed' | 'unchanged';

/** Difference of two values; ranges change at both ends. */
export type Difference = { min: number; max: number };

export const difference = (current: Entries, previous: Entries): Difference => ({ min: current.min - previous.min, max: current.max - previous.max });

/** Percent change where both values are single numbers (and the old one is not 0). */
export const entriesChange = (current: Entries, previous: Entries): number | null =>
  current.min === current.max && previous.min === previous.max ? percentChange(current.min, previous.min) : null;

export type RowComparison = {
  instrument: string;
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
  number: string;
  title: string;
  caption: string;
  kind: ProgrammeTable['kind'];
  status: 'both' | 'added' | 'dropped';
  rows: RowComparison[];
};

const valuesOf = (t: ProgrammeTable) =>
  t.kind === 'instruments' ? t.rows.map((r) => ({ id: refId(r.instrument), label: r.label, value: r.entries })) : t.rows.map((r) => ({ id: refId(r.instrument), label: r.label, value: r.estimate }));

const sameValue = (a: Entries, b: Entries) =>
  a.min === b.min && a.max === b.max && (a.includedIn ? refId(a.includedIn) : '') === (b.includedIn ? refId(b.includedIn) : '') && a.approximate === b.approximate;

/**
 * The tables of two years side by side, matched by chapter slug and table id; rows matched by
 * instrument. Order: this year's printed order, dropped tables and rows after the kept ones.
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
      const prev = prevTables.get(k);
      const now = valuesOf(t);
      const before = prev ? valuesOf(prev.t) : [];
      const rows: RowComparison[] = now.map((r) => {
        const p = before.find((b) => b.id === r.id);
        if (!p) return { instrument: r.id, label: r.label, status: 'added', current: r.value };
        return {
          instrument: r.id,
          label: r.label,
          status: sameValue(r.value, p.value) ? 'unchanged' : 'changed',
          current: r.value,
          previous: p.value,
          difference: difference(r.value, p.value),
          percent: entriesChange(r.value, p.value),
        };
      });
      for (const p of before) if (!now.some((r) => r.id === p.id)) rows.push({ instrument: p.id, label: p.label, status: 'dropped', previous: p.value });
      out.push({ chapter: c.slug, tableId: t.id, number: c.number, title: c.title, caption: t.caption, kind: t.kind, status: prev ? 'both' : 'added', rows });
    }
  for (const c of [...previous].sort((a, b) => a.order - b.order))
    for (const t of c.tables)
      if (!seen.has(key(c, t)))
        out.push({
          chapter: c.slug,
          tableId: t.id,
          number: c.number,
          title: c.title,
          caption: t.caption,
          kind: t.kind,
          status: 'dropped',
          rows: valuesOf(t).map((r) => ({ instrument: r.id, label: r.label, status: 'dropped', previous: r.value })),
        });
  return out;
}

/** Instruments planned in any table of this year but not last year, and the other way round. */
export function instrumentChanges(current: readonly Chapter[], previous: readonly Chapter[]) {
  const ids = (cs: readonly Chapter[]) => new Set(cs.flatMap((c) => c.tables.flatMap((t) => t.rows.map((r) => refId(r.instrument)))));
  const now = ids(current);
  const before = ids(previous);
  return { added: [...now].filter((i) => !before.has(i)), dropped: [...before].filter((i) => !now.has(i)) };
}

export type KeyFigureLine = {
  /** "Summe", "I.", or "" for a row inside a group. */
  numeral: string;
  label: string;
  level: 'total' | 'group' | 'row';
  ofWhich: boolean;
  entries: number;
  previousPlan: number;
  difference: number;
  /** Computed "Vergleich" in whole percent; null where the previous plan was 0. */
  percent: number | null;
};

/** The key figures with the change against the previous plan ("Ansatz <Vorjahr>"), computed. */
export function keyFigureChanges(p: Pick<Programme, 'keyFigures'>): KeyFigureLine[] {
  const k = p.keyFigures;
  const line = (numeral: string, label: string, level: KeyFigureLine['level'], r: { entries: number; previousPlan: number; ofWhich?: boolean }): KeyFigureLine => ({
    numeral,
    label,
    level,
    ofWhich: r.ofWhich ?? false,
    entries: r.entries,
    previousPlan: r.previousPlan,
    difference: r.entries - r.previousPlan,
    percent: percentChange(r.entries, r.previousPlan),
  });
  const out = [line('Summe', 'Summe', 'total', k.total)];
  for (const g of k.groups) {
    out.push(line(g.numeral, g.label, 'group', g));
    // A group whose only row repeats the group adds nothing to a comparison.
    const rows = g.rows.length === 1 && g.rows[0]!.label === g.label && g.rows[0]!.entries === g.entries ? [] : g.rows;
    for (const r of rows) out.push(line('', r.label, 'row', r));
  }
  return out;
}

export type SeriesPoint = { year: number; entries: number; /** From the following year's "Ansatz" column, not from a programme of that year. */ fromPreviousPlan: boolean };
export type Series = { key: string; numeral: string; label: string; points: SeriesPoint[] };

/**
 * The planned entries of each key-figure group over the years: each year's own programme gives
 * its plan; the year before the first programme comes from that programme's "Ansatz" column.
 * Groups are matched by their numeral (I., II., …). Years ascending.
 */
export function keyFigureSeries(programmes: readonly Pick<Programme, 'year' | 'keyFigures'>[]): Series[] {
  const sorted = [...programmes].sort((a, b) => a.year - b.year);
  const series = new Map<string, Series>();
  const add = (key: string, numeral: string, label: string, point: SeriesPoint) => {
    if (!series.has(key)) series.set(key, { key, numeral, label, points: [] });
    const s = series.get(key)!;
    s.label = label; // the newest label wins
    if (!s.points.some((x) => x.year === point.year)) s.points.push(point);
  };
  const years = new Set(sorted.map((p) => p.year));
  for (const p of sorted) {
    const k = p.keyFigures;
    const fromPrev = !years.has(p.year - 1);
    if (fromPrev) add('summe', 'Summe', 'Summe', { year: p.year - 1, entries: k.total.previousPlan, fromPreviousPlan: true });
    add('summe', 'Summe', 'Summe', { year: p.year, entries: k.total.entries, fromPreviousPlan: false });
    for (const g of k.groups) {
      if (fromPrev) add(g.numeral, g.numeral, g.label, { year: p.year - 1, entries: g.previousPlan, fromPreviousPlan: true });
      add(g.numeral, g.numeral, g.label, { year: p.year, entries: g.entries, fromPreviousPlan: false });
    }
  }
  for (const s of series.values()) s.points.sort((a, b) => a.year - b.year);
  return [...series.values()];
}

/**
 * The planned entries of one instrument over the years, from the key figures (group or row with
 * that `instrument`): each programme's own plan, and the year before the first programme from its
 * "Ansatz" column. Empty when the key figures never name the instrument. Years ascending.
 */
export function instrumentKeyFigureSeries(instrument: string, programmes: readonly Pick<Programme, 'year' | 'keyFigures'>[]): SeriesPoint[] {
  const sorted = [...programmes].sort((a, b) => a.year - b.year);
  const years = new Set(sorted.map((p) => p.year));
  const points: SeriesPoint[] = [];
  for (const p of sorted) {
    const lines = p.keyFigures.groups.flatMap((g) => [g, ...g.rows]);
    const line = lines.find((l) => l.instrument !== undefined && refId(l.instrument) === instrument);
    if (!line) continue;
    if (!years.has(p.year - 1) && !points.some((x) => x.year === p.year - 1)) points.push({ year: p.year - 1, entries: line.previousPlan, fromPreviousPlan: true });
    points.push({ year: p.year, entries: line.entries, fromPreviousPlan: false });
  }
  return points.sort((a, b) => a.year - b.year);
}
