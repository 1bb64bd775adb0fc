import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { chapterSchema } from '../../src/lib/schemas/chapter.ts';
import { programmeSchema } from '../../src/lib/schemas/programme.ts';
import { glossaryEntrySchema, instrumentSchema, legalBasisSchema, publisherSchema, targetGroupSchema } from '../../src/lib/schemas/registries.ts';
import { plainRefs } from '../../src/lib/schemas/ref.ts';
import { referenceProblems } from '../../src/lib/references.ts';
import { chapterFiles, readMdx, readYaml, years } from '../lib/content.ts';

const refs = plainRefs();
const chapter = chapterSchema(refs);
const programme = programmeSchema(refs);

/** All messages of a failed parse, with their paths. */
function problems(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const asMap = (file: string) => readYaml(file) as Record<string, unknown>;

describe('the real content', () => {
  it.each(years())('programme %s is valid', (year) => {
    expect(problems(programme, readYaml(`programmes/${year}/programme.yaml`))).toEqual([]);
  });

  const files = years().flatMap(chapterFiles);
  it('has chapters', () => expect(files.length).toBeGreaterThan(10));
  it.each(files)('%s is valid', (file) => {
    expect(problems(chapter, readMdx(file).data)).toEqual([]);
  });

  it.each([
    ['instruments.yaml', instrumentSchema(refs)],
    ['glossary.yaml', glossaryEntrySchema],
    ['target-groups.yaml', targetGroupSchema],
    ['legal-bases.yaml', legalBasisSchema],
    ['settings.yaml', publisherSchema],
  ] as const)('every entry of %s is valid', (file, schema) => {
    const entries = Object.entries(asMap(file));
    expect(entries.length).toBeGreaterThan(0);
    for (const [id, entry] of entries) expect(problems(schema as z.ZodType, entry), `${file} › ${id}`).toEqual([]);
  });

  it('references only existing registry entries', () => {
    const ids = (file: string) => new Set(Object.keys(asMap(file)));
    const instrumentEntries = Object.entries(asMap('instruments.yaml')).map(([id, e]) => ({
      file: 'instruments.yaml',
      id,
      data: instrumentSchema(refs).parse(e),
    }));
    const found = referenceProblems(
      { instruments: ids('instruments.yaml'), targetGroups: ids('target-groups.yaml'), legalBases: ids('legal-bases.yaml') },
      years().flatMap(chapterFiles).map((file) => ({ file, data: chapter.parse(readMdx(file).data) })),
      years().map((y) => ({ file: y, data: programme.parse(readYaml(`programmes/${y}/programme.yaml`)) })),
      instrumentEntries,
    );
    expect(found).toEqual([]);
  });

  it('has the whole Abkürzungsverzeichnis', () => {
    expect(Object.keys(asMap('glossary.yaml')).length).toBeGreaterThanOrEqual(90);
  });

  it('keeps one registry entry for an instrument that appears in several chapters', () => {
    const appearances = new Map<string, Set<string>>();
    for (const file of chapterFiles('2021')) {
      const data = chapter.parse(readMdx(file).data);
      for (const t of data.tables) for (const r of t.rows) appearances.set(r.instrument.id, (appearances.get(r.instrument.id) ?? new Set()).add(data.slug));
    }
    // BaE (5.2, 5.7), "Stark im Beruf" (5.6, 5.8) and AVGS-MAT (5.5, 5.6, 5.8) are one entry each.
    expect([...appearances.get('ausserbetriebliche-ausbildung')!].sort()).toEqual(['jugendliche', 'qualifizierung']);
    expect([...appearances.get('stark-im-beruf')!].sort()).toEqual(['alleinerziehende', 'gefluechtete']);
    expect(appearances.get('avgs-mat')!.size).toBe(3);
  });
});

/** A valid chapter to break in the tests below. */
const validChapter = () => ({
  number: '5.1.',
  title: 'Handlungsschwerpunkt Integration',
  slug: 'integration',
  order: 6,
  tables: [
    {
      id: 'instrumente',
      kind: 'instruments',
      caption: 'Geplante Eintritte',
      columns: ['Instrument', 'Eintritte 2021', 'Funktion'],
      rows: [
        { instrument: 'einstiegsgeld', label: 'Einstiegsgeld (ESG)', entries: 1000, function: 'Anreiz.' },
        { instrument: 'talentcenter', label: 'Talentcenter', entries: { min: 25, max: 30, notation: 'klammer' }, function: 'Angebot.' },
        { instrument: 'zukunftsstarter', label: 'Zukunftsstarter', entries: { value: 144, includedIn: 'einstiegsgeld' }, function: 'Teil.' },
      ],
      total: { entries: { min: 1025, max: 1030 } },
    },
  ],
});

describe('broken chapter data is rejected with a clear message', () => {
  it('accepts the valid sample and normalises entries', () => {
    const parsed = chapter.parse(validChapter());
    const t = parsed.tables[0]!;
    expect(t.rows[0]!.entries).toMatchObject({ min: 1000, max: 1000 });
    expect(t.rows[1]!.entries).toMatchObject({ min: 25, max: 30, notation: 'klammer' });
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

  it('rejects a misspelt field name instead of ignoring it', () => {
    const c = validChapter();
    (c.tables[0]!.rows[0] as Record<string, unknown>).entires = 5;
    expect(problems(chapter, c).join('\n')).toMatch(/entires/);
  });

  it('names table, declared and computed value for a wrong total', () => {
    const c = validChapter();
    c.tables[0]!.total = { entries: { min: 1026, max: 1030 } };
    const messages = problems(chapter, c);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toBe('tables.0.total.entries: Tabelle „instrumente“: Summe angegeben 1.026 bis 1.030, aus den Zeilen berechnet 1.025 bis 1.030');
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
    expect(problems(chapter, c).join('\n')).toMatch(/Fußnotenzeichen „\*“/);
  });

  it('reports an unknown instrument reference with file and field', () => {
    const data = chapter.parse({ ...validChapter(), targetGroups: ['alleinerziehende'] });
    const found = referenceProblems(
      { instruments: new Set(['einstiegsgeld', 'zukunftsstarter']), targetGroups: new Set(), legalBases: new Set() },
      [{ file: 'chapters/06-integration.mdx', data }],
      [],
      [],
    );
    expect(found).toEqual([
      { file: 'chapters/06-integration.mdx', field: 'targetGroups.0', message: expect.stringContaining('„alleinerziehende“') },
      { file: 'chapters/06-integration.mdx', field: 'tables.0.rows.1.instrument', message: expect.stringContaining('„talentcenter“') },
    ]);
  });
});

describe('key figures', () => {
  const real = () => structuredClone(readYaml('programmes/2021/programme.yaml')) as { keyFigures: { groups: { entries: number; printedChange?: number; rows: { entries: number }[] }[]; total: { entries: number } } };

  it('rejects a group that does not add up, naming the group and both values', () => {
    const p = real();
    const group = p.keyFigures.groups.find((g) => g.rows.length > 1)!;
    group.rows[0]!.entries += 1;
    const messages = problems(programme, p).join('\n');
    expect(messages).toContain(`angegeben ${group.entries.toLocaleString('de-DE')}, aus den Zeilen berechnet ${(group.entries + 1).toLocaleString('de-DE')}`);
  });

  it('rejects a printed percentage that differs from the computed one', () => {
    const p = real();
    const group = p.keyFigures.groups.find((g) => g.printedChange !== undefined && g.printedChange !== 0)!;
    group.printedChange = group.printedChange! + 1;
    expect(problems(programme, p).join('\n')).toMatch(/Vergleich gedruckt .* berechnet /);
  });

  it('rejects a total that differs from the groups', () => {
    const p = real();
    p.keyFigures.total.entries -= 10;
    expect(problems(programme, p).join('\n')).toMatch(/Summe aller Zweckbestimmungen/);
  });
});
