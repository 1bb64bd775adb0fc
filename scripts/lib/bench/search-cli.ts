/** `npm run bench -- search [--dir dist] [--baseline <dir>] [--no-write]`: see ./search.ts. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatSearchSection, measureWeights, scoreSite, writeSearchSection, type Measurement } from './search.ts';

const args = process.argv.slice(3);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const repo = process.cwd();
const dir = path.resolve(option('--dir') ?? 'dist');
const baselineDir = option('--baseline');
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
if (!args.includes('--no-write')) {
  writeSearchSection(repo, section);
  console.log('Geschrieben: BENCHMARKS.md (Abschnitt „Such-Benchmark“)');
}
