import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/index.ts';

const registries = [
  { path: 'instruments.yaml', text: 'esg:\n  name: Einstiegsgeld\n  description: Ein Zuschuss.\n' },
  { path: 'glossary.yaml', text: '[]\n' },
  { path: 'target-groups.yaml', text: '{}\n' },
  { path: 'legal-bases.yaml', text: '{}\n' },
];
const programme = (status: string, budget = '') => ({ path: 'programmes/2030/programme.yaml', text: `year: 2030\nstatus: ${status}\ntitle: Testprogramm 2030\n${budget}` });
const summary = (value: number) => ({
  path: 'programmes/2030/chapters/01-kennzahlen.mdx',
  text: `---\nnumber: "1."\ntitle: Kennzahlen\nslug: kennzahlen\norder: 1\ntables:\n  - id: kennzahlen\n    caption: K\n    columns: [{ header: Art }, { key: entries, header: Eintritte, type: count }]\n    rows:\n      - { label: Einstiegsgeld, instrument: esg, entries: ${value} }\n---\n\n<Tabelle id="kennzahlen" />\n`,
});
const detail = (body = '') => ({
  path: 'programmes/2030/chapters/02-integration.mdx',
  text: `---\nnumber: "2."\ntitle: Integration\nslug: integration\norder: 2\ntables:\n  - id: instrumente\n    caption: I\n    preset: instruments\n    columns: [Instrument, Eintritte, Funktion]\n    rows:\n      - { instrument: esg, label: Einstiegsgeld (ESG), entries: 1000, function: f, equals: kennzahlen }\n---\n\n<Tabelle id="instrumente" />\n${body}`,
});
const problemsOf = (files: { path: string; text: string }[]) => checkContent([...registries, ...files]).problems.filter((p) => p.file.startsWith('programmes/'));

describe('figures that must agree', () => {
  it('a row with `equals` that disagrees with the other table is an error in a published year, naming both numbers', () => {
    const [problem, ...rest] = problemsOf([programme('published'), summary(1100), detail()]);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', file: 'programmes/2030/chapters/02-integration.mdx', line: 12 });
    expect(problem!.message).toContain('1.000');
    expect(problem!.message).toContain('1.100');
  });

  it('the same disagreement is a warning in a draft', () => {
    expect(problemsOf([programme('draft'), summary(1100), detail()]).map((p) => p.severity)).toEqual(['warning']);
  });

  it('agreeing figures pass; an unknown table id is named', () => {
    expect(problemsOf([programme('published'), summary(1000), detail()])).toEqual([]);
    const [problem] = problemsOf([programme('published'), detail()]);
    expect(problem!.message).toContain('keine Tabelle „kennzahlen“');
  });
});

describe('<Betrag />: the budget placed in the text from the data', () => {
  it('is refused in a year without a budget', () => {
    const problems = problemsOf([programme('published'), summary(1000), detail('\nMit <Betrag /> im Jahr.\n')]);
    expect(problems.map((p) => p.message).join()).toContain('integrationBudget');
  });
  it('is accepted with a budget', () => {
    expect(problemsOf([programme('published', 'integrationBudget: { euros: 47560000, approximate: true }\n'), summary(1000), detail('\nMit <Betrag /> im Jahr.\n')])).toEqual([]);
  });
});

describe('chapter addresses', () => {
  it('the list of year pages a chapter cannot take is the folder of year pages', async () => {
    const { readdirSync } = await import('node:fs');
    const { yearPageSlugs } = await import('../../src/lib/navigation.ts');
    const pages = readdirSync(new URL('../../src/pages/[year]/', import.meta.url))
      .map((f) => f.replace(/\.astro$/, ''))
      .filter((f) => f !== 'index' && !f.startsWith('['));
    expect([...yearPageSlugs].sort()).toEqual(pages.sort());
  });

  it('a chapter with the slug of a year page is refused', () => {
    const chapter = { path: 'programmes/2030/chapters/01-daten.mdx', text: '---\ntitle: Daten\nslug: daten\norder: 1\n---\n\nText.\n' };
    const problems = problemsOf([programme('published'), chapter]);
    expect(problems.map((p) => `${p.line} ${p.message}`)).toEqual([expect.stringContaining('3 „daten“ ist die Adresse einer Seite jedes Jahres')]);
  });
});
