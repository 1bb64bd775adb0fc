/**
 * The built site of the live content (dist/): whatever years the planners publish, every year
 * has its home and chapter pages, tables with caption and header scopes, margin notes, notes for
 * figures the text lacks, and no script. Tests of the Düsseldorf 2021 edition itself run where
 * that year is published.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, pageFile, readPage } from '../lib/site.ts';
import { chapterFiles, readMdx, readYaml, years } from '../lib/content.ts';
import { distDir } from '../lib/dist.ts';
import { htmlText } from '../lib/html.ts';
import { chapterSchema } from '../../src/lib/schemas/chapter.ts';
import { programmeSchema } from '../../src/lib/schemas/programme.ts';
import { plainRefs } from '../../src/lib/schemas/ref.ts';
import { chapterLabel } from '../../src/lib/navigation.ts';
import { formatEuroMillions } from '../../src/lib/format.ts';

beforeAll(assertBuilt);

/** The years in the build (a draft year is left out of the normal build). */
const builtYears = years().filter((y) => existsSync(path.join(distDir(), y, 'index.html')));
const chapters = builtYears.flatMap((year) =>
  chapterFiles(year).map((file) => {
    const { data, body } = readMdx(file);
    return { year, file, body, ...chapterSchema(plainRefs()).parse(data) };
  }),
);
const text = (url: string) => htmlText(readPage(url)).replace(/\u00a0/g, ' ');

describe('the built site', () => {
  it('has at least one programme year', () => expect(builtYears.length).toBeGreaterThan(0));

  it.each(['/', ...builtYears.map((y) => `/${y}/`), '/glossar/', '/impressum/', '/404.html'])('has %s', (url) => {
    expect(existsSync(pageFile(url)), url).toBe(true);
  });

  it.each(chapters.map((c) => [`/${c.year}/${c.slug}/`, c] as const))('has the chapter page %s with its heading', (url, c) => {
    const html = readPage(url);
    expect(html).toMatch(/<html lang="de"/);
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
    expect(htmlText(h1 ?? '')).toBe(c.title);
  });

  it.each(builtYears)('%s: the programme home lists every chapter in printed order', (year) => {
    const home = htmlText(readPage(`/${year}/`));
    let last = -1;
    for (const c of chapters.filter((x) => x.year === year).sort((a, b) => a.order - b.order)) {
      const label = c.number ? `${c.number} ${c.title}` : c.title;
      const at = Math.max(home.indexOf(label, last + 1), home.indexOf(chapterLabel(c), last + 1));
      expect(at, label).toBeGreaterThan(last);
      last = at;
    }
  });

  it.each(builtYears)('%s: the programme home shows motto and integration budget where the programme has them', (year) => {
    const p = programmeSchema.parse(readYaml(`programmes/${year}/programme.yaml`));
    const home = text(`/${year}/`);
    if (p.motto) expect(home).toContain(p.motto);
    if (p.integrationBudget) expect(home).toContain(formatEuroMillions(p.integrationBudget.euros).replace(/\u00a0/g, ' '));
    expect(home).toContain(p.title);
  });

  it('every shown table has its caption and column headers with scope', () => {
    for (const c of chapters)
      for (const t of c.tables.filter((x) => x.shown && c.body.includes(`<Tabelle id="${x.id}"`))) {
        const html = readPage(`/${c.year}/${c.slug}/`);
        const table = new RegExp(`<table id="tabelle-${t.id}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
        expect(table, `${c.year}/${c.slug} ${t.id}`).toMatch(/<caption[^>]*>/);
        for (const col of t.columns) expect(htmlText(table), `${c.year}/${c.slug} ${t.id}: ${col.header}`).toContain(col.header);
        expect(table).toMatch(/<th scope="col"/);
      }
  });

  it('renders every margin note of the text as a note', () => {
    for (const c of chapters) {
      // The text as written, without Markdown emphasis marks and MDX escapes.
      const notes = [...c.body.matchAll(/<Randnotiz>([\s\S]*?)<\/Randnotiz>/g)].map((m) => m[1]!.trim().replace(/\*\*|__/g, '').replace(/\\([*_{}<>\\])/g, '$1'));
      if (notes.length === 0) continue;
      const html = readPage(`/${c.year}/${c.slug}/`);
      const rendered = [...html.matchAll(/<div class="margin-note" role="note"[^>]*>([\s\S]*?)<\/div>/g)].map((m) => htmlText(m[1]!));
      for (const note of notes) expect(rendered, `${c.year}/${c.slug}`).toContain(htmlText(note));
    }
  });

  it('says plainly where the print had a figure that the text lacks', () => {
    for (const c of chapters.filter((x) => x.body.includes('<Schaubild')))
      expect(htmlText(readPage(`/${c.year}/${c.slug}/`)), c.slug).toMatch(/Schaubild der Druckfassung: .*nicht wiedergegeben/);
  });

  it('has one anchor per glossary entry', () => {
    const entries = Object.keys((readYaml('glossary.yaml') ?? {}) as object);
    const html = readPage('/glossar/');
    expect((html.match(/<dt id=/g) ?? []).length).toBe(entries.length);
    for (const id of entries) expect(html).toContain(`<dt id="${id}">`);
  });

  it('ships no script on content pages', () => {
    for (const url of [...builtYears.map((y) => `/${y}/`), ...chapters.slice(0, 3).map((c) => `/${c.year}/${c.slug}/`), '/glossar/']) expect(readPage(url), url).not.toMatch(/<script/);
  });
});

// The Düsseldorf 2021 edition, where it is published: what that print has.
describe.skipIf(!builtYears.includes('2021'))('the 2021 edition', () => {
  it('gives both sections printed as "5.5" their own URL', () => {
    const fives = chapters.filter((c) => c.year === '2021' && (c.number ?? '').replace(/\.$/, '') === '5.5');
    expect(fives).toHaveLength(2);
    expect(new Set(fives.map((c) => c.slug)).size).toBe(2);
  });

  it('shows motto, budget and the key-figure total on its home', () => {
    const home = text('/2021/');
    expect(home).toContain('Arbeit finden – Zukunft sichern');
    expect(home).toContain('47,56 Mio. €');
    expect(home).toContain('11.797');
  });

  it('renders the key figures with computed changes', () => {
    const html = readPage('/2021/kennzahlen/');
    expect(html).toMatch(/<caption[^>]*>/);
    expect(text('/2021/kennzahlen/')).toContain('-15 %');
    expect(text('/2021/kennzahlen/')).toContain('-100 %');
  });

  it('renders instrument tables with row headers linked to the instrument and the printed sum', () => {
    const html = readPage('/2021/integration/');
    expect(html).toMatch(/<th scope="col"[^>]*>Instrument<\/th>/);
    expect(html).toMatch(/<th scope="row"[^>]*>(?:<a href="\/instrumente\/massnahmen-beim-arbeitgeber\/">)?Maßnahmen beim Arbeitgeber \(MAG\)(?:<\/a>)?<\/th>/);
    expect(text('/2021/integration/')).toContain('Summe 3.162');
  });
});
