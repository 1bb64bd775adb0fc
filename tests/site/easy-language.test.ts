/**
 * BITV 2.0 § 4 on the built site: /leichte-sprache/ and /gebaerdensprache/ exist, every page links
 * to both at the top, the Leichte Sprache figures are those of the newest published year, and the
 * sign-language page says plainly which videos are missing and whom to ask.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { chapterFiles, liveContentFiles, readMdx, readYaml } from '../lib/content.ts';
import { distDir, listPages } from '../lib/dist.ts';
import { htmlText } from '../lib/html.ts';
import { attr, parseHtml } from '../lib/markup.ts';
import { newestYear } from '../../scripts/lib/lighthouse.ts';

const dir = distDir();
const pages = listPages(dir);
const read = (url: string) => readFileSync(pages.find((p) => p.url === url)!.file, 'utf8');
/** The Leichte Sprache sources (src/content/leichte-sprache/*.md). */
const easyLanguageSources = () => liveContentFiles().filter((f) => f.path.startsWith('leichte-sprache/')).map((f) => f.text);
const publisher = (readYaml('settings.yaml') as { publisher: { name: string; accessibility: { feedbackEmail: string; signLanguage: Record<string, unknown> } } }).publisher;

test.for(pages.filter((p) => !p.url.endsWith('.html') || p.url === '/404.html'))('$url links to Leichte Sprache and Gebärdensprache in the header', ({ url, file }) => {
  const header = parseHtml(readFileSync(file, 'utf8')).querySelector('header');
  const links = (header?.querySelectorAll('a[href]') ?? []).map((a) => attr(a, 'href'));
  expect(links, url).toContain('/leichte-sprache/');
  expect(links, url).toContain('/gebaerdensprache/');
});

describe('/leichte-sprache/', () => {
  const html = read('/leichte-sprache/');
  const text = htmlText(html);
  const year = newestYear(dir);

  test('has the four § 4 sections under one h1, large type', () => {
    expect(html.match(/<h1\b/g)?.length).toBe(1);
    expect([...html.matchAll(/<section[^>]*data-item="([a-z]+)"/g)].map((m) => m[1])).toEqual(['contents', 'navigation', 'statement', 'offers']);
    expect(html).toContain('class="easy"');
  });

  test('names figures of the newest published year and the publisher, leaves no placeholder', () => {
    expect(text).toContain(`im Jahr ${year}`);
    expect(text).toContain(publisher.name);
    expect(text).toContain(publisher.accessibility.feedbackEmail);
    expect(text).not.toMatch(/\{[a-zäöüß-]+\}/);
    // Every sentence of the Leichte Sprache source with {kapitel} stands there with the number of top-level chapters.
    const topLevel = chapterFiles(year).filter((f) => !(readMdx(f).data as { parent?: string }).parent).length;
    const sentences = easyLanguageSources().flatMap((md) => md.match(/[^.!?\n]*\{kapitel\}[^.!?\n]*[.!?]?/g) ?? []);
    const filled = sentences.map((s) => s.replace(/[*_`]/g, '').replace(/^\s*[-+]\s+/, '').trim().replace('{kapitel}', String(topLevel)));
    expect(filled.filter((s) => !text.includes(s))).toEqual([]);
  });
});

describe('/gebaerdensprache/', () => {
  const html = read('/gebaerdensprache/');
  const missing = 4 - Object.keys(publisher.accessibility.signLanguage).length;

  test('says plainly which videos are missing and whom to ask', () => {
    // The note on missing videos, with whom to ask, stands there exactly when videos are missing.
    expect(html.includes('data-videos-missing')).toBe(missing > 0);
    expect(html.includes(`href="mailto:${publisher.accessibility.feedbackEmail}"`)).toBe(missing > 0);
    expect(html.match(/<video\b/g)?.length ?? 0).toBe(4 - missing);
  });
});
