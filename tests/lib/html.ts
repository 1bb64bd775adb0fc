/** Plain text of an HTML page, for assertions about what a reader sees. */
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '' };

export function htmlText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    // Inline elements (a link or <abbr> around "EGT") add no space to what a reader sees.
    .replace(/<\/?(?:a|abbr|span|strong|em|b|i|mark|code|sup|sub|small|q|cite|dfn|s|u)\b[^>]*>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
      if (code[0] === '#') return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
      return entities[code.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
