/**
 * Internal links of the built site: every href/src that names a file of the site must resolve on
 * the static host, and every #fragment must name an id on its target page.
 */
import { readFileSync } from 'node:fs';
import type { HtmlElement } from 'html-validate';
import { fileOfUrl, type Page } from './dist.ts';
import { fragmentTargets, isExternal, isNonFileScheme, parseHtml, references } from './markup.ts';

const base = 'http://site.invalid';

/** Ids per HTML file, parsed once. */
export function fragmentIndex(): (file: string) => Set<string> {
  const cache = new Map<string, Set<string>>();
  return (file) => {
    let ids = cache.get(file);
    if (!ids) {
      ids = fragmentTargets(parseHtml(readFileSync(file, 'utf8')));
      cache.set(file, ids);
    }
    return ids;
  };
}

/** What is wrong with the internal references of one page (empty when all resolve). */
export function linkProblems(dir: string, page: Page, root: HtmlElement, idsOf: (file: string) => Set<string>): string[] {
  const problems: string[] = [];
  for (const ref of references(root)) {
    const value = ref.value.trim();
    const where = `<${ref.tag} ${ref.attribute}="${ref.value}">`;
    if (isExternal(value) || isNonFileScheme(value)) continue;
    if (/^javascript:/i.test(value)) {
      problems.push(`${where}: javascript:-Verweis`);
      continue;
    }
    if (value === '') {
      problems.push(`${where}: leerer Verweis`);
      continue;
    }
    let url: URL;
    try {
      url = new URL(value, base + page.url);
    } catch {
      problems.push(`${where}: keine gültige Adresse`);
      continue;
    }
    if (url.origin !== base) continue;
    const file = value.startsWith('#') ? page.file : fileOfUrl(dir, url.pathname);
    if (!file) {
      problems.push(`${where}: ${url.pathname} gibt es nicht`);
      continue;
    }
    // "/2021/kennzahlen" works only through a redirect; the site's URLs end in a slash.
    if (!value.startsWith('#') && file.endsWith('/index.html') && !url.pathname.endsWith('/') && !url.pathname.endsWith('/index.html')) {
      problems.push(`${where}: ohne „/“ am Ende (Umweg über eine Umleitung), richtig: ${url.pathname}/`);
    }
    if (value.includes('#')) {
      const fragment = url.hash.slice(1);
      // "#" alone jumps nowhere useful; "#top" is defined by HTML; ":~:" is a text fragment.
      if (fragment === '') problems.push(`${where}: leerer Anker „#“`);
      else if (fragment !== 'top' && !fragment.startsWith(':~:') && file.endsWith('.html')) {
        let id: string;
        try {
          id = decodeURIComponent(fragment);
        } catch {
          id = fragment;
        }
        if (!idsOf(file).has(id)) problems.push(`${where}: Anker #${id} fehlt auf ${file === page.file ? 'dieser Seite' : url.pathname}`);
      }
    }
  }
  return problems;
}
