/** Years side by side: computed changes, series over years, review counts, publisher colours. */
import { describe, expect, it } from 'vitest';
import { compareTables, instrumentChanges, instrumentKeyFigureSeries, keyFigureChanges, keyFigureSeries, reviewCount } from '../../src/lib/compare.ts';
import { colourCss, contrastRatio } from '../../src/lib/colours.ts';
import { scaffoldYear } from '../../scripts/lib/new-year.ts';
import { checkFiles, contentFiles, replaceOnce, withFile } from '../lib/regeneration.ts';

const files = contentFiles();
const content = checkFiles(files);
const y2021 = content.years.find((y) => y.year === 2021)!;
const chapters21 = y2021.chapters.map((c) => c.data);

/** A scaffolded 2022 with one row changed, one dropped and one added (in memory). */
function edited2022() {
  let scaffold = scaffoldYear(content, 2021, 2022);
  const edit = (file: string, f: (t: string) => string) => {
    scaffold = scaffold.map((x) => (x.path === file ? { ...x, text: f(x.text) } : x));
  };
  const integration = 'programmes/2022/chapters/06-integration.mdx';
  edit(integration, replaceOnce('entries: 792', 'entries: 800'));
  edit(integration, replaceOnce('total: { label: Summe, entries: 3162 }', 'total: { label: Summe, entries: 3170 }'));
  const refugees = 'programmes/2022/chapters/17-gefluechtete.mdx';
  edit(refugees, (t) => t.replace(/ {6}- instrument: perspektive-handwerk\n(?: {8}.*\n)+/, ''));
  edit(refugees, replaceOnce('entries: { min: 655, max: 660, notation: strich }', 'entries: { min: 595, max: 600, notation: strich }'));
  edit(refugees, replaceOnce('      - instrument: chance-handwerk\n', '      - instrument: talentcenter\n        label: Talentcenter\n        entries: 0\n        function: Neu.\n      - instrument: chance-handwerk\n'));
  const c = checkFiles([...files, ...scaffold]);
  expect(c.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return c.years.find((y) => y.year === 2022)!.chapters.map((x) => x.data);
}

describe('compareTables', () => {
  it('finds nothing changed between 2021 and itself', () => {
    const t = compareTables(chapters21, chapters21);
    expect(t.every((x) => x.status === 'both' && x.rows.every((r) => r.status === 'unchanged'))).toBe(true);
    expect(t.length).toBe(chapters21.reduce((n, c) => n + c.tables.length, 0));
  });

  it('reports added, dropped and changed rows with the computed change', () => {
    const t = compareTables(edited2022(), chapters21);
    const integration = t.find((x) => x.chapter === 'integration')!;
    expect(integration.rows.find((r) => r.instrument === 'talentcenter')).toMatchObject({ status: 'changed', difference: { min: 8, max: 8 }, percent: 1 });
    const refugees = t.find((x) => x.chapter === 'gefluechtete')!;
    const dropped = refugees.rows.find((r) => r.instrument === 'perspektive-handwerk')!;
    const printed = chapters21.find((c) => c.slug === 'gefluechtete')!.tables[0]!.rows.find((r) => r.instrument.id === 'perspektive-handwerk')!;
    expect([dropped.status, dropped.current, dropped.previous]).toEqual(['dropped', undefined, 'entries' in printed ? printed.entries : undefined]);
    const added = refugees.rows.find((r) => r.instrument === 'talentcenter')!;
    expect([added.status, added.previous, added.current?.min]).toEqual(['added', undefined, 0]);
    // A range keeps both ends of its change; no percentage for a range.
    expect(refugees.rows.find((r) => r.instrument === 'arbeiten-und-lernen')).toMatchObject({ status: 'unchanged', difference: { min: 0, max: 0 }, percent: null });
  });

  it('lists instruments no longer planned anywhere', () => {
    const c = instrumentChanges(edited2022(), chapters21);
    expect(c.dropped).toEqual(['perspektive-handwerk']);
    expect(c.added).toEqual([]);
  });
});

describe('keyFigureChanges', () => {
  it('computes the same "Vergleich" as printed in 2021', () => {
    const p = y2021.programme!.data;
    const lines = keyFigureChanges(p);
    expect(lines[0]).toMatchObject({ level: 'total', percent: p.keyFigures.total.printedChange, difference: p.keyFigures.total.entries - p.keyFigures.total.previousPlan });
    for (const g of p.keyFigures.groups) {
      const line = lines.find((l) => l.level === 'group' && l.numeral === g.numeral)!;
      expect(line.percent).toBe(g.printedChange === -100 && g.previousPlan > 0 ? -100 : g.printedChange);
    }
  });
});

describe('keyFigureSeries', () => {
  it("takes the year before the first programme from its Ansatz column, each year's plan from its own programme", () => {
    const p21 = y2021.programme!.data;
    const p22 = { ...p21, year: 2022, keyFigures: { ...p21.keyFigures, total: { ...p21.keyFigures.total, entries: 12000, previousPlan: p21.keyFigures.total.entries } } };
    const total = keyFigureSeries([p22, p21]).find((s) => s.key === 'summe')!;
    expect(total.points).toEqual([
      { year: 2020, entries: p21.keyFigures.total.previousPlan, fromPreviousPlan: true },
      { year: 2021, entries: p21.keyFigures.total.entries, fromPreviousPlan: false },
      { year: 2022, entries: 12000, fromPreviousPlan: false },
    ]);
  });
});

describe('instrumentKeyFigureSeries', () => {
  it('gives an instrument named in the key figures its plan and the previous plan', () => {
    const p21 = y2021.programme!.data;
    const row = p21.keyFigures.groups.flatMap((g) => g.rows).find((r) => r.instrument?.id === 'einstiegsgeld')!;
    expect(instrumentKeyFigureSeries('einstiegsgeld', [p21])).toEqual([
      { year: 2020, entries: row.previousPlan, fromPreviousPlan: true },
      { year: 2021, entries: row.entries, fromPreviousPlan: false },
    ]);
    expect(instrumentKeyFigureSeries('talentcenter', [p21])).toEqual([]);
  });
});

describe('reviewCount', () => {
  it('counts marked tables, key figures and budget', () => {
    expect(reviewCount(y2021.programme!.data, chapters21)).toBe(0);
    const c = checkFiles([...files, ...scaffoldYear(content, 2021, 2022)]).years.find((y) => y.year === 2022)!;
    expect(reviewCount(c.programme!.data, c.chapters.map((x) => x.data))).toBe(chapters21.reduce((n, x) => n + x.tables.length, 0) + 2);
  });
});

describe('publisher colours', () => {
  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  it('applies the colours for the screen only, over global.css', () => {
    const css = colourCss({ light: { accent: '#111111', link: '#222222', linkVisited: '#333333' }, dark: { accent: '#eeeeee', link: '#dddddd', linkVisited: '#cccccc' } });
    expect(css).toMatch(/^@media screen\{:root:root\{--accent:#111111;.*--link:#222222;--link-visited:#333333/);
    expect(css).toMatch(/@media screen and \(prefers-color-scheme:dark\)\{:root:root\{--accent:#eeeeee/);
  });
  it('the settings of the real content pass the contrast check', () => {
    expect(content.publisher?.colors).toBeDefined();
    const broken = checkFiles(withFile(files, 'settings.yaml', replaceOnce('accent: "#8cc4ff"', 'accent: "#1d70b8"')));
    expect(broken.problems.find((p) => p.field === 'publisher.colors.dark.accent')?.message).toContain('#121416');
  });
});
