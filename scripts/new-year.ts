/**
 * npm run new-year -- --from 2021 --to 2022
 *
 * Legt das nächste Programmjahr als Entwurf (status: draft) an: programme.yaml und alle Kapitel
 * werden aus dem Vorjahr übernommen; in Tabellen mit berechneter Veränderung (Spaltentyp „change“,
 * z. B. Kennzahlen „Eintritte <Jahr>“ gegenüber „Ansatz <Vorjahr>“) werden die Zahlen des Vorjahres
 * zum Vergleichswert; jede Tabelle und der Eingliederungstitel werden mit „review: true“ zur
 * Prüfung markiert. Ein vorhandenes Jahr wird nie überschrieben.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { checkContent, formatReport } from '../src/lib/check/index.ts';
import { checkProject } from './lib/check.ts';
import { chapterComponents, contentLocation, readContentFiles } from './lib/content-files.ts';
import { ScaffoldError, scaffoldYear } from './lib/new-year.ts';
import { parseArgs } from './lib/args.ts';
import { writeFileSync } from 'node:fs';

const args = parseArgs(process.argv.slice(2), { usage: 'npm run new-year -- --from <Vorjahr> --to <neues Jahr>', values: ['from', 'to'] });
const from = Number(args.values.from);
const to = Number(args.values.to ?? from + 1);
if (!/^\d{4}$/.test(args.values.from ?? '')) args.fail('erwartet --from mit dem Vorjahr, z. B. --from 2021');
if (!/^\d{4}$/.test(String(to))) args.fail('erwartet --to mit dem neuen Jahr, z. B. --to 2022');

const loc = contentLocation();
const target = path.join(loc.dir, 'programmes', String(to));
if (existsSync(target)) {
  console.error(`${loc.display}programmes/${to}/ gibt es schon: es wird nichts überschrieben. (Zum Neuanlegen den Ordner erst selbst löschen.)`);
  process.exit(1);
}
const { result } = checkProject();
let files;
try {
  files = scaffoldYear(result, from, to);
} catch (error) {
  if (error instanceof ScaffoldError) {
    if (result.problems.some((p) => p.severity === 'error')) console.error(formatReport(result.problems));
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
// Check the new year before writing anything.
const after = checkContent([...readContentFiles(loc.dir), ...files], { displayPrefix: loc.display, components: chapterComponents(loc.root) });
const errors = after.problems.filter((p) => p.severity === 'error');
if (errors.length > 0) {
  console.error(formatReport(errors));
  console.error(`\nDas neue Jahr ${to} wäre fehlerhaft; nichts geschrieben.`);
  process.exit(1);
}
for (const f of files) {
  mkdirSync(path.dirname(path.join(loc.dir, f.path)), { recursive: true });
  writeFileSync(path.join(loc.dir, f.path), f.text, { encoding: 'utf8', flag: 'wx' });
}
const marked = after.problems.filter((p) => p.severity === 'warning' && p.file.includes(`programmes/${to}/`)).length;
console.log(`Programmjahr ${to} als Entwurf angelegt: ${files.length} Dateien in ${loc.display}programmes/${to}/.`);
console.log(`${marked} Stellen sind mit „review: true“ zur Prüfung markiert (npm run check listet sie).`);
console.log('Nächste Schritte: Zahlen eintragen (oder npm run export/import), Texte anpassen, npm run dev zum Ansehen.');
