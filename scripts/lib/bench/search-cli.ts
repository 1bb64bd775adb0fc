/** `npm run bench -- search [--dir dist] [--baseline <dir>] [--no-write]`: see ./search.ts. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatSearchSection, measureWeights, scoreSite, writeSearchSection, type Measurement } from './search.ts';
import { commandArgs } from '../args.ts';

// After "search", the subcommand scripts/bench.ts has taken.
const args = commandArgs(
  'npm run bench -- search [--dir dist] [--baseline <Ordner>] [--no-write]',
  { options: { dir: { type: 'string', default: 'dist' }, baseline: { type: 'string' }, 'no-write': { type: 'boolean' } } },
  process.argv.slice(3),
);
const repo = process.cwd();
const dir = path.resolve(args.values.dir);
const baselineDir = args.values.baseline;
const baselineFile = path.join(repo, 'scripts/lib/bench/search-baseline.json');
const today = new Date().toISOString().slice(0, 10);

async function measure(site: string, label: string): Promise<Measurement> {
  if (!existsSync(path.join(site, 'pagefind', 'pagefind.js'))) throw new Error(`${site}/pagefind/pagefind.js fehlt: erst npm run build`);
  console.log(`${label}: Abfragesatz über ${site} …`);
  const scores = await scoreSite(site);
  console.log(`${label}: erste Suche im Browser …`);
  return { date: today, label, ...scores, weights: await measureWeights(site) };
}

let before: Measurement | undefined;
if (baselineDir) {
  before = await measure(path.resolve(baselineDir), 'vorher');
  writeFileSync(baselineFile, `${JSON.stringify(before, null, 2)}\n`);
} else if (existsSync(baselineFile)) before = JSON.parse(readFileSync(baselineFile, 'utf8')) as Measurement;
const after = await measure(dir, 'nachher');
console.log(`Entwicklungssatz, nicht an erster Stelle:\n${after.tuning.notFirst.join('\n')}`);
const section = formatSearchSection(before, after);
console.log(`\n${section}`);
if (!args.values['no-write']) {
  writeSearchSection(repo, section);
  console.log('Geschrieben: BENCHMARKS.md (Abschnitt „Such-Benchmark“)');
}
