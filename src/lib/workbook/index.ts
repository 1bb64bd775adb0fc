/**
 * The planners' workbook of one programme year (`npm run export -- 2030` → amip-2030.xlsx):
 * what the writer (export.ts) and the reader (read.ts) agree on. Documented for planners in
 * docs/planung.md.
 *
 * - „Anleitung“: how to fill in the workbook, in German;
 * - „Programm“: the programme-level figures (year and title locked, the integration budget);
 * - one sheet per table in chapter order: row 1 the caption, row 2 the column headers (the same
 *   columns as the CSV export, `tableLayout`), the rows from row 3, the total row last;
 * - „_index“ (very hidden, protected): format, year, publisher, and which sheet holds which table.
 */
import { chapterTableFile } from '../export/index.ts';

export const WORKBOOK_FORMAT = 'amip-arbeitsmappe/1';
export const INDEX_SHEET = '_index';
export const GUIDE_SHEET = 'Anleitung';
export const PROGRAMME_SHEET = 'Programm';
/** Rows of a table sheet: caption, header, first data row. */
export const CAPTION_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_ROW = 3;
/** Labels of the programme sheet (column A); the values stand in column B. */
export const PROGRAMME_LABELS = {
  year: 'Jahr',
  title: 'Titel',
  budget: 'Eingliederungsbudget in €',
  budgetApproximate: 'Eingliederungsbudget „rund“',
} as const;
/** Keys of the index sheet (column A), values in column B; the table list follows. */
export const INDEX_KEYS = { format: 'Format', year: 'Jahr', publisher: 'Herausgeber', title: 'Programm' } as const;
export const INDEX_TABLE_HEADER = ['Blatt', 'Kapitel', 'Tabelle', 'Datei'] as const;

/** The default file name of a year's workbook. */
export const workbookFileName = (year: number) => `amip-${year}.xlsx`;

/** Column letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const RESERVED = new Set([INDEX_SHEET, GUIDE_SHEET, PROGRAMME_SHEET, 'history'].map((n) => n.toLowerCase()));

/**
 * Sheet names of the tables, in order: "<chapter number> <table id>" ("II. eintritte"), for an
 * unnumbered chapter "<slug> <table id>"; at most 31 characters, none of []:*?/\, no apostrophe
 * at either end, unique (case-insensitive, as Excel compares) and different from the fixed sheets.
 */
export function sheetNames(tables: readonly { chapter: { number?: string | undefined; slug: string }; tableId: string }[]): string[] {
  const used = new Set(RESERVED);
  return tables.map(({ chapter, tableId }) => {
    const base = `${chapter.number ?? chapter.slug} ${tableId}`
      .replace(/[[\]:*?/\\]/g, '-')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31)
      .trim();
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** The base name (CSV file name without .csv) of each table: the key the import uses. */
export const tableKey = chapterTableFile;
