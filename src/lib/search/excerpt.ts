/**
 * Pagefind returns excerpts as HTML with the hits in <mark>. The search page builds the result
 * from text nodes instead of assigning that HTML, so that no markup from the index reaches the page.
 */
export type Segment = { text: string; hit: boolean };

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'", '#x27': "'" };
const decode = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
  const known = entities[code.toLowerCase()];
  if (known !== undefined) return known;
  if (code[0] === '#') return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
  return m;
});

/** "a <mark>b</mark> c" → [{a, false}, {b, true}, {c, false}]; other tags are dropped. */
export function excerptSegments(html: string): Segment[] {
  const segments: Segment[] = [];
  const parts = html.split(/<mark>([\s\S]*?)<\/mark>/);
  parts.forEach((part, i) => {
    const text = decode(part.replace(/<[^>]*>/g, ''));
    if (text) segments.push({ text, hit: i % 2 === 1 });
  });
  return segments;
}
