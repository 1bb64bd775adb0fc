/**
 * The years in the built site (dist/, or $AMIP_DIST_DIR): the start page leads to the newest
 * published year, no draft is published, every year has its comparison page with the changes
 * computed from the data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { decodeHTML } from 'entities';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTables } from '../../src/lib/compare.ts';
import { distDir, listPages } from '../lib/dist.ts';
import { checkFiles } from '../lib/regeneration.ts';
import { liveContentFiles } from '../lib/content.ts';

const dir = distDir();
const content = checkFiles(liveContentFiles());
const published = content.years.filter((y) => y.programme?.data.status === 'published').sort((a, b) => b.year - a.year);
const drafts = content.years.filter((y) => y.programme?.data.status === 'draft');
const html = (url: string) => readFileSync(path.join(dir, url, 'index.html'), 'utf8');
const text = (s: string) => decodeHTML(s.replace(/<[^>]+>/g, ' ')).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

describe('programme years in the built site', () => {
  it('the start page leads to the newest published year', () => {
    expect(published.length).toBeGreaterThan(0);
    expect(html('')).toMatch(new RegExp(`Aktuell: <a href="/${published[0]!.year}/">`));
  });

  it('publishes no draft year and no Entwurf banner', () => {
    for (const d of drafts) expect(existsSync(path.join(dir, String(d.year)))).toBe(false);
    for (const p of listPages(dir)) expect(readFileSync(p.file, 'utf8')).not.toContain('class="draft-banner"');
  });

  it.each(published.map((y) => y.year))('/%s/vergleich/ compares every table with a number column with the year before, computed', (year) => {
    const page = text(html(`${year}/vergleich`));
    const before = content.years.filter((y) => y.year < year).sort((a, b) => b.year - a.year)[0];
    const current = content.years.find((y) => y.year === year)!;
    if (!before) expect(page).toContain('Kein früheres Programm ist in den Daten dieser Website enthalten');
    const tables = before ? compareTables(current.chapters.map((c) => c.data), before.chapters.map((c) => c.data)) : [];
    expect(page).toContain(before ? `Vergleich ${year} mit ${before.year}` : `Vergleich ${year}`);
    for (const t of tables) {
      expect(page).toContain(`${t.caption}: ${before!.year} und ${year}`);
      for (const r of t.rows) expect(page).toContain(r.label.replace(/\s+/g, ' '));
    }
    expect(html(String(year))).toContain(`href="/${year}/vergleich/"`);
  });
});
