/**
 * Reading a CSV file as `npm run export` writes it and spreadsheet programs save it back:
 * UTF-8 (byte order mark optional), ";" between cells, cells in double quotes where needed,
 * CRLF or LF line ends. Anything else is refused with a message that says how to save the file.
 */
import { CsvError as CsvParseError, type Info, parse } from 'csv-parse/sync';
import { CSV_SEPARATOR } from '../export/index.ts';

export type CsvRecord = { cells: string[]; line: number };

export class CsvError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

const SAVE_HINT = 'In Excel: „Speichern unter“ → Dateityp „CSV UTF-8 (durch Trennzeichen getrennt)“; in LibreOffice: Zeichensatz „Unicode (UTF-8)“, Feldtrennzeichen „;“.';

/** Position of the first byte that is not valid UTF-8, or -1. */
export function invalidUtf8At(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n === -1) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/** Text of a CSV file; refuses anything but UTF-8. */
export function decodeCsv(bytes: Uint8Array): string {
  const bad = invalidUtf8At(bytes);
  if (bad !== -1) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new CsvError(
      line,
      `erwartet Text in UTF-8, gefunden: Byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')} (die Datei ist vermutlich in Windows-1252/ANSI gespeichert, z. B. „ß“ oder „ü“). ${SAVE_HINT}`,
    );
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

/** Line breaks inside a cell (a quoted cell may hold them). */
const lineBreaks = (cell: string) => cell.match(/\r\n|\r|\n/g)?.length ?? 0;

/** csv-parse's refusals, in German, for the planner's error message. */
function csvSyntaxMessage(code: string): string {
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'ein Anführungszeichen „"“ wird nicht geschlossen: erwartet "…", gefunden: Dateiende';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'nach dem schließenden Anführungszeichen „"“ einer Zelle erwartet „;“ oder das Zeilenende, gefunden: weiteren Text';
  return `die Datei ist kein lesbares CSV (${code}). ${SAVE_HINT}`;
}

/**
 * Splits CSV text into records with the line each starts on (csv-parse: quoted cells may hold
 * separators, quotes and line breaks; CRLF, LF and CR end a record; empty lines are skipped;
 * a quote inside an unquoted cell is text).
 */
export function parseCsvText(text: string, separator = CSV_SEPARATOR): CsvRecord[] {
  try {
    const options = { delimiter: separator, record_delimiter: ['\r\n', '\n', '\r'], info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true };
    // With `info: true` each record comes with its info (csv-parse's types do not say so).
    return (parse(text, options) as unknown as { record: string[]; info: Info }[]).map(
      // info.lines is the line the record ends on.
      ({ record, info }) => ({ cells: record, line: info.lines - record.reduce((n, cell) => n + lineBreaks(cell), 0) }),
    );
  } catch (error) {
    if (!(error instanceof CsvParseError)) throw error;
    throw new CsvError(typeof error.lines === 'number' ? error.lines : 1, csvSyntaxMessage(error.code));
  }
}

/**
 * Reads a CSV file whose header must be `expectedColumns`. Checks encoding, separator, header
 * and the number of cells per row; returns the data rows with their line numbers.
 */
export function readCsv(bytes: Uint8Array, expectedColumns: readonly string[]): CsvRecord[] {
  const text = decodeCsv(bytes);
  const records = parseCsvText(text);
  const header = records[0];
  if (!header) throw new CsvError(1, 'die Datei ist leer: erwartet eine Kopfzeile mit den Spalten ' + expectedColumns.join(';'));
  if (header.cells.length === 1 && expectedColumns.length > 1) {
    const found = [',', '\t', '|'].find((s) => header.cells[0]!.includes(s));
    throw new CsvError(
      1,
      `falsches Trennzeichen: erwartet „;“ zwischen den Spalten, gefunden: ${found === '\t' ? 'Tabulator' : found ? `„${found}“` : 'nur eine Spalte'}. ${SAVE_HINT}`,
    );
  }
  const got = header.cells.map((c) => c.trim());
  const differs = got.length !== expectedColumns.length || got.some((c, i) => c !== expectedColumns[i]);
  if (differs) {
    const i = expectedColumns.findIndex((c, k) => got[k] !== c);
    const at = i === -1 ? expectedColumns.length : i;
    throw new CsvError(
      1,
      `Kopfzeile: erwartet die Spalten ${expectedColumns.map((c) => `„${c}“`).join('; ')}, gefunden: ${got.map((c) => `„${c}“`).join('; ')} (erste Abweichung in Spalte ${at + 1}). Spalten nicht umbenennen, löschen oder verschieben.`,
    );
  }
  const rows = records.slice(1);
  for (const r of rows) {
    // Spreadsheets sometimes add empty cells at the end of a row.
    while (r.cells.length > expectedColumns.length && r.cells[r.cells.length - 1]!.trim() === '') r.cells.pop();
    if (r.cells.length !== expectedColumns.length)
      throw new CsvError(r.line, `erwartet ${expectedColumns.length} Zellen (durch „;“ getrennt), gefunden: ${r.cells.length}`);
  }
  return rows;
}
