/**
 * One search, from the words typed to the ordered results with their exact places. Talks to
 * Pagefind only through the small interface below, so that the search page (in the browser) and
 * the search benchmark (in Node, over the built site) run the same code.
 *
 * 1. The query is understood (src/lib/search/query.ts) and searched.
 * 2. If a word found nothing or only a short fragment of itself, it is corrected from the
 *    vocabulary and searched again ("Meinten Sie …?").
 * 3. If still nothing, the weakest words are given up one by one.
 * 4. The first results are put in order: a term's defining page first (the instrument for its
 *    name or abbreviation, the legal basis for its citation, the glossary entry for an
 *    abbreviation only it explains), and each result links to the section, row or entry that matched.
 */
import { pageOf } from './prepare.ts';
import { byStrength, isCovered, markedWords, understand, vocabulary, type Vocabulary } from './query.ts';
import { kindRank, type SearchTerms, type Term } from './terms.ts';
import { fold, words } from './text.ts';

export type SubResult = { title: string; url: string; excerpt: string; locations?: number[]; weighted_locations?: { weight: number; balanced_score?: number }[] };
export type ResultData = {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: SubResult[];
};
export type PagefindResult = { id: string; score: number; data(): Promise<ResultData> };
export type PagefindLike = { search(q: string): Promise<{ results: PagefindResult[] } | null> };

/** A result as the page shows it. */
export type Hit = {
  url: string;
  /** Where the link goes: the matched section, row or entry, else the page. */
  href: string;
  title: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** Further sections of the page that contain the query words, best first. */
  sections: { title: string; url: string }[];
};

export type Outcome = {
  /** The words searched in the end. */
  searched: string[];
  /** The corrected query when a correction was searched ("Einstiegsgeld"). */
  correction?: string;
  /** Words given up because the query found nothing with them. */
  dropped: string[];
  total: number;
  /** The first results, in the order shown. */
  hits: Hit[];
  /** Loads the next results (in Pagefind's order). */
  more(from: number, count: number): Promise<Hit[]>;
};

export type Engine = { dict: SearchTerms; vocab: Vocabulary; nameWords: Set<string> };

export function prepareEngine(dict: SearchTerms): Engine {
  const vocab = vocabulary(dict.vocabulary);
  const nameWords = new Set(dict.terms.filter((t) => t.kind !== 'chapter').flatMap((t) => t.names.flatMap(words).map(fold)));
  return { dict, vocab, nameWords };
}

type Attempt = { words: string[]; results: PagefindResult[]; data: ResultData[]; uncovered: string[] };

/** Searches the words; loads the first `count` results and notes which words only matched a fragment. */
async function attempt(pf: PagefindLike, list: string[], count: number): Promise<Attempt> {
  const found = list.length > 0 ? await pf.search(list.join(' ')) : null;
  const results = found?.results ?? [];
  const data = await Promise.all(results.slice(0, count).map((r) => r.data()));
  // The words the index marked, and the titles of the results and their sections (a hit in a
  // heading is not always in the excerpt).
  const marked = data.flatMap((d) => [
    ...markedWords(d.excerpt),
    ...words(d.meta.title ?? ''),
    ...words(d.meta.defines ?? ''),
    ...words(d.meta.names ?? ''),
    ...(d.sub_results ?? []).flatMap((s) => [...markedWords(s.excerpt), ...words(s.title)]),
  ]);
  const uncovered = results.length === 0 ? [...list] : list.filter((w) => !isCovered(w, marked));
  return { words: list, results, data, uncovered };
}

/**
 * The terms the query names exactly (all its words, in any of the term's names, written apart or
 * together): the legal bases it cites first, then by kind (instrument before glossary entry).
 */
export function namedTerms(list: readonly string[], citations: readonly string[], dict: SearchTerms): Term[] {
  const compact = (ws: readonly string[]) => ws.map(fold).join('');
  const q = compact(list);
  const cited: Term[] = [];
  for (const c of dict.citations)
    if (c.sections.some((s) => citations.includes(s))) {
      const t = dict.terms.find((x) => x.href === c.href);
      if (t && !cited.includes(t)) cited.push(t);
    }
  const named = dict.terms
    .filter((t) => t.kind !== 'chapter' && !cited.includes(t) && t.names.some((n) => compact(words(n)) === q))
    .sort((a, b) => kindRank[a.kind] - kindRank[b.kind]);
  return [...cited, ...named];
}

/** Pagefind's ranking: page length counts less than by default (BM25 b = 0.75), so that a long chapter that states a term is not outranked by every short page that mentions it; defining pages get their weight from their names (src/lib/search/prepare.ts). */
export const pagefindRanking = { pageLength: 0.1, termSaturation: 1.0, metaWeights: { title: 5, defines: 10, names: 1 } };

const subScore = (s: SubResult) => (s.weighted_locations ?? []).reduce((n, l) => n + (l.balanced_score ?? l.weight), 0) || (s.locations?.length ?? 0);

/** A result with its exact place: the named term's anchor, else the best-matching section. */
export function toHit(d: ResultData, named: readonly Term[]): Hit {
  const page = pageOf(new URL(d.url, 'http://x').pathname);
  const anchor = named.find((t) => pageOf(t.href) === page && t.href.includes('#'));
  // A page that defines what the query names opens at its top (its title and facts), not at a section.
  const defines = named.some((t) => t.href === page);
  // The page's parts that contain query words, best first; the part before the first heading is the page itself.
  const ranked = (d.sub_results ?? [])
    .filter((s) => markedWords(s.excerpt).length + (s.locations?.length ?? 0) > 0)
    .map((s, i) => ({ s, i, score: subScore(s) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.s);
  const best = ranked[0];
  const subs = ranked.filter((s) => s.url.includes('#'));
  const href = anchor ? anchor.href : !defines && best?.url.includes('#') ? best.url : d.url;
  const excerpt = anchor
    ? ((d.sub_results ?? []).find((s) => s.url.endsWith(anchor.href.slice(anchor.href.indexOf('#'))))?.excerpt ?? d.excerpt)
    : !defines && best?.url.includes('#')
      ? best.excerpt
      : d.excerpt;
  return {
    url: d.url,
    href,
    title: d.meta.title ?? d.url,
    excerpt,
    meta: d.meta,
    sections: subs.filter((s) => s.url !== href).slice(0, 3).map((s) => ({ title: s.title, url: s.url })),
  };
}

/**
 * Defining pages of the named terms first (in the order of the terms), the rest as ranked. The same
 * page of several programme years: the newest year in the best place of the group, the earlier
 * years after the other results, so that an archive of many years does not fill the first results
 * with one chapter.
 */
export function order(data: ResultData[], named: readonly Term[]): ResultData[] {
  const pathOf = (d: ResultData) => new URL(d.url, 'http://x').pathname;
  const rank = (d: ResultData) => {
    const i = named.findIndex((t) => pageOf(t.href) === pageOf(pathOf(d)));
    return i < 0 ? named.length : i;
  };
  const sorted = data.map((d, i) => ({ d, i, r: rank(d) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.d);
  const yearOf = (d: ResultData) => Number(/^\/(\d{4})\//.exec(pathOf(d))?.[1] ?? NaN);
  const keyOf = (d: ResultData) => pathOf(d).replace(/^\/\d{4}\//, '/');
  const newest = new Map<string, ResultData>();
  for (const d of sorted) {
    if (Number.isNaN(yearOf(d))) continue;
    const best = newest.get(keyOf(d));
    if (!best || yearOf(d) > yearOf(best)) newest.set(keyOf(d), d);
  }
  const first: ResultData[] = [];
  const earlier: ResultData[] = [];
  const placed = new Set<string>();
  for (const d of sorted) {
    if (Number.isNaN(yearOf(d))) first.push(d);
    else if (!placed.has(keyOf(d))) {
      placed.add(keyOf(d));
      first.push(newest.get(keyOf(d))!);
    }
  }
  for (const d of sorted) if (!Number.isNaN(yearOf(d)) && newest.get(keyOf(d)) !== d) earlier.push(d);
  return [...first, ...earlier.sort((a, b) => yearOf(b) - yearOf(a))];
}

export async function find(pf: PagefindLike, engine: Engine, query: string, pageSize = 10): Promise<Outcome> {
  const { dict, vocab, nameWords } = engine;
  const understood = understand(query, dict);
  let best = await attempt(pf, understood.words, pageSize);
  let correction: string | undefined;
  let dropped: string[] = [];

  if (best.uncovered.length > 0) {
    // 2. Correct the words that found nothing or only a fragment.
    const corrected = best.words.map((w) => (best.uncovered.includes(w) ? (vocab.suggest(w) ?? w) : w));
    if (corrected.some((w, i) => w !== best.words[i])) {
      const next = await attempt(pf, corrected, pageSize);
      if (next.results.length > 0 && next.uncovered.length < best.uncovered.length) {
        best = next;
        correction = corrected.join(' ');
      }
    }
  }
  if (best.uncovered.length > 0 && best.words.length > 1) {
    // 3. Give up the weakest words until what is left is found.
    const ranked = byStrength(best.words, nameWords, vocab);
    for (let k = ranked.length - 1; k >= 1; k--) {
      const keep = ranked.slice(0, k);
      const list = best.words.filter((w) => keep.includes(w));
      const next = await attempt(pf, list, pageSize);
      if (next.results.length > 0 && next.uncovered.length === 0) {
        dropped = best.words.filter((w) => !keep.includes(w));
        best = next;
        break;
      }
    }
  }
  if (best.uncovered.length > 0) {
    // A match on a fragment only is no match.
    return { searched: best.words, correction, dropped, total: 0, hits: [], more: async () => [] };
  }
  const named = namedTerms(best.words, understood.citations, dict);
  const hits = order(best.data, named).map((d) => toHit(d, named));
  const results = best.results;
  return {
    searched: best.words,
    correction,
    dropped,
    total: results.length,
    hits,
    more: async (from, count) => (await Promise.all(results.slice(from, from + count).map((r) => r.data()))).map((d) => toHit(d, named)),
  };
}
