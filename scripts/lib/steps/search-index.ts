/**
 * Post-build step: the Pagefind search index over the new site, German (stemming for "de"),
 * written to <site>/pagefind/. Only the regions marked data-pagefind-body are indexed (the main
 * content of each page; the layout leaves it off the 404 and search pages). The index reads a
 * copy of each page with the search's additions (src/lib/search/prepare.ts: the names of the terms
 * the page uses, weights, headings for rows and glossary entries); the search's dictionary
 * (/suche/begriffe.json, built by Astro from the registries) gets the words of all headings.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { PostBuildStep } from '../post-build.ts';
import { listPages } from '../site-files.ts';
import { isCompressible } from '../hosting.ts';
import { precompress } from './serve-files.ts';
import { glossaryHref, instrumentsHref, legalBasesHref, targetGroupsHref } from '../../../src/lib/links/hrefs.ts';
import { headingWords, prepareForIndex, type PageRole } from '../../../src/lib/search/prepare.ts';
import { fold } from '../../../src/lib/search/text.ts';
import type { SearchTerms } from '../../../src/lib/search/terms.ts';

/** Where the search page finds its dictionary (written by src/pages/suche/begriffe.json.ts). */
export const termsFile = 'suche/begriffe.json';

/**
 * How a page counts for the ranking: a year's whole programme on one page (/2021/gesamt/) repeats
 * the chapters and is left out; overviews and lists weigh little, the imprint and the
 * accessibility statement less; everything else is content.
 */
export function roleOfUrl(url: string): PageRole | 'skip' {
  if (/^\/\d{4}\/gesamt\/$/.test(url)) return 'skip';
  if ([instrumentsHref, targetGroupsHref, legalBasesHref, '/'].includes(url) || /^\/\d{4}\/(daten\/|vergleich\/)?$/.test(url)) return 'list';
  if (/^\/\d{4}\//.test(url) || url.startsWith(instrumentsHref) || url.startsWith(targetGroupsHref) || url.startsWith(legalBasesHref) || url === glossaryHref)
    return 'content';
  return 'frame';
}

/** Parts of the main content that are navigation or repeat text shown elsewhere on the page. */
export const excludeSelectors = [
  '.sidebar', // the contents of the year, on every chapter page
  '.on-page', // "Auf dieser Seite"
  '.pagination', // previous/next chapter
  '.breadcrumbs',
  '.filter-nav',
  'form',
  'svg', // chart labels; the same numbers stand in the table next to each chart
];

/**
 * Astro writes HTML without whitespace between tags ("<th>Instrument</th><th>Eintritte 2021</th>"),
 * and Pagefind then reads adjacent table cells as one word ("InstrumentEintritte"), so words in
 * tables could not be found. The index gets a copy with a space after each block or cell end tag;
 * the published pages stay as built.
 */
export const separateBlocks = (html: string) =>
  html.replace(/(<\/(?:td|th|caption|tr|thead|tbody|tfoot|table|li|dt|dd|p|div|h[1-6]|figcaption|blockquote|section|nav|ul|ol|dl)>|<br\s*\/?>)(?=<)/gi, '$1 ');

/** Files of Pagefind's bundled user interfaces, which the site does not use: not written. */
export const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  // The search page runs Pagefind without its web worker (src/lib/search/client.ts: noWorker).
  'pagefind-worker.js',
];

export async function buildSearchIndex(dir: string): Promise<{ pages: number }> {
  const dictPath = path.join(dir, termsFile);
  const dict = JSON.parse(readFileSync(dictPath, 'utf8')) as SearchTerms;
  const pagesHtml = listPages(dir).map(({ file, rel, url }) => ({ rel, url, role: roleOfUrl(url), html: readFileSync(file, 'utf8') }));
  // The vocabulary of the typo correction: the dictionary's names and the words of every heading.
  const vocabulary = new Map(dict.vocabulary.map((w) => [fold(w), w]));
  for (const p of pagesHtml) {
    if (!/data-pagefind-body/.test(p.html) || p.role !== 'content') continue;
    for (const w of headingWords(p.html)) if (w.length >= 4 && !/\d/.test(w) && !vocabulary.has(fold(w))) vocabulary.set(fold(w), w);
  }
  dict.vocabulary = [...vocabulary.values()].sort((a, b) => a.localeCompare(b, 'de'));
  writeFileSync(dictPath, JSON.stringify(dict));

  const { errors, index } = await pagefind.createIndex({ forceLanguage: 'de', excludeSelectors });
  try {
    if (!index) throw new Error(`Pagefind startet nicht: ${errors.join('; ')}`);
    // All pages handed over at once: Pagefind indexes one while the next is being prepared here.
    const added = await Promise.all(
      pagesHtml.flatMap(({ rel, url, role, html }) => {
        if (role === 'skip') return [];
        const year = /^\/(\d{4})\//.exec(url)?.[1];
        const content = prepareForIndex(separateBlocks(html), dict, { url, role, year });
        return [index.addHTMLFile({ url, content }).then((result) => ({ rel, errors: result.errors }))];
      }),
    );
    for (const { rel, errors } of added) if (errors.length > 0) throw new Error(`Pagefind, ${rel}: ${errors.join('; ')}`);
    // The files come back in memory and are written here: complete when this returns (Pagefind's
    // own writeFiles could answer before its service had finished writing).
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new Error(`Pagefind: ${bundle.errors.join('; ')}`);
    const outputPath = path.join(dir, 'pagefind');
    const written: string[] = [];
    for (const { path: rel, content } of bundle.files) {
      // The search page has its own small interface (src/lib/search/); Pagefind's ready-made
      // interfaces would only be dead weight on the server.
      if (unusedBundleFiles.includes(rel)) continue;
      const file = path.join(outputPath, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      written.push(path.relative(dir, file).split(path.sep).join('/'));
    }
    // Its text files (script, entry) as the server sends them; the index and fragments are compressed by Pagefind.
    await precompress(dir, written.filter(isCompressible).sort());
    // Pages without data-pagefind-body (404, search) are left out; an empty index means the layout lost the marker.
    const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    if (pages === 0) throw new Error(`Pagefind hat in ${dir} keine Seite mit data-pagefind-body gefunden`);
    return { pages };
  } finally {
    await pagefind.close();
  }
}

export const searchIndexStep: PostBuildStep = {
  name: 'Suchindex (Pagefind, Deutsch)',
  async run({ dir }) {
    await buildSearchIndex(dir);
  },
};
