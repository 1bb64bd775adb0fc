/**
 * Lighthouse report: all four scores (performance, accessibility, best practices, SEO; mobile
 * settings) for the sample pages of the built site, written into the "## Lighthouse" section of
 * BENCHMARKS.md. Performance depends on timing and the machine, so it is reported here and not
 * asserted by `npm test` (which asserts the other three at 100).
 *
 *   npm run lighthouse                  builds dist/, 3 runs per page (median)
 *   npm run lighthouse -- --runs 1      quicker
 *   npm run lighthouse -- --no-write    print only
 *
 * AMIP_DIST_DIR points at another built folder (then build it first yourself).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// Shared with the Lighthouse test, so that report and test look at the same pages the same way.
import { launchDebuggable } from './lib/chromium.ts';
import { commandArgs } from './lib/args.ts';
import { fileURLToPath } from 'node:url';
import {
  allCategories,
  replaceLighthouseSection,
  runLighthouse,
  samplePages,
  score,
  sectionTitle,
  type CategoryId,
} from './lib/lighthouse.ts';
import { startProductionLikeServer } from './lib/static-server.ts';
import { median } from './lib/stats.ts';
import type { Result } from 'lighthouse';

const args = commandArgs('npm run lighthouse -- [--runs 3] [--no-write]', { options: { runs: { type: 'string', default: '3' }, 'no-write': { type: 'boolean' } } });
const runs = Number(args.values.runs);
const write = !args.values['no-write'];
if (!Number.isInteger(runs) || runs < 1) args.fail(`--runs erwartet eine ganze Zahl ≥ 1, gefunden: ${args.values.runs}`);

const metrics = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'Speed Index'],
] as const;
const labels: Record<CategoryId, string> = { performance: 'Performance', accessibility: 'Barrierefreiheit', 'best-practices': 'Best Practices', seo: 'SEO' };

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const dir = path.resolve(process.env.AMIP_DIST_DIR || path.join(repoRoot, 'dist'));
const pages = samplePages(dir);
const server = await startProductionLikeServer(dir);
const chromium = await launchDebuggable();
const rows: string[] = [];
const notes: string[] = [];
let lighthouseVersion = '';
let browserVersion = '';
try {
  browserVersion = ((await (await fetch(`http://127.0.0.1:${chromium.port}/json/version`)).json()) as { Browser: string }).Browser;
  for (const page of pages) {
    const results: Result[] = [];
    for (let i = 0; i < runs; i++) {
      const lhr = await runLighthouse(chromium.port, server.origin + page.url, allCategories);
      lighthouseVersion = lhr.lighthouseVersion;
      results.push(lhr);
      console.log(`${page.url} Lauf ${i + 1}/${runs}: ${allCategories.map((c) => `${labels[c]} ${score(lhr, c)}`).join(', ')}`);
    }
    const scores = allCategories.map((c) => {
      const values = results.map((r) => score(r, c)).filter((s): s is number => s !== null);
      return values.length > 0 ? median(values) : null;
    });
    // The metrics of the run whose performance score is the median.
    const perf = scores[0];
    const typical = results.find((r) => score(r, 'performance') === perf) ?? results[0]!;
    const figures = metrics.map(([id, label]) => `${label} ${typical.audits[id]?.displayValue ?? '–'}`.replace(/\u00a0/g, ' '));
    rows.push(`| ${page.label} (\`${page.url}\`) | ${scores.map((s) => s ?? '–').join(' | ')} | ${figures.join(', ')} |`);
    for (const [i, c] of allCategories.entries()) {
      if (scores[i] !== 100) notes.push(`- ${page.url}: ${labels[c]} ${scores[i] ?? '–'} (Ziel 100)`);
    }
  }
} finally {
  await chromium.close();
  await server.close();
}

const cpu = /^model name\s*:\s*(.+)$/m.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unbekannt';
const section = [
  sectionTitle,
  '',
  `Erzeugt mit \`npm run lighthouse\` am ${new Date().toISOString().slice(0, 10)}: Lighthouse ${lighthouseVersion}, Einstellung Mobilgerät`,
  `(emuliertes Telefon, simuliertes langsames 4G und gedrosselte CPU), ${browserVersion} headless, ${runs === 1 ? 'ein Lauf' : `Median aus ${runs} Läufen`}`,
  `je Seite. Rechner: ${cpu}, ${os.availableParallelism()} Kerne, Last (1 min) ${os.loadavg()[0]!.toFixed(1)}. Die Website wird wie auf dem`,
  'Server ausgeliefert (Header und vorkomprimierte Dateien wie unter nginx, scripts/lib/hosting.ts), von einem lokalen Server. Ziel: 100 in allen vier Kategorien;',
  '`npm test` verlangt 100 für Barrierefreiheit, Best Practices und SEO, die zeitabhängige Performance nur hier.',
  '',
  `| Seite | ${allCategories.map((c) => labels[c]).join(' | ')} | Messwerte (Lauf mit dem Median-Performance-Wert) |`,
  `| --- | ${allCategories.map(() => '---:').join(' | ')} | --- |`,
  ...rows,
  '',
  ...(notes.length > 0 ? ['Unter dem Ziel:', '', ...notes] : ['Alle Seiten erreichen in allen vier Kategorien 100.']),
  '',
].join('\n');

console.log(`\n${section}`);
if (write) {
  const file = path.join(repoRoot, 'BENCHMARKS.md');
  writeFileSync(file, replaceLighthouseSection(existsSync(file) ? readFileSync(file, 'utf8') : undefined, section));
  console.log(`Geschrieben: ${file}`);
}
