/**
 * /sitemap.xml: every content page of the site. The routes come from the page files themselves
 * (static pages by name, dynamic pages through their getStaticPaths), so pages added later are
 * listed without touching this file. Absolute URLs need siteUrl in src/content/settings.yaml.
 */
import type { APIRoute } from 'astro';
import { publisher } from '../data/programme.ts';
import { expandRoute, routeOfPageFile, sitemapXml } from '../lib/links/sitemap.ts';

type PageModule = { getStaticPaths?: (options: Record<string, unknown>) => Promise<{ params: Record<string, string | number | undefined> }[]> | { params: Record<string, string | number | undefined> }[] };

const pageModules = import.meta.glob<PageModule>(['./**/*.astro', './**/*.md', './**/*.mdx']);

export const GET: APIRoute = async () => {
  const paths: string[] = [];
  for (const [file, load] of Object.entries(pageModules)) {
    const route = routeOfPageFile(file);
    if (!route) continue;
    if (!route.includes('[')) {
      paths.push(route);
      continue;
    }
    const mod = await load();
    if (!mod.getStaticPaths) throw new Error(`src/pages/${file.replace(/^\.\//, '')}: dynamische Route ohne getStaticPaths`);
    for (const { params } of await mod.getStaticPaths({ paginate: () => [] })) paths.push(expandRoute(route, params));
  }
  const { siteUrl } = await publisher();
  return new Response(sitemapXml(paths, siteUrl), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
