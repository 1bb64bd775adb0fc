/**
 * The cross-reference index (src/lib/links): where each instrument appears (every table row naming
 * it, key-figure rows included), the instrument overview by focus area, target groups and legal
 * bases. On the fixtures: Düsseldorf 2021 (real-sized) and the Landkreis (two years, laws
 * outside SGB II/III, reference columns).
 */
import { describe, expect, it } from 'vitest';
import { chapterSchema } from '../../src/lib/schemas/chapter.ts';
import { instrumentSchema } from '../../src/lib/schemas/registries.ts';
import { plainRefs } from '../../src/lib/schemas/ref.ts';
import { type ChapterSource, plannedEntries, tableAppearances, tableRows } from '../../src/lib/links/appearances.ts';
import { focusAreaOf, instrumentOverview } from '../../src/lib/links/overview.ts';
import { targetGroupLinks, targetGroupsOfInstrument } from '../../src/lib/links/target-groups.ts';
import { legalBasisLinks } from '../../src/lib/links/legal-bases.ts';
import { referenceNameOf } from '../../src/lib/instruments.ts';
import { instrumentHref, rowHref, canonicalUrl } from '../../src/lib/links/hrefs.ts';
import { expandRoute, routeOfPageFile, sitemapXml } from '../../src/lib/links/sitemap.ts';
import { contentFolder, duesseldorfDir, landkreisDir, readMdx } from '../lib/content.ts';

const refs = plainRefs();

/** A content folder as the site loads it (schemas applied, references as { id, collection }). */
function load(dir: string) {
  const c = contentFolder(dir);
  const chapters: ChapterSource[] = c.years().flatMap((y) => c.chapterFiles(y).map((file) => ({ ...chapterSchema(refs).parse(readMdx(file).data), year: Number(y) })));
  const registry = (file: string) => Object.entries((c.readYaml(file) ?? {}) as Record<string, unknown>);
  const instruments = registry('instruments.yaml').map(([id, v]) => ({ id, ...instrumentSchema(refs).parse(v) }));
  const maps = {
    instruments: new Map(instruments.map((i) => [i.id, i])),
    targetGroups: new Map(registry('target-groups.yaml').map(([id, v]) => [id, v as { name: string }])),
    legalBases: new Map(registry('legal-bases.yaml').map(([id, v]) => [id, v as { citation: string }])),
  };
  return { chapters, instruments, maps, readYaml: c.readYaml };
}

const duesseldorf = load(duesseldorfDir);
const chapters = duesseldorf.chapters;
const instruments = duesseldorf.instruments;
const tables = tableAppearances(chapters);
const view = (id: string) => tables.get(id)!.map((a) => ({ chapter: a.chapter.label, label: a.label, kind: a.kind, group: a.group, value: a.value?.text, href: a.href }));

describe('instrument appearances', () => {
  it('lists every table row that names an instrument exactly once, under its instrument', () => {
    const rowsInData = chapters.reduce((n, c) => n + c.tables.reduce((m, t) => m + t.rows.filter((r) => r.instrument).length, 0), 0);
    expect([...tables.values()].flat()).toHaveLength(rowsInData);
  });

  it('keeps the printed order of the rows', () => {
    const alleinerziehende = tableRows(chapters).filter((r) => r.chapter.slug === 'alleinerziehende');
    expect(alleinerziehende.map((r) => r.instrument)).toEqual(['kenne-gute-arbeit', 'avgs-mat', 'stark-im-beruf', 'tep-projekt']);
  });

  it('finds an instrument in every table that prints it, each linked to its exact row, with its footnote', () => {
    const avgs = tables.get('avgs-mat')!;
    expect(avgs.map((a) => [a.chapter.label, a.label, a.value?.entries.min, a.href])).toEqual([
      ['5.5 Handlungsschwerpunkt Reduzierung Langzeitbezug und Langzeitarbeitslosigkeit', 'Individuelle Förderungen über AVGS-MAT', 1000, '/2021/langzeitbezug/#zeile-avgs-mat'],
      ['5.6 Handlungsschwerpunkt Beschäftigungsmöglichkeiten für Alleinerziehende nutzen', 'Zielgruppenspezifische Angebote über AVGS-MAT', 500, '/2021/alleinerziehende/#zeile-avgs-mat'],
      ['5.8 Handlungsschwerpunkt Flüchtlingen den Zugang zu Arbeit und Ausbildung ermöglichen', 'Nutzung spezifischer Angebote über AVGS-MAT', 300, '/2021/gefluechtete/#zeile-avgs-mat'],
    ]);
    expect(avgs[1]!.footnote).toBe('Bei höherer Nachfrage können mehr Gutscheine ausgestellt werden.');
  });

  it('keeps every other cell with its header: the function text, the provider of a demand estimate', () => {
    const esg = tables.get('einstiegsgeld')!.find((a) => a.chapter.slug === 'integration')!;
    expect(esg.cells.find((c) => c.header === 'Funktion im Integrationsprozess')!.text).toMatch(/^ESG kann die Aufnahmebereitschaft/);
    const debts = tables.get('schuldnerberatung')![0]!;
    expect(debts.cells).toEqual([
      { header: 'Erbracht von', text: 'Schuldnerberatung Landeshauptstadt Düsseldorf und Träger' },
      { header: 'Bedarfschätzung (keine Sollplanung)', text: '300 bis 500' },
    ]);
    expect([debts.value!.entries.min, debts.value!.entries.max]).toEqual([300, 500]);
  });

  it('finds key-figure rows as rows of a table: data rows by their row, group and "darunter" rows by the table, data-only tables by the chapter', () => {
    expect(view('einstiegsgeld')[0]).toEqual({ chapter: '4 Kennzahlen', label: 'Einstiegsgeld', kind: 'data', group: 'III. Aufnahme einer Erwerbstätigkeit', value: '1.000', href: '/2021/kennzahlen/#zeile-einstiegsgeld' });
    expect(tables.get('einstiegsgeld')![0]!.cells.map((c) => `${c.header}: ${c.text.replace(/\u00a0/g, ' ')}`)).toEqual(['Eintritte 2021: 1.000', 'Ansatz 2020: 940', 'Vergleich: +6 %']);
    expect(view('freie-foerderung')).toEqual([{ chapter: '4 Kennzahlen', label: 'VII. Freie Förderung nach § 16 f', kind: 'group', group: undefined, value: '50', href: '/2021/kennzahlen/#tabelle-kennzahlen' }]);
    expect(view('zukunftsstarter')[0]).toMatchObject({ kind: 'ofWhich', href: '/2021/kennzahlen/#tabelle-kennzahlen' });
    expect(view('vermittlungsbudget')).toEqual([{ chapter: '4 Kennzahlen', label: 'Vermittlungsbudget', kind: 'data', group: undefined, value: 'rd.\u00a02.500', href: '/2021/kennzahlen/' }]);
  });

  it('lists planned figures per year side by side, never summed', () => {
    // BaE stands in 5.2 and in 5.7 with the same 100 places: two lines, no 200 anywhere.
    expect(plannedEntries(tables.get('ausserbetriebliche-ausbildung')!).map((p) => [p.year, p.text])).toEqual([
      [2021, '100'],
      [2021, '100'],
    ]);
    expect(plannedEntries(tables.get('einstiegsgeld')!).map((p) => [p.source, p.header, p.text])).toEqual([
      ['4 Kennzahlen – III. Aufnahme einer Erwerbstätigkeit – Einstiegsgeld', 'Eintritte 2021', '1.000'],
      ['5.1 Handlungsschwerpunkt Integration', 'Eintritte 2021', '1.000'],
    ]);
  });

  it('orders several programme years newest first', () => {
    const year2022 = chapters.map((c) => ({ ...c, year: 2022 }));
    const both = tableAppearances([...chapters, ...year2022]).get('einstiegsgeld')!;
    expect(both.map((a) => a.year)).toEqual([2022, 2022, 2021, 2021]);
    expect(both[1]!.href).toBe('/2022/integration/#zeile-einstiegsgeld');
  });
});

describe('the instrument overview', () => {
  const overview = instrumentOverview(2021, chapters, instruments.map((i) => i.id));

  it('groups the tables by focus area, sub-sections under their focus area, other chapters by themselves', () => {
    expect(overview.groups.map((g) => [g.anchor, g.tables.map((t) => `${t.chapter.number} ${t.table.id}`)])).toEqual([
      ['schwerpunkt-kennzahlen', ['4. kennzahlen', '4. weitere-foerdermoeglichkeiten']],
      ['schwerpunkt-integration', ['5.1. instrumente']],
      ['schwerpunkt-qualifizierung', ['5.2. instrumente']],
      ['schwerpunkt-langzeitbezug', ['5.5 instrumente', '5.5.1 instrumente', '5.5.2 bedarfsschaetzung']],
      ['schwerpunkt-alleinerziehende', ['5.6. instrumente']],
      ['schwerpunkt-jugendliche', ['5.7. instrumente']],
      ['schwerpunkt-gefluechtete', ['5.8. instrumente']],
    ]);
    expect(overview.unplanned).toEqual([]);
  });

  it('reports registry instruments the year does not name', () => {
    expect(instrumentOverview(2021, chapters, ['einstiegsgeld', 'neu-im-register']).unplanned).toEqual(['neu-im-register']);
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
    const registry = Object.keys(duesseldorf.readYaml('target-groups.yaml') as object);
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

describe('another publisher: two years, reference columns, laws outside SGB II/III (Landkreis fixture)', () => {
  const county = load(landkreisDir);
  const referenceName = referenceNameOf(county.maps);

  it('legal bases of any law link their instruments and the sections citing them, newest year first', () => {
    const bases = legalBasisLinks(county.instruments, county.chapters);
    expect(bases.get('aufenthg-45a')!.instruments).toEqual(['sprachkurse']);
    expect(bases.get('bkgg-6a')!.sections.map((s) => `${s.year} ${s.label}`)).toEqual(['2026 III.2 Familien und Zugewanderte', '2025 III.2 Familien und Zugewanderte']);
  });

  it('a reference cell shows the citation of its legal basis; rows without instrument are not appearances', () => {
    const rows = tableRows(county.chapters, (id) => county.maps.instruments.get(id)!.name, referenceName);
    const activation = rows.find((r) => r.year === 2026 && r.instrument === 'aktivierungshilfen')!;
    expect(activation.cells[0]).toEqual({ header: 'Rechtsgrundlage', text: '§ 45 SGB III' });
    expect(rows.some((r) => r.label.startsWith('darunter'))).toBe(false);
    expect(rows.filter((r) => r.instrument === 'mobilitaetshilfe').map((r) => r.year)).toEqual([2026]);
  });

  it('the overview of the newest year groups by its focus-area chapters, Roman numbers kept', () => {
    const overview = instrumentOverview(2026, county.chapters, county.instruments.map((i) => i.id));
    expect(overview.groups.map((g) => [g.chapter.label, g.tables.map((t) => t.table.id)])).toEqual([
      ['III.1 Angebote und Eintritte', ['angebote']],
      ['III.2 Familien und Zugewanderte', ['angebote']],
    ]);
    expect(overview.unplanned).toEqual([]);
    expect(instrumentOverview(2025, county.chapters, county.instruments.map((i) => i.id)).unplanned).toEqual(['mobilitaetshilfe']);
  });
});

describe('URLs', () => {
  it('builds the reference URLs', () => {
    expect(instrumentHref('avgs-mat')).toBe('/instrumente/avgs-mat/');
    expect(rowHref(2021, 'integration', 'zeile-einstiegsgeld')).toBe('/2021/integration/#zeile-einstiegsgeld');
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
    expect(routeOfPageFile('./[year]/gesamt.astro')).toBeUndefined();
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
