/**
 * Reading the built HTML as a tree (html-validate's parser, so no extra dependency), and the
 * pure checks over it that tests/site/quality-*.test.ts run on every page: references that must
 * resolve, loads from other hosts, scripts, and the Content-Security-Policy.
 */
import { decodeHTMLAttribute } from 'entities';
import { Parser, StaticConfigLoader, type HtmlElement } from 'html-validate';

const config = await new StaticConfigLoader().getConfigFor('page.html');

export function parseHtml(source: string): HtmlElement {
  return new Parser(config).parseHtml(source);
}

/** Attribute value with character references decoded (the parser keeps them as written). */
export function attr(el: HtmlElement, name: string): string | null {
  const raw = el.getAttributeValue(name);
  return raw === null ? null : decodeHTMLAttribute(raw);
}

/** A URL in the page: which element and attribute it sits in, and whether the browser loads it by itself. */
export type Reference = { tag: string; attribute: string; value: string; load: boolean };

/** Attributes that hold a URL; `load` marks those the browser fetches without a click. */
const urlAttributes: { selector: string; attribute: string; load: boolean | ((el: HtmlElement) => boolean) }[] = [
  { selector: 'a[href]', attribute: 'href', load: false },
  { selector: 'area[href]', attribute: 'href', load: false },
  // <link rel="stylesheet|icon|preload|manifest…"> loads; rel="alternate|canonical|next|prev…" only points.
  {
    selector: 'link[href]',
    attribute: 'href',
    load: (el) => /\b(stylesheet|icon|preload|prefetch|modulepreload|manifest|apple-touch-icon|mask-icon|preconnect|dns-prefetch)\b/i.test(attr(el, 'rel') ?? ''),
  },
  { selector: 'script[src]', attribute: 'src', load: true },
  { selector: 'img[src]', attribute: 'src', load: true },
  { selector: 'img[srcset]', attribute: 'srcset', load: true },
  { selector: 'source[src]', attribute: 'src', load: true },
  { selector: 'source[srcset]', attribute: 'srcset', load: true },
  { selector: 'iframe[src]', attribute: 'src', load: true },
  { selector: 'video[src]', attribute: 'src', load: true },
  { selector: 'video[poster]', attribute: 'poster', load: true },
  { selector: 'audio[src]', attribute: 'src', load: true },
  { selector: 'track[src]', attribute: 'src', load: true },
  { selector: 'embed[src]', attribute: 'src', load: true },
  { selector: 'object[data]', attribute: 'data', load: true },
  { selector: 'input[src]', attribute: 'src', load: true },
  { selector: 'image[href]', attribute: 'href', load: true },
  { selector: 'use[href]', attribute: 'href', load: true },
  { selector: 'form[action]', attribute: 'action', load: false },
  { selector: 'blockquote[cite]', attribute: 'cite', load: false },
  { selector: 'q[cite]', attribute: 'cite', load: false },
];

const srcsetUrls = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

/** Every URL the page refers to, with the element it sits in. */
export function references(root: HtmlElement): Reference[] {
  const refs: Reference[] = [];
  for (const { selector, attribute, load } of urlAttributes) {
    for (const el of root.querySelectorAll(selector)) {
      const value = attr(el, attribute);
      if (value === null) continue;
      const loads = typeof load === 'function' ? load(el) : load;
      const values = attribute === 'srcset' ? srcsetUrls(value) : [value];
      for (const v of values) refs.push({ tag: el.tagName, attribute, value: v, load: loads });
    }
  }
  // xlink:href in inline SVG (older markup)
  for (const el of root.querySelectorAll('[xlink\\:href]')) {
    const value = attr(el, 'xlink:href');
    if (value !== null) refs.push({ tag: el.tagName, attribute: 'xlink:href', value, load: el.tagName === 'use' || el.tagName === 'image' });
  }
  // url(…) in <style> and style="" loads fonts, images, imported sheets.
  const css = [...root.querySelectorAll('style').map((s) => ({ tag: 'style', text: s.textContent })), ...root.querySelectorAll('[style]').map((el) => ({ tag: el.tagName, text: attr(el, 'style') ?? '' }))];
  for (const { tag, text } of css) {
    for (const m of text.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) {
      const value = m[2] ?? m[4] ?? '';
      if (value) refs.push({ tag, attribute: 'css url()', value, load: true });
    }
  }
  return refs;
}

/** Whether a reference points to another host (absolute or protocol-relative http(s)/ws). */
export const isExternal = (value: string) => /^(https?:|wss?:)?\/\//i.test(value.trim());

/** The page's <meta http-equiv="Content-Security-Policy"> content, if any. */
export function metaCsp(root: HtmlElement): string | undefined {
  const meta = root.querySelectorAll('meta[http-equiv]').find((m) => (attr(m, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy');
  return meta ? (attr(meta, 'content') ?? '') : undefined;
}

/** A policy as directive → source list ("script-src" → ["'self'"]). */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Problems of a policy for a site that loads nothing from other hosts and runs no inline script. */
export function cspProblems(policy: string): string[] {
  const csp = parseCsp(policy);
  const problems: string[] = [];
  const scriptSources = csp.get('script-src') ?? csp.get('default-src');
  if (!scriptSources) problems.push('weder script-src noch default-src: Skripte von überall erlaubt');
  else {
    if (scriptSources.includes("'unsafe-inline'")) problems.push(`script-src erlaubt 'unsafe-inline'`);
    if (scriptSources.includes("'unsafe-eval'")) problems.push(`script-src erlaubt 'unsafe-eval'`);
  }
  if (!csp.get('default-src')?.every((s) => s === "'self'" || s === "'none'")) problems.push(`default-src ist nicht 'self' oder 'none': ${csp.get('default-src')?.join(' ') ?? '(fehlt)'}`);
  if (!csp.get('object-src')?.includes("'none'") && !csp.get('default-src')?.includes("'none'")) problems.push(`object-src ist nicht 'none'`);
  // Nothing from other hosts: every source is a keyword, 'self' or data: (inline images).
  for (const [name, sources] of csp) {
    for (const s of sources) {
      const keyword = /^'[a-z-]+'$/.test(s) || /^'(nonce|sha256|sha384|sha512)-/.test(s);
      if (!keyword && s !== 'data:') problems.push(`${name} erlaubt eine fremde Quelle: ${s}`);
    }
  }
  return problems;
}
