/**
 * What a programme table shows (src/lib/table-view.ts), for tables of every column type and row
 * kind: cells in the German format of their column, references as names with links, groups as
 * bodies, the total row, footnotes and the notes that explain computed columns and row kinds.
 * Data: the Landkreis and Düsseldorf 2021 fixtures, and small tables written here.
 */
import { describe, expect, it } from 'vitest';
import { tableView, type TableView } from '../../src/lib/table-view.ts';
import { tableSchema, type Table } from '../../src/lib/schemas/table.ts';
import { duesseldorfDir, landkreisDir } from '../lib/content.ts';
import { loadYear, nameOfIn } from './charts-data.ts';

const nb = (s: string) => s.replace(/\u00a0/g, ' ');
const landkreis2025 = loadYear('2025', landkreisDir);
const landkreis2026 = loadYear('2026', landkreisDir);
const duesseldorf = loadYear('2021', duesseldorfDir);

function find(year: typeof landkreis2025, slug: string, id: string): { table: Table; view: TableView } {
  const table = year.chapters.find((c) => c.data.slug === slug)!.data.tables.find((t) => t.id === id)!;
  const citation = (registry: string, refId: string) => (registry === 'legalBases' ? `§-${refId}` : refId);
  return { table, view: tableView(table, nameOfIn(year.instruments), citation) };
}
/** Each row as its header and cells, no-break spaces as spaces. */
const rows = (v: TableView) => v.bodies.flat().map((r) => (r.note ? [r.header.text] : [r.header.text, ...r.cells.map((c) => c.text)]).map(nb));

describe('€ with cents, groups, "darunter", a note row and the total', () => {
  const { view } = find(landkreis2025, 'finanzen', 'haushalt');

  it('formats every amount in € with cents where it has them', () => {
    expect(rows(view)).toEqual([
      ['1. Eingliederung in Arbeit', '1.845.000,75 €'],
      ['Aktivierung und Vermittlung', '612.500,25 €'],
      ['Berufliche Weiterbildung', '1.232.500,50 €'],
      ['2. Beschäftigung schaffen', '980.000 €'],
      ['Teilhabe am Arbeitsmarkt', '980.000 €'],
      ['darunter Lohnkostenzuschüsse', '735.000 €'],
      ['3. Familien und Zugewanderte', '410.250,40 €'],
      ['Familiencoaching', '150.250,40 €'],
      ['Sprachförderung', '260.000 €'],
      ['Alle Beträge sind Planwerte und können sich im Laufe des Jahres ändern.'],
    ]);
    expect([view.total!.header.text, ...view.total!.cells.map((c) => nb(c.text))]).toEqual(['Eingliederungsmittel insgesamt', '3.235.251,15 €']);
  });

  it('one body per group; group, member, "darunter" and note rows are marked', () => {
    expect(view.bodies).toHaveLength(3);
    expect(view.bodies[1]!.map((r) => r.className)).toEqual(['row-group', 'row-sub', 'row-ofwhich']);
    expect(view.bodies[2]!.at(-1)).toMatchObject({ note: true, className: 'row-note', id: undefined });
    expect(view.headers).toEqual([
      { text: 'Haushaltsposition', numeric: false },
      { text: 'Ansatz 2025', numeric: true },
    ]);
    expect(view.notes.join(' ')).toMatch(/Eingerückte Zeilen gehören zur Gruppe darüber\..*„darunter“-Zeilen sind Teil der Zeile über ihnen/);
  });
});

describe('other column types', () => {
  it('€ in millions', () => {
    expect(rows(find(landkreis2025, 'finanzen', 'gesamtbudget').view)).toEqual([
      ['Eingliederungsmittel', '3,24 Mio. €'],
      ['Verwaltungskosten', '5,12 Mio. €'],
    ]);
  });

  it('percent with the declared decimals, and shares', () => {
    expect(rows(find(landkreis2025, 'ziele', 'zielwerte').view)).toEqual([
      ['Integrationsquote', '24,5 %', '23,8 %'],
      ['Anteil nachhaltiger Integrationen', '62,0 %', '60,4 %'],
      ['Quote der Langzeitbeziehenden in Arbeit', '12,5 %', '11,9 %'],
    ]);
    expect(rows(find(landkreis2025, 'ziele', 'mittelverteilung').view).map((r) => r[1])).toEqual(['57 %', '30,3 %', '12,7 %']);
  });

  it('decimals and years (a year is never grouped)', () => {
    expect(rows(find(landkreis2025, 'ausgangslage', 'arbeitsmarkt').view)[0]).toEqual(['Arbeitslosenquote in Prozent', '5,8', '2005']);
  });

  it('text only: nothing numeric, three columns stack on narrow screens', () => {
    const { view } = find(landkreis2025, 'ausgangslage', 'standorte');
    expect(view.headers.every((h) => !h.numeric)).toBe(true);
    expect(view.stack).toBe(true);
    expect(view.total).toBeUndefined();
  });

  it('the five-column table: reference cells name and link the legal basis, rows link their instrument', () => {
    const { view } = find(landkreis2025, 'angebote', 'angebote');
    expect(view.stack).toBe(false);
    const first = view.bodies[0]![0]!;
    expect(first.id).toBe('zeile-aktivierungshilfen');
    expect(first.header).toMatchObject({ text: 'Aktivierungshilfen', href: '/instrumente/aktivierungshilfen/' });
    expect(first.cells.map((c) => [nb(c.text), c.href, c.numeric])).toEqual([
      ['§-sgb3-45', '/rechtsgrundlagen/sgb3-45/', false],
      ['420', undefined, true],
      ['4,5', undefined, true],
      ['in allen drei Standorten', undefined, false],
    ]);
    expect(rows(view)[1]![2]).toBe('180 bis 210');
    expect(rows(view)[3]).toEqual(['darunter bei kommunalen Arbeitgebern', '', '20', '', '']);
    expect(nb(view.total!.cells[1]!.text)).toBe('665 bis 695');
  });

  it('a footnote mark stays at its number and the footnote under the table', () => {
    const { view } = find(landkreis2026, 'angebote', 'angebote');
    const mobility = view.bodies.flat().find((r) => r.id === 'zeile-mobilitaetshilfe')!;
    expect(mobility.cells[1]!.text).toBe('120*');
    expect(view.footnotes).toEqual(['* Zuschüsse zu Fahrtkosten; gezählt werden bewilligte Anträge.']);
  });
});

describe('computed change (key figures of the Düsseldorf 2021 fixture)', () => {
  const { view } = find(duesseldorf, 'kennzahlen', 'kennzahlen');

  it('shows the change computed from its two columns, and says so under the table', () => {
    expect(nb(view.total!.cells.at(-1)!.text)).toBe('-15 %');
    const viii = view.bodies.flat().find((r) => r.header.text.startsWith('VIII.'))!;
    expect(nb(viii.cells.at(-1)!.text)).toBe('-100 %');
    expect(view.notes[0]).toBe('„Vergleich“: Veränderung von „Eintritte 2021“ gegenüber „Ansatz 2020“ in Prozent, aus den beiden Spalten berechnet.');
  });

  it('shows the computed value even where the data gives none, and "–" without a base', () => {
    const t = tableSchema.parse({
      id: 'k',
      preset: 'keyFigures',
      caption: 'K',
      columns: ['Zweck', 'Eintritte', 'Vorjahr', 'Vergleich'],
      rows: [
        { label: 'A', entries: 110, previousPlan: 100 },
        { label: 'B', entries: 5, previousPlan: 0 },
      ],
    });
    const v = tableView(t, (id) => id);
    expect(rows(v).map((r) => r[3])).toEqual(['+10 %', '–']);
  });
});

describe('row anchors on a chapter page', () => {
  it('stay unique when two tables of a chapter have a row for the same instrument', async () => {
    const { chapterRowAnchor } = await import('../../src/lib/links/hrefs.ts');
    const row = (id: string) => ({ kind: 'data' as const, instrument: { id, collection: 'instruments' }, targetGroup: undefined, legalBasis: undefined });
    const tables = [
      { id: 'eintritte', shown: true, rows: [row('alpha'), row('beta')] },
      { id: 'kennzahlen', shown: true, rows: [row('alpha')] },
      { id: 'daten', shown: false, rows: [row('beta')] },
    ] as never;
    expect(chapterRowAnchor(tables, 'eintritte', 'alpha')).toBe('zeile-eintritte-alpha');
    expect(chapterRowAnchor(tables, 'kennzahlen', 'alpha')).toBe('zeile-kennzahlen-alpha');
    expect(chapterRowAnchor(tables, 'eintritte', 'beta')).toBe('zeile-beta');
  });
});
