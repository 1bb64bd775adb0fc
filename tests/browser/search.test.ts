/**
 * The search page in Chromium over the built site, as staff use it: a typo is corrected, a citation
 * is found in three spellings, an abbreviation finds its defining page first, a result opens at the
 * matched table row, nonsense says "Keine Treffer" with the ways into the content, and the status
 * says how many of how many results are shown and which year a result belongs to.
 *
 * The queries come from the search's dictionary as published (/suche/begriffe.json, built from the
 * registries) and from the 2021 edition where a year is needed, so that the tests keep working when
 * planners change the registries or publish further years.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { SearchTerms } from '../../src/lib/search/terms.ts';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { distDir } from '../lib/dist.ts';
import { siteInBrowser } from '../lib/session.ts';

const site = siteInBrowser(launchBrowser);
const dict = JSON.parse(readFileSync(path.join(distDir(), 'suche', 'begriffe.json'), 'utf8')) as SearchTerms;
const edition = 2021;

type Shown = { status: string; note: string; links: { href: string; text: string; where: string }[]; waysVisible: boolean };

/** Opens the search page, types the query, submits with Enter and waits for the status line. */
async function search(query: string): Promise<{ page: Page; shown: Shown; close: () => Promise<void> }> {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.server.origin}/suche/`);
  await page.fill('#suchbegriff', query);
  await page.press('#suchbegriff', 'Enter');
  await page.waitForFunction(() => /Treffer/.test(document.getElementById('suchstatus')?.textContent ?? ''), null, { timeout: 60_000 });
  expect(errors).toEqual([]);
  const shown = await page.evaluate(() => ({
    status: document.getElementById('suchstatus')!.textContent ?? '',
    note: document.getElementById('suchhinweise')!.textContent ?? '',
    links: Array.from(document.querySelectorAll<HTMLAnchorElement>('#suchergebnisse > li > h2 > a')).map((a) => ({
      href: new URL(a.href).pathname + new URL(a.href).hash,
      text: a.textContent ?? '',
      where: a.closest('li')?.querySelector('.result-chapter')?.textContent ?? '',
    })),
    waysVisible: !document.getElementById('wege-zum-inhalt')!.hidden,
  }));
  return { page, shown, close: () => context.close() };
}

const instruments = dict.terms.filter((t) => t.kind === 'instrument');

describe('the search page', () => {
  test('corrects a typo in an instrument name and shows the corrected results', async () => {
    // A one-word instrument name of at least ten letters, one letter left out in the middle.
    const name = instruments.map((t) => t.names[0]!).find((n) => /^\p{L}{10,}$/u.test(n))!;
    const typo = name.slice(0, 5) + name.slice(6);
    const { shown, close } = await search(typo);
    try {
      expect(shown.note).toContain(`Meinten Sie „${name}“?`);
      expect(shown.links[0]?.href).toBe(instruments.find((t) => t.names[0] === name)!.href);
    } finally {
      await close();
    }
  });

  test('finds a legal basis from its citation in three spellings', async () => {
    const c = dict.citations.find((x) => x.sections.length === 1 && /^\d+[a-z]$/.test(x.sections[0]!))!;
    const section = c.sections[0]!;
    const [number, letter] = [section.slice(0, -1), section.slice(-1)];
    for (const q of [section, `§${section} ${c.law}`, `Paragraf ${number} ${letter}`]) {
      const { shown, close } = await search(q);
      try {
        expect(shown.links[0]?.href, q).toBe(c.href);
      } finally {
        await close();
      }
    }
  });

  test('puts the defining page of an abbreviation first', async () => {
    // An instrument's abbreviation that the glossary explains too: the instrument page first, the entry next.
    const glossary = dict.terms.filter((t) => t.kind === 'glossary');
    const pair = instruments
      .map((i) => ({ i, g: glossary.find((g) => i.names.includes(g.names[0]!)) }))
      .find((x) => x.g !== undefined && x.g.names[0]!.length >= 3)!;
    const { shown, close } = await search(pair.g!.names[0]!);
    try {
      expect(shown.links[0]?.href).toBe(pair.i.href);
      expect(shown.links.slice(0, 3).map((l) => l.href)).toContain(pair.g!.href);
    } finally {
      await close();
    }
    // An abbreviation only the glossary explains: its entry first, the link opening at the entry.
    const only = glossary.find((g) => /^\p{Lu}{3}$/u.test(g.names[0]!) && !instruments.some((i) => i.names.includes(g.names[0]!)))!;
    const second = await search(only.names[0]!);
    try {
      expect(second.shown.links[0]?.href).toBe(only.href);
    } finally {
      await second.close();
    }
  });

  test('opens a result at the table row that matched', async () => {
    // An instrument named in a table of the edition: some result links straight to its row.
    for (const t of instruments) {
      const { page, shown, close } = await search(t.names[0]!);
      try {
        const row = shown.links.find((l) => l.href.startsWith(`/${edition}/`) && l.href.includes('#zeile-'));
        if (!row) continue;
        await page.click(`#suchergebnisse a[href$="${row.href.split('#')[1]}"]`);
        await page.waitForURL((u) => u.hash !== '');
        const target = await page.evaluate(() => {
          const el = document.querySelector(':target');
          return el ? { tag: el.tagName, text: el.textContent ?? '' } : undefined;
        });
        expect(target?.tag).toBe('TR');
        return;
      } finally {
        await close();
      }
    }
    throw new Error(`Kein Instrument führt zu einer Tabellenzeile im Programm ${edition}`);
  });

  test('says "Keine Treffer" for nonsense and offers the ways into the content', async () => {
    const { shown, close } = await search('qxzvwqj');
    try {
      expect(shown.status).toMatch(/^Keine Treffer für „qxzvwqj“/);
      expect(shown.links).toEqual([]);
      expect(shown.waysVisible).toBe(true);
    } finally {
      await close();
    }
  });

  test('says how many of how many results are shown, and the year of a result', async () => {
    const chapter = dict.terms.find((t) => t.kind === 'chapter' && t.year === edition)!;
    const { page, shown, close } = await search(String(edition));
    try {
      expect(shown.status).toMatch(/^10 von \d+ Treffern für „\d{4}“\.$/);
      const live = await page.evaluate(() => document.getElementById('suchstatus')!.getAttribute('role'));
      expect(live).toBe('status');
      expect(shown.links.some((l) => l.where.startsWith(`Programm ${edition}`))).toBe(true);
      expect(chapter).toBeDefined();
      await page.click('#weitere-treffer');
      await page.waitForFunction(() => /^20 von|^\d+ Treffer/.test(document.getElementById('suchstatus')?.textContent ?? ''));
    } finally {
      await close();
    }
  });
});
