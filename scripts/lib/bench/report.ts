/**
 * Pure parts of the build benchmark: statistics, the year substitution of the synthetic archive,
 * and the "## Build-Benchmark" section of BENCHMARKS.md (other sections of that file belong to
 * other tools and stay as they are).
 */
import { replaceBenchmarksSection } from '../benchmarks-md.ts';
import { median } from '../stats.ts';

export const sectionTitle = '## Build-Benchmark';


/**
 * A programme file of `from` rewritten as year `to`: the year and the year before it move by the
 * same distance ("Eintritte 2021" → "Eintritte 2009", "Ansatz 2020" → "Ansatz 2008"); other numbers
 * stay. Synthetic data for the benchmark only, never published.
 */
export function shiftYear(text: string, from: number, to: number): string {
  const delta = to - from;
  return text.replace(/(?<!\d)(\d{4})(?!\d)/g, (y) => (Number(y) === from || Number(y) === from - 1 ? String(Number(y) + delta) : y));
}

/** The years of a synthetic archive of n years ending with `newest`, oldest first. */
export const archiveYears = (n: number, newest: number) => Array.from({ length: n }, (_, i) => newest - n + 1 + i);

export type PageStats = { pages: number; meanBytes: number; meanGzip: number; maxBytes: number; maxGzip: number; maxUrl: string };

/** Size statistics over the HTML pages of a built site. */
export function pageStats(pages: readonly { url: string; bytes: number; gzip: number }[]): PageStats {
  if (pages.length === 0) throw new Error('Die gebaute Website enthält keine HTML-Seite');
  const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const sum = (f: (p: { bytes: number; gzip: number }) => number) => pages.reduce((s, p) => s + f(p), 0);
  return {
    pages: pages.length,
    meanBytes: sum((p) => p.bytes) / pages.length,
    meanGzip: sum((p) => p.gzip) / pages.length,
    maxBytes: largest.bytes,
    maxGzip: Math.max(...pages.map((p) => p.gzip)),
    maxUrl: largest.url,
  };
}

export type Run = {
  /** Wall time of the whole build (data check, astro build, post-build steps), ms. */
  totalMs: number;
  /** Wall time per phase of scripts/build.ts ("astro build", "Suchindex …", …), ms. */
  phases: Record<string, number>;
  /** Peak of the summed RSS of the build's process tree (sampled), bytes. */
  peakTreeRss: number;
  /** Peak RSS of the largest single process (getrusage via /usr/bin/time, else sampled), bytes. */
  peakProcessRss: number;
  /** User + system CPU time of the whole process tree (getrusage via /usr/bin/time), ms; undefined without it. */
  cpuMs: number | undefined;
  /** 1-minute load average of the machine before and after the build (others' work skews wall times). */
  load: [number, number];
};

export type Result = {
  years: number;
  runs: Run[];
  site: PageStats & { searchIndexBytes: number | undefined; searchIndexFiles: number | undefined; pdfBytes: number; pdfs: number };
};

export type Machine = { cpu: string; cores: number; memoryBytes: number; node: string; os: string; astro: string; chromium: string };

const de = (n: number, digits = 0) => n.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kb = (bytes: number) => `${de(bytes / 1024, 1)} KB`;
const mb = (bytes: number) => `${de(bytes / 1024 / 1024, 0)} MB`;
const s = (ms: number) => de(ms / 1000, 1);

/** Median over the runs of one figure. */
const med = (r: Result, f: (run: Run) => number) => median(r.runs.map(f));

/** The phases in the order the build runs them (first appearance over all results). */
function phaseNames(results: readonly Result[]): string[] {
  const names: string[] = [];
  for (const r of results) for (const run of r.runs) for (const name of Object.keys(run.phases)) if (!names.includes(name)) names.push(name);
  return names;
}

export type ReportInput = { results: Result[]; machine: Machine; date: string; command: string; findings: string[] };

export function formatSection({ results, machine, date, command, findings }: ReportInput): string {
  const runs = results[0]?.runs.length ?? 0;
  const lines = [
    sectionTitle,
    '',
    `Gemessen am ${date} mit \`${command}\`: synthetische Archive aus N Kopien des Jahres 2021 (Jahreszahl geändert,`,
    'in einem temporären Ordner, nie veröffentlicht), jedes mit `scripts/build.ts` gebaut wie `npm run build`',
    `(Datenprüfung, astro build, Suchindex, PDFs, Linkprüfung), kalt (ohne Astro-Cache), ${runs} Läufe je N, Median.`,
    '',
    `Rechner: ${machine.cpu}, ${machine.cores} Kerne, ${de(machine.memoryBytes / 1024 ** 3, 1)} GB RAM; ${machine.os};`,
    `Node ${machine.node}, Astro ${machine.astro}, ${machine.chromium}.`,
    'Spitzen-RSS: Summe über alle Prozesse des Builds (alle 100 ms abgetastet; gemeinsam genutzter Speicher zählt mehrfach, also eine',
    'obere Grenze) und der größte einzelne Prozess. Seitengrößen über alle HTML-Seiten; die PDFs schreibt der Build in jedes Jahr.',
    '',
    '| N Jahre | Seiten | Build (s) | ms je Seite | CPU (s) | CPU-ms je Seite | astro build: ms je Seite | Spitzen-RSS Prozessbaum / größter Prozess | Seite im Mittel (gzip) | größte Seite (gzip) | Suchindex (Pagefind) | PDFs |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const total = med(r, (x) => x.totalMs);
    const astro = med(r, (x) => x.phases['astro build'] ?? 0);
    const cpu = r.runs.every((x) => x.cpuMs !== undefined) ? med(r, (x) => x.cpuMs!) : undefined;
    const site = r.site;
    const cells = [
      r.years,
      site.pages,
      s(total),
      de(total / site.pages, 1),
      cpu === undefined ? '–' : s(cpu),
      cpu === undefined ? '–' : de(cpu / site.pages, 1),
      de(astro / site.pages, 1),
      `${mb(med(r, (x) => x.peakTreeRss))} / ${mb(med(r, (x) => x.peakProcessRss))}`,
      `${kb(site.meanBytes)} (${kb(site.meanGzip)})`,
      `${kb(site.maxBytes)} (${kb(site.maxGzip)}) ${site.maxUrl}`,
      site.searchIndexBytes === undefined ? '–' : `${kb(site.searchIndexBytes)} in ${site.searchIndexFiles} Dateien`,
      `${site.pdfs} × ${kb(site.pdfBytes / Math.max(site.pdfs, 1))}`,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const phases = phaseNames(results);
  lines.push('', 'Dauer der Schritte (s, Median; in Klammern: ms je Seite):', '');
  lines.push(`| N Jahre | ${phases.join(' | ')} |`, `| ---: | ${phases.map(() => '---:').join(' | ')} |`);
  for (const r of results) {
    const cells = phases.map((name) => {
      const ms = med(r, (x) => x.phases[name] ?? 0);
      return `${s(ms)} (${de(ms / r.site.pages, 1)})`;
    });
    lines.push(`| ${r.years} | ${cells.join(' | ')} |`);
  }
  lines.push('', 'Einzelne Läufe: Build in s (Last des Rechners, 1-Minuten-Mittel, vorher → nachher):', '');
  for (const r of results)
    lines.push(`- N = ${r.years}: ${r.runs.map((x) => `${s(x.totalMs)} (${de(x.load[0], 1)} → ${de(x.load[1], 1)})`).join(' · ')}`);
  for (const finding of findings) lines.push('', finding);
  return lines.join('\n') + '\n';
}

/** BENCHMARKS.md with the Build-Benchmark section replaced (or appended); other sections untouched. */
export const replaceSection = (file: string | undefined, section: string): string => replaceBenchmarksSection(file, sectionTitle, section);
