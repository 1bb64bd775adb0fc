/**
 * The accessibility statement (/barrierefreiheit/) states figures the build computes; they must
 * match the built site, and every page must link to the statement.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { chapterFiles, readMdx, readYaml, years } from '../lib/content.ts';
import { distDir, listPages } from '../lib/dist.ts';
import { htmlText } from '../lib/html.ts';
import { attr, parseHtml } from '../lib/markup.ts';

const pages = listPages(distDir());
const statement = pages.find((p) => p.url === '/barrierefreiheit/');
const html = statement ? readFileSync(statement.file, 'utf8') : '';
const text = htmlText(html);
const number = (s: string) => Number(s.replace(/\./g, ''));

describe('the accessibility statement /barrierefreiheit/', () => {
  test('exists', () => expect(statement, '/barrierefreiheit/ fehlt').toBeDefined());

  test('states the number of pages of the built site', () => {
    const stated = /mit ihren ([\d.]+) Seiten/.exec(text)?.[1];
    expect(stated, '„mit ihren … Seiten“ fehlt').toBeDefined();
    expect(number(stated!), `Erklärung nennt ${stated} Seiten, gebaut sind ${pages.length}`).toBe(pages.length);
    const runs = /zusammen ([\d.]+) Prüfläufe/.exec(text)?.[1];
    expect(number(runs ?? ''), `Prüfläufe: ${runs}`).toBe(pages.length * 4);
  });

  test('lists every printed figure that the site marks as missing', () => {
    const marked = years().flatMap((y) => chapterFiles(y).flatMap((f) => [...readMdx(f).body.matchAll(/<Schaubild\b[^>]*\bthema="([^"]+)"/g)].map((m) => m[1]!)));
    for (const theme of marked) expect(text, theme).toContain(`„${theme}“`);
    // With a printed figure the site does not reproduce, the site is only partly compliant.
    expect(marked.length === 0 || text.includes('teilweise vereinbar'), 'teilweise vereinbar fehlt').toBe(true);
  });

  test('names the publisher to report a barrier to, from the settings', () => {
    const { publisher } = readYaml('settings.yaml') as { publisher: { name: string; street: string; postalCode: string; city: string; email?: string } };
    const address = htmlText(/<address>([\s\S]*?)<\/address>/.exec(html)?.[1] ?? '');
    expect(address).toContain(publisher.name);
    expect(address).toContain(publisher.street);
    expect(address).toContain(`${publisher.postalCode} ${publisher.city}`);
    expect(address).toContain(publisher.email ?? '');
  });
});

test.for(pages.filter((p) => p.url !== '/barrierefreiheit/'))('$url links to the accessibility statement', ({ url, file }) => {
  const links = parseHtml(readFileSync(file, 'utf8')).querySelectorAll('footer a[href]').map((a) => attr(a, 'href'));
  expect(links, `${url}: kein Link auf /barrierefreiheit/ im Fußbereich`).toContain('/barrierefreiheit/');
});
