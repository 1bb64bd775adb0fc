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
 *   npm run bench -- --no-compare                  without the comparison with plain Astro and the dev loop
 *
 * Also (unless --no-compare), on the real content: `npm run build` against a plain Astro 7 + MDX
 * build of the same pages with the same text, and against the same pages as one content
 * collection (alternating, `--runs` each, median), the dev loop
 * (saving a changed number in a chapter until `npm run dev` serves it) and `npm run check`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createArchive, createProject, machine, measureSite, timedBuild } from './lib/bench/run.ts';
import { formatSection, replaceSection, type Result } from './lib/bench/report.ts';
import { median } from './lib/stats.ts';
import { commandArgs } from './lib/args.ts';
import { createPlainProject, devLoop, plainBuild, timedNode } from './lib/bench/compare.ts';

if (process.argv[2] === 'search') {
  await import('./lib/bench/search-cli.ts');
  process.exit(0);
}

const args = commandArgs('npm run bench -- [--sizes 1,5,20] [--runs 3] [--no-compare] [--no-write] [--keep]', {
  options: {
    sizes: { type: 'string', default: '1,5,20' },
    runs: { type: 'string', default: '3' },
    'no-compare': { type: 'boolean' },
    'no-write': { type: 'boolean' },
    keep: { type: 'boolean' },
  },
});
const sizes = args.values.sizes.split(',').map(Number);
const runs = Number(args.values.runs);
const write = !args.values['no-write'];
const keep = args.values.keep === true;
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1)
  args.fail(`--sizes erwartet ganze Zahlen ≥ 1 (z. B. 1,5,20), --runs eine ganze Zahl ≥ 1; gefunden: ${args.values.sizes}, ${args.values.runs}`);

const repo = process.cwd();
const templateYear = 2021;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'amip-bench-'));
const project = path.join(tmp, 'project');
const results: Result[] = [];
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const de = (n: number, digits: number) => n.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * `npm run build` against plain Astro + MDX with the same pages and text (alternating: one build of
 * each, `runs` times), the dev loop and `npm run check`, on the real content. Returns the findings.
 */
async function compareWithPlainAstro(): Promise<string[]> {
  const content = path.join(project, 'bench-content-real');
  createArchive(path.join(repo, 'src/content'), content, 1, templateYear);
  const plain = path.join(tmp, 'plain');
  const collection = path.join(tmp, 'plain-collection');
  const amip: number[] = [];
  const other: number[] = [];
  const withCollections: number[] = [];
  let pages = 0;
  console.log('\nVergleich mit einfachem Astro + MDX, ohne und mit Content Collections (abwechselnd):');
  const loadBefore = os.loadavg()[0]!;
  for (let i = 1; i <= runs; i++) {
    amip.push((await timedBuild(project, content)).totalMs);
    if (i === 1) {
      pages = createPlainProject(repo, path.join(project, 'dist'), plain, 'pages');
      createPlainProject(repo, path.join(project, 'dist'), collection, 'collection');
    }
    other.push(await plainBuild(plain));
    withCollections.push(await plainBuild(collection));
    console.log(
      `  Lauf ${i}: npm run build ${seconds(amip.at(-1)!)} s, einfaches Astro ${seconds(other.at(-1)!)} s, mit Content Collections ${seconds(withCollections.at(-1)!)} s`,
    );
  }
  const ratio = median(amip) / median(other);
  const load = `Last des Rechners (1-Minuten-Mittel) ${de(loadBefore, 1)} → ${de(os.loadavg()[0]!, 1)}`;
  const list = (values: number[]) => `${de(median(values) / 1000, 1)} s (${values.map((x) => de(x / 1000, 1)).join(' · ')})`;
  const checks: number[] = [];
  for (let i = 0; i < runs; i++) checks.push(await timedNode(project, ['scripts/check.ts'], { AMIP_CONTENT_DIR: content }));
  console.log('Entwicklungsschleife (npm run dev) …');
  const dev = await devLoop(project, content, templateYear, runs);
  const ms = (values: number[]) => de(median(values), 0);
  return [
    `Vergleich mit einem einfachen Astro-${machine(repo).astro}-Projekt mit MDX und denselben ${pages} Seiten mit demselben Text ` +
      `(der Text jeder gebauten Seite als MDX-Seite in einem schlichten Layout; alle kalt ohne Astro-Cache, abwechselnd gebaut, je ${runs} Läufe, Median): ` +
      `\`npm run build\` ${list(amip)}, einfaches Astro ${list(other)}: Faktor ${de(ratio, 2)} (Ziel ≤ 1,5). ` +
      `Dieselben Seiten als Einträge einer Content Collection (glob-Loader, zod-Schema, eine Route), wie diese Website sie nutzt: ${list(withCollections)}, ` +
      `Faktor ${de(median(withCollections) / median(other), 2)} gegenüber einfachem Astro; \`npm run build\` braucht das ${de(median(amip) / median(withCollections), 2)}-Fache davon. ${load}. ` +
      'Caches unter node_modules/.cache bleiben zwischen den Läufen erhalten wie auf einem Arbeitsplatz; Astros Cache wird vor jedem Lauf gelöscht.',
    `Entwicklungsschleife: nach dem Speichern einer geänderten Zahl in ${dev.file} liefert \`npm run dev\` die Seite ${dev.url} ` +
      `mit der neuen Zahl nach ${ms(dev.times)} ms (Median aus ${dev.times.length}: ${dev.times.map((t) => de(t, 0)).join(' · ')} ms; Ziel ≤ 1.000 ms).`,
    `\`npm run check\` (alle Inhalte, ohne Build): ${de(median(checks) / 1000, 1)} s einschließlich Start von Node (Median aus ${checks.length}).`,
  ];
}

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
  if (!args.values['no-compare']) findings.push(...(await compareWithPlainAstro()));
  findings.push(
    'Eine Seite eines Jahres verweist nur auf dieselbe Seite im nächstneueren und im nächstälteren Jahr (src/data/years.ts), ' +
      'nicht auf alle anderen Jahre: sonst wüchse die Zahl der Links quadratisch mit dem Archiv (N Jahre × Seiten × N − 1).',
  );
  const section = formatSection({
    results,
    machine: machine(repo),
    date: new Date().toISOString().slice(0, 10),
    command: ['npm run bench', ...process.argv.slice(2)].join(' '),
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
