/**
 * WCAG details that axe does not see, each measured in Chromium over the built site:
 * - focus: every focusable element, focused by keyboard, keeps 4.5:1 text contrast (1.4.3 on the
 *   focus style) in light and dark;
 * - text spacing (1.4.12): with line height 1.5, letter spacing 0.12 em, word spacing 0.16 em and
 *   paragraph spacing 2 em, at 320 and 1280 px, on every page with a chart: no chart label outside
 *   its SVG, no two labels overlapping, no sideways scrolling of the page;
 * - reflow with every <details> open (the "Zahlen als Tabelle" of a chart): no sideways scrolling at 320 px;
 * - headings: h1 > h2 > h3 in font size at every width;
 * - table wrappers: tabindex="0" (a tab stop and a region landmark) exactly where the table can scroll.
 */
import { readFileSync } from 'node:fs';
import type { Page as BrowserPage } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { distDir, listPages } from '../lib/dist.ts';
import { samplePages } from '../../scripts/lib/lighthouse.ts';
import { siteInBrowser } from '../lib/session.ts';
import { startProductionLikeServer as startServer } from '../../scripts/lib/static-server.ts';

const dir = distDir();
const site = siteInBrowser(launchBrowser);
const html = (file: string) => readFileSync(file, 'utf8');
const all = listPages(dir).filter((p) => !p.url.endsWith('.html'));
const chartPages = all.filter((p) => /<svg\b[^>]*role="img"/.test(html(p.file)));
const tablePages = all.filter((p) => html(p.file).includes('class="table-wrap'));
/** Pages with every kind of focusable component: header, search, navigation, tables, charts, details, footer. */
const focusPages = [
  ...samplePages(dir).map((p) => p.url),
  '/suche/',
  '/leichte-sprache/',
  '/gebaerdensprache/',
  '/barrierefreiheit/',
  ...chartPages.slice(0, 3).map((p) => p.url),
].filter((u, i, a) => a.indexOf(u) === i);

/** WCAG 1.4.12 as the usual bookmarklet applies it (an author style sheet with !important). */
const TEXT_SPACING_CSS =
  '*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

async function withPage<T>(url: string, options: { width: number; colorScheme?: 'light' | 'dark'; origin?: string }, run: (page: BrowserPage) => Promise<T>): Promise<T> {
  const context = await site.browser.newContext({ viewport: { width: options.width, height: 800 }, colorScheme: options.colorScheme ?? 'light' });
  try {
    const page = await context.newPage();
    await page.goto((options.origin ?? site.server.origin) + url, { waitUntil: 'load' });
    return await run(page);
  } finally {
    await context.close();
  }
}

/** Focuses every focusable element after a Tab key press (so :focus-visible applies) and measures text contrast. */
async function focusContrastProblems(page: BrowserPage): Promise<string[]> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const parse = (c: string) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? { r: +m[1]!, g: +m[2]!, b: +m[3]!, a: m[4] === undefined ? 1 : +m[4] } : { r: 0, g: 0, b: 0, a: 0 };
    };
    const over = (top: { r: number; g: number; b: number; a: number }, bottom: { r: number; g: number; b: number }) => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
    });
    const background = (el: Element) => {
      const layers: ReturnType<typeof parse>[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.a > 0) layers.push(c);
        if (c.a === 1) break;
      }
      let colour = { r: 255, g: 255, b: 255 };
      if (layers.at(-1)?.a !== 1) colour = matchMedia('(prefers-color-scheme: dark)').matches ? { r: 18, g: 20, b: 22 } : colour;
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const lum = (c: { r: number; g: number; b: number }) => {
      const ch = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
    };
    const ratio = (a: { r: number; g: number; b: number }, b: { r: number; g: number; b: number }) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const selector = 'a[href], button, input, select, textarea, summary, video[controls], [tabindex]:not([tabindex="-1"])';
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const closed = el.parentElement?.closest('details:not([open])');
      if (closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed)) continue;
      el.focus();
      if (!el.matches(':focus-visible')) {
        problems.push(`${el.tagName.toLowerCase()} „${(el.textContent ?? '').trim().slice(0, 40)}“: :focus-visible greift nicht`);
        continue;
      }
      // Text of the element itself (a region around a table is judged by its outline, not by its text).
      if (el.classList.contains('table-wrap') || el.tagName === 'VIDEO') continue;
      const s = getComputedStyle(el);
      const fg = parse(s.color);
      const bg = background(el);
      const r = ratio(over(fg, bg), bg);
      const key = `${el.tagName}.${el.className}|${s.color}|${s.backgroundColor}`;
      if (r < 4.5 && !seen.has(key)) {
        seen.add(key);
        problems.push(`${el.tagName.toLowerCase()}${el.className ? `.${el.className.split(' ').join('.')}` : ''} „${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 40)}“ mit Fokus: ${r.toFixed(2)}:1 (${s.color} auf ${JSON.stringify(bg)})`);
      }
    }
    return problems;
  });
}

/** Chart labels that leave their SVG or overlap another label, and what makes the page scroll sideways. */
async function spacingProblems(page: BrowserPage): Promise<string[]> {
  await page.addStyleTag({ content: TEXT_SPACING_CSS });
  return page.evaluate(() => {
    const problems: string[] = [];
    const round = (n: number) => Math.round(n);
    for (const [i, svg] of Array.from(document.querySelectorAll('svg[role="img"]')).entries()) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue;
      const name = `Diagramm ${i + 1} („${(svg.querySelector('title')?.textContent ?? '').slice(0, 40)}“)`;
      const texts = Array.from(svg.querySelectorAll('text')).map((t) => ({ t: (t.textContent ?? '').trim(), r: t.getBoundingClientRect() })).filter((x) => x.t && x.r.width > 0);
      for (const { t, r } of texts)
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
          problems.push(`${name}: „${t}“ ragt aus dem SVG (${round(r.left - box.left)}…${round(r.right - box.left)} von ${round(box.width)} px)`);
      for (let a = 0; a < texts.length; a++)
        for (let b = a + 1; b < texts.length; b++) {
          const p = texts[a]!.r;
          const q = texts[b]!.r;
          const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
          const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
          if (w > 1 && h > 1) problems.push(`${name}: „${texts[a]!.t}“ überlappt „${texts[b]!.t}“ (${round(w)} × ${round(h)} px)`);
        }
    }
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      const culprits: string[] = [];
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect();
        if (r.right <= root.clientWidth + 0.5 || r.width === 0) continue;
        let contained = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (/^(auto|scroll|hidden|clip)$/.test(getComputedStyle(p).overflowX)) contained = true;
        const parent = el.parentElement;
        if (contained || (parent && parent !== document.body && parent.getBoundingClientRect().right > root.clientWidth + 0.5)) continue;
        culprits.push(`${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} „${(el.textContent ?? '').trim().slice(0, 40)}“`);
      }
      problems.push(`Seite scrollt waagerecht: scrollWidth ${root.scrollWidth} px bei ${root.clientWidth} px (${culprits.slice(0, 3).join('; ')})`);
    }
    return problems;
  });
}

describe.each(['light', 'dark'] as const)('focus keeps 4.5:1 text contrast, %s', (colorScheme) => {
  test.for(focusPages)('%s', async (url) => {
    const problems = await withPage(url, { width: 1280, colorScheme }, focusContrastProblems);
    expect(problems, url).toEqual([]);
  });
});

describe.each([320, 1280])('WCAG 1.4.12 text spacing at %i px: chart labels inside their SVG, no overlap, no sideways scrolling', (width) => {
  test('there are pages with charts', () => expect(chartPages.length).toBeGreaterThan(3));
  test.for(chartPages.map((p) => p.url))('%s', async (url) => {
    const problems = await withPage(url, { width }, spacingProblems);
    expect(problems, url).toEqual([]);
  });
});

test.for(all.filter((p) => html(p.file).includes('<details')).map((p) => p.url))('%s: no sideways scrolling at 320 px with every <details> open', async (url) => {
  const problem = await withPage(url, { width: 320 }, (page) =>
    page.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
      const root = document.documentElement;
      return root.scrollWidth > root.clientWidth ? `scrollWidth ${root.scrollWidth} px bei ${root.clientWidth} px` : '';
    }),
  );
  expect(problem, url).toBe('');
});

const widths = [320, 360, 400, 480, 768, 1024, 1280, 1600];
/** At each width, the largest h1, h2 and h3 in the main content must be in that order of size. */
async function headingProblems(page: BrowserPage): Promise<string[]> {
  const problems: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    const [h1, h2, h3] = (await page.evaluate(() => {
      const max = (sel: string) => Math.max(0, ...Array.from(document.querySelectorAll(`main ${sel}`)).filter((e) => e.getBoundingClientRect().width > 0).map((e) => parseFloat(getComputedStyle(e).fontSize)));
      return [max('h1'), max('h2'), max('h3')];
    })) as [number, number, number];
    if (h2 > 0 && !(h1 > h2)) problems.push(`${width} px: h1 ${h1} px, h2 ${h2} px`);
    if (h3 > 0 && h2 > 0 && !(h2 > h3)) problems.push(`${width} px: h2 ${h2} px, h3 ${h3} px`);
  }
  return problems;
}

test.for(['/', ...focusPages])('%s: headings ordered by size at every width (h1 > h2 > h3)', async (url) => {
  const problems = await withPage(url, { width: 320 }, headingProblems);
  expect(problems, url).toEqual([]);
});

describe('table wrappers are tab stops exactly where the table can scroll', () => {
  test.for(tablePages.map((p) => p.url))('%s', async (url) => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(site.server.origin + url, { waitUntil: 'load' });
      await page.evaluate(() => {
        for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
      });
      // "Can scroll": at some width, with the page's own text spacing or with the reader's (WCAG 1.4.12).
      const scrolls = new Map<number, boolean>();
      for (const spacing of [false, true]) {
        if (spacing) await page.addStyleTag({ content: TEXT_SPACING_CSS });
        // 641 px: just above the 40rem breakpoint, where stacked tables become tables in the least room.
        for (const width of [320, 641, 1024, 1600]) {
          await page.setViewportSize({ width, height: 800 });
          const now = await page.evaluate(() => Array.from(document.querySelectorAll('.table-wrap')).map((w) => w.scrollWidth > w.clientWidth + 1));
          now.forEach((s, i) => scrolls.set(i, (scrolls.get(i) ?? false) || s));
        }
      }
      const wrappers = await page.evaluate(() => Array.from(document.querySelectorAll('.table-wrap')).map((w) => ({ tabindex: w.getAttribute('tabindex'), role: w.getAttribute('role'), caption: w.querySelector('caption')?.textContent?.trim().slice(0, 50) ?? '' })));
      const problems = wrappers.flatMap((w, i) => {
        const scrollable = scrolls.get(i) ?? false;
        const stop = w.tabindex === '0';
        if (scrollable && !stop) return [`„${w.caption}“ scrollt, ist aber kein Tab-Halt`];
        if (!scrollable && stop) return [`„${w.caption}“ scrollt bei keiner Breite, hat aber tabindex="0"${w.role ? ` und role="${w.role}"` : ''}`];
        return [];
      });
      expect(problems, url).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

// The measurements must be able to fail.
test('finds a low-contrast focus, a label outside its SVG, overlapping labels and inverted headings (self-test)', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const tmp = mkdtempSync(path.join(tmpdir(), 'amip-selftest-'));
  writeFileSync(
    path.join(tmp, 'index.html'),
    '<!doctype html><html lang="de"><head><title>t</title><style>button{background:#1d70b8;color:#0b0c0c}h1{font-size:20px}h2{font-size:24px}</style></head><body><main>' +
      '<h1>A</h1><h2>B</h2><button>Suchen</button>' +
      '<svg role="img" width="100" height="40"><title>t</title><text x="60" y="20">weit hinaus</text><text x="62" y="22">darüber</text></svg></main></body></html>',
  );
  const bad = await startServer(tmp);
  try {
    const focus = await withPage('/', { width: 1280, origin: bad.origin }, focusContrastProblems);
    expect(focus.join()).toMatch(/button „Suchen“ mit Fokus: 3\.\d\d:1/);
    const spacing = await withPage('/', { width: 320, origin: bad.origin }, spacingProblems);
    expect(spacing.some((p) => p.includes('„weit hinaus“ ragt aus dem SVG'))).toBe(true);
    expect(spacing.some((p) => p.includes('„weit hinaus“ überlappt „darüber“'))).toBe(true);
    const headings = await withPage('/', { width: 320, origin: bad.origin }, headingProblems);
    expect(headings[0]).toBe('320 px: h1 20 px, h2 24 px');
  } finally {
    await bad.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});
