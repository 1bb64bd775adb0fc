/**
 * Builds that never break the published site, on temporary copies of the table fixture
 * (tests/fixtures/tables, programme 2030) with a scaffolded 2031 draft:
 * - two builds of the same data are byte-identical;
 * - a draft year carries the "Entwurf" banner with `--drafts` and is left out of the normal build;
 * - a build with a wrong number fails with file and line and leaves the previous output untouched,
 *   whether the data check (which runs beside Astro) or Astro itself stops it.
 * Three builds are shared by all tests of this file (two complete ones, one of the pages only).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../scripts/lib/build.ts';
import { hashTree, lineOf, runCommand, tempContent, tempDir } from '../lib/regeneration.ts';
import { fixtureDir, repoRoot } from '../lib/content.ts';

const draftContent = tempContent(fixtureDir('tables'));
const out = tempDir('builds');
const a = path.join(out.dir, 'a');
const b = path.join(out.dir, 'b');
const normal = path.join(out.dir, 'normal');
const quiet = () => {};
const page = (dir: string, url: string) => readFileSync(path.join(dir, url, 'index.html'), 'utf8');
const BANNER = 'Entwurf – nicht veröffentlicht.';

beforeAll(async () => {
  const r = runCommand('new-year', ['--from', '2030', '--to', '2031'], draftContent.dir);
  if (r.status !== 0) throw new Error(r.output);
  const env = { AMIP_CONTENT_DIR: draftContent.dir };
  await runBuild({ root: repoRoot, outDir: a, drafts: true, env, log: quiet });
  await runBuild({ root: repoRoot, outDir: b, drafts: true, env, log: quiet });
  // Only pages are looked at in this one: without search index, PDFs and link check.
  await runBuild({ root: repoRoot, outDir: normal, drafts: false, env, log: quiet, steps: [] });
}, 600_000);

afterAll(() => {
  draftContent.cleanup();
  out.cleanup();
});

describe('reproducible builds', () => {
  it('the same data gives byte-identical output, every file', () => {
    const first = hashTree(a);
    expect(first.size).toBeGreaterThan(50);
    expect(hashTree(b)).toEqual(first);
  });
});

describe('draft years', () => {
  it('`--drafts`: every page of 2031 carries the Entwurf banner, no page of 2030 does', () => {
    const pages2031 = readdirSync(path.join(a, '2031'), { recursive: true }).filter((f) => String(f).endsWith('index.html'));
    expect(pages2031.length).toBeGreaterThan(3);
    for (const f of pages2031) expect(readFileSync(path.join(a, '2031', String(f)), 'utf8')).toContain(BANNER);
    expect(page(a, '2031')).toMatch(/\d+ Tabellen und Angaben sind noch aus dem Vorjahr übernommen und nicht geprüft/);
    const pages2030 = readdirSync(path.join(a, '2030'), { recursive: true }).filter((f) => String(f).endsWith('index.html'));
    for (const f of pages2030) expect(readFileSync(path.join(a, '2030', String(f)), 'utf8')).not.toContain(BANNER);
  });

  it('`--drafts`: pages offer the same page in the other year, / still leads to the newest published year', () => {
    expect(page(a, '2030/zahlen')).toContain('<a href="/2031/zahlen/">2031 (Entwurf)</a>');
    expect(page(a, '2031/zahlen')).toContain('<a href="/2030/zahlen/">2030</a>');
    const home = page(a, '');
    expect(home).toMatch(/Aktuell: <a href="\/2030\/">/);
    expect(home).toMatch(/<a href="\/2031\/">[^<]*<\/a> \(Entwurf\)/);
  });

  it('`--drafts`: /2031/vergleich/ compares with 2030 table by table', () => {
    const html = page(a, '2031/vergleich');
    expect(html).toContain('<h1>Vergleich 2031 mit 2030</h1>');
    expect(html).toMatch(/Zeile für Zeile verglichen \(nach Instrument oder Bezeichnung\):\s*0 neu, 0 entfallen, 0 verändert, \d+ unverändert/);
  });

  it('the normal build leaves the draft out: no 2031 page, no link to 2031', () => {
    expect(existsSync(path.join(normal, '2031'))).toBe(false);
    const all = readdirSync(normal, { recursive: true }).filter((f) => String(f).endsWith('.html'));
    for (const f of all) expect(readFileSync(path.join(normal, String(f)), 'utf8')).not.toMatch(/href="\/2031\//);
    expect(page(normal, '')).toMatch(/Aktuell: <a href="\/2030\/">/);
  });
});

describe('a failed build leaves the previous output intact', () => {
  const bad = tempContent(fixtureDir('tables'));
  afterAll(bad.cleanup);
  const file = path.join(bad.dir, 'programmes/2030/chapters/02-zahlen.mdx');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original.replace('total: { label: Zusammen, people: 150 }', 'total: { label: Zusammen, people: 151 }'));
  const line = lineOf(original, 'total: { label: Zusammen, people: 150 }');

  const expectUntouched = (before: Map<string, string>) => {
    expect(hashTree(normal)).toEqual(before);
    expect(readdirSync(out.dir).filter((n) => n.startsWith('normal.'))).toEqual([]);
  };

  it('the data check stops a wrong total with file, line and field, and stops Astro before it finishes', async () => {
    const before = hashTree(normal);
    const phases: string[] = [];
    await expect(runBuild({ root: repoRoot, outDir: normal, env: { AMIP_CONTENT_DIR: bad.dir }, log: quiet, onPhase: (p) => phases.push(p.name) })).rejects.toThrow(
      `programmes/2030/chapters/02-zahlen.mdx:${line}  tables[zielgruppen].total.people  Tabelle „zielgruppen“, Spalte „Personen“: Summe angegeben 151, aus den Zeilen berechnet 150`,
    );
    expect(phases, 'Astro darf nicht zu Ende bauen').toEqual(['Datenprüfung']);
    expectUntouched(before);
  });

  it('without the data check, Astro itself refuses the wrong total, and the output stays as it was', async () => {
    const before = hashTree(normal);
    await expect(runBuild({ root: repoRoot, outDir: normal, env: { AMIP_CONTENT_DIR: bad.dir }, log: quiet, skipCheck: true })).rejects.toThrow(/astro build .*fehlgeschlagen[\s\S]*Summe angegeben 151/);
    expectUntouched(before);
  });

  it('`npm run build` exits non-zero with the reason and says that dist/ was not changed', () => {
    const r = runCommand('build', [], bad.dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Build abgebrochen: Die Inhalte enthalten Fehler');
    expect(r.stderr).toContain(`02-zahlen.mdx:${line}`);
    expect(r.stderr).toContain('dist/ wurde nicht verändert.');
  });
});
