import { describe, expect, it } from 'vitest';
import { idsOf, scopeIds, scopedId } from '../../src/components/print/scope-ids.ts';
import { chapterAnchor, editionContents, glossaryAnchor, localTargetOf, pdfHref } from '../../src/components/print/edition.ts';

const table = `<div class="table-wrap" role="region" aria-labelledby="tabelle-instrumente-caption" tabindex="0"><table id="tabelle-instrumente"><caption id="tabelle-instrumente-caption">Geplante Eintritte</caption><tr id="zeile-egz"><th scope="row"><a href="/instrumente/egz/">EGZ</a></th></tr></table></div>`;

describe('scopeIds', () => {
  it('prefixes every id and the references to it', () => {
    const html = scopeIds(table, { prefix: 'integration' });
    expect(idsOf(html)).toEqual(['integration--tabelle-instrumente', 'integration--tabelle-instrumente-caption', 'integration--zeile-egz']);
    expect(html).toContain('aria-labelledby="integration--tabelle-instrumente-caption"');
  });

  it('gives two chapters with the same ids distinct ids on one page', () => {
    const page = scopeIds(table, { prefix: 'integration' }) + scopeIds(table, { prefix: 'qualifizierung' });
    const ids = idsOf(page);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rewrites fragment links, id lists and SVG url() references to ids of the fragment only', () => {
    const html = scopeIds(
      '<svg role="img" aria-labelledby="t d"><title id="t">T</title><desc id="d">D</desc><rect fill="url(#hatch)"/><pattern id="hatch"/></svg><a href="#t">x</a><a href="#inhalt">y</a>',
      { prefix: 'p' },
    );
    expect(html).toContain('aria-labelledby="p--t p--d"');
    expect(html).toContain('fill="url(#p--hatch)"');
    expect(html).toContain('<a href="#p--t">');
    // "inhalt" is no id of the fragment (it is the page's main): left alone.
    expect(html).toContain('<a href="#inhalt">');
  });

  it('decodes percent-encoded fragments before matching', () => {
    expect(scopeIds('<h3 id="führung">F</h3><a href="#f%C3%BChrung">F</a>', { prefix: 'p' })).toContain('href="#p--führung"');
  });

  it('leaves links to other pages unless told where they land on this page', () => {
    expect(scopeIds(table, { prefix: 'x' })).toContain('href="/instrumente/egz/"');
    const html = scopeIds('<a href="/2021/kennzahlen/#tabelle-kennzahlen">K</a><a href="https://example.org/">E</a>', {
      prefix: 'x',
      localTarget: (path, fragment) => (path === '/2021/kennzahlen/' ? scopedId('kennzahlen', fragment ?? '') : undefined),
    });
    expect(html).toContain('href="#kennzahlen--tabelle-kennzahlen"');
    expect(html).toContain('href="https://example.org/"');
  });

  it('does not touch text that looks like an attribute (Astro escapes quotes in text)', () => {
    expect(scopeIds('<p>Feld id=&quot;x&quot;</p>', { prefix: 'p' })).toBe('<p>Feld id=&quot;x&quot;</p>');
  });
});

describe('localTargetOf', () => {
  const target = localTargetOf(2021, ['integration', 'kennzahlen'], ['egt']);

  it('sends links to chapters of the same year to the chapter on the page', () => {
    expect(target('/2021/integration/', undefined)).toBe(chapterAnchor('integration'));
    expect(target('/2021/integration/', 'zeile-egz')).toBe(scopedId('integration', 'zeile-egz'));
  });

  it('keeps links to other years, unknown chapters and other pages', () => {
    expect(target('/2020/integration/', undefined)).toBeUndefined();
    expect(target('/2021/unbekannt/', undefined)).toBeUndefined();
    expect(target('/instrumente/egz/', undefined)).toBeUndefined();
    expect(target('/2021/', undefined)).toBeUndefined();
  });

  it('sends glossary links to the glossary of the edition', () => {
    expect(target('/glossar/', 'egt')).toBe(glossaryAnchor('egt'));
    expect(target('/glossar/', 'unbekannt')).toBe('abkuerzungen');
    expect(target('/impressum/', undefined)).toBe('impressum');
  });
});

describe('editionContents', () => {
  it('keeps the tree and links each chapter to its anchor', () => {
    const nodes = editionContents([
      { slug: 'schwerpunkte', number: '5.', title: 'Schwerpunkte', children: [{ slug: 'integration', number: '5.1.', title: 'Integration', children: [] }] },
    ]);
    expect(nodes).toEqual([
      { number: '5.', title: 'Schwerpunkte', href: '#kapitel-schwerpunkte', children: [{ number: '5.1.', title: 'Integration', href: '#kapitel-integration', children: [] }] },
    ]);
  });

  it('names the PDF after the year', () => {
    expect(pdfHref(2022)).toBe('/2022/amip-2022.pdf');
  });
});
