/**
 * The years in the built site (dist/, or $AMIP_DIST_DIR): the start page leads to the newest
 * published year, no draft is published, every year has its comparison page with the changes
 * computed from the data.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFigureChanges } from '../../src/lib/compare.ts';
import { formatCount, formatPercent } from '../../src/lib/format.ts';
import { distDir, listPages } from '../lib/dist.ts';
import { checkFiles, contentFiles } from '../lib/regeneration.ts';

const dir = distDir();
const content = checkFiles(contentFiles());
const published = content.years.filter((y) => y.programme?.data.status === 'published').sort((a, b) => b.year - a.year);
const drafts = content.years.filter((y) => y.programme?.data.status === 'draft');
const html = (url: string) => readFileSync(path.join(dir, url, 'index.html'), 'utf8');
const text = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ');

describe('programme years in the built site', () => {
  it('the start page leads to the newest published year', () => {
    expect(published.length).toBeGreaterThan(0);
    expect(html('')).toMatch(new RegExp(`Aktuell: <a href="/${published[0]!.year}/">`));
  });

  it('publishes no draft year and no Entwurf banner', () => {
    for (const d of drafts) expect(existsSync(path.join(dir, String(d.year)))).toBe(false);
    for (const p of listPages(dir)) expect(readFileSync(p.file, 'utf8')).not.toContain('class="draft-banner"');
  });

  it.each(published.map((y) => y.year))('/%s/vergleich/ shows the key figures against the previous plan, computed', (year) => {
    const page = text(html(`${year}/vergleich`));
    expect(page).toContain(`Vergleich ${year} mit ${year - 1}`);
    const p = published.find((y) => y.year === year)!.programme!.data;
    for (const line of keyFigureChanges(p).filter((l) => l.level !== 'row')) {
      const cells = [formatCount(line.previousPlan), formatCount(line.entries), line.difference > 0 ? `+${formatCount(line.difference)}` : formatCount(line.difference), line.percent === null ? '–' : formatPercent(line.percent).replace('\u00a0', ' ')];
      expect(page).toContain(`${line.level === 'group' ? `${line.numeral} ${line.label}` : line.label} ${cells.join(' ')}`);
    }
    expect(html(String(year))).toContain(`href="/${year}/vergleich/"`);
  });
});
