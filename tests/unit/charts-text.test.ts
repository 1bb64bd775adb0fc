import { describe, expect, test } from 'vitest';
import { TEXT_SPACING, textWidth, wrapText } from '../../src/lib/charts/text.ts';

const font = { size: 14 };

describe('textWidth', () => {
  test('leaves room for WCAG 1.4.12 text spacing: 0.12 em per character, 0.16 em more per space', () => {
    const size = 10;
    const oneWord = textWidth('ab', { size }) - textWidth('a', { size }) - textWidth('b', { size });
    expect(oneWord).toBeCloseTo(0, 9);
    // "a b" is "a", "b" and a space, which carries letter and word spacing.
    const space = textWidth('a b', { size }) - textWidth('a', { size }) - textWidth('b', { size });
    expect(space).toBeCloseTo((0.318 + TEXT_SPACING.letter + TEXT_SPACING.word) * size * 1.03, 9);
    expect(textWidth('x', { size })).toBeCloseTo((0.592 + TEXT_SPACING.letter) * size * 1.03, 9);
  });

  test('adds up the widths of the characters', () => {
    expect(textWidth('ab', font)).toBeCloseTo(textWidth('a', font) + textWidth('b', font), 6);
  });

  test('scales with the font size and grows for bold', () => {
    expect(textWidth('Eintritte', { size: 28 })).toBeCloseTo(2 * textWidth('Eintritte', font), 6);
    expect(textWidth('Eintritte', { size: 14, bold: true })).toBeGreaterThan(textWidth('Eintritte', font));
  });

  test('wide letters are wider than narrow ones, unknown characters count as a full em', () => {
    expect(textWidth('W', font)).toBeGreaterThan(textWidth('i', font));
    expect(textWidth('\u4e00', font)).toBeGreaterThanOrEqual(font.size);
  });
});

describe('wrapText', () => {
  const sentence =
    'Aktivcenter mit unterschiedlichen Praxisfeldern als spezielle Angebote für Menschen mit besonderen Problemlagen';

  test.each([160, 200, 288, 640])('no line is wider than %i and no word is lost', (max) => {
    const lines = wrapText(sentence, max, font);
    for (const l of lines) expect(textWidth(l, font)).toBeLessThanOrEqual(max);
    expect(lines.join(' ')).toBe(sentence);
  });

  test.each([40, 60, 80])('still fits at %i, where single words must be split', (max) => {
    for (const l of wrapText(sentence, max, font)) expect(textWidth(l, font)).toBeLessThanOrEqual(max);
  });

  test('uses as few lines as the greedy fill allows: a line plus the next word would be too wide', () => {
    const lines = wrapText(sentence, 200, font);
    for (let i = 0; i < lines.length - 1; i++) {
      const nextWord = lines[i + 1]!.split(' ')[0]!;
      expect(textWidth(`${lines[i]} ${nextWord}`, font)).toBeGreaterThan(200);
    }
  });

  test('a word wider than the line is split after a hyphen, else into hyphenated pieces that fit', () => {
    const word = 'Langzeitarbeitslosigkeit-Langzeitleistungsbezug';
    const lines = wrapText(word, 130, font);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, font)).toBeLessThanOrEqual(130);
    expect(lines.join('').replaceAll('-', '')).toBe(word.replaceAll('-', ''));
    expect(lines[0]!.endsWith('-')).toBe(true);
    const glued = 'Donaudampfschifffahrtsgesellschaftskapitän';
    const pieces = wrapText(glued, 60, font);
    for (const p of pieces) expect(textWidth(p, font)).toBeLessThanOrEqual(60);
    expect(pieces.map((p) => p.replace(/-$/, '')).join('')).toBe(glued);
  });

  test('keeps "§ 16 f" and "U 25" together and never starts a line with a lone letter', () => {
    // Widths include the room for WCAG 1.4.12 text spacing (TEXT_SPACING).
    for (const max of [75, 115, 150, 200]) {
      const lines = wrapText('VII. Freie Förderung nach § 16 f für Praxiscenter U 25', max, font);
      for (const l of lines) {
        expect(l).not.toMatch(/^[a-zäöü](?:\s|$)/);
        expect(l).not.toMatch(/§$/);
        expect(l).not.toMatch(/(?:^|\s)U$/);
      }
    }
  });

  test('a no-break space of the number formats is not a break opportunity', () => {
    const lines = wrapText('Anteil rd.\u00a013\u00a0% am Eingliederungstitel', 90, font);
    expect(lines.some((l) => l.includes('rd.\u00a013\u00a0%'))).toBe(true);
  });
});
