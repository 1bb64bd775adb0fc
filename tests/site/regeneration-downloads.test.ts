/**
 * The downloads in the built site (dist/, or $AMIP_DIST_DIR), for every published year, whatever
 * the content: /<year>/daten/datapackage.json describes every CSV file of the folder, every CSV
 * is valid against its Table Schema, and the licence of the settings (or "keine Lizenz
 * angegeben") is stated in datapackage.json and on the downloads page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CsvResource, validateCsv } from '../../src/lib/export/table-schema.ts';
import { distDir } from '../lib/dist.ts';
import { checkFiles } from '../lib/regeneration.ts';
import { liveContentFiles } from '../lib/content.ts';

const dir = distDir();
const content = checkFiles(liveContentFiles());
const years = content.years.filter((y) => y.programme?.data.status === 'published').map((y) => y.year);
const licence = content.publisher?.dataLicence;
type Package = { licenses?: { title: string; path: string }[]; resources: (CsvResource & { path: string })[] };

describe.each(years)('/%s/daten/', (year) => {
  const folder = path.join(dir, String(year), 'daten');
  const pkg = JSON.parse(readFileSync(path.join(folder, 'datapackage.json'), 'utf8')) as Package;

  it('datapackage.json lists every CSV file of the folder, and only those', () => {
    const csv = readdirSync(folder).filter((f) => f.endsWith('.csv')).sort();
    expect(csv.length).toBeGreaterThan(0);
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(csv);
  });

  it('every CSV file is valid against its Table Schema', () => {
    for (const r of pkg.resources) {
      const file = path.join(folder, r.path);
      expect(existsSync(file)).toBe(true);
      expect(validateCsv(readFileSync(file, 'utf8'), r)).toEqual([]);
    }
  });

  it('states the data licence of the settings in datapackage.json and on the page', () => {
    const page = readFileSync(path.join(folder, 'index.html'), 'utf8');
    expect(page).toContain(`href="/${year}/daten/datapackage.json"`);
    if (licence) {
      expect(pkg.licenses).toEqual([{ title: licence.name, path: licence.url }]);
      expect(page).toContain(`<a href="${licence.url}" rel="license">${licence.name}</a>`);
    } else {
      expect(pkg.licenses).toBeUndefined();
      expect(page).toContain('keine Lizenz angegeben');
    }
  });
});
