/**
 * npm run import -- 2021 amip-2021.xlsx [--dry-run] [--ranges]
 * npm run import -- 2021 tabelle.csv [weitere.csv …] [--dry-run] [--ranges]
 *
 * Liest die bearbeitete Arbeitsmappe (npm run export) oder bearbeitete CSV-Dateien (npm run
 * export -- --csv oder der Download der Website) zurück in die Datendateien. Alles wird vorher
 * geprüft: Datei, Blätter bzw. Kodierung und Trennzeichen, Spalten, Zahlen, Instrumente, Summen,
 * danach die gesamten Inhalte wie bei npm run check. Bei einem Problem wird nichts geschrieben.
 * Eine Änderung, die aus einer Zahl einen Bereich macht (oder umgekehrt), nur mit --ranges.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkContent, formatReport } from '../src/lib/check/index.ts';
import { ImportError, planImport } from '../src/lib/import/index.ts';
import { MAX_WORKBOOK_BYTES, tooLarge } from '../src/lib/workbook/zip.ts';
import { noteFiles } from './lib/export-stamp.ts';
import { checkProject } from './lib/check.ts';
import { chapterComponents, contentLocation, readContentFiles, writeAll } from './lib/content-files.ts';
import { commandArgs } from './lib/args.ts';

const args = commandArgs('npm run import -- <Jahr> <amip-Jahr.xlsx | datei.csv …> [--dry-run] [--ranges]', {
  options: { 'dry-run': { type: 'boolean' }, ranges: { type: 'boolean' } },
  allowPositionals: true,
});
const [yearArg, ...csvFiles] = args.positionals;
if (!/^\d{4}$/.test(yearArg ?? '')) args.fail('erwartet ein Programmjahr, z. B. npm run import -- 2021 export/amip-2021.xlsx');
if (csvFiles.length === 0) args.fail('erwartet die Arbeitsmappe (amip-<Jahr>.xlsx) oder mindestens eine CSV-Datei');
const workbooks = csvFiles.filter((f) => !/\.csv$/i.test(f));
if (workbooks.length > 0 && csvFiles.length > 1) args.fail('erwartet entweder eine Arbeitsmappe oder CSV-Dateien, nicht beides und nicht mehrere Arbeitsmappen');
const options = { ranges: args.values.ranges === true };
const year = Number(yearArg);

const refuse = (lines: string) => {
  console.error(lines);
  console.error('\nImport abgelehnt: es wurde nichts geändert.');
  process.exit(1);
};

const before = checkProject();
if (!before.ok) refuse(`${before.report}\nDie Daten enthalten schon vor dem Import Fehler (npm run check).`);

const inputs = csvFiles.map((f) => {
  try {
    // A size limit before reading: no hang and bounded memory on a huge file.
    const size = statSync(f).size;
    if (size > MAX_WORKBOOK_BYTES) return refuse(`${path.basename(f)}  (Datei)  ${tooLarge(size)}`);
    return { name: f, bytes: new Uint8Array(readFileSync(f)) };
  } catch {
    return refuse(`${f}: Datei nicht gefunden`);
  }
});

let plan;
try {
  // The spreadsheet library is loaded only for a workbook (a CSV import stays quick).
  plan = workbooks.length > 0 ? await (await import('../src/lib/workbook/import.ts')).planWorkbookImport(before.result, year, inputs[0]!, options) : planImport(before.result, year, inputs, options);
} catch (error) {
  if (error instanceof ImportError) refuse(error.problems.join('\n'));
  if (error instanceof Error) refuse(`Import abgebrochen: ${error.message}`);
  throw error;
}

for (const n of plan!.notes) console.log(`Hinweis: ${n}`);
const imported = () => {
  if (!args.values['dry-run'] === true) noteFiles(csvFiles.map((f) => path.resolve(f)), 'import');
};
if (plan!.files.length === 0) {
  imported();
  console.log('Keine Zahlen geändert: die Datendateien bleiben, wie sie sind.');
  process.exit(0);
}

// The whole content again, with the new files: references, totals, percentages, other years.
const loc = contentLocation();
const changed = new Map(plan!.files.map((f) => [f.path, f.text]));
const after = checkContent(
  readContentFiles(loc.dir).map((f) => ({ path: f.path, text: changed.get(f.path) ?? f.text })),
  { displayPrefix: loc.display, components: chapterComponents(loc.root) },
);
if (after.problems.some((p) => p.severity === 'error'))
  refuse(`Nach dem Import wären die Daten fehlerhaft (Zeilen beziehen sich auf die geänderten Dateien):\n${formatReport(after.problems.filter((p) => p.severity === 'error'))}`);

for (const c of plan!.changes) console.log(`Geändert: ${loc.display}${c}`);
if (args.values['dry-run'] === true) {
  console.log(`Probelauf (--dry-run): ${plan!.files.length} Datei(en) würden geändert; nichts geschrieben.`);
  process.exit(0);
}
writeAll(loc.dir, plan!.files);
imported();
console.log(`${plan!.files.length} Datei(en) geschrieben. Nächster Schritt: npm run build (oder npm run dev zum Ansehen).`);
