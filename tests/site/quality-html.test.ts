/**
 * Valid HTML: html-validate with the project's configuration (.htmlvalidate.mjs: recommended
 * rules plus explained exceptions) reports zero errors on every page of the built site.
 */
import { describe, expect, test } from 'vitest';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import config from '../../.htmlvalidate.mjs';
import { readFileSync } from 'node:fs';
import { readYaml } from '../lib/content.ts';
import { distDir, listPages } from '../lib/dist.ts';
import { parseHtml } from '../lib/markup.ts';

// The configuration is passed in, so that a dist folder outside the repo (AMIP_DIST_DIR) is
// checked with the same rules.
const validator = new HtmlValidate(new StaticConfigLoader(config));
const pages = listPages(distDir());

describe.concurrent('html-validate: no errors', () => {
  test.for(pages)('$url', async ({ url, file }) => {
    const report = await validator.validateFile(file);
    const problems = report.results.flatMap((r) =>
      r.messages.map((m) => `${url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`),
    );
    expect(problems, `${url}: ${report.errorCount} Fehler, ${report.warningCount} Warnungen`).toEqual([]);
  });
});

// WCAG 2.4.2: a title that says which page this is, different from every other page's.
test('every page has its own title, ending with the publisher', () => {
  const { publisher } = readYaml('settings.yaml') as { publisher: { name: string } };
  const titles = pages.map((p) => ({ url: p.url, title: parseHtml(readFileSync(p.file, 'utf8')).querySelector('title')?.textContent.trim() ?? '' }));
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { url, title } of titles) {
    if (!title.endsWith(` – ${publisher.name}`) || title === ` – ${publisher.name}`) problems.push(`${url}: Titel „${title}“ endet nicht auf „ – ${publisher.name}“`);
    const other = seen.get(title);
    if (other) problems.push(`${url}: Titel „${title}“ wie ${other}`);
    seen.set(title, url);
  }
  expect(problems).toEqual([]);
});

test('html-validate reports invalid markup (self-test)', async () => {
  const report = await validator.validateString('<!doctype html><html lang="de"><head><title>t</title></head><body><p><div></div></p><img src="a.png"></body></html>');
  const rules = new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)));
  expect(rules).toContain('wcag/h37');
  expect(report.valid).toBe(false);
});
