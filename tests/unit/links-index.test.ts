import { describe, expect, it } from 'vitest';
import { chapterSchema } from '../../src/lib/schemas/chapter.ts';
import { programmeSchema } from '../../src/lib/schemas/programme.ts';
import { instrumentSchema } from '../../src/lib/schemas/registries.ts';
import { plainRefs } from '../../src/lib/schemas/ref.ts';
import {
  type ChapterSource,
  type KeyFiguresSource,
  chapterRef,
  keyFigureAppearances,
  plannedEntries,
  tableAppearances,
  tableRows,
} from '../../src/lib/links/appearances.ts';
import { focusAreaOf, instrumentOverview } from '../../src/lib/links/overview.ts';
import { targetGroupLinks, targetGroupsOfInstrument } from '../../src/lib/links/target-groups.ts';
import { legalBasisLinks } from '../../src/lib/links/legal-bases.ts';
import { instrumentHref, rowHref } from '../../src/lib/links/hrefs.ts';
import { canonicalUrl } from '../../src/lib/links/urls.ts';
import { expandRoute, routeOfPageFile, sitemapXml } from '../../src/lib/links/sitemap.ts';
import { contentFiles, duesseldorfDir, readMdx } from '../lib/content.ts';

const refs = plainRefs();

/** The 2021 programme of the Düsseldorf fixture as the site loads it (schemas applied, references as { id, collection }). */
const { chapterFiles, readYaml } = contentFiles(duesseldorfDir);
const chapters: ChapterSource[] = chapterFiles('2021').map((file) => ({ ...chapterSchema(refs).parse(readMdx(file).data), year: 2021 }));
const programme = programmeSchema.parse(readYaml('programmes/2021/programme.yaml'));
const kennzahlen = chapters.find((c) => c.slug === 'kennzahlen')!;
const keyFigures: KeyFiguresSource[] = [{ year: 2021, keyFigures: programme.keyFigures, chapter: chapterRef(kennzahlen) }];
const instruments = Object.entries(readYaml('instruments.yaml') as Record<string, unknown>).map(([id, v]) => ({ id, ...instrumentSchema(refs).parse(v) }));

const tables = tableAppearances(chapters);
const keyRows = keyFigureAppearances(keyFigures);

describe('instrument appearances', () => {
  it('lists every table row of the programme exactly once, under its instrument', () => {
    const rowsInData = chapters.reduce((n, c) => n + c.tables.reduce((m, t) => m + t.rows.length, 0), 0);
    expect([...tables.values()].flat()).toHaveLength(rowsInData);
  });

  it('keeps the printed order of the rows', () => {
    const alleinerziehende = tableRows(chapters).filter((r) => r.chapter.slug === 'alleinerziehende');
    expect(alleinerziehende.map((r) => r.instrument)).toEqual(['kenne-gute-arbeit', 'avgs-mat', 'stark-im-beruf', 'tep-projekt']);
  });

  it('finds an instrument in every table that prints it, each linked to its exact row', () => {
    const avgs = tables.get('avgs-mat')!;
    expect(avgs.map((a) => [a.chapter.label, a.label, a.entries.min, a.href])).toEqual([
      ['5.5 Handlungsschwerpunkt Reduzierung Langzeitbezug und Langzeitarbeitslosigkeit', 'Individuelle Förderungen über AVGS-MAT', 1000, '/2021/langzeitbezug/#zeile-avgs-mat'],
      ['5.6 Handlungsschwerpunkt Beschäftigungsmöglichkeiten für Alleinerziehende nutzen', 'Zielgruppenspezifische Angebote über AVGS-MAT', 500, '/2021/alleinerziehende/#zeile-avgs-mat'],
      ['5.8 Handlungsschwerpunkt Flüchtlingen den Zugang zu Arbeit und Ausbildung ermöglichen', 'Nutzung spezifischer Angebote über AVGS-MAT', 300, '/2021/gefluechtete/#zeile-avgs-mat'],
    ]);
    expect(avgs[1]!.footnote).toBe('Bei höherer Nachfrage können mehr Gutscheine ausgestellt werden.');
  });

  it('keeps the function text of instrument tables and the provider of demand estimates', () => {
    const esg = tables.get('einstiegsgeld')![0]!;
    expect(esg.function).toMatch(/^ESG kann die Aufnahmebereitschaft/);
    const debts = tables.get('schuldnerberatung')![0]!;
    expect(debts.table.kind).toBe('demandEstimates');
    expect(debts.provider).toBe('Schuldnerberatung Landeshauptstadt Düsseldorf und Träger');
    expect([debts.entries.min, debts.entries.max]).toEqual([300, 500]);
  });

  it('finds key-figure rows, groups and extras with the previous plan and the computed change', () => {
    expect(keyRows.get('einstiegsgeld')).toMatchObject([
      { label: 'Einstiegsgeld', group: 'III. Aufnahme einer Erwerbstätigkeit', previousPlan: 940, change: 6, href: '/2021/kennzahlen/#tabelle-kennzahlen' },
    ]);
    expect(keyRows.get('freie-foerderung')).toMatchObject([{ label: 'VII. Freie Förderung nach § 16 f', previousPlan: 50 }]);
    expect(keyRows.get('freie-foerderung')![0]!.group).toBeUndefined();
    expect(keyRows.get('foerderung-junger-menschen')![0]!.change).toBe(-100);
    expect(keyRows.get('vermittlungsbudget')).toMatchObject([{ entries: { min: 2500, approximate: true } }]);
    expect(keyRows.get('vermittlungsbudget')![0]!.previousPlan).toBeUndefined();
    expect(keyRows.get('zukunftsstarter')![0]!.ofWhich).toBe(true);
  });

  it('lists planned entries per year side by side, never summed, with the previous plan as the year before', () => {
    const planned = plannedEntries(tables.get('ausserbetriebliche-ausbildung')!, keyRows.get('ausserbetriebliche-ausbildung') ?? []);
    // BaE stands in 5.2 and in 5.7 with the same 100 places: two lines, no 200 anywhere.
    expect(planned.map((p) => [p.year, p.entries.min])).toEqual([
      [2021, 100],
      [2021, 100],
    ]);
    const esg = plannedEntries(tables.get('einstiegsgeld')!, keyRows.get('einstiegsgeld')!);
    expect(esg.map((p) => [p.year, p.kind, p.entries.min])).toEqual([
      [2021, 'keyFigures', 1000],
      [2021, 'instruments', 1000],
      [2020, 'previousPlan', 940],
    ]);
    expect(esg[2]!.source).toBe('Ansatz 2020 laut Kennzahlen 2021: III. Aufnahme einer Erwerbstätigkeit – Einstiegsgeld');
  });

  it('orders several programme years newest first', () => {
    const year2022 = chapters.map((c) => ({ ...c, year: 2022 }));
    const both = tableAppearances([...chapters, ...year2022]).get('einstiegsgeld')!;
    expect(both.map((a) => a.year)).toEqual([2022, 2021]);
    expect(both[0]!.href).toBe('/2022/integration/#zeile-einstiegsgeld');
  });
});

describe('the instrument overview', () => {
  const overview = instrumentOverview(2021, chapters, keyFigures[0], instruments.map((i) => i.id));

  it('groups the tables by focus area, sub-sections under their focus area', () => {
    expect(overview.groups.map((g) => [g.anchor, g.tables.map((t) => t.chapter.number)])).toEqual([
      ['schwerpunkt-integration', ['5.1.']],
      ['schwerpunkt-qualifizierung', ['5.2.']],
      ['schwerpunkt-langzeitbezug', ['5.5', '5.5.1', '5.5.2']],
      ['schwerpunkt-alleinerziehende', ['5.6.']],
      ['schwerpunkt-jugendliche', ['5.7.']],
      ['schwerpunkt-gefluechtete', ['5.8.']],
    ]);
  });

  it('adds the instruments only the key figures name, and nothing the tables already list', () => {
    expect(overview.keyFiguresOnly.map((k) => k.instrument)).toEqual([
      'begleitende-hilfen-selbststaendigkeit',
      'freie-foerderung',
      'foerderung-junger-menschen',
      'vermittlungsbudget',
    ]);
    expect(overview.unplanned).toEqual([]);
  });

  it('reports registry instruments the year does not name', () => {
    expect(instrumentOverview(2021, chapters, keyFigures[0], ['einstiegsgeld', 'neu-im-register']).unplanned).toEqual(['neu-im-register']);
  });

  it('finds the focus area of a section, and stops on a cycle', () => {
    const c = (slug: string, parent?: string, focusArea = false) => ({ slug, parent, focusArea });
    const list = [c('a', undefined, true), c('b', 'a'), c('x', 'y'), c('y', 'x')];
    expect(focusAreaOf(list[1]!, list).slug).toBe('a');
    expect(focusAreaOf(list[2]!, list).slug).toBe('x');
  });
});

describe('target groups and legal bases', () => {
  const groups = targetGroupLinks(chapters);

  it('lists the sections naming a target group and the instruments of their tables', () => {
    const single = groups.get('alleinerziehende')!;
    expect(single.sections.map((s) => s.slug)).toEqual(['einfuehrung', 'rahmenbedingungen', 'schwerpunkte', 'alleinerziehende']);
    expect(single.instruments.map((s) => [s.chapter.slug, s.rows.map((r) => r.instrument)])).toEqual([
      ['alleinerziehende', ['kenne-gute-arbeit', 'avgs-mat', 'stark-im-beruf', 'tep-projekt']],
    ]);
  });

  it('gives every target group of the registry at least one section', () => {
    const registry = Object.keys(readYaml('target-groups.yaml') as object);
    expect(registry.filter((id) => !groups.get(id)?.sections.length)).toEqual([]);
  });

  it('derives the target groups an instrument serves from the sections of its tables', () => {
    expect(targetGroupsOfInstrument('einstiegsgeld', chapters)).toEqual(['marktnahe-kunden']);
    expect(targetGroupsOfInstrument('stark-im-beruf', chapters)).toEqual(['alleinerziehende', 'menschen-mit-migrationshintergrund', 'gefluechtete']);
  });

  it('lists the instruments on a legal basis and the sections citing it', () => {
    const bases = legalBasisLinks(instruments, chapters);
    expect(bases.get('sgb2-16a')!.instruments).toEqual(['kinderbetreuung', 'pflegeberatung', 'schuldnerberatung', 'psychosoziale-betreuung', 'suchtberatung']);
    expect(bases.get('sgb2-16i')!.instruments).toEqual(['teilhabe-am-arbeitsmarkt']);
    expect(bases.get('sgb2-16i')!.sections.map((s) => s.slug)).toEqual(['rahmenbedingungen', 'kennzahlen', 'langzeitbezug', 'teilhabechancengesetz']);
    expect(bases.get('sgb2-10')!.instruments).toEqual([]);
  });
});

describe('URLs', () => {
  it('builds the reference URLs', () => {
    expect(instrumentHref('avgs-mat')).toBe('/instrumente/avgs-mat/');
    expect(rowHref(2021, 'integration', 'einstiegsgeld')).toBe('/2021/integration/#zeile-einstiegsgeld');
  });

  it('gives canonical URLs only when the site address is set', () => {
    expect(canonicalUrl('/2021/integration/', undefined)).toBeUndefined();
    expect(canonicalUrl('/2021/integration/', 'https://amip.example.org')).toBe('https://amip.example.org/2021/integration/');
  });

  it('turns page files into sitemap routes', () => {
    expect(routeOfPageFile('./index.astro')).toBe('/');
    expect(routeOfPageFile('./glossar.astro')).toBe('/glossar/');
    expect(routeOfPageFile('./instrumente/[id].astro')).toBe('/instrumente/[id]/');
    expect(routeOfPageFile('./[year]/index.astro')).toBe('/[year]/');
    expect(routeOfPageFile('./404.astro')).toBeUndefined();
    expect(routeOfPageFile('./suche.astro')).toBeUndefined();
    expect(routeOfPageFile('./_parts/x.astro')).toBeUndefined();
    expect(expandRoute('/[year]/[slug]/', { year: '2021', slug: 'integration' })).toBe('/2021/integration/');
    expect(() => expandRoute('/instrumente/[id]/', {})).toThrow(/„id“/);
  });

  it('writes a sorted sitemap without duplicates, absolute only with a site address', () => {
    const relative = sitemapXml(['/b/', '/a/', '/b/'], undefined);
    expect(relative.match(/<loc>[^<]*<\/loc>/g)).toEqual(['<loc>/a/</loc>', '<loc>/b/</loc>']);
    expect(relative).toContain('siteUrl');
    expect(sitemapXml(['/a/'], 'https://amip.example.org/')).toContain('<loc>https://amip.example.org/a/</loc>');
  });
});
