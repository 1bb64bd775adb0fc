import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, pageFile, readPage } from '../lib/site.ts';
import { chapterFiles, readMdx, years } from '../lib/content.ts';
import { htmlText } from '../lib/html.ts';

beforeAll(assertBuilt);

const chapters = years().flatMap((year) =>
  chapterFiles(year).map((file) => ({ year, file, ...(readMdx(file).data as { slug: string; number: string; title: string }) })),
);

describe('the built site', () => {
  it.each(['/', '/2021/', '/2021/kennzahlen/', '/2021/integration/', '/glossar/', '/impressum/', '/404.html'])('has %s', (url) => {
    expect(existsSync(pageFile(url)), url).toBe(true);
  });

  it.each(chapters.map((c) => [`/${c.year}/${c.slug}/`, c] as const))('has the chapter page %s with its heading', (url, c) => {
    const html = readPage(url);
    expect(html).toMatch(/<html lang="de"/);
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
    expect(htmlText(h1 ?? '')).toBe(c.title);
  });

  it('gives both sections printed as "5.5" their own URL', () => {
    const fives = chapters.filter((c) => c.number.replace(/\.$/, '') === '5.5');
    expect(fives).toHaveLength(2);
    expect(new Set(fives.map((c) => c.slug)).size).toBe(2);
    for (const c of fives) expect(existsSync(pageFile(`/${c.year}/${c.slug}/`))).toBe(true);
  });

  it('lists every chapter in the contents of the programme home, in printed order', () => {
    const text = htmlText(readPage('/2021/'));
    let last = -1;
    for (const c of chapters.filter((x) => x.year === '2021')) {
      const at = text.indexOf(`${c.number} ${c.title}`, last + 1);
      expect(at, `${c.number} ${c.title}`).toBeGreaterThan(last);
      last = at;
    }
  });

  it('shows the motto and the integration budget on the programme home', () => {
    const text = htmlText(readPage('/2021/'));
    expect(text).toContain('Arbeit finden – Zukunft sichern');
    expect(text).toContain('47,56 Mio. €');
    expect(text).toContain('11.797');
  });

  it('renders the key figures with computed changes', () => {
    const html = readPage('/2021/kennzahlen/');
    expect(html).toMatch(/<caption[^>]*>/);
    const text = htmlText(html);
    expect(text).toContain('-15 %');
    expect(text).toContain('-100 %');
  });

  it('renders margin notes as notes and tables with caption and header scopes', () => {
    const html = readPage('/2021/integration/');
    expect(html).toMatch(/<div class="margin-note" role="note"[^>]*>EGZ in Düsseldorf traditionell gering nachgefragt<\/div>/);
    expect(html).toMatch(/<th scope="col"[^>]*>Instrument<\/th>/);
    expect(html).toMatch(/<th scope="row"[^>]*>(?:<a href="\/instrumente\/massnahmen-beim-arbeitgeber\/">)?Maßnahmen beim Arbeitgeber \(MAG\)(?:<\/a>)?<\/th>/);
    expect(htmlText(html)).toContain('Summe 3.162');
  });

  it('says plainly where the print had a figure that the text lacks', () => {
    for (const url of ['/2021/kennzahlen/', '/2021/jugendliche/', '/2021/mittelfristige-aufstellung/'])
      expect(htmlText(readPage(url)), url).toMatch(/Schaubild der Druckfassung: .*nicht wiedergegeben/);
  });

  it('has one anchor per glossary entry', () => {
    const html = readPage('/glossar/');
    expect(html).toMatch(/<dt id="egt"><abbr title="Eingliederungstitel">EGT<\/abbr><\/dt>/);
    expect((html.match(/<dt id=/g) ?? []).length).toBeGreaterThanOrEqual(90);
  });

  it('ships no script on content pages', () => {
    for (const url of ['/2021/', '/2021/integration/', '/glossar/']) expect(readPage(url), url).not.toMatch(/<script/);
  });
});
