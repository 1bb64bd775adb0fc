/**
 * The build-time decision whether a table wrapper is a tab stop: only where the table can be wider
 * than its room (tests/browser/wcag-details.test.ts checks the decision against Chromium).
 */
import { describe, expect, test } from 'vitest';
import { NARROW_MIN_WIDTH, TABLE_LAYOUT_MIN_WIDTH, tableCanScroll, tableMinWidth, unbreakableWidth } from '../../src/lib/table-width.ts';

const table = (cls: string, caption: string, rows: string[][]) =>
  `<table${cls ? ` class="${cls}"` : ''}><caption>${caption}</caption><tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;

describe('tableMinWidth', () => {
  test('per column the widest unbreakable piece: words, and word parts after a hyphen or slash', () => {
    const font = { size: 16, bold: false };
    expect(unbreakableWidth('ab cd', font)).toBeCloseTo(unbreakableWidth('ab', font), 9);
    expect(unbreakableWidth('Ab-Arbeitsmarkt', font)).toBeCloseTo(unbreakableWidth('Arbeitsmarkt', font), 9);
    expect(unbreakableWidth('Fort-/Weiterbildung', font)).toBeCloseTo(unbreakableWidth('Weiterbildung', font), 9);
    // A no-break space holds ("rd. 2.500").
    expect(unbreakableWidth('rd.\u00a02.500', font)).toBeGreaterThan(unbreakableWidth('2.500', font));
  });

  test('adds up the columns; the caption counts when its longest word is wider', () => {
    const two = tableMinWidth(table('', 'A', [['Eingliederungszuschüsse', '1.800']]));
    const one = tableMinWidth(table('', 'A', [['Eingliederungszuschüsse']]));
    expect(two).toBeGreaterThan(one + 40);
    expect(tableMinWidth(table('', 'Teilhabechancengesetzes', [['a']]))).toBeGreaterThan(tableMinWidth(table('', 'A', [['a']])));
  });

  test('entities and tags are text, cells spanning columns are left out', () => {
    expect(tableMinWidth('<table><tr><th>A&amp;B</th></tr></table>')).toBeCloseTo(tableMinWidth('<table><tr><th><a href="#">A&B</a></th></tr></table>'), 9);
    expect(tableMinWidth('<table><tr><td colspan="2">Sehrsehrsehrlangeswort</td></tr></table>')).toBe(0);
  });
});

describe('tableCanScroll', () => {
  const long = 'Beschäftigungsmöglichkeiten';
  test('a table that stacks scrolls only when it is wider than its room just above 40rem', () => {
    expect(tableCanScroll(table('stack', 'A', [[long, '920', 'Kurz']]))).toBe(false);
    const wide = table('stack', 'A', [[long, '920', long, long, long]]);
    expect(tableMinWidth(wide)).toBeGreaterThan(TABLE_LAYOUT_MIN_WIDTH);
    expect(tableCanScroll(wide)).toBe(true);
  });
  test('a table that does not stack must fit 320 px', () => {
    expect(tableCanScroll(table('', 'A', [['Kurz', '1']]))).toBe(false);
    const wide = table('', 'A', [[long, '655 - 660', 'Ansatz 2020', '-15 %']]);
    expect(tableMinWidth(wide, { fontSize: 15, padding: 8 })).toBeGreaterThan(NARROW_MIN_WIDTH);
    expect(tableCanScroll(wide)).toBe(true);
  });
});
