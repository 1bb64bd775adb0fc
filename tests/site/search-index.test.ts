/**
 * The site search over the built site: the Pagefind index exists, is German, and finds what staff
 * look for (instruments, abbreviations, table rows, legal citations), with the chapter in the
 * result. The index is queried with Pagefind's own browser script, loaded in Node and pointed at a
 * local HTTP server over the built folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir } from '../lib/dist.ts';
import { listPages } from '../../scripts/lib/site-files.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { readYaml } from '../lib/content.ts';
import type { SearchTerms } from '../../src/lib/search/terms.ts';

type ResultData = { url: string; excerpt: string; meta: Record<string, string>; sub_results: { url: string; title: string }[] };
type Pagefind = {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<ResultData> }[] }>;
};

const dir = distDir();
let server: StaticServer | undefined;
let pagefind: Pagefind;

/** Every HTML page of the build as [url, html]. */
const pages = (): [string, string][] => listPages(dir).map((p) => [p.url, readFileSync(p.file, 'utf8')]);

/** All results of a query, as URL paths with their data. */
async function search(q: string): Promise<(ResultData & { path: string })[]> {
  const { results } = await pagefind.search(q);
  const data = await Promise.all(results.map((r) => r.data()));
  return data.map((d) => ({ ...d, path: new URL(d.url).pathname }));
}

beforeAll(async () => {
  if (!existsSync(path.join(dir, 'pagefind', 'pagefind.js')))
    throw new Error(`${dir}/pagefind/pagefind.js fehlt: die Website mit npm run build bauen (der Suchindex entsteht im Build-Schritt)`);
  server = await startStaticServer(dir);
  const origin = server.origin;
  pagefind = (await import(pathToFileURL(path.join(dir, 'pagefind', 'pagefind.js')).href)) as Pagefind;
  await pagefind.options({ basePath: `${origin}/pagefind/` });
  await pagefind.init();
});

afterAll(() => server?.close());

describe('the search index', () => {
  it('is one German index over the content pages', () => {
    const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['de']);
    const indexable = pages().filter(([, html]) => /<main[^>]*data-pagefind-body/.test(html));
    expect(entry.languages.de!.page_count).toBe(indexable.length);
    expect(indexable.length).toBeGreaterThan(50);
  });

  it.each([
    ['Einstiegsgeld', ['/instrumente/einstiegsgeld/', '/2021/integration/', '/2021/kennzahlen/', '/glossar/']],
    ['AVGS', ['/instrumente/avgs-mat/', '/2021/langzeitbezug/', '/2021/alleinerziehende/', '/2021/gefluechtete/', '/glossar/']],
    ['Schuldnerberatung', ['/instrumente/schuldnerberatung/', '/2021/kommunale-eingliederungsleistungen/']],
    ['16i', ['/rechtsgrundlagen/sgb2-16i/', '/instrumente/teilhabe-am-arbeitsmarkt/', '/2021/teilhabechancengesetz/', '/2021/kennzahlen/']],
  ])('finds „%s“ on the pages that name it, tables and glossary included', async (query, expected) => {
    const found = (await search(query)).map((r) => r.path);
    for (const url of expected) expect(found, `${query}: ${url}`).toContain(url);
    // Pages that do not contain the word are not results.
    expect(found).not.toContain('/impressum/');
  });

  it('finds the words of table cells, not cells glued together', async () => {
    // "Eintritte 2021" and "Funktion im Integrationsprozess" are neighbouring header cells.
    const found = (await search('Integrationsprozess')).map((r) => r.path);
    expect(found).toContain('/2021/integration/');
    const esg = (await search('1.000')).map((r) => r.path);
    expect(esg).toContain('/2021/integration/');
  });

  it('stems German words', async () => {
    // The text writes "Eingliederungszuschüsse (EGZ)"; the glossary "Eingliederungszuschuss".
    const found = (await search('Eingliederungszuschuss')).map((r) => r.path);
    expect(found).toContain('/instrumente/eingliederungszuschuesse/');
    expect(found).toContain('/glossar/');
  });

  it('shows the chapter of a result', async () => {
    const results = await search('Schuldnerberatung');
    const chapter = results.find((r) => r.path === '/2021/kommunale-eingliederungsleistungen/')!;
    expect(chapter.meta.title).toBe('Kommunale Eingliederungsleistungen');
    expect(chapter.meta.chapter).toMatch(/^Kapitel 5\.5\.2 Kommunale Eingliederungsleistungen/);
    expect(chapter.excerpt).toContain('<mark>Schuldnerberatung</mark>');
    const instrument = results.find((r) => r.path === '/instrumente/schuldnerberatung/')!;
    expect(instrument.meta.chapter).toBe('Instrument');
  });

  it('leaves navigation out of the index', async () => {
    // Every chapter page lists the whole contents in its sidebar; only the chapters themselves may match.
    const found = (await search('Mittelfristige')).map((r) => r.path);
    expect(found).toContain('/2021/mittelfristige-aufstellung/');
    expect(found.filter((p) => p.startsWith('/2021/') && p !== '/2021/mittelfristige-aufstellung/' && p !== '/2021/' && p !== '/2021/gesamt/')).toEqual([]);
  });
});

describe('search on the pages', () => {
  const all = pages();

  it('offers a labelled search field in the header of every page but the search page, working without JavaScript', () => {
    for (const [url, html] of all) {
      if (url === '/suche/' || url === '/2021/gesamt/') continue;
      if (!/<header/.test(html)) continue;
      const form = /<form\b[^>]*class="site-search"[^>]*>([\s\S]*?)<\/form>/.exec(html);
      expect(form, url).not.toBeNull();
      expect(form![0], url).toMatch(/action="\/suche\/"/);
      expect(form![0], url).toMatch(/method="get"/);
      expect(form![0], url).toMatch(/role="search"/);
      const id = /<input[^>]*type="search"[^>]*id="([^"]+)"[^>]*name="q"/.exec(form![1]!)?.[1];
      expect(id, url).toBeDefined();
      expect(form![1], url).toContain(`<label for="${id}"`);
    }
  });

  it('keeps content pages free of JavaScript; the search page loads its engine only when used', () => {
    for (const [url, html] of all) if (url !== '/suche/') expect(html, url).not.toMatch(/<script/);
    const search = all.find(([url]) => url === '/suche/')![1];
    const scripts = [...search.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![2]!.trim()).toBe(''); // no inline script (the CSP forbids them)
    const src = /src="([^"]+)"/.exec(scripts[0]![1]!)![1]!;
    const entry = readFileSync(path.join(dir, src), 'utf8');
    // The page's own script is small and imports the search engine dynamically, on the first search.
    expect(entry).toMatch(/import\(/);
    expect(entry).not.toContain('pagefind.js');
    expect(Buffer.byteLength(entry)).toBeLessThan(4096);
  });

  it('has a search page with a GET form, a live status and a way to the content without the search', () => {
    const search = all.find(([url]) => url === '/suche/')![1];
    expect(search).toMatch(/<form[^>]*action="\/suche\/"[^>]*method="get"[^>]*role="search"/);
    expect(search).toMatch(/<label for="suchbegriff">/);
    expect(search).toMatch(/role="status"/);
    expect(search).toMatch(/<meta name="robots" content="noindex"/);
    expect(search).toContain('href="/instrumente/"');
  });

  it('offers the search and the contents on the 404 page', () => {
    const notFound = all.find(([url]) => url === '/404.html')![1];
    expect(notFound).toMatch(/<main[^>]*>[\s\S]*<form[^>]*action="\/suche\/"[\s\S]*<\/main>/);
    expect(notFound).toMatch(/<main[^>]*>[\s\S]*class="toc"[\s\S]*<\/main>/);
    expect(notFound).not.toMatch(/data-pagefind-body/);
  });
});

describe('the search dictionary (/suche/begriffe.json)', () => {
  const dict = () => JSON.parse(readFileSync(path.join(dir, 'suche', 'begriffe.json'), 'utf8')) as SearchTerms;

  it('holds every name of the registries with its defining page', () => {
    const d = dict();
    const glossary = readYaml('glossary.yaml') as Record<string, { abbreviation: string; expansion: string }>;
    for (const [id, g] of Object.entries(glossary)) {
      const term = d.terms.find((t) => t.href === `/glossar/#${id}`);
      expect(term?.names, id).toEqual(expect.arrayContaining([g.abbreviation]));
    }
    const instruments = readYaml('instruments.yaml') as Record<string, { name: string; abbreviation?: string; aliases?: string[] }>;
    for (const [id, i] of Object.entries(instruments)) {
      const term = d.terms.find((t) => t.href === `/instrumente/${id}/`);
      expect(term?.names, id).toEqual(expect.arrayContaining([i.name, ...(i.abbreviation ? [i.abbreviation] : []), ...(i.aliases ?? [])]));
    }
    const bases = readYaml('legal-bases.yaml') as Record<string, { citation: string; sections: string[] }>;
    for (const [id, b] of Object.entries(bases)) {
      const c = d.citations.find((x) => x.href === `/rechtsgrundlagen/${id}/`);
      expect(c?.sections, id).toEqual(b.sections.map((s) => s.toLowerCase()));
    }
  });

  it('has a vocabulary for the typo correction, with the words of the headings', () => {
    const d = dict();
    expect(d.vocabulary.length).toBeGreaterThan(100);
    expect(new Set(d.vocabulary).size).toBe(d.vocabulary.length);
    // The heading of every instrument page's table of planned entries.
    const html = readFileSync(path.join(dir, 'instrumente', Object.keys(readYaml('instruments.yaml') as object)[0]!, 'index.html'), 'utf8');
    const heading = /<h2[^>]*>([^<]+)<\/h2>/.exec(html)![1]!.split(/\s+/).filter((w) => w.length >= 4);
    expect(d.vocabulary).toEqual(expect.arrayContaining(heading));
  });

  it('is loaded by the search page only when someone searches', () => {
    const search = readFileSync(path.join(dir, 'suche', 'index.html'), 'utf8');
    expect(search).not.toContain('begriffe.json');
    expect(search).toMatch(/<section id="wege-zum-inhalt"/);
  });
});

describe('exact places and metadata in the index', () => {
  it('opens a glossary hit at its entry and a table hit at its row', async () => {
    const glossary = readYaml('glossary.yaml') as Record<string, { abbreviation: string }>;
    const [id, entry] = Object.entries(glossary).find(([, g]) => /^[A-Z]{3,}$/.test(g.abbreviation))!;
    const hit = (await search(entry.abbreviation)).find((r) => r.path === '/glossar/')!;
    expect(hit.sub_results.map((s) => new URL(s.url).hash)).toContain(`#${id}`);
    const rows = (await search('Einstiegsgeld')).flatMap((r) => r.sub_results.map((s) => new URL(s.url).hash));
    expect(rows.some((h) => h.startsWith('#zeile-'))).toBe(true);
  });

  it('tells the year of a programme page and the planned entries of an instrument', async () => {
    const results = await search('Einstiegsgeld');
    const chapter = results.find((r) => /^\/\d{4}\//.test(r.path))!;
    expect(chapter.meta.year).toBe(chapter.path.slice(1, 5));
    const instrument = results.find((r) => r.path === '/instrumente/einstiegsgeld/')!;
    expect(instrument.meta.geplant).toMatch(/^\d{4}: /);
  });
});
