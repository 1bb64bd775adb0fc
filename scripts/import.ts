/**
 * npm run import -- 2021 tabelle.csv [weitere.csv …] [--dry-run]
 *
 * Liest in einer Tabellenkalkulation bearbeitete CSV-Dateien (aus npm run export oder dem
 * Download der Website) zurück in die Datendateien. Alles wird vorher geprüft: Kodierung,
 * Trennzeichen, Spalten, Zahlen, Instrumente, Summen, danach die gesamten Inhalte wie bei
 * npm run check. Bei einem Problem wird nichts geschrieben.
 */
import { readFileSync } from 'node:fs';
import { checkContent, formatReport } from '../src/lib/check/index.ts';
import { ImportError, planImport } from '../src/lib/import/index.ts';
import { checkProject } from './lib/check.ts';
import { chapterComponents, contentLocation, readContentFiles, writeAll } from './lib/content-files.ts';
import { commandArgs } from './lib/args.ts';

const args = commandArgs('npm run import -- <Jahr> <datei.csv> [weitere.csv …] [--dry-run]', { options: { 'dry-run': { type: 'boolean' } }, allowPositionals: true });
const [yearArg, ...csvFiles] = args.positionals;
if (!/^\d{4}$/.test(yearArg ?? '')) args.fail('erwartet ein Programmjahr, z. B. npm run import -- 2021 2021-kennzahlen.csv');
if (csvFiles.length === 0) args.fail('erwartet mindestens eine CSV-Datei');
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
    return { name: f, bytes: new Uint8Array(readFileSync(f)) };
  } catch {
    return refuse(`${f}: Datei nicht gefunden`);
  }
});

let plan;
try {
  plan = planImport(before.result, year, inputs);
} catch (error) {
  if (error instanceof ImportError) refuse(error.problems.join('\n'));
  if (error instanceof Error) refuse(`Import abgebrochen: ${error.message}`);
  throw error;
}

for (const n of plan!.notes) console.log(`Hinweis: ${n}`);
if (plan!.files.length === 0) {
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
if (args.values['dry-run']) {
  console.log(`Probelauf (--dry-run): ${plan!.files.length} Datei(en) würden geändert; nichts geschrieben.`);
  process.exit(0);
}
writeAll(loc.dir, plan!.files);
console.log(`${plan!.files.length} Datei(en) geschrieben. Nächster Schritt: npm run build (oder npm run dev zum Ansehen).`);
