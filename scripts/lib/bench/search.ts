/**
 * Search benchmark (`npm run bench -- search`): scores the query set of scripts/lib/bench/search-queries.ts
 * over a built site and measures what the first search transfers, and writes both into the
 * "## Such-Benchmark" section of BENCHMARKS.md.
 *
 * - Quality: each query through the search page's own engine (src/lib/search/engine.ts) with
 *   Pagefind's browser script loaded in Node; hit@1, hit@3 (a page of the case's list first / in
 *   the first three), MRR (over the first ten) and the share of queries without results, for the
 *   tuning set and the held-out set. A site built before the engine existed (no
 *   /suche/begriffe.json) is scored with Pagefind alone, as its search page did.
 * - Weight: Chromium opens /suche/?q=… in a fresh profile for a few queries; every file fetched
 *   counts with its gzip size (level 9; files Pagefind already compresses with their own size), as
 *   a server with precompressed files (gzip_static) delivers them.
 *
 *   npm run bench -- search                                 dist/, figures written
 *   npm run bench -- search --baseline <dir>                also score an earlier build as "vorher" (kept in scripts/lib/bench/search-baseline.json)
 *   npm run bench -- search --no-write
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../chromium.ts';
import { replaceBenchmarksSection } from '../benchmarks-md.ts';
import { fileOfUrl, startStaticServer } from '../static-server.ts';
import { find, pagefindRanking, prepareEngine, type PagefindLike } from '../../../src/lib/search/engine.ts';
import type { SearchTerms } from '../../../src/lib/search/terms.ts';
import { heldOut, tuning, type SearchCase } from './search-queries.ts';

export const searchSectionTitle = '## Such-Benchmark';

export type Scores = { n: number; hit1: number; hit3: number; mrr: number; zero: number; misses: string[]; notFirst: string[] };
export type Weight = { query: string; total: number; search: number; files: number; parts?: Record<string, number> };
export type Measurement = { date: string; label: string; tuning: Scores; heldOut: Scores; weights: Weight[] };

/** Ranked page paths (first ten) for each query. */
export type Ranker = (query: string) => Promise<{ paths: string[]; total: number }>;

export function score(cases: readonly SearchCase[], ranked: readonly { paths: string[]; total: number }[]): Scores {
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  let zero = 0;
  const misses: string[] = [];
  const notFirst: string[] = [];
  cases.forEach((c, i) => {
    const { paths, total } = ranked[i]!;
    const rank = paths.findIndex((p) => c.top3.includes(p));
    if (rank === 0) hit1++;
    else notFirst.push(`„${c.query}“ → ${paths.slice(0, 3).join(', ') || 'keine Treffer'}`);
    if (rank >= 0 && rank < 3) hit3++;
    else misses.push(`„${c.query}“ → ${paths.slice(0, 3).join(', ') || 'keine Treffer'}`);
    if (rank >= 0) rr += 1 / (rank + 1);
    if (total === 0) zero++;
  });
  const n = cases.length;
  return { n, hit1: hit1 / n, hit3: hit3 / n, mrr: rr / n, zero: zero / n, misses, notFirst };
}

/** Bytes a file costs with gzip_static: its gzip size, or its own size when that is smaller (already compressed). */
export function transferSize(bytes: Buffer): number {
  return Math.min(bytes.length, gzipSync(bytes, { level: 9 }).length);
}

async function ranker(dir: string, origin: string): Promise<Ranker> {
  const pagefind = (await import(pathToFileURL(path.join(dir, 'pagefind', 'pagefind.js')).href)) as PagefindLike & {
    options(o: object): Promise<void>;
    init(): Promise<void>;
  };
  const dictFile = path.join(dir, 'suche', 'begriffe.json');
  const pathOf = (url: string) => new URL(url, origin).pathname;
  const baseline = !existsSync(dictFile);
  await pagefind.options({ basePath: `${origin}/pagefind/`, ...(baseline ? {} : { ranking: pagefindRanking }) });
  await pagefind.init();
  if (baseline)
    return async (q) => {
      const found = await pagefind.search(q);
      const results = found?.results ?? [];
      const data = await Promise.all(results.slice(0, 10).map((r) => r.data()));
      return { paths: data.map((d) => pathOf(d.url)), total: results.length };
    };
  const engine = prepareEngine(JSON.parse(readFileSync(dictFile, 'utf8')) as SearchTerms);
  return async (q) => {
    const outcome = await find(pagefind, engine, q);
    return { paths: outcome.hits.map((h) => pathOf(h.url)), total: outcome.total };
  };
}

/** Scores the query sets over the built site in `dir`. Pagefind's script is a module with state: one site per process. */
export async function scoreSite(dir: string): Promise<{ tuning: Scores; heldOut: Scores }> {
  const server = await startStaticServer(dir, {});
  try {
    const rank = await ranker(dir, server.origin);
    const run = async (cases: readonly SearchCase[]) => {
      const out = [];
      for (const c of cases) out.push(await rank(c.query));
      return score(cases, out);
    };
    return { tuning: await run(tuning), heldOut: await run(heldOut) };
  } finally {
    await server.close();
  }
}

export const weightQueries = ['Einstiegsgeld', '§ 16i SGB II', 'welche Angebote gibt es für Mütter', 'Zukunfsstarter', 'qwxzy'];

/** What the search page fetches for a first search, per query, in a fresh browser profile. */
export async function measureWeights(dir: string, queries = weightQueries): Promise<Weight[]> {
  const server = await startStaticServer(dir, {});
  const browser = await launchBrowser();
  try {
    const out: Weight[] = [];
    for (const query of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const fetched = new Set<string>();
      page.on('request', (r) => fetched.add(new URL(r.url()).pathname));
      if (process.env.SEARCH_BENCH_FILES) page.on('request', (r) => console.log(`  ${query}: ${new URL(r.url()).pathname}`));
      await page.goto(`${server.origin}/suche/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction(() => /Treffer|nicht verfügbar/.test(document.getElementById('suchstatus')?.textContent ?? ''), null, { timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      let total = 0;
      let search = 0;
      const parts: Record<string, number> = {};
      for (const p of fetched) {
        const file = fileOfUrl(dir, p);
        if (!file || !existsSync(file)) continue;
        const size = transferSize(readFileSync(file));
        total += size;
        const part = partOf(p);
        parts[part] = (parts[part] ?? 0) + size;
        if (p.startsWith('/pagefind/') || p.startsWith('/suche/begriffe') || (p.startsWith('/_astro/') && p.endsWith('.js'))) search += size;
      }
      out.push({ query, total, search, files: fetched.size, parts });
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Which part of the first search a fetched path is. */
export function partOf(p: string): string {
  if (p.endsWith('.pagefind')) return 'Pagefind-WebAssembly';
  if (p.startsWith('/pagefind/index/')) return 'Pagefind-Index';
  if (p.startsWith('/pagefind/fragment/')) return 'Pagefind-Fragmente';
  if (p.startsWith('/pagefind/')) return 'Pagefind-Skript und Metadaten';
  if (p.startsWith('/suche/begriffe')) return 'Wörterbuch';
  return 'Seite und Suchskript';
}

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const num = (x: number, d = 2) => x.toLocaleString('de-DE', { minimumFractionDigits: d, maximumFractionDigits: d });
const kb = (b: number) => `${num(b / 1024, 1)} KB`;

export function formatSearchSection(before: Measurement | undefined, after: Measurement): string {
  const rows = (m: Measurement) =>
    (['tuning', 'heldOut'] as const).map((set) => {
      const s = m[set];
      const w = m.weights;
      const maxTotal = Math.max(...w.map((x) => x.total));
      const maxSearch = Math.max(...w.map((x) => x.search));
      return `| ${m.label} (${m.date}) | ${set === 'tuning' ? 'Entwicklungssatz' : 'zurückgehaltener Satz'} (${s.n}) | ${num(s.hit1)} | ${num(s.hit3)} | ${num(s.mrr)} | ${pct(s.zero)} | ${kb(maxTotal)} (Suche ${kb(maxSearch)}) |`;
    });
  const weightLines = (m: Measurement) => m.weights.map((w) => `„${w.query}“ ${kb(w.total)} (Suche ${kb(w.search)}, ${w.files} Dateien)`).join(' · ');
  const misses = [
    ...after.tuning.misses.map((m) => `- Entwicklungssatz: ${m}`),
    ...after.heldOut.misses.map((m) => `- zurückgehaltener Satz: ${m}`),
  ];
  return [
    searchSectionTitle,
    '',
    'Erzeugt mit `npm run bench -- search`. Abfragesatz: scripts/lib/bench/search-queries.ts, geschrieben vor dem Abstimmen der Suche aus dem',
    'Programmtext 2021 und aus Fragen neuer Kolleginnen und Kollegen; jede Abfrage nennt die Seiten, von denen eine unter den ersten',
    'drei stehen muss. Der zurückgehaltene Satz wurde nicht zum Abstimmen von Wörtern, Gewichten oder Regeln benutzt; einmal hat er',
    'einen Fehler gezeigt, der behoben wurde (zusammengesetzte Wörter wie „Pflegeberatung“, deren Teile Pagefind einzeln findet,',
    'galten als nicht gefunden; davor zurückgehaltener Satz hit@1 0,85, hit@3 0,90). hit@1/hit@3: Anteil der Abfragen mit',
    'einer richtigen Seite an erster Stelle / unter den ersten drei; MRR: Mittel von 1/Rang der ersten richtigen Seite (unter den ersten zehn);',
    '„ohne Treffer“: Anteil der Abfragen, die „Keine Treffer“ melden. Ziel: hit@3 ≥ 0,97, hit@1 ≥ 0,90.',
    '',
    'Gewicht der ersten Suche: Chromium öffnet /suche/?q=… ohne Cache; jede geladene Datei zählt mit ihrer gzip-Größe (Stufe 9, wie',
    'vorkomprimiert ausgeliefert; von Pagefind schon komprimierte Dateien mit ihrer eigenen Größe). Angegeben: das Maximum über die',
    `Abfragen ${weightQueries.map((q) => `„${q}“`).join(', ')}; „Suche“ ist der Anteil von Suchskript, Pagefind und Wörterbuch. Ziel: ≤ 100 KB.`,
    '',
    '| Stand | Abfragesatz | hit@1 | hit@3 | MRR | ohne Treffer | erste Suche (gzip) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...(before ? rows(before) : []),
    ...rows(after),
    '',
    ...(before ? [`Vorher je Abfrage: ${weightLines(before)}`, ''] : []),
    `Nachher je Abfrage: ${weightLines(after)}`,
    '',
    ...(after.weights[0]?.parts
      ? [
          `Zusammensetzung nachher („${after.weights[0].query}“): ${Object.entries(after.weights[0].parts)
            .sort((a, b) => b[1] - a[1])
            .map(([k, v]) => `${k} ${kb(v)}`)
            .join(' · ')}. Pagefinds WebAssembly (schon komprimiert), sein Skript und ein Teil des Index`,
          'kommen bei jeder ersten Suche; zusammen liegen sie über 100 KB, das Ziel ist mit Pagefind 1.5 so nicht erreichbar.',
          '',
        ]
      : []),
    misses.length > 0 ? 'Nicht unter den ersten drei (nachher):' : 'Nachher steht für jede Abfrage eine richtige Seite unter den ersten drei.',
    ...(misses.length > 0 ? ['', ...misses] : []),
    '',
  ].join('\n');
}

export function writeSearchSection(repo: string, section: string): void {
  const file = path.join(repo, 'BENCHMARKS.md');
  writeFileSync(file, replaceBenchmarksSection(existsSync(file) ? readFileSync(file, 'utf8') : undefined, searchSectionTitle, section));
}
