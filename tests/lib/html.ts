/** Plain text of an HTML page, for assertions about what a reader sees. */
import { decodeHTML } from 'entities';

export function htmlText(html: string): string {
  const text = html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    // Inline elements (a link or <abbr> around "EGT") add no space to what a reader sees.
    .replace(/<\/?(?:a|abbr|span|strong|em|b|i|mark|code|sup|sub|small|q|cite|dfn|s|u)\b[^>]*>/gi, '')
    .replace(/<[^>]+>/g, ' ');
  // A soft hyphen from the markup is invisible to a reader.
  return decodeHTML(text).replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
}
