/**
 * Downloads for the charts that have no table of their own in the export (src/lib/export,
 * which owns the CSV format): the shares given in the text and the portfolio. They are
 * returned as that module's `DataTable`, so they are written by the same `toCsv`/`toJson`.
 * Also: the whole programme year as one JSON document for re-use (open data).
 */
import type { DataLicence, DataTable, YearData } from '../export/index.ts';
import { chapterSource, chapterTableFile } from '../export/index.ts';
import type { Chapter } from '../schemas/chapter.ts';
import { cellValue, portfolioTitle, type PortfolioGroup } from './portfolio.ts';

/** File base names of the chart downloads; next to the export's "2021-5-7-jugendliche-instrumente". */
export const shareFile = (year: number, chapter: { number?: string | undefined; slug: string }, shareId: string) =>
  chapterTableFile(year, chapter, `anteile-${shareId}`);
export const portfolioFile = (year: number) => `${year}-portfolio`;

/** `/2021/daten/2021-kennzahlen.csv` and `.json`. */
export const downloadHrefs = (year: number | string, file: string) => ({
  csv: `/${year}/daten/${file}.csv`,
  json: `/${year}/daten/${file}.json`,
});

export function shareTables(programmeTitle: string, year: number, chapters: readonly Pick<Chapter, 'number' | 'slug' | 'title' | 'shares'>[]): DataTable[] {
  return chapters.flatMap((c) =>
    c.shares.map((s) => ({
      file: shareFile(year, c, s.id),
      title: s.caption,
      source: chapterSource(programmeTitle, c),
      columns: ['Anteil von', 'Anteil in %', 'Schreibweise', 'Betrag in Euro', 'Schreibweise Betrag'],
      types: ['string', 'number', 'string', 'number', 'string'],
      rows: s.items.map((i) => [i.label, i.percent, i.prefix ?? '', i.amount?.euros ?? '', i.amount?.prefix ?? '']),
    })),
  );
}

export function portfolioTable(programmeTitle: string, year: number, groups: readonly PortfolioGroup[], sectionName?: string): DataTable {
  return {
    file: portfolioFile(year),
    title: portfolioTitle(year, sectionName),
    source: `${programmeTitle}, Tabellen der Kapitel ${[...new Set(groups.map((g) => g.number || g.title))].join(', ')}`,
    columns: ['Kapitel', 'Abschnitt', 'Instrument-ID', 'Instrument', 'Eintritte von', 'Eintritte bis', 'Fläche im Schaubild (Eintritte)', 'darin enthalten'],
    types: ['string', 'string', 'string', 'string', 'integer', 'integer', 'integer', 'string'],
    rows: groups.flatMap((g) =>
      g.cells.map((c) => [
        g.number ?? '',
        g.title,
        c.key,
        c.label,
        c.entries.min,
        c.entries.max,
        cellValue(c),
        c.parts.map((p) => `${p.label}: ${p.entries.max}`).join(', '),
      ]),
    ),
  };
}

/** Replaces collection references ({ id, collection }) by their id, recursively. */
export function plainData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainData);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 2 && keys.includes('id') && keys.includes('collection')) return (value as { id: unknown }).id;
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plainData(v)]));
  }
  return value;
}

export type Registries = {
  targetGroups: ReadonlyMap<string, unknown>;
  legalBases: ReadonlyMap<string, unknown>;
};

/**
 * The whole programme year as one JSON document: programme data, every
 * chapter's metadata, tables and shares (with the page address), the instrument registry, and
 * the target groups and legal bases the chapters cite, the data licence and the list of downloads.
 * The chapter prose is on the pages; references are plain ids.
 */
export function yearDocument(year: YearData, registries: Registries, tables: readonly DataTable[], licence?: DataLicence): unknown {
  const p = year.programme;
  const chapters = [...year.chapters].sort((a, b) => a.data.order - b.data.order);
  const used = (pick: (c: Chapter) => { id: string }[]) => [...new Set(chapters.flatMap((c) => pick(c.data).map((r) => r.id)))].sort();
  const instrumentIds = [...year.instruments.keys()].sort();
  const entriesOf = <T>(ids: string[], map: ReadonlyMap<string, T>) => Object.fromEntries(ids.filter((id) => map.has(id)).map((id) => [id, plainData(map.get(id))]));
  return {
    title: p.title,
    year: p.year,
    motto: p.motto,
    source: `${p.title} (Online-Fassung)`,
    integrationBudget: p.integrationBudget,
    chapters: chapters.map((c) => ({
      number: c.data.number,
      title: c.data.title,
      url: `/${p.year}/${c.data.slug}/`,
      ...(plainData({ ...c.data, number: undefined, title: undefined }) as object),
    })),
    instruments: entriesOf(instrumentIds, year.instruments),
    targetGroups: entriesOf(used((c) => c.targetGroups), registries.targetGroups),
    legalBases: entriesOf(used((c) => c.legalBases), registries.legalBases),
    ...(licence ? { licence } : {}),
    /** Describes every CSV file (Frictionless Data Package). */
    datapackage: `/${p.year}/daten/datapackage.json`,
    downloads: tables.map((t) => ({ title: t.title, source: t.source, ...downloadHrefs(p.year, t.file) })),
  };
}
