/**
 * The schemas: every content folder validates (the live src/content, whatever years it holds,
 * and the fixtures), and broken data in the general table model is refused with a German
 * message that names table, column, row, expected and found.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { chapterSchema } from '../../src/lib/schemas/chapter.ts';
import { programmeSchema } from '../../src/lib/schemas/programme.ts';
import { tableSchema } from '../../src/lib/schemas/table.ts';
import { glossaryEntrySchema, instrumentSchema, legalBasisSchema, publisherSchema, targetGroupSchema } from '../../src/lib/schemas/registries.ts';
import { plainRefs } from '../../src/lib/schemas/ref.ts';
import { referenceProblems } from '../../src/lib/references.ts';
import { contentDir, contentFolder, duesseldorfDir, landkreisDir, readMdx } from '../lib/content.ts';

const refs = plainRefs();
const chapter = chapterSchema(refs);

/** All messages of a failed parse, with their paths. */
function problems(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe.each([
  ['the live content (src/content)', contentDir],
  ['the fixture Landkreis Musterstadt', landkreisDir],
  ['the fixture Düsseldorf 2021', duesseldorfDir],
])('%s', (_name, dir) => {
  const c = contentFolder(dir);
  const asMap = (file: string) => (c.readYaml(file) ?? {}) as Record<string, unknown>;
  const years = c.years();

  it('has at least one programme year, each with chapters', () => {
    expect(years.length).toBeGreaterThan(0);
    for (const y of years) expect(c.chapterFiles(y).length, y).toBeGreaterThan(0);
  });

  it('every programme is valid', () => {
    for (const y of years) expect(problems(programmeSchema, c.readYaml(`programmes/${y}/programme.yaml`)), y).toEqual([]);
  });

  it('every chapter is valid', () => {
    for (const file of years.flatMap(c.chapterFiles)) expect(problems(chapter, readMdx(file).data), file).toEqual([]);
  });

  it.each([
    ['instruments.yaml', instrumentSchema(refs)],
    ['glossary.yaml', glossaryEntrySchema],
    ['target-groups.yaml', targetGroupSchema],
    ['legal-bases.yaml', legalBasisSchema],
    ['settings.yaml', publisherSchema],
  ] as const)('every entry of %s is valid', (file, schema) => {
    for (const [id, entry] of Object.entries(asMap(file))) expect(problems(schema as z.ZodType, entry), `${file} › ${id}`).toEqual([]);
  });

  it('references only existing registry entries', () => {
    const ids = (file: string) => new Set(Object.keys(asMap(file)));
    const found = referenceProblems(
      { instruments: ids('instruments.yaml'), targetGroups: ids('target-groups.yaml'), legalBases: ids('legal-bases.yaml') },
      years.flatMap(c.chapterFiles).map((file) => ({ file, data: chapter.parse(readMdx(file).data) })),
      Object.entries(asMap('instruments.yaml')).map(([id, e]) => ({ file: 'instruments.yaml', id, data: instrumentSchema(refs).parse(e) })),
    );
    expect(found).toEqual([]);
  });
});

describe('the Düsseldorf 2021 fixture', () => {
  const c = contentFolder(duesseldorfDir);

  it('has the whole Abkürzungsverzeichnis', () => {
    expect(Object.keys(c.readYaml('glossary.yaml') as object).length).toBeGreaterThanOrEqual(90);
  });

  it('keeps one registry entry for an instrument that appears in several chapters', () => {
    const appearances = new Map<string, Set<string>>();
    for (const file of c.chapterFiles('2021')) {
      const data = chapter.parse(readMdx(file).data);
      for (const t of data.tables) for (const r of t.rows) if (r.instrument) appearances.set(r.instrument.id, (appearances.get(r.instrument.id) ?? new Set()).add(data.slug));
    }
    // BaE (5.2, 5.7) and AVGS-MAT (5.5, 5.6, 5.8) are one entry each.
    expect([...appearances.get('ausserbetriebliche-ausbildung')!].sort()).toEqual(['jugendliche', 'qualifizierung']);
    expect(appearances.get('avgs-mat')!.size).toBe(3);
  });
});

describe('the Landkreis fixture exercises what Düsseldorf 2021 lacks', () => {
  const c = contentFolder(landkreisDir);
  const parsed = new Map(c.years().map((y) => [y, c.chapterFiles(y).map((f) => chapter.parse(readMdx(f).data))]));
  const chapters = (y: string) => parsed.get(y)!;
  const tables = (y: string) => chapters(y).flatMap((ch) => ch.tables);

  it('two years, no motto, no integration budget; Roman chapter numbers and one chapter without a number', () => {
    expect(c.years()).toEqual(['2025', '2026']);
    for (const y of c.years()) {
      const p = programmeSchema.parse(c.readYaml(`programmes/${y}/programme.yaml`));
      expect(p.motto).toBeUndefined();
      expect(p.integrationBudget).toBeUndefined();
      const numbers = chapters(y).map((ch) => ch.number);
      expect(numbers).toContain(undefined);
      expect(numbers).toEqual(expect.arrayContaining(['I.', 'II.', 'III.', 'III.1']));
    }
  });

  it('has every column type and row kind, and laws outside SGB II/III', () => {
    const all = [...tables('2025'), ...tables('2026')];
    const types = new Set(all.flatMap((t) => t.columns.map((col) => col.type)));
    for (const type of ['label', 'text', 'count', 'euros', 'percent', 'decimal', 'year', 'reference'] as const) expect(types.has(type), type).toBe(true);
    const kinds = new Set(all.flatMap((t) => t.rows.map((r) => r.kind)));
    for (const kind of ['data', 'group', 'ofWhich', 'note'] as const) expect(kinds.has(kind), kind).toBe(true);
    expect(all.some((t) => t.columns.some((col) => col.type === 'euros' && col.unit === 'mio'))).toBe(true);
    expect(all.some((t) => t.columns.some((col) => col.shares))).toBe(true);
    expect(all.some((t) => t.columns.length === 5)).toBe(true);
    const laws = Object.values(c.readYaml('legal-bases.yaml') as Record<string, { law: string }>).map((b) => legalBasisSchema.parse(b).law);
    expect(laws).toEqual(expect.arrayContaining(['BKGG', 'SGB IX', 'AufenthG']));
  });

  it('the two years differ in shape: a table removed, a column added, a new instrument', () => {
    const ids = (y: string) => chapters(y).flatMap((ch) => ch.tables.map((t) => `${ch.slug}/${t.id}`));
    expect(ids('2025').filter((id) => !ids('2026').includes(id))).toEqual(['ausgangslage/standorte']);
    const columns = (y: string) => chapters(y).find((ch) => ch.slug === 'angebote')!.tables[0]!.columns.length;
    expect(columns('2026')).toBe(columns('2025') + 1);
    const instruments = (y: string) => new Set(tables(y).flatMap((t) => t.rows.map((r) => r.instrument?.id).filter(Boolean)));
    expect([...instruments('2026')].filter((i) => !instruments('2025').has(i))).toEqual(['mobilitaetshilfe']);
  });
});

describe('programme and chapter: what may be left out', () => {
  it('a programme needs only year and title (status defaults to published)', () => {
    expect(programmeSchema.parse({ year: 2030, title: 'Programm 2030' })).toEqual({ year: 2030, status: 'published', title: 'Programm 2030' });
    expect(problems(programmeSchema, { year: 2030 })).toEqual([expect.stringMatching(/^title: /)]);
  });

  it('rejects an unknown programme field (a misspelt "motto")', () => {
    expect(problems(programmeSchema, { year: 2030, title: 'P', moto: 'x' }).join('\n')).toMatch(/moto/);
  });

  it.each([['IV.'], ['III.1'], ['A 2'], [undefined]])('chapter number %s is free text or absent', (number) => {
    const parsed = chapter.parse({ ...(number === undefined ? {} : { number }), title: 'T', slug: 't', order: 1 });
    expect(parsed.number).toBe(number);
    expect(parsed.tables).toEqual([]);
  });

  it('a numeric chapter number is read as text', () => {
    expect(chapter.parse({ number: 4, title: 'T', slug: 't', order: 1 }).number).toBe('4');
  });
});

describe('legal bases: any law', () => {
  const basis = { citation: '§ 6a BKGG', law: 'BKGG', sections: ['6a'], url: 'https://www.gesetze-im-internet.de/bkgg_1996/__6a.html' };

  it.each(['BKGG', 'SGB IX', 'AufenthG', 'SGB II', 'SGB III'])('accepts the law „%s“', (law) => {
    expect(legalBasisSchema.parse({ ...basis, law }).law).toBe(law);
  });

  it('refuses an empty law or one that is not an abbreviation, saying what is expected', () => {
    expect(problems(legalBasisSchema, { ...basis, law: '' }).join('\n')).toMatch(/^law: erwartet die Abkürzung eines Gesetzes/);
    expect(problems(legalBasisSchema, { ...basis, law: '§ 6a' }).join('\n')).toMatch(/gefunden: "§ 6a"/);
  });

  it('still needs an https address', () => {
    expect(problems(legalBasisSchema, { ...basis, url: 'http://example.org/' }).join('\n')).toMatch(/^url: erwartet eine https-Adresse/);
  });
});

/** A valid instrument table (preset) to break in the tests below. */
const instrumentTable = () => ({
  id: 'instrumente',
  preset: 'instruments',
  caption: 'Geplante Eintritte',
  columns: ['Instrument', 'Eintritte 2021', 'Funktion'],
  rows: [
    { instrument: 'einstiegsgeld', label: 'Einstiegsgeld (ESG)', entries: 1000, function: 'Anreiz.' },
    { instrument: 'talentcenter', label: 'Talentcenter', entries: { min: 25, max: 30, notation: 'klammer' }, function: 'Angebot.' },
    { instrument: 'zukunftsstarter', label: 'Zukunftsstarter', entries: { value: 144, includedIn: 'einstiegsgeld' }, function: 'Teil.' },
  ],
  total: { label: 'Summe', entries: { min: 1025, max: 1030 } } as Record<string, unknown>,
});

/** A valid chapter holding it. */
const validChapter = () => ({ number: '5.1.', title: 'Handlungsschwerpunkt Integration', slug: 'integration', order: 6, tables: [instrumentTable()] });

describe('broken chapter data is rejected with a clear message', () => {
  it('accepts the valid sample and normalises entries', () => {
    const t = chapter.parse(validChapter()).tables[0]!;
    expect(t.columns.map((col) => [col.key, col.type])).toEqual([
      ['label', 'label'],
      ['entries', 'count'],
      ['function', 'text'],
    ]);
    expect(t.rows[0]!.cells.entries).toMatchObject({ type: 'count', min: 1000, max: 1000 });
    expect(t.rows[1]!.cells.entries).toMatchObject({ min: 25, max: 30, notation: 'klammer' });
    expect(t.rows[0]!.cells.function).toEqual({ type: 'text', text: 'Anreiz.' });
  });

  it('names a missing field', () => {
    const c = validChapter() as Record<string, unknown>;
    delete c.title;
    expect(problems(chapter, c).join('\n')).toMatch(/^title: /m);
  });

  it('names a wrong type with what was found', () => {
    const c = validChapter();
    (c.tables[0]!.rows[0] as Record<string, unknown>).entries = '1.000';
    const messages = problems(chapter, c).join('\n');
    expect(messages).toMatch(/tables\.0\.rows\.0\.entries/);
    expect(messages).toContain('"1.000"');
  });

  it('rejects an unknown column key in a row instead of ignoring it, listing the allowed keys', () => {
    const c = validChapter();
    (c.tables[0]!.rows[0] as Record<string, unknown>).entires = 5;
    expect(problems(chapter, c)).toEqual([expect.stringMatching(/^tables\.0\.rows\.0: unbekanntes Feld „entires“; erlaubt sind .*entries, function/)]);
  });

  it('names table, column, declared and computed value for a wrong total', () => {
    const c = validChapter();
    c.tables[0]!.total = { entries: { min: 1026, max: 1030 } };
    expect(problems(chapter, c)).toEqual(['tables.0.total.entries: Tabelle „instrumente“, Spalte „Eintritte 2021“: Summe angegeben 1.026 bis 1.030, aus den Zeilen berechnet 1.025 bis 1.030']);
  });

  it('does not add values that are included in another row', () => {
    const c = validChapter();
    c.tables[0]!.total = { entries: { min: 1169, max: 1174 } };
    expect(problems(chapter, c).join('\n')).toMatch(/berechnet 1\.025 bis 1\.030/);
  });

  it('requires "includedIn" to point at another row of the same table', () => {
    const c = validChapter();
    (c.tables[0]!.rows[2]!.entries as Record<string, unknown>).includedIn = 'foerderung-berufliche-weiterbildung';
    expect(problems(chapter, c).join('\n')).toMatch(/includedIn: foerderung-berufliche-weiterbildung/);
  });

  it('rejects ranges whose lower end is above the upper end', () => {
    const c = validChapter();
    c.tables[0]!.rows[1]!.entries = { min: 30, max: 25, notation: 'klammer' };
    expect(problems(chapter, c).join('\n')).toMatch(/„min“ \(30\) ist größer als „max“ \(25\)/);
  });

  it('rejects a footnote mark without footnote text', () => {
    const c = validChapter();
    c.tables[0]!.rows[0]!.entries = { value: 1000, footnote: '*' } as never;
    expect(problems(chapter, c).join('\n')).toMatch(/Fußnotenzeichen „\*“ ohne Fußnotentext/);
  });

  it('rejects two tables with the same id in one chapter', () => {
    const c = validChapter();
    c.tables.push(instrumentTable());
    expect(problems(chapter, c)).toContain('tables.1.id: Tabellen-Kennung „instrumente“ kommt zweimal vor');
  });

  it('reports an unknown instrument, target group and legal basis with file and field', () => {
    const c = validChapter() as ReturnType<typeof validChapter> & { targetGroups: string[] };
    c.targetGroups = ['alleinerziehende'];
    const data = chapter.parse(c);
    const found = referenceProblems(
      { instruments: new Set(['einstiegsgeld', 'zukunftsstarter']), targetGroups: new Set(), legalBases: new Set() },
      [{ file: 'chapters/06-integration.mdx', data }],
      [],
    );
    expect(found).toEqual([
      { file: 'chapters/06-integration.mdx', field: 'targetGroups.0', message: expect.stringContaining('„alleinerziehende“') },
      { file: 'chapters/06-integration.mdx', field: 'tables.0.rows.1.instrument', message: expect.stringContaining('„talentcenter“') },
    ]);
  });

  it('reports an unknown legal basis in a reference column and an unknown "includedIn"', () => {
    const data = chapter.parse({
      title: 'T',
      slug: 't',
      order: 1,
      tables: [
        {
          id: 'angebote',
          caption: 'Angebote',
          columns: [{ header: 'Angebot' }, { key: 'basis', header: 'Rechtsgrundlage', type: 'reference', registry: 'legalBases' }, { key: 'entries', header: 'Eintritte', type: 'count' }],
          rows: [{ instrument: 'einstiegsgeld', label: 'ESG', basis: 'sgb2-99', entries: 5 }],
        },
      ],
    });
    const found = referenceProblems({ instruments: new Set(['einstiegsgeld']), targetGroups: new Set(), legalBases: new Set(['sgb2-16']) }, [{ file: 'k.mdx', data }], []);
    expect(found).toEqual([expect.objectContaining({ file: 'k.mdx', field: expect.stringMatching(/^tables\.0\.rows\.0\.basis/), message: expect.stringContaining('„sgb2-99“') })]);
  });
});

/** Parses one table; the messages of a refused one. */
const tableProblemsOf = (t: unknown) => problems(tableSchema, t);

describe('the general table: columns', () => {
  const table = (columns: unknown[], rows: unknown[] = [{ label: 'A' }]) => ({ id: 't', caption: 'T', columns, rows });

  it('a preset with the wrong number of columns is refused, naming the preset and both numbers', () => {
    expect(tableProblemsOf({ ...instrumentTable(), columns: ['Instrument', 'Eintritte'] })).toContain('columns: Vorlage „instruments“ hat 3 Spalten, angegeben sind 2');
  });

  it('an unknown preset is refused with the list of presets', () => {
    expect(tableProblemsOf({ ...instrumentTable(), preset: 'budget' }).join('\n')).toMatch(/^preset: erwartet eine Vorlage \(instruments, demandEstimates, keyFigures\), gefunden: "budget"/);
  });

  it('a column given as text only is refused without a preset', () => {
    expect(tableProblemsOf(table([{ header: 'Name' }, 'Betrag'])).join('\n')).toMatch(/columns\.1: erwartet eine Spalte wie \{ key: entries, header: „Betrag“, type: count \}/);
  });

  it('an unknown column type is refused with the list of types', () => {
    expect(tableProblemsOf(table([{ header: 'Name' }, { key: 'x', header: 'X', type: 'money' }])).join('\n')).toMatch(/erwartet einen Spaltentyp \(label, text, count, euros, percent, decimal, year, reference, change\), gefunden: "money"/);
  });

  it('a column without key, a reference column without registry and a change column without compare are refused', () => {
    expect(tableProblemsOf(table([{ header: 'Name' }, { header: 'Betrag', type: 'euros' }]))).toContain('columns.1.key: Pflichtfeld „key“ fehlt (Spalte „Betrag“)');
    expect(tableProblemsOf(table([{ header: 'Name' }, { key: 'basis', header: 'Grundlage', type: 'reference' }])).join('\n')).toMatch(/columns\.1\.registry: eine Spalte vom Typ „reference“ braucht „registry“/);
    expect(tableProblemsOf(table([{ header: 'Name' }, { key: 'd', header: 'Vergleich', type: 'change' }])).join('\n')).toMatch(/columns\.1\.compare: .*compare: \[aktuell, vorher\]/);
  });

  it('the first column is the label; a second label column or a duplicate key is refused', () => {
    expect(tableProblemsOf(table([{ header: 'Name', type: 'count' }]))).toContain('columns.0.type: die erste Spalte ist immer die Zeilenbeschriftung (Typ „label“), gefunden: „count“');
    expect(tableProblemsOf(table([{ header: 'Name' }, { key: 'a', header: 'A', type: 'label' }]))).toContain('columns.1.type: nur die erste Spalte hat den Typ „label“');
    expect(tableProblemsOf(table([{ header: 'Name' }, { key: 'a', header: 'A' }, { key: 'a', header: 'B' }]))).toContain('columns.2.key: Spaltenschlüssel „a“ kommt zweimal vor');
  });

  it('a column key that is a row field is refused', () => {
    expect(tableProblemsOf(table([{ header: 'Name' }, { key: 'instrument', header: 'I' }])).join('\n')).toMatch(/„instrument“ ist ein Zeilenfeld und kann kein Spaltenschlüssel sein/);
  });

  it('a change column must compare two number columns of the table', () => {
    expect(tableProblemsOf(table([{ header: 'Name' }, { key: 'a', header: 'A', type: 'count' }, { key: 'd', header: 'D', type: 'change', compare: ['a', 'b'] }])).join('\n')).toMatch(
      /columns\.2\.compare: „compare“ nennt „b“; erwartet eine Zahlenspalte dieser Tabelle: a/,
    );
  });
});

describe('the general table: cells of each column type', () => {
  const typed = (column: Record<string, unknown>, value: unknown) => ({ id: 't', caption: 'T', columns: [{ header: 'Name' }, { key: 'v', header: 'Wert', ...column }], rows: [{ label: 'A', v: value }] });

  it.each([
    [{ type: 'count' }, 12.5, /erwartet eine ganze Zahl/],
    [{ type: 'count' }, -3, /erwartet eine Zahl ≥ 0/],
    [{ type: 'euros' }, 12.345, /höchstens zwei Nachkommastellen \(Cent\).*gefunden: 12\.345/],
    [{ type: 'euros' }, -1, /erwartet einen Betrag ≥ 0 in Euro/],
    [{ type: 'percent', decimals: 1 }, 12.25, /höchstens 1 Nachkommastellen, gefunden: 12\.25/],
    [{ type: 'year' }, 20.21, /erwartet eine Jahreszahl/],
    [{ type: 'year' }, 1850, /ab 1900/],
    [{ type: 'decimal' }, '3,5', /erwartet eine Zahl .*gefunden: "3,5"/],
    [{ type: 'text' }, { value: 'x' }, /erwartet einen Text, gefunden: \{"value":"x"\}/],
    [{ type: 'reference', registry: 'legalBases' }, 'SGB II', /erwartet eine Kennung aus Kleinbuchstaben/],
  ])('%o refuses %o', (column, value, message) => {
    const found = tableProblemsOf(typed(column, value));
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(/^rows\.0\.v/);
    expect(found.join('\n')).toMatch(message);
  });

  it.each([
    [{ type: 'euros' }, 1234.56, { type: 'euros', min: 1234.56, max: 1234.56 }],
    [{ type: 'percent' }, 12.5, { type: 'percent', min: 12.5 }],
    [{ type: 'decimal', decimals: 2 }, 3.25, { type: 'decimal', min: 3.25 }],
    [{ type: 'year' }, 2026, { type: 'year', min: 2026 }],
    [{ type: 'text' }, 42, { type: 'text', text: '42' }],
    [{ type: 'reference', registry: 'legalBases' }, 'bkgg-6a', { type: 'reference', ref: { id: 'bkgg-6a', collection: 'legalBases' } }],
  ])('%o reads %o', (column, value, cell) => {
    expect(tableSchema.parse(typed(column, value)).rows[0]!.cells.v).toMatchObject(cell);
  });

  it('a note row has only its text', () => {
    const t = { id: 't', caption: 'T', columns: [{ header: 'Name' }, { key: 'v', header: 'Wert', type: 'count' }], rows: [{ label: 'A', v: 1 }, { kind: 'note', label: 'Hinweis', v: 2 }] };
    expect(tableProblemsOf(t)).toEqual(['rows.1.v: eine Hinweiszeile („kind: note“) hat nur „label“ (den Text), keine Zellen']);
  });

  it('an unknown row kind is refused with the list of kinds', () => {
    const t = { id: 't', caption: 'T', columns: [{ header: 'Name' }], rows: [{ kind: 'sum', label: 'A' }] };
    expect(tableProblemsOf(t).join('\n')).toMatch(/rows\.0\.kind: erwartet eine Zeilenart \(data, group, ofWhich, breakdown, note\), gefunden: "sum"/);
  });

  it('a row without label is refused', () => {
    const t = { id: 't', caption: 'T', columns: [{ header: 'Name' }], rows: [{ number: '1.' }] };
    expect(tableProblemsOf(t).join('\n')).toMatch(/rows\.0\.label: Pflichtfeld „label“ fehlt/);
  });
});

describe('the general table: sums, shares, groups and parts', () => {
  /** A budget in € with cents, groups, a "darunter" row and a declared total. */
  const budget = () => ({
    id: 'haushalt',
    caption: 'Eingliederungsmittel',
    columns: [{ header: 'Position' }, { key: 'budget', header: 'Ansatz', type: 'euros' }],
    rows: [
      { kind: 'group', number: '1.', label: 'Eingliederung', budget: 1845000.75 } as Record<string, unknown>,
      { label: 'Aktivierung', budget: 612500.25 } as Record<string, unknown>,
      { label: 'Weiterbildung', budget: 1232500.5 } as Record<string, unknown>,
      { kind: 'group', number: '2.', label: 'Beschäftigung', budget: 980000 } as Record<string, unknown>,
      { label: 'Teilhabe', budget: 980000 } as Record<string, unknown>,
      { kind: 'ofWhich', label: 'darunter Lohnkosten', budget: 735000 } as Record<string, unknown>,
    ],
    total: { label: 'Insgesamt', budget: 2825000.75 } as Record<string, unknown>,
  });

  it('accepts the valid budget: groups add up with cents, the total adds the groups', () => {
    expect(tableProblemsOf(budget())).toEqual([]);
  });

  it('a wrong total in € is refused, naming table, column, declared and computed value in German', () => {
    const t = budget();
    t.total.budget = 2825000.7;
    expect(tableProblemsOf(t)).toEqual(['total.budget: Tabelle „haushalt“, Spalte „Ansatz“: Summe angegeben 2.825.000,70\u00a0€, aus den Zeilen berechnet 2.825.000,75\u00a0€']);
  });

  it('a group whose subtotal differs from its rows is refused, naming the group', () => {
    const t = budget();
    t.rows[1]!.budget = 612500;
    expect(tableProblemsOf(t)).toEqual([
      'rows.0.budget: Tabelle „haushalt“, Gruppe „1. Eingliederung“, Spalte „Ansatz“: angegeben 1.845.000,75\u00a0€, aus den Zeilen der Gruppe berechnet 1.845.000,50\u00a0€',
    ]);
  });

  it('a "darunter" row larger than its row is refused', () => {
    const t = budget();
    t.rows[5]!.budget = 990000;
    expect(tableProblemsOf(t)).toEqual([
      'rows.5.budget: Tabelle „haushalt“: „darunter“-Zeile „darunter Lohnkosten“ ist größer als „Teilhabe“ (Spalte „Ansatz“: 990.000\u00a0€ gegenüber 980.000\u00a0€)',
    ]);
  });

  it('"davon" rows must add up to the row above them', () => {
    const t = budget();
    t.rows.splice(5, 1, { kind: 'breakdown', label: 'davon Lohnkosten', budget: 700000 }, { kind: 'breakdown', label: 'davon Coaching', budget: 200000 });
    expect(tableProblemsOf(t)).toEqual(['rows.5.budget: Tabelle „haushalt“, „davon“-Zeilen von „Teilhabe“, Spalte „Ansatz“: zusammen 900.000\u00a0€, die Zeile darüber hat 980.000\u00a0€']);
    t.rows[6]!.budget = 280000;
    expect(tableProblemsOf(t)).toEqual([]);
  });

  it('a "darunter" row before any row it could belong to is refused', () => {
    const t = budget();
    t.rows.unshift({ kind: 'ofWhich', label: 'darunter nichts', budget: 1 });
    expect(tableProblemsOf(t).join('\n')).toMatch(/„darunter“\/„davon“-Zeile „darunter nichts“ steht vor jeder Zeile/);
  });

  it('percent shares must add up to 100 where declared', () => {
    const shares = (values: number[]) => ({
      id: 'anteile',
      caption: 'Anteile',
      columns: [{ header: 'Feld' }, { key: 'share', header: 'Anteil', type: 'percent', shares: true }],
      rows: values.map((share, i) => ({ label: `Feld ${i + 1}`, share })),
    });
    expect(tableProblemsOf(shares([57, 30.3, 12.7]))).toEqual([]);
    expect(tableProblemsOf(shares([57, 30.3, 12.6]))).toEqual(['columns.1.shares: Tabelle „anteile“, Spalte „Anteil“: Anteile ergeben zusammen 99,9\u00a0%, erwartet 100 %']);
  });

  it('percent values without "shares" are not added (target values need not sum to anything)', () => {
    const t = { id: 'ziele', caption: 'Ziele', columns: [{ header: 'Ziel' }, { key: 'target', header: 'Zielwert', type: 'percent' }], rows: [{ label: 'A', target: 80 }, { label: 'B', target: 75 }], total: { label: 'Summe', target: 1 } };
    expect(tableProblemsOf(t)).toEqual([]);
  });

  it('the printed change must equal the one computed from its two columns', () => {
    const t = {
      id: 'kennzahlen',
      preset: 'keyFigures',
      caption: 'Kennzahlen',
      columns: ['Zweckbestimmung', 'Eintritte 2021', 'Ansatz 2020', 'Vergleich'],
      rows: [{ label: 'Einstiegsgeld', entries: 1000, previousPlan: 940, change: 6 }],
    };
    expect(tableProblemsOf(t)).toEqual([]);
    t.rows[0]!.change = 7;
    expect(tableProblemsOf(t)).toEqual(['rows.0.change: Tabelle „kennzahlen“, Zeile „Einstiegsgeld“, Spalte „Vergleich“: gedruckt +7\u00a0%, berechnet +6\u00a0%']);
    t.rows[0]!.previousPlan = 0;
    expect(tableProblemsOf(t).join('\n')).toMatch(/berechnet nicht berechenbar \(Grundwert 0 oder fehlend\)/);
  });

  it('an instrument twice in one table is refused', () => {
    const t = instrumentTable();
    t.rows[1]!.instrument = 'einstiegsgeld';
    expect(tableProblemsOf(t).join('\n')).toMatch(/Instrument „einstiegsgeld“ steht zweimal in der Tabelle/);
  });
});

describe('the 2021 key figures as one general table (Düsseldorf fixture)', () => {
  const file = contentFolder(duesseldorfDir).chapterFiles('2021').find((f) => f.endsWith('04-kennzahlen.mdx'))!;
  type Raw = { tables: { id: string; rows: Record<string, unknown>[]; total: Record<string, number> }[] };
  const real = () => structuredClone(readMdx(file).data) as Raw;
  const keyFigures = (c: Raw) => c.tables.find((t) => t.id === 'kennzahlen')!;

  it('is valid as published', () => {
    expect(problems(chapter, real())).toEqual([]);
  });

  it('rejects a group that does not add up, naming the group and both values', () => {
    const c = real();
    const rows = keyFigures(c).rows;
    const groupIndex = rows.findIndex((r, i) => r.kind === 'group' && rows[i + 1]?.kind !== 'group' && rows[i + 2]?.kind === undefined);
    const group = rows[groupIndex]!;
    const member = rows.slice(groupIndex + 1).find((r) => r.kind === undefined)!;
    member.entries = (member.entries as number) + 1;
    const declared = (group.entries as number).toLocaleString('de-DE');
    const computed = ((group.entries as number) + 1).toLocaleString('de-DE');
    expect(problems(chapter, c).join('\n')).toContain(`Gruppe „${group.number} ${group.label}“, Spalte „Eintritte 2021“: angegeben ${declared}, aus den Zeilen der Gruppe berechnet ${computed}`);
  });

  it('rejects a printed percentage that differs from the computed one', () => {
    const c = real();
    const row = keyFigures(c).rows.find((r) => typeof r.change === 'number' && r.change !== 0)!;
    row.change = (row.change as number) + 1;
    expect(problems(chapter, c).join('\n')).toMatch(/Spalte „Vergleich“: gedruckt .* berechnet /);
  });

  it('rejects a total that differs from the groups', () => {
    const c = real();
    keyFigures(c).total.entries = keyFigures(c).total.entries! - 10;
    expect(problems(chapter, c).join('\n')).toMatch(/tables\.0\.total\.entries: Tabelle „kennzahlen“, Spalte „Eintritte 2021“: Summe angegeben 11\.787, aus den Zeilen berechnet 11\.797/);
  });
});
