/**
 * Query understanding, pure: what the search page makes of what someone typed before it asks the
 * index. Citations in any spelling become their section ("Paragraf 16 i SGB II" → "16i"), names
 * written apart or together meet ("U 25" → "U25"), German question and filler words are dropped
 * ("welche Angebote gibt es für Mütter" → "Angebote Mütter"), unknown words get a correction from
 * the vocabulary, and a result that matched only a short fragment of a word does not count.
 */
import type { SearchTerms } from './terms.ts';
import { commonPrefix, editDistance, fold, words } from './text.ts';

/** Question and filler words of German queries (compared folded). */
export const fillerWords = new Set(
  (
    'welche welcher welches welchen welchem was wer wen wem wie wo woher wohin wann warum wieso weshalb wozu womit worauf ' +
    'gibt gib gab es ist sind war waren wird werden wurde wurden hat haben habe hatte kann koennen konnen muss muessen soll sollen darf ' +
    'der die das den dem des ein eine einen einem einer eines kein keine ' +
    'und oder aber auch noch schon nur mal denn doch bitte ja nein nicht ' +
    'fuer fur mit ohne von vom zu zum zur bei beim auf an am aus nach ueber uber unter um im in ins bis seit gegen durch ' +
    'ich du er sie wir ihr man mir mich uns sich jemand etwas alles ' +
    'hoch viel viele wieviel wieviele welchen gibts finde finden suche suchen zeige zeigen infos information informationen ' +
    'angebot angebote massnahme massnahmen'
  )
    .split(' ')
    .map(fold),
);

/** Words that say "paragraph" and law names that follow a citation. */
const paragraphWord = /^(?:§§?|paragra(?:f|ph)(?:en|s)?)$/i;

export type Understood = {
  /** The words to search, in the order typed. */
  words: string[];
  /** Sections of known legal bases the query cites ("16i"). */
  citations: string[];
};

/**
 * Citations in any spelling → the section as the index knows it. A bare number followed by a
 * letter ("16 i") or a number with a law ("74 SGB III") counts only when it is a known section.
 */
export function normaliseCitations(query: string, dict: Pick<SearchTerms, 'citations'>): { text: string; citations: string[] } {
  const known = new Set(dict.citations.flatMap((c) => c.sections));
  const citations: string[] = [];
  const pattern =
    /(?<para>§§?|\bparagra(?:f|ph)(?:en|s)?\b)?\s*(?<![\p{L}\d.,])(?<n>\d{1,3})\s?(?<l>[a-z])?(?![\p{L}\d.])(?:\s*[-–]\s*(?<n2>\d{1,3})\s?(?<l2>[a-z])?(?![\p{L}\d]))?(?<law>\s*sgb\s*(?:ii|iii|xii|2|3|12)\b)?/giu;
  const text = query.replace(pattern, (match, ...args) => {
    const g = args.at(-1) as Record<string, string | undefined>;
    const first = `${g.n}${g.l ?? ''}`.toLowerCase();
    const cited = g.para !== undefined || g.law !== undefined || known.has(first);
    if (!cited) return match;
    // "16 i" where only "16" is a word of its own: keep the letter only when it makes a known section.
    const section = known.has(first) ? first : g.l && known.has(String(g.n)) ? String(g.n) : first;
    citations.push(section);
    if (g.n2) citations.push(`${g.n2}${g.l2 ?? ''}`.toLowerCase());
    return ` ${section} `;
  });
  return { text, citations: [...new Set(citations)] };
}

/** The searchable words of a query: citations normalised, names joined, filler words dropped. */
export function understand(query: string, dict: Pick<SearchTerms, 'citations' | 'joined'>): Understood {
  const { text, citations } = normaliseCitations(query, dict);
  const joined = new Map(dict.joined.map((j) => [fold(j), j]));
  const raw = words(text).filter((w) => !paragraphWord.test(w));
  const tokens: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const pair = i + 1 < raw.length ? joined.get(fold(raw[i]! + raw[i + 1]!)) : undefined;
    if (pair) {
      tokens.push(pair);
      i++;
    } else tokens.push(raw[i]!);
  }
  const kept = tokens.filter((w) => !fillerWords.has(fold(w)) && (w.length > 1 || /\d/.test(w)));
  // A query of filler words only ("was ist das") is searched as typed.
  return { words: kept.length > 0 ? kept : tokens.filter((w) => w.length > 1), citations };
}

/** A vocabulary prepared for look-ups. */
export type Vocabulary = { has(word: string): boolean; suggest(word: string): string | undefined };

/** Edit distance allowed for a word of this length: none up to 4 letters, 1 up to 7, 2 beyond. */
export const allowedDistance = (length: number) => (length <= 4 ? 0 : length <= 7 ? 1 : 2);

export function vocabulary(list: readonly string[]): Vocabulary {
  const byFold = new Map(list.map((w) => [fold(w), w]));
  const entries = [...byFold];
  return {
    has: (w) => byFold.has(fold(w)),
    suggest(word) {
      const f = fold(word);
      const max = allowedDistance(f.length);
      // Written differently but the same word ("Fluechtlinge"): the word as printed.
      const same = byFold.get(f);
      if (same !== undefined) return same.toLowerCase() === word.toLowerCase() ? undefined : same;
      if (max === 0 || /\d/.test(f)) return undefined;
      let best: { w: string; d: number; score: number } | undefined;
      for (const [k, w] of entries) {
        const d = editDistance(f, k, max);
        if (d > max) continue;
        // Closest first; then the same first letter, then the nearer length.
        const score = d * 10 + (k[0] === f[0] ? 0 : 5) + Math.abs(k.length - f.length);
        if (!best || score < best.score) best = { w, d, score };
      }
      return best?.w;
    },
  };
}

/**
 * Does a word of the query count as found, given the words the index marked in the excerpts? Found
 * when a marked word begins with it ("AVGS" → "AVGS-MAT") or shares all but its last three letters
 * (inflection: "Angebote" → "Angebot"); a mark on a short fragment
 * ("Zukunfsstarter" → "zu") does not count. A compound counts when its parts were marked.
 */
export function isCovered(queryWord: string, marked: readonly string[]): boolean {
  const q = fold(queryWord);
  const folded = marked.map(fold);
  const covers = (w: string) =>
    folded.some((mark) => {
      const cp = commonPrefix(w, mark);
      return cp === w.length || (cp >= 4 && cp >= w.length - 2);
    });
  if (covers(q)) return true;
  // A compound the index matched by its parts ("Pflegeberatung" → "Pflege", "Beratung"), with or without a linking s.
  return folded.some((head) => {
    if (head.length < 4 || !q.startsWith(head)) return false;
    const rest = q.slice(head.length);
    return [rest, rest.replace(/^s/, '')].some((r) => r.length >= 4 && covers(r));
  });
}

/** The words Pagefind marked in an excerpt ("… <mark>Einstiegsgeld</mark> …"). */
export function markedWords(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>([\s\S]*?)<\/mark>/g)].flatMap((m) => words(m[1]!.replace(/<[^>]*>/g, '')));
}

/**
 * The order in which to give up words when a query finds nothing: words of the dictionary's names
 * are the strongest, then other known words, then the longest.
 */
export function byStrength(list: readonly string[], nameWords: ReadonlySet<string>, vocab: Vocabulary): string[] {
  const strength = (w: string) => (nameWords.has(fold(w)) ? 2 : vocab.has(w) || /\d/.test(w) ? 1 : 0);
  return [...list].map((w, i) => ({ w, i })).sort((a, b) => strength(b.w) - strength(a.w) || b.w.length - a.w.length || a.i - b.i).map((x) => x.w);
}
