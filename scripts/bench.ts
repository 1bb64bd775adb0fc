/**
 * Build benchmark: what a growing archive costs. Builds synthetic archives of N programme years
 * (copies of 2021 with the year changed, in a temporary folder, never published) with the real
 * build, and writes the results and the machine into the "## Build-Benchmark" section of
 * BENCHMARKS.md. A benchmark, not a test: it reports, it does not fail on slow machines.
 *
 *   npm run bench                                  N = 1, 5, 20; 3 builds each (median)
 *   npm run bench -- --sizes 1,5 --runs 1          quicker
 *   npm run bench -- --no-write --keep             print only; keep the temporary folder
 *   npm run bench -- search                        the search benchmark instead (scripts/lib/bench/search.ts)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createArchive, createProject, machine, measureSite, timedBuild } from './lib/bench/run.ts';
import { formatSection, median, replaceSection, type Result } from './lib/bench/report.ts';

if (process.argv[2] === 'search') {
  await import('./lib/bench/search-cli.ts');
  process.exit(0);
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (option('--sizes') ?? '1,5,20').split(',').map(Number);
const runs = Number(option('--runs') ?? 3);
const write = !args.includes('--no-write');
const keep = args.includes('--keep');
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1)
  throw new Error(`--sizes erwartet ganze Zahlen ≥ 1 (z. B. 1,5,20), --runs eine ganze Zahl ≥ 1; gefunden: ${option('--sizes')}, ${option('--runs')}`);

const repo = process.cwd();
const templateYear = 2021;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'amip-bench-'));
const project = path.join(tmp, 'project');
const results: Result[] = [];
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const de = (n: number, digits: number) => n.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });

try {
  console.log(`Projektkopie in ${project} …`);
  createProject(repo, project);
  for (const n of sizes) {
    const content = path.join(project, `bench-content-${n}`);
    const years = createArchive(path.join(repo, 'src/content'), content, n, templateYear);
    console.log(`\nN = ${n} (${years[0]}–${years.at(-1)}):`);
    const result: Result = { years: n, runs: [], site: undefined as unknown as Result['site'] };
    for (let i = 1; i <= runs; i++) {
      const run = await timedBuild(project, content);
      result.runs.push(run);
      const phases = Object.entries(run.phases)
        .map(([name, ms]) => `${name} ${seconds(ms)}`)
        .join(', ');
      console.log(`  Lauf ${i}: ${seconds(run.totalMs)} s (${phases}); Spitzen-RSS ${(run.peakTreeRss / 2 ** 20).toFixed(0)} MB`);
    }
    result.site = measureSite(path.join(project, 'dist'));
    const total = median(result.runs.map((r) => r.totalMs));
    console.log(`  ${result.site.pages} Seiten, Median ${seconds(total)} s = ${(total / result.site.pages).toFixed(1)} ms je Seite`);
    results.push(result);
    rmSync(content, { recursive: true, force: true });
  }

  // Does the cost per page grow with the archive? Compare the smallest and the largest archive.
  // The PDF step costs a fixed amount per year (one edition each), not per page: it is judged per
  // year, the rest per page. CPU time is less skewed than wall time when the machine is shared.
  const med = (r: Result, f: (run: Result['runs'][number]) => number) => median(r.runs.map(f));
  const pdfMs = (run: Result['runs'][number]) => Object.entries(run.phases).find(([name]) => name.startsWith('PDF'))?.[1] ?? 0;
  const first = results[0]!;
  const last = results.at(-1)!;
  const findings: string[] = [];
  if (results.length > 1) {
    const figure = (label: string, f: (r: Result) => number, unit: string) => {
      const [a, b] = [f(first), f(last)];
      return { text: `${label} ${de(a, 1)} → ${de(b, 1)} ${unit} (× ${de(b / a, 2)})`, ratio: b / a };
    };
    const perPage = figure('Build ohne PDF je Seite', (r) => med(r, (x) => x.totalMs - pdfMs(x)) / r.site.pages, 'ms');
    const astro = figure('davon astro build', (r) => med(r, (x) => x.phases['astro build'] ?? 0) / r.site.pages, 'ms');
    const pdf = figure('PDF je Jahr', (r) => med(r, pdfMs) / 1000 / r.years, 's');
    const cpu = results.every((r) => r.runs.every((x) => x.cpuMs !== undefined))
      ? figure('CPU-Zeit des ganzen Builds je Seite', (r) => med(r, (x) => x.cpuMs!) / r.site.pages, 'ms')
      : undefined;
    const grows = [perPage, astro, pdf].some((f) => f.ratio > 1.25);
    findings.push(
      `Von N = ${first.years} zu N = ${last.years}: ${[perPage, astro, pdf, cpu].filter((f) => f !== undefined).map((f) => f.text).join('; ')}. ` +
        (grows
          ? 'Die Kosten je Seite (je Jahr für die PDFs) wachsen mit der Größe des Archivs: Ursache suchen.'
          : 'Die Kosten je Seite (und je Jahr für die PDFs) wachsen nicht mit der Größe des Archivs.'),
    );
  }
  findings.push(
    'Eine Seite eines Jahres verweist nur auf dieselbe Seite im nächstneueren und im nächstälteren Jahr (src/data/years.ts), ' +
      'nicht auf alle anderen Jahre: sonst wüchse die Zahl der Links quadratisch mit dem Archiv (N Jahre × Seiten × N − 1).',
  );
  const section = formatSection({
    results,
    machine: machine(repo),
    date: new Date().toISOString().slice(0, 10),
    command: ['npm run bench', ...args].join(' '),
    findings,
  });
  console.log(`\n${section}`);
  if (write) {
    const file = path.join(repo, 'BENCHMARKS.md');
    writeFileSync(file, replaceSection(existsSync(file) ? readFileSync(file, 'utf8') : undefined, section));
    console.log(`Geschrieben: ${path.relative(repo, file)} (Abschnitt „Build-Benchmark“)`);
  }
} finally {
  if (keep) console.log(`Temporärer Ordner bleibt: ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
