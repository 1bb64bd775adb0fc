/**
 * Pagefind returns excerpts as HTML with the hits in <mark>. The search page builds the result
 * from text nodes instead of assigning that HTML, so that no markup from the index reaches the page.
 */
// Pagefind escapes only & < > " ' / (as &amp; … &#x27; &#x2f;): the XML decoder covers them, and
// unlike decodeHTML it does not bring the table of all HTML entities (about 28 kB) into the
// search page's script.
import { decodeXML } from 'entities/decode';

export type Segment = { text: string; hit: boolean };


/** "a <mark>b</mark> c" → [{a, false}, {b, true}, {c, false}]; other tags are dropped. */
export function excerptSegments(html: string): Segment[] {
  const segments: Segment[] = [];
  const parts = html.split(/<mark>([\s\S]*?)<\/mark>/);
  parts.forEach((part, i) => {
    const text = decodeXML(part.replace(/<[^>]*>/g, ''));
    if (text) segments.push({ text, hit: i % 2 === 1 });
  });
  return segments;
}
