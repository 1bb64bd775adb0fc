/**
 * Checks a CSV file against its Frictionless description (the resource in datapackage.json:
 * dialect and Table Schema), for the part of the specs the downloads use: encoding with or
 * without byte order mark, delimiter, line terminator, header = field names, cells per row,
 * and each cell by its field type (integer, number with `decimalChar`/`groupChar`, string),
 * `missingValues` and `constraints.required`. Pure; returns German problems, none when valid.
 */
import { parseCsvText } from '../import/csv.ts';

export type SchemaField = { name: string; type: string; decimalChar?: string; groupChar?: string; bareNumber?: boolean; constraints?: { required?: boolean } };
export type CsvResource = {
  name: string;
  dialect?: { delimiter?: string; lineTerminator?: string; header?: boolean };
  schema: { fields: SchemaField[]; missingValues?: string[] };
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern a cell of a number field must match (no exponent, no NaN/INF: the downloads write none). */
function numberPattern(field: SchemaField): RegExp {
  const dec = escape(field.decimalChar ?? '.');
  const digits = field.groupChar ? `\\d{1,3}(?:${escape(field.groupChar)}\\d{3})*|\\d+` : '\\d+';
  return new RegExp(`^[-+]?(?:${digits})(?:${dec}\\d+)?$`);
}

function cellProblem(field: SchemaField, value: string): string | undefined {
  switch (field.type) {
    case 'integer':
      return /^[-+]?\d+$/.test(value) ? undefined : `erwartet eine ganze Zahl (integer), gefunden: „${value}“`;
    case 'number':
      return numberPattern(field).test(value) ? undefined : `erwartet eine Zahl mit „${field.decimalChar ?? '.'}“ vor den Nachkommastellen${field.groupChar ? ` und „${field.groupChar}“ zwischen Tausendern` : ''} (number), gefunden: „${value}“`;
    case 'string':
      return undefined;
    default:
      return `unbekannter Feldtyp „${field.type}“ im Schema`;
  }
}

export function validateCsv(text: string, resource: CsvResource): string[] {
  const problems: string[] = [];
  const at = (line: number, message: string) => problems.push(`${resource.name}.csv:${line}  ${message}`);
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const delimiter = resource.dialect?.delimiter ?? ',';
  const terminator = resource.dialect?.lineTerminator ?? '\r\n';
  if (!body.endsWith(terminator)) at(1, `erwartet Zeilenenden ${JSON.stringify(terminator)}, die Datei endet anders`);
  if (terminator === '\r\n' && /(^|[^\r])\n/.test(body.replace(/"(?:[^"]|"")*"/g, ''))) at(1, 'erwartet Zeilenenden CRLF, gefunden: LF');
  const records = parseCsvText(body, delimiter);
  const fields = resource.schema.fields;
  const missing = new Set(resource.schema.missingValues ?? ['']);
  const header = records[0];
  if (resource.dialect?.header !== false) {
    const names = header?.cells ?? [];
    if (names.length !== fields.length || names.some((n, i) => n !== fields[i]!.name))
      at(1, `Kopfzeile: erwartet ${fields.map((f) => `„${f.name}“`).join('; ')}, gefunden: ${names.map((n) => `„${n}“`).join('; ')}`);
  }
  for (const r of records.slice(resource.dialect?.header === false ? 0 : 1)) {
    if (r.cells.length !== fields.length) {
      at(r.line, `erwartet ${fields.length} Zellen, gefunden: ${r.cells.length}`);
      continue;
    }
    r.cells.forEach((value, i) => {
      const field = fields[i]!;
      if (missing.has(value)) {
        if (field.constraints?.required) at(r.line, `Spalte „${field.name}“: erwartet einen Wert (required), gefunden: eine leere Zelle`);
        return;
      }
      const problem = cellProblem(field, value);
      if (problem) at(r.line, `Spalte „${field.name}“: ${problem}`);
    });
  }
  return problems;
}
