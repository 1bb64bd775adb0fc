/**
 * The whole programme on one page (/<year>/gesamt/): every chapter in printed order with all
 * its margin notes, tables and charts, valid ids and an unbroken heading order.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chapterFiles, readMdx, years } from '../lib/content.ts';
import { distDir } from '../lib/dist.ts';
import { htmlText } from '../lib/html.ts';
import { chapterLabel } from '../../src/lib/navigation.ts';
import { assertBuilt, readPage } from '../lib/site.ts';

beforeAll(assertBuilt);

const editionYears = () => years().filter((y) => existsSync(path.join(distDir(), y, 'gesamt', 'index.html')));

/** The content of <main>: the layout around it is the same on every page. */
const mainOf = (html: string) => /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

/** The years in the build (a draft year is left out of the normal build). */
const builtYears = () => years().filter((y) => existsSync(path.join(distDir(), y, 'index.html')));

it('has an edition for every published year, linked from its programme home', () => {
  expect(builtYears().length).toBeGreaterThan(0);
  expect(editionYears()).toEqual(builtYears());
  for (const year of builtYears()) expect(readPage(`/${year}/`)).toContain(`href="/${year}/gesamt/"`);
});

describe.each(editionYears())('/%s/gesamt/', (year) => {
  const chapters = chapterFiles(year)
    .map((file) => readMdx(file).data as { number?: string | number; title: string; slug: string; order: number })
    .sort((a, b) => a.order - b.order);
  let html: string;
  beforeAll(() => {
    html = readPage(`/${year}/gesamt/`);
  });

  it('has one h1 and never skips a heading level', () => {
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    const skips = levels.flatMap((level, i) => (i > 0 && level > levels[i - 1]! + 1 ? [`Überschrift ${i + 1}: h${level} nach h${levels[i - 1]}`] : []));
    expect(skips).toEqual([]);
  });

  it('has every chapter as an h2, in printed order', () => {
    const h2s = [...mainOf(html).matchAll(/<h2\b[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => htmlText(m[1]!));
    let last = -1;
    for (const c of chapters) {
      const label = c.number === undefined ? c.title : `${c.number} ${c.title}`;
      const at = Math.max(h2s.indexOf(label, last + 1), h2s.indexOf(chapterLabel({ number: c.number === undefined ? undefined : String(c.number), title: c.title }), last + 1));
      expect(at, label).toBeGreaterThan(last);
      last = at;
    }
  });

  it('repeats no id, and every fragment link and ARIA reference finds its element', () => {
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
    const known = new Set(ids);
    const fragments = [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(fragments.filter((f) => !known.has(f))).toEqual([]);
    const references = [...html.matchAll(/\s(?:aria-labelledby|aria-describedby|for|headers)="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/));
    expect(references.filter((r) => !known.has(r))).toEqual([]);
  });

  it('holds all margin notes, tables, charts and figure notes of the chapter pages', () => {
    const parts = {
      'Randnotizen': /class="margin-note"/g,
      'Tabellen': /<table\b/g,
      'Diagramme': /<svg\b[^>]*role="img"/g,
      'Schaubild-Hinweise': /class="figure-note"/g,
    };
    const edition = mainOf(html);
    for (const [name, re] of Object.entries(parts)) {
      const onChapterPages = chapters.reduce((sum, c) => sum + count(mainOf(readPage(`/${year}/${c.slug}/`)), re), 0);
      expect(count(edition, re), name).toBe(onChapterPages);
    }
  });

  it('ends with the glossary and the Impressum, and links to its PDF', () => {
    const text = htmlText(mainOf(html));
    const glossary = text.lastIndexOf('Abkürzungsverzeichnis');
    const imprint = text.lastIndexOf('Impressum');
    const lastChapter = text.lastIndexOf(chapters.at(-1)!.title);
    expect(glossary).toBeGreaterThan(lastChapter);
    expect(imprint).toBeGreaterThan(glossary);
    expect(html).toContain(`href="/${year}/amip-${year}.pdf"`);
  });
});
