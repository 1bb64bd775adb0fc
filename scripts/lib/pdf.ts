/**
 * Prints the whole programme of each year (/<year>/gesamt/) of a built site into
 * <dir>/<year>/amip-<year>.pdf with Debian's Chromium: A4, a document outline (bookmarks) from
 * the headings, tagged (accessible) PDF with real text, page numbers in the footer and in the
 * contents. Runs as a post-build step and as `npm run pdf` on dist/.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { editionHref, pdfFileName } from '../../src/components/print/edition.ts';
import { chromiumPath, launchBrowser } from './chromium.ts';
import { startStaticServer } from './static-server.ts';

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
async function printEdition(browser: Browser, origin: string, year: string, siteUrl: string | undefined): Promise<Buffer> {
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
      if (JSON.stringify(pages) === JSON.stringify(filled)) return pdf;
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
};

/** Writes <dir>/<year>/amip-<year>.pdf for every year with a whole-programme page. */
export async function writePdfs({ dir, years = editionYears(dir), log = () => {}, concurrency = Math.min(4, availableParallelism()) }: PdfOptions): Promise<string[]> {
  if (years.length === 0) return [];
  if (!existsSync(chromiumPath)) throw new Error(`PDF: kein Chromium unter ${chromiumPath} (Debian-Paket chromium, oder CHROMIUM_PATH setzen)`);
  const siteUrl = siteUrlOf(dir);
  const server = await startStaticServer(dir);
  const browser = await launchBrowser();
  const written: string[] = [];
  const queue = [...years];
  // Each year prints in its own tab (its own renderer process): as many at a time as there are
  // cores, so that an archive of many years does not print one PDF after the other.
  const worker = async () => {
    for (let year = queue.shift(); year !== undefined; year = queue.shift()) {
      const started = Date.now();
      const pdf = await printEdition(browser, server.origin, year, siteUrl);
      const file = pdfPath(dir, year);
      writeFileSync(file, pdf);
      written.push(file);
      log(`PDF ${path.relative(dir, file)}: ${(pdf.length / 1024).toFixed(0)} KB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, years.length) }, worker));
  } finally {
    await browser.close();
    await server.close();
  }
  return written.sort();
}
