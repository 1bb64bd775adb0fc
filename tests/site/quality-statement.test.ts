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

type Accessibility = {
  feedbackEmail: string;
  prepared: string;
  reviewed: string;
  arbitration: { name: string; url: string };
  signLanguage: Record<string, unknown>;
};
const settings = (readYaml('settings.yaml') as { publisher: { accessibility: Accessibility } }).publisher.accessibility;

describe('the statement: contact, dates, arbitration body and known limitations from the settings and the site', () => {
  test('offers the e-mail address for barrier reports as a link (BGG § 12b)', () => {
    expect(html).toContain(`href="mailto:${settings.feedbackEmail}"`);
  });

  test('states the dates of preparation and last review', () => {
    const dates = htmlText(/<p data-dates>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');
    expect(html).toContain(`<time datetime="${settings.prepared}">`);
    expect(html).toContain(`<time datetime="${settings.reviewed}">`);
    expect(dates).toMatch(/^Diese Erklärung wurde am \d{1,2}\.\s\S+ \d{4} erstellt und zuletzt am \d{1,2}\.\s\S+ \d{4} überprüft\./);
  });

  test('names the arbitration body of the settings', () => {
    expect(text).toContain(settings.arbitration.name);
    expect(html).toContain(`href="${settings.arbitration.url}"`);
  });

  test('lists exactly the known limitations: missing figures, missing sign-language videos, the PDF', () => {
    const listed = [...html.matchAll(/<section[^>]*data-limitation="([^"]+)"/g)].map((m) => m[1]);
    const figures = years().some((y) => chapterFiles(y).some((f) => /<Schaubild\b/.test(readMdx(f).body)));
    const videosMissing = Object.keys(settings.signLanguage).length < 4;
    // src/lib/pdf-conformance.ts: the PDF edition is listed while no full PDF/UA validator has checked it.
    expect(listed).toEqual([...(figures ? ['schaubilder'] : []), ...(videosMissing ? ['gebaerdensprache'] : []), 'pdf']);
  });
});

test.for(pages.filter((p) => p.url !== '/barrierefreiheit/'))('$url links to the accessibility statement and offers the e-mail contact', ({ url, file }) => {
  const links = parseHtml(readFileSync(file, 'utf8')).querySelectorAll('footer a[href]').map((a) => attr(a, 'href'));
  expect(links, `${url}: kein Link auf /barrierefreiheit/ im Fußbereich`).toContain('/barrierefreiheit/');
  expect(links, `${url}: keine E-Mail für Rückmeldungen im Fußbereich`).toContain(`mailto:${settings.feedbackEmail}`);
});
