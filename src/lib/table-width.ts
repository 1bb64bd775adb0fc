/**
 * Whether a table can ever be wider than the room it gets, decided at build time from its text, so
 * that only those tables get a scroll region that is a tab stop (tabindex="0", role="region"). A
 * wrapper that never scrolls would add a useless tab stop and landmark.
 *
 * The estimate is the table's narrowest possible width: per column the widest unbreakable piece of
 * text (a word, or the part of a word after a hyphen or slash), with room for WCAG 1.4.12 text
 * spacing (textWidth includes it), plus the cell padding of global.css. It is compared with the
 * narrowest room the table gets in its layout:
 * - tables with class "stack" become one grid per row at up to 40rem and cannot scroll there; as
 *   tables they get at least TABLE_LAYOUT_MIN_WIDTH (viewport just over 40rem less the page margins);
 * - other tables stay tables down to 320 px and get NARROW_MIN_WIDTH there.
 */
import { decodeHTML } from 'entities';
import { SAFETY, textWidth } from './charts/text.ts';

/** Content width at a 641 px viewport (40rem + 1 px less 4rem of margins), where stacked tables turn into tables. */
export const TABLE_LAYOUT_MIN_WIDTH = 577;
/** Content width at 320 px (less 2 × 1rem container padding). */
export const NARROW_MIN_WIDTH = 288;
/** Type and cell padding of global.css: tables at 1rem with 0.75rem padding, below 30rem at 0.9375rem with 0.5rem. */
const WIDE = { fontSize: 16, padding: 12 };
const NARROW = { fontSize: 15, padding: 8 };
/** Indented row headings of sub rows (padding-left). */
const INDENT: Record<string, number> = { 'row-sub': 20, 'row-ofwhich': 36 };

const plain = (html: string) =>
  decodeHTML(
    html
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]+>/g, ''),
  ).replace(/\u00ad/g, '');

/** Widest piece of a cell's text that a browser cannot break (ordinary spaces and "-"/"/" are break points). */
export function unbreakableWidth(text: string, font: { size: number; bold: boolean }): number {
  const pieces = text.split(/[ \t\r\n]+|(?<=[-/])(?=\p{L})/u).filter(Boolean);
  // textWidth errs on the wide side (SAFETY) so that chart labels always fit; here the best estimate is wanted.
  return Math.max(0, ...pieces.map((p) => textWidth(p, font) / SAFETY));
}

/** Narrowest width of a rendered table (HTML of <table>…</table>); cells spanning columns are left out. */
export function tableMinWidth(html: string, layout: { fontSize: number; padding: number } = WIDE): number {
  const columns: number[] = [];
  // The caption (bold, 1.125em) is as wide as the table, so its longest word counts too.
  const caption = /<caption\b[^>]*>([\s\S]*?)<\/caption>/.exec(html)?.[1];
  const captionWidth = caption ? unbreakableWidth(plain(caption), { size: layout.fontSize * 1.125, bold: true }) : 0;
  for (const row of html.matchAll(/<tr\b([^>]*)>([\s\S]*?)<\/tr>/g)) {
    const rowClass = /class="([^"]*)"/.exec(row[1]!)?.[1] ?? '';
    const indent = Object.entries(INDENT).find(([c]) => rowClass.split(/\s+/).includes(c))?.[1] ?? 0;
    let i = 0;
    for (const cell of row[2]!.matchAll(/<(th|td)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
      const span = Number(/colspan="(\d+)"/.exec(cell[2]!)?.[1] ?? 1);
      if (span === 1) {
        const width = unbreakableWidth(plain(cell[3]!), { size: layout.fontSize, bold: cell[1] === 'th' }) + layout.padding + (i === 0 ? indent : 0);
        columns[i] = Math.max(columns[i] ?? 0, width);
      }
      i += span;
    }
  }
  return Math.max(captionWidth, columns.reduce((sum, w) => sum + (w ?? 0), 0));
}

/** True when the table can be wider than its room at some viewport width (see above). */
export function tableCanScroll(html: string): boolean {
  const stacks = /<table\b[^>]*class="[^"]*\bstack\b/.test(html);
  return stacks ? tableMinWidth(html, WIDE) > TABLE_LAYOUT_MIN_WIDTH : tableMinWidth(html, NARROW) > NARROW_MIN_WIDTH;
}
