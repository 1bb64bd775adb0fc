/**
 * WCAG 3.1.2 (language of parts): phrases in another language are marked in the content format
 * (`<span lang="en">walk and talk</span>` in the MDX), so that screen readers pronounce them in
 * English. Every occurrence on every built page must sit inside an element with that language.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { distDir, listPages } from '../lib/dist.ts';
import { attr, parseHtml } from '../lib/markup.ts';

/** Phrases of the programme text that are not German, with their language. */
const FOREIGN = [{ phrase: 'walk and talk', lang: 'en' }];
const pages = listPages(distDir()).filter((p) => p.url.endsWith('/'));

/** Occurrences of a phrase in the text of the page, each with the nearest lang attribute above it. */
function occurrences(html: string, phrase: string): string[] {
  const root = parseHtml(html);
  const found: string[] = [];
  const body = root.querySelector('body');
  const walk = (node: ReturnType<typeof parseHtml>, lang: string) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        if (child.textContent.toLowerCase().includes(phrase)) found.push(lang);
      } else if (child.nodeType === 1) {
        const el = child as ReturnType<typeof parseHtml>;
        if (['script', 'style'].includes(el.tagName?.toLowerCase() ?? '')) continue;
        walk(el, attr(el, 'lang') ?? lang);
      }
    }
  };
  const top = root.querySelector('html');
  if (body) walk(body, (top && attr(top, 'lang')) ?? '');
  return found;
}

test('the check finds an unmarked phrase (self-test)', () => {
  expect(occurrences('<html lang="de"><body><p>wie „walk and talk“</p></body></html>', 'walk and talk')).toEqual(['de']);
  expect(occurrences('<html lang="de"><body><p>wie „<span lang="en">walk and talk</span>“</p></body></html>', 'walk and talk')).toEqual(['en']);
});

test.for(pages)('$url: foreign phrases carry their language', ({ url, file }) => {
  const html = readFileSync(file, 'utf8');
  for (const { phrase, lang } of FOREIGN) {
    const langs = occurrences(html, phrase);
    expect(langs.filter((l) => l !== lang), `${url}: „${phrase}“ ohne lang="${lang}"`).toEqual([]);
  }
});
