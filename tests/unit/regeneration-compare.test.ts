/** Years side by side on any table: computed changes, headline series over years, review counts; publisher colours. */
import { describe, expect, it } from 'vitest';
import { compareTables, headlineSeries, instrumentChanges, reviewCount } from '../../src/lib/compare.ts';
import { colourCss, contrastRatio } from '../../src/lib/colours.ts';
import { scaffoldYear } from '../../scripts/lib/new-year.ts';
import { checkFiles, replaceOnce, withFile } from '../lib/regeneration.ts';
import { fixtureFiles } from '../lib/content.ts';

const files = fixtureFiles('tables');
const content = checkFiles(files);
const y2030 = content.years.find((y) => y.year === 2030)!;
const chapters30 = y2030.chapters.map((c) => c.data);
const ZAHLEN = 'programmes/2031/chapters/02-zahlen.mdx';

/** A scaffolded 2031 with one row changed, one dropped, one added and a range changed (in memory). */
function edited2031() {
  let scaffold = scaffoldYear(content, 2030, 2031);
  const edit = (file: string, f: (t: string) => string) => {
    scaffold = scaffold.map((x) => (x.path === file ? { ...x, text: f(x.text) } : x));
  };
  edit(ZAHLEN, replaceOnce('entries: 120, function', 'entries: 130, function'));
  edit(ZAHLEN, replaceOnce("entries: { min: 25, max: 30, notation: klammer }, function", "entries: { min: 35, max: 40, notation: klammer }, function"));
  edit(ZAHLEN, (t) => t.replace(/ {6}- instrument: epsilon\n(?: {8}.*\n)+/, ''));
  edit(ZAHLEN, replaceOnce('{ label: Alleinerziehende, targetGroup: alleinerziehende, people: 50 }', '{ label: Alleinerziehende, targetGroup: alleinerziehende, people: 50 }\n      - { label: Neue Gruppe, people: 0 }'));
  const c = checkFiles([...files, ...scaffold]);
  expect(c.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return c.years.find((y) => y.year === 2031)!.chapters.map((x) => x.data);
}

describe('compareTables', () => {
  it('finds nothing changed between a year and itself, for every table with a number column', () => {
    const t = compareTables(chapters30, chapters30);
    expect(t.every((x) => x.status === 'both' && x.rows.every((r) => r.status === 'unchanged'))).toBe(true);
    expect(t.map((x) => x.tableId)).toEqual(['eintritte', 'mittel', 'kennzahlen', 'zielgruppen', 'plaetze']);
  });

  it('reports added, dropped and changed rows with the computed change, matched by instrument or label', () => {
    const t = compareTables(edited2031(), chapters30);
    const entries = t.find((x) => x.tableId === 'eintritte')!;
    expect(entries.column.header).toBe('Eintritte 2031');
    expect(entries.previousHeader).toBe('Eintritte 2030');
    expect(entries.rows.find((r) => r.instrument === 'alpha')).toMatchObject({ status: 'changed', difference: { min: 10, max: 10 }, percent: 8 });
    // A range keeps both ends of its change; no percentage for a range.
    expect(entries.rows.find((r) => r.instrument === 'beta')).toMatchObject({ status: 'changed', difference: { min: 10, max: 10 }, percent: null });
    expect(entries.rows.find((r) => r.instrument === 'epsilon')).toMatchObject({ status: 'dropped', previous: { min: 20, max: 20 } });
    expect(entries.rows.find((r) => r.instrument === 'epsilon')?.current).toBeUndefined();
    const groups = t.find((x) => x.tableId === 'zielgruppen')!;
    expect(groups.rows.find((r) => r.label === 'Neue Gruppe')).toMatchObject({ status: 'added', current: { min: 0, max: 0 } });
    expect(groups.rows.find((r) => r.key === 'alleinerziehende')).toMatchObject({ status: 'unchanged' });
  });

  it('lists instruments no longer named anywhere', () => {
    const c = instrumentChanges(edited2031(), chapters30);
    expect(c.dropped).toEqual(['epsilon']);
    expect(c.added).toEqual([]);
  });
});

describe('headlineSeries', () => {
  it('follows the total and the groups of a headline table over the years', () => {
    const headline = chapters30.map((c) => ({ ...c, tables: c.tables.map((t) => (t.id === 'kennzahlen' ? { ...t, headline: true } : t)) }));
    const next = edited2031().map((c) => ({ ...c, tables: c.tables.map((t) => (t.id === 'kennzahlen' ? { ...t, headline: true } : t)) }));
    const [table, ...rest] = headlineSeries([
      { year: 2031, chapters: next },
      { year: 2030, chapters: headline },
    ]);
    expect(rest).toEqual([]);
    expect(table!.series.map((s) => s.label)).toEqual(['Insgesamt', 'I. Aktivierung', 'II. Weiterbildung', 'III. Sonstiges']);
    expect(table!.series[0]!.points.map((p) => [p.year, p.value.max])).toEqual([
      [2030, 410],
      [2031, 410],
    ]);
  });
});

describe('reviewCount', () => {
  it('counts marked tables and the budget', () => {
    const scaffold = scaffoldYear(content, 2030, 2031);
    const c = checkFiles([...files, ...scaffold]);
    const y = c.years.find((x) => x.year === 2031)!;
    expect(reviewCount(y.programme!.data, y.chapters.map((x) => x.data))).toBe(1 + y.chapters.reduce((n, x) => n + x.data.tables.length, 0));
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
  it('colours in the settings are checked for contrast against the page in light and dark mode', () => {
    const colours = (darkAccent: string) =>
      withFile(files, 'settings.yaml', replaceOnce('  city: Teststadt\n', `  city: Teststadt\n  colors:\n    light: { accent: "#1d70b8", link: "#1d4f91", linkVisited: "#4c2c92" }\n    dark: { accent: "${darkAccent}", link: "#8cc4ff", linkVisited: "#d2b8ff" }\n`));
    expect(checkFiles(colours('#8cc4ff')).problems.filter((p) => p.file === 'settings.yaml' && p.severity === 'error')).toEqual([]);
    const broken = checkFiles(colours('#1d70b8'));
    expect(broken.problems.find((p) => p.field === 'publisher.colors.dark.accent')?.message).toContain('#121416');
  });
});
