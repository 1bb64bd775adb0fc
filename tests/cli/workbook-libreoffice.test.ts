/**
 * The workbook as a real spreadsheet program saves it: LibreOffice Calc (Debian's
 * libreoffice-calc-nogui, headless; `.ci/run` installs it) re-saves the exported workbook of the
 * fixture tests/fixtures/tables and an edited copy, in one run. The re-saved export imports with
 * no change; the edited copy, whose sums LibreOffice computed itself (the edit left the formulas
 * without a value), imports exactly the edits. (In the cli project: it spawns a process.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import { yearData } from '../../src/lib/check/index.ts';
import { buildWorkbook } from '../../src/lib/workbook/export.ts';
import { planWorkbookImport } from '../../src/lib/workbook/import.ts';
import { checkFiles } from '../lib/regeneration.ts';
import { fixtureFiles } from '../lib/content.ts';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const files = fixtureFiles('tables');
const content = checkFiles(files);
const dir = mkdtempSync(path.join(tmpdir(), 'amip-libreoffice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Re-saves the workbooks with LibreOffice Calc as .xlsx (Excel 2007-365) into `<dir>/out`. */
function resave(inputs: string[]): string[] {
  if (!SOFFICE) throw new Error('LibreOffice fehlt: apt-get install -y libreoffice-calc-nogui (.ci/run installiert es)');
  const out = path.join(dir, 'out');
  const r = spawnSync(
    SOFFICE,
    ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, ...inputs],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const results = inputs.map((f) => path.join(out, path.basename(f)));
  if (r.status !== 0 || !results.every((f) => existsSync(f))) throw new Error(`LibreOffice: Status ${r.status}\n${r.stdout}\n${r.stderr}`);
  return results;
}

it('LibreOffice re-saves the exported workbook: it imports with no change; an edited copy imports exactly the edits', { timeout: 240_000 }, async () => {
  const exported = await buildWorkbook(yearData(content, 2030), content.publisher?.name);
  const original = path.join(dir, 'original.xlsx');
  writeFileSync(original, exported);
  // The edit a planner makes: a number and the budget; the sums are left to the spreadsheet.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(exported) as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('II. eintritte')!;
  sheet.getCell('D3').value = 130;
  sheet.getCell('E3').value = 130;
  for (const a of ['D8', 'E8']) sheet.getCell(a).value = { formula: (sheet.getCell(a).value as ExcelJS.CellFormulaValue).formula } as ExcelJS.CellFormulaValue;
  wb.getWorksheet('Programm')!.getCell('B5').value = 3100000.25;
  const edited = path.join(dir, 'edited.xlsx');
  writeFileSync(edited, new Uint8Array(await wb.xlsx.writeBuffer()));

  const [resavedOriginal, resavedEdited] = resave([original, edited]);
  const bytes = (f: string) => new Uint8Array(readFileSync(f!));
  expect(await planWorkbookImport(content, 2030, { name: 'amip-2030.xlsx', bytes: bytes(resavedOriginal!) })).toEqual({ files: [], changes: [], notes: [] });

  // What LibreOffice wrote: the sums as formulas with the values it computed, texts as texts.
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load(Buffer.from(bytes(resavedEdited!)) as unknown as ExcelJS.Buffer);
  expect(saved.getWorksheet('II. eintritte')!.getCell('D8').value).toEqual({ formula: 'SUM(D3:D4,D6:D7)', result: 235 });
  expect(saved.getWorksheet('II. mittel')!.getCell('G3').value).toBe('=SUMME(B2:B4)');
  expect(saved.getWorksheet('II. mittel')!.getCell('C3').numFmt).toBe('#,##0.00" €"');

  const plan = await planWorkbookImport(content, 2030, { name: 'amip-2030.xlsx', bytes: bytes(resavedEdited!) });
  expect(plan.changes).toEqual([
    'programmes/2030/chapters/02-zahlen.mdx  2030-ii-zahlen-eintritte  alpha, Eintritte 2030: 120 → 130',
    'programmes/2030/chapters/02-zahlen.mdx  2030-ii-zahlen-eintritte  Summe, Eintritte 2030: 225 (bis 230) → 235 (bis 240)',
    'programmes/2030/programme.yaml  Eingliederungsbudget: rd. 3.000.000,50 € → rd. 3.100.000,25 €',
  ]);
  const zahlen = 'programmes/2030/chapters/02-zahlen.mdx';
  const oldLines = files.find((f) => f.path === zahlen)!.text.split('\n');
  const newLines = plan.files.find((f) => f.path === zahlen)!.text.split('\n');
  expect(newLines.length).toBe(oldLines.length);
  expect(newLines.filter((l, i) => l !== oldLines[i]).map((l) => l.trim())).toEqual([
    '- { instrument: alpha, label: Alpha-Maßnahme, entries: 130, function: "-Vorbereitung auf den Arbeitsmarkt" }',
    'total: { label: Summe, entries: { min: 235, max: 240, notation: klammer } }',
  ]);
  const before = files.find((f) => f.path === 'programmes/2030/programme.yaml')!.text;
  const after = plan.files.find((f) => f.path === 'programmes/2030/programme.yaml')!.text;
  expect(after).toBe(before.replace('euros: 3000000.5,', 'euros: 3100000.25,'));
});
