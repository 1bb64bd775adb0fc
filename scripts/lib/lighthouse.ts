/**
 * Lighthouse over the built site, shared by the test (tests/browser/lighthouse.test.ts asserts
 * accessibility, best practices and SEO) and `npm run lighthouse` (reports all four scores into
 * BENCHMARKS.md). Lighthouse's default configuration is the mobile one (emulated phone,
 * simulated slow 4G and CPU throttling).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import lighthouse, { type Result, type Flags } from 'lighthouse';
import { replaceBenchmarksSection } from './benchmarks-md.ts';

export type SamplePage = { label: string; url: string };

/** Newest programme year in the dist folder (top-level folders named like 2021). */
export function newestYear(dir: string): string {
  const years = readdirSync(dir)
    .filter((name) => /^\d{4}$/.test(name))
    .sort();
  const year = years.at(-1);
  if (!year) throw new Error(`${dir}: kein Programmjahr (Ordner wie 2021/) gefunden`);
  return year;
}

const exists = (dir: string, url: string) => existsSync(path.join(dir, url, 'index.html'));

/** The first chapter page of a year (in folder order) whose HTML contains `marker`. */
function firstChapterWith(dir: string, year: string, marker: string): string | undefined {
  const yearDir = path.join(dir, year);
  return readdirSync(yearDir)
    .sort()
    .find((name) => exists(yearDir, name) && readFileSync(path.join(yearDir, name, 'index.html'), 'utf8').includes(marker));
}

/**
 * The pages Lighthouse and the keyboard test look at, whatever the content: the programme home,
 * the first chapter with charts (else the first chapter), an instrument page (the first one in
 * /instrumente/, or a chapter with a table while there are no instrument pages) the glossary and Leichte Sprache.
 */
export function samplePages(dir: string): SamplePage[] {
  const year = newestYear(dir);
  const charts = firstChapterWith(dir, year, 'class="chart"') ?? firstChapterWith(dir, year, '<h1');
  const table = firstChapterWith(dir, year, '<table') ?? charts;
  const instrumentDir = path.join(dir, 'instrumente');
  const instrument = existsSync(instrumentDir)
    ? readdirSync(instrumentDir)
        .filter((name) => exists(instrumentDir, name))
        .sort()[0]
    : undefined;
  const pages: SamplePage[] = [
    { label: 'Programmstartseite', url: `/${year}/` },
    { label: 'Kapitel mit Schaubildern', url: `/${year}/${charts}/` },
    instrument
      ? { label: 'Instrumentenseite', url: `/instrumente/${instrument}/` }
      : { label: 'Kapitel mit Tabellen', url: `/${year}/${table}/` },
    { label: 'Abkürzungsverzeichnis', url: '/glossar/' },
    // BITV 2.0 § 4: the explanations in Leichte Sprache (large type, its own heading sizes).
    { label: 'Leichte Sprache', url: '/leichte-sprache/' },
  ];
  for (const p of pages) if (!exists(dir, p.url)) throw new Error(`${dir}: Beispielseite ${p.url} (${p.label}) fehlt`);
  return pages;
}

export type CategoryId = 'performance' | 'accessibility' | 'best-practices' | 'seo';
export const allCategories: CategoryId[] = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * One Lighthouse run (mobile) on a Chromium that listens on `port`. A run that Lighthouse itself
 * could not complete (runtimeError such as NO_NAVSTART, a lost trace) is repeated up to twice;
 * a completed run is never repeated, so a low score is never retried away.
 */
export async function runLighthouse(port: number, url: string, categories: CategoryId[]): Promise<Result> {
  const flags: Flags = { port, logLevel: 'error', output: 'json', onlyCategories: categories };
  const errors: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const result = await lighthouse(url, flags);
    if (!result) throw new Error(`Lighthouse lieferte kein Ergebnis für ${url}`);
    const lhr = result.lhr;
    if (!lhr.runtimeError) return lhr;
    errors.push(`${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  }
  throw new Error(`Lighthouse konnte ${url} nicht prüfen (3 Versuche): ${errors.join(' | ')}`);
}

/** Score of a category as 0–100 (null when Lighthouse could not compute it). */
export function score(lhr: Result, category: CategoryId): number | null {
  const s = lhr.categories[category]?.score;
  return s === null || s === undefined ? null : Math.round(s * 100);
}

type Item = Record<string, unknown>;

/** A short description of an audit's offending items (element selectors, snippets, URLs). */
function describeItems(details: unknown, max = 5): string[] {
  const items = (details as { items?: Item[] } | undefined)?.items ?? [];
  return items.slice(0, max).map((item) => {
    const node = item.node as { selector?: string; snippet?: string; explanation?: string } | undefined;
    if (node) return `${node.selector ?? ''} ${node.snippet ?? ''}${node.explanation ? ` – ${node.explanation}` : ''}`.trim();
    const parts = ['description', 'source', 'url', 'text', 'issueType', 'label']
      .map((k) => item[k])
      .filter((v) => typeof v === 'string' || typeof v === 'number');
    return parts.length > 0 ? parts.join(' – ') : JSON.stringify(item).slice(0, 200);
  });
}

/** Why a category is below 100: every audit in it that counts and did not pass, with its items. */
export function categoryFailures(lhr: Result, category: CategoryId): string[] {
  const cat = lhr.categories[category];
  if (!cat) return [`Kategorie ${category} fehlt im Ergebnis`];
  const lines: string[] = [];
  for (const ref of cat.auditRefs) {
    const audit = lhr.audits[ref.id];
    if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
    lines.push(
      `${ref.id} (Score ${Math.round(audit.score * 100)}, Gewicht ${ref.weight}): ${audit.title}` +
        (audit.displayValue ? ` – ${audit.displayValue}` : '') +
        (audit.explanation ? ` – ${audit.explanation}` : ''),
    );
    for (const item of describeItems(audit.details)) lines.push(`    ${item}`);
  }
  return lines;
}

export const sectionTitle = '## Lighthouse';

/** BENCHMARKS.md with the "## Lighthouse" section replaced (or appended); other sections untouched. */
export const replaceLighthouseSection = (file: string | undefined, section: string): string =>
  replaceBenchmarksSection(file, sectionTitle, section);

