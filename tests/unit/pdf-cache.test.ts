/**
 * The print cache of the PDF step: a year's PDF is printed again only when what it is printed
 * from changed (the page, the stylesheets and fonts it uses, the site address, the date); a
 * cached PDF is written without starting Chromium. On a small fixture site, not the real one.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editionHash, pdfPath, writePdfs } from '../../scripts/lib/pdf.ts';

let dir: string;
let cache: string;
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
};

beforeEach(() => {
  const base = mkdtempSync(path.join(tmpdir(), 'amip-pdf-cache-'));
  dir = path.join(base, 'site');
  cache = path.join(base, 'cache');
  write('2021/gesamt/index.html', '<link rel="stylesheet" href="/_astro/print.css"><h1>Programm</h1><a href="/2021/amip-2021.pdf">PDF</a> <a href="/2021/kapitel/">Kapitel</a>');
  write('_astro/print.css', '@font-face { src: url("/fonts/schrift.woff2") } h1 { color: #000 }');
  write('fonts/schrift.woff2', 'font-1');
  write('2021/kapitel/index.html', '<h1>Kapitel</h1>');
});
afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

const env = {};
const hash = () => editionHash(dir, '2021', undefined, env);

describe('the key of a year\'s PDF', () => {
  it('changes with the page, a stylesheet it uses, a font that stylesheet uses', () => {
    const before = hash();
    write('_astro/print.css', '@font-face { src: url("/fonts/schrift.woff2") } h1 { color: #111 }');
    const css = hash();
    write('fonts/schrift.woff2', 'font-2');
    const font = hash();
    write('2021/gesamt/index.html', readFileSync(path.join(dir, '2021/gesamt/index.html'), 'utf8').replace('Programm', 'Programm 2021'));
    expect(new Set([before, css, font, hash()]).size).toBe(4);
  });

  it('changes with the site address and the fixed date', () => {
    const before = hash();
    expect(editionHash(dir, '2021', 'https://example.org/', env)).not.toBe(before);
    expect(editionHash(dir, '2021', undefined, { SOURCE_DATE_EPOCH: '1700000000' })).not.toBe(before);
  });

  it('stays when only other pages or the PDF itself change', () => {
    const before = hash();
    write('2021/kapitel/index.html', '<h1>Kapitel, geändert</h1>');
    write('2021/amip-2021.pdf', '%PDF- alt');
    expect(hash()).toBe(before);
  });
});

describe('writePdfs with the cache', () => {
  it('writes the cached PDF of an unchanged edition without printing', async () => {
    mkdirSync(cache, { recursive: true });
    writeFileSync(path.join(cache, `2021-${hash()}.pdf`), '%PDF- aus dem Zwischenspeicher');
    const lines: string[] = [];
    // No server and no Chromium are started for a cached year: the fixture could not be printed.
    expect(await writePdfs({ dir, cacheDir: cache, env, log: (l) => lines.push(l) })).toEqual([pdfPath(dir, '2021')]);
    expect(readFileSync(pdfPath(dir, '2021'), 'utf8')).toBe('%PDF- aus dem Zwischenspeicher');
    expect(lines.join('\n')).toContain('Zwischenspeicher');
  });

});
