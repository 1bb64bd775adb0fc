/**
 * `npm run new-year -- --from 2030 --to 2031` on the general-table fixture (tests/fixtures/tables):
 * the next year as a draft, every table and the budget marked for review, the years in labels
 * moved on, in tables with a computed change last year's figures as this year's previous ones,
 * nothing overwritten. Runs on in-memory content and on a temporary copy.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, yearData } from '../../src/lib/check/index.ts';
import { dataTables, toCsv } from '../../src/lib/export/index.ts';
import { planImport } from '../../src/lib/import/index.ts';
import { quantityOf } from '../../src/lib/schemas/table.ts';
import { scaffoldYear, ScaffoldError, shiftYears } from '../../scripts/lib/new-year.ts';
import { checkFiles, hashTree, runCommand, tempContent } from '../lib/regeneration.ts';
import { fixtureDir, fixtureFiles } from '../lib/content.ts';

const files = fixtureFiles('tables');
const content = checkFiles(files);
const y30 = content.years.find((y) => y.year === 2030)!;
const scaffold = scaffoldYear(content, 2030, 2031);
const after = checkFiles([...files, ...scaffold]);
const y31 = after.years.find((y) => y.year === 2031)!;
const table = (y: typeof y30, id: string) => y.chapters.flatMap((c) => c.data.tables).find((t) => t.id === id)!;

describe('shiftYears', () => {
  it('moves the programme year and the year before it on, nothing else', () => {
    expect(shiftYears('Eintritte 2030', 2030, 2031)).toBe('Eintritte 2031');
    expect(shiftYears('im Vergleich zum Ansatz 2029', 2030, 2031)).toBe('im Vergleich zum Ansatz 2030');
    expect(shiftYears('seit 2019, § 16i, 20300', 2030, 2031)).toBe('seit 2019, § 16i, 20300');
  });
});

describe('scaffoldYear', () => {
  it('writes programme.yaml and one file per chapter, below programmes/2031/', () => {
    expect(scaffold.map((f) => f.path).sort()).toEqual(['programmes/2031/programme.yaml', ...y30.chapters.map((c) => c.file.file.path.replace('/2030/', '/2031/'))].sort());
  });

  it('gives a valid draft year: no errors, one review warning per table and one for the budget', () => {
    expect(after.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    const tables = y30.chapters.reduce((n, c) => n + c.data.tables.length, 0);
    const warnings = after.problems.filter((p) => p.file.includes('programmes/2031/') && p.severity === 'warning');
    expect(warnings.map((p) => p.field)).toEqual(expect.arrayContaining(['integrationBudget.review']));
    expect(warnings).toHaveLength(tables + 1);
    expect(warnings.every((p) => p.field.endsWith('review'))).toBe(true);
    expect(y31.programme!.data.status).toBe('draft');
    expect(y31.programme!.data.integrationBudget!.review).toBe(true);
  });

  it("in a table with a computed change, last year's current figures become the previous ones and the printed changes go", () => {
    const k30 = table(y30, 'kennzahlen');
    const k31 = table(y31, 'kennzahlen');
    k30.rows.forEach((r, i) => {
      expect(quantityOf(k31.rows[i]!, 'previousPlan')).toEqual(quantityOf(r, 'entries'));
      expect(quantityOf(k31.rows[i]!, 'entries')).toEqual(quantityOf(r, 'entries'));
      expect(k31.rows[i]!.cells.change).toBeUndefined();
    });
    expect(quantityOf(k31.total!, 'previousPlan')!.max).toBe(410);
    const raw = scaffold.find((f) => f.path.endsWith('02-zahlen.mdx'))!.text;
    expect(raw).toContain('- { kind: group, number: I., label: Aktivierung, entries: 300, previousPlan: 300 }');
    expect(raw).toContain('total: { label: Insgesamt, entries: 410, previousPlan: 410 }');
  });

  it('moves the years in titles, captions and column headers on', () => {
    expect(y31.programme!.data.title).toBe('Testprogramm 2031');
    expect(table(y31, 'kennzahlen').columns.map((c) => c.header)).toEqual(['Zweckbestimmung', 'Eintritte 2031', 'Ansatz 2030', 'Vergleich']);
    expect(table(y31, 'kennzahlen').caption).toBe('Eintritte 2031 nach Zweckbestimmung im Vergleich zum Ansatz 2030');
    for (const c of y31.chapters)
      for (const t of c.data.tables) {
        expect(t.review).toBe(true);
        expect(`${t.caption} ${t.columns.map((col) => col.header).join(' ')}`).not.toMatch(/2029/);
      }
    expect(y31.chapters[0]!.data.title).toBe('Zahlen 2031');
  });

  it('keeps the other figures (to be reviewed), the body text and the layout of the file', () => {
    for (const c of y30.chapters) {
      const copy = y31.chapters.find((x) => x.data.slug === c.data.slug)!;
      c.data.tables.forEach((t, i) => {
        if (t.id !== 'kennzahlen') expect(copy.data.tables[i]!.rows).toEqual(t.rows);
      });
      expect(copy.file.body!.text).toBe(c.file.body!.text);
      // The front matter as the check parsed it: the same fields in the same order.
      expect(Object.keys(copy.file.doc.toJS())).toEqual(Object.keys(c.file.doc.toJS()));
      expect(copy.file.file.text).toContain(c.file.file.text.includes('# a comment') ? '# a comment that must survive every import' : '');
    }
  });

  it('exports the new year under its own file names, and its figures go in by import', () => {
    const t31 = dataTables(yearData(after, 2031));
    expect(t31.map((t) => t.file)).toEqual(dataTables(yearData(content, 2030)).map((t) => t.file.replace('2030-', '2031-')));
    const k = t31.find((t) => t.file === '2031-ii-zahlen-kennzahlen')!;
    const col = k.columns.indexOf('Eintritte 2031');
    const rows = k.rows.map((r) => (r[2] === 'Kurse' || r[2] === 'Weiterbildung' ? r.map((v, i) => (i === col ? (v as number) + 10 : v)) : r[0] === 'Summe' ? r.map((v, i) => (i === col ? 420 : v)) : r));
    const plan = planImport(after, 2031, [{ name: `${k.file}.csv`, bytes: new TextEncoder().encode(toCsv({ ...k, rows })) }]);
    expect(plan.changes).toHaveLength(3);
    expect(plan.files.map((f) => f.path)).toEqual(['programmes/2031/chapters/02-zahlen.mdx']);
  });

  it('refuses an existing year, a year before the source and a source year that does not exist', () => {
    expect(() => scaffoldYear(after, 2030, 2031)).toThrow(ScaffoldError);
    expect(() => scaffoldYear(after, 2030, 2031)).toThrow(/gibt es schon/);
    expect(() => scaffoldYear(content, 2030, 2029)).toThrow(/nach 2030/);
    expect(() => scaffoldYear(content, 2019, 2020)).toThrow(/Kein Programmjahr 2019/);
  });
});

describe('the command on a temporary copy', { timeout: 60_000 }, () => {
  const tmp = tempContent(fixtureDir('tables'));
  afterAll(tmp.cleanup);

  it('scaffolds 2031 as a draft that passes the check with review warnings, and never overwrites it', () => {
    const r = runCommand('new-year', ['--from', '2030', '--to', '2031'], tmp.dir);
    expect(r.stdout).toContain('Programmjahr 2031 als Entwurf angelegt');
    expect(r.status).toBe(0);
    expect(existsSync(path.join(tmp.dir, 'programmes/2031/programme.yaml'))).toBe(true);
    const file = path.join(tmp.dir, 'programmes/2031/programme.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: ', 'title: Neu – '));
    const before = hashTree(tmp.dir);
    const again = runCommand('new-year', ['--from', '2030', '--to', '2031'], tmp.dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('gibt es schon: es wird nichts überschrieben');
    expect(hashTree(tmp.dir)).toEqual(before);
  });
});
