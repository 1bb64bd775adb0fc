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
const numberPart = (n: string) => n.replace(/\.$/, '').split(/[.\s]+/).join('-').toLowerCase();

/** File base name of a chapter table. */
export const chapterTableFile = (year: number, chapter: Pick<Chapter, 'number' | 'slug'>, tableId: string) =>
  `${year}-${chapter.number ? `${numberPart(chapter.number)}-` : ''}${chapter.slug}-${tableId}`;

// TEMPORARY (lead's branch): minimal generic export until the data-side rewrite lands.
function chapterTable(p: Programme, chapter: Chapter, t: ProgrammeTable): DataTable {
  const numeric = t.columns.filter((c) => c.type !== 'label');
  return {
    file: chapterTableFile(p.year, chapter, t.id),
    title: t.caption,
    source: `${p.title}, Kapitel ${chapter.number ?? ''} ${chapter.title}`.replace(/\s+/g, ' '),
    columns: [ID_COLUMN, t.columns[0]!.header, ...numeric.map((c) => c.header)],
    rows: [...t.rows, ...(t.total ? [t.total] : [])].map((r) => [
      r === t.total ? TOTAL_ID : (r.instrument?.id ?? ''),
      r.label,
      ...numeric.map((c) => {
        const cell = r.cells[c.key];
        if (!cell) return '';
        if (cell.type === 'text') return cell.text;
        if (cell.type === 'reference') return cell.ref.id;
        if (cell.type === 'change') return cell.printed ?? '';
        return cell.min === cell.max ? cell.min : `${cell.min}-${cell.max}`;
      }),
    ]),
  };
}

export function dataTables(year: YearData): DataTable[] {
  const p = year.programme;
  const chapters = [...year.chapters].sort((a, b) => a.data.order - b.data.order);
  return chapters.flatMap((c) => c.data.tables.map((t) => chapterTable(p, c.data, t)));
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
