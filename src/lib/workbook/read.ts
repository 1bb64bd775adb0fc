/**
 * Reads a planners' workbook (./index.ts) back into the sources the import core reads
 * (src/lib/import: `planTables`): one record per row of each table sheet, with the cells as the
 * CSV would hold them, and the programme's figures. The value a spreadsheet shows is what counts,
 * never a formula's source: a formula cell is read by its cached result (Excel and LibreOffice
 * store it when they save); a formula without a result, a text or a date where a number belongs,
 * an error value (#DIV/0!) are refused. Before the library opens the file, ./zip.ts refuses what
 * is no workbook, is cut off, carries macros or is too large.
 */
import ExcelJS from 'exceljs';
import { csvNumber } from '../export/index.ts';
import type { CsvRecord } from '../import/csv.ts';
import type { ProgrammeSource, TableSource } from '../import/index.ts';
import { columnLetter, FIRST_ROW, HEADER_ROW, INDEX_KEYS, INDEX_SHEET, PROGRAMME_LABELS, PROGRAMME_SHEET, WORKBOOK_FORMAT } from './index.ts';
import { type CachedValue, cachedFormulaValues, inspectWorkbookFile, WorkbookFileError } from './zip.ts';

export type WorkbookRead = {
  tables: TableSource[];
  programme: ProgrammeSource | undefined;
  /** Problems found while reading (cells, sheets); the import adds its own. */
  problems: string[];
  /** Tables of the year that the workbook does not have (exported before they were added). */
  notes: string[];
};

export type WorkbookExpectation = {
  year: number;
  publisher: string | undefined;
  /** Expected columns of each table, by base name (`expectedColumns`). */
  columns: ReadonlyMap<string, readonly string[]>;
};

/** A German description of a cell value for messages. */
function describeValue(v: ExcelJS.CellValue): string {
  if (v instanceof Date) return `ein Datum (${v.toLocaleDateString('de-DE')})`;
  if (typeof v === 'string') return `der Text „${v}“`;
  if (typeof v === 'boolean') return `der Wahrheitswert ${v ? 'WAHR' : 'FALSCH'}`;
  if (typeof v === 'number') return String(v);
  return 'ein anderer Wert';
}

/** Spreadsheet noise of binary floating point (0.1 + 0.2) removed; 1200.505 stays 1200.505. */
const clean = (n: number) => Number(n.toPrecision(15));

type CellRead = { text: string; problem?: string };

/**
 * A cell as text, the way the CSV import reads it; numbers with a decimal comma. `numeric`:
 * the column holds numbers, so texts, dates and truth values there are problems.
 */
export function readCell(cell: ExcelJS.Cell, numeric: boolean, cached?: ReadonlyMap<string, CachedValue | undefined>): CellRead {
  let v = cell.value;
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    if ('formula' in v || 'sharedFormula' in v) {
      const source = 'formula' in v ? v.formula : v.sharedFormula;
      const stored = v.result === undefined || v.result === null ? cached?.get(cell.address) : undefined;
      const result = stored === undefined ? v.result : stored.type === 'error' ? { error: stored.value as ExcelJS.CellErrorValue['error'] } : stored.value;
      if (result === undefined || result === null)
        return { text: '', problem: `Formel „=${source}“ ohne berechneten Wert: erwartet eine Zahl; die Arbeitsmappe in Excel oder LibreOffice öffnen, speichern und erneut einlesen` };
      if (typeof result === 'object' && 'error' in result) return { text: '', problem: `die Formel „=${source}“ ergibt den Fehler ${result.error}; erwartet eine Zahl` };
      v = result as ExcelJS.CellValue;
    } else if ('richText' in v) v = v.richText.map((r) => r.text).join('');
    else if ('error' in v) return { text: '', problem: `erwartet ${numeric ? 'eine Zahl' : 'einen Text'}, gefunden: den Fehler ${v.error}` };
    else if ('text' in v) {
      const t: unknown = v.text;
      v = typeof t === 'string' ? t : ((t as { richText?: { text: string }[] }).richText ?? []).map((r) => r.text).join('');
    }
  }
  if (v === null || v === undefined || v === '') return { text: '' };
  if (typeof v === 'number') return Number.isFinite(v) ? { text: csvNumber(clean(v)) } : { text: '', problem: `erwartet eine Zahl, gefunden: ${v}` };
  if (!numeric) return { text: v instanceof Date ? v.toISOString().slice(0, 10) : String(v) };
  if (typeof v === 'string' && v.trim() === '') return { text: '' };
  return { text: '', problem: `erwartet eine Zahl, gefunden: ${describeValue(v)}${typeof v === 'string' ? ' (als Text eingetragen; die Zahl ohne Apostroph und ohne Textformat eintragen)' : ''}` };
}

/**
 * Reads the workbook. Throws WorkbookFileError when the file as a whole cannot be read (not a
 * workbook, cut off, macros, too large, another year or publisher, no index); problems of cells
 * and rows are collected in the result.
 */
export async function readWorkbook(bytes: Uint8Array, name: string, expect: WorkbookExpectation, numericColumns: (table: string) => ReadonlySet<number>): Promise<WorkbookRead> {
  const parts = inspectWorkbookFile(bytes, name, (part) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml)$/.test(part));
  const cachedValues = cachedFormulaValues(parts);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new WorkbookFileError(`die Arbeitsmappe kann nicht gelesen werden (beschädigt?): ${(error as Error).message}`);
  }
  const index = wb.getWorksheet(INDEX_SHEET);
  if (!index) throw new WorkbookFileError(`keine mit npm run export geschriebene Arbeitsmappe: das (ausgeblendete) Blatt „${INDEX_SHEET}“ fehlt; erwartet eine mit npm run export -- ${expect.year} geschriebene Arbeitsmappe`);
  const value = (key: string) => {
    for (let r = 1; r <= Math.min(index.rowCount, 10); r++) if (readCell(index.getCell(r, 1), false).text === key) return readCell(index.getCell(r, 2), false).text;
    return '';
  };
  if (value(INDEX_KEYS.format) !== WORKBOOK_FORMAT) throw new WorkbookFileError(`unbekanntes Format der Arbeitsmappe: erwartet „${WORKBOOK_FORMAT}“, gefunden: „${value(INDEX_KEYS.format)}“; neu exportieren (npm run export -- ${expect.year})`);
  const year = value(INDEX_KEYS.year);
  if (year !== String(expect.year)) throw new WorkbookFileError(`Arbeitsmappe des Jahres ${year || '(ohne Jahr)'}: erwartet eine Arbeitsmappe des Jahres ${expect.year} (Jahr im Befehl oder Datei verwechselt?)`);
  const publisher = value(INDEX_KEYS.publisher);
  if (publisher !== (expect.publisher ?? '')) throw new WorkbookFileError(`Arbeitsmappe von „${publisher}“: erwartet eine Arbeitsmappe von „${expect.publisher ?? ''}“ (settings.yaml)`);

  const place = (sheet: string) => (line: number) => `${name}  Blatt „${sheet}“, Zeile ${line}`;
  const problems: string[] = [];
  const notes: string[] = [];
  const tables: TableSource[] = [];
  const seen = new Set<string>();
  let listStart = 0;
  for (let r = 1; r <= index.rowCount; r++) if (readCell(index.getCell(r, 1), false).text === 'Blatt') listStart = r + 1;
  for (let r = listStart; listStart > 0 && r <= index.rowCount; r++) {
    const sheetName = readCell(index.getCell(r, 1), false).text;
    const table = readCell(index.getCell(r, 4), false).text;
    if (sheetName === '' || table === '') continue;
    const columns = expect.columns.get(table);
    if (!columns) {
      problems.push(`${name}  Blatt „${sheetName}“  die Tabelle „${table}“ gibt es im Jahr ${expect.year} nicht mehr (Kapitel oder Tabelle entfernt oder umbenannt?): neu exportieren`);
      continue;
    }
    seen.add(table);
    const ws = wb.getWorksheet(sheetName);
    if (!ws) {
      problems.push(`${name}  Blatt „${sheetName}“  Blatt fehlt (umbenannt oder gelöscht?): erwartet das Blatt mit der Tabelle „${table}“`);
      continue;
    }
    const where = place(sheetName);
    const header = columns.map((_, i) => readCell(ws.getCell(HEADER_ROW, i + 1), false).text);
    const extra = readCell(ws.getCell(HEADER_ROW, columns.length + 1), false).text;
    if (header.some((h, i) => h !== columns[i]) || extra !== '') {
      const first = header.findIndex((h, i) => h !== columns[i]);
      const col = first === -1 ? columns.length : first;
      problems.push(`${where(HEADER_ROW)}  Kopfzeile  erwartet die Spalten ${columns.map((c) => `„${c}“`).join('; ')}, gefunden: ${[...header, ...(extra ? [extra] : [])].map((c) => `„${c}“`).join('; ')} (erste Abweichung in Spalte ${columnLetter(col + 1)})`);
      continue;
    }
    const numeric = numericColumns(table);
    const records: CsvRecord[] = [];
    const refused = new Set<string>();
    const last = ws.actualRowCount === 0 ? 0 : ws.rowCount;
    for (let line = FIRST_ROW; line <= last; line++) {
      const cells = columns.map((_, i) => {
        const c = readCell(ws.getCell(line, i + 1), numeric.has(i), cachedValues.get(sheetName));
        if (!c.problem) return c.text;
        problems.push(`${where(line)}  Spalte ${columnLetter(i + 1)} „${columns[i]}“  ${c.problem}`);
        // A refused cell is not read again by the import.
        refused.add(`${line}:${i}`);
        return '';
      });
      if (cells.every((c) => c === '')) continue;
      records.push({ cells, line });
    }
    tables.push({ table, records, name, where, column: (i, h) => `Spalte ${columnLetter(i + 1)} „${h}“`, headerLine: HEADER_ROW, refused });
  }
  for (const table of expect.columns.keys()) if (!seen.has(table)) notes.push(`${name}  Tabelle „${table}“ fehlt in der Arbeitsmappe (nach dem Export hinzugekommen?): ihre Zahlen bleiben, wie sie sind`);

  let programme: ProgrammeSource | undefined;
  const ps = wb.getWorksheet(PROGRAMME_SHEET);
  if (!ps) problems.push(`${name}  Blatt „${PROGRAMME_SHEET}“  Blatt fehlt (umbenannt oder gelöscht?)`);
  else {
    const rowOf = (label: string) => {
      for (let r = 1; r <= Math.min(ps.rowCount, 50); r++) if (readCell(ps.getCell(r, 1), false).text === label) return r;
      return 0;
    };
    const b = rowOf(PROGRAMME_LABELS.budget);
    const a = rowOf(PROGRAMME_LABELS.budgetApproximate);
    if (b === 0 || a === 0) problems.push(`${name}  Blatt „${PROGRAMME_SHEET}“  erwartet die Zeilen „${PROGRAMME_LABELS.budget}“ und „${PROGRAMME_LABELS.budgetApproximate}“ in Spalte A`);
    else {
      const where = place(PROGRAMME_SHEET);
      const budget = readCell(ps.getCell(b, 2), true, cachedValues.get(PROGRAMME_SHEET));
      const approx = readCell(ps.getCell(a, 2), false);
      if (budget.problem) problems.push(`${where(b)}  Spalte B „${PROGRAMME_LABELS.budget}“  ${budget.problem}`);
      else
        programme = {
          where,
          budget: {
            line: b,
            field: `Spalte B „${PROGRAMME_LABELS.budget}“`,
            value: budget.text,
            approximate: { field: `Spalte B „${PROGRAMME_LABELS.budgetApproximate}“ (Zeile ${a})`, value: approx.text },
          },
        };
    }
  }
  return { tables, programme, problems, notes };
}
