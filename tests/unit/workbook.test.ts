/**
 * The planners' workbook (src/lib/workbook) on the fixture tests/fixtures/tables: layout of the
 * sheets, formats, formulas, validation and protection as written; export → import changes
 * nothing; edits come back exactly; every bad case is refused with workbook, sheet, row, column,
 * expected and found, and nothing is planned; hostile files are refused before they are parsed.
 * The LibreOffice round trip is in tests/site/workbook-libreoffice.test.ts.
 */
import { deflateRawSync, crc32 } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { yearData } from '../../src/lib/check/index.ts';
import { ImportError, type ImportOptions } from '../../src/lib/import/index.ts';
import { buildWorkbook } from '../../src/lib/workbook/export.ts';
import { planWorkbookImport } from '../../src/lib/workbook/import.ts';
import { sheetNames } from '../../src/lib/workbook/index.ts';
import { checkFiles, hashTree, runCommand, tempContent, tempDir } from '../lib/regeneration.ts';
import { fixtureDir, fixtureFiles } from '../lib/content.ts';

const files = fixtureFiles('tables');
const content = checkFiles(files);
const exported = await buildWorkbook(yearData(content, 2030), content.publisher?.name);
const NAME = 'amip-2030.xlsx';
const ZAHLEN = 'programmes/2030/chapters/02-zahlen.mdx';

/** Messages docs/planung.md quotes: asserted here as the tool writes them, and found in the guide. */
const DOCUMENTED = {
  total: `${NAME}  Blatt „II. eintritte“, Zeile 8  „Summe“  Tabelle „eintritte“, Spalte „Eintritte 2030“: Summe angegeben 225 bis 230, aus den Zeilen berechnet 235 bis 240`,
  range: `${NAME}  Blatt „II. eintritte“, Zeile 3  Spalte D „Eintritte 2030 von“  Einzelwert wird Bereich: 120 → 110 bis 120; ein Bereich entsteht oder entfällt nur mit --ranges (gewollt? dann mit --ranges einlesen; sonst in „von“ und „bis“ dieselbe Zahl eintragen)`,
  divByZero: `${NAME}  Blatt „II. mittel“, Zeile 4  Spalte C „Mittel in €“  die Formel „=1/0“ ergibt den Fehler #DIV/0!; erwartet eine Zahl`,
  date: `${NAME}  Blatt „II. mittel“, Zeile 5  Spalte E „Seit“  erwartet eine Zahl, gefunden: ein Datum (1.1.2030)`,
  text: `${NAME}  Blatt „II. kennzahlen“, Zeile 7  Spalte E „Eintritte 2030“  erwartet eine Zahl, gefunden: der Text „60“ (als Text eingetragen; die Zahl ohne Apostroph und ohne Textformat eintragen)`,
  noValue: `${NAME}  Blatt „II. kennzahlen“, Zeile 10  Spalte E „Eintritte 2030“  Formel „=SUM(E3,E6,E9)“ ohne berechneten Wert: erwartet eine Zahl; die Arbeitsmappe in Excel oder LibreOffice öffnen, speichern und erneut einlesen`,
  negative: `${NAME}  Blatt „II. eintritte“, Zeile 7  Spalte D „Eintritte 2030 von“  erwartet eine ganze Zahl ≥ 0 ohne Nachkommastellen (z. B. 1800), gefunden: „-5“`,
};

const load = async (bytes: Uint8Array = exported) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
};
const save = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
/** The exported workbook with cells changed (as a spreadsheet program would save it). */
async function edited(edit: (wb: ExcelJS.Workbook) => void) {
  const wb = await load();
  edit(wb);
  return save(wb);
}
const plan = (bytes: Uint8Array, options: ImportOptions = {}, name = NAME) => planWorkbookImport(content, 2030, { name, bytes }, options);
async function problemsOf(bytes: Uint8Array, name = NAME): Promise<string[]> {
  try {
    await plan(bytes, {}, name);
  } catch (error) {
    if (error instanceof ImportError) return error.problems;
    throw error;
  }
  throw new Error('erwartet eine Ablehnung');
}
const fileText = (p: string) => files.find((f) => f.path === p)!.text;
const changedLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  return x.map((l, i) => [l, y[i]] as const).filter(([l, m]) => l !== m);
};

/** A ZIP archive of the given parts (deflated), for hand-made hostile files. */
function zip(parts: { name: string; data: Uint8Array; declaredSize?: number }[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const data = deflateRawSync(p.data);
    const size = p.declaredSize ?? p.data.length;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(p.data), 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(p.data), 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, name, data);
    central.push(dir, name);
    offset += head.length + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, cd, end]));
}
const xml = (s: string) => new TextEncoder().encode(s);

describe('the workbook as written', async () => {
  const wb = await load();
  const sheet = (name: string) => wb.getWorksheet(name)!;

  it('has the guide, the programme sheet, a sheet per table in chapter order and a very hidden index', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Anleitung', 'Programm', 'II. eintritte', 'II. mittel', 'II. kennzahlen', 'II. zielgruppen', 'anhang plaetze', '_index']);
    expect(sheet('_index').state).toBe('veryHidden');
    expect(sheet('_index').getCell('B2').value).toBe(2030);
    expect(sheet('_index').getCell('B3').value).toBe('Test-Jobcenter (Testdaten)');
    expect(sheet('_index').getRow(7).values).toEqual([undefined, 'II. eintritte', 'zahlen', 'eintritte', '2030-ii-zahlen-eintritte']);
    expect(String(sheet('Anleitung').getCell('A1').value)).toContain('Arbeitsmappe des Programmjahres 2030');
  });

  it('sheet names: at most 31 characters, none of []:*?/\\, unique, never a fixed sheet', () => {
    const names = sheetNames([
      { chapter: { number: '5.1.', slug: 'a' }, tableId: 'eine-sehr-lange-tabellenkennung-ueber-31' },
      { chapter: { number: '5.1.', slug: 'a' }, tableId: 'eine-sehr-lange-tabellenkennung-ueber-32' },
      { chapter: { number: 'A/B', slug: 'a' }, tableId: 'x[1]' },
      { chapter: { slug: 'programm' }, tableId: '' },
    ]);
    expect(names).toEqual(['5.1. eine-sehr-lange-tabellenke', '5.1. eine-sehr-lange-tabell (2)', 'A-B x-1-', 'programm (2)']);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });

  it('numbers are numbers in German display formats; ids, labels and texts are text cells, locked', () => {
    const m = sheet('II. mittel');
    expect(m.getRow(2).values).toEqual([undefined, 'Zeilenart', 'Posten', 'Mittel in €', 'Anteil in %', 'Seit', 'Quote', 'Hinweis']);
    expect(m.getCell('C3').value).toBe(1200.5);
    expect(m.getCell('C3').numFmt).toBe('#,##0.00 "€"');
    expect(m.getCell('D3').numFmt).toBe('#,##0.0 "%"');
    expect(m.getCell('E3').numFmt).toBe('0');
    expect(sheet('II. kennzahlen').getCell('E4').numFmt).toBe('#,##0');
    // A text that Excel would run as a formula stays a text cell.
    expect(m.getCell('G3').value).toBe('=SUMME(B2:B4)');
    expect(m.getCell('G3').type).toBe(ExcelJS.ValueType.String);
    expect(m.getCell('G3').numFmt).toBe('@');
    expect(m.getCell('G4').value).toBe('@extern');
    expect(sheet('II. eintritte').getCell('K3').value).toBe('-Vorbereitung auf den Arbeitsmarkt');
    expect(m.getCell('C3').protection?.locked).toBe(false);
    expect(m.getCell('B3').protection?.locked).not.toBe(false);
    expect(m.getCell('G3').protection?.locked).not.toBe(false);
    // Every sheet protected, without a password (ExcelJS keeps this in an untyped field).
    const protection = (w: ExcelJS.Worksheet) => (w as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
    for (const w of wb.worksheets) expect(protection(w)).toMatchObject({ sheet: true });
    expect(protection(m)).not.toHaveProperty('hashValue');
  });

  it('totals and group subtotals are SUM formulas with their values, locked; "included in" rows do not add', () => {
    const e = sheet('II. eintritte');
    expect(e.getCell('D8').value).toEqual({ formula: 'SUM(D3:D4,D6:D7)', result: 225 });
    expect(e.getCell('E8').value).toEqual({ formula: 'SUM(E3:E4,E6:E7)', result: 230 });
    const k = sheet('II. kennzahlen');
    expect(k.getCell('E6').value).toEqual({ formula: 'SUM(E7:E8)', result: 110 });
    expect(k.getCell('E10').value).toEqual({ formula: 'SUM(E3,E6,E9)', result: 410 });
    // The computed change is live too (ROUND: half away from zero, as on the site); never read back.
    expect(k.getCell('G4').value).toEqual({ formula: 'IF(OR(E4="",F4="",F4=0),"",ROUND((E4-F4)/F4*100,0))', result: -25 });
    expect(k.getCell('G9').value).toMatchObject({ result: -100 });
    // A group without rows keeps its number, editable.
    expect(k.getCell('E9').value).toBe(0);
    expect(k.getCell('E10').protection?.locked).not.toBe(false);
  });

  it('validates number cells by column type', () => {
    expect(sheet('II. kennzahlen').getCell('E4').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(sheet('II. mittel').getCell('C4').dataValidation).toMatchObject({ type: 'custom', formulae: ['AND(ISNUMBER(C4),C4>=0,ROUND(C4,2)=C4)'] });
    expect(sheet('II. mittel').getCell('E3').dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [1900, 2100] });
    expect(sheet('II. eintritte').getCell('F4').dataValidation).toMatchObject({ type: 'list', formulae: ['"bis,klammer,strich"'] });
    expect(sheet('Programm').getCell('B5').value).toBe(3000000.5);
    expect(sheet('Programm').getCell('B5').protection?.locked).toBe(false);
  });
});

describe('planWorkbookImport', () => {
  it('export → import changes nothing', async () => {
    expect(await plan(exported)).toEqual({ files: [], changes: [], notes: [] });
  });

  it('an edited number with its total (as Excel computes it) and the budget change exactly those values', async () => {
    const bytes = await edited((wb) => {
      const e = wb.getWorksheet('II. eintritte')!;
      e.getCell('D3').value = 130;
      e.getCell('E3').value = 130;
      e.getCell('D8').value = { formula: 'SUM(D3:D4,D6:D7)', result: 235 };
      e.getCell('E8').value = { formula: 'SUM(E3:E4,E6:E7)', result: 240 };
      wb.getWorksheet('Programm')!.getCell('B5').value = 3100000;
      wb.getWorksheet('Programm')!.getCell('B6').value = null;
    });
    const p = await plan(bytes);
    expect(p.changes).toEqual([
      `${ZAHLEN}  2030-ii-zahlen-eintritte  alpha, Eintritte 2030: 120 → 130`,
      `${ZAHLEN}  2030-ii-zahlen-eintritte  Summe, Eintritte 2030: 225 (bis 230) → 235 (bis 240)`,
      'programmes/2030/programme.yaml  Eingliederungsbudget: rd. 3.000.000,50 € → 3.100.000 €',
    ]);
    const zahlen = p.files.find((f) => f.path === ZAHLEN)!.text;
    expect(changedLines(fileText(ZAHLEN), zahlen).map(([, b]) => b!.trim())).toEqual([
      '- { instrument: alpha, label: Alpha-Maßnahme, entries: 130, function: "-Vorbereitung auf den Arbeitsmarkt" }',
      'total: { label: Summe, entries: { min: 235, max: 240, notation: klammer } }',
    ]);
    expect(p.files.find((f) => f.path === 'programmes/2030/programme.yaml')!.text).toContain('integrationBudget: { euros: 3100000, approximate: false }');
  });

  it('a total that does not match its rows (formula overwritten) is refused, as in the CSV', async () => {
    const bytes = await edited((wb) => {
      wb.getWorksheet('II. eintritte')!.getCell('D3').value = 130;
      wb.getWorksheet('II. eintritte')!.getCell('E3').value = 130;
    });
    expect(await problemsOf(bytes)).toEqual([DOCUMENTED.total]);
  });

  it('a changed "von" alone makes a range: refused without --ranges, applied with it', async () => {
    const bytes = await edited((wb) => {
      const e = wb.getWorksheet('II. eintritte')!;
      e.getCell('D3').value = 110;
      e.getCell('D8').value = { formula: 'SUM(D3:D4,D6:D7)', result: 215 };
    });
    expect(await problemsOf(bytes)).toEqual([DOCUMENTED.range]);
    const p = await plan(bytes, { ranges: true });
    expect(p.changes[0]).toBe(`${ZAHLEN}  2030-ii-zahlen-eintritte  alpha, Eintritte 2030: 120 → 110 bis 120 (Einzelwert wird Bereich)`);
  });

  it('refuses formulas without a value, error values, texts and dates where numbers belong — all at once, by sheet, row and column', async () => {
    const bytes = await edited((wb) => {
      const k = wb.getWorksheet('II. kennzahlen')!;
      k.getCell('E10').value = { formula: 'SUM(E3,E6,E9)' } as ExcelJS.CellFormulaValue;
      k.getCell('E7').value = '60';
      const m = wb.getWorksheet('II. mittel')!;
      m.getCell('C4').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
      // "1.1." typed into a cell formatted as a date.
      m.getCell('E5').value = new Date(Date.UTC(2030, 0, 1));
      m.getCell('E5').style = { ...m.getCell('E5').style, numFmt: 'dd.mm.yyyy' };
      m.getCell('C3').value = 1200.505;
      wb.getWorksheet('anhang plaetze')!.getCell('B3').value = { formula: 'B4-2', result: 10 };
      // A stored 0 counts (ExcelJS alone would lose it; read from the file's XML).
      k.getCell('E9').value = { formula: 'F9-10', result: 0 };
    });
    const problems = await problemsOf(bytes);
    const at = (sheet: string, row: number, column: string) => `${NAME}  Blatt „${sheet}“, Zeile ${row}  Spalte ${column}  `;
    expect(problems).toEqual([
      DOCUMENTED.divByZero,
      DOCUMENTED.date,
      DOCUMENTED.text,
      DOCUMENTED.noValue,
      `${at('II. mittel', 3, 'C „Mittel in €“')}erwartet einen Betrag ≥ 0 in Euro mit höchstens zwei Nachkommastellen nach dem Komma, ohne „€“ (z. B. 1234,56), gefunden: „1200,505“`,
    ]);
    // Formulas with a value are read by their value: B3 = B4 - 2 = 10 and E9 = 0, unchanged.
  });

  it('refuses what the CSV import refuses: bad numbers, modifiers, unknown and missing rows, changed headers', async () => {
    const bytes = await edited((wb) => {
      const e = wb.getWorksheet('II. eintritte')!;
      e.getCell('D7').value = -5;
      e.getCell('H5').value = 'alfa';
      e.getCell('G5').value = 'vielleicht';
      e.getCell('C4').value = 'gamma-neu';
      const z = wb.getWorksheet('II. zielgruppen')!;
      z.getCell('E7').value = 5;
      wb.getWorksheet('anhang plaetze')!.getCell('B2').value = 'Plätze 2031';
      wb.getWorksheet('Programm')!.getCell('B5').value = 47.56;
    });
    const problems = (await problemsOf(bytes)).join('\n');
    expect(problems).toContain(DOCUMENTED.negative);
    expect(problems).toContain(`Zeile 5  Spalte H „enthalten in“  unbekanntes Instrument „alfa“: erwartet eine Instrument-ID aus instruments.yaml, meinten Sie „alpha“?`);
    expect(problems).toContain(`Zeile 5  Spalte G „rund“  erwartet „ja“ oder nichts, gefunden: „vielleicht“`);
    expect(problems).toContain(`${NAME}  Blatt „II. eintritte“, Zeile 4  „gamma-neu“  unbekanntes Instrument „gamma-neu“: erwartet eine Instrument-ID aus instruments.yaml, meinten Sie „gamma“?`);
    expect(problems).toContain(`${NAME}  Blatt „II. eintritte“, Zeile 2  „beta“  Zeile fehlt`);
    expect(problems).toContain(`${NAME}  Blatt „II. zielgruppen“, Zeile 7  Spalte E „Personen“  erwartet eine leere Zelle (eine Hinweiszeile hat keine Zahlen), gefunden: „5“`);
    expect(problems).toContain(`${NAME}  Blatt „anhang plaetze“, Zeile 2  Kopfzeile  erwartet die Spalten „Angebot“; „Plätze“, gefunden: „Angebot“; „Plätze 2031“ (erste Abweichung in Spalte B)`);
    expect(problems).toContain(`${NAME}  Blatt „Programm“, Zeile 5  Spalte B „Eingliederungsbudget in €“  erwartet den Betrag in Euro (z. B. 47560000 für 47,56 Mio. €), gefunden: 47.56 – gedruckt würde „0,00 Mio. €“`);
  });

  it('rows may be sorted; a renamed sheet is named', async () => {
    const sorted = await edited((wb) => {
      const p = wb.getWorksheet('anhang plaetze')!;
      p.getCell('A3').value = 'Kurs B';
      p.getCell('B3').value = 12;
      p.getCell('A4').value = 'Kurs A';
      p.getCell('B4').value = 10;
    });
    expect(await plan(sorted)).toEqual({ files: [], changes: [], notes: [] });
    const renamed = await edited((wb) => {
      wb.getWorksheet('anhang plaetze')!.name = 'Plätze';
    });
    expect(await problemsOf(renamed)).toEqual([`${NAME}  Blatt „anhang plaetze“  Blatt fehlt (umbenannt oder gelöscht?): erwartet das Blatt mit der Tabelle „2030-anhang-plaetze“`]);
  });
});

describe('hostile and broken files are refused before they are parsed', () => {
  const refusal = async (bytes: Uint8Array, name = NAME) => {
    const problems = await problemsOf(bytes, name);
    expect(problems).toHaveLength(1);
    return problems[0]!;
  };

  it('not a workbook, cut off, an old .xls, a macro workbook by name or by content', async () => {
    expect(await refusal(new TextEncoder().encode('\ufeffPosten;Betrag\r\nA;1\r\n'))).toBe(`${NAME}  (Datei)  keine Excel-Arbeitsmappe: erwartet eine .xlsx-Datei, gefunden: eine Textdatei (CSV?) – CSV-Dateien mit der Endung .csv angeben`);
    expect(await refusal(exported.subarray(0, Math.floor(exported.length / 2)))).toBe(`${NAME}  (Datei)  unvollständige Datei (abgeschnitten oder beschädigt): das Inhaltsverzeichnis der Arbeitsmappe fehlt; die Datei erneut speichern oder kopieren`);
    expect(await refusal(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(/altes Excel-Format \(\.xls\) oder verschlüsselte Arbeitsmappe/);
    expect(await refusal(exported, 'amip-2030.xlsm')).toMatch(/^amip-2030\.xlsm {2}\(Datei\) {2}Arbeitsmappe mit Makros \(\.xlsm\) wird nicht eingelesen/);
    const macro = zip([
      { name: '[Content_Types].xml', data: xml('<Types/>') },
      { name: 'xl/workbook.xml', data: xml('<workbook/>') },
      { name: 'xl/vbaProject.bin', data: new Uint8Array(16) },
    ]);
    expect(await refusal(macro)).toMatch(/Arbeitsmappe mit Makros \(enthält xl\/vbaProject\.bin\) wird nicht eingelesen/);
    expect(await refusal(zip([{ name: 'a.txt', data: xml('x') }]))).toMatch(/ein ZIP-Archiv ohne Arbeitsmappe/);
  });

  it('too large, on disk or unpacked, and a part that unpacks to more than it says', async () => {
    expect(await refusal(new Uint8Array(6 * 1024 * 1024))).toBe(
      `${NAME}  (Datei)  Datei zu groß: 6 MB, erwartet höchstens 5 MB (eine exportierte Arbeitsmappe oder CSV-Datei hat unter 1 MB; Bilder oder Tausende leerer formatierter Zeilen entfernen)`,
    );
    expect(await refusal(zip([{ name: '[Content_Types].xml', data: xml('<Types/>'), declaredSize: 60 * 1024 * 1024 }]))).toMatch(/Arbeitsmappe zu groß: entpackt über 50 MB/);
    const bomb = zip([{ name: '[Content_Types].xml', data: new Uint8Array(20 * 1024 * 1024), declaredSize: 1000 }]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(bomb)).toBe(`${NAME}  (Datei)  Arbeitsmappe beschädigt: der Teil [Content_Types].xml entpackt zu mehr als angegeben`);
  });

  it('a workbook of another year or publisher, or not written by the export', async () => {
    const other = (cell: string, value: string | number) =>
      edited((wb) => {
        wb.getWorksheet('_index')!.getCell(cell).value = value;
      });
    expect(await refusal(await other('B2', 2031))).toBe(`${NAME}  (Datei)  Arbeitsmappe des Jahres 2031: erwartet eine Arbeitsmappe des Jahres 2030 (Jahr im Befehl oder Datei verwechselt?)`);
    expect(await refusal(await other('B3', 'Anderes Jobcenter'))).toBe(`${NAME}  (Datei)  Arbeitsmappe von „Anderes Jobcenter“: erwartet eine Arbeitsmappe von „Test-Jobcenter (Testdaten)“ (settings.yaml)`);
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Tabelle1').getCell('A1').value = 1;
    expect(await refusal(await save(plain))).toMatch(/keine mit npm run export geschriebene Arbeitsmappe: das \(ausgeblendete\) Blatt „_index“ fehlt/);
  });
});

describe('the commands on a temporary copy of the fixture', { timeout: 90_000 }, () => {
  const copy = tempContent(fixtureDir('tables'));
  const out = tempDir('workbook');
  afterAll(() => {
    copy.cleanup();
    out.cleanup();
  });
  const file = path.join(out.dir, NAME);

  it('export writes the workbook; import --dry-run and a refused import write nothing; import writes; re-export over unimported edits needs --force', async () => {
    expect(runCommand('export', ['2030', '--out', out.dir], copy.dir).status).toBe(0);
    expect((await plan(new Uint8Array(readFileSync(file)))).changes).toEqual([]);
    const before = hashTree(copy.dir);
    const bad = await edited((wb) => {
      wb.getWorksheet('anhang plaetze')!.getCell('B4').value = 'zwölf';
    });
    writeFileSync(file, bad);
    const refused = runCommand('import', ['2030', file], copy.dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${NAME}  Blatt „anhang plaetze“, Zeile 4  Spalte B „Plätze“  erwartet eine Zahl, gefunden: der Text „zwölf“`);
    expect(refused.stderr).toContain('Import abgelehnt: es wurde nichts geändert.');
    // Edited and not imported: the export does not overwrite it.
    const again = runCommand('export', ['2030', '--out', out.dir], copy.dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/amip-2030\.xlsx: seit dem letzten Export oder Import geändert \(zuletzt exportiert am .*\)\n\nExport abgebrochen: .*oder mit --force überschreiben\./);
    expect(readFileSync(file)).toEqual(Buffer.from(bad));
    const good = await edited((wb) => {
      wb.getWorksheet('anhang plaetze')!.getCell('B4').value = 15;
    });
    writeFileSync(file, good);
    const dry = runCommand('import', ['2030', file, '--dry-run'], copy.dir);
    expect(dry.stdout).toContain('Geändert: ');
    expect(dry.stdout).toContain('Kurs B, Plätze: 12 → 15');
    expect(dry.stdout).toContain('Probelauf (--dry-run): 1 Datei(en) würden geändert; nichts geschrieben.');
    expect(hashTree(copy.dir)).toEqual(before);
    const r = runCommand('import', ['2030', file], copy.dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 Datei(en) geschrieben');
    expect(readFileSync(path.join(copy.dir, 'programmes/2030/chapters/03-anhang.mdx'), 'utf8')).toContain('Kurs B, places: 15');
    // Imported: the export may overwrite it now.
    expect(runCommand('export', ['2030', '--out', out.dir], copy.dir).status).toBe(0);
  });
});

it('docs/planung.md quotes the messages as the tool writes them', () => {
  const guide = readFileSync(path.join(fixtureDir('tables'), '../../../docs/planung.md'), 'utf8');
  for (const message of Object.values(DOCUMENTED)) expect(guide).toContain(message);
});
