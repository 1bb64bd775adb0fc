/**
 * npm run export -- 2021 [--out ordner] [--csv] [--force]
 *
 * Standard: die Arbeitsmappe des Jahres für die Planung, <Ordner>/amip-<Jahr>.xlsx (Standardordner
 * export/): ein Blatt je Tabelle, ein Blatt „Programm“, eine Anleitung (src/lib/workbook).
 * Mit --csv: jede Tabelle als CSV (UTF-8 mit BOM, „;“ als Trennzeichen, Dezimalkomma), dieselben
 * Dateien, die die Website zum Herunterladen anbietet, und datapackage.json (Standardordner
 * export/<Jahr>/). Eine vorhandene Datei, die seit dem letzten Export oder Import geändert wurde
 * (also Änderungen enthält, die noch nicht eingelesen sind), wird nur mit --force überschrieben.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { yearData } from '../src/lib/check/index.ts';
import { dataPackage, dataTables, toCsv } from '../src/lib/export/index.ts';
import { workbookFileName } from '../src/lib/workbook/index.ts';
import { checkProject } from './lib/check.ts';
import { commandArgs } from './lib/args.ts';
import { noteFiles, unimportedEdits } from './lib/export-stamp.ts';

const args = commandArgs('npm run export -- <Jahr> [--out <Ordner>] [--csv] [--force]', {
  options: { out: { type: 'string' }, csv: { type: 'boolean' }, force: { type: 'boolean' } },
  allowPositionals: true,
});
const year = Number(args.positionals[0]);
if (!/^\d{4}$/.test(args.positionals[0] ?? '') || args.positionals.length > 1) args.fail('erwartet ein Programmjahr, z. B. npm run export -- 2021');
const csv = args.values.csv === true;
const { result, report, ok } = checkProject();
if (!ok) {
  console.error(report);
  console.error('\nExport abgebrochen: erst die Fehler beheben (npm run check).');
  process.exit(1);
}
let data;
let tables;
try {
  data = yearData(result, year);
  tables = dataTables(data);
} catch (error) {
  console.error(`Export abgebrochen: ${(error as Error).message}`);
  process.exit(1);
}
const out = path.resolve(args.values.out ?? (csv ? path.join('export', String(year)) : 'export'));
const rel = path.relative(process.cwd(), out);
const shown = rel === '' ? '.' : rel.startsWith('..') ? out : rel;
const files = csv ? [...tables.map((t) => path.join(out, `${t.file}.csv`)), path.join(out, 'datapackage.json')] : [path.join(out, workbookFileName(year))];

const edited = unimportedEdits(files.filter((f) => !f.endsWith('datapackage.json')));
if (edited.length > 0 && args.values.force !== true) {
  for (const e of edited)
    console.error(`${path.join(shown, path.basename(e.file))}: seit dem letzten Export oder Import geändert${e.since ? ` (zuletzt ${e.since})` : ' (kein Export oder Import vermerkt)'}`);
  console.error(
    `\nExport abgebrochen: ${edited.length === 1 ? 'die Datei enthält' : 'die Dateien enthalten'} vielleicht Änderungen, die noch nicht eingelesen sind. Erst einlesen (npm run import -- ${year} <Datei>) oder mit --force überschreiben.`,
  );
  process.exit(1);
}

mkdirSync(out, { recursive: true });
if (!csv) {
  const file = files[0]!;
  const { buildWorkbook } = await import('../src/lib/workbook/export.ts');
  writeFileSync(file, await buildWorkbook(data, result.publisher?.name));
  noteFiles([file], 'export');
  console.log(`Arbeitsmappe ${path.join(shown, workbookFileName(year))} geschrieben: ${tables.length} Tabellen, das Blatt „Programm“ und eine Anleitung.`);
  console.log(`Nach dem Bearbeiten: npm run import -- ${year} ${path.join(shown, workbookFileName(year))} --dry-run`);
} else {
  for (const t of tables) writeFileSync(path.join(out, `${t.file}.csv`), toCsv(t), 'utf8');
  const description = dataPackage(data.programme, tables, { publisher: result.publisher?.name, licence: result.publisher?.dataLicence });
  writeFileSync(path.join(out, 'datapackage.json'), `${JSON.stringify(description, null, 2)}\n`, 'utf8');
  noteFiles(files.filter((f) => f.endsWith('.csv')), 'export');
  console.log(`${tables.length} Tabellen nach ${shown}/ geschrieben:`);
  for (const t of tables) console.log(`  ${t.file}.csv  ${t.title}`);
  console.log('  datapackage.json  Beschreibung der Dateien (Spalten, Zahlenformat, Lizenz)');
}
