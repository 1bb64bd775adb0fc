/**
 * npm run export -- 2021 [--out ordner] — schreibt jede Tabelle eines Programmjahres als CSV
 * (UTF-8 mit BOM, „;“ als Trennzeichen, Dezimalkomma), dieselben Dateien, die die Website zum
 * Herunterladen anbietet, und datapackage.json, das sie beschreibt. Standardordner: export/<Jahr>/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { yearData } from '../src/lib/check/index.ts';
import { dataPackage, dataTables, toCsv } from '../src/lib/export/index.ts';
import { checkProject } from './lib/check.ts';
import { parseArgs } from './lib/args.ts';

const args = parseArgs(process.argv.slice(2), { usage: 'npm run export -- <Jahr> [--out <Ordner>]', values: ['out'] });
const year = Number(args.positional[0]);
if (!/^\d{4}$/.test(args.positional[0] ?? '')) args.fail('erwartet ein Programmjahr, z. B. npm run export -- 2021');
const { result, report, ok } = checkProject();
if (!ok) {
  console.error(report);
  console.error('\nExport abgebrochen: erst die Fehler beheben (npm run check).');
  process.exit(1);
}
let tables;
let programme;
try {
  const data = yearData(result, year);
  programme = data.programme;
  tables = dataTables(data);
} catch (error) {
  console.error(`Export abgebrochen: ${(error as Error).message}`);
  process.exit(1);
}
const out = path.resolve(args.values.out ?? path.join('export', String(year)));
mkdirSync(out, { recursive: true });
for (const t of tables) writeFileSync(path.join(out, `${t.file}.csv`), toCsv(t), 'utf8');
const description = dataPackage(programme, tables, { publisher: result.publisher?.name, licence: result.publisher?.dataLicence });
writeFileSync(path.join(out, 'datapackage.json'), `${JSON.stringify(description, null, 2)}\n`, 'utf8');
console.log(`${tables.length} Tabellen nach ${path.relative(process.cwd(), out) || out}/ geschrieben:`);
for (const t of tables) console.log(`  ${t.file}.csv  ${t.title}`);
console.log('  datapackage.json  Beschreibung der Dateien (Spalten, Zahlenformat, Lizenz)');
