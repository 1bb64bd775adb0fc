/** The pure helpers behind the quality gates (tests/lib): if these are wrong, the gates lie. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Result } from 'lighthouse';
import { listPages } from '../lib/dist.ts';
import { urlOfFile } from '../../scripts/lib/site-files.ts';
import { fileOfUrl } from '../../scripts/lib/static-server.ts';
import { focusIndicatorProblem, type FocusStyle } from '../lib/focus.ts';
import { categoryFailures, replaceLighthouseSection } from '../../scripts/lib/lighthouse.ts';
import { cspProblems, parseCsp, parseHtml, references } from '../lib/markup.ts';
import { parseHeadersFile, patternMatches } from '../../scripts/lib/hosting.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'amip-quality-'));
mkdirSync(path.join(dir, '2021/kennzahlen'), { recursive: true });
writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="de"><head><title>Start</title></head><body><main id="inhalt"></main></body></html>');
writeFileSync(path.join(dir, '2021/kennzahlen/index.html'), '<!doctype html><html lang="de"><head><title>K</title></head><body><table id="tabelle-kennzahlen"></table></body></html>');
writeFileSync(path.join(dir, '404.html'), '<!doctype html><title>404</title>');
writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pages of a dist folder', () => {
  test('maps files to URLs', () => {
    expect(urlOfFile('index.html')).toBe('/');
    expect(urlOfFile('2021/kennzahlen/index.html')).toBe('/2021/kennzahlen/');
    expect(urlOfFile('404.html')).toBe('/404.html');
    expect(listPages(dir).map((p) => p.url)).toEqual(['/', '/2021/kennzahlen/', '/404.html']);
  });

  test('maps URLs to files like a static host, never outside the folder', () => {
    expect(fileOfUrl(dir, '/2021/kennzahlen/')).toBe(path.join(dir, '2021/kennzahlen/index.html'));
    expect(fileOfUrl(dir, '/2021/kennzahlen')).toBe(path.join(dir, '2021/kennzahlen/index.html'));
    expect(fileOfUrl(dir, '/favicon.svg')).toBe(path.join(dir, 'favicon.svg'));
    expect(fileOfUrl(dir, '/2021/fehlt/')).toBeUndefined();
    expect(fileOfUrl(dir, '/../../etc/passwd')).toBeUndefined();
    expect(fileOfUrl(dir, '/%E0%A4%A')).toBeUndefined();
  });

  test('throws a clear error when the folder is missing', () => {
    expect(() => listPages(path.join(dir, 'nichts'))).toThrow(/fehlt: zuerst die Website bauen/);
  });
});

describe('references', () => {
  test('finds URLs in srcset, <link> and CSS, and tells loads from links', () => {
    const refs = references(parseHtml('<link rel="canonical" href="https://x.de/"><link rel="icon" href="/i.svg"><img alt="" srcset="/a.png 1x, /b.png 2x"><p style="background:url(\'/c.png\')"></p>'));
    expect(refs.map((r) => [r.value, r.load])).toEqual([
      ['https://x.de/', false],
      ['/i.svg', true],
      ['/a.png', true],
      ['/b.png', true],
      ['/c.png', true],
    ]);
  });
});

describe('Content-Security-Policy', () => {
  const site = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'";
  test("accepts the site's policy", () => {
    expect(cspProblems(site)).toEqual([]);
    expect(parseCsp(site).get('img-src')).toEqual(["'self'", 'data:']);
  });
  test('rejects inline scripts, eval, other hosts and a missing script policy', () => {
    expect(cspProblems("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; object-src 'none'")).toEqual([
      "script-src erlaubt 'unsafe-inline'",
      "script-src erlaubt 'unsafe-eval'",
    ]);
    expect(cspProblems("default-src 'self'; img-src *; object-src 'none'")).toEqual(['img-src erlaubt eine fremde Quelle: *']);
    expect(cspProblems('img-src data:')[0]).toMatch(/weder script-src noch default-src/);
  });
});

describe('_headers', () => {
  test('reads patterns with their headers, skipping comments', () => {
    const rules = parseHeadersFile('# Kommentar\n/*\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: default-src \'self\'\n/2021/*\n  X-Test: a:b\n');
    expect(rules).toEqual([
      { pattern: '/*', headers: [['X-Content-Type-Options', 'nosniff'], ['Content-Security-Policy', "default-src 'self'"]] },
      { pattern: '/2021/*', headers: [['X-Test', 'a:b']] },
    ]);
    expect(() => parseHeadersFile('  X-Ohne: Muster')).toThrow(/Zeile ohne Muster/);
  });
  test('matches URL patterns with *', () => {
    expect(patternMatches('/*', '/2021/kennzahlen/')).toBe(true);
    expect(patternMatches('/2021/*', '/glossar/')).toBe(false);
    expect(patternMatches('/glossar/', '/glossar/')).toBe(true);
  });
});

describe('focus indicator', () => {
  const plain: FocusStyle = { outline: 'none 0px rgb(0, 0, 0)', outlineVisible: false, boxShadow: 'none', backgroundColor: 'rgba(0, 0, 0, 0)', color: 'rgb(29, 79, 145)', border: '0px none', textDecoration: 'underline 1px' };
  test('sees outline, box-shadow and background changes', () => {
    expect(focusIndicatorProblem(plain, { ...plain, outline: 'solid 3px rgb(0, 0, 0)', outlineVisible: true })).toBeUndefined();
    expect(focusIndicatorProblem(plain, { ...plain, boxShadow: 'rgb(255, 221, 0) 0px -2px 0px 0px' })).toBeUndefined();
    expect(focusIndicatorProblem(plain, { ...plain, backgroundColor: 'rgb(255, 221, 0)' })).toBeUndefined();
  });
  test('does not count a transparent outline or a colour change alone', () => {
    expect(focusIndicatorProblem(plain, { ...plain, outline: 'solid 3px rgba(0, 0, 0, 0)', outlineVisible: false })).toMatch(/Stil mit Fokus wie ohne/);
    expect(focusIndicatorProblem(plain, { ...plain, color: 'rgb(0, 0, 0)' })).toMatch(/Stil mit Fokus wie ohne/);
    expect(focusIndicatorProblem(plain, plain)).toMatch(/Stil mit Fokus wie ohne/);
  });
});

describe('Lighthouse helpers', () => {
  test('explains a category below 100 with its failing audits and elements', () => {
    const lhr = {
      categories: { accessibility: { score: 0.9, auditRefs: [{ id: 'image-alt', weight: 10 }, { id: 'ok', weight: 3 }, { id: 'info', weight: 0 }] } },
      audits: {
        'image-alt': { score: 0, title: 'Image elements do not have [alt] attributes', details: { items: [{ node: { selector: 'main > img', snippet: '<img src="a.png">' } }] } },
        ok: { score: 1, title: 'fine' },
        info: { score: 0, title: 'informative' },
      },
    } as unknown as Result;
    expect(categoryFailures(lhr, 'accessibility')).toEqual(['image-alt (Score 0, Gewicht 10): Image elements do not have [alt] attributes', '    main > img <img src="a.png">']);
  });
  test('the BENCHMARKS.md section', () => {
    const file = '# Benchmarks\n\n## Build-Benchmark\n\nalt\n\n## Lighthouse\n\nalt\n\n## Anderes\n\nbleibt\n';
    expect(replaceLighthouseSection(file, '## Lighthouse\n\nneu\n')).toBe('# Benchmarks\n\n## Build-Benchmark\n\nalt\n\n## Lighthouse\n\nneu\n\n## Anderes\n\nbleibt\n');
    expect(replaceLighthouseSection(undefined, '## Lighthouse\n\nneu\n')).toBe('# Benchmarks\n\n## Lighthouse\n\nneu\n');
  });
});
