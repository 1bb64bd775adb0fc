/**
 * A second, differently shaped publisher builds into a complete site without code changes:
 * the made-up "Jobcenter Landkreis Musterstadt" (tests/fixtures/landkreis/, never published)
 * with Roman chapter numbers, a chapter without number, budget tables in € with cents and in
 * Mio. €, target values and shares in %, a five-column table, laws outside SGB II/III, no motto,
 * no key figures, no margin notes, and two years whose tables differ.
 *
 * The site is built once per content and code (tests/lib/fixture-site.ts) with the project's
 * own build, including its data check, search index and link check.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chapterSchema } from '../../src/lib/schemas/chapter.ts';
import { plainRefs } from '../../src/lib/schemas/ref.ts';
import { brokenLinks } from '../../scripts/lib/steps/link-check.ts';
import { contentFolder, landkreisDir, readMdx } from '../lib/content.ts';
import { buildFixtureSite } from '../lib/fixture-site.ts';
import { listPages } from '../lib/dist.ts';
import { fileOfUrl } from '../../scripts/lib/static-server.ts';
import { htmlText } from '../lib/html.ts';

const content = contentFolder(landkreisDir);
const chapter = chapterSchema(plainRefs());
const years = content.years();
const chaptersOf = (year: string) => content.chapterFiles(year).map((file) => chapter.parse(readMdx(file).data));
const PUBLISHER = 'Jobcenter Landkreis Musterstadt (Testprogramm, nicht veröffentlicht)';

let dir = '';
beforeAll(async () => {
  dir = (await buildFixtureSite(landkreisDir)).dir;
}, 900_000);

const page = (url: string) => {
  const file = fileOfUrl(dir, url);
  if (!file) throw new Error(`${url} fehlt in ${dir}`);
  return readFileSync(file, 'utf8');
};
/** What a reader sees, with no-break spaces as spaces (the formats use U+00A0 between number and unit). */
const text = (url: string) => htmlText(page(url)).replace(/\u00a0/g, ' ');

describe('the fixture publisher is what it should be', () => {
  it('has two years', () => expect(years).toEqual(['2025', '2026']));
});

describe('every page renders', () => {
  it.each(['/', '/glossar/', '/impressum/', '/instrumente/', '/rechtsgrundlagen/', '/zielgruppen/', '/404.html'])('has %s', (url) => {
    expect(fileOfUrl(dir, url), url).toBeDefined();
    expect(page(url)).toMatch(/<main[\s>]/);
  });

  it.each(years)('%s: the programme home and every chapter page, with its title as heading', (year) => {
    expect(fileOfUrl(dir, `/${year}/`)).toBeDefined();
    for (const c of chaptersOf(year)) {
      const html = page(`/${year}/${c.slug}/`);
      expect(html, c.slug).toMatch(new RegExp(`<h1[^>]*>[^<]*${c.title}`));
    }
  });

  it.each(years)('%s: the whole programme on one page, the data page and the comparison page', (year) => {
    for (const url of [`/${year}/gesamt/`, `/${year}/daten/`, `/${year}/vergleich/`]) expect(fileOfUrl(dir, url), url).toBeDefined();
    const whole = htmlText(/<main\b[\s\S]*<\/main>/.exec(page(`/${year}/gesamt/`))?.[0] ?? '');
    expect(whole).toMatch(/\bIII\.1\.? Angebote und Eintritte/);
    expect(whole).toContain('Vorwort');
  });

  it('the start page leads to the newest year', () => {
    expect(page('/')).toMatch(/href="\/2026\/"/);
  });

  it('no page holds an unfilled value ("undefined", "NaN", "[object Object]")', () => {
    // ("null" is a German word: "null Verstöße")
    for (const p of listPages(dir)) expect(htmlText(readFileSync(p.file, 'utf8')), p.url).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
  });

  it('the publisher comes from the settings; no page mentions Düsseldorf', () => {
    expect(text('/impressum/')).toContain(PUBLISHER);
    expect(text('/impressum/')).toContain('Erika Beispiel');
    expect(text('/2025/')).toContain(PUBLISHER);
    for (const p of listPages(dir)) expect(readFileSync(p.file, 'utf8'), p.url).not.toMatch(/Düsseldorf/);
  });

  it('no margin notes where the programme has none', () => {
    // (the stylesheet, inlined in every page, names the class; no element carries it)
    for (const p of listPages(dir)) expect(readFileSync(p.file, 'utf8'), p.url).not.toContain('class="margin-note"');
  });
});

describe('chapter numbers as printed: Roman, nested, none', () => {
  it.each(years)('%s: the table of contents shows the Roman numbers', (year) => {
    const toc = text(`/${year}/`);
    expect(toc).toMatch(/\bI\.? Ausgangslage im Landkreis/);
    expect(toc).toMatch(/\bII\.? Finanzielle Mittel/);
    expect(toc).toMatch(/\bIII\.? Ziele und Zielerreichung/);
    expect(toc).toContain('III.1 Angebote und Eintritte');
    expect(toc).toContain('III.2 Familien und Zugewanderte');
  });

  it('a chapter page shows its Roman number with the title', () => {
    expect(text('/2025/angebote/')).toMatch(/III\.1\.? Angebote und Eintritte|III\.1\.?\s.*Angebote und Eintritte/);
    expect(text('/2025/finanzen/')).toMatch(/\bII\.?\s+Finanzielle Mittel/);
  });

  it('the chapter without number gets no empty number', () => {
    const main = htmlText(/<main\b[\s\S]*<\/main>/.exec(page('/2025/vorwort/'))?.[0] ?? '');
    expect(main).toContain('Vorwort');
    expect(main).not.toMatch(/Kapitel\s+Vorwort/);
  });
});

describe('tables of every column type, formatted German', () => {
  it('€ with cents, group subtotals, "darunter" and the declared total', () => {
    const t = text('/2025/finanzen/');
    expect(t).toContain('1.845.000,75 €');
    expect(t).toContain('612.500,25 €');
    expect(t).toContain('980.000 €');
    expect(t).toContain('darunter Lohnkostenzuschüsse');
    expect(t).toContain('3.235.251,15 €');
    expect(t).toContain('Alle Beträge sind Planwerte');
  });

  it('€ in millions', () => {
    const t = text('/2025/finanzen/');
    expect(t).toContain('3,24 Mio. €');
    expect(t).toContain('8,36 Mio. €');
  });

  it('percent: target values and shares', () => {
    const t = text('/2025/ziele/');
    expect(t).toContain('24,5 %');
    expect(t).toContain('12,5 %');
    expect(t).toContain('62,0 %');
    expect(t).toContain('30,3 %');
  });

  it('the five-column table: reference to a legal basis, count with range, decimal, text', () => {
    const html = page('/2025/angebote/');
    const t = text('/2025/angebote/');
    expect(html).toMatch(/<a href="\/rechtsgrundlagen\/sgb3-45\/"[^>]*>§ 45 SGB III<\/a>/);
    expect(t).toContain('180 bis 210');
    expect(t).toContain('665 bis 695');
    expect(t).toContain('11,5');
    expect(t).toContain('je nach Nachfrage der Betriebe');
    const headers = [...html.matchAll(/<th[^>]*scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => htmlText(m[1]!));
    expect(headers).toEqual(expect.arrayContaining(['Angebot', 'Rechtsgrundlage', 'Eintritte 2025', 'Dauer in Monaten', 'Hinweis']));
  });

  it('decimals and years', () => {
    const t = text('/2025/ausgangslage/');
    expect(t).toContain('5,8');
    expect(t).toContain('14,2');
    expect(t).toContain('2005');
    expect(t).not.toContain('2.005');
  });
});

describe('charts follow the column types', () => {
  it.each(years)('%s: a chart for every shown numeric table, none for a text-only table', (year) => {
    for (const c of chaptersOf(year)) {
      const html = page(`/${year}/${c.slug}/`);
      for (const t of c.tables.filter((x) => x.shown)) {
        expect(html, `${c.slug}/${t.id}`).toContain(`id="tabelle-${t.id}"`);
        const numeric = t.columns.some((col) => ['count', 'euros', 'percent', 'decimal'].includes(col.type));
        if (numeric) expect(html, `${c.slug}/${t.id}`).toMatch(new RegExp(`<figure class="chart" id="diagramm-${t.id}"`));
        else expect(html, `${c.slug}/${t.id}`).not.toContain(`id="diagramm-${t.id}"`);
      }
    }
  });

  it('the text-only table of 2025 exists and has no chart; 2026 dropped it', () => {
    expect(page('/2025/ausgangslage/')).toContain('id="tabelle-standorte"');
    expect(page('/2025/ausgangslage/')).not.toContain('id="diagramm-standorte"');
    expect(page('/2026/ausgangslage/')).not.toContain('tabelle-standorte');
  });

  it('charts are SVG with German numbers in their description', () => {
    const html = page('/2025/finanzen/');
    const figure = /<figure class="chart" id="diagramm-haushalt"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(figure).toContain('<svg');
    expect(figure.replace(/\u00a0|&nbsp;/g, ' ')).toMatch(/3\.235\.251,15 €|1\.845\.000,75 €/);
  });
});

describe('downloads, search, links', () => {
  it.each(years)('%s: a data page whose CSV and JSON files exist, one pair per table', (year) => {
    const html = page(`/${year}/daten/`);
    const hrefs = [...html.matchAll(/href="(\/\d{4}\/daten\/[^"]+\.(?:csv|json))"/g)].map((m) => m[1]!);
    for (const c of chaptersOf(year))
      for (const t of c.tables) {
        expect(hrefs.some((h) => h.endsWith(`-${t.id}.csv`)), `${c.slug}/${t.id}.csv`).toBe(true);
        expect(hrefs.some((h) => h.endsWith(`-${t.id}.json`)), `${c.slug}/${t.id}.json`).toBe(true);
      }
    for (const h of hrefs) expect(existsSync(path.join(dir, h)), h).toBe(true);
    for (const h of hrefs.filter((x) => x.endsWith('.json'))) expect(() => JSON.parse(readFileSync(path.join(dir, h), 'utf8')), h).not.toThrow();
  });

  it.each(years)('%s: datapackage.json describes every CSV file, with the licence from the settings', (year) => {
    const pkg = JSON.parse(readFileSync(path.join(dir, year, 'daten', 'datapackage.json'), 'utf8')) as { licenses?: { title: string }[]; resources: { path: string; schema: { fields: unknown[] } }[] };
    expect(pkg.licenses?.map((l) => l.title)).toEqual(['Datenlizenz Deutschland – Zero – Version 2.0']);
    const csvs = readdirSync(path.join(dir, year, 'daten')).filter((f) => f.endsWith('.csv'));
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(csvs.sort());
    for (const r of pkg.resources) expect(r.schema.fields.length, r.path).toBeGreaterThan(0);
    expect(text(`/${year}/daten/`)).toContain('Datenlizenz Deutschland – Zero – Version 2.0');
  });

  it('no download holds an unfilled value', () => {
    for (const year of years)
      for (const f of readdirSync(path.join(dir, year, 'daten')).filter((x) => /\.(csv|json)$/.test(x)))
        expect(readFileSync(path.join(dir, year, 'daten', f), 'utf8'), f).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
  });

  it('the budget CSV keeps the cents', () => {
    const csv = readdirSync(path.join(dir, '2025/daten')).find((f) => f.endsWith('-haushalt.csv'))!;
    expect(readFileSync(path.join(dir, '2025/daten', csv), 'utf8')).toMatch(/1845000[.,]75|1\.845\.000,75/);
  });

  it('the search index exists', () => {
    expect(existsSync(path.join(dir, 'pagefind/pagefind-entry.json'))).toBe(true);
    expect(readdirSync(path.join(dir, 'pagefind')).length).toBeGreaterThan(2);
  });

  it('every internal link and anchor resolves (the project’s link check)', () => {
    expect(brokenLinks(dir)).toEqual([]);
  });
});

describe('registries: laws outside SGB II/III, a new instrument, a short glossary', () => {
  it('citations of BKGG, SGB IX and AufenthG in the prose link to their pages', () => {
    expect(page('/2025/familien/')).toMatch(/<a href="\/rechtsgrundlagen\/bkgg-6a\/"[^>]*>§ 6a BKGG<\/a>/);
    expect(page('/2025/familien/')).toMatch(/<a href="\/rechtsgrundlagen\/aufenthg-45a\/"[^>]*>§ 45a AufenthG<\/a>/);
    expect(page('/2025/angebote/')).toMatch(/<a href="\/rechtsgrundlagen\/sgb9-49\/"[^>]*>§ 49 SGB IX<\/a>/);
    for (const id of ['bkgg-6a', 'sgb9-49', 'aufenthg-45a']) expect(fileOfUrl(dir, `/rechtsgrundlagen/${id}/`), id).toBeDefined();
    expect(text('/rechtsgrundlagen/bkgg-6a/')).toContain('Kinderzuschlag');
  });

  it('the instrument new in 2026 has its page, pointing to 2026 only', () => {
    const html = page('/instrumente/mobilitaetshilfe/');
    expect(html).toContain('href="/2026/angebote/');
    expect(html).not.toMatch(/href="\/2025\/angebote\/|href="\/2025\/[^"]*#zeile-mobilitaetshilfe"/);
  });

  it('the glossary lists the short Abkürzungsverzeichnis', () => {
    const t = text('/glossar/');
    expect(t).toContain('Bundeskindergeldgesetz');
    expect(t).toContain('Kinderzuschlag');
  });

  it('the comparison of 2026 with 2025 works across the changed table shapes', () => {
    const t = text('/2026/vergleich/');
    expect(t).toContain('2025');
    expect(t).toContain('Mobilitätshilfe');
  });
});

describe('the publisher’s own words from the settings', () => {
  it('Impressum wording as the publisher prints it', () => {
    const t = text('/impressum/');
    expect(t).toContain('Ansprechpartnerin:');
    expect(t).toContain('Herausgeber:');
    expect(t).not.toContain('Verantwortlich:');
  });

  it('the programme’s name for its focus areas, never the default', () => {
    const all = listPages(dir).map((p) => htmlText(readFileSync(p.file, 'utf8'))).join('\n');
    expect(all).toMatch(/Handlungsfeld/);
    expect(all).not.toMatch(/Handlungsschwerpunkt/);
  });
});
