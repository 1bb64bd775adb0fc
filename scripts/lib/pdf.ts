/**
 * Prints the whole programme of each year (/<year>/gesamt/) of a built site into
 * <dir>/<year>/amip-<year>.pdf with Debian's Chromium: A4, a document outline (bookmarks) from
 * the headings, tagged (accessible) PDF with real text, page numbers in the footer and in the
 * contents; finished to PDF/UA (pdf-ua.ts) and normalised (reproducible.ts) right here, so that
 * the build's post-build step and `npm run pdf` write the same bytes.
 *
 * Printing takes seconds per year; a year whose print edition has not changed (same HTML, the
 * stylesheets, fonts and images it uses, the same Chromium and PDF code) is copied from the
 * cache in node_modules/.cache/amip-pdf/ instead (never in dist/).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import path from 'node:path';
import pMap from 'p-map';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { editionHref, pdfFileName } from '../../src/components/print/edition.ts';
import { chromiumPath, launchBrowser } from './chromium.ts';
import { normalizePdf, pdfDate } from './reproducible.ts';

export { chromiumPath };

/** The page margins of global.css's @page rule; the footer with the page number sits in the bottom one. */
const margin = { top: '20mm', right: '18mm', bottom: '22mm', left: '18mm' };

/** Years of a built site that have a whole-programme page. */
export function editionYears(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}$/.test(name) && existsSync(path.join(dir, name, 'gesamt', 'index.html')))
    .sort();
}

export const pdfPath = (dir: string, year: string) => path.join(dir, year, pdfFileName(year));

/**
 * The site's own address, from a canonical link of the built home page (settings.yaml siteUrl);
 * undefined when the publisher has not set one.
 */
export function siteUrlOf(dir: string): string | undefined {
  const home = path.join(dir, 'index.html');
  if (!existsSync(home)) return undefined;
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(home, 'utf8'))?.[1];
  return canonical ? new URL('/', canonical).href : undefined;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function footerTemplate(title: string): string {
  return `<div style="font: 8pt system-ui, sans-serif; color: #333; width: 100%; margin: 0 ${margin.right} 0 ${margin.left}; display: flex; justify-content: space-between;">
<span>${escapeHtml(title)}</span><span>Seite <span class="pageNumber"></span> von <span class="totalPages"></span></span></div>`;
}

async function renderPdf(page: Page, title: string): Promise<Buffer> {
  return page.pdf({
    format: 'A4',
    margin,
    printBackground: true,
    outline: true,
    tagged: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(title),
  });
}

export type OutlineEntry = { title: string; page: number; depth: number };

/** The bookmarks of a PDF with the page (1-based) each points to, depth-first. */
export async function pdfOutline(data: Uint8Array): Promise<OutlineEntry[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const out: OutlineEntry[] = [];
    type Item = { title: string; dest: string | unknown[] | null; items: Item[] };
    const walk = async (items: Item[], depth: number) => {
      for (const item of items) {
        const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
        const ref = dest?.[0];
        const page =
          ref && typeof ref === 'object' ? (await doc.getPageIndex(ref as { num: number; gen: number })) + 1 : typeof ref === 'number' ? ref + 1 : 0;
        out.push({ title: item.title, page, depth });
        await walk(item.items ?? [], depth + 1);
      }
    };
    await walk(((await doc.getOutline()) ?? []) as Item[], 0);
    return out;
  } finally {
    await doc.destroy();
  }
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Chromium's bookmarks join the lines of a wrapped heading without a space: compare without any. */
const outlineKey = (s: string) => s.replace(/\s+/g, '');

/**
 * Page number of each contents entry: the entry links to a section whose first heading is an
 * outline entry of the PDF. Returns target id → page.
 */
async function contentsPages(page: Page, outline: OutlineEntry[]): Promise<Record<string, number>> {
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.page-ref[data-target]')].map((ref) => {
      const target = document.getElementById(ref.dataset.target!);
      const heading = target?.matches('h1, h2, h3, h4, h5, h6') ? target : target?.querySelector('h1, h2, h3, h4, h5, h6');
      return { id: ref.dataset.target!, heading: heading?.textContent ?? '' };
    }),
  );
  const byTitle = new Map<string, number>();
  for (const entry of outline) if (!byTitle.has(outlineKey(entry.title))) byTitle.set(outlineKey(entry.title), entry.page);
  const pages: Record<string, number> = {};
  const missing: string[] = [];
  for (const { id, heading } of headings) {
    const number = byTitle.get(outlineKey(heading));
    if (number) pages[id] = number;
    else missing.push(`#${id} („${normalise(heading)}“)`);
  }
  if (missing.length > 0) throw new Error(`Im Inhaltsverzeichnis verweisen Einträge auf Abschnitte ohne Lesezeichen im PDF: ${missing.join(', ')}`);
  return pages;
}

/**
 * Links to other pages of the site: absolute (and kept) when the site's address is known,
 * otherwise plain text, since a PDF cannot follow a link relative to the print server.
 */
async function prepareLinks(page: Page, siteUrl: string | undefined): Promise<void> {
  await page.evaluate((site) => {
    for (const a of [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]) {
      const href = a.getAttribute('href')!;
      if (href.startsWith('#')) continue;
      const url = new URL(href, location.href);
      if (url.origin !== location.origin) continue;
      if (site) {
        a.href = new URL(url.pathname + url.search + url.hash, site).href;
        a.classList.add('site-link');
      } else {
        a.replaceWith(...a.childNodes);
      }
    }
  }, siteUrl);
}

/** Renders one year's edition; the contents get page numbers (a second pass once they are known). */
async function printEdition(browser: Browser, origin: string, year: string, siteUrl: string | undefined): Promise<{ pdf: Buffer; headings: string[] }> {
  const context = await browser.newContext({ colorScheme: 'light' });
  try {
    const page = await context.newPage();
    const response = await page.goto(origin + editionHref(year), { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${editionHref(year)}: HTTP ${response?.status()}`);
    await prepareLinks(page, siteUrl);
    const title = normalise((await page.locator('h1').first().textContent()) ?? '');
    let filled: Record<string, number> = {};
    for (let pass = 1; ; pass++) {
      const pdf = await renderPdf(page, title);
      const pages = await contentsPages(page, await pdfOutline(pdf));
      if (JSON.stringify(pages) === JSON.stringify(filled)) {
        // The headings as read (innerText keeps the space where a line wraps): the bookmarks' titles.
        const headings = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].map((h) => h.innerText));
        return { pdf, headings };
      }
      if (pass === 3) throw new Error(`${editionHref(year)}: die Seitenzahlen des Inhaltsverzeichnisses stehen nach drei Durchgängen nicht fest`);
      filled = pages;
      await page.evaluate((numbers) => {
        for (const ref of document.querySelectorAll<HTMLElement>('.page-ref[data-target]')) ref.textContent = String(numbers[ref.dataset.target!] ?? '');
      }, pages);
    }
  } finally {
    await context.close();
  }
}

export type PdfOptions = {
  dir: string;
  years?: string[];
  log?: (line: string) => void;
  /** Years printed at the same time (default: the number of cores, at most 4). */
  concurrency?: number;
  /** Folder of the print cache (default node_modules/.cache/amip-pdf of the project); false: always print. */
  cacheDir?: string | false;
  env?: NodeJS.ProcessEnv;
};

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultPdfCacheDir = path.join(projectRoot, 'node_modules', '.cache', 'amip-pdf');

/** Files that decide how a page prints: stylesheets, scripts, fonts and images, not other pages or downloads. */
const printInputs = /\.(?:css|m?js|woff2?|ttf|otf|svg|png|jpe?g|webp|avif|gif)$/i;

/** The local files a page or stylesheet refers to (src, href, url()), recursively through stylesheets. */
function referencedFiles(dir: string, file: string, seen = new Set<string>()): Set<string> {
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/(?:\b(?:src|href)=["']|url\(\s*["']?)(\/(?!\/)[^"')\s#?]*)/g)) {
    const target = path.join(dir, decodeURI(m[1]!));
    if (seen.has(target) || !printInputs.test(target) || !existsSync(target) || !statSync(target).isFile()) continue;
    seen.add(target);
    if (target.endsWith('.css')) referencedFiles(dir, target, seen);
  }
  return seen;
}

/** Name, size and time of every installed font file: Chromium prints with the system's fonts. */
function fontsFingerprint(): string {
  const dirs = ['/usr/share/fonts', '/usr/local/share/fonts', path.join(homedir(), '.local/share/fonts'), path.join(homedir(), '.fonts')];
  const out: string[] = [];
  for (const d of dirs.filter((d) => existsSync(d))) {
    for (const rel of readdirSync(d, { recursive: true, encoding: 'utf8' }).sort()) {
      const st = statSync(path.join(d, rel));
      if (st.isFile()) out.push(`${d}/${rel}:${st.size}:${st.mtimeMs}`);
    }
  }
  return out.join('\n');
}

/** Everything the bytes of a year's PDF depend on, as one hash (see the cache above). */
export function editionHash(dir: string, year: string, siteUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const page = path.join(dir, year, 'gesamt', 'index.html');
  const hash = createHash('sha256');
  const add = (label: string, data: string | Buffer) => hash.update(`${label}\0${data.length}\0`).update(data);
  add('page', readFileSync(page));
  for (const file of [...referencedFiles(dir, page)].sort()) add(path.relative(dir, file), readFileSync(file));
  add('site', siteUrl ?? '');
  add('date', pdfDate(Number(year), env));
  const browser = existsSync(chromiumPath) ? realpathSync(chromiumPath) : undefined;
  add('chromium', browser ? `${browser}:${statSync(browser).size}:${statSync(browser).mtimeMs}` : 'keins');
  add('fonts', fontsFingerprint());
  // The code that prints and finishes the PDF, and the libraries it uses.
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const file of ['pdf.ts', 'pdf-ua.ts', 'pdf-content.ts', 'reproducible.ts', '../../src/lib/pdf-conformance.ts']) add(file, readFileSync(path.join(here, file)));
  add('zlib', process.versions.zlib ?? '');
  for (const pkg of ['pdf-lib', 'pdfjs-dist', 'playwright-core']) add(pkg, readFileSync(path.join(projectRoot, 'node_modules', pkg, 'package.json')));
  return hash.digest('hex').slice(0, 32);
}

/** A printed PDF made PDF/UA and reproducible: the bytes that are written, whoever calls. */
async function finishedPdf(printed: { pdf: Buffer; headings: string[] }, year: string, env: NodeJS.ProcessEnv): Promise<Buffer> {
  const date = pdfDate(Number(year), env);
  // Loaded only when a year is printed (pdf-lib, pdf.js): a build whose PDFs come from the cache never loads them.
  const { finishPdfUa } = await import('./pdf-ua.ts');
  return normalizePdf(Buffer.from(await finishPdfUa(printed.pdf, { headings: printed.headings, date })), date);
}

/** Writes <dir>/<year>/amip-<year>.pdf for every year with a whole-programme page. */
export async function writePdfs({
  dir,
  years = editionYears(dir),
  log = () => {},
  concurrency = Math.min(4, availableParallelism()),
  cacheDir = defaultPdfCacheDir,
  env = process.env,
}: PdfOptions): Promise<string[]> {
  if (years.length === 0) return [];
  const siteUrl = siteUrlOf(dir);
  const written: string[] = [];
  const toPrint: { year: string; cached?: string }[] = [];
  for (const year of years) {
    if (!cacheDir) {
      toPrint.push({ year });
      continue;
    }
    const cached = path.join(cacheDir, `${year}-${editionHash(dir, year, siteUrl, env)}.pdf`);
    if (existsSync(cached)) {
      const file = pdfPath(dir, year);
      writeFileSync(file, readFileSync(cached));
      const now = new Date();
      utimesSync(cached, now, now); // most recently used
      written.push(file);
      log(`PDF ${path.relative(dir, file)}: unverändert, aus dem Zwischenspeicher (${path.relative(projectRoot, cached)})`);
    } else toPrint.push({ year, cached });
  }
  if (toPrint.length === 0) return written.sort();
  if (!existsSync(chromiumPath)) throw new Error(`PDF: kein Chromium unter ${chromiumPath} (Debian-Paket chromium, oder CHROMIUM_PATH setzen)`);
  const { startStaticServer } = await import('./static-server.ts');
  const server = await startStaticServer(dir);
  const browser = await launchBrowser();
  const print = async (job: (typeof toPrint)[number]) => {
    const started = Date.now();
    const pdf = await finishedPdf(await printEdition(browser, server.origin, job.year, siteUrl), job.year, env);
    const file = pdfPath(dir, job.year);
    writeFileSync(file, pdf);
    written.push(file);
    if (job.cached) storeInCache(job.cached, job.year, pdf);
    log(`PDF ${path.relative(dir, file)}: ${(pdf.length / 1024).toFixed(0)} KB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  try {
    // Each year prints in its own tab (its own renderer process): as many at a time as there are
    // cores, so that an archive of many years does not print one PDF after the other.
    await pMap(toPrint, print, { concurrency });
  } finally {
    await browser.close();
    await server.close();
  }
  return written.sort();
}

/** How many PDFs of one year the cache keeps (the most recently used): a few builds of other data in between do not push out the current one. */
const cachedPerYear = 3;

/** Stores a PDF in the cache (written whole, then renamed) and drops the least recently used of its year. */
function storeInCache(file: string, year: string, pdf: Buffer): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const partial = `${file}.${process.pid}.part`;
  writeFileSync(partial, pdf);
  renameSync(partial, file);
  const entries = readdirSync(dir)
    .filter((name) => name.startsWith(`${year}-`) && name.endsWith('.pdf'))
    .map((name) => ({ file: path.join(dir, name), used: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const old of entries.slice(cachedPerYear)) rmSync(old.file, { force: true });
}
