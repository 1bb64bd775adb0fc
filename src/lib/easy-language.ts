/**
 * Figures in the Leichte Sprache text come from the data, through placeholders such as {jahr}:
 * the text follows the newest published year, and a sentence whose figure the data does not
 * have (another Jobcenter's programme without a budget) is left out instead of showing a gap.
 */
import { de, formatCount } from './format.ts';

/** The placeholders a Leichte Sprache text may use, with what they stand for (docs, errors). */
export const PLACEHOLDERS = {
  jahr: 'das neueste veröffentlichte Programmjahr, z. B. 2021',
  titel: 'der Titel des Programms',
  herausgeber: 'der Name des Herausgebers (settings.yaml)',
  kapitel: 'die Zahl der Kapitel (ohne Unterkapitel)',
  schwerpunkte: 'die Zahl der Handlungsschwerpunkte',
  eintritte: 'die geplanten Eintritte insgesamt (Kennzahlen), falls vorhanden',
  geld: 'der Eingliederungstitel in Worten („47,56 Millionen Euro“), falls vorhanden',
  email: 'die E-Mail-Adresse für Rückmeldungen zur Barrierefreiheit',
  videos: 'die Zahl der Videos in Gebärdensprache, nur wenn es welche gibt',
  'keine-videos': 'leer, nur wenn es noch kein Video in Gebärdensprache gibt (für einen Satz, der nur dann erscheint)',
  barrieren: 'die Zahl der bekannten nicht barrierefreien Teile („3 Teile“), nur wenn es welche gibt',
} as const;
export type PlaceholderName = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Record<PlaceholderName, string | undefined>;

const PLACEHOLDER = /\{([a-zäöüß-]+)\}/g;

/** Placeholders in a text that PLACEHOLDERS does not know (a typo would otherwise be printed). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(name in PLACEHOLDERS));
}

/** Euros in words for Leichte Sprache: no "Mio." (abbreviations are not allowed), "ungefähr" for "rd.". */
export function euroInWords(euros: number, approximate = false): string {
  const millions = euros / 1e6;
  const amount = millions >= 1 ? `${de.format(',.2~f')(millions)} Millionen Euro` : `${formatCount(euros)} Euro`;
  return `${approximate ? 'ungefähr ' : ''}${amount}`;
}

/**
 * Replaces the placeholders of a Markdown text. A block (paragraph, or one list item) that uses a
 * placeholder without a value is dropped as a whole. Throws on an unknown placeholder.
 */
export function fillPlaceholders(markdown: string, values: PlaceholderValues, file = 'Leichte Sprache'): string {
  const unknown = unknownPlaceholders(markdown);
  if (unknown.length > 0)
    throw new Error(`${file}: unbekannte Platzhalter ${unknown.map((u) => `{${u}}`).join(', ')}; erwartet einen von ${Object.keys(PLACEHOLDERS).map((k) => `{${k}}`).join(', ')}`);
  const complete = (block: string) => [...block.matchAll(PLACEHOLDER)].every((m) => values[m[1] as PlaceholderName] !== undefined);
  const blocks = markdown.split(/\n[ \t]*\n/).map((block) => {
    // List items one by one: "- …" lines with their continuation lines.
    if (!/^\s*[-*] /.test(block)) return complete(block) ? block : '';
    const items = block.split(/\n(?=\s*[-*] )/);
    return items.filter(complete).join('\n');
  });
  return blocks
    .filter((b) => b.trim() !== '')
    .join('\n\n')
    .replace(PLACEHOLDER, (_, name: PlaceholderName) => values[name]!);
}
