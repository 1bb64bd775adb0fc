/**
 * Page budgets and privacy over every page of the built site (a failure names the page and the figure):
 * - content pages ship 0 bytes of JavaScript (only the search page has a script, which loads
 *   the search engine when a query is run), and no page has inline script;
 * - HTML + CSS of each page ≤ 40 KB gzip (inline SVG charts are part of the HTML);
 * - nothing is loaded from other hosts (scripts, styles, fonts, images, frames);
 * - a Content-Security-Policy <meta> that comes before anything it governs and allows neither
 *   inline scripts nor other hosts, repeated (and extended) in the host's _headers file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { distDir, listPages } from '../lib/dist.ts';
import { fileOfUrl } from '../../scripts/lib/static-server.ts';
import { attr, cspProblems, isExternal, metaCsp, parseCsp, parseHtml, references } from '../lib/markup.ts';
import { parseHeadersFile, patternMatches } from '../../scripts/lib/hosting.ts';

/** The one page allowed to ship JavaScript. */
const searchPages = new Set(['/suche/']);
const maxGzipBytes = 40 * 1024;
/** The whole programme on one page (/<year>/gesamt/, for printing) holds every chapter: 3 × the page budget. */
const budgetOf = (url: string) => (/^\/\d{4}\/gesamt\/$/.test(url) ? 3 * maxGzipBytes : maxGzipBytes);
const kb = (bytes: number) => `${(bytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} KB`;

const dir = distDir();
const pages = listPages(dir).map((p) => {
  const html = readFileSync(p.file, 'utf8');
  return { ...p, html, root: parseHtml(html) };
});
const local = (url: string, pageUrl: string) => fileOfUrl(dir, new URL(url, `http://site.invalid${pageUrl}`).pathname);

describe.concurrent('JavaScript: 0 bytes on content pages, never inline', () => {
  test.for(pages)('$url', ({ url, root }) => {
    let bytes = 0;
    const problems: string[] = [];
    for (const script of root.querySelectorAll('script')) {
      const type = (attr(script, 'type') ?? '').toLowerCase();
      // JSON data blocks (structured data) are not executed.
      if (type === 'application/json' || type === 'application/ld+json') continue;
      const src = attr(script, 'src');
      if (src === null) {
        bytes += Buffer.byteLength(script.textContent);
        problems.push(`Inline-Skript (${Buffer.byteLength(script.textContent)} Byte): von der CSP blockiert und nicht im Budget`);
        continue;
      }
      const file = local(src, url);
      bytes += file ? statSync(file).size : 0;
    }
    const handlers = root.querySelectorAll('*').flatMap((el) => el.attributes.filter((a) => /^on/i.test(a.key)).map((a) => `${el.tagName} ${a.key}`));
    if (handlers.length > 0) problems.push(`Event-Handler-Attribute (inline JavaScript): ${handlers.slice(0, 5).join(', ')}`);
    if (!searchPages.has(url) && bytes > 0) problems.push(`${bytes} Byte JavaScript auf einer Inhaltsseite (erlaubt: 0)`);
    expect(problems, `${url}: ${bytes} Byte JavaScript`).toEqual([]);
  });
});

describe.concurrent('HTML + CSS ≤ 40 KB gzip', () => {
  test.for(pages)('$url', ({ url, html, root }) => {
    const htmlGzip = gzipSync(html).length;
    let cssGzip = 0;
    for (const link of root.querySelectorAll('link[href]')) {
      if (!/\bstylesheet\b/i.test(attr(link, 'rel') ?? '')) continue;
      const file = local(attr(link, 'href') ?? '', url);
      if (file) cssGzip += gzipSync(readFileSync(file)).length;
    }
    const total = htmlGzip + cssGzip;
    expect(total, `${url}: HTML + CSS ${kb(total)} gzip (HTML ${kb(htmlGzip)}, CSS ${kb(cssGzip)}), Budget ${kb(budgetOf(url))}`).toBeLessThanOrEqual(budgetOf(url));
  });
});

describe.concurrent('nothing loaded from other hosts', () => {
  test.for(pages)('$url', ({ url, root }) => {
    const foreign = references(root)
      .filter((r) => r.load && isExternal(r.value))
      .map((r) => `<${r.tag} ${r.attribute}="${r.value}">`);
    expect(foreign, `${url}: ${foreign.length} Ressource(n) von fremden Hosts`).toEqual([]);
  });
});

describe.concurrent('Content-Security-Policy <meta>', () => {
  test.for(pages)('$url', ({ url, root }) => {
    const policy = metaCsp(root);
    expect(policy, `${url}: kein <meta http-equiv="Content-Security-Policy">`).toBeDefined();
    const problems = cspProblems(policy!);
    // A <meta> policy governs only what comes after it.
    const head = root.querySelector('head');
    const order = head?.childElements.map((el) => (el.is('meta') && (attr(el, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy' ? 'csp' : el.tagName)) ?? [];
    const firstGoverned = order.findIndex((t) => t === 'link' || t === 'script' || t === 'style' || t === 'base');
    if (firstGoverned >= 0 && firstGoverned < order.indexOf('csp')) problems.push(`<${order[firstGoverned]}> steht vor der CSP im <head>`);
    expect(problems, `${url}: CSP „${policy}“`).toEqual([]);
  });
});

test('the _headers file for the static host sends the same CSP and security headers', () => {
  const file = path.join(dir, '_headers');
  expect(existsSync(file), `${file} fehlt (schreibt der Build aus scripts/lib/hosting.ts)`).toBe(true);
  const rules = parseHeadersFile(readFileSync(file, 'utf8'));
  const headers = new Map(rules.filter((r) => patternMatches(r.pattern, '/2021/')).flatMap((r) => r.headers.map(([k, v]) => [k.toLowerCase(), v] as const)));
  const header = headers.get('content-security-policy');
  expect(header, '_headers: kein Content-Security-Policy für alle Seiten (/*)').toBeDefined();
  expect(cspProblems(header!), `_headers: CSP „${header}“`).toEqual([]);
  // Every directive of the pages' <meta> policy, with the same sources (the header may add
  // directives that only work as a header, such as frame-ancestors).
  const meta = parseCsp(metaCsp(pages.find((p) => p.url === '/')!.root)!);
  const fromHeader = parseCsp(header!);
  const drift = [...meta].filter(([name, sources]) => fromHeader.get(name)?.join(' ') !== sources.join(' ')).map(([name, sources]) => `${name}: <meta> „${sources.join(' ')}“, _headers „${fromHeader.get(name)?.join(' ') ?? '(fehlt)'}“`);
  expect(drift, '_headers und <meta>-CSP weichen ab (src/lib/site.ts und scripts/lib/hosting.ts)').toEqual([]);
  expect(fromHeader.get('frame-ancestors'), '_headers: frame-ancestors fehlt').toBeDefined();
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBeDefined();
});

test('the checks find what they look for (self-test)', () => {
  const root = parseHtml(
    '<!doctype html><html lang="de"><head><link rel="stylesheet" href="https://fonts.example/css"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\' \'unsafe-inline\' https://cdn.example"><title>t</title><style>@font-face{src:url(https://fonts.example/a.woff2)}</style></head><body><img src="//cdn.example/a.png" alt=""><a href="https://example.org/">Link</a></body></html>',
  );
  expect(references(root).filter((r) => r.load && isExternal(r.value)).map((r) => r.value)).toEqual([
    'https://fonts.example/css',
    '//cdn.example/a.png',
    'https://fonts.example/a.woff2',
  ]);
  expect(cspProblems(metaCsp(root)!)).toEqual([`script-src erlaubt 'unsafe-inline'`, `object-src ist nicht 'none'`, 'script-src erlaubt eine fremde Quelle: https://cdn.example']);
});
