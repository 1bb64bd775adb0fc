/**
 * Text measurement without a DOM. Charts are laid out at build time, so label widths are
 * estimated from glyph advance widths. The table holds the widths of DejaVu Sans (what
 * `system-ui` resolves to on Linux; measured in Chromium at 1000 px), which is wider than
 * Segoe UI, Roboto, San Francisco or Arial: a label that fits with these widths fits on
 * every common system. Characters not in the table count as 1 em.
 */

// [advance width in 1/1000 em, characters with that width]
const regular: [number, string][] = [
  [275, "'"],
  [278, "ijl"],
  [295, "IJ"],
  [318, " ,.\u201a\u2018\u2019\u00b7\u00a0"],
  [337, "/:;\\|"],
  [352, "f"],
  [361, "-"],
  [390, "()[]"],
  [392, "t"],
  [401, "!\u00b2\u00b3"],
  [411, "r"],
  [460, "\""],
  [500, "*_`\u2013\u00a7\u00b0"],
  [518, "\u201e\u201c\u201d"],
  [521, "s"],
  [525, "z"],
  [531, "?"],
  [550, "c"],
  [557, "L"],
  [575, "F"],
  [579, "k"],
  [592, "vxy"],
  [603, "P"],
  [611, "TY"],
  [612, "o\u00f6\u00ab\u00bb"],
  [613, "a\u00e4"],
  [615, "e\u00e9"],
  [630, "\u00df"],
  [632, "E"],
  [634, "hnu\u00fc"],
  [635, "Sbdgpq"],
  [636, "0123456789${}\u20ac"],
  [656, "K"],
  [684, "AV\u00c4"],
  [685, "XZ"],
  [686, "B"],
  [695, "R"],
  [698, "C"],
  [732, "U\u00dc"],
  [748, "N"],
  [752, "H"],
  [770, "D"],
  [775, "G"],
  [780, "&"],
  [787, "OQ\u00d6"],
  [818, "w"],
  [838, "#+<=>^~\u00d7"],
  [863, "M"],
  [950, "%"],
  [969, "\u00bd"],
  [974, "m"],
  [989, "W"],
  [1000, "@\u2014\u2026"],
];

const bold: [number, string][] = [
  [306, "'"],
  [343, "ijl"],
  [348, " \u00a0"],
  [365, "/\\|"],
  [372, "IJ"],
  [380, ",.\u201a\u2018\u2019\u00b7"],
  [400, ":;"],
  [415, "-"],
  [435, "f"],
  [438, "\u00b2\u00b3"],
  [456, "!"],
  [457, "()[]"],
  [478, "t"],
  [493, "r"],
  [500, "_`\u2013\u00a7\u00b0"],
  [521, "\""],
  [523, "*"],
  [580, "?"],
  [582, "z"],
  [593, "c"],
  [595, "s"],
  [637, "L"],
  [645, "x"],
  [646, "\u00ab\u00bb"],
  [652, "vy"],
  [657, "\u201e\u201c\u201d"],
  [665, "k"],
  [675, "a\u00e4"],
  [678, "e\u00e9"],
  [682, "T"],
  [683, "EF"],
  [687, "o\u00f6"],
  [696, "0123456789$\u20ac"],
  [712, "hnu{}\u00fc"],
  [716, "bdgpq"],
  [719, "\u00df"],
  [720, "S"],
  [724, "Y"],
  [725, "Z"],
  [733, "P"],
  [734, "C"],
  [762, "B"],
  [770, "R"],
  [771, "X"],
  [774, "AV\u00c4"],
  [775, "K"],
  [812, "U\u00dc"],
  [821, "G"],
  [830, "D"],
  [837, "HN"],
  [838, "#+<=>^~\u00d7"],
  [850, "OQ\u00d6"],
  [872, "&"],
  [924, "w"],
  [995, "M"],
  [1000, "@\u2014\u2026"],
  [1002, "%"],
  [1035, "\u00bd"],
  [1042, "m"],
  [1103, "W"],
];

const toMap = (groups: [number, string][]) => {
  const m = new Map<string, number>();
  for (const [w, chars] of groups) for (const ch of chars) m.set(ch, w / 1000);
  return m;
};
const widths = { regular: toMap(regular), bold: toMap(bold) };

/** Extra room on top of the measured widths (kerning, hinting at small sizes). */
export const SAFETY = 1.03;

export type Font = { size: number; bold?: boolean | undefined };

/**
 * Room for the text spacing a reader may set (WCAG 1.4.12): letter spacing 0.12 em after every
 * character, word spacing 0.16 em at every space. SVG text follows these CSS properties, so a label
 * laid out without this room leaves its chart or runs into its neighbour.
 */
export const TEXT_SPACING = { letter: 0.12, word: 0.16 } as const;

/** Estimated width of a single line of text in user units (px at scale 1), with room for WCAG 1.4.12 text spacing. */
export function textWidth(text: string, font: Font): number {
  const table = font.bold ? widths.bold : widths.regular;
  let em = 0;
  for (const ch of text) em += (table.get(ch) ?? 1) + TEXT_SPACING.letter + (ch === ' ' || ch === '\u00a0' ? TEXT_SPACING.word : 0);
  return em * font.size * SAFETY;
}

/** Ascent and descent of the fonts above, in em: boxes of text shapes use them. */
export const ASCENT = 0.93;
export const DESCENT = 0.24;
/** Distance between the baselines of wrapped lines, in em. */
export const LINE_HEIGHT = 1.25;

/** Height of `lines` lines of text at `size`: from the ascent of the first line to the descent of the last. */
export const blockHeight = (lines: number, size: number) => (lines - 1) * size * LINE_HEIGHT + (ASCENT + DESCENT) * size;

/**
 * Greedy word wrap into lines no wider than `maxWidth`, at ordinary spaces only (a no-break
 * space from the number formats, "13\u00a0%", holds). Words break after a hyphen or slash
 * if needed ("Langzeitbezug-/…"); a single word that is still too wide is cut into pieces
 * ending in a hyphen, so that no line ever exceeds `maxWidth`.
 */
export function wrapText(text: string, maxWidth: number, font: Font): string[] {
  if (maxWidth <= 0) throw new Error(`wrapText: keine Breite für „${text}“`);
  const words = glueWords(text.split(/[ \t\r\n]+/).filter(Boolean)).flatMap((w) =>
    textWidth(w, font) <= maxWidth ? [w] : splitWord(w, maxWidth, font),
  );
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || textWidth(candidate, font) <= maxWidth) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Words that must not end or start a line stay with their neighbour (joined by a space that
 * the wrap does not break): "§ 16 f" not "§ 16" / "f", "U 25" not "U" / "25".
 */
function glueWords(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const prev = out.at(-1);
    // A single lower-case letter ("16 f") or a lone unit/mark belongs to the word before it.
    if (prev !== undefined && /^(?:\p{Ll}|%|€|\*)$/u.test(w)) out[out.length - 1] = `${prev}\u00a0${w}`;
    // "§", "§§" and a single capital before a number ("U 25") belong to the word after it.
    else if (prev !== undefined && (/^§§?$/.test(prev.split('\u00a0').at(-1)!) || /(?:^|\u00a0)\p{Lu}$/u.test(prev) && /^\d/.test(w)))
      out[out.length - 1] = `${prev}\u00a0${w}`;
    else out.push(w);
  }
  return out;
}

/** Splits an over-long word after "-" or "/" where possible, else into hyphenated chunks. */
function splitWord(word: string, maxWidth: number, font: Font): string[] {
  const parts = word.split(/(?<=[-/])/);
  const out: string[] = [];
  let current = '';
  for (const part of parts) {
    if (textWidth(current + part, font) <= maxWidth) current += part;
    else {
      if (current) out.push(current);
      current = part;
    }
  }
  if (current) out.push(current);
  return out.flatMap((p) => {
    if (textWidth(p, font) <= maxWidth) return [p];
    const chunks: string[] = [];
    let chunk = '';
    for (const ch of p) {
      if (textWidth(chunk + ch + '-', font) > maxWidth && chunk) {
        chunks.push(chunk + '-');
        chunk = ch;
      } else chunk += ch;
    }
    if (chunk) chunks.push(chunk);
    return chunks;
  });
}
