/**
 * Lighthouse (mobile) on the sample pages: accessibility, best practices and SEO each 100.
 * Performance is timing-based and depends on the machine, so it is only reported, by
 * `npm run lighthouse` into BENCHMARKS.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { launchDebuggable } from '../../scripts/lib/chromium.ts';
import { distDir } from '../lib/dist.ts';
import { categoryFailures, runLighthouse, samplePages, score, type CategoryId } from '../../scripts/lib/lighthouse.ts';
import { startProductionLikeServer as startServer } from '../../scripts/lib/static-server.ts';
import { siteInBrowser } from '../lib/session.ts';

const categories: CategoryId[] = ['accessibility', 'best-practices', 'seo'];
const pages = samplePages(distDir());
const site = siteInBrowser(launchDebuggable);

// A failure must say which audit failed and on which element: a page without alt text and
// without a meta description.
test('names the failing audits and their elements (self-test)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'amip-selftest-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<title>Test</title></head><body><main><h1>Test</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1"></main></body></html>',
  );
  const bad = await startServer(dir);
  try {
    const lhr = await runLighthouse(site.browser.port, `${bad.origin}/`, ['accessibility', 'seo']);
    expect(score(lhr, 'accessibility')).toBeLessThan(100);
    const a11y = categoryFailures(lhr, 'accessibility').join('\n');
    expect(a11y).toMatch(/^image-alt \(Score 0, Gewicht \d+\): /m);
    expect(a11y).toContain('<img src="data:image/gif');
    expect(categoryFailures(lhr, 'seo').join('\n')).toMatch(/^meta-description \(Score 0/m);
  } finally {
    await bad.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// One page after the other (the default): Lighthouse drives one tab at a time.
describe('Lighthouse mobile: accessibility, best practices, SEO = 100', () => {
  test.for(pages)('$url ($label)', async ({ url }) => {
    const lhr = await runLighthouse(site.browser.port, site.server.origin + url, categories);
    const scores = categories.map((c) => `${c} ${score(lhr, c)}`).join(', ');
    const failures = categories.flatMap((c) =>
      score(lhr, c) === 100 ? [] : [`${c}: ${score(lhr, c)}`, ...categoryFailures(lhr, c).map((l) => `  ${l}`)],
    );
    expect(failures, `${url}: ${scores}`).toEqual([]);
  });
});
