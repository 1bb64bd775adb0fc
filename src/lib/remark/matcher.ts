/**
 * Finds glossary abbreviations and legal citations in a run of prose text. Pure: the remark
 * plugin decides what to do with the matches.
 */

export type GlossaryTerm = { id: string; abbreviation: string; expansion: string };
export type LegalBasisTerm = { id: string; citation: string; law: string; sections: readonly string[]; repealed: boolean };

/** A citation as written: "§ 16i", "§ 16i SGB II", "§§ 74- 75a SGB III", "§ 130 (alt) SGB III". */
export type ParsedCitation = { from: string; to?: string | undefined; law?: string | undefined; old: boolean };

export type Match =
  | { kind: 'abbreviation'; start: number; end: number; text: string; term: GlossaryTerm }
  | { kind: 'citation'; start: number; end: number; text: string; citation: ParsedCitation; basis?: LegalBasisTerm | undefined };

/** Space as the text writes it between the parts of a citation (also a no-break space). */
const sp = '[ \\u00a0]';
/** A section number: "16", "16i", "75a", and "16 f" as chapter 4 prints it; a letter only if no word follows. */
const section = `\\d+(?:${sp}?[a-z](?![\\p{L}\\p{N}]))?`;
/** The books of the Sozialgesetzbuch, longest numeral first so that "SGB III" is not read as "SGB II". */
const sgb = `SGB${sp}+(?:XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const squash = (s: string) => s.replace(/[ \u00a0]+/g, ' ');

/**
 * The laws a citation can name: every law of the registry (legal-bases.yaml: "BKGG", "AufenthG",
 * "SGB IX" …, longest first) and any book of the Sozialgesetzbuch, so that a citation of a book
 * that is not in the registry is still read as one (and reported as unresolved).
 */
function lawSource(laws: readonly string[]): string {
  const named = [...new Set(laws.map((l) => squash(l.trim())))]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((l) => escape(l).replace(/ /g, `${sp}+`));
  return `(?:${[...named, sgb].join('|')})(?![\\p{L}\\p{N}])`;
}

const citationSource = (laws: readonly string[]) =>
  `§§?${sp}*(${section})(?:${sp}*[-–]${sp}*(${section}))?(?:${sp}*\\((alt)\\))?(?:${sp}+(${lawSource(laws)}))?`;
// New RegExp objects per use: a shared global RegExp would carry lastIndex from one call to the next.
const citationPattern = (laws: readonly string[]) => new RegExp(citationSource(laws), 'gu');

/**
 * Parses one citation ("§§ 74- 75a SGB III" → { from: "74", to: "75a", law: "SGB III", old: false }).
 * `laws`: the laws besides the books of the SGB that a citation can name ("BKGG").
 */
export function parseCitation(text: string, laws: readonly string[] = []): ParsedCitation | undefined {
  const m = citationPattern(laws).exec(text);
  if (!m || m.index !== 0) return undefined;
  const clean = (s: string | undefined) => (s === undefined ? undefined : s.replace(/[ \u00a0]/g, ''));
  return { from: clean(m[1])!, to: clean(m[2]), law: m[4] === undefined ? undefined : squash(m[4]), old: m[3] !== undefined };
}

/**
 * The legal basis a citation refers to. A citation without a law ("§ 16i") refers to the SGB II,
 * the law the Jobcenter works under (`defaultLaw`); "(alt)" refers to a repealed version;
 * a range must match a basis's first and last section.
 */
export function resolveCitation(c: ParsedCitation, bases: readonly LegalBasisTerm[], defaultLaw = 'SGB II'): LegalBasisTerm | undefined {
  const candidates = bases.filter((b) => squash(b.law) === (c.law ?? defaultLaw) && b.repealed === c.old);
  if (c.to !== undefined) return candidates.find((b) => b.sections[0] === c.from && b.sections.at(-1) === c.to);
  return candidates.find((b) => b.sections.length === 1 && b.sections[0] === c.from);
}

export type Matcher = { find(text: string): Match[] };

export function createMatcher(glossary: readonly GlossaryTerm[], bases: readonly LegalBasisTerm[], defaultLaw = 'SGB II'): Matcher {
  // The laws of the registry, so that "§ 6a BKGG" is read as a citation of the BKGG.
  const laws = bases.map((b) => b.law);
  // Longest first: "AVGS-MAT" before "MAT", "SGB III" before "SGB II" before "SGB".
  const terms = [...glossary].sort((a, b) => b.abbreviation.length - a.abbreviation.length);
  const byText = new Map(terms.map((t) => [t.abbreviation, t]));
  const alternatives = terms.map((t) => escape(t.abbreviation).replace(/ /g, sp)).join('|');
  // Case-sensitive and whole words only: "RD" (Regionaldirektion) must not match "rd." or "Bord".
  const abbreviationPattern = alternatives ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu') : undefined;

  return {
    find(text) {
      const citations: Match[] = [];
      for (const m of text.matchAll(citationPattern(laws))) {
        const citation = parseCitation(m[0], laws)!;
        citations.push({ kind: 'citation', start: m.index, end: m.index + m[0].length, text: m[0], citation, basis: resolveCitation(citation, bases, defaultLaw) });
      }
      const abbreviations: Match[] = [];
      if (abbreviationPattern)
        for (const m of text.matchAll(abbreviationPattern)) {
          const start = m.index;
          const end = start + m[0].length;
          // "SGB II" inside "§ 16i SGB II" belongs to the citation.
          if (citations.some((c) => start < c.end && end > c.start)) continue;
          const term = byText.get(squash(m[0]));
          if (term) abbreviations.push({ kind: 'abbreviation', start, end, text: m[0], term });
        }
      return [...citations, ...abbreviations].sort((a, b) => a.start - b.start);
    },
  };
}
