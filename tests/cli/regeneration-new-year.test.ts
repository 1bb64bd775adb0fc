/**
 * `npm run new-year -- --from 2021 --to 2022`: the next year as a draft, last year's plan as its
 * "Ansatz", every table marked for review, the years in labels moved on, nothing overwritten.
 * Runs on in-memory content and on a temporary copy — a scaffolded 2022 is never real data.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatProblem, yearData } from '../../src/lib/check/index.ts';
import { dataTables } from '../../src/lib/export/index.ts';
import { scaffoldYear, ScaffoldError, shiftYears } from '../../scripts/lib/new-year.ts';
import { checkFiles, contentFiles, hashTree, runCommand, tempContent } from '../lib/regeneration.ts';

const files = contentFiles();
const content = checkFiles(files);
const y2021 = content.years.find((y) => y.year === 2021)!;
const scaffold = scaffoldYear(content, 2021, 2022);
const after = checkFiles([...files, ...scaffold]);
const y2022 = after.years.find((y) => y.year === 2022)!;
const frontmatter = (text: string) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;

describe('shiftYears', () => {
  it('moves the programme year and the year before it on, nothing else', () => {
    expect(shiftYears('Eintritte 2021', 2021, 2022)).toBe('Eintritte 2022');
    expect(shiftYears('im Vergleich zum Ansatz 2020', 2021, 2022)).toBe('im Vergleich zum Ansatz 2021');
    expect(shiftYears('seit 2019, § 16i, 20210', 2021, 2022)).toBe('seit 2019, § 16i, 20210');
  });
});

describe('scaffoldYear', () => {
  it('writes programme.yaml and one file per chapter of 2021, below programmes/2022/', () => {
    expect(scaffold.map((f) => f.path).sort()).toEqual(
      ['programmes/2022/programme.yaml', ...y2021.chapters.map((c) => c.file.file.path.replace('/2021/', '/2022/'))].sort(),
    );
  });

  it('gives a valid draft year: no errors, one review warning per table and for the key figures and the budget', () => {
    expect(after.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    const tables = y2021.chapters.reduce((n, c) => n + c.data.tables.length, 0);
    const warnings = after.problems.filter((p) => p.file.includes('programmes/2022/') && p.severity === 'warning');
    expect(warnings).toHaveLength(tables + 2);
    expect(warnings.every((p) => p.field.endsWith('review'))).toBe(true);
    expect(y2022.programme!.data.status).toBe('draft');
  });

  it("makes last year's planned entries this year's previous plan, and drops the printed percentages", () => {
    const k21 = y2021.programme!.data.keyFigures;
    const k22 = y2022.programme!.data.keyFigures;
    expect(k22.total.previousPlan).toBe(k21.total.entries);
    k21.groups.forEach((g, gi) => {
      expect(k22.groups[gi]!.previousPlan).toBe(g.entries);
      g.rows.forEach((r, ri) => expect(k22.groups[gi]!.rows[ri]!.previousPlan).toBe(r.entries));
    });
    const raw = scaffold.find((f) => f.path.endsWith('programme.yaml'))!.text;
    expect(raw).not.toContain('printedChange');
    expect(k22.review).toBe(true);
    expect(y2022.programme!.data.integrationBudget.review).toBe(true);
  });

  it('moves the years in titles, captions and column headers on', () => {
    const p = y2022.programme!.data;
    expect(p.year).toBe(2022);
    expect(p.title).toBe(y2021.programme!.data.title.replace('2021', '2022'));
    expect(p.keyFigures.columns).toEqual(y2021.programme!.data.keyFigures.columns.map((c) => shiftYears(c, 2021, 2022)));
    expect(p.keyFigures.columns.join()).toContain('Ansatz 2021');
    for (const c of y2022.chapters)
      for (const t of c.data.tables) {
        expect(t.review).toBe(true);
        expect(`${t.caption} ${t.columns.join(' ')}`).not.toMatch(/2021/);
      }
  });

  it("keeps the entries (to be reviewed), the body text and last year's file otherwise unchanged", () => {
    for (const c of y2021.chapters) {
      const copy = y2022.chapters.find((x) => x.data.slug === c.data.slug)!;
      c.data.tables.forEach((t, i) => expect(copy.data.tables[i]!.rows).toEqual(t.rows));
      expect(copy.file.body!.text).toBe(c.file.body!.text);
      const before = frontmatter(c.file.file.text);
      const now = frontmatter(copy.file.file.text);
      expect(Object.keys(now)).toEqual(Object.keys(before));
    }
  });

  it('exports the new year under its own file names', () => {
    const names = dataTables(yearData(after, 2022)).map((t) => t.file);
    expect(names).toContain('2022-kennzahlen');
    expect(names.every((n) => n.startsWith('2022-'))).toBe(true);
  });

  it('refuses an existing year, a year before the source and a source year that does not exist', () => {
    expect(() => scaffoldYear(after, 2021, 2022)).toThrow(ScaffoldError);
    expect(() => scaffoldYear(after, 2021, 2022)).toThrow(/gibt es schon/);
    expect(() => scaffoldYear(content, 2021, 2020)).toThrow(/nach 2021/);
    expect(() => scaffoldYear(content, 2019, 2020)).toThrow(/Kein Programmjahr 2019/);
  });
});

describe('the command on a temporary copy', { timeout: 60_000 }, () => {
  const tmp = tempContent();
  afterAll(tmp.cleanup);

  it('scaffolds 2022 as a draft that passes the check with review warnings', () => {
    const r = runCommand('new-year', ['--from', '2021', '--to', '2022'], tmp.dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Programmjahr 2022 als Entwurf angelegt');
    expect(existsSync(path.join(tmp.dir, 'programmes/2022/programme.yaml'))).toBe(true);
    const check = runCommand('check', [], tmp.dir);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/0 Fehler, \d+ Hinweise/);
    expect(check.stdout).toContain('Jahre 2021, 2022 (Entwurf)');
  });

  it('refuses to scaffold 2022 again and leaves the edited draft alone', () => {
    const file = path.join(tmp.dir, 'programmes/2022/programme.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('motto: ', 'motto: Neu – '));
    const before = hashTree(tmp.dir);
    const r = runCommand('new-year', ['--from', '2021', '--to', '2022'], tmp.dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('gibt es schon: es wird nichts überschrieben');
    expect(hashTree(tmp.dir)).toEqual(before);
  });

  it('an edited draft: the planner changes a number, the check tells what does not add up', () => {
    const file = path.join(tmp.dir, 'programmes/2022/chapters/06-integration.mdx');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('entries: 920', 'entries: 950'));
    const r = runCommand('check', [], tmp.dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/programmes\/2022\/chapters\/06-integration\.mdx:\d+ {2}tables\[instrumente\]\.total\.entries {2}Tabelle „instrumente“: Summe angegeben 3\.162, aus den Zeilen berechnet 3\.192/);
    writeFileSync(file, text);
  });
});
