/**
 * Leichte Sprache: the readability check (a pure function, tested on made-up sentences), the
 * placeholders for figures from the data, and the check applied to the text of the site
 * (src/content/leichte-sprache/*.md, which a publisher can replace: the rules hold for any text).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EASY_LANGUAGE_RULES, HARD_WORDS, readabilityProblems, sentences, plainText } from '../../src/lib/readability.ts';
import { euroInWords, fillPlaceholders, PLACEHOLDERS, type PlaceholderValues, unknownPlaceholders } from '../../src/lib/easy-language.ts';
import { easyLanguageSchema } from '../../src/lib/schemas/easy-language.ts';
import { BITV4_ITEMS } from '../../src/lib/schemas/registries.ts';
import { contentDir, readMdx } from '../lib/content.ts';

const rules = (text: string, explained: string[] = []) => readabilityProblems(text, explained).map((p) => p.rule);

describe('readabilityProblems', () => {
  it('accepts short sentences in plain words', () => {
    expect(readabilityProblems('Das Jobcenter hilft Menschen.\n\nSie suchen Arbeit.')).toEqual([]);
  });
  it('counts words per sentence', () => {
    const long = 'Das Jobcenter hilft vielen Menschen in der Stadt jeden Tag bei der Suche nach einer Arbeit.';
    expect(rules(long)).toEqual(['sentence-length']);
    expect(readabilityProblems(long)[0]!.detail).toBe(`16 Wörter, erlaubt sind ${EASY_LANGUAGE_RULES.maxWords}`);
  });
  it('finds nested clauses, Konjunktiv and Genitiv', () => {
    expect(rules('Wir wissen, dass Sie Arbeit suchen, weil Sie fragen.')).toEqual(['commas', 'subclause']);
    expect(rules('Das wäre gut.')).toEqual(['subjunctive']);
    expect(rules('Welche Angebote gibt es?')).toEqual([]);
    expect(rules('Auf welcher Seite ist das?')).toEqual([]);
    expect(rules('Das Angebot welches hilft.')).toEqual(['subclause']);
    expect(rules('Das Haus des Jobcenters ist groß.')).toEqual(['genitive']);
  });
  it('wants long compound words split by a hyphen', () => {
    expect(rules('Das ist die Barrierefreiheitserklärung.', ['Barriere'])).toEqual(['word-length']);
    expect(rules('Das ist die Erklärung zur Barriere-Freiheit.', ['Barriere'])).toEqual([]);
  });
  it('finds abbreviations, dotted or in capitals, unless explained', () => {
    expect(rules('Das steht z. B. hier.')).toEqual(['abbreviation']);
    expect(rules('Das steht in der BITV.')).toEqual(['abbreviation']);
    expect(rules('Das steht in der BITV.', ['BITV'])).toEqual([]);
  });
  it('wants hard words explained in this text or before', () => {
    expect(HARD_WORDS).toContain('barriere');
    expect(rules('Eine Barriere ist ein Hindernis.')).toEqual(['hard-word']);
    expect(rules('Eine Barriere ist ein Hindernis.', ['Barriere'])).toEqual([]);
    // Hyphenated and inflected forms are the same word.
    expect(rules('Die Seite ist barriere-frei.', ['Barriere'])).toEqual([]);
  });
  it('reads Markdown: headings, list items and what follows a colon stand alone, links count by their text, placeholders as one word', () => {
    const md = '## Die Suche\n\n- Programm: Hier steht alles.\n- [Instrumente](/instrumente/): alle Angebote\n\nEs gibt {kapitel} Kapitel.';
    expect(sentences(plainText(md))).toEqual(['Die Suche', 'Programm:', 'Hier steht alles.', 'Instrumente: alle Angebote', 'Es gibt Platzhalter Kapitel.']);
  });
});

const values: PlaceholderValues = Object.fromEntries(Object.keys(PLACEHOLDERS).map((k) => [k, `«${k}»`])) as PlaceholderValues;

describe('placeholders', () => {
  it('fills figures from the data', () => {
    expect(fillPlaceholders('Das Programm {jahr} hat {kapitel} Kapitel.', values)).toBe('Das Programm «jahr» hat «kapitel» Kapitel.');
  });
  it('leaves out a paragraph or list item whose figure the data does not have', () => {
    const md = 'Es gibt {kapitel} Kapitel.\n\nDas Jobcenter hat {geld}.\n\n- eins {jahr}\n- zwei {eintritte}\n- drei';
    expect(fillPlaceholders(md, { ...values, geld: undefined, eintritte: undefined })).toBe('Es gibt «kapitel» Kapitel.\n\n- eins «jahr»\n- drei');
  });
  it('refuses an unknown placeholder with the known ones', () => {
    expect(unknownPlaceholders('{jahr} {jhar}')).toEqual(['jhar']);
    expect(() => fillPlaceholders('Im Jahr {jhar}.', values, 'x.md')).toThrow(/x\.md: unbekannte Platzhalter \{jhar\}; erwartet einen von \{jahr\}/);
  });
  it('writes money without abbreviations', () => {
    expect(euroInWords(47_560_000, true)).toBe('ungefähr 47,56 Millionen Euro');
    expect(euroInWords(2_000_000)).toBe('2 Millionen Euro');
    expect(euroInWords(800_000)).toBe('800.000 Euro');
  });
});

describe('the Leichte Sprache text of the site', () => {
  const dir = path.join(contentDir, 'leichte-sprache');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const sections = files.map((f) => {
    const { data, body } = readMdx(path.join(dir, f));
    return { file: f, data: easyLanguageSchema.parse(data), body };
  });

  it('covers the four BITV 2.0 § 4 explanations', () => {
    expect(new Set(sections.map((s) => s.data.item))).toEqual(new Set(BITV4_ITEMS));
  });

  it('uses only known placeholders', () => {
    for (const s of sections) expect(unknownPlaceholders(s.body), s.file).toEqual([]);
  });

  it('keeps the rules of Leichte Sprache; hard words are explained where they first appear', () => {
    const ordered = [...sections].sort((a, b) => a.data.order - b.data.order);
    const explained: string[] = [];
    for (const s of ordered) {
      explained.push(...s.data.explains);
      for (const word of s.data.explains) expect(s.body.toLowerCase().replace(/-/g, ''), `${s.file}: erklärt „${word}“, nennt es aber nicht`).toContain(word.toLowerCase().replace(/-/g, ''));
      const problems = readabilityProblems(s.body, explained).map((p) => `${p.detail}: „${p.sentence}“`);
      expect(problems, s.file).toEqual([]);
    }
  });
});
