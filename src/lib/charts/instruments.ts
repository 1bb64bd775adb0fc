/**
 * Charts of the instrument tables (5.1, 5.2, 5.5, 5.5.1, 5.6, 5.7, 5.8): planned entries per
 * instrument, largest first; ranges solid up to the lower and hatched up to the upper value;
 * footnote marks kept on the number; a value "included in" another row drawn as a part of
 * that row, never as a bar of its own (it is not added to the total either).
 */
import type { Entries } from '../schemas/entries.ts';
import { computedTotal, type InstrumentTable } from '../schemas/chapter.ts';
import { describeEntries, formatEntries } from '../format.ts';
import { barListLayout, type BarItem, type LegendEntry } from './bars.ts';
import { bothWidths, listDe, type ChartSpec } from './spec.ts';

type NameOf = (id: string) => string;

/** The number as printed, with footnote mark, without "(in … enthalten)" and qualifier words. */
export const valueLabel = (e: Entries, nameOf: NameOf) => formatEntries({ ...e, includedIn: undefined, qualifier: undefined }, nameOf);

/** Largest first by upper value, then lower value; ties in German alphabetical order. */
export const byEntriesDescending = <T extends { label: string; entries: { min: number; max: number } }>(a: T, b: T) =>
  b.entries.max - a.entries.max || b.entries.min - a.entries.min || a.label.localeCompare(b.label, 'de');

export function instrumentItems(table: InstrumentTable, nameOf: NameOf): BarItem[] {
  const own = table.rows.filter((r) => r.entries.includedIn === undefined).sort(byEntriesDescending);
  const included = table.rows.filter((r) => r.entries.includedIn !== undefined);
  return own.map((row) => ({
    key: row.instrument.id,
    label: row.label,
    bars: [{ kind: 'bar', min: row.entries.min, max: row.entries.max, valueLabel: valueLabel(row.entries, nameOf) }],
    notes: row.entries.qualifier ? [`Eintritte: ${formatEntries(row.entries, nameOf)}`] : [],
    parts: included
      .filter((p) => p.entries.includedIn!.id === row.instrument.id)
      .map((p) => ({
        key: p.instrument.id,
        label: p.label,
        valueLabel: formatEntries(p.entries, nameOf),
        value: p.entries.max,
        whole: row.entries.max,
        depth: 1 as const,
      })),
  }));
}

export function instrumentLegend(table: InstrumentTable): LegendEntry[] {
  const entries: LegendEntry[] = [{ kind: 'bar', label: 'geplante Eintritte' }];
  if (table.rows.some((r) => r.entries.includedIn === undefined && r.entries.max > r.entries.min))
    entries.push({ kind: 'extent', label: 'Spanne bis zum oberen Wert' });
  if (table.rows.some((r) => r.entries.includedIn !== undefined))
    entries.push({ kind: 'part', label: 'darin enthalten, nicht zusätzlich gezählt' });
  // A single key would only repeat what the numbers say.
  return entries.length > 1 ? entries : [];
}

export function instrumentDescription(table: InstrumentTable, nameOf: NameOf): string {
  const own = table.rows.filter((r) => r.entries.includedIn === undefined).sort(byEntriesDescending);
  const total: Entries = table.total?.entries ?? { ...computedTotal(table), notation: 'bis', approximate: false };
  const first = own[0]!;
  const last = own.at(-1)!;
  const parts: string[] = [
    own.length === 1
      ? `Ein Instrument mit ${describeEntries(total)} geplanten Eintritten.`
      : `${own.length} Instrumente mit zusammen ${describeEntries(total)} geplanten Eintritten.`,
  ];
  if (own.length > 1) {
    parts.push(`Die meisten Eintritte sind geplant für ${first.label}: ${describeEntries(first.entries)}; die wenigsten für ${last.label}: ${describeEntries(last.entries)}.`);
  }
  const included = table.rows.filter((r) => r.entries.includedIn !== undefined);
  if (included.length > 0)
    parts.push(
      `${listDe(included.map((r) => `${r.label}: ${formatEntries(r.entries, nameOf)}`))}; als Teil dieser Zeile gezeigt und nicht zusätzlich gezählt.`,
    );
  const ranges = own.filter((r) => r.entries.max > r.entries.min);
  if (ranges.length > 0) parts.push(`Als Spanne geplant: ${listDe(ranges.map((r) => `${r.label} (${describeEntries(r.entries)})`))}.`);
  const footnoted = own.filter((r) => r.entries.footnote);
  for (const f of table.footnotes) {
    const rows = footnoted.filter((r) => r.entries.footnote === f.mark);
    if (rows.length > 0) parts.push(`Zu ${listDe(rows.map((r) => r.label))}: ${f.text}`);
  }
  return parts.join(' ');
}

export function instrumentChart(table: InstrumentTable, nameOf: NameOf): ChartSpec {
  const items = instrumentItems(table, nameOf);
  const legend = instrumentLegend(table);
  const notes = table.footnotes.map((f) => `${f.mark} ${f.text}`);
  return {
    title: table.caption,
    description: instrumentDescription(table, nameOf),
    layouts: bothWidths((width) => barListLayout(items, { width, legend, notes })),
  };
}
