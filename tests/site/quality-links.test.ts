/**
 * Over the built site in dist/, with the project's one link checker (scripts/lib/steps/link-check.ts,
 * which the build also runs): every internal URL and #anchor of every page resolves, and the
 * sitemap lists exactly the pages that search engines may index.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { linkProblems, siteOnDisk, sitemapLocations } from '../../scripts/lib/steps/link-check.ts';
import { distDir, listPages } from '../lib/dist.ts';

const dir = distDir();
const pages = listPages(dir);
const site = siteOnDisk(dir);

describe('internal links and anchors resolve', () => {
  test.for(pages)('$url', ({ url, rel }) => {
    const problems = site.page(rel).links.flatMap((l) => linkProblems(url, l.value, site).map((p) => `<${l.tag} ${l.attr}="${l.value}"> – ${p}`));
    expect(problems, `${url}: ${problems.length} Verweis(e) ins Leere`).toEqual([]);
  });
});

test('the sitemap lists exactly the pages without noindex', () => {
  const indexable = pages.filter((p) => p.rel.endsWith('index.html') && !site.page(p.rel).noindex).map((p) => p.url);
  const listed = sitemapLocations(readFileSync(path.join(dir, 'sitemap.xml'), 'utf8')).map((loc) => (/^https?:/.test(loc) ? new URL(loc).pathname : loc));
  expect(indexable.length).toBeGreaterThan(0);
  expect([...listed].sort()).toEqual([...indexable].sort());
});
