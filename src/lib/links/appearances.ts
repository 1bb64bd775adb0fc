/**
 * Where each instrument appears in the programme: every row of every chapter table that names it
 * (data rows, group rows, "darunter" rows, tables shown only as data), across all programme years.
 * Pure: takes the parsed content, returns plain objects that the reference pages only print.
 */
import type { ProgrammeTable } from '../schemas/chapter.ts';
import type { Entries } from '../schemas/entries.ts';
import { type Ref, refId } from '../schemas/ref.ts';
import { type Row, type RowKind, groupMembers, isNumberType, quantityOf } from '../schemas/table.ts';
import { chapterLabel } from '../navigation.ts';
import { chapterHref, chapterRowAnchor, tableAnchor, rowHref } from './hrefs.ts';
import { cellText } from '../table-view.ts';

/** The chapter data the link index needs (a chapter entry's `data` plus its year). */
export type ChapterSource = {
  year: number;
  slug: string;
  number?: string | undefined;
  title: string;
  order: number;
  parent?: string | undefined;
  focusArea: boolean;
  targetGroups: readonly (Ref | string)[];
  legalBases: readonly (Ref | string)[];
  tables: readonly ProgrammeTable[];
};

export type ChapterRef = {
  year: number;
  slug: string;
  number?: string | undefined;
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
  label: chapterLabel(c),
  href: chapterHref(c.year, c.slug),
});

/** One row of a chapter table that names the instrument. */
export type TableAppearance = {
  instrument: string;
  year: number;
  chapter: ChapterRef;
  table: { id: string; caption: string; shown: boolean; columns: readonly string[] };
  /** The group the row belongs to ("III. Aufnahme einer Erwerbstätigkeit"), if the table has groups. */
  group?: string | undefined;
  /** The row's first cell as printed (with its number). */
  label: string;
  kind: RowKind;
  /** The row's other cells as printed, with their column headers. */
  cells: { header: string; text: string }[];
  /** The row's value in the table's first additive number column (planned entries, places, euros …). */
  value?: { header: string; text: string; entries: Entries } | undefined;
  /** The footnote explaining a mark such as "60*". */
  footnote?: string | undefined;
  /** The exact row (/2021/integration/#zeile-einstiegsgeld), or the table, or the chapter for data-only tables. */
  href: string;
};

export const exactEntries = (n: number): Entries => ({ min: n, max: n, notation: 'bis', approximate: false });

const byYearAndOrder = <T extends { year: number }>(a: T & { order?: number }, b: T & { order?: number }) =>
  b.year - a.year || (a.order ?? 0) - (b.order ?? 0);

const rowLabel = (r: Row) => `${r.number ? `${r.number} ` : ''}${r.label}`;

/** Every table row that names an instrument: newest year first, then in printed order (chapters, tables, rows). */
export function tableRows(
  chapters: readonly ChapterSource[],
  nameOf: (id: string) => string = (id) => id,
  /** What a reference cell prints (legal basis → its citation); default: instruments by `nameOf`, others by id. */
  referenceName: (registry: string, id: string) => string = (registry, id) => (registry === 'instruments' ? nameOf(id) : id),
): TableAppearance[] {
  const result: TableAppearance[] = [];
  const sorted = [...chapters].sort(byYearAndOrder);
  for (const c of sorted) {
    const chapter = chapterRef(c);
    for (const t of c.tables) {
      const table = { id: t.id, caption: t.caption, shown: t.shown, columns: t.columns.map((col) => col.header) };
      const groupOf = new Map<Row, string>();
      for (const g of groupMembers(t)) for (const m of g.members) groupOf.set(m.row, rowLabel(g.group));
      const valueColumn = t.columns.find((col) => isNumberType(col.type) && col.additive) ?? t.columns.find((col) => isNumberType(col.type));
      for (const row of t.rows) {
        if (!row.instrument) continue;
        const instrument = refId(row.instrument);
        const q = valueColumn ? quantityOf(row, valueColumn.key) : undefined;
        result.push({
          instrument,
          year: c.year,
          chapter,
          table,
          group: groupOf.get(row),
          label: rowLabel(row),
          kind: row.kind,
          cells: t.columns.slice(1).map((col) => ({ header: col.header, text: cellText(row, col, nameOf, referenceName) })).filter((x) => x.text !== ''),
          value: valueColumn && q ? { header: valueColumn.header, text: cellText(row, valueColumn, nameOf, referenceName), entries: q } : undefined,
          footnote: q?.footnote ? t.footnotes.find((f) => f.mark === q.footnote)?.text : undefined,
          href: !t.shown ? chapterHref(c.year, c.slug) : row.kind === 'data' ? rowHref(c.year, c.slug, chapterRowAnchor(c.tables, t.id, instrument)) : `${chapterHref(c.year, c.slug)}#${tableAnchor(t.id)}`,
        });
      }
    }
  }
  return result;
}

/** The table rows grouped by instrument id, each group in the order of `tableRows`. */
export function tableAppearances(chapters: readonly ChapterSource[], nameOf?: (id: string) => string, referenceName?: (registry: string, id: string) => string): Map<string, TableAppearance[]> {
  const result = new Map<string, TableAppearance[]>();
  for (const row of tableRows(chapters, nameOf, referenceName)) result.set(row.instrument, [...(result.get(row.instrument) ?? []), row]);
  return result;
}

/** One line of "planned figures per programme year" on an instrument page. */
export type PlannedEntry = {
  year: number;
  /** Where the figure comes from, in words ("5.1 Handlungsschwerpunkt Integration", "4 Kennzahlen – III. …"). */
  source: string;
  /** The column header ("Eintritte 2021", "Bedarfschätzung (keine Sollplanung)"). */
  header: string;
  text: string;
  href?: string | undefined;
};

/**
 * The figures of one instrument per programme year, newest first, each table row with its column
 * header. Rows are listed side by side, never added up: the same places can be printed in two
 * tables (BaE in 5.2 and 5.7), so a sum would count them twice.
 */
export function plannedEntries(tables: readonly TableAppearance[]): PlannedEntry[] {
  return tables
    .filter((t) => t.value !== undefined)
    .map((t, i) => ({
      i,
      p: {
        year: t.year,
        source: t.group && t.group !== t.label ? `${t.chapter.label} – ${t.group} – ${t.label}` : t.kind === 'data' && t.table.shown ? t.chapter.label : `${t.chapter.label} – ${t.label}`,
        header: t.value!.header,
        text: t.value!.text,
        href: t.href,
      },
    }))
    .sort((a, b) => b.p.year - a.p.year || a.i - b.i)
    .map(({ p }) => p);
}
