/**
 * sitemap.xml from the site's routes. The page files are found by src/pages/sitemap.xml.ts; these
 * pure functions turn file names and static paths into URLs and the XML.
 */
import { escapeUTF8 } from 'entities';
import { canonicalUrl } from './hrefs.ts';

/**
 * Routes of pages that say noindex (Base.astro's `indexable={false}`): the error page, the search
 * page and the whole programme on one page, which repeats the chapters for printing. The build's
 * link check (scripts/lib/steps/link-check.ts) fails when this list and the pages disagree.
 */
const notIndexed = new Set(['/404/', '/500/', '/suche/', '/[year]/gesamt/']);

/**
 * The route pattern of a page file below src/pages ("./instrumente/[id].astro" → "/instrumente/[id]/"),
 * or undefined for files that are no page in the sitemap (underscore files, pages that say noindex).
 */
export function routeOfPageFile(file: string): string | undefined {
  const segments = file.replace(/^\.?\//, '').replace(/\.(astro|md|mdx|html)$/, '').split('/');
  if (segments.some((s) => s.startsWith('_'))) return undefined;
  if (segments.at(-1) === 'index') segments.pop();
  const route = segments.length === 0 ? '/' : `/${segments.join('/')}/`;
  return notIndexed.has(route) ? undefined : route;
}

/** "/instrumente/[id]/" with { id: "avgs-mat" } → "/instrumente/avgs-mat/"; throws on a missing parameter. */
export function expandRoute(pattern: string, params: Record<string, string | number | undefined>): string {
  const path = pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, rest: string | undefined, name: string) => {
    const value = params[name];
    if (value === undefined) {
      if (rest) return '';
      throw new Error(`${pattern}: getStaticPaths liefert keinen Wert für „${name}“`);
    }
    return String(value)
      .split('/')
      .map((part) => encodeURIComponent(part))
      .join('/');
  });
  return path.replace(/\/{2,}/g, '/');
}

/**
 * The sitemap for the given URL paths (sorted, without duplicates). Without siteUrl the
 * addresses stay relative and a comment says what is missing: the sitemap protocol needs
 * absolute URLs, and inventing a host would be worse.
 */
export function sitemapXml(paths: readonly string[], siteUrl: string | undefined): string {
  const unique = [...new Set(paths)].sort();
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (!siteUrl)
    lines.push('<!-- siteUrl ist in src/content/settings.yaml nicht gesetzt: die Adressen sind relativ zur Website. -->');
  lines.push('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  for (const p of unique) lines.push(`  <url><loc>${escapeUTF8(canonicalUrl(p, siteUrl) ?? p)}</loc></url>`);
  lines.push('</urlset>', '');
  return lines.join('\n');
}
