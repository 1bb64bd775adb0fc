/**
 * What the search index reads of a page (src/lib/search/prepare.ts) and the dictionary it is
 * built from (src/lib/search/terms.ts), on a made-up programme.
 */
import { describe, expect, it } from 'vitest';
import { aliasesForText, citedSections, joinedForms } from '../../src/lib/search/terms.ts';
import { definingNames, headingWords, prepareForIndex, textOf } from '../../src/lib/search/prepare.ts';
import { plannedPerYear } from '../../src/lib/search/meta.ts';
import { countStatus, noResultStatus } from '../../src/lib/search/status.ts';
import { fixtureDict } from './search-fixture.ts';

const page = (main: string) => `<html><body><header>Kopf</header><main id="inhalt" data-pagefind-body>${main}</main><footer>Fuß</footer></body></html>`;
const mainOf = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)![1]!;

describe('the dictionary', () => {
  it('knows every name of a term and its defining page; an instrument knows the long form of its glossary abbreviation', () => {
    const startgeld = fixtureDict.terms.find((t) => t.href === '/instrumente/startgeld/')!;
    expect(startgeld.names).toEqual(['Startgeld', 'STG', 'Startgeld (STG)']);
    expect(fixtureDict.terms.find((t) => t.href === '/glossar/#bfk')!.names).toEqual(['BFK', 'Beratungsfachkraft']);
    expect(fixtureDict.citations.find((c) => c.href === '/rechtsgrundlagen/sgb3-80-81b/')!.sections).toEqual(['80', '81', '81b']);
    expect(fixtureDict.vocabulary).toEqual(expect.arrayContaining(['Startgeld', 'Beratungsfachkraft', 'Handlungsschwerpunkt', 'Zukunftswerkstatt']));
  });

  it('joins the parts of names with a number or a short abbreviation', () => {
    expect(joinedForms('U 30')).toEqual(['U30']);
    expect(joinedForms('Praxiszentrum U 30')).toEqual(['U30']);
    expect(joinedForms('Werk AG (neu)')).toEqual(['WerkAG']);
    expect(joinedForms('§ 10 SGB II')).toEqual(['SGBII']);
    expect(joinedForms('Jugend in Arbeit')).toEqual([]);
  });

  it('finds the terms a text uses, by abbreviation, long form or inflected long form, and its citations in every spelling', () => {
    expect(aliasesForText('Die BFK berät.', fixtureDict)).toEqual(['BFK', 'Beratungsfachkraft']);
    expect(aliasesForText('Zwei Beratungsfachkräfte beraten.', fixtureDict)).toEqual(['BFK', 'Beratungsfachkraft']);
    expect(aliasesForText('Nichts davon.', fixtureDict)).toEqual([]);
    expect(citedSections('nach § 16 x und §§ 80–81b SGB III', fixtureDict).sort()).toEqual(['16x', '80', '81', '81b']);
    expect(citedSections('§16x', fixtureDict)).toEqual(['16x']);
  });
});

describe('a page as the index reads it', () => {
  it('adds the names of the terms the page uses as searchable metadata (never an excerpt), before its first heading', () => {
    const html = prepareForIndex(page('<h1>Familien</h1><p>Die BFK berät nach § 16 x.</p>'), fixtureDict, { url: '/2030/familien/', role: 'content', year: '2030' });
    const main = mainOf(html);
    expect(main.indexOf('Beratungsfachkraft')).toBeLessThan(main.indexOf('<h1'));
    expect(main).toContain('<span data-pagefind-meta="names:BFK · Beratungsfachkraft · 16x"></span>');
    expect(main).toContain('data-pagefind-meta="year:2030"');
    expect(html).toContain('<footer>Fuß</footer>');
  });

  it('gives a defining page all names of its term with a high weight', () => {
    expect(definingNames('/instrumente/startgeld/', fixtureDict)).toEqual(['Startgeld', 'STG', 'Startgeld (STG)']);
    expect(definingNames('/rechtsgrundlagen/sgb3-80-81b/', fixtureDict)).toEqual(expect.arrayContaining(['80', '81', '81b', '§§ 80–81b SGB III']));
    const main = mainOf(prepareForIndex(page('<h1>Startgeld</h1>'), fixtureDict, { url: '/instrumente/startgeld/', role: 'content' }));
    expect(main).toContain('<span data-pagefind-meta="defines:Startgeld · STG · Startgeld (STG)"></span>');
  });

  it('turns anchored table rows, captions and glossary entries into headings, so that a hit opens there', () => {
    const main = mainOf(
      prepareForIndex(
        page('<table><caption id="tab-caption">Tabelle</caption><tr id="zeile-startgeld"><th scope="row">Startgeld</th><td>10</td></tr></table><dl><dt id="stg"><abbr>STG</abbr></dt><dd>Startgeld</dd></dl>'),
        fixtureDict,
        { url: '/2030/x/', role: 'content' },
      ),
    );
    expect(main).toContain('<th scope="row"><h6 id="zeile-startgeld" data-pagefind-weight="1">Startgeld</h6></th>');
    expect(main).toContain('<caption><h6 id="tab-caption" data-pagefind-weight="2">Tabelle</h6></caption>');
    expect(main).toContain('<dt><h3 id="stg" data-pagefind-weight="4"><abbr>STG</abbr></h3></dt>');
  });

  it('makes a chart a section of its own, titled by its caption, without splitting its data table', () => {
    const main = mainOf(
      prepareForIndex(
        page('<table><tr id="zeile-a"><th>A</th></tr></table><figure class="chart" id="diagramm-x"><svg></svg><details><table><caption id="diagramm-x-tabelle">Daten</caption></table></details><figcaption><span class="chart-title">Diagramm: Anteile</span><span>Quelle</span></figcaption></figure>'),
        fixtureDict,
        { url: '/2030/x/', role: 'content' },
      ),
    );
    expect(main).toContain('<figure class="chart"><h6 id="diagramm-x" data-pagefind-weight="2">Diagramm: Anteile</h6>');
    expect(main).toContain('<caption data-id="diagramm-x-tabelle">Daten</caption>');
    expect(main).toContain('<h6 id="zeile-a"');
  });

  it('gives text after a table with anchored rows back to the section the table stands in', () => {
    const withSection = mainOf(
      prepareForIndex(page('<h1>Kapitel</h1><h2 id="abschnitt">Abschnitt</h2><table><tr id="zeile-a"><th>A</th></tr></table><p>Danach</p>'), fixtureDict, { url: '/2030/x/', role: 'content' }),
    );
    expect(withSection).toContain('</table><h6 id="abschnitt" data-pagefind-weight="1">Abschnitt</h6><p>Danach</p>');
    const top = mainOf(prepareForIndex(page('<h1>Kapitel</h1><table><tr id="zeile-a"><th>A</th></tr></table><p>Danach</p>'), fixtureDict, { url: '/2030/x/', role: 'content' }));
    expect(top).toContain('</table><h6 id="inhalt" data-pagefind-weight="1">Kapitel</h6><p>Danach</p>');
    const plain = mainOf(prepareForIndex(page('<table><tr><td>1</td></tr></table><p>Danach</p>'), fixtureDict, { url: '/2030/x/', role: 'content' }));
    expect(plain).toContain('</table><p>Danach</p>');
  });

  it('weighs list and frame pages little and adds no names to them', () => {
    const list = mainOf(prepareForIndex(page('<h1>Alle</h1><p>STG</p>'), fixtureDict, { url: '/instrumente/', role: 'list' }));
    expect(list).toContain('<h1 data-pagefind-weight="0.2">');
    expect(list).toMatch(/^<span data-pagefind-meta="role:list"><\/span><div data-pagefind-weight="0.2">/);
    expect(list).not.toContain('names:');
    expect(list).not.toContain('Startgeld');
    const frame = mainOf(prepareForIndex(page('<h1>Impressum</h1>'), fixtureDict, { url: '/impressum/', role: 'frame' }));
    expect(frame).toContain('data-pagefind-weight="0.1"');
  });

  it('leaves a page without indexed region as it is', () => {
    expect(prepareForIndex('<html><main>x</main></html>', fixtureDict, { url: '/', role: 'content' })).toBe('<html><main>x</main></html>');
  });

  it('reads text and heading words', () => {
    expect(textOf('<p>a&nbsp;<b>b</b> &amp; c</p><svg><text>x</text></svg>')).toBe('a b & c');
    expect(headingWords('<h2 id="a">Geplante Eintritte</h2><p>nein</p><th>Jahr</th>')).toEqual(['Geplante', 'Eintritte', 'Jahr']);
  });
});

describe('metadata and status', () => {
  it('summarises planned entries per year, newest first, the first figure of each year, without commas', () => {
    expect(
      plannedPerYear([
        { year: 2030, text: '1.000' },
        { year: 2030, text: '950' },
        { year: 2031, text: '10, 20' },
      ]),
    ).toBe('2031: 10; 20 · 2030: 1.000');
  });

  it('says how many of how many results are shown', () => {
    expect(countStatus(10, 38, 'STG')).toBe('10 von 38 Treffern für „STG“.');
    expect(countStatus(3, 3, 'STG')).toBe('3 Treffer für „STG“.');
    expect(countStatus(10, 1200, 'x')).toBe('10 von 1.200 Treffern für „x“.');
    expect(countStatus(2, 2, 'Startgeld', 'Startgled')).toBe('2 Treffer für „Startgeld“ (statt „Startgled“).');
    expect(noResultStatus('qwx')).toMatch(/^Keine Treffer für „qwx“/);
  });
});
