/**
 * The one link and anchor check of the project, over a built site: every internal URL in an
 * attribute or in CSS, and every #fragment, must resolve to a file of the build and an id on the
 * target page; the sitemap must list exactly the pages that search engines may index. Pure
 * functions plus a post-build step (the build fails on a broken link); tests/site/quality-links.test.ts
 * runs the same over dist/. A failure names each page and link.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHTMLAttribute, decodeXML } from 'entities';
import type { PostBuildStep } from '../post-build.ts';
import { siteFiles, urlOfFile } from '../site-files.ts';

export { urlOfFile };

export type Tag = { name: string; attrs: Map<string, string> };

/**
 * The start tags of an HTML document with their attributes. Enough for generated HTML: comments,
 * and the contents of script, style and textarea elements, are skipped.
 */
export function startTags(html: string): Tag[] {
  const cleaned = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<(script|style|textarea)\b[^>]*>)[\s\S]*?<\/\2\s*>/gi, '$1');
  const tags: Tag[] = [];
  for (const m of cleaned.matchAll(/<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)) {
    const attrs = new Map<string, string>();
    for (const a of m[2]!.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g))
      attrs.set(a[1]!.toLowerCase(), decodeHTMLAttribute(a[2] ?? a[3] ?? a[4] ?? ''));
    tags.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return tags;
}

/** Which attribute of which element is a link to check. */
const linkAttributes: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  input: ['src'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  blockquote: ['cite'],
  q: ['cite'],
};

/** The URLs of a srcset ("a.png 1x, b.png 2x" → a.png, b.png). */
const srcsetUrls = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

/** url(…) and @import in CSS (fonts, images, imported sheets). */
const cssUrls = (css: string) => [...css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)].map((m) => m[2] ?? m[4] ?? '').filter(Boolean);

export type PageLinks = {
  /** Element ids and <a name> targets on the page. */
  ids: Set<string>;
  /** Ids that occur more than once (a link to them is ambiguous). */
  duplicateIds: Set<string>;
  links: { tag: string; attr: string; value: string }[];
  /** <meta name="robots" content="noindex">: the page stays out of search engines and the sitemap. */
  noindex: boolean;
};

export function pageLinks(html: string): PageLinks {
  const ids = new Set<string>();
  const duplicateIds = new Set<string>();
  const links: PageLinks['links'] = [];
  let noindex = false;
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) for (const value of cssUrls(m[1]!)) links.push({ tag: 'style', attr: 'url()', value });
  for (const t of startTags(html)) {
    if (t.name === 'meta' && t.attrs.get('name')?.toLowerCase() === 'robots' && /\bnoindex\b/i.test(t.attrs.get('content') ?? '')) noindex = true;
    const style = t.attrs.get('style');
    if (style) for (const value of cssUrls(style)) links.push({ tag: t.name, attr: 'style', value });
    const id = t.attrs.get('id');
    if (id !== undefined) {
      if (ids.has(id)) duplicateIds.add(id);
      ids.add(id);
    }
    if (t.name === 'a' && t.attrs.has('name')) ids.add(t.attrs.get('name')!);
    for (const attr of linkAttributes[t.name] ?? []) {
      const value = t.attrs.get(attr);
      if (value === undefined) continue;
      for (const v of attr === 'srcset' ? srcsetUrls(value) : [value.trim()]) links.push({ tag: t.name, attr, value: v });
    }
  }
  return { ids, duplicateIds, links, noindex };
}

export type Site = {
  /** Is there a file at this site-relative path ("2021/index.html")? */
  hasFile(rel: string): boolean;
  isDirectory(rel: string): boolean;
  /** Links and ids of the HTML file at this site-relative path. */
  page(rel: string): PageLinks;
};

const scheme = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Problems of one link on the page at `pageUrl`, in words; empty when it resolves. External links
 * (another scheme or host) are not checked; absolute links to `siteOrigin` count as internal.
 */
export function linkProblems(pageUrl: string, value: string, site: Site, siteOrigin?: string): string[] {
  if (value === '') return ['leerer Verweis'];
  if (/^javascript:/i.test(value)) return ['javascript:-Verweis'];
  if (value.startsWith('//')) return [];
  let target: URL;
  try {
    if (scheme.test(value)) {
      if (!siteOrigin || !/^https?:/i.test(value)) return [];
      target = new URL(value);
      if (target.origin !== new URL(siteOrigin).origin) return [];
    } else target = new URL(value, `http://site.invalid${pageUrl}`);
  } catch {
    return ['keine gültige Adresse'];
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(target.pathname);
  } catch {
    return [`ungültige Kodierung im Pfad`];
  }
  const rel = pathname.replace(/^\/+/, '');
  let file: string | undefined;
  if (pathname.endsWith('/')) {
    if (site.hasFile(`${rel}index.html`)) file = `${rel}index.html`;
    else return [`Seite ${pathname} gibt es nicht`];
  } else if (site.hasFile(rel)) file = rel;
  else if (site.isDirectory(rel) && site.hasFile(`${rel}/index.html`)) return [`${pathname} ohne „/“ am Ende (die Website verwendet Adressen mit „/“)`];
  else return [`Datei oder Seite ${pathname} gibt es nicht`];
  // "#" alone jumps nowhere useful; "#top" is defined by HTML; ":~:" starts a text fragment.
  if (value.endsWith('#')) return ['leerer Anker „#“'];
  const fragment = target.hash.slice(1);
  if (!fragment || fragment === 'top' || fragment.startsWith(':~:')) return [];
  if (!file.endsWith('.html')) return [];
  let id: string;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    return [`ungültige Kodierung im Anker „#${fragment}“`];
  }
  const targetPage = site.page(file);
  if (!targetPage.ids.has(id)) return [`Anker „#${id}“ fehlt auf ${urlOfFile(file)}`];
  if (targetPage.duplicateIds.has(id)) return [`Anker „#${id}“ ist auf ${urlOfFile(file)} mehrfach vergeben`];
  return [];
}

/** A Site over a folder on disk; pages are parsed once. */
export function siteOnDisk(dir: string): Site & { files: string[] } {
  const files = siteFiles(dir);
  const fileSet = new Set(files);
  const dirs = new Set(files.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  const cache = new Map<string, PageLinks>();
  return {
    files,
    hasFile: (rel) => fileSet.has(rel),
    isDirectory: (rel) => dirs.has(rel.replace(/\/$/, '')),
    page(rel) {
      let p = cache.get(rel);
      if (!p) {
        p = pageLinks(readFileSync(path.join(dir, rel), 'utf8'));
        cache.set(rel, p);
      }
      return p;
    },
  };
}

/** Every broken internal link of the site in `dir`, as "page: link – problem" lines. */
export function brokenLinks(dir: string, siteOrigin?: string): string[] {
  if (!existsSync(dir)) throw new Error(`${dir} fehlt`);
  const site = siteOnDisk(dir);
  const problems: string[] = [];
  const pages = site.files.filter((f) => f.endsWith('.html')).map((rel) => ({ rel, url: urlOfFile(rel) }));
  for (const { rel, url: pageUrl } of pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) {
    for (const link of site.page(rel).links)
      for (const p of linkProblems(pageUrl, link.value, site, siteOrigin)) problems.push(`${pageUrl}: <${link.tag} ${link.attr}="${link.value}"> – ${p}`);
  }
  if (site.hasFile('sitemap.xml')) problems.push(...sitemapProblems(readFileSync(path.join(dir, 'sitemap.xml'), 'utf8'), site, siteOrigin));
  return problems;
}

/** The addresses a sitemap lists, in order. */
export const sitemapLocations = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => decodeXML(m[1]!.trim()));

/**
 * The sitemap lists exactly the pages search engines may index: every listed page exists and has
 * no noindex, and every page without noindex (except the error pages) is listed.
 */
export function sitemapProblems(xml: string, site: Site & { files: string[] }, siteOrigin?: string): string[] {
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const loc of sitemapLocations(xml)) {
    const origin = siteOrigin ?? (scheme.test(loc) ? new URL(loc).origin : undefined);
    const linkIssues = linkProblems('/', loc, site, origin);
    for (const p of linkIssues) problems.push(`/sitemap.xml: <loc>${loc}</loc> – ${p}`);
    const pathname = scheme.test(loc) ? new URL(loc).pathname : loc;
    listed.add(pathname);
    if (linkIssues.length === 0 && pathname.endsWith('/') && site.page(`${pathname.slice(1)}index.html`).noindex)
      problems.push(`/sitemap.xml: <loc>${loc}</loc> – die Seite ist „noindex“ und gehört nicht in die Sitemap`);
  }
  for (const rel of site.files) {
    if (!rel.endsWith('index.html') || /^\d{3}\.html$/.test(rel)) continue;
    const url = urlOfFile(rel);
    if (!listed.has(url) && !site.page(rel).noindex) problems.push(`/sitemap.xml: ${url} fehlt (die Seite ist indexierbar)`);
  }
  return problems;
}

export const linkCheckStep: PostBuildStep = {
  name: 'Interne Links und Anker prüfen',
  run({ dir }) {
    const problems = brokenLinks(dir);
    if (problems.length > 0)
      throw new Error(`${problems.length} interne${problems.length === 1 ? 'r Link führt' : ' Links führen'} ins Leere:\n  ${problems.join('\n  ')}`);
  },
};
