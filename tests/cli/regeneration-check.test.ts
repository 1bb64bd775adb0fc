/**
 * `npm run check`: every problem at once, each with file, line, field, expected and found.
 * The cases run the pure check on in-memory copies of a fixture (tests/fixtures/tables) with one
 * thing broken; the live content is only checked to be free of errors; one case runs the command.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type Problem } from '../../src/lib/check/index.ts';
import { chapterComponentNames } from '../../src/lib/chapter-components.ts';
import { lineOf, replaceOnce, runCommand, tempContent, withFile } from '../lib/regeneration.ts';
import { fixtureDir, fixtureFiles, liveContentFiles } from '../lib/content.ts';

const files = fixtureFiles('tables');
const check = (f = files) => checkContent(f, { displayPrefix: 'src/content/' });
const errors = (ps: Problem[]) => ps.filter((p) => p.severity === 'error');
const ZAHLEN = 'programmes/2030/chapters/02-zahlen.mdx';
const PROGRAMME = 'programmes/2030/programme.yaml';
const textOf = (file: string) => files.find((f) => f.path === file)!.text;

describe('npm run check on the live content and on the fixture', () => {
  it('finds no error in the live content, whatever years it has', () => {
    const result = checkContent(liveContentFiles(), { displayPrefix: 'src/content/' });
    expect(errors(result.problems).map(formatProblem)).toEqual([]);
    expect(result.years.length).toBeGreaterThan(0);
    expect(result.publisher?.name).toBeTruthy();
  });
  it('finds no error in the fixture and reads its year, chapters and registries', () => {
    const result = check();
    expect(errors(result.problems).map(formatProblem)).toEqual([]);
    expect(result.years.map((y) => y.year)).toEqual([2030]);
    expect(result.years[0]!.chapters.map((c) => c.data.slug)).toEqual(['zahlen', 'anhang']);
    expect(result.instruments.size).toBe(5);
  });
  it('accepts exactly the components of the one registry', () => {
    const body = chapterComponentNames.map((n) => (n === 'Randnotiz' ? '<Randnotiz>x</Randnotiz>' : '')).join('\n');
    expect(body).toContain('Randnotiz');
    const broken = withFile(files, ZAHLEN, replaceOnce('<Tabelle id="eintritte" />', '<Tabelle id="eintritte" />\n\n<Kennzahlen />'));
    const [p] = errors(check(broken).problems);
    expect(p!.message).toBe(`unbekannte Komponente <Kennzahlen>: erwartet eine von ${chapterComponentNames.map((n) => `<${n}>`).join(', ')}`);
  });
});

describe('npm run check reports each problem with file, line, field, expected and found', () => {
  it('a wrong total: the line of the total, declared and computed value', () => {
    const broken = withFile(files, ZAHLEN, replaceOnce('total: { label: Zusammen, people: 150 }', 'total: { label: Zusammen, people: 151 }'));
    const [p, ...rest] = errors(check(broken).problems);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      file: `src/content/${ZAHLEN}`,
      line: lineOf(textOf(ZAHLEN), 'total: { label: Zusammen, people: 150 }'),
      field: 'tables[zielgruppen].total.people',
    });
    expect(p!.message).toBe('Tabelle „zielgruppen“, Spalte „Personen“: Summe angegeben 151, aus den Zeilen berechnet 150');
  });

  it('a wrong total of euros with cents', () => {
    const broken = withFile(files, ZAHLEN, replaceOnce('total: { label: Insgesamt, amount: 3000, share: 100 }', 'total: { label: Insgesamt, amount: 3000.01, share: 100 }'));
    const [p] = errors(check(broken).problems);
    expect(p!.message).toBe('Tabelle „mittel“, Spalte „Mittel in €“: Summe angegeben 3.000,01\u00a0€, aus den Zeilen berechnet 3.000\u00a0€');
  });

  it('shares that do not add up to 100', () => {
    const broken = withFile(files, ZAHLEN, replaceOnce('share: 33.3,', 'share: 33.4,'));
    const messages = errors(check(broken).problems).map((p) => p.message);
    expect(messages).toContain('Tabelle „mittel“, Spalte „Anteil in %“: Anteile ergeben zusammen 100,1\u00a0%, erwartet 100 %');
  });

  it('a group whose rows do not add up, and a "darunter" row larger than its row', () => {
    let broken = withFile(files, ZAHLEN, replaceOnce('{ label: Kurse, entries: 60, previousPlan: 50, change: 20 }', '{ label: Kurse, entries: 61, previousPlan: 50, change: 22 }'));
    broken = withFile(broken, ZAHLEN, replaceOnce('label: darunter Beta, instrument: beta, entries: 30,', 'label: darunter Beta, instrument: beta, entries: 301,'));
    const messages = errors(check(broken).problems).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Tabelle „kennzahlen“, Gruppe „II. Weiterbildung“, Spalte „Eintritte 2030“: angegeben 110, aus den Zeilen der Gruppe berechnet 111',
        expect.stringContaining('„darunter“-Zeile „darunter Beta“ ist größer als „Aktivierung“'),
      ]),
    );
  });

  it('an unknown instrument: the row, the id, and the closest known id', () => {
    const broken = withFile(files, ZAHLEN, replaceOnce('{ instrument: alpha, label: Alpha-Maßnahme', '{ instrument: alpah, label: Alpha-Maßnahme'));
    const [p] = errors(check(broken).problems);
    expect(p).toMatchObject({ line: lineOf(textOf(ZAHLEN), 'instrument: alpha, label: Alpha-Maßnahme'), field: 'tables[eintritte].rows[alpah].instrument' });
    expect(p!.message).toMatch(/unbekannte Instrument-Kennung „alpah“.*meinten Sie „alpha“/);
  });

  it('text in a number field: expected a whole number, found the text', () => {
    const broken = withFile(files, ZAHLEN, replaceOnce('people: 150 }', 'people: "1.500" }'));
    const [p] = errors(check(broken).problems);
    expect(p).toMatchObject({ file: `src/content/${ZAHLEN}`, line: lineOf(textOf(ZAHLEN), 'people: 150 }'), field: 'tables[zielgruppen].total.people' });
    expect(p!.message).toContain('erwartet eine Zahl');
    expect(p!.message).toContain('1.500');
  });

  it('a printed percentage that does not match the computed one', () => {
    const broken = withFile(files, ZAHLEN, replaceOnce('entries: 110, previousPlan: 100, change: 10 }', 'entries: 110, previousPlan: 100, change: 11 }'));
    const [p] = errors(check(broken).problems);
    expect(p!.line).toBe(lineOf(textOf(ZAHLEN), 'entries: 110, previousPlan: 100, change: 10 }'));
    expect(p!.message).toMatch(/Zeile „Weiterbildung“, Spalte „Vergleich“: gedruckt \+11\s%, berechnet \+10\s%/);
  });

  it('a misspelt field name, an unknown target group and an unknown <Tabelle id>', () => {
    let broken = withFile(files, ZAHLEN, replaceOnce('    caption: Mittel 2030', '    captoin: Mittel 2030'));
    broken = withFile(broken, ZAHLEN, replaceOnce('targetGroup: junge-menschen', 'targetGroup: junge-mensch'));
    broken = withFile(broken, ZAHLEN, replaceOnce('<Tabelle id="kennzahlen" />', '<Tabelle id="kennzahlne" />'));
    const ps = errors(check(broken).problems);
    const text = textOf(ZAHLEN);
    expect(ps.map((p) => [p.line, p.field])).toEqual(
      expect.arrayContaining([
        [lineOf(text, 'caption: Mittel 2030'), 'tables[mittel].captoin'],
        [lineOf(text, 'targetGroup: junge-menschen'), expect.stringContaining('targetGroup')],
        [lineOf(text, '<Tabelle id="kennzahlen" />'), '<Tabelle id="kennzahlne">'],
      ]),
    );
    expect(ps.find((p) => p.field.endsWith('captoin'))!.message).toContain('„captoin“');
    expect(ps.find((p) => p.field === '<Tabelle id="kennzahlne">')!.message).toContain('erwartet eine Tabellen-Kennung aus dem Kopf der Datei (eintritte, mittel, kennzahlen, zielgruppen)');
  });

  it('an unknown component, an unclosed margin note, and a doubled chapter slug and order', () => {
    let broken = withFile(files, ZAHLEN, replaceOnce('<Tabelle id="eintritte" />', '<Tabelle id="eintritte" />\n\n<Diagram />'));
    broken = withFile(broken, 'programmes/2030/chapters/03-anhang.mdx', (t) => t.replace('slug: anhang', 'slug: zahlen').replace('order: 2', 'order: 1'));
    const ps = errors(check(broken).problems).map(formatProblem);
    expect(ps.some((p) => p.includes('unbekannte Komponente <Diagram>'))).toBe(true);
    expect(ps.some((p) => /03-anhang\.mdx:\d+ {2}slug {2}slug „zahlen“ ist schon vergeben/.test(p))).toBe(true);
    expect(ps.some((p) => /03-anhang\.mdx:\d+ {2}order {2}order 1 hat schon/.test(p))).toBe(true);
    const unclosed = withFile(files, ZAHLEN, replaceOnce('Erfundener Text eines Testprogramms.', '<Randnotiz>Notiz ohne Ende\n\nErfundener Text eines Testprogramms.'));
    const [p] = errors(check(unclosed).problems);
    expect(p).toMatchObject({ file: `src/content/${ZAHLEN}`, line: lineOf(textOf(ZAHLEN), 'Erfundener Text eines Testprogramms.') });
    expect(p!.message).toContain('<Randnotiz> wird nicht geschlossen');
  });

  it('YAML syntax errors, with their line', () => {
    const broken = withFile(files, 'target-groups.yaml', (t) => `${t}\nkaputt: [nicht geschlossen\n`);
    const [p] = errors(check(broken).problems);
    expect(p!.file).toBe('src/content/target-groups.yaml');
    expect(p!.message).toContain('YAML-Syntaxfehler');
    expect(p!.line).toBeGreaterThan(1);
  });

  it('a doubled id in a registry, with the line of the second one', () => {
    const broken = withFile(files, 'target-groups.yaml', (t) => `${t}\nalleinerziehende:\n  name: Doppelt\n`);
    const [p] = errors(check(broken).problems);
    expect(p!.file).toBe('src/content/target-groups.yaml');
    expect(p!.message).toMatch(/YAML-Syntaxfehler: doppelter Schlüssel/);
    expect(p!.line).toBe(broken.find((f) => f.path === 'target-groups.yaml')!.text.split('\n').lastIndexOf('alleinerziehende:') + 1);
  });

  it('lists all problems of all files at once, sorted by file and line', () => {
    let broken = withFile(files, ZAHLEN, replaceOnce('people: 150 }', 'people: 151 }'));
    broken = withFile(broken, 'programmes/2030/chapters/03-anhang.mdx', (t) => t.replace('order: 2', 'order: zwei'));
    broken = withFile(broken, PROGRAMME, replaceOnce('title: Testprogramm 2030', 'titel: Testprogramm 2030'));
    broken = withFile(broken, 'instruments.yaml', replaceOnce('  name: Beta-Kurs\n', '  name: Beta-Kurs\n  nmae: Beta\n'));
    const ps = errors(check(broken).problems);
    expect(ps.map(formatProblem)).toHaveLength(5);
    const keys = ps.map((p) => `${p.file}:${String(p.line).padStart(4, '0')}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('a figure marked for review: a warning in a draft, an error in a published year', () => {
    const marked = withFile(files, ZAHLEN, replaceOnce('    preset: instruments\n', '    preset: instruments\n    review: true\n'));
    const published = check(marked).problems.filter((p) => p.field === 'tables[eintritte].review');
    expect(published.map((p) => p.severity)).toEqual(['error']);
    const draft = withFile(marked, PROGRAMME, replaceOnce('status: published', 'status: draft'));
    const inDraft = check(draft).problems.filter((p) => p.field === 'tables[eintritte].review');
    expect(inDraft.map((p) => p.severity)).toEqual(['warning']);
  });

  it('no e-mail address for barrier reports: a published site needs one (BGG § 12b)', () => {
    const broken = withFile(files, 'settings.yaml', (t) => t.replace(/^    feedbackEmail: .*\n/m, ''));
    const [p, ...rest] = errors(check(broken).problems);
    expect(rest).toEqual([]);
    expect(p!.field).toBe('publisher.accessibility.feedbackEmail');
    expect(formatProblem(p!)).toMatch(/settings\.yaml:\d+ .*feedbackEmail.*erwartet/);
  });

  it('a placeholder e-mail address (reserved domain) is a hint, a real one is not', () => {
    const withAddress = (email: string) => check(withFile(files, 'settings.yaml', (t) => t.replace(/^(    feedbackEmail: ).*$/m, `$1${email}`))).problems;
    const hint = withAddress('barrierefreiheit@amt.example').filter((p) => p.field === 'publisher.accessibility.feedbackEmail');
    expect(hint.map((p) => p.severity)).toEqual(['warning']);
    expect(hint[0]!.message).toMatch(/^Platzhalter „barrierefreiheit@amt\.example“: vor der Veröffentlichung/);
    expect(withAddress('barrierefreiheit@jobcenter-musterstadt.de').filter((p) => p.field === 'publisher.accessibility.feedbackEmail')).toEqual([]);
  });

  it('a sign-language video from another host is refused (no third-party player or server)', () => {
    const video = '{ video: https://videos.example.com/a.webm, captions: /gebaerdensprache/a.vtt, transcript: /gebaerdensprache/a.txt }';
    const broken = withFile(files, 'settings.yaml', replaceOnce('signLanguage: {}', `signLanguage: { contents: ${video} }`));
    const [p] = errors(check(broken).problems);
    expect(p!.field).toBe('publisher.accessibility.signLanguage.contents.video');
    expect(p!.message).toMatch(/erwartet eine Datei in public\/.*gefunden: „videos\.example\.com“/);
  });

  it('dates of the statement in the wrong form', () => {
    const broken = withFile(files, 'settings.yaml', replaceOnce('reviewed: "2030-06-01"', 'reviewed: "1.6.2030"'));
    const [p] = errors(check(broken).problems);
    expect(p!.field).toBe('publisher.accessibility.reviewed');
    expect(p!.message).toContain('erwartet ein Datum wie „2026-12-01“, gefunden: "1.6.2030"');
  });

  it('Leichte Sprache: an unknown placeholder with its line, a wrong § 4 item', () => {
    const file = 'leichte-sprache/01-inhalt.md';
    const broken = withFile(files, file, (t) => t.replace('Das Programm hat {kapitel} Kapitel.', 'Das Programm hat {kaptel} Kapitel.').replace('item: contents', 'item: inhalt'));
    const found = errors(check(broken).problems).filter((p) => p.file === `src/content/${file}`);
    expect(found.map((p) => p.field)).toEqual(['item', '{kaptel}']);
    expect(found[1]!.line).toBe(lineOf(textOf(file), 'Das Programm hat {kapitel} Kapitel.'));
    expect(found[1]!.message).toMatch(/^unbekannter Platzhalter: erwartet einen von \{jahr\}, .*gefunden: „\{kaptel\}“$/);
  });

  it('publisher colours with too little contrast', () => {
    const broken = withFile(files, 'settings.yaml', replaceOnce('  city: Teststadt\n', '  city: Teststadt\n  colors:\n    light: { accent: "#1d70b8", link: "#9bb5d6", linkVisited: "#4c2c92" }\n    dark: { accent: "#8cc4ff", link: "#8cc4ff", linkVisited: "#d2b8ff" }\n'));
    const [p] = errors(check(broken).problems);
    expect(p!.field).toBe('publisher.colors.light.link');
    expect(p!.message).toMatch(/mindestens 4,5:1.*gefunden: \d,\d+:1/);
  });
});

describe('the command', { timeout: 60_000 }, () => {
  const tmp = tempContent(fixtureDir('tables'));
  afterAll(tmp.cleanup);

  it('exits 0 on good content (a hint, such as the placeholder address of the fixture, is no error)', () => {
    const r = runCommand('check', [], fixtureDir('tables'));
    expect(r.output).toMatch(/^0 Fehler, 1 Hinweis\.$/m);
    expect(r.status).toBe(0);
  });

  it('exits 1 and prints `file:line  field  message` lines for broken content', () => {
    const file = path.join(tmp.dir, ZAHLEN);
    writeFileSync(file, textOf(ZAHLEN).replace('people: 150 }', 'people: 151 }'));
    const r = runCommand('check', [], tmp.dir);
    expect(r.status).toBe(1);
    const line = lineOf(textOf(ZAHLEN), 'people: 150 }');
    expect(r.stdout).toContain(`${tmp.dir}/${ZAHLEN}:${line}  tables[zielgruppen].total.people  Tabelle „zielgruppen“, Spalte „Personen“: Summe angegeben 151, aus den Zeilen berechnet 150`);
    expect(r.stdout).toMatch(/1 Fehler/);
  });
});
