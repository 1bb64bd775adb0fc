import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/index.ts';

const chapter = (value: string) => ({
  path: 'programmes/2030/chapters/01-a.mdx',
  text: `---\nnumber: "1."\ntitle: A\nslug: a\norder: 1\ntables:\n  - id: t\n    caption: T\n    preset: instruments\n    columns: [Instrument, Eintritte, Funktion]\n    rows:\n      - { label: X, entries: ${value}, function: f }\n---\n\n<Tabelle id="t" />\n`,
});
const programme = { path: 'programmes/2030/programme.yaml', text: 'year: 2030\ntitle: Testprogramm 2030\n' };

const errorsOf = (value: string) => checkContent([programme, chapter(value)]).problems.filter((p) => p.severity === 'error' && p.file.startsWith('programmes/'));

describe('numbers that YAML would read differently from what the planner meant', () => {
  it('refuses 3.000 (read as 3) with the line and the unambiguous notation', () => {
    const [problem, ...rest] = errorsOf('3.000');
    expect(rest).toEqual([]);
    expect(problem?.file).toBe('programmes/2030/chapters/01-a.mdx');
    expect(problem?.line).toBe(12);
    expect(problem?.message).toContain('„3.000“ ist mehrdeutig');
    expect(problem?.message).toContain('3000');
  });

  it('refuses 1.100 (read as 1,1)', () => {
    expect(errorsOf('1.100').map((p) => p.message).join()).toContain('1100');
  });

  it('accepts 3000 and a decimal that is not three places', () => {
    expect(errorsOf('3000')).toEqual([]);
  });
});

describe('amounts in euros', () => {
  const budget = (euros: string) =>
    checkContent([{ path: 'programmes/2030/programme.yaml', text: `year: 2030\ntitle: Testprogramm 2030\nintegrationBudget: { euros: ${euros} }\n` }]).problems.filter(
      (p) => p.severity === 'error' && p.file.startsWith('programmes/'),
    );

  it('refuses a budget written in millions, naming what would be printed', () => {
    const [problem] = budget('47.56');
    expect(problem?.line).toBe(3);
    expect(problem?.message).toContain('erwartet den Betrag in Euro');
    expect(problem?.message).toContain('0,00');
  });

  it('refuses fractions of a cent', () => {
    expect(budget('47560000.123').map((p) => p.message).join()).toContain('höchstens zwei Nachkommastellen');
  });

  it('accepts whole euros', () => {
    expect(budget('47560000')).toEqual([]);
  });
});

describe('YAML mistakes: one root cause, one German message', () => {
  const yamlProblems = (text: string) => checkContent([{ path: 'programmes/2030/programme.yaml', text }]).problems.filter((p) => p.file.startsWith('programmes/') && p.severity === 'error');

  it('tab indentation gives one message, in German, with its line', () => {
    const problems = yamlProblems('year: 2030\ntitle: Testprogramm 2030\nintegrationBudget:\n\teuros: 1000000\n\tapproximate: true\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4, field: '(YAML)' });
    expect(problems[0]!.message).toBe('YAML-Syntaxfehler: Tabulator als Einrückung: erwartet Leerzeichen (zwei je Ebene)');
  });

  it('an unclosed bracket: one message without the parser\'s English', () => {
    const problems = yamlProblems('year: 2030\ntitle: Testprogramm 2030\nintegrationBudget: { euros: 1000000\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('YAML-Syntaxfehler: eine Klammer wird nicht geschlossen: erwartet „}“ am Ende der Zeile mit „{“');
    expect(problems[0]!.message).not.toMatch(/\b(expected|flow|mapping|collection|Nested)\b/i);
  });
});
