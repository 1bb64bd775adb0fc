/**
 * The plain Astro projects the build benchmark compares `npm run build` with: one MDX page per
 * built page, or one content-collection entry per built page with the route parameter that gives
 * the same URL. Built here from a two-page site; the projects are not built.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlainProject, pageText } from '../../scripts/lib/bench/compare.ts';
import { repoRoot } from '../lib/content.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'amip-bench-compare-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const dist = path.join(tmp, 'dist');
const page = (rel: string, title: string, main: string) => {
  mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
  writeFileSync(path.join(dist, rel), `<html><head><title>${title}</title></head><body><nav>Menü</nav><main>${main}</main></body></html>`);
};
page('index.html', 'Start', '<h1>Start</h1><p>Willkommen {x}</p>');
page('2021/kennzahlen/index.html', 'Kennzahlen &amp; Ziele', '<h1>Kennzahlen</h1><table><tr><td>1.800</td></tr></table><svg><text>nicht</text></svg>');

describe('the text of a built page', () => {
  it('keeps headings and paragraphs of <main>, escapes MDX syntax, drops charts and navigation', () => {
    const { title, body } = pageText(readFileSync(path.join(dist, '2021/kennzahlen/index.html'), 'utf8'));
    expect(title).toBe('Kennzahlen & Ziele');
    expect(body).toBe('# Kennzahlen\n\n1.800');
    expect(pageText(readFileSync(path.join(dist, 'index.html'), 'utf8')).body).toBe('# Start\n\nWillkommen \\{x\\}');
  });
});

describe('the plain projects', () => {
  it('has an MDX page at the URL of every built page', () => {
    const dir = path.join(tmp, 'pages');
    expect(createPlainProject(repoRoot, dist, dir, 'pages')).toBe(2);
    expect(readdirSync(path.join(dir, 'src/pages'), { recursive: true, encoding: 'utf8' }).sort()).toEqual(['2021', '2021/kennzahlen.mdx', 'index.mdx']);
    expect(readFileSync(path.join(dir, 'src/pages/2021/kennzahlen.mdx'), 'utf8')).toContain('layout: ../../layouts/Page.astro');
  });

  it('has a collection entry per built page whose route parameter gives the same URL', () => {
    const dir = path.join(tmp, 'collection');
    expect(createPlainProject(repoRoot, dist, dir, 'collection')).toBe(2);
    const entries = readdirSync(path.join(dir, 'src/content/pages')).sort();
    const paths = entries.map((e) => /^path: (.*)$/m.exec(readFileSync(path.join(dir, 'src/content/pages', e), 'utf8'))?.[1]);
    expect(paths.sort()).toEqual(['""', '"2021/kennzahlen"']);
    expect(readFileSync(path.join(dir, 'src/content.config.ts'), 'utf8')).toContain('glob(');
    expect(readdirSync(path.join(dir, 'src/pages'))).toEqual(['[...path].astro']);
  });
});
