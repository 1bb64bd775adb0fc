/**
 * Spreadsheet round trip on the general tables, on the fixture tests/fixtures/tables (every
 * column type and row kind): `npm run export` writes every table of a year as CSV, with columns
 * that follow the column types; `npm run import` reads edited figures back. Export → import
 * changes nothing (byte for byte); an edit changes exactly the edited values; bad input is
 * refused with file, line, column, expected and found, all at once, and nothing is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CheckResult, formatProblem, yearData } from '../../src/lib/check/index.ts';
import { chapterDataTable, CSV_BOM, type DataTable, dataTables, toCsv, toJson, unmarkText } from '../../src/lib/export/index.ts';
import { tableSchema } from '../../src/lib/schemas/table.ts';
import { type CsvResource, validateCsv } from '../../src/lib/export/table-schema.ts';
import { parseCsvText } from '../../src/lib/import/csv.ts';
import { ImportError, planImport } from '../../src/lib/import/index.ts';
import { checkFiles, hashTree, runCommand, tempContent, tempDir } from '../lib/regeneration.ts';
import { fixtureDir, fixtureFiles } from '../lib/content.ts';

const files = fixtureFiles('tables');
const content = checkFiles(files);
const tables = dataTables(yearData(content, 2030));
const byFile = new Map(tables.map((t) => [t.file, t]));
const ZAHLEN = 'programmes/2030/chapters/02-zahlen.mdx';
const F = {
  eintritte: '2030-ii-zahlen-eintritte',
  mittel: '2030-ii-zahlen-mittel',
  kennzahlen: '2030-ii-zahlen-kennzahlen',
  zielgruppen: '2030-ii-zahlen-zielgruppen',
  plaetze: '2030-anhang-plaetze',
};
const enc = (s: string) => new TextEncoder().encode(s);
const csvOf = (t: Pick<DataTable, 'file' | 'columns' | 'rows'>) => ({ name: `${t.file}.csv`, bytes: enc(toCsv(t)) });

/** The CSV of a table with cells changed: rows found by their label (or "Summe"), columns by header. */
function edited(file: string, changes: Record<string, Record<string, string | number>>, t: DataTable = byFile.get(file)!) {
  const labelIndex = t.columns.findIndex((c) => c !== 'Zeilenart' && c !== 'Nr.');
  const used = new Set<string>();
  const rows = t.rows.map((r) => {
    const key = r[0] === 'Summe' ? 'Summe' : String(r[labelIndex]);
    const c = used.has(key) ? undefined : changes[key];
    if (c) used.add(key);
    return c ? r.map((v, i) => (t.columns[i]! in c ? c[t.columns[i]!]! : v)) : r;
  });
  for (const key of Object.keys(changes)) if (!used.has(key)) throw new Error(`${file}: keine Zeile „${key}“`);
  return csvOf({ ...t, rows });
}

const problemsOf = (c: CheckResult, year: number, inputs: { name: string; bytes: Uint8Array }[]): string[] => {
  try {
    planImport(c, year, inputs);
  } catch (error) {
    if (error instanceof ImportError) return error.problems;
    throw error;
  }
  return [];
};

/** Lines that differ between two texts (same number of lines expected). */
const changedLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y.length).toBe(x.length);
  return x.map((l, i) => [l, y[i]] as const).filter(([l, m]) => l !== m);
};
const fileText = (p: string) => files.find((f) => f.path === p)!.text;

it('the fixture is valid', () => {
  expect(content.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
});

describe('dataTables', () => {
  it('gives every table once, in printed order, with ASCII names from year, chapter number (Roman, none) and slug', () => {
    expect(tables.map((t) => t.file)).toEqual(Object.values(F));
    expect(byFile.get(F.eintritte)!.source).toBe('Testprogramm 2030, Kapitel II. Zahlen 2030');
    expect(byFile.get(F.plaetze)!.source).toBe('Testprogramm 2030, Kapitel Anhang');
  });

  it('derives the columns from the column types and what the rows use', () => {
    const columns = (f: string) => byFile.get(f)!.columns;
    // Ranges and modifiers: von/bis and only the modifier columns in use; the total row says "Summe".
    expect(columns(F.eintritte)).toEqual(['Zeilenart', 'Instrument', 'Instrument-ID', 'Eintritte 2030 von', 'Eintritte 2030 bis', 'Schreibweise', 'rund', 'enthalten in', 'Fußnote', 'Zusatz', 'Funktion']);
    // Single numbers: one column each; euros, percent, year, decimal, text.
    expect(columns(F.mittel)).toEqual(['Zeilenart', 'Posten', 'Mittel in €', 'Anteil in %', 'Seit', 'Quote', 'Hinweis']);
    // Group numbers, the computed change.
    expect(columns(F.kennzahlen)).toEqual(['Zeilenart', 'Nr.', 'Zweckbestimmung', 'Instrument-ID', 'Eintritte 2030', 'Ansatz 2029', 'Vergleich in %']);
    // Target-group rows and a reference column.
    expect(columns(F.zielgruppen)).toEqual(['Zeilenart', 'Zielgruppe', 'Zielgruppen-ID', 'Rechtsgrundlage', 'Personen']);
    // Only data rows, no numbers, no references: label and value.
    expect(columns(F.plaetze)).toEqual(['Angebot', 'Plätze']);
  });

  it('writes row kinds, the total row last, numbers as numbers and the change computed', () => {
    const k = byFile.get(F.kennzahlen)!;
    expect(k.rows.map((r) => r[0])).toEqual(['Gruppe', 'Zeile', 'darunter', 'Gruppe', 'Zeile', 'Zeile', 'Gruppe', 'Summe']);
    expect(k.rows.at(-1)).toEqual(['Summe', '', 'Insgesamt', '', 410, 510, -20]);
    // Not printed in the data, computed: (0 − 10) / 10.
    expect(k.rows[6]).toEqual(['Gruppe', 'III.', 'Sonstiges', '', 0, 10, -100]);
    expect(byFile.get(F.eintritte)!.rows[1]!.slice(0, 6)).toEqual(['Zeile', 'Beta-Kurs', 'beta', 25, 30, 'klammer']);
    expect(byFile.get(F.zielgruppen)!.rows.map((r) => r[0])).toEqual(['Zeile', 'davon', 'davon', 'Zeile', 'Hinweis', 'Summe']);
    expect(byFile.get(F.mittel)!.rows[0]).toEqual(['Zeile', 'Personal', 1200.5, 40, 2019, 1.25, '=SUMME(B2:B4)']);
  });

  it('gives each column its Table Schema type from the column type', () => {
    expect(byFile.get(F.mittel)!.types).toEqual(['string', 'string', 'number', 'number', 'integer', 'number', 'string']);
    expect(byFile.get(F.kennzahlen)!.types).toEqual(['string', 'string', 'string', 'string', 'integer', 'integer', 'integer']);
  });

  it('names modifier columns after their column when two columns have ranges, and says "in Euro" for Tsd./Mio. columns', () => {
    const t = tableSchema.parse({
      id: 'zwei',
      caption: 'Zwei Bereiche',
      columns: [{ header: 'Art' }, { key: 'a', header: 'Plätze', type: 'count' }, { key: 'b', header: 'Mittel', type: 'euros', unit: 'mio' }],
      rows: [{ label: 'x', a: { min: 1, max: 2 }, b: { value: 1500000, approximate: true } }],
    });
    const d = chapterDataTable({ title: 'T', year: 2030 }, { number: '1.2.', slug: 's', title: 'S' }, t);
    expect(d.file).toBe('2030-1-2-s-zwei');
    expect(d.columns).toEqual(['Art', 'Plätze von', 'Plätze bis', 'Plätze Schreibweise', 'Mittel (in Euro) von', 'Mittel (in Euro) bis', 'Mittel (in Euro) rund']);
    expect(d.rows).toEqual([['x', 1, 2, 'bis', 1500000, 1500000, 'ja']]);
  });
});

describe('toCsv and toJson', () => {
  const sample: DataTable = { file: 'x', title: 'T', source: 'S', columns: ['a', 'b;c', 'd'], types: ['integer', 'string', 'string'], rows: [[1, 'x; "y"', ' lead'], [2, 'line\nbreak', '']] };

  it('writes UTF-8 with BOM, ";" and CRLF, quoting where needed', () => {
    const csv = toCsv(sample);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toContain('a;"b;c";d\r\n1;"x; ""y""";" lead"\r\n2;"line\nbreak";\r\n');
    expect(parseCsvText(csv.slice(1)).map((r) => r.cells)).toEqual([sample.columns, ['1', 'x; "y"', ' lead'], ['2', 'line\nbreak', '']]);
  });

  it('writes numbers without thousands separator, with a decimal comma in CSV and a point in JSON', () => {
    const csv = toCsv(byFile.get(F.mittel)!);
    expect(csv).toContain('\r\nZeile;Personal;1200,5;40;2019;1,25;');
    expect(csv).toContain('\r\nSumme;Insgesamt;3000;100;;;\r\n');
    expect(toCsv(byFile.get(F.kennzahlen)!)).toContain('\r\nSumme;;Insgesamt;;410;510;-20\r\n');
    const json = JSON.parse(toJson(byFile.get(F.mittel)!)) as { rows: Record<string, unknown>[] };
    expect(json.rows[1]).toMatchObject({ Posten: 'Sachmittel', 'Mittel in €': 800.25, 'Anteil in %': 26.7, Hinweis: '@extern' });
  });

  it('marks texts a spreadsheet would compute or convert with an apostrophe, and only those', () => {
    const csv = toCsv(byFile.get(F.mittel)!) + toCsv(byFile.get(F.eintritte)!);
    expect(csv).toContain(";'=SUMME(B2:B4)\r\n");
    expect(csv).toContain(";'@extern\r\n");
    expect(csv).toContain(";'1.1\r\n");
    expect(csv).toContain(";'-Vorbereitung auf den Arbeitsmarkt\r\n");
    expect(csv).toContain(";'=Qualifizierung\r\n");
    expect(csv).not.toMatch(/;'(Personal|Coaching|\d+;)/);
    for (const s of ['=SUMME(B2:B4)', '-x', "'=x", "'plain", '2021', 'Text']) expect(unmarkText(toCsv({ columns: [s], rows: [] }).slice(1, -2).replace(/^"|"$/g, ''))).toBe(s);
  });

  it('every exported table reads back to the same cells', () => {
    for (const t of tables) {
      const cells = parseCsvText(toCsv(t).slice(1)).map((r) => r.cells.map(unmarkText));
      expect(cells).toEqual([t.columns, ...t.rows.map((r) => r.map((v) => (typeof v === 'number' ? String(v).replace('.', ',') : v)))]);
    }
  });
});

describe('planImport', () => {
  it('export → import of every table changes nothing', () => {
    const plan = planImport(content, 2030, tables.map(csvOf));
    expect(plan).toEqual({ files: [], changes: [], notes: [] });
  });

  it('an edited number and its total change exactly those two values; the next export gives the CSV back byte for byte', () => {
    const input = edited(F.eintritte, {
      'Alpha-Maßnahme': { 'Eintritte 2030 von': 130, 'Eintritte 2030 bis': 130 },
      Summe: { 'Eintritte 2030 von': 235, 'Eintritte 2030 bis': 240 },
    });
    const plan = planImport(content, 2030, [input]);
    expect(plan.files.map((f) => f.path)).toEqual([ZAHLEN]);
    expect(changedLines(fileText(ZAHLEN), plan.files[0]!.text)).toEqual([
      ['      - { instrument: alpha, label: Alpha-Maßnahme, entries: 120, function: "-Vorbereitung auf den Arbeitsmarkt" }', '      - { instrument: alpha, label: Alpha-Maßnahme, entries: 130, function: "-Vorbereitung auf den Arbeitsmarkt" }'],
      ['    total: { label: Summe, entries: { min: 225, max: 230, notation: klammer } }', '    total: { label: Summe, entries: { min: 235, max: 240, notation: klammer } }'],
    ]);
    expect(plan.changes).toEqual([
      `${ZAHLEN}  ${F.eintritte}  alpha, Eintritte 2030: 120 → 130`,
      `${ZAHLEN}  ${F.eintritte}  Summe, Eintritte 2030: 225 (bis 230) → 235 (bis 240)`,
    ]);
    const after = checkFiles(files.map((f) => (f.path === ZAHLEN ? { ...f, text: plan.files[0]!.text } : f)));
    expect(after.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    const again = dataTables(yearData(after, 2030)).find((x) => x.file === F.eintritte)!;
    expect(toCsv(again)).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(input.bytes));
  });

  it('a change that creates or removes a range is refused without --ranges, naming the cell and the change', () => {
    const problems = problemsOf(content, 2030, [
      edited(F.plaetze, { 'Kurs A': { Plätze: '10 bis 14' } }),
      edited(F.eintritte, { 'Alpha-Maßnahme': { 'Eintritte 2030 von': 110 }, Summe: { 'Eintritte 2030 von': 215 } }),
    ]);
    expect(problems).toEqual([
      `${F.plaetze}.csv:2  Spalte „Plätze“  Einzelwert wird Bereich: 10 → 10 bis 14; ein Bereich entsteht oder entfällt nur mit --ranges (gewollt? dann mit --ranges einlesen; sonst eine einzelne Zahl eintragen)`,
      `${F.eintritte}.csv:2  Spalte „Eintritte 2030 von“  Einzelwert wird Bereich: 120 → 110 bis 120; ein Bereich entsteht oder entfällt nur mit --ranges (gewollt? dann mit --ranges einlesen; sonst in „von“ und „bis“ dieselbe Zahl eintragen)`,
    ]);
  });

  it('with --ranges a single number becomes a range and a range a single number, and the summary says so', () => {
    const plan = planImport(content, 2030, [
      edited(F.plaetze, { 'Kurs A': { Plätze: '10 bis 14' } }),
      edited(F.eintritte, { 'Beta-Kurs': { 'Eintritte 2030 bis': 25, Schreibweise: '' }, Summe: { 'Eintritte 2030 bis': 225, Schreibweise: '' } }),
    ], { ranges: true });
    const text = plan.files.map((f) => f.text).join('\n');
    expect(text).toContain('- { label: Kurs A, places: { min: 10, max: 14 } }');
    expect(text).toContain('- { instrument: beta, label: Beta-Kurs, entries: 25, function: "=Qualifizierung" }');
    expect(text).toContain('total: { label: Summe, entries: 225 }');
    expect(plan.changes).toContain(`programmes/2030/chapters/03-anhang.mdx  ${F.plaetze}  Kurs A, Plätze: 10 → 10 bis 14 (Einzelwert wird Bereich)`);
    expect(plan.changes).toContain(`${ZAHLEN}  ${F.eintritte}  beta, Eintritte 2030: 25 (bis 30) → 25 (Bereich wird Einzelwert)`);
    // The comment between the rows and the block-style row stay as written.
    expect(text).toContain('# a comment that must survive every import');
  });

  it('reads euros with cents (also with German thousands), percent, decimals and years; fills an empty cell', () => {
    const plan = planImport(content, 2030, [
      edited(F.mittel, {
        Personal: { 'Mittel in €': '1.300,75', Quote: '1,5' },
        Reserve: { 'Mittel in €': 899 },
        Summe: { Seit: 2030 },
      }),
    ]);
    expect(changedLines(fileText(ZAHLEN), plan.files[0]!.text).map(([, b]) => b!.trim())).toEqual([
      '- { label: Personal, amount: 1300.75, share: 40, since: 2019, rate: 1.5, note: "=SUMME(B2:B4)" }',
      '- { label: Reserve, amount: 899, share: 33.3, since: 2030, rate: 2, note: "1.1" }',
      'total: { label: Insgesamt, amount: 3000, share: 100, since: 2030 }',
    ]);
  });

  it('modifiers are written as the content format writes them', () => {
    const plan = planImport(content, 2030, [
      edited(F.eintritte, {
        'Beta-Kurs': { 'Eintritte 2030 bis': 35, Schreibweise: 'strich' },
        'Epsilon-Angebot': { rund: 'ja', Zusatz: '' },
        Summe: { 'Eintritte 2030 bis': 235 },
      }),
    ]);
    const text = plan.files[0]!.text;
    expect(text).toContain('entries: { min: 25, max: 35, notation: strich }');
    expect(text).toContain('        entries: { value: 20, approximate: true }');
    expect(text).toContain('total: { label: Summe, entries: { min: 225, max: 235, notation: klammer } }');
  });

  it('a changed text and a changed computed change are reported, not imported', () => {
    const plan = planImport(content, 2030, [
      edited(F.eintritte, { 'Alpha-Maßnahme': { Instrument: 'Alpha-Neu', Funktion: 'anders' } }),
      edited(F.kennzahlen, { Kurse: { 'Vergleich in %': 99 } }),
    ]);
    expect(plan.files).toEqual([]);
    expect(plan.notes.join('\n')).toMatch(/2030-ii-zahlen-eintritte\.csv:2 {2}Spalte „Instrument“ {2}Text geändert, wird nicht eingelesen .*„Alpha-Neu“/);
    expect(plan.notes.join('\n')).toMatch(/Spalte „Funktion“ {2}Text geändert/);
    expect(plan.notes.join('\n')).toContain(`${F.kennzahlen}.csv:6  Spalte „Vergleich in %“  wird berechnet, nicht eingelesen (aus den Zahlen der Zeile: 20 %)`);
  });

  it('checks the whole table again: total, group subtotal, "davon" rows, shares, printed change — at their CSV lines', () => {
    const problems = problemsOf(content, 2030, [
      edited(F.eintritte, { 'Alpha-Maßnahme': { 'Eintritte 2030 von': 121, 'Eintritte 2030 bis': 121 } }),
      edited(F.kennzahlen, { Kurse: { 'Eintritte 2030': 70 } }),
      edited(F.zielgruppen, { 'davon unter 18': { Personen: 41 } }),
      edited(F.mittel, { Personal: { 'Anteil in %': '40,1' } }),
    ]).join('\n');
    expect(problems).toContain(`${F.eintritte}.csv:7  „Summe“  Tabelle „eintritte“, Spalte „Eintritte 2030“: Summe angegeben 225 bis 230, aus den Zeilen berechnet 226 bis 231`);
    expect(problems).toMatch(new RegExp(`${F.kennzahlen}\\.csv:5 {2}„II\\. Weiterbildung“ {2}Tabelle „kennzahlen“, Gruppe „II\\. Weiterbildung“, Spalte „Eintritte 2030“: angegeben 110, aus den Zeilen der Gruppe berechnet 120`));
    expect(problems).toMatch(new RegExp(`${F.kennzahlen}\\.csv:6 {2}„Kurse“ {2}Tabelle „kennzahlen“, Zeile „Kurse“, Spalte „Vergleich“: gedruckt \\+?20\\s%, berechnet \\+?40\\s%`));
    expect(problems).toMatch(new RegExp(`${F.zielgruppen}\\.csv:3 {2}„davon unter 18“ {2}.*„davon“-Zeilen von „Junge Menschen“.*zusammen 101, die Zeile darüber hat 100`));
    expect(problems).toMatch(/Anteile ergeben zusammen 100,1\s%, erwartet 100 %/);
  });

  it('refuses bad cells, all at once, with line, column, expected and found', () => {
    const problems = problemsOf(content, 2030, [
      edited(F.eintritte, {
        'Alpha-Maßnahme': { 'Eintritte 2030 von': 'achthundert' },
        'Beta-Kurs': { 'Eintritte 2030 von': 40 },
        'Gamma-Coaching': { 'enthalten in': 'alfa', rund: 'vielleicht' },
        'Delta-Hilfe': { Schreibweise: 'strich' },
        'Epsilon-Angebot': { 'Eintritte 2030 von': '-5' },
      }),
      edited(F.mittel, { Personal: { 'Mittel in €': '1200,505' }, Sachmittel: { 'Mittel in €': '800,25 €', 'Anteil in %': '26.7' }, Reserve: { Seit: 1800, Quote: '2,125' } }),
      edited(F.zielgruppen, { 'Alle Angaben geschätzt.': { Personen: 5 }, Summe: { Personen: '' } }),
    ]);
    const all = problems.join('\n');
    const expectLine = (file: string, line: number, column: string, message: string) => expect(all).toContain(`${file}.csv:${line}  Spalte „${column}“  ${message}`);
    expectLine(F.eintritte, 2, 'Eintritte 2030 von', 'erwartet eine ganze Zahl ≥ 0 ohne Nachkommastellen (z. B. 1800), gefunden: „achthundert“');
    expectLine(F.eintritte, 3, 'Eintritte 2030 bis', 'erwartet einen Wert ≥ 40 (von), gefunden: 30');
    expectLine(F.eintritte, 4, 'enthalten in', 'unbekanntes Instrument „alfa“: erwartet eine Instrument-ID aus instruments.yaml, meinten Sie „alpha“?');
    expectLine(F.eintritte, 4, 'rund', 'erwartet „ja“ oder nichts, gefunden: „vielleicht“');
    expectLine(F.eintritte, 5, 'Schreibweise', 'erwartet nichts (die Schreibweise gilt nur für Bereiche von … bis), gefunden: „strich“');
    expectLine(F.eintritte, 6, 'Eintritte 2030 von', 'erwartet eine ganze Zahl ≥ 0 ohne Nachkommastellen (z. B. 1800), gefunden: „-5“');
    expectLine(F.mittel, 2, 'Mittel in €', 'erwartet einen Betrag ≥ 0 in Euro mit höchstens zwei Nachkommastellen nach dem Komma, ohne „€“ (z. B. 1234,56), gefunden: „1200,505“');
    expectLine(F.mittel, 3, 'Mittel in €', 'erwartet einen Betrag ≥ 0 in Euro mit höchstens zwei Nachkommastellen nach dem Komma, ohne „€“ (z. B. 1234,56), gefunden: „800,25 €“');
    expectLine(F.mittel, 3, 'Anteil in %', 'erwartet eine Prozentzahl ohne „%“ mit höchstens 1 Nachkommastellen, Nachkommastellen nach einem Komma (z. B. 12,5), gefunden: „26.7“');
    expectLine(F.mittel, 4, 'Seit', 'erwartet eine Jahreszahl von 1900 bis 2100 (z. B. 2021), gefunden: „1800“');
    expectLine(F.mittel, 4, 'Quote', 'erwartet eine Zahl mit höchstens 2 Nachkommastellen, Nachkommastellen nach einem Komma (z. B. 3,25), gefunden: „2,125“');
    expectLine(F.zielgruppen, 6, 'Personen', 'erwartet eine leere Zelle (eine Hinweiszeile hat keine Zahlen), gefunden: „5“');
    expectLine(F.zielgruppen, 7, 'Personen', 'erwartet eine ganze Zahl ≥ 0 ohne Nachkommastellen (z. B. 1800), gefunden: eine leere Zelle (Zahlen löschen nur in programmes/2030/chapters/02-zahlen.mdx)');
    expect(problems).toHaveLength(13);
  });

  it('refuses unknown, doubled and missing rows', () => {
    const t = byFile.get(F.kennzahlen)!;
    const renamed = t.rows.map((r) => (r[2] === 'Kurse' ? r.map((v, i) => (i === 2 ? 'Kurse neu' : v)) : r));
    const e = byFile.get(F.eintritte)!;
    const problems = problemsOf(content, 2030, [
      csvOf({ ...t, rows: renamed }),
      csvOf({ ...e, rows: [...e.rows.map((r) => (r[2] === 'gamma' ? r.map((v, i) => (i === 2 ? 'gamma-neu' : v)) : r)), e.rows[0]!] }),
    ]).join('\n');
    expect(problems).toContain(`${F.kennzahlen}.csv:6  „Kurse neu“  unbekannte Zeile „Kurse neu“: erwartet eine Zeile dieser Tabelle (Zeilen hinzufügen, löschen oder umbenennen nur in ${ZAHLEN})`);
    expect(problems).toContain(`${F.kennzahlen}.csv:1  „Kurse“  Zeile fehlt`);
    expect(problems).toContain(`${F.eintritte}.csv:4  „gamma-neu“  unbekanntes Instrument „gamma-neu“: erwartet eine Instrument-ID aus instruments.yaml, meinten Sie „gamma“?`);
    expect(problems).toContain(`${F.eintritte}.csv:8  „alpha“  Zeile doppelt (schon in Zeile 2)`);
  });

  it('matches rows by their id or label, not by their place: a sorted file reads the same', () => {
    const t = byFile.get(F.eintritte)!;
    const sorted = [...t.rows].sort((a, b) => String(b[1]).localeCompare(String(a[1])));
    expect(planImport(content, 2030, [csvOf({ ...t, rows: sorted })])).toEqual({ files: [], changes: [], notes: [] });
  });

  it('refuses broken encoding, a wrong separator, a changed header, an unknown file name and a table given twice', () => {
    const t = byFile.get(F.mittel)!;
    const latin1 = Uint8Array.from(toCsv(byFile.get(F.eintritte)!).slice(1), (ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63));
    const comma = enc(toCsv(t).replaceAll(';', ','));
    const header = enc(toCsv({ ...t, columns: t.columns.map((c) => (c === 'Seit' ? 'Ab' : c)) }));
    const problems = [
      problemsOf(content, 2030, [{ name: `${F.eintritte}.csv`, bytes: latin1 }]),
      problemsOf(content, 2030, [{ name: `${F.mittel}.csv`, bytes: comma }]),
      problemsOf(content, 2030, [{ name: `${F.mittel}.csv`, bytes: header }]),
      problemsOf(content, 2030, [{ name: '2030-ii-zahlen-mitel.csv', bytes: enc(toCsv(t)) }]),
      problemsOf(content, 2030, [csvOf(t), csvOf(t)]),
    ];
    expect(problems[0]![0]).toMatch(/^2030-ii-zahlen-eintritte\.csv:1 {2}\(Datei\) {2}erwartet Text in UTF-8, gefunden: Byte 0x[0-9A-F]{2}.*CSV UTF-8/);
    expect(problems[1]![0]).toContain('falsches Trennzeichen: erwartet „;“ zwischen den Spalten, gefunden: „,“');
    expect(problems[2]![0]).toMatch(/Kopfzeile: erwartet die Spalten .*„Seit“.*gefunden: .*„Ab“.*\(erste Abweichung in Spalte 5\)/);
    expect(problems[3]![0]).toContain(`meinten Sie „${F.mittel}.csv“?`);
    expect(problems[4]).toEqual([`${F.mittel}.csv:1  (Dateiname)  dieselbe Tabelle wurde zweimal angegeben`]);
  });
});

describe('the commands on a temporary copy of the fixture', { timeout: 60_000 }, () => {
  const copy = tempContent(fixtureDir('tables'));
  const out = tempDir('export');
  afterAll(() => {
    copy.cleanup();
    out.cleanup();
  });
  const csv = (file: string) => path.join(out.dir, `${file}.csv`);

  it('export writes every table; importing them all changes no data file', () => {
    const r = runCommand('export', ['2030', '--csv', '--out', out.dir], copy.dir);
    expect(r.status).toBe(0);
    for (const t of tables) expect(readFileSync(csv(t.file), 'utf8')).toBe(toCsv(t));
    // The export folder describes itself, like the downloads of the site.
    const pkg = JSON.parse(readFileSync(path.join(out.dir, 'datapackage.json'), 'utf8')) as { resources: (CsvResource & { path: string })[] };
    expect(pkg.resources.map((r) => r.path)).toEqual(tables.map((t) => `${t.file}.csv`));
    for (const r of pkg.resources) expect(validateCsv(readFileSync(path.join(out.dir, r.path), 'utf8'), r)).toEqual([]);
    const before = hashTree(copy.dir);
    const i = runCommand('import', ['2030', ...tables.map((t) => csv(t.file))], copy.dir);
    expect(i.output).toContain('Keine Zahlen geändert');
    expect(i.status).toBe(0);
    expect(hashTree(copy.dir)).toEqual(before);
  });

  it('import refuses bad files — all listed at once — and writes nothing', () => {
    const original = readFileSync(csv(F.mittel), 'utf8');
    writeFileSync(csv(F.mittel), original.replace('Personal;1200,5;', 'Personal;zwölfhundert;'));
    const plaetze = readFileSync(csv(F.plaetze), 'utf8');
    writeFileSync(csv(F.plaetze), plaetze.replaceAll(';', '\t'));
    const before = hashTree(copy.dir);
    const r = runCommand('import', ['2030', csv(F.mittel), csv(F.plaetze)], copy.dir);
    writeFileSync(csv(F.mittel), original);
    writeFileSync(csv(F.plaetze), plaetze);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/2030-ii-zahlen-mittel\.csv:2 {2}Spalte „Mittel in €“ .*gefunden: „zwölfhundert“/);
    expect(r.stderr).toMatch(/2030-anhang-plaetze\.csv:1 .*falsches Trennzeichen/);
    expect(r.stderr).toContain('Import abgelehnt: es wurde nichts geändert.');
    expect(hashTree(copy.dir)).toEqual(before);
  });

  it('an edited CSV goes in, and the next export gives it back byte for byte', () => {
    const file = csv(F.plaetze);
    const changed = readFileSync(file, 'utf8').replace('Kurs B;12', 'Kurs B;15');
    writeFileSync(file, changed);
    // A re-export over the edited, not yet imported file asks for --force.
    const refused = runCommand('export', ['2030', '--csv', '--out', out.dir], copy.dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${F.plaetze}.csv: seit dem letzten Export oder Import geändert (zuletzt eingelesen am `);
    expect(refused.stderr).toContain('oder mit --force überschreiben');
    expect(readFileSync(file, 'utf8')).toBe(changed);
    const r = runCommand('import', ['2030', file], copy.dir);
    expect(r.stdout).toContain(`Geändert: `);
    expect(r.stdout).toContain('1 Datei(en) geschrieben');
    expect(r.status).toBe(0);
    const again = tempDir('export-again');
    try {
      expect(runCommand('export', ['2030', '--csv', '--out', again.dir], copy.dir).status).toBe(0);
      expect(readFileSync(path.join(again.dir, `${F.plaetze}.csv`), 'utf8')).toBe(changed);
    } finally {
      again.cleanup();
    }
  });
});
