/**
 * `npm run check`: every problem at once, each with file, line, field, expected and found.
 * Most cases run the pure check on in-memory copies of the real content with one thing broken;
 * one case runs the command itself on a temporary copy.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type Problem } from '../../src/lib/check/index.ts';
import { chapterComponents } from '../../scripts/lib/content-files.ts';
import { contentFiles, lineOf, replaceOnce, root, runCommand, tempContent, withFile } from './regeneration-helpers.ts';

const files = contentFiles();
const components = chapterComponents(root);
const check = (f = files) => checkContent(f, { displayPrefix: 'src/content/', components });
const errors = (ps: Problem[]) => ps.filter((p) => p.severity === 'error');
const INTEGRATION = 'programmes/2021/chapters/06-integration.mdx';
const PROGRAMME = 'programmes/2021/programme.yaml';
const textOf = (file: string) => files.find((f) => f.path === file)!.text;

describe('npm run check on the real content', () => {
  const result = check();
  it('finds no error', () => {
    expect(errors(result.problems).map(formatProblem)).toEqual([]);
  });
  it('reads every year, chapter and registry', () => {
    expect(result.years.map((y) => y.year)).toContain(2021);
    expect(result.years.find((y) => y.year === 2021)!.chapters.length).toBeGreaterThan(10);
    expect(result.instruments.size).toBeGreaterThan(20);
    expect(result.publisher?.name).toBeTruthy();
  });
  it('knows the components chapter bodies use', () => {
    expect(components).toEqual(expect.arrayContaining(['Randnotiz', 'Tabelle', 'Kennzahlen', 'Schaubild']));
  });
});

describe('npm run check reports each problem with file, line, field, expected and found', () => {
  it('a wrong total: the line of the total, declared and computed value', () => {
    const broken = withFile(files, INTEGRATION, replaceOnce('total: { label: Summe, entries: 3162 }', 'total: { label: Summe, entries: 3163 }'));
    const [p, ...rest] = errors(check(broken).problems);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      file: `src/content/${INTEGRATION}`,
      line: lineOf(textOf(INTEGRATION), 'total: { label: Summe, entries: 3162 }'),
      field: 'tables[instrumente].total.entries',
    });
    expect(p!.message).toContain('3.163');
    expect(p!.message).toContain('3.162');
  });

  it('an unknown instrument: the row, the id, and the closest known id', () => {
    const broken = withFile(files, INTEGRATION, replaceOnce('instrument: talentcenter', 'instrument: talentcentre'));
    const [p] = errors(check(broken).problems);
    expect(p).toMatchObject({ line: lineOf(textOf(INTEGRATION), 'instrument: talentcenter'), field: 'tables[instrumente].rows[talentcentre].instrument' });
    expect(p!.message).toMatch(/unbekannte Instrument-Kennung „talentcentre“.*meinten Sie „talentcenter“/);
  });

  it('text in a number field: expected a whole number, found the text', () => {
    const broken = withFile(files, PROGRAMME, replaceOnce('entries: 11797', 'entries: "11.797"'));
    const [p] = errors(check(broken).problems);
    expect(p).toMatchObject({ file: `src/content/${PROGRAMME}`, line: lineOf(textOf(PROGRAMME), 'entries: 11797'), field: 'keyFigures.total.entries' });
    expect(p!.message).toContain('erwartet eine ganze Zahl');
    expect(p!.message).toContain('"11.797"');
  });

  it('a printed percentage that does not match the computed one', () => {
    const broken = withFile(files, PROGRAMME, replaceOnce('printedChange: -27', 'printedChange: -26'));
    const [p] = errors(check(broken).problems);
    expect(p!.field).toBe('keyFigures.groups[IV.].printedChange');
    expect(p!.line).toBe(lineOf(textOf(PROGRAMME), 'printedChange: -27'));
    expect(p!.message).toMatch(/gedruckt -26\s%, berechnet -27\s%/);
  });

  it('a misspelt field name, an unknown target group and an unknown <Tabelle id>', () => {
    let broken = withFile(files, INTEGRATION, replaceOnce('    caption: Geplante', '    captoin: Geplante'));
    broken = withFile(broken, INTEGRATION, replaceOnce('targetGroups: [marktnahe-kunden]', 'targetGroups: [marktferne-kunden]'));
    broken = withFile(broken, INTEGRATION, replaceOnce('<Tabelle id="instrumente" />', '<Tabelle id="instrumnte" />'));
    const ps = errors(check(broken).problems);
    const text = textOf(INTEGRATION);
    expect(ps.map((p) => [p.line, p.field])).toEqual(
      expect.arrayContaining([
        [lineOf(text, 'caption: Geplante'), 'tables[instrumente].captoin'],
        [lineOf(text, 'targetGroups:'), 'targetGroups[0]'],
        [lineOf(text, '<Tabelle id="instrumente" />'), '<Tabelle id="instrumnte">'],
      ]),
    );
    expect(ps.find((p) => p.field.endsWith('captoin'))!.message).toContain('unbekanntes Feld „captoin“');
    expect(ps.find((p) => p.field === '<Tabelle id="instrumnte">')!.message).toContain('erwartet eine Tabellen-Kennung aus dem Kopf der Datei (instrumente)');
  });

  it('an unknown component and a doubled chapter slug and order', () => {
    let broken = withFile(files, INTEGRATION, replaceOnce('<Tabelle id="instrumente" />', '<Tabelle id="instrumente" />\n\n<Diagram />'));
    broken = withFile(broken, 'programmes/2021/chapters/07-qualifizierung.mdx', (t) => t.replace('slug: qualifizierung', 'slug: integration').replace('order: 7', 'order: 6'));
    const ps = errors(check(broken).problems).map(formatProblem);
    expect(ps.some((p) => p.includes('unbekannte Komponente <Diagram>'))).toBe(true);
    expect(ps.some((p) => /07-qualifizierung\.mdx:\d+ {2}slug {2}slug „integration“ ist schon vergeben/.test(p))).toBe(true);
    expect(ps.some((p) => /07-qualifizierung\.mdx:\d+ {2}order {2}order 6 hat schon/.test(p))).toBe(true);
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
    let broken = withFile(files, INTEGRATION, replaceOnce('entries: 3162', 'entries: 3163'));
    broken = withFile(broken, INTEGRATION, replaceOnce('instrument: talentcenter', 'instrument: talentcentre'));
    broken = withFile(broken, PROGRAMME, replaceOnce('printedChange: -27', 'printedChange: -26'));
    broken = withFile(broken, 'instruments.yaml', replaceOnce('  abbreviation: ESG\n', '  abbreviation: ESG\n  abbrevation: ESG\n'));
    const ps = errors(check(broken).problems);
    expect(ps).toHaveLength(4);
    const keys = ps.map((p) => `${p.file}:${String(p.line).padStart(4, '0')}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('a figure marked for review: a warning in a draft, an error in a published year', () => {
    const marked = withFile(files, INTEGRATION, replaceOnce('    kind: instruments\n', '    kind: instruments\n    review: true\n'));
    const published = check(marked).problems.filter((p) => p.field === 'tables[instrumente].review');
    expect(published.map((p) => p.severity)).toEqual(['error']);
    const draft = withFile(marked, PROGRAMME, replaceOnce('status: published', 'status: draft'));
    const inDraft = check(draft).problems.filter((p) => p.field === 'tables[instrumente].review');
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
    const broken = withFile(files, 'settings.yaml', replaceOnce('reviewed: "2026-12-01"', 'reviewed: "1.12.2026"'));
    const [p] = errors(check(broken).problems);
    expect(p!.field).toBe('publisher.accessibility.reviewed');
    expect(p!.message).toContain('erwartet ein Datum wie „2026-12-01“, gefunden: "1.12.2026"');
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
    const broken = withFile(files, 'settings.yaml', replaceOnce('link: "#1d4f91"', 'link: "#9bb5d6"'));
    const [p] = errors(check(broken).problems);
    expect(p!.field).toBe('publisher.colors.light.link');
    expect(p!.message).toMatch(/mindestens 4,5:1.*gefunden: \d,\d+:1/);
  });
});

describe('the command', { timeout: 60_000 }, () => {
  const tmp = tempContent();
  afterAll(tmp.cleanup);

  it('exits 0 on the real content, fast', () => {
    const started = performance.now();
    const r = runCommand('check', [], path.join(root, 'src/content'));
    // Hints (such as a placeholder address) are allowed; errors are not.
    expect(r.output).toMatch(/Keine Probleme gefunden|^0 Fehler, /m);
    expect(r.status).toBe(0);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('exits 1 and prints `file:line  field  message` lines for broken content', () => {
    const file = path.join(tmp.dir, INTEGRATION);
    writeFileSync(file, textOf(INTEGRATION).replace('entries: 3162', 'entries: 3163'));
    const r = runCommand('check', [], tmp.dir);
    expect(r.status).toBe(1);
    const line = lineOf(textOf(INTEGRATION), 'entries: 3162');
    expect(r.stdout).toContain(`${tmp.dir}/${INTEGRATION}:${line}  tables[instrumente].total.entries  Tabelle „instrumente“: Summe angegeben 3.163, aus den Zeilen berechnet 3.162`);
    expect(r.stdout).toMatch(/1 Fehler/);
  });
});
