/**
 * Every page of the built site in Chromium, one visit per page shared by three checks:
 * - axe-core: zero violations of the WCAG 2.0/2.1 A and AA rules, in the light and the dark
 *   colour scheme, at 320 px (tables stack) and 1500 px (margin notes move into the margin);
 * - loading: no console error, no uncaught exception, no failed request, no HTTP error, no
 *   request to any host but the local server (nothing from third parties) and no cookie;
 * - reflow (WCAG 1.4.10): no horizontal scrolling of the page at 320 CSS px.
 * Pages run five at a time (vitest's maxConcurrency), which keeps two cores busy.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page as BrowserPage } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { distDir, listPages } from '../lib/dist.ts';
import { startProductionLikeServer as startServer } from '../../scripts/lib/static-server.ts';
import { siteInBrowser } from '../lib/session.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const narrow = { width: 320, height: 640 };
const wide = { width: 1500, height: 900 };
const schemes = ['light', 'dark'] as const;

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
type Visit = {
  /** Problems while loading (console, requests, responses). */
  load: string[];
  /** "scrollWidth … px bei clientWidth … px" at 320 px, and what sticks out. */
  reflow: { figure: string; problems: string[] };
  /** axe-core violations, one line per rule and scheme/width, then the first elements. */
  axe: string[];
};

const pages = listPages(distDir());
const site = siteInBrowser(launchBrowser);

/** Runs axe-core (already injected) on the page as it is now. */
async function axeViolations(page: BrowserPage): Promise<AxeViolation[]> {
  return (await page.evaluate(
    (values) =>
      (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe
        .run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] })
        .then((r) => r.violations),
    axeTags,
  )) as AxeViolation[];
}

/** Page width against viewport width, and the outermost elements that stick out (where a fix starts). */
async function measureReflow(page: BrowserPage) {
  const result = await page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.right <= width + 0.5 || r.width === 0) continue;
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > width + 0.5) continue;
      // Inside a scroll container (a wide table in its .table-wrap) is fine.
      let contained = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (/^(auto|scroll|hidden|clip)$/.test(getComputedStyle(p).overflowX)) contained = true;
      }
      if (contained) continue;
      const desc = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.classList.length ? `.${Array.from(el.classList).join('.')}` : '');
      culprits.push(`${desc} (rechter Rand bei ${Math.round(r.right)} px): „${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}“`);
      if (culprits.length >= 5) break;
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
  });
  const figure = `scrollWidth ${result.scrollWidth} px bei clientWidth ${result.clientWidth} px`;
  const problems = result.scrollWidth > result.clientWidth ? [`${figure}; ragt heraus: ${result.culprits.join('; ') || '?'}`] : [];
  return { figure, problems };
}

/** One visit: load at 320 px, measure reflow, axe in both schemes, widen, axe again. */
async function visit(origin: string, url: string): Promise<Visit> {
  const context = await site.browser.newContext({ viewport: narrow });
  const load: string[] = [];
  const axe: string[] = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') load.push(`Konsolenfehler: ${m.text()}`);
    });
    page.on('pageerror', (e) => load.push(`Skriptfehler: ${e.message}`));
    page.on('request', (r) => {
      const target = new URL(r.url());
      if (/^(https?|wss?):$/.test(target.protocol) && target.origin !== origin) load.push(`Anfrage an fremden Host: ${r.url()}`);
    });
    page.on('requestfailed', (r) => load.push(`Anfrage fehlgeschlagen: ${r.url()} (${r.failure()?.errorText ?? '?'})`));
    page.on('response', (r) => {
      if (r.status() >= 400) load.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    const response = await page.goto(origin + url, { waitUntil: 'load' });
    if (response?.status() !== 200) load.push(`Seite antwortet mit HTTP ${response?.status()}`);
    // Also catch what a page requests after "load" (lazy images, scripts that fetch).
    await page.waitForLoadState('networkidle');
    const reflow = await measureReflow(page);
    const cookies = await context.cookies();
    if (cookies.length > 0) load.push(`setzt Cookies: ${cookies.map((c) => c.name).join(', ')}`);

    // Evaluated over DevTools, so the page's Content-Security-Policy does not block it.
    await page.evaluate(axeSource);
    const backgrounds = new Set<string>();
    for (const viewport of [narrow, wide]) {
      if (viewport !== narrow) {
        await page.setViewportSize(viewport);
        await page.waitForLoadState('networkidle');
      }
      for (const colorScheme of schemes) {
        await page.emulateMedia({ colorScheme });
        backgrounds.add(await page.evaluate(() => getComputedStyle(document.body).backgroundColor + getComputedStyle(document.documentElement).backgroundColor));
        for (const v of await axeViolations(page)) {
          axe.push(`[${colorScheme === 'light' ? 'hell' : 'dunkel'}, ${viewport.width} px] ${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} Element(e)`);
          for (const node of v.nodes.slice(0, 5)) axe.push(`    ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`);
        }
      }
    }
    // Otherwise the "dark" runs would only repeat the light ones.
    if (backgrounds.size < 2) axe.push(`Hintergrund im dunklen Farbschema wie im hellen (${[...backgrounds].join()})`);
    return { load, reflow, axe };
  } finally {
    await context.close();
  }
}

const visits = new Map<string, Promise<Visit>>();
/** The visit of a page, shared by the three checks (the first check to ask starts it). */
function visitOnce(url: string): Promise<Visit> {
  let v = visits.get(url);
  if (!v) {
    v = visit(site.server.origin, url);
    visits.set(url, v);
  }
  return v;
}

// The checks must be able to fail: a page with every kind of problem they look for.
test('finds violations, foreign hosts, failed requests, console errors and overflow (self-test)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'amip-selftest-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body><main><p style="color:#aaa;background:#fff">blass</p>' +
      '<img src="http://example.invalid/a.png"><img alt="" src="/fehlt.png"><div style="width:600px">breit</div></main></body></html>',
  );
  const bad = await startServer(dir);
  try {
    const { load, reflow, axe } = await visit(bad.origin, '/');
    expect(load.some((p) => p.startsWith('Anfrage an fremden Host: http://example.invalid/'))).toBe(true);
    expect(load.some((p) => p.startsWith('HTTP 404:') && p.endsWith('/fehlt.png'))).toBe(true);
    expect(load.some((p) => p.startsWith('Konsolenfehler:'))).toBe(true);
    expect(reflow.figure).toMatch(/^scrollWidth 6\d\d px bei clientWidth 320 px$/);
    expect(reflow.problems.join()).toContain('ragt heraus: div (rechter Rand bei 6');
    const rules = new Set(axe.filter((l) => l.startsWith('[hell, 320 px]')).map((l) => l.split(' ')[3]));
    expect([...rules].sort()).toEqual(['color-contrast', 'html-has-lang', 'image-alt']);
    expect(axe.at(-1)).toMatch(/^Hintergrund im dunklen Farbschema wie im hellen/);
  } finally {
    await bad.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe.concurrent('axe-core, WCAG 2.1 A/AA, light and dark, 320 and 1500 px', () => {
  test.for(pages)('$url', async ({ url }) => {
    const { axe } = await visitOnce(url);
    expect(axe, `${url}: axe-core meldet ${axe.filter((l) => l.startsWith('[')).length} Verstoß/Verstöße`).toEqual([]);
  });
});

describe.concurrent('loads cleanly, only from the local server', () => {
  test.for(pages)('$url', async ({ url }) => {
    const { load } = await visitOnce(url);
    expect(load, `${url}: ${load.length} Problem(e) beim Laden`).toEqual([]);
  });
});

describe.concurrent('no horizontal scrolling at 320 px', () => {
  test.for(pages)('$url', async ({ url }) => {
    const { reflow } = await visitOnce(url);
    expect(reflow.problems, `${url}: bei 320 px ${reflow.figure}`).toEqual([]);
  });
});
