/**
 * Absolute URLs for canonical links, Open Graph and the sitemap. They need the address where the
 * site is published (`siteUrl` in src/content/settings.yaml); without it the site emits none rather
 * than a wrong one. The site's links are root-relative (/2021/…), so siteUrl is the origin the site
 * is served from at its root.
 */
export function canonicalUrl(pathname: string, siteUrl: string | undefined): string | undefined {
  if (!siteUrl) return undefined;
  return new URL(pathname, siteUrl).href;
}
