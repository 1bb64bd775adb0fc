/**
 * The search's dictionary, built from the registries and the chapter titles at build time
 * (src/pages/suche/begriffe.json.ts writes it, the index step and the search page read it):
 * every named thing of the programme with all its names and its defining page, the legal
 * citations with their sections, and a vocabulary for typo correction. Nothing here knows a
 * publisher's words; everything comes from the data.
 */
import { fold, words } from './text.ts';

export type TermKind = 'instrument' | 'legalBasis' | 'targetGroup' | 'glossary' | 'chapter';

/** A named thing of the programme: all its names and the page (and place) that defines it. */
export type Term = { kind: TermKind; names: string[]; href: string; year?: number | undefined };

/** A legal basis: its law ("SGB II"), its sections ("74", "75a") and its page. */
export type Citation = { law: string; sections: string[]; href: string; citation: string };

export type SearchTerms = {
  terms: Term[];
  citations: Citation[];
  /** Words of names, titles and headings, as printed (typo correction suggests these). */
  vocabulary: string[];
  /** Names written with a short part ("U 25", "Job AG"): their parts joined ("U25", "JobAG"). */
  joined: string[];
};

/** Kinds in the order their defining pages come first when a query names several. */
export const kindRank: Record<TermKind, number> = { instrument: 0, legalBasis: 1, targetGroup: 2, chapter: 3, glossary: 4 };

export type TermsInput = {
  instruments: { id: string; name: string; abbreviation?: string | undefined; aliases: string[]; href: string }[];
  glossary: { id: string; abbreviation: string; expansion: string; href: string }[];
  legalBases: { id: string; citation: string; law: string; sections: string[]; title?: string | undefined; href: string }[];
  targetGroups: { id: string; name: string; href: string }[];
  chapters: { year: number; number?: string | undefined; title: string; href: string }[];
  /** Further words for the vocabulary (headings of the pages). */
  extraWords?: string[];
};

/**
 * "U 25" → "U25", "Job AG" → "JobAG": neighbouring parts of a name of which one is a number or a
 * short upper-case abbreviation, and both begin with a capital or a digit ("Jugend in Arbeit"
 * gives nothing). A letter that belongs to a following number joins that number only
 * ("Praxiscenter U 25" → "U25").
 */
export function joinedForms(name: string): string[] {
  const parts = name.split(/\s+/).filter(Boolean);
  const short = (s: string) => /^\d+$/.test(s) || /^\p{Lu}{1,3}$/u.test(s);
  const capital = (s: string) => /^[\p{Lu}\d][\p{L}\d]*$/u.test(s);
  const out: string[] = [];
  for (let i = 0; i + 1 < parts.length; i++) {
    const [a, b, c] = [parts[i]!, parts[i + 1]!, parts[i + 2]];
    if (!capital(a) || !capital(b) || !(short(a) || short(b))) continue;
    // A number joins only a letter or two before it ("U 25", not "10 SGB").
    if (/\d/.test(a + b) && !(/^\p{Lu}{1,2}$/u.test(a) && /^\d+$/.test(b))) continue;
    if (!/\d/.test(a + b) && c !== undefined && /^\d+$/.test(c) && /^\p{Lu}{1,2}$/u.test(b)) continue;
    out.push(a + b);
  }
  return out;
}

export function buildTerms(input: TermsInput): SearchTerms {
  const terms: Term[] = [];
  for (const i of input.instruments)
    terms.push({ kind: 'instrument', href: i.href, names: unique([i.name, ...(i.abbreviation ? [i.abbreviation] : []), ...i.aliases]) });
  for (const l of input.legalBases)
    terms.push({ kind: 'legalBasis', href: l.href, names: unique([l.citation, ...(l.title ? [l.title] : [])]) });
  for (const t of input.targetGroups) terms.push({ kind: 'targetGroup', href: t.href, names: [t.name] });
  for (const g of input.glossary) terms.push({ kind: 'glossary', href: g.href, names: unique([g.abbreviation, g.expansion]) });
  for (const c of input.chapters) terms.push({ kind: 'chapter', href: c.href, year: c.year, names: [c.title] });
  // An abbreviation that is also an instrument's: the instrument page knows the glossary's long form too.
  for (const g of input.glossary) {
    const instrument = terms.find((t) => t.kind === 'instrument' && t.names.some((n) => fold(n) === fold(g.abbreviation)));
    if (instrument) instrument.names = unique([...instrument.names, g.expansion]);
  }
  const citations = input.legalBases.map((l) => ({ law: l.law, sections: l.sections.map((s) => s.toLowerCase()), href: l.href, citation: l.citation }));
  const names = terms.flatMap((t) => t.names);
  const vocabulary = new Map<string, string>();
  for (const w of [...names, ...(input.extraWords ?? [])].flatMap((n) => words(n)))
    if (w.length >= 3 && !/^\d+$/.test(w) && !vocabulary.has(fold(w))) vocabulary.set(fold(w), w);
  const joined = unique(names.flatMap(joinedForms));
  for (const j of joined) if (!vocabulary.has(fold(j))) vocabulary.set(fold(j), j);
  return { terms, citations, vocabulary: [...vocabulary.values()].sort((a, b) => a.localeCompare(b, 'de')), joined };
}

/** The word, or for long words an inflected form of it ("Integrationsfachkraft" ~ "Integrationsfachkräfte"). */
function hasWord(tokens: Set<string>, w: string): boolean {
  if (tokens.has(w)) return true;
  if (w.length < 8) return false;
  const stem = w.slice(0, -3);
  for (const t of tokens) if (t.startsWith(stem) && Math.abs(t.length - w.length) <= 3) return true;
  return false;
}

function unique(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = fold(s);
    if (!s.trim() || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The names to add to a page's index entry: for every term whose name (or abbreviation) the page's
 * text contains, all the term's names, so that "IFK" finds the pages that write
 * "Integrationsfachkraft" and the other way round; for every legal basis the text cites in any
 * spelling, its sections written together ("16i", "74", "75a").
 */
export function aliasesForText(text: string, dict: SearchTerms): string[] {
  const folded = words(text).map(fold);
  const tokens = new Set(folded);
  const joined = ` ${folded.join(' ')} `;
  const out: string[] = [];
  for (const { term, names } of foldedNames(dict)) {
    const hit = names.some((ws) => (ws.length === 1 ? hasWord(tokens, ws[0]!) : joined.includes(` ${ws.join(' ')} `)));
    if (hit) out.push(...term.names, ...term.names.flatMap(joinedForms));
  }
  for (const c of citedSections(text, dict)) out.push(c);
  return unique(out);
}

/** The words of every name of every term but the chapters, folded: computed once per dictionary, not once per page. */
const foldedNamesOf = new WeakMap<SearchTerms, { term: SearchTerms['terms'][number]; names: string[][] }[]>();
function foldedNames(dict: SearchTerms) {
  let list = foldedNamesOf.get(dict);
  if (!list) {
    list = dict.terms
      .filter((t) => t.kind !== 'chapter')
      .map((term) => ({ term, names: term.names.map((n) => words(n).map(fold)).filter((ws) => ws.length > 0) }));
    foldedNamesOf.set(dict, list);
  }
  return list;
}

/** The sections of known legal bases the text cites, in any spelling ("§ 16 f", "§§ 74–75a", "§16i"). */
export function citedSections(text: string, dict: SearchTerms): string[] {
  const known = new Set(dict.citations.flatMap((c) => c.sections));
  const found = new Set<string>();
  for (const m of text.matchAll(/§§?\s*(\d{1,3})\s?([a-z])?\b(?:\s*[-–]\s*(\d{1,3})\s?([a-z])?\b)?/gi)) {
    for (const s of [`${m[1]}${m[2] ?? ''}`, m[3] ? `${m[3]}${m[4] ?? ''}` : undefined]) {
      if (!s) continue;
      const low = s.toLowerCase();
      if (known.has(low)) found.add(low);
    }
    // A range cites every known section of the basis it starts ("§§ 74–75a" → 74, 75, 75a).
    if (m[3]) for (const c of dict.citations) if (c.sections.includes(`${m[1]}${m[2] ?? ''}`.toLowerCase())) c.sections.forEach((s) => found.add(s));
  }
  return [...found];
}
