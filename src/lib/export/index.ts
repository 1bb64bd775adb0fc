/**
 * The tables of one programme year as plain data: the same files the site offers for download
 * (`/<year>/daten/<file>.csv`, `.json`, described by `/<year>/daten/datapackage.json`),
 * `npm run export` writes, and `npm run import` reads back.
 *
 * Every chapter table (src/lib/schemas/table.ts) becomes one file; its columns follow from the
 * table's column types (documented for planners in docs/planung.md):
 *
 *   Zeilenart | Nr. | <label header> | <Instrument-ID> | per column …
 *
 * - „Zeilenart“ only when the table has rows other than data rows (or a total): Zeile, Gruppe,
 *   darunter, davon, Hinweis, Summe; „Nr.“ only when a row has a number; the id column only
 *   when a row names an instrument, target group or legal basis;
 * - text and reference columns: one column (the text, or the registry id);
 * - number columns (count, euros, percent, decimal, year): one column `<header>` when every
 *   value is a single number without modifiers, else `<header> von`, `<header> bis` and the
 *   modifier columns this column uses (Schreibweise, rund, enthalten in, Fußnote, Zusatz);
 * - change columns: the computed change in whole percent (never read back).
 * The total row comes last. Numbers are plain numbers: no thousands separator, in the CSV a
 * decimal comma (1234,56), in JSON a decimal point. Euro amounts are always in euros.
 */
import { stringify } from 'csv-stringify/sync';
import type { Entries } from '../schemas/entries.ts';
import type { Chapter } from '../schemas/chapter.ts';
import type { Programme } from '../schemas/programme.ts';
import type { Instrument } from '../schemas/registries.ts';
import { type Column, type Row, type RowKind, type Table, changeOf, isNumberType, quantityOf, rowRef } from '../schemas/table.ts';

/** Table Schema field types of the downloads (https://specs.frictionlessdata.io/table-schema/). */
export type FieldType = 'integer' | 'number' | 'string';

export type DataTable = {
  /** Stable ASCII base name, unique within the year: "2021-5-1-integration-instrumente". */
  file: string;
  /** The table's caption. */
  title: string;
  /** Where the figures come from: programme title and chapter. */
  source: string;
  /** German column headers. */
  columns: string[];
  /** Table Schema type of each column (same order as `columns`). */
  types: FieldType[];
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
export const KIND_COLUMN = 'Zeilenart';
export const NUMBER_COLUMN = 'Nr.';
export const ID_COLUMN = 'Instrument-ID';
export const TOTAL_KIND = 'Summe';
export const YES = 'ja';
export const MODIFIERS = { notation: 'Schreibweise', approximate: 'rund', includedIn: 'enthalten in', footnote: 'Fußnote', qualifier: 'Zusatz' } as const;
export type Modifier = keyof typeof MODIFIERS;
const MODIFIER_KEYS = Object.keys(MODIFIERS) as Modifier[];
/** How a row kind is written in the „Zeilenart“ column. */
export const KIND_NAMES: Record<RowKind, string> = { data: 'Zeile', group: 'Gruppe', ofWhich: 'darunter', breakdown: 'davon', note: 'Hinweis' };
const ID_HEADERS = { instruments: ID_COLUMN, targetGroups: 'Zielgruppen-ID', legalBases: 'Rechtsgrundlagen-ID' } as const;

/** One exported column and what it holds. */
export type ExportColumn =
  | { role: 'kind' | 'number' | 'label' | 'ref'; header: string }
  | { role: 'text' | 'value' | 'min' | 'max' | 'change'; header: string; column: Column }
  | { role: 'modifier'; modifier: Modifier; header: string; column: Column };

const rowsOf = (t: Table) => [...t.rows, ...(t.total ? [t.total] : [])];

const usesModifier = (q: Entries, m: Modifier) =>
  m === 'notation' ? q.min !== q.max : m === 'approximate' ? q.approximate : q[m] !== undefined;

/** The exported columns of a table, from its column types and what its rows use. */
export function tableLayout(t: Table): ExportColumn[] {
  const rows = rowsOf(t);
  const out: ExportColumn[] = [];
  if (t.total || t.rows.some((r) => r.kind !== 'data')) out.push({ role: 'kind', header: KIND_COLUMN });
  if (rows.some((r) => r.number !== undefined)) out.push({ role: 'number', header: NUMBER_COLUMN });
  out.push({ role: 'label', header: t.columns[0]!.header });
  const refs = new Set(rows.map((r) => (r.instrument ? 'instruments' : r.targetGroup ? 'targetGroups' : r.legalBasis ? 'legalBases' : undefined)).filter((r) => r !== undefined));
  if (refs.size > 0) out.push({ role: 'ref', header: refs.size === 1 ? ID_HEADERS[[...refs][0]!] : 'Kennung' });
  const numeric = t.columns.filter((c) => isNumberType(c.type));
  const used = new Map(numeric.map((c) => [c.key, MODIFIER_KEYS.filter((m) => rows.some((r) => { const q = quantityOf(r, c.key); return q !== undefined && usesModifier(q, m); }))]));
  const split = numeric.filter((c) => used.get(c.key)!.length > 0);
  for (const c of t.columns.slice(1)) {
    if (c.type === 'text' || c.type === 'reference') out.push({ role: 'text', header: c.header, column: c });
    else if (c.type === 'change') out.push({ role: 'change', header: /%/.test(c.header) ? c.header : `${c.header} in %`, column: c });
    else if (!isNumberType(c.type)) continue;
    else if (!split.includes(c)) out.push({ role: 'value', header: euroHeader(c), column: c });
    else {
      const h = euroHeader(c);
      out.push({ role: 'min', header: `${h} von`, column: c }, { role: 'max', header: `${h} bis`, column: c });
      // Modifier headers are bare when one column has them, else named after their column.
      for (const m of used.get(c.key)!) out.push({ role: 'modifier', modifier: m, header: split.length === 1 ? MODIFIERS[m] : `${h} ${MODIFIERS[m]}`, column: c });
    }
  }
  return out;
}

/** Amounts are always written in euros; a column printed in Tsd. or Mio. says so in the download. */
const euroHeader = (c: Column) => (c.type === 'euros' && c.unit !== 'euro' ? `${c.header} (in Euro)` : c.header);

/** The Table Schema type of an exported column. */
export function fieldType(e: ExportColumn): FieldType {
  if (e.role === 'change') return 'integer';
  if (e.role === 'value' || e.role === 'min' || e.role === 'max') return e.column.type === 'count' || e.column.type === 'year' ? 'integer' : 'number';
  return 'string';
}

/** The cell of a row (or of the total row) in an exported column. */
export function exportCell(row: Row, e: ExportColumn, isTotal: boolean): string | number {
  switch (e.role) {
    case 'kind':
      return isTotal ? TOTAL_KIND : KIND_NAMES[row.kind];
    case 'number':
      return row.number ?? '';
    case 'label':
      return row.label;
    case 'ref':
      return rowRef(row)?.id ?? '';
    case 'text': {
      const cell = row.cells[e.column.key];
      return cell?.type === 'text' ? cell.text : cell?.type === 'reference' ? cell.ref.id : '';
    }
    case 'change':
      return changeOf(row, e.column) ?? '';
    case 'value':
    case 'min':
    case 'max': {
      const q = quantityOf(row, e.column.key);
      return q ? (e.role === 'max' ? q.max : q.min) : '';
    }
    case 'modifier': {
      const q = quantityOf(row, e.column.key);
      if (!q) return '';
      const m = e.modifier;
      if (m === 'notation') return q.min === q.max ? '' : q.notation;
      if (m === 'approximate') return q.approximate ? YES : '';
      if (m === 'includedIn') return q.includedIn?.id ?? '';
      return q[m] ?? '';
    }
  }
}

/** "5.1." → "5-1"; "IV." → "iv"; "A 2" → "a-2"; none → nothing. */
const numberPart = (n: string | undefined) =>
  (n ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** File base name of a chapter table: "2021-5-1-integration-instrumente", "2021-kennzahlen-kennzahlen" (no number). */
export const chapterTableFile = (year: number, chapter: { number?: string | undefined; slug: string }, tableId: string) =>
  [String(year), numberPart(chapter.number), chapter.slug, tableId].filter((s) => s !== '').join('-');

/** "Kapitel 5.1. Integration" or "Kapitel Integration" (unnumbered). */
export const chapterSource = (programmeTitle: string, chapter: { number?: string | undefined; title: string }) =>
  `${programmeTitle}, Kapitel ${chapter.number ? `${chapter.number} ` : ''}${chapter.title}`;

/** One chapter table as a download. */
export function chapterDataTable(p: Pick<Programme, 'title' | 'year'>, chapter: Pick<Chapter, 'number' | 'slug' | 'title'>, t: Table): DataTable {
  const layout = tableLayout(t);
  const rows = t.rows.map((r) => layout.map((e) => exportCell(r, e, false)));
  if (t.total) rows.push(layout.map((e) => exportCell(t.total!, e, true)));
  return {
    file: chapterTableFile(p.year, chapter, t.id),
    title: t.caption,
    source: chapterSource(p.title, chapter),
    columns: layout.map((e) => e.header),
    types: layout.map(fieldType),
    rows,
  };
}

/**
 * Every table of one year, chapter by chapter in printed order (tables not shown on the page
 * included). Throws when a row names an instrument the registry does not know (the check
 * reports that earlier).
 */
export function dataTables(year: YearData): DataTable[] {
  const p = year.programme;
  const chapters = [...year.chapters].sort((a, b) => a.data.order - b.data.order);
  const tables: DataTable[] = [];
  for (const c of chapters)
    for (const t of c.data.tables) {
      for (const r of rowsOf(t))
        if (r.instrument && !year.instruments.has(r.instrument.id))
          throw new Error(`${chapterTableFile(p.year, c.data, t.id)}: unbekanntes Instrument „${r.instrument.id}“ (nicht in src/content/instruments.yaml)`);
      tables.push(chapterDataTable(p, c.data, t));
    }
  return tables;
}

export const CSV_BOM = '\ufeff';
export const CSV_SEPARATOR = ';';
export const CSV_NEWLINE = '\r\n';
/** Decimal separator of numbers in the CSV (German spreadsheets read "1234,56" as a number). */
export const CSV_DECIMAL = ',';
/** Marks a text cell that a spreadsheet would otherwise take for a formula or a number. */
export const TEXT_MARK = "'";

/**
 * A text cell that starts with = + - @ (a formula to a spreadsheet), a tab or carriage return,
 * the mark itself, or that looks like a number or a date ("1.1", "2021"), gets a leading
 * apostrophe, so that no spreadsheet computes or converts it. The import removes it again.
 */
export const needsTextMark = (s: string) => /^[=+\-@\t\r']/.test(s) || /^[\d.,:/ ]+$/.test(s);
export const unmarkText = (s: string) => (s.startsWith(TEXT_MARK) && needsTextMark(s.slice(1)) ? s.slice(1) : s);

/** A number as the CSV writes it: 1800, 1234,56, -15 (no thousands separator, decimal comma). */
export const csvNumber = (n: number) => String(n).replace('.', CSV_DECIMAL);

/** A cell's text for CSV: numbers with the decimal comma, text with the mark where a spreadsheet would misread it. */
const csvCell = (v: string | number): string => (typeof v === 'number' ? csvNumber(v) : needsTextMark(v) ? TEXT_MARK + v : v);

/**
 * CSV as German spreadsheet programs open it with a double click: UTF-8 with byte order mark,
 * ";" between cells, CRLF line ends, header row first, every line ended, decimal comma. Written
 * by csv-stringify; cells are quoted when they hold the separator or a quote (csv-stringify's
 * rule), a line break of any kind or outer spaces (which spreadsheets would otherwise trim).
 */
export function toCsv(table: Pick<DataTable, 'columns' | 'rows'>): string {
  return stringify([table.columns, ...table.rows].map((r) => r.map(csvCell)), {
    bom: true,
    delimiter: CSV_SEPARATOR,
    record_delimiter: CSV_NEWLINE,
    quoted_match: [/[\r\n]/, /^\s|\s$/],
  });
}

/** JSON: title, source, columns and rows as objects keyed by column header; two-space indent, final newline. */
export function toJson(table: DataTable): string {
  const rows = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? ''])));
  return JSON.stringify({ title: table.title, source: table.source, columns: table.columns, rows }, null, 2) + '\n';
}

export type DataLicence = { name: string; url: string };

/** The CSV dialect of the downloads in Frictionless terms (https://specs.frictionlessdata.io/csv-dialect/). */
export const CSV_DIALECT = { delimiter: CSV_SEPARATOR, lineTerminator: CSV_NEWLINE, quoteChar: '"', doubleQuote: true, header: true, skipInitialSpace: false } as const;

export type TableSchemaField = { name: string; type: FieldType; decimalChar?: string; constraints?: { required?: boolean } };

/** The Table Schema of one CSV download: one field per column, numbers with the decimal comma. */
export function tableSchemaOf(t: DataTable): { fields: TableSchemaField[]; missingValues: string[] } {
  return {
    fields: t.columns.map((name, i) => {
      const type = t.types[i] ?? 'string';
      // No thousands separator is written, so no groupChar is declared (the spec has no default).
      return type === 'number' ? { name, type, decimalChar: CSV_DECIMAL } : { name, type };
    }),
    missingValues: [''],
  };
}

/**
 * `datapackage.json` of a year (Frictionless Data Package, https://specs.frictionlessdata.io/data-package/):
 * one resource per CSV file with its dialect and Table Schema, and the publisher's data licence.
 */
export function dataPackage(
  p: Pick<Programme, 'title' | 'year'>,
  tables: readonly DataTable[],
  options: { publisher?: string | undefined; licence?: DataLicence | undefined } = {},
): object {
  return {
    profile: 'tabular-data-package',
    name: `programm-${p.year}`,
    title: p.title,
    ...(options.publisher ? { contributors: [{ title: options.publisher, role: 'publisher' }] } : {}),
    ...(options.licence ? { licenses: [{ title: options.licence.name, path: options.licence.url }] } : {}),
    resources: tables.map((t) => ({
      profile: 'tabular-data-resource',
      name: t.file,
      // Next to datapackage.json: /<year>/daten/<file>.csv.
      path: `${t.file}.csv`,
      title: t.title,
      description: t.source,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: CSV_DIALECT,
      schema: tableSchemaOf(t),
    })),
  };
}
