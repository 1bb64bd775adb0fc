/**
 * The tables of one programme year as plain data: the same files the site offers for download
 * (`/<year>/daten/<file>.csv`), `npm run export` writes, and `npm run import` reads back.
 *
 * Column layout (documented for planners in docs/planung.md):
 * - instrument tables: Instrument-ID | <Instrument> | <Eintritte 2021> von | … bis | Schreibweise | rund |
 *   enthalten in | Fußnote | Zusatz | <Funktion im Integrationsprozess>; the last row is the "Summe" row
 *   (Instrument-ID „Summe“), whose function cell holds the note printed in that row;
 * - demand estimates: Instrument-ID | <Leistung> | <Erbracht von> | <Bedarfschätzung> von | … bis | modifiers;
 * - key figures: Nr. | Zweckbestimmung | Instrument-ID | darunter | Eintritte <Jahr> | Ansatz <Vorjahr> | Vergleich in %
 *   ("Vergleich" is computed here, never read back);
 * - further possibilities below the key figures: Instrument-ID | Bezeichnung | Eintritte von | … bis | modifiers.
 * Numbers are plain integers (1800, not 1.800) so that spreadsheets treat them as numbers.
 */
import type { Entries } from '../schemas/entries.ts';
import type { Chapter, ProgrammeTable } from '../schemas/chapter.ts';
import type { Programme } from '../schemas/programme.ts';
import type { Instrument } from '../schemas/registries.ts';
import { refId } from '../schemas/ref.ts';
import { percentChange } from '../numbers.ts';

export type DataTable = {
  /** Stable ASCII base name, unique within the year: "2021-5-1-integration-instrumente", "2021-kennzahlen". */
  file: string;
  /** The table's caption. */
  title: string;
  /** Where the figures come from: programme title and chapter. */
  source: string;
  /** German column headers. */
  columns: string[];
  /** Cells: numbers as numbers, empty cells as "". */
  rows: (string | number)[][];
};

export type YearData = {
  programme: Programme;
  /** Chapter entries of this year; id "<year>/<slug>". */
  chapters: { id: string; data: Chapter }[];
  instruments: ReadonlyMap<string, Instrument>;
};

/** Column headers and cell values shared by the export and the import. */
export const ID_COLUMN = 'Instrument-ID';
export const TOTAL_ID = 'Summe';
export const MODIFIER_COLUMNS = ['Schreibweise', 'rund', 'enthalten in', 'Fußnote', 'Zusatz'] as const;
export const YES = 'ja';
export const KEY_FIGURE_COLUMNS = { number: 'Nr.', ofWhich: 'darunter', change: 'Vergleich in %' } as const;

export const rangeColumns = (header: string) => [`${header} von`, `${header} bis`];

/** von, bis, Schreibweise, rund, enthalten in, Fußnote, Zusatz. */
export function entriesCells(e: Entries): (string | number)[] {
  return [
    e.min,
    e.max,
    e.min === e.max ? '' : e.notation,
    e.approximate ? YES : '',
    e.includedIn ? refId(e.includedIn) : '',
    e.footnote ?? '',
    e.qualifier ?? '',
  ];
}

/** "5.1." → "5-1"; "5.5.1" → "5-5-1". */
const numberPart = (n: string) => n.replace(/\.$/, '').split('.').join('-');

/** File base name of a chapter table. */
export const chapterTableFile = (year: number, chapter: Pick<Chapter, 'number' | 'slug'>, tableId: string) =>
  `${year}-${numberPart(chapter.number)}-${chapter.slug}-${tableId}`;
export const keyFiguresFile = (year: number) => `${year}-kennzahlen`;
export const extrasFile = (year: number) => `${year}-kennzahlen-weitere-foerdermoeglichkeiten`;

function chapterTable(p: Programme, chapter: Chapter, t: ProgrammeTable): DataTable {
  const source = `${p.title}, Kapitel ${chapter.number} ${chapter.title}`;
  const file = chapterTableFile(p.year, chapter, t.id);
  if (t.kind === 'instruments') {
    const [colInstrument, colEntries, colFunction] = t.columns;
    const rows: (string | number)[][] = t.rows.map((r) => [refId(r.instrument), r.label, ...entriesCells(r.entries), r.function]);
    if (t.total) rows.push([TOTAL_ID, t.total.label, ...entriesCells(t.total.entries), t.total.note ?? '']);
    return {
      file,
      title: t.caption,
      source,
      columns: [ID_COLUMN, colInstrument, ...rangeColumns(colEntries), ...MODIFIER_COLUMNS, colFunction],
      rows,
    };
  }
  const [colService, colProvider, colEstimate] = t.columns;
  return {
    file,
    title: t.caption,
    source,
    columns: [ID_COLUMN, colService, colProvider, ...rangeColumns(colEstimate), ...MODIFIER_COLUMNS],
    rows: t.rows.map((r) => [refId(r.instrument), r.label, r.provider, ...entriesCells(r.estimate)]),
  };
}

/** Row keys of the key figures: "Summe", "I.", "I.1", "II.2" … (stable, used by the import to match rows). */
export const keyFigureRowNumber = (numeral: string, index: number) => `${numeral}${index + 1}`;

function keyFiguresTable(p: Programme): DataTable {
  const k = p.keyFigures;
  const [colPurpose, colEntries, colPrevious] = k.columns;
  const change = (r: { entries: number; previousPlan: number }) => percentChange(r.entries, r.previousPlan) ?? '';
  const rows: (string | number)[][] = [[TOTAL_ID, TOTAL_ID, '', '', k.total.entries, k.total.previousPlan, change(k.total)]];
  for (const g of k.groups) {
    rows.push([g.numeral, g.label, g.instrument ? refId(g.instrument) : '', '', g.entries, g.previousPlan, change(g)]);
    g.rows.forEach((r, i) =>
      rows.push([keyFigureRowNumber(g.numeral, i), r.label, r.instrument ? refId(r.instrument) : '', r.ofWhich ? YES : '', r.entries, r.previousPlan, change(r)]),
    );
  }
  return {
    file: keyFiguresFile(p.year),
    title: k.caption,
    source: `${p.title}, Kapitel Kennzahlen`,
    columns: [KEY_FIGURE_COLUMNS.number, colPurpose, ID_COLUMN, KEY_FIGURE_COLUMNS.ofWhich, colEntries, colPrevious, KEY_FIGURE_COLUMNS.change],
    rows,
  };
}

function extrasTable(p: Programme): DataTable {
  return {
    file: extrasFile(p.year),
    title: `Weitere Fördermöglichkeiten ${p.year} (zusätzlich zu den Kennzahlen)`,
    source: `${p.title}, Kapitel Kennzahlen`,
    columns: [ID_COLUMN, 'Bezeichnung', ...rangeColumns('Eintritte'), ...MODIFIER_COLUMNS],
    rows: p.keyFigures.extras.map((e) => [e.instrument ? refId(e.instrument) : '', e.label, ...entriesCells(e.entries)]),
  };
}

/**
 * Every table of one year: the key figures first, then the chapter tables in printed order.
 * Throws when a row names an instrument the registry does not know (the check reports that earlier).
 */
export function dataTables(year: YearData): DataTable[] {
  const p = year.programme;
  const chapters = [...year.chapters].sort((a, b) => a.data.order - b.data.order);
  const tables: DataTable[] = [keyFiguresTable(p)];
  if (p.keyFigures.extras.length > 0) tables.push(extrasTable(p));
  for (const c of chapters) for (const t of c.data.tables) tables.push(chapterTable(p, c.data, t));
  for (const t of tables)
    t.rows.forEach((row) => {
      const id = row[t.columns.indexOf(ID_COLUMN)];
      if (typeof id === 'string' && id !== '' && id !== TOTAL_ID && !year.instruments.has(id))
        throw new Error(`${t.file}: unbekanntes Instrument „${id}“ (nicht in src/content/instruments.yaml)`);
    });
  return tables;
}

/** A cell for CSV: quoted when it holds the separator, a quote, a line break or outer spaces. */
function csvCell(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : v;
  return /[;"\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_BOM = '\ufeff';
export const CSV_SEPARATOR = ';';
export const CSV_NEWLINE = '\r\n';

/**
 * CSV as German spreadsheet programs open it with a double click: UTF-8 with byte order mark,
 * ";" between cells, CRLF line ends, header row first, every line ended.
 */
export function toCsv(table: DataTable): string {
  const lines = [table.columns, ...table.rows].map((r) => r.map(csvCell).join(CSV_SEPARATOR));
  return CSV_BOM + lines.join(CSV_NEWLINE) + CSV_NEWLINE;
}

/** JSON: title, source, columns and rows as objects keyed by column header; two-space indent, final newline. */
export function toJson(table: DataTable): string {
  const rows = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? ''])));
  return JSON.stringify({ title: table.title, source: table.source, columns: table.columns, rows }, null, 2) + '\n';
}
