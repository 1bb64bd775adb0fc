/**
 * The downloads describe themselves: datapackage.json (Frictionless Data Package) with one
 * resource per CSV, its dialect and Table Schema (field types from the column types, the
 * decimal comma as written), and the publisher's data licence; every CSV of the fixture is
 * valid against its schema, and the validator refuses what a schema does not allow.
 */
import { describe, expect, it } from 'vitest';
import { yearData } from '../../src/lib/check/index.ts';
import { dataPackage, dataTables, toCsv, type DataTable } from '../../src/lib/export/index.ts';
import { type CsvResource, validateCsv } from '../../src/lib/export/table-schema.ts';
import { checkFiles } from '../lib/regeneration.ts';
import { fixtureFiles } from '../lib/content.ts';

const content = checkFiles(fixtureFiles('tables'));
const data = yearData(content, 2030);
const tables = dataTables(data);
const byFile = new Map(tables.map((t) => [t.file, t]));
const licence = content.publisher!.dataLicence;
type Package = { name: string; title: string; licenses?: { title: string; path: string }[]; resources: (CsvResource & { path: string; encoding: string; format: string })[] };
const pkg = dataPackage(data.programme, tables, { publisher: content.publisher!.name, licence }) as Package;
const resource = (file: string) => pkg.resources.find((r) => r.name === file)!;

describe('datapackage.json', () => {
  it('has one CSV resource per table, next to it, in UTF-8 with ";" and CRLF', () => {
    expect(pkg.name).toBe('programm-2030');
    expect(pkg.title).toBe('Testprogramm 2030');
    expect(pkg.resources.map((r) => r.path)).toEqual(tables.map((t) => `${t.file}.csv`));
    for (const r of pkg.resources) {
      expect(r).toMatchObject({ format: 'csv', encoding: 'utf-8', dialect: { delimiter: ';', lineTerminator: '\r\n', header: true } });
      expect(r.name).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('types each field by its column type; numbers with a decimal comma', () => {
    expect(resource('2030-ii-zahlen-mittel').schema.fields).toEqual([
      { name: 'Zeilenart', type: 'string' },
      { name: 'Posten', type: 'string' },
      { name: 'Mittel in €', type: 'number', decimalChar: ',' },
      { name: 'Anteil in %', type: 'number', decimalChar: ',' },
      { name: 'Seit', type: 'integer' },
      { name: 'Quote', type: 'number', decimalChar: ',' },
      { name: 'Hinweis', type: 'string' },
    ]);
    const kennzahlen = resource('2030-ii-zahlen-kennzahlen').schema.fields;
    expect(kennzahlen.map((f) => f.type)).toEqual(['string', 'string', 'string', 'string', 'integer', 'integer', 'integer']);
    expect(resource('2030-ii-zahlen-zielgruppen').schema.fields.find((f) => f.name === 'Rechtsgrundlage')!.type).toBe('string');
  });

  it('states the licence from the settings, and none when the settings have none', () => {
    expect(pkg.licenses).toEqual([{ title: 'Datenlizenz Deutschland – Namensnennung – Version 2.0', path: 'https://www.govdata.de/dl-de/by-2-0' }]);
    expect('licenses' in dataPackage(data.programme, tables)).toBe(false);
  });

  it('every CSV is valid against its Table Schema', () => {
    for (const t of tables) expect(validateCsv(toCsv(t), resource(t.file))).toEqual([]);
  });
});

describe('validateCsv', () => {
  const t = byFile.get('2030-ii-zahlen-mittel')!;
  const r = resource(t.file);
  const withCell = (row: number, column: string, value: string | number): DataTable => ({
    ...t,
    rows: t.rows.map((cells, i) => (i === row ? cells.map((v, k) => (t.columns[k] === column ? value : v)) : cells)),
  });

  it('refuses a number with a decimal point, a thousands point and a unit where the schema says number or integer', () => {
    const csv = toCsv(withCell(0, 'Mittel in €', '1200.5')).replace("'1200.5", '1200.5');
    expect(validateCsv(csv, r)).toEqual(['2030-ii-zahlen-mittel.csv:2  Spalte „Mittel in €“: erwartet eine Zahl mit „,“ vor den Nachkommastellen (number), gefunden: „1200.5“']);
    expect(validateCsv(toCsv(withCell(1, 'Mittel in €', '800,25 €')), r)[0]).toContain('gefunden: „800,25 €“');
    expect(validateCsv(toCsv(withCell(2, 'Seit', 2030.5)), r)).toEqual(['2030-ii-zahlen-mittel.csv:4  Spalte „Seit“: erwartet eine ganze Zahl (integer), gefunden: „2030,5“']);
  });

  it('refuses a wrong header, a row with too few cells and LF line ends', () => {
    expect(validateCsv(toCsv({ ...t, columns: t.columns.map((c) => (c === 'Seit' ? 'Ab' : c)) }), r)[0]).toMatch(/:1 {2}Kopfzeile: erwartet .*„Seit“.*gefunden: .*„Ab“/);
    expect(validateCsv(toCsv({ ...t, rows: [t.rows[0]!.slice(1)] }), r)).toEqual(['2030-ii-zahlen-mittel.csv:2  erwartet 7 Zellen, gefunden: 6']);
    expect(validateCsv(toCsv(t).replaceAll('\r\n', '\n'), r)).toContain('2030-ii-zahlen-mittel.csv:1  erwartet Zeilenenden CRLF, gefunden: LF');
  });

  it('knows groupChar and required', () => {
    const grouped: CsvResource = { name: 'x', dialect: { delimiter: ';' }, schema: { fields: [{ name: 'n', type: 'number', decimalChar: ',', groupChar: '.', constraints: { required: true } }] } };
    expect(validateCsv('n\r\n1.234,5\r\n12\r\n', grouped)).toEqual([]);
    expect(validateCsv('n\r\n12.34\r\n\r\n', grouped)).toEqual(['x.csv:2  Spalte „n“: erwartet eine Zahl mit „,“ vor den Nachkommastellen und „.“ zwischen Tausendern (number), gefunden: „12.34“']);
    const two: CsvResource = { ...grouped, schema: { fields: [...grouped.schema.fields, { name: 'm', type: 'string' }] } };
    expect(validateCsv('n;m\r\n;x\r\n', two)).toEqual(['x.csv:2  Spalte „n“: erwartet einen Wert (required), gefunden: eine leere Zelle']);
  });
});
