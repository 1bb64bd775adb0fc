/**
 * One search from query to ordered results (src/lib/search/engine.ts), against a fake index: a
 * few made-up pages with the words they contain, answering like Pagefind (every word must match a
 * word of the page by prefix; the excerpt marks the matched words).
 */
import { describe, expect, it } from 'vitest';
import { find, prepareEngine, type PagefindLike, type ResultData } from '../../src/lib/search/engine.ts';
import { fold, words } from '../../src/lib/search/text.ts';
import { fixtureDict } from './search-fixture.ts';

type FakePage = { url: string; title: string; text: string; subs?: { title: string; id: string; text: string }[] };

const pages: FakePage[] = [
  { url: '/2030/qualifizierung/', title: 'Handlungsschwerpunkt Qualifizierung', text: 'Das Startgeld hilft Familien. Die BFK berät.', subs: [
    { title: 'Zeile Werk', id: 'zeile-werkhof', text: 'Werk AG WerkAG für Jugendliche' },
    { title: 'Startgeld (STG)', id: 'zeile-startgeld', text: 'Startgeld STG 1.000 Eintritte' },
  ] },
  { url: '/instrumente/startgeld/', title: 'Startgeld', text: 'Startgeld STG Startgeld (STG) Eintritte' },
  { url: '/glossar/', title: 'Abkürzungsverzeichnis', text: 'STG Startgeld BFK Beratungsfachkraft', subs: [
    { title: 'STG', id: 'stg', text: 'STG Startgeld' },
    { title: 'BFK', id: 'bfk', text: 'BFK Beratungsfachkraft' },
  ] },
  { url: '/rechtsgrundlagen/sgb2-16x/', title: '§ 16x SGB II', text: '16x Probeförderung' },
  { url: '/impressum/', title: 'Impressum', text: 'Zu und ein Impressum' },
];

/** Prefix matching like Pagefind's; a word that matches nothing falls back to its first two letters. */
function fakePagefind(): PagefindLike & { queries: string[] } {
  const queries: string[] = [];
  const pageWords = (p: FakePage) => words(`${p.title} ${p.text} ${(p.subs ?? []).map((s) => `${s.title} ${s.text}`).join(' ')}`).map(fold);
  const matches = (p: FakePage, w: string) => pageWords(p).some((x) => x.startsWith(w));
  return {
    queries,
    async search(q) {
      queries.push(q);
      let terms = words(q).map(fold);
      terms = terms.map((t) => (pages.some((p) => matches(p, t)) ? t : t.slice(0, 2)));
      const hits = pages.filter((p) => terms.every((t) => matches(p, t)));
      const mark = (text: string) => text.replace(/[\p{L}\d]+/gu, (w) => (terms.some((t) => fold(w).startsWith(t)) ? `<mark>${w}</mark>` : w));
      return {
        results: hits.map((p, i) => ({
          id: String(i),
          score: 1 / (i + 1),
          data: async (): Promise<ResultData> => ({
            url: p.url,
            excerpt: mark(p.text),
            meta: { title: p.title },
            sub_results: [
              { title: p.title, url: p.url, excerpt: mark(p.text), locations: terms.some((t) => words(p.text).map(fold).some((w) => w.startsWith(t))) ? [1] : [] },
              ...(p.subs ?? []).map((s) => {
                const marked = mark(s.text);
                const n = (marked.match(/<mark>/g) ?? []).length;
                return { title: s.title, url: `${p.url}#${s.id}`, excerpt: marked, locations: Array.from({ length: n }, (_, k) => k), weighted_locations: Array.from({ length: n }, () => ({ weight: 1, balanced_score: 2 })) };
              }),
            ],
          }),
        })),
      };
    },
  };
}

const engine = prepareEngine(fixtureDict);

describe('a search', () => {
  it('puts the defining page of an abbreviation first, the instrument before the glossary entry, and opens the glossary at the entry', async () => {
    const o = await find(fakePagefind(), engine, 'STG');
    expect(o.hits.map((h) => h.href)).toEqual(['/instrumente/startgeld/', '/glossar/#stg', '/2030/qualifizierung/#zeile-startgeld']);
  });

  it('opens a chapter result at the row that matched, and lists sections that contain the query words', async () => {
    const o = await find(fakePagefind(), engine, 'WerkAG');
    expect(o.hits[0]!.href).toBe('/2030/qualifizierung/#zeile-werkhof');
    const s = await find(fakePagefind(), engine, 'Eintritte');
    const chapter = s.hits.find((h) => h.url === '/2030/qualifizierung/')!;
    expect(chapter.href).toBe('/2030/qualifizierung/#zeile-startgeld');
    expect(chapter.sections).toEqual([]);
  });

  it('finds a citation typed in any spelling on its legal basis', async () => {
    for (const q of ['16x', '§ 16 x SGB II', 'Paragraf 16x']) {
      const o = await find(fakePagefind(), engine, q);
      expect(o.hits[0]?.href, q).toBe('/rechtsgrundlagen/sgb2-16x/');
    }
  });

  it('corrects a typo from the vocabulary and says so', async () => {
    const pf = fakePagefind();
    const o = await find(pf, engine, 'Startgled');
    expect(o.correction).toBe('Startgeld');
    expect(o.hits[0]!.href).toBe('/instrumente/startgeld/');
    expect(pf.queries).toEqual(['Startgled', 'Startgeld']);
  });

  it('counts a match on a short fragment as no match', async () => {
    const o = await find(fakePagefind(), engine, 'Zuxqvwerk');
    expect(o.total).toBe(0);
    expect(o.hits).toEqual([]);
  });

  it('drops question words, and gives up the weakest word when all together find nothing', async () => {
    const pf = fakePagefind();
    const o = await find(pf, engine, 'welche Hilfe gibt es zur Probeförderung');
    expect(pf.queries[0]).toBe('Hilfe Probeförderung');
    expect(o.dropped).toEqual(['Hilfe']);
    expect(o.hits[0]!.url).toBe('/rechtsgrundlagen/sgb2-16x/');
  });

  it('loads further results on demand', async () => {
    const o = await find(fakePagefind(), engine, 'Startgeld', 1);
    expect(o.hits).toHaveLength(1);
    expect(o.total).toBe(3);
    expect((await o.more(1, 5)).map((h) => h.url)).toEqual(['/instrumente/startgeld/', '/glossar/']);
  });
});

describe('several programme years', () => {
  it('shows the newest year of a page in the best place of its group, earlier years after the other results', async () => {
    const { order } = await import('../../src/lib/search/engine.ts');
    const d = (url: string): ResultData => ({ url, excerpt: '', meta: {} });
    const ordered = order([d('/2029/a/'), d('/instrumente/x/'), d('/2031/a/'), d('/2030/b/'), d('/2030/a/')], []);
    expect(ordered.map((x) => x.url)).toEqual(['/2031/a/', '/instrumente/x/', '/2030/b/', '/2030/a/', '/2029/a/']);
  });
});

describe('exact places', () => {
  it('opens the defining page of a named term at its top, even when a section matched better', async () => {
    const { toHit } = await import('../../src/lib/search/engine.ts');
    const data: ResultData = {
      url: '/instrumente/startgeld/',
      excerpt: 'Startgeld',
      meta: { title: 'Startgeld' },
      sub_results: [{ title: 'Geplante Eintritte', url: '/instrumente/startgeld/#geplant', excerpt: '<mark>STG</mark> <mark>STG</mark>', locations: [1, 2] }],
    };
    const term = fixtureDict.terms.find((t) => t.href === '/instrumente/startgeld/')!;
    expect(toHit(data, [term]).href).toBe('/instrumente/startgeld/');
    expect(toHit(data, []).href).toBe('/instrumente/startgeld/#geplant');
  });
});
