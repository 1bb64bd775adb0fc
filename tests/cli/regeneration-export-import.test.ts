/**
 * Spreadsheet round trip: `npm run export` writes every table of a year as CSV; `npm run import`
 * reads edited figures back. Export → import changes nothing (byte for byte); an edit changes
 * exactly the edited values; bad input is refused with its message and no file is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckResult, formatProblem, yearData } from '../../src/lib/check/index.ts';
import { CSV_BOM, type DataTable, dataTables, ID_COLUMN, toCsv, toJson, TOTAL_ID } from '../../src/lib/export/index.ts';
import { parseCsvText } from '../../src/lib/import/csv.ts';
import { ImportError, planImport } from '../../src/lib/import/index.ts';
import { scaffoldYear } from '../../scripts/lib/new-year.ts';
import { checkFiles, contentFiles, hashTree, replaceOnce, runCommand, tempContent, tempDir } from '../lib/regeneration.ts';

const files = contentFiles();
const content = checkFiles(files);
const tables = dataTables(yearData(content, 2021));
const byFile = new Map(tables.map((t) => [t.file, t]));
const INTEGRATION = '2021-5-1-integration-instrumente';
const enc = (s: string) => new TextEncoder().encode(s);
const csvOf = (t: DataTable) => ({ name: `${t.file}.csv`, bytes: enc(toCsv(t)) });

/** The CSV of a table with cells changed: rows found by the first cell, columns by header. */
function edited(file: string, changes: Record<string, Record<string, string | number>>): { name: string; bytes: Uint8Array } {
  const t = byFile.get(file)!;
  const rows = t.rows.map((r) => {
    const c = changes[String(r[0])];
    return c ? r.map((v, i) => (t.columns[i]! in c ? c[t.columns[i]!]! : v)) : r;
  });
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

describe('dataTables', () => {
  it('gives every table of the year once, with stable ASCII file names', () => {
    const chapterTables = content.years.find((y) => y.year === 2021)!.chapters.reduce((n, c) => n + c.data.tables.length, 0);
    expect(tables.length).toBe(chapterTables + 2); // key figures and the "further possibilities" below them
    expect(new Set(tables.map((t) => t.file)).size).toBe(tables.length);
    for (const t of tables) expect(t.file).toMatch(/^2021-[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(byFile.has('2021-kennzahlen')).toBe(true);
    expect(byFile.has(INTEGRATION)).toBe(true);
  });

  it('has an instrument id for each row, separate from/to columns and the Summe row that adds up', () => {
    const t = byFile.get(INTEGRATION)!;
    expect(t.columns.slice(0, 4)).toEqual([ID_COLUMN, 'Instrument', 'Eintritte 2021 von', 'Eintritte 2021 bis']);
    const rows = t.rows.filter((r) => r[0] !== TOTAL_ID);
    const total = t.rows.find((r) => r[0] === TOTAL_ID)!;
    const included = t.columns.indexOf('enthalten in');
    const sum = (col: number) => rows.filter((r) => r[included] === '').reduce((s, r) => s + (r[col] as number), 0);
    expect(total[2]).toBe(sum(2));
    expect(total[3]).toBe(sum(3));
    for (const r of rows) expect(content.instruments.has(String(r[0]))).toBe(true);
  });

  it('computes the "Vergleich" of the key figures from the two columns', () => {
    const t = byFile.get('2021-kennzahlen')!;
    const [entries, previous, change] = [4, 5, 6];
    for (const r of t.rows) {
      const p = r[previous] as number;
      expect(r[change]).toBe(p === 0 ? '' : Math.sign((r[entries] as number) - p) * Math.round(Math.abs((((r[entries] as number) - p) / p) * 100)));
    }
  });
});

describe('toCsv and toJson', () => {
  const sample: DataTable = { file: 'x', title: 'T', source: 'S', columns: ['a', 'b;c', 'd'], rows: [[1, 'x; "y"', ' lead'], [2, 'line\nbreak', '']] };

  it('writes UTF-8 with BOM, ";" and CRLF, quoting where needed', () => {
    const csv = toCsv(sample);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('a;"b;c";d\r\n1;"x; ""y""";" lead"\r\n2;"line\nbreak";\r\n');
    expect(parseCsvText(csv.slice(1)).map((r) => r.cells)).toEqual([sample.columns, ['1', 'x; "y"', ' lead'], ['2', 'line\nbreak', '']]);
  });

  it('every exported table reads back to the same cells', () => {
    for (const t of tables) {
      const cells = parseCsvText(toCsv(t).slice(1)).map((r) => r.cells);
      expect(cells).toEqual([t.columns, ...t.rows.map((r) => r.map(String))]);
    }
  });

  it('writes JSON rows keyed by the column headers', () => {
    const json = JSON.parse(toJson(byFile.get(INTEGRATION)!)) as { title: string; rows: Record<string, unknown>[] };
    expect(json.title).toBe(byFile.get(INTEGRATION)!.title);
    expect(json.rows[0]![ID_COLUMN]).toBe(byFile.get(INTEGRATION)!.rows[0]![0]);
  });
});

describe('planImport', () => {
  it('export → import of every table changes nothing', () => {
    const plan = planImport(content, 2021, tables.map(csvOf));
    expect(plan.files).toEqual([]);
    expect(plan.changes).toEqual([]);
    expect(plan.notes).toEqual([]);
  });

  it('an edited number and its total change exactly those two values in the chapter file', () => {
    const t = byFile.get(INTEGRATION)!;
    const old = t.rows.find((r) => r[0] === 'talentcenter')![2] as number;
    const oldTotal = t.rows.find((r) => r[0] === TOTAL_ID)![2] as number;
    const input = edited(INTEGRATION, {
      talentcenter: { 'Eintritte 2021 von': old + 8, 'Eintritte 2021 bis': old + 8 },
      [TOTAL_ID]: { 'Eintritte 2021 von': oldTotal + 8, 'Eintritte 2021 bis': oldTotal + 8 },
    });
    const plan = planImport(content, 2021, [input]);
    expect(plan.files.map((f) => f.path)).toEqual(['programmes/2021/chapters/06-integration.mdx']);
    const before = files.find((f) => f.path === plan.files[0]!.path)!.text;
    expect(changedLines(before, plan.files[0]!.text)).toEqual([
      [`        entries: ${old}`, `        entries: ${old + 8}`],
      [`    total: { label: Summe, entries: ${oldTotal} }`, `    total: { label: Summe, entries: ${oldTotal + 8} }`],
    ]);
    // The new data are valid, and exporting them gives the edited CSV back byte for byte.
    const after = checkFiles(files.map((f) => (f.path === plan.files[0]!.path ? { ...f, text: plan.files[0]!.text } : f)));
    expect(after.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    const again = dataTables(yearData(after, 2021)).find((x) => x.file === INTEGRATION)!;
    expect(toCsv(again)).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(input.bytes));
  });

  it('ranges, "rund" and modifiers are written as the content format writes them', () => {
    const plan = planImport(content, 2021, [
      edited('2021-5-8-gefluechtete-instrumente', {
        'arbeiten-und-lernen': { 'Eintritte 2021 bis': 35 },
        'foerderzentrum-fluechtlinge': { 'Eintritte 2021 bis': 150, Schreibweise: 'strich' },
        'perspektive-handwerk': { rund: 'ja' },
        [TOTAL_ID]: { 'Eintritte 2021 bis': 675 },
      }),
    ]);
    const text = plan.files[0]!.text;
    expect(text).toContain('entries: { min: 25, max: 35, notation: klammer }');
    expect(text).toContain('entries: { min: 140, max: 150, notation: strich }');
    expect(text).toContain('entries: { value: 60, approximate: true }');
    expect(text).toContain('total: { label: Summe, entries: { min: 655, max: 675, notation: strich } }');
  });

  it('a changed text is reported, not imported', () => {
    const plan = planImport(content, 2021, [edited(INTEGRATION, { talentcenter: { Instrument: 'Talent-Center' } })]);
    expect(plan.files).toEqual([]);
    expect(plan.notes.join('\n')).toMatch(/Spalte „Instrument“.*Text geändert, wird nicht eingelesen/);
  });

  it('refuses a wrong total, with the CSV line, the declared and the computed value', () => {
    const t = byFile.get(INTEGRATION)!;
    const old = t.rows.find((r) => r[0] === 'talentcenter')![2] as number;
    const problems = problemsOf(content, 2021, [edited(INTEGRATION, { talentcenter: { 'Eintritte 2021 von': old + 8, 'Eintritte 2021 bis': old + 8 } })]);
    const totalLine = t.rows.findIndex((r) => r[0] === TOTAL_ID) + 2;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${INTEGRATION}\\.csv:${totalLine} {2}„Summe“ {2}Tabelle „instrumente“: Summe angegeben .*, aus den Zeilen berechnet`));
  });

  it('refuses text in a number column, an unknown instrument, a bad "rund", all at once', () => {
    const problems = problemsOf(content, 2021, [
      edited(INTEGRATION, { talentcenter: { 'Eintritte 2021 von': 'achthundert' }, einstiegsgeld: { rund: 'vielleicht', 'enthalten in': 'fbw' } }),
      edited('2021-5-7-jugendliche-instrumente', { 'job-ag': { [ID_COLUMN]: 'job-ag-neu' } }),
    ]);
    expect(problems.join('\n')).toContain('Spalte „Eintritte 2021 von“  erwartet eine ganze Zahl ohne Nachkommastellen (z. B. 1800), gefunden: „achthundert“');
    expect(problems.join('\n')).toContain('Spalte „rund“  erwartet „ja“ oder nichts, gefunden: „vielleicht“');
    expect(problems.join('\n')).toContain('Spalte „enthalten in“  unbekanntes Instrument „fbw“');
    expect(problems.join('\n')).toMatch(/2021-5-7-jugendliche-instrumente\.csv:2 {2}„job-ag-neu“ {2}unbekanntes Instrument „job-ag-neu“.*meinten Sie „job-ag“/);
  });

  it('accepts German thousands ("1.000") as numbers', () => {
    const plan = planImport(content, 2021, [edited(INTEGRATION, { einstiegsgeld: { 'Eintritte 2021 von': '1.000', 'Eintritte 2021 bis': '1.000' } })]);
    expect(plan.files).toEqual([]);
  });

  it('refuses broken encoding, a wrong separator, a changed header and an unknown file name', () => {
    const t = byFile.get(INTEGRATION)!;
    const latin1 = Uint8Array.from(toCsv(t).slice(1), (ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63));
    const comma = enc(toCsv(t).replaceAll(';', ','));
    const header = enc(toCsv({ ...t, columns: t.columns.map((c) => (c === 'rund' ? 'ca.' : c)) }));
    const problems = [
      problemsOf(content, 2021, [{ name: `${INTEGRATION}.csv`, bytes: latin1 }]),
      problemsOf(content, 2021, [{ name: `${INTEGRATION}.csv`, bytes: comma }]),
      problemsOf(content, 2021, [{ name: `${INTEGRATION}.csv`, bytes: header }]),
      problemsOf(content, 2021, [{ name: '2021-5-1-integraton-instrumente.csv', bytes: enc(toCsv(t)) }]),
    ];
    expect(problems[0]![0]).toMatch(/erwartet Text in UTF-8, gefunden: Byte 0x[0-9A-F]{2}.*CSV UTF-8/);
    expect(problems[1]![0]).toContain('falsches Trennzeichen: erwartet „;“ zwischen den Spalten, gefunden: „,“');
    expect(problems[2]![0]).toMatch(/Kopfzeile: erwartet die Spalten .*„rund“.*gefunden: .*„ca\.“/);
    expect(problems[3]![0]).toContain(`meinten Sie „${INTEGRATION}.csv“?`);
  });

  it('key figures of a printed year keep their printed percentages: a change is refused at its line', () => {
    const t = byFile.get('2021-kennzahlen')!;
    const problems = problemsOf(content, 2021, [edited('2021-kennzahlen', { 'III.2': { 'Eintritte 2021': 1100 }, 'III.': { 'Eintritte 2021': 1560 }, [TOTAL_ID]: { 'Eintritte 2021': 11897 } })]);
    const line = t.rows.findIndex((r) => r[0] === 'III.2') + 2;
    expect(problems.join('\n')).toMatch(new RegExp(`2021-kennzahlen\\.csv:${line} {2}„III\\.2“ {2}Kennzahlen, .*Vergleich gedruckt \\+6\\s%, berechnet \\+17\\s%`));
  });

  it('key figures of a scaffolded year: figures go in, sums are checked per group', () => {
    const scaffold = scaffoldYear(content, 2021, 2022);
    const c22 = checkFiles([...files, ...scaffold]);
    const t22 = dataTables(yearData(c22, 2022)).find((t) => t.file === '2022-kennzahlen')!;
    const edit = (changes: Record<string, Record<string, number>>) => {
      const rows = t22.rows.map((r) => (changes[String(r[0])] ? r.map((v, i) => changes[String(r[0])]![t22.columns[i]!] ?? v) : r));
      return { name: '2022-kennzahlen.csv', bytes: enc(toCsv({ ...t22, rows })) };
    };
    const ok = planImport(c22, 2022, [edit({ 'III.2': { 'Eintritte 2022': 1100 }, 'III.': { 'Eintritte 2022': 1560 }, [TOTAL_ID]: { 'Eintritte 2022': 11897 } })]);
    expect(ok.files).toHaveLength(1);
    expect(ok.changes).toHaveLength(3);
    const bad = problemsOf(c22, 2022, [edit({ 'III.2': { 'Eintritte 2022': 1100 } })]);
    expect(bad.join('\n')).toMatch(/„III\.“ {2}Kennzahlen, III\. .*Spalte „Eintritte“: angegeben 1\.460, aus den Zeilen berechnet 1\.560/);
    expect(bad).toHaveLength(1);
  });
});

describe('the commands on a temporary copy of the content', { timeout: 60_000 }, () => {
  const content = tempContent();
  const out = tempDir('export');
  afterAll(() => {
    content.cleanup();
    out.cleanup();
  });
  const csv = (file: string) => path.join(out.dir, `${file}.csv`);

  it('export writes every table; importing them all changes no data file', () => {
    const r = runCommand('export', ['2021', '--out', out.dir], content.dir);
    expect(r.status).toBe(0);
    for (const t of tables) expect(readFileSync(csv(t.file), 'utf8')).toBe(toCsv(t));
    const before = hashTree(content.dir);
    const i = runCommand('import', ['2021', ...tables.map((t) => csv(t.file))], content.dir);
    expect(i.output).toContain('Keine Zahlen geändert');
    expect(i.status).toBe(0);
    expect(hashTree(content.dir)).toEqual(before);
  });

  it('import refuses a wrong total, text in a number column, an unknown instrument, a wrong separator and broken encoding — all listed at once — and writes nothing', () => {
    const bad: [string, (s: string) => string | Uint8Array, string][] = [
      [INTEGRATION, (s) => s.replace(/^talentcenter;Talentcenter;(\d+);(\d+);/m, (_, a) => `talentcenter;Talentcenter;${Number(a) + 1};${Number(a) + 1};`), 'Summe angegeben'],
      ['2021-5-2-qualifizierung-instrumente', (s) => s.replace(/^ausserbetriebliche-ausbildung;(.*?);(\d+);/m, 'ausserbetriebliche-ausbildung;$1;hundert;'), 'gefunden: „hundert“'],
      ['2021-5-7-jugendliche-instrumente', (s) => s.replace(/^job-ag;/m, 'job-agg;'), 'unbekanntes Instrument „job-agg“'],
      ['2021-5-8-gefluechtete-instrumente', (s) => s.replaceAll(';', '\t'), 'falsches Trennzeichen'],
      ['2021-5-6-alleinerziehende-instrumente', (s) => Uint8Array.from(s.slice(1), (ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63)), 'erwartet Text in UTF-8'],
    ];
    const originals = bad.map(([file]) => readFileSync(csv(file)));
    bad.forEach(([file, change]) => writeFileSync(csv(file), change(readFileSync(csv(file), 'utf8'))));
    const before = hashTree(content.dir);
    const r = runCommand('import', ['2021', ...bad.map(([file]) => csv(file))], content.dir);
    bad.forEach(([file], i) => writeFileSync(csv(file), originals[i]!));
    expect(r.status).toBe(1);
    for (const [file, , message] of bad) expect(r.stderr).toMatch(new RegExp(`${file}\\.csv:\\d+ .*${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(r.stderr).toContain('Import abgelehnt: es wurde nichts geändert.');
    expect(hashTree(content.dir)).toEqual(before);
  });

  it('an edited CSV goes in, and the next export gives it back byte for byte', () => {
    const file = csv(INTEGRATION);
    const original = readFileSync(file, 'utf8');
    const t = byFile.get(INTEGRATION)!;
    const total = t.rows.find((r) => r[0] === TOTAL_ID)![2] as number;
    const changed = original
      .replace(/^einstiegsgeld;(.*?);(\d+);(\d+);/m, (_, label, a) => `einstiegsgeld;${label};${Number(a) + 10};${Number(a) + 10};`)
      .replace(`${TOTAL_ID};Summe;${total};${total};`, `${TOTAL_ID};Summe;${total + 10};${total + 10};`);
    writeFileSync(file, changed);
    const r = runCommand('import', ['2021', file], content.dir);
    expect(r.stdout).toContain('1 Datei(en) geschrieben');
    expect(r.status).toBe(0);
    expect(runCommand('check', [], content.dir).status).toBe(0);
    const again = tempDir('export-again');
    try {
      expect(runCommand('export', ['2021', '--out', again.dir], content.dir).status).toBe(0);
      expect(readFileSync(path.join(again.dir, `${INTEGRATION}.csv`), 'utf8')).toBe(changed);
    } finally {
      again.cleanup();
    }
  });
});

// Keeps the fixture honest: the edits above rely on these rows.
it('fixture rows exist', () => {
  expect(() => replaceOnce('instrument: talentcenter', '')(files.find((f) => f.path.endsWith('06-integration.mdx'))!.text)).not.toThrow();
});
