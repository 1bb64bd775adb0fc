/**
 * A mechanical check of the rules of Leichte Sprache (Netzwerk Leichte Sprache, DIN SPEC 33429)
 * that a program can see: short sentences, one statement per sentence, long words split by a
 * hyphen, no abbreviations, no Genitiv and no Konjunktiv, hard words explained where they first
 * appear. It cannot judge whether the text is easy; it keeps the text from drifting away from it.
 */

export type ReadabilityRules = {
  /** Most words in one sentence. */
  maxWords: number;
  /** Most commas in one sentence (more means clauses inside clauses). */
  maxCommas: number;
  /** Longest word part (between hyphens) in letters: longer compounds are written "Arbeits-Markt". */
  maxWordLength: number;
};

export const EASY_LANGUAGE_RULES: ReadabilityRules = { maxWords: 12, maxCommas: 1, maxWordLength: 13 };

/**
 * Words that are hard for readers of Leichte Sprache and must be explained the first time they
 * appear (matched in lower case anywhere inside a word, hyphens ignored: "Barriere-Freiheit").
 */
export const HARD_WORDS = [
  'abkürzung',
  'arbeitsmarkt',
  'barriere',
  'behörde',
  'browser',
  'diagramm',
  'eingliederung',
  'gebärden',
  'impressum',
  'instrument',
  'integration',
  'kontrast',
  'link',
  'maßnahme',
  'menü',
  'navigation',
  'programm',
  'schlichtung',
  'tabelle',
  'verordnung',
  'zielgruppe',
] as const;

/** Konjunktiv forms (the indicative is easier: "kann" instead of "könnte"). */
const SUBJUNCTIVE = /^(würde|würden|würdest|könnte|könnten|hätte|hätten|wäre|wären|sollte|sollten|müsste|müssten|dürfte|dürften)$/i;
/** Genitive article and prepositions that take the Genitiv ("wegen des …" → "wegen dem …" is written "weil"). */
const GENITIVE = /^(des|eines|wegen|trotz|während|aufgrund|anhand|bezüglich|innerhalb|außerhalb|mittels|seitens)$/i;
/** Conjunctions and pronouns that open a second statement inside the sentence. */
const SUBCLAUSE = /^(dass|obwohl|nachdem|sodass|wodurch|weshalb|deren|dessen)$/i;
/** Relative pronouns; in a question they ask ("Auf welcher Seite ist die Barriere?"). */
const RELATIVE = /^(welche|welcher|welches|welchem|welchen)$/i;
/** Abbreviations with a dot ("z. B.", "bzw.", "usw.") and words in capitals ("BITV"). */
const DOTTED = /(?:^|\s)(z\.\s?B\.|d\.\s?h\.|u\.\s?a\.|bzw\.|usw\.|ca\.|ggf\.|inkl\.|evtl\.|Nr\.|rd\.|Mio\.|Mrd\.)/g;
const CAPITALS = /^[A-ZÄÖÜ]{2,}s?$/;

export type ReadabilityProblem = { rule: 'sentence-length' | 'commas' | 'word-length' | 'subjunctive' | 'genitive' | 'subclause' | 'abbreviation' | 'hard-word'; sentence: string; detail: string };

/** Markdown to plain text: headings, list markers, emphasis, links, HTML tags and placeholders. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|[-*]|\d+\.)\s+/gm, '')
    .replace(/[*_`]/g, '')
    .replace(/\{[a-zäöüß-]+\}/g, ' Platzhalter ');
}

/**
 * Sentences of a text: a line break ends a sentence too (headings and list items stand alone);
 * ".", "!", "?" and ":" end one unless part of an abbreviation or a number ("1. Dezember").
 */
export function sentences(text: string): string[] {
  return text
    .replace(/[ \t]+/g, ' ')
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?:])\s+(?=[A-ZÄÖÜ„"(])/))
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

const words = (sentence: string) => sentence.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);

/** Problems of one text; `explained` are the hard words the text or an earlier one has explained. */
export function readabilityProblems(markdown: string, explained: readonly string[] = [], rules: ReadabilityRules = EASY_LANGUAGE_RULES): ReadabilityProblem[] {
  const problems: ReadabilityProblem[] = [];
  const known = explained.map((w) => w.toLowerCase().replace(/-/g, ''));
  const text = plainText(markdown);
  for (const m of text.matchAll(DOTTED)) problems.push({ rule: 'abbreviation', sentence: m[1]!, detail: `Abkürzung „${m[1]}“: ausschreiben` });
  for (const sentence of sentences(text)) {
    const ws = words(sentence);
    if (ws.length > rules.maxWords) problems.push({ rule: 'sentence-length', sentence, detail: `${ws.length} Wörter, erlaubt sind ${rules.maxWords}` });
    const commas = (sentence.match(/,/g) ?? []).length;
    if (commas > rules.maxCommas) problems.push({ rule: 'commas', sentence, detail: `${commas} Kommas, erlaubt ${rules.maxCommas}: den Satz teilen` });
    for (const w of ws) {
      if (w.includes('@') || /^https?:/.test(w)) continue;
      const long = w.split(/[-/]/).find((part) => part.length > rules.maxWordLength);
      if (long) problems.push({ rule: 'word-length', sentence, detail: `„${w}“: lange Wörter mit Bindestrich teilen` });
      if (SUBJUNCTIVE.test(w)) problems.push({ rule: 'subjunctive', sentence, detail: `Konjunktiv „${w}“` });
      if (GENITIVE.test(w)) problems.push({ rule: 'genitive', sentence, detail: `Genitiv „${w}“` });
      if (SUBCLAUSE.test(w) || (!sentence.endsWith('?') && RELATIVE.test(w))) problems.push({ rule: 'subclause', sentence, detail: `Nebensatz mit „${w}“: eine Aussage pro Satz` });
      if (CAPITALS.test(w) && !known.includes(w.toLowerCase())) problems.push({ rule: 'abbreviation', sentence, detail: `Abkürzung „${w}“ ohne Erklärung` });
      const norm = w.toLowerCase().replace(/-/g, '');
      const hard = HARD_WORDS.find((h) => norm.includes(h));
      if (hard && !known.some((k) => norm.includes(k) || k.includes(hard)))
        problems.push({ rule: 'hard-word', sentence, detail: `schweres Wort „${w}“ ohne Erklärung (explains)` });
    }
  }
  return problems;
}
