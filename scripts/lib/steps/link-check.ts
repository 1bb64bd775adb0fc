/**
 * Internal link and anchor check over the built site: every internal href/src/action and every
 * #fragment must resolve to a file of the build and an id on the target page. Pure functions plus
 * a post-build step; a failure names each page and link.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PostBuildStep } from '../post-build.ts';

export type Tag = { name: string; attrs: Map<string, string> };

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
export const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
    if (code[0] === '#') return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
    return entities[code.toLowerCase()] ?? m;
  });

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
      attrs.set(a[1]!.toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
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
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
};

export type PageLinks = {
  /** Element ids and <a name> targets on the page. */
  ids: Set<string>;
  /** Ids that occur more than once (a link to them is ambiguous). */
  duplicateIds: Set<string>;
  links: { tag: string; attr: string; value: string }[];
};

export function pageLinks(html: string): PageLinks {
  const ids = new Set<string>();
  const duplicateIds = new Set<string>();
  const links: PageLinks['links'] = [];
  for (const t of startTags(html)) {
    const id = t.attrs.get('id');
    if (id !== undefined) {
      if (ids.has(id)) duplicateIds.add(id);
      ids.add(id);
    }
    if (t.name === 'a' && t.attrs.has('name')) ids.add(t.attrs.get('name')!);
    for (const attr of linkAttributes[t.name] ?? []) {
      const value = t.attrs.get(attr);
      // <link rel="canonical"> and og:url are absolute by design; they are checked as URLs below.
      if (value !== undefined) links.push({ tag: t.name, attr, value: value.trim() });
    }
  }
  return { ids, duplicateIds, links };
}

/** URL path of an HTML file relative to the site folder ("a/index.html" → "/a/"). */
export function urlOfFile(rel: string): string {
  const posix = rel.split(path.sep).join('/');
  if (posix === 'index.html') return '/';
  if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
  return `/${posix}`;
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
  if (value === '' || value.startsWith('//')) return [];
  let target: URL;
  if (scheme.test(value)) {
    if (!siteOrigin || !/^https?:/i.test(value)) return [];
    target = new URL(value);
    if (target.origin !== new URL(siteOrigin).origin) return [];
  } else target = new URL(value, `http://site.invalid${pageUrl}`);
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
  const fragment = target.hash.slice(1);
  if (!fragment || fragment === 'top') return [];
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

function walk(dir: string, base = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, base, out);
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** A Site over a folder on disk; pages are parsed once. */
export function siteOnDisk(dir: string): Site & { files: string[] } {
  const files = walk(dir);
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
  // The sitemap must list only pages that exist.
  if (site.hasFile('sitemap.xml')) {
    const xml = readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
    for (const m of xml.matchAll(/<loc>([^<]*)<\/loc>/g)) {
      const loc = decodeEntities(m[1]!.trim());
      for (const p of linkProblems('/', loc, site, siteOrigin ?? (scheme.test(loc) ? new URL(loc).origin : undefined)))
        problems.push(`/sitemap.xml: <loc>${loc}</loc> – ${p}`);
    }
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
