/**
 * Keyboard use of the programme home and a chapter (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7):
 * tabbing from the top, the skip link is the first stop and takes focus to the main content,
 * every interactive element is reached in document order, and every stop shows a visible
 * focus indicator (its computed style differs from the unfocused one in a visible way).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page as BrowserPage } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { distDir } from '../lib/dist.ts';
import { samplePages } from '../../scripts/lib/lighthouse.ts';
import { startProductionLikeServer as startServer } from '../../scripts/lib/static-server.ts';
import { siteInBrowser } from '../lib/session.ts';
import { focusIndicatorProblem, type FocusStyle } from '../lib/focus.ts';

// The programme home and the chapter with the key figures (tables and charts).
const pages = samplePages(distDir()).slice(0, 2);
const site = siteInBrowser(launchBrowser);

type Stop = { key: string | null; label: string; focused: FocusStyle; inViewport: boolean; focusVisible: boolean };

/** Numbers every element that should be a tab stop (in document order) and records its unfocused style. */
async function tabbables(page: BrowserPage) {
  return page.evaluate(() => {
    const selector =
      'a[href], area[href], button, input, select, textarea, summary, iframe, audio[controls], video[controls], [tabindex], [contenteditable]:not([contenteditable="false"])';
    const styleOf = (el: Element) => {
      const s = getComputedStyle(el);
      return {
        outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
        outlineVisible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !/rgba\(.*, 0\)$|transparent/.test(s.outlineColor),
        boxShadow: s.boxShadow,
        backgroundColor: s.backgroundColor,
        color: s.color,
        border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor} ${s.borderBottomWidth} ${s.borderBottomStyle} ${s.borderBottomColor}`,
        textDecoration: `${s.textDecorationLine} ${s.textDecorationThickness}`,
      };
    };
    const result: { key: string; label: string; unfocused: ReturnType<typeof styleOf> }[] = [];
    let n = 0;
    for (const el of Array.from(document.querySelectorAll(selector))) {
      const html = el as HTMLElement;
      if (html.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]')) continue;
      if (!html.checkVisibility({ visibilityProperty: true })) continue;
      // Inside a closed <details>, only its summary can take focus.
      const details = el.parentElement?.closest('details:not([open])');
      if (details && !(el.tagName === 'SUMMARY' && el.parentElement === details)) continue;
      const key = String(n++);
      html.dataset.qaStop = key;
      const text = (html.getAttribute('aria-label') ?? html.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      result.push({ key, label: `<${el.tagName.toLowerCase()}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''}> „${text}“`, unfocused: styleOf(el) });
    }
    return result;
  });
}

/** Presses Tab and describes where focus went. */
async function tab(page: BrowserPage): Promise<Stop> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const s = el ? getComputedStyle(el) : null;
    const r = el?.getBoundingClientRect();
    return {
      key: el && el !== document.body ? (el.dataset.qaStop ?? `?${el.tagName.toLowerCase()}`) : null,
      label: el ? `<${el.tagName.toLowerCase()}> „${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50)}“` : '',
      focused: {
        outline: s ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : '',
        outlineVisible: !!s && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !/rgba\(.*, 0\)$|transparent/.test(s.outlineColor),
        boxShadow: s?.boxShadow ?? '',
        backgroundColor: s?.backgroundColor ?? '',
        color: s?.color ?? '',
        border: s ? `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor} ${s.borderBottomWidth} ${s.borderBottomStyle} ${s.borderBottomColor}` : '',
        textDecoration: s ? `${s.textDecorationLine} ${s.textDecorationThickness}` : '',
      },
      inViewport: !!r && r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      focusVisible: !!el && el.matches(':focus-visible'),
    };
  });
}

/** Tabs through a page from the top and lists every keyboard problem found. */
async function keyboardWalk(origin: string, url: string, colorScheme: 'light' | 'dark') {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
  try {
    const page = await context.newPage();
    await page.goto(origin + url, { waitUntil: 'load' });
    const expected = await tabbables(page);

    const stops: Stop[] = [];
    for (let i = 0; i < expected.length + 10; i++) {
      const stop = await tab(page);
      if (stop.key === null || stop.key === stops[0]?.key) break;
      stops.push(stop);
    }

    const problems: string[] = [];
    if (expected.length === 0) problems.push('keine fokussierbaren Elemente gefunden');
    const first = expected[0];
    if (first && !first.label.includes('href="#inhalt"')) problems.push(`erstes fokussierbares Element ist nicht der Sprunglink zu #inhalt, sondern ${first.label}`);
    if (stops[0]?.key !== first?.key) problems.push(`erster Tab-Halt ist ${stops[0]?.label ?? 'keiner'}, nicht der Sprunglink`);

    // Reached in document order, each exactly once, none left out.
    const reached = stops.map((s) => s.key);
    const wanted = expected.map((e) => e.key);
    const divergence = wanted.findIndex((k, i) => reached[i] !== k);
    if (divergence >= 0 || reached.length !== wanted.length) {
      const i = divergence >= 0 ? divergence : Math.min(reached.length, wanted.length);
      problems.push(
        `Tab-Reihenfolge weicht bei Halt ${i + 1} ab: erwartet ${expected[i]?.label ?? '(Ende)'}, erreicht ${stops[i]?.label ?? '(Ende)'}` +
          ` (${reached.length} von ${wanted.length} Elementen erreicht)`,
      );
    }
    const missing = expected.filter((e) => !reached.includes(e.key));
    for (const m of missing.slice(0, 10)) problems.push(`nie erreicht: ${m.label}`);

    for (const [i, stop] of stops.entries()) {
      const base = expected.find((e) => e.key === stop.key);
      const where = `Halt ${i + 1} ${base?.label ?? stop.label}`;
      if (!stop.focusVisible) problems.push(`${where}: :focus-visible greift nicht`);
      if (!stop.inViewport) problems.push(`${where}: fokussiert, aber nicht im sichtbaren Bereich`);
      const why = base ? focusIndicatorProblem(base.unfocused, stop.focused) : 'unbekanntes Element';
      if (why) problems.push(`${where}: kein sichtbarer Fokus (${why})`);
    }
    return { problems, stops: stops.length, expected: expected.length };
  } finally {
    await context.close();
  }
}

// The walk must be able to fail: focus styles removed, a positive tabindex, no skip link.
test('finds missing focus styles, wrong order and a missing skip link (self-test)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'amip-selftest-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="de"><head><title>t</title><style>a:focus{outline:none}</style></head><body>' +
      '<a href="/a/">A</a><a href="/b/" tabindex="2">B</a><main id="inhalt"><a href="/c/">C</a></main></body></html>',
  );
  const bad = await startServer(dir);
  try {
    const { problems } = await keyboardWalk(bad.origin, '/', 'light');
    expect(problems.some((p) => p.startsWith('erstes fokussierbares Element ist nicht der Sprunglink'))).toBe(true);
    expect(problems.some((p) => p.startsWith('Tab-Reihenfolge weicht bei Halt 1 ab'))).toBe(true);
    expect(problems.filter((p) => p.includes('kein sichtbarer Fokus')).length).toBe(3);
  } finally {
    await bad.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe.each(['light', 'dark'] as const)('keyboard, %s colour scheme', (colorScheme) => {
  test.for(pages)('$url ($label)', async ({ url }) => {
    const { problems, stops, expected } = await keyboardWalk(site.server.origin, url, colorScheme);
    expect(stops, `${url}: Tab-Halte`).toBeGreaterThan(5);
    expect(problems, `${url} (${colorScheme}): ${stops} Tab-Halte, ${expected} erwartet`).toEqual([]);
  });

  test.for(pages)('$url: skip link moves focus to the main content', async ({ url }) => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
    try {
      const page = await context.newPage();
      await page.goto(site.server.origin + url, { waitUntil: 'load' });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => `${document.activeElement?.tagName.toLowerCase()}#${document.activeElement?.id}`);
      expect(focused, `${url}: nach dem Sprunglink liegt der Fokus auf ${focused}`).toBe('main#inhalt');
      // The next Tab lands inside the main content, not back in the header.
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
      expect(inMain, `${url}: der Tab nach dem Sprunglink verlässt den Hauptinhalt`).toBe(true);
    } finally {
      await context.close();
    }
  });
});
