/**
 * Several chapters on one page (/<year>/gesamt/) would repeat ids: every chapter has a
 * "tabelle-instrumente", many share heading ids. scopeIds() gives each chapter's rendered HTML
 * its own id prefix and rewrites the references to those ids (fragment links, ARIA relations,
 * SVG url(#…)), so that the page stays valid and every label still points at its own element.
 * Links to other pages whose content is on the same page (the year's chapters, the glossary)
 * become fragment links, which a printed PDF keeps as internal links.
 *
 * Works on the HTML Astro renders: attribute values in double quotes, '"' escaped inside
 * values and text, so an ` id="` can only be an attribute.
 */

export type ScopeOptions = {
  /** Prefix for the ids of this fragment: "integration" → id="integration--tabelle-instrumente". */
  prefix: string;
  /**
   * Where a link to another page goes on this page, or undefined to leave it:
   * ("/2021/integration/", "zeile-x") → "integration--zeile-x".
   */
  localTarget?: (path: string, fragment: string | undefined) => string | undefined;
};

/** The id an element of the fragment gets on the combined page. */
export const scopedId = (prefix: string, id: string) => `${prefix}--${id}`;

const idAttribute = /(\sid=")([^"]*)(")/g;
const idListAttributes = /(\s(?:aria-labelledby|aria-describedby|aria-controls|aria-owns|aria-flowto|aria-activedescendant|aria-details|aria-errormessage|headers|for|list|form)=")([^"]*)(")/g;
const hrefAttribute = /(\s(?:href|xlink:href)=")([^"]*)(")/g;
const urlReference = /url\(#([^)"'\s]+)\)/g;

/** The ids defined in an HTML fragment, in document order. */
export function idsOf(html: string): string[] {
  return [...html.matchAll(idAttribute)].map((m) => m[2]!);
}

export function scopeIds(html: string, options: ScopeOptions): string {
  const own = new Set(idsOf(html));
  const scope = (id: string) => (own.has(id) ? scopedId(options.prefix, id) : id);
  return html
    .replace(idAttribute, (_, before: string, id: string, after: string) => `${before}${scopedId(options.prefix, id)}${after}`)
    .replace(idListAttributes, (_, before: string, list: string, after: string) => `${before}${list.split(/\s+/).map(scope).join(' ')}${after}`)
    .replace(urlReference, (_, id: string) => `url(#${scope(id)})`)
    .replace(hrefAttribute, (match, before: string, href: string, after: string) => {
      if (href.startsWith('#')) return `${before}#${scope(decodeFragment(href.slice(1)))}${after}`;
      if (!href.startsWith('/') || href.startsWith('//') || !options.localTarget) return match;
      const hash = href.indexOf('#');
      const path = hash < 0 ? href : href.slice(0, hash);
      const fragment = hash < 0 ? undefined : decodeFragment(href.slice(hash + 1));
      const target = options.localTarget(path, fragment || undefined);
      return target === undefined ? match : `${before}#${target}${after}`;
    });
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
