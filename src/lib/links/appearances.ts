/**
 * Where each instrument appears in the programme: the table rows of the chapters and the key
 * figures of chapter 4, across all programme years. Pure: takes the parsed content, returns
 * plain objects that the reference pages only print.
 */
import type { ProgrammeTable } from '../schemas/chapter.ts';
import type { Entries } from '../schemas/entries.ts';
import type { KeyFigures } from '../schemas/programme.ts';
import { type Ref, refId } from '../schemas/ref.ts';
import { chapterHref, plainNumber } from '../navigation.ts';
import { percentChange } from '../numbers.ts';
import { rowHref } from './hrefs.ts';

/** The chapter data the link index needs (a chapter entry's `data` plus its year). */
export type ChapterSource = {
  year: number;
  slug: string;
  number: string;
  title: string;
  order: number;
  parent?: string | undefined;
  focusArea: boolean;
  targetGroups: readonly (Ref | string)[];
  legalBases: readonly (Ref | string)[];
  tables: readonly ProgrammeTable[];
};

/** A programme year's key figures, and where they are printed (the chapter holding `<Kennzahlen />`). */
export type KeyFiguresSource = {
  year: number;
  keyFigures: KeyFigures;
  /** Chapter page with the key-figures table, if the year has one. */
  chapter?: ChapterRef | undefined;
};

export type ChapterRef = {
  year: number;
  slug: string;
  number: string;
  title: string;
  /** "5.1 Handlungsschwerpunkt Integration" */
  label: string;
  href: string;
};

export const chapterRef = (c: Pick<ChapterSource, 'year' | 'slug' | 'number' | 'title'>): ChapterRef => ({
  year: c.year,
  slug: c.slug,
  number: c.number,
  title: c.title,
  label: `${plainNumber(c.number)} ${c.title}`,
  href: chapterHref(c.year, c.slug),
});

/** One row of a chapter table that names the instrument. */
export type TableAppearance = {
  instrument: string;
  year: number;
  chapter: ChapterRef;
  table: { id: string; kind: ProgrammeTable['kind']; caption: string; columns: readonly string[] };
  /** The row's first cell as printed. */
  label: string;
  /** Planned entries (`instruments` tables) or the demand estimate (`demandEstimates`). */
  entries: Entries;
  /** "Funktion im Integrationsprozess" (instrument tables). */
  function?: string | undefined;
  /** "Erbracht von" (demand estimates). */
  provider?: string | undefined;
  /** The footnote explaining a mark such as "60*". */
  footnote?: string | undefined;
  /** The exact row: /2021/integration/#zeile-einstiegsgeld */
  href: string;
};

/** A row (or group, or the note below the table) of the key figures that names the instrument. */
export type KeyFigureAppearance = {
  instrument: string;
  year: number;
  chapter?: ChapterRef | undefined;
  /** The key-figures table on its chapter page, if the year has one. */
  href?: string | undefined;
  /** The budget purpose the row belongs to ("III. Aufnahme einer Erwerbstätigkeit"); absent for the extras. */
  group?: string | undefined;
  /** The label as printed. */
  label: string;
  /** Planned entries of the programme year. */
  entries: Entries;
  /** The previous year's plan ("Ansatz 2020"), where the table gives one. */
  previousPlan?: number | undefined;
  /** The printed header of the previous-plan column ("Ansatz 2020"). */
  previousPlanLabel?: string | undefined;
  /** The key-figures table's header cells as printed ([Zweckbestimmung, Eintritte 2021, Ansatz 2020, Vergleich]). */
  columns: readonly string[];
  /** Change against the previous plan in percent (computed, never typed). */
  change?: number | null | undefined;
  /** A "darunter" row: part of the row above it. */
  ofWhich: boolean;
};

export const exactEntries = (n: number): Entries => ({ min: n, max: n, notation: 'bis', approximate: false });

const byYearAndOrder = <T extends { year: number }>(a: T & { order?: number }, b: T & { order?: number }) =>
  b.year - a.year || (a.order ?? 0) - (b.order ?? 0);

/** Every table row of every chapter: newest year first, then in printed order (chapters, tables, rows). */
export function tableRows(chapters: readonly ChapterSource[]): TableAppearance[] {
  const result: TableAppearance[] = [];
  const sorted = [...chapters].sort(byYearAndOrder);
  for (const c of sorted) {
    const chapter = chapterRef(c);
    for (const t of c.tables) {
      const table = { id: t.id, kind: t.kind, caption: t.caption, columns: t.columns };
      for (const row of t.rows) {
        const instrument = refId(row.instrument);
        const entries = 'entries' in row ? row.entries : row.estimate;
        const appearance: TableAppearance = {
          instrument,
          year: c.year,
          chapter,
          table,
          label: row.label,
          entries,
          function: 'function' in row ? row.function : undefined,
          provider: 'provider' in row ? row.provider : undefined,
          footnote: entries.footnote ? t.footnotes.find((f) => f.mark === entries.footnote)?.text : undefined,
          href: rowHref(c.year, c.slug, instrument),
        };
        result.push(appearance);
      }
    }
  }
  return result;
}

/** The table rows grouped by instrument id, each group in the order of `tableRows`. */
export function tableAppearances(chapters: readonly ChapterSource[]): Map<string, TableAppearance[]> {
  const result = new Map<string, TableAppearance[]>();
  for (const row of tableRows(chapters)) result.set(row.instrument, [...(result.get(row.instrument) ?? []), row]);
  return result;
}

/** Every key-figure row, group and extra that names an instrument, grouped by instrument id. */
export function keyFigureAppearances(sources: readonly KeyFiguresSource[]): Map<string, KeyFigureAppearance[]> {
  const result = new Map<string, KeyFigureAppearance[]>();
  const add = (a: KeyFigureAppearance) => result.set(a.instrument, [...(result.get(a.instrument) ?? []), a]);
  for (const { year, keyFigures: k, chapter } of [...sources].sort((a, b) => b.year - a.year)) {
    const href = chapter ? `${chapter.href}#tabelle-kennzahlen` : undefined;
    const previousPlanLabel = k.columns[2];
    const base = { year, chapter, href, previousPlanLabel, columns: k.columns };
    for (const g of k.groups) {
      const group = `${g.numeral} ${g.label}`;
      if (g.instrument)
        add({ ...base, instrument: refId(g.instrument), label: group, entries: exactEntries(g.entries), previousPlan: g.previousPlan, change: percentChange(g.entries, g.previousPlan), ofWhich: false });
      for (const r of g.rows)
        if (r.instrument)
          add({
            ...base,
            instrument: refId(r.instrument),
            group,
            label: r.label,
            entries: exactEntries(r.entries),
            previousPlan: r.previousPlan,
            change: percentChange(r.entries, r.previousPlan),
            ofWhich: r.ofWhich,
          });
    }
    for (const x of k.extras)
      if (x.instrument) add({ ...base, previousPlanLabel: undefined, instrument: refId(x.instrument), label: x.label, entries: x.entries, ofWhich: false });
  }
  return result;
}

/** One line of "planned entries per programme year" on an instrument page. */
export type PlannedEntry = {
  year: number;
  /** Where the figure comes from, in words ("Kennzahlen 2021: III. Aufnahme einer Erwerbstätigkeit"). */
  source: string;
  entries: Entries;
  kind: 'keyFigures' | 'previousPlan' | 'instruments' | 'demandEstimates';
  href?: string | undefined;
};

/**
 * The planned entries of one instrument per programme year, newest first: the key figures,
 * each table row, and the previous year's plan that a key-figures table prints ("Ansatz 2020").
 * Rows are listed side by side, never added up: the same places can be printed in two tables
 * (BaE in 5.2 and 5.7), so a sum would count them twice.
 */
export function plannedEntries(tables: readonly TableAppearance[], keyFigures: readonly KeyFigureAppearance[]): PlannedEntry[] {
  const rows: PlannedEntry[] = [];
  for (const k of keyFigures) {
    const where = k.group && k.group !== k.label ? `${k.group} – ${k.label}` : k.label;
    rows.push({ year: k.year, source: `Kennzahlen ${k.year}: ${where}`, entries: k.entries, kind: 'keyFigures', href: k.href });
    if (k.previousPlan !== undefined)
      rows.push({
        year: k.year - 1,
        source: `${k.previousPlanLabel ?? `Ansatz ${k.year - 1}`} laut Kennzahlen ${k.year}: ${where}`,
        entries: exactEntries(k.previousPlan),
        kind: 'previousPlan',
        href: k.href,
      });
  }
  for (const t of tables)
    rows.push({
      year: t.year,
      source: `${t.chapter.label}${t.table.kind === 'demandEstimates' ? ' (Bedarfsschätzung, keine Sollplanung)' : ''}`,
      entries: t.entries,
      kind: t.table.kind,
      href: t.href,
    });
  const rank = { keyFigures: 0, instruments: 1, demandEstimates: 1, previousPlan: 2 } as const;
  // Stable sort: within a year the key figures first, then the tables in printed order.
  return rows.map((r, i) => ({ r, i })).sort((a, b) => b.r.year - a.r.year || rank[a.r.kind] - rank[b.r.kind] || a.i - b.i).map(({ r }) => r);
}
