/**
 * The chart of any programme table, chosen by its column types (src/lib/schemas/table.ts):
 * - a "change" column: for each row the current value beside the previous one, groups as
 *   headings with their rows drawn as parts (key figures);
 * - otherwise the first count, euro, percent or decimal column: bars, largest first (ranges
 *   solid up to the lower and hatched up to the upper value; values "included in" another
 *   row drawn as a part of that row, never as a bar of their own);
 *   a column whose every value is a range (estimates): hatched intervals against an axis;
 *   percent: an axis from 0 to 100.
 * A table whose types fit no chart (only text, years, negative numbers) gets none.
 */
import type { NumberKind, Quantity } from '../schemas/entries.ts';
import { type Column, type Row, type Table, changeOf, computedTotal, groupMembers, isNumberType, partsOf, quantityOf, rowRef } from '../schemas/table.ts';
import { describeEntries, formatPercent, formatQuantity } from '../format.ts';
import { barListLayout, type BarItem, type LegendEntry, type PartSpec } from './bars.ts';
import { bothWidths, listDe, type ChartSpec } from './spec.ts';

type NameOf = (id: string) => string;
const charted: readonly NumberKind[] = ['count', 'euros', 'percent', 'decimal'];

/** The column a table's chart draws, and the column it compares against (if any). */
export function chartColumns(table: Table): { value: Column; previous: Column | undefined; change: Column | undefined } | undefined {
  if (!table.chart) return undefined;
  const change = table.columns.find((c) => c.type === 'change' && c.compare);
  if (change) {
    const [a, b] = change.compare!.map((k) => table.columns.find((c) => c.key === k)!);
    return { value: a!, previous: b, change };
  }
  const value = table.columns.find((c) => isNumberType(c.type) && charted.includes(c.type as NumberKind));
  if (!value) return undefined;
  const quantities = table.rows.map((r) => quantityOf(r, value.key)).filter((q): q is Quantity => q !== undefined);
  if (quantities.length === 0 || quantities.some((q) => q.min < 0)) return undefined;
  return { value, previous: undefined, change: undefined };
}

const kindOf = (c: Column) => c.type as NumberKind;
const label = (r: Row) => `${r.number ? `${r.number} ` : ''}${r.label}`;
const key = (r: Row, i: number) => rowRef(r)?.id ?? `zeile-${i}`;

/** The number as printed, with footnote mark, without "(in … enthalten)" and qualifier words. */
export const valueLabel = (c: Column, q: Quantity, nameOf: NameOf) => formatQuantity(kindOf(c), { ...q, includedIn: undefined, qualifier: undefined }, c, nameOf);

/** Largest first by upper value, then lower value; ties in German alphabetical order. */
const byValueDescending = (a: { label: string; q: Quantity }, b: { label: string; q: Quantity }) =>
  b.q.max - a.q.max || b.q.min - a.q.min || a.label.localeCompare(b.label, 'de');

/** Rows of a table without groups: bars, largest first, with "included in" rows as parts. */
function plainItems(table: Table, column: Column, nameOf: NameOf, interval: boolean): BarItem[] {
  const rows = table.rows
    .map((row, i) => ({ row, i, label: label(row), q: quantityOf(row, column.key) }))
    .filter((r): r is { row: Row; i: number; label: string; q: Quantity } => r.q !== undefined && r.row.kind === 'data');
  const own = rows.filter((r) => r.q.includedIn === undefined).sort(byValueDescending);
  const included = rows.filter((r) => r.q.includedIn !== undefined);
  const ofWhich = partsOf(table);
  return own.map((r) => ({
    key: key(r.row, r.i),
    label: r.label,
    bars: [{ kind: interval ? 'interval' : 'bar', min: r.q.min, max: r.q.max, valueLabel: interval ? formatQuantity(kindOf(column), r.q, column, nameOf) : valueLabel(column, r.q, nameOf) }],
    notes: r.q.qualifier ? [`${column.header}: ${formatQuantity(kindOf(column), r.q, column, nameOf)}`] : [],
    parts: [
      ...included
        .filter((p) => p.q.includedIn!.id === r.row.instrument?.id)
        .map((p): PartSpec => ({ key: key(p.row, p.i), label: p.label, valueLabel: formatQuantity(kindOf(column), p.q, column, nameOf), value: p.q.max, whole: r.q.max, depth: 1 })),
      ...(ofWhich.find((o) => o.parent === r.row)?.parts ?? []).flatMap(({ row, index }): PartSpec[] => {
        const q = quantityOf(row, column.key);
        return q ? [{ key: key(row, index), label: label(row), valueLabel: formatQuantity(kindOf(column), q, column, nameOf), value: q.max, whole: r.q.max, depth: 1 }] : [];
      }),
    ],
  }));
}

/**
 * Rows of a table with groups (and of every table with a change column), in printed order:
 * each group a heading bar; its rows as parts when it has more than one (a single row only
 * repeats the group), and every "darunter" row as a part of the row above it.
 */
function groupedItems(table: Table, value: Column, previous: Column | undefined, change: Column | undefined, nameOf: NameOf): BarItem[] {
  const groups = groupMembers(table);
  const heads = groups.length > 0 ? groups.map((g) => ({ row: g.group, index: g.index, members: g.members })) : table.rows.map((row, index) => ({ row, index, members: [] as { row: Row; index: number }[] })).filter((r) => r.row.kind === 'data');
  const ofWhich = partsOf(table);
  return heads.flatMap(({ row, index, members }): BarItem[] => {
    const q = quantityOf(row, value.key);
    if (!q) return [];
    const p = previous ? quantityOf(row, previous.key) : undefined;
    const parts: PartSpec[] = [];
    const showMembers = members.length > 1;
    const partsBelow = (parent: Row, depth: 1 | 2, whole: number) =>
      (ofWhich.find((o) => o.parent === parent)?.parts ?? []).flatMap(({ row: part, index: pi }): PartSpec[] => {
        const pq = quantityOf(part, value.key);
        return pq ? [{ key: key(part, pi), label: label(part), valueLabel: formatQuantity(kindOf(value), pq, value, nameOf), value: pq.max, whole, depth }] : [];
      });
    parts.push(...partsBelow(row, 1, q.max));
    for (const m of members) {
      const mq = quantityOf(m.row, value.key);
      if (!mq) continue;
      if (showMembers) parts.push({ key: key(m.row, m.index), label: label(m.row), valueLabel: formatQuantity(kindOf(value), mq, value, nameOf), value: mq.max, whole: q.max, depth: 1 });
      parts.push(...partsBelow(m.row, showMembers ? 2 : 1, mq.max));
    }
    const c = change ? changeOf(row, change) : undefined;
    return [
      {
        key: key(row, index),
        label: label(row),
        heading: groups.length > 0,
        aside: c === undefined ? undefined : c === null ? 'neu' : formatPercent(c),
        bars: [
          { kind: 'bar', min: q.min, max: q.max, valueLabel: `${value.header}: ${valueLabel(value, q, nameOf)}` },
          ...(previous && p ? [{ kind: 'previous' as const, min: p.min, max: p.max, valueLabel: `${previous.header}: ${valueLabel(previous, p, nameOf)}` }] : []),
        ],
        parts,
      },
    ];
  });
}

function describeValue(c: Column, q: { min: number; max: number }) {
  return describeEntries({ ...q, notation: 'bis', approximate: false }, kindOf(c), c);
}

/** The main finding in words, for the chart's description. */
export function tableChartDescription(table: Table, items: BarItem[], value: Column, previous: Column | undefined): string {
  const parts: string[] = [];
  const total = (table.total ? quantityOf(table.total, value.key) : undefined) ?? (value.additive ? computedTotal(table, value.key) : undefined);
  const rows = table.rows.filter((r) => r.kind === (table.rows.some((o) => o.kind === 'group') ? 'group' : 'data'));
  const withValue = rows.map((r) => ({ r, q: quantityOf(r, value.key) })).filter((x): x is { r: Row; q: Quantity } => x.q !== undefined && x.q.includedIn === undefined);
  parts.push(`${items.length === 1 ? 'Eine Zeile' : `${items.length} Zeilen`} der Spalte „${value.header}“${total ? `, zusammen ${describeValue(value, total)}` : ''}.`);
  if (previous && table.total) {
    const p = quantityOf(table.total, previous.key);
    if (p) parts.push(`„${previous.header}“: zusammen ${describeValue(previous, p)}.`);
  }
  if (withValue.length > 1) {
    const sorted = [...withValue].sort((a, b) => b.q.max - a.q.max || b.q.min - a.q.min);
    const first = sorted[0]!;
    const last = sorted.at(-1)!;
    parts.push(`Am höchsten: ${label(first.r)} mit ${describeEntries(first.q, kindOf(value), value)}; am niedrigsten: ${label(last.r)} mit ${describeEntries(last.q, kindOf(value), value)}.`);
  }
  const ranges = withValue.filter((x) => x.q.max > x.q.min);
  if (ranges.length > 0 && ranges.length < withValue.length) parts.push(`Als Spanne angegeben: ${listDe(ranges.map((x) => `${label(x.r)} (${describeEntries(x.q, kindOf(value), value)})`))}.`);
  if (ranges.length > 0 && ranges.length === withValue.length) parts.push('Alle Werte sind als Spanne (von … bis …) angegeben.');
  const included = table.rows.filter((r) => quantityOf(r, value.key)?.includedIn !== undefined);
  if (included.length > 0) parts.push(`${listDe(included.map((r) => r.label))}: als Teil einer anderen Zeile gezeigt und nicht zusätzlich gezählt.`);
  for (const f of table.footnotes) {
    const marked = withValue.filter((x) => x.q.footnote === f.mark);
    if (marked.length > 0) parts.push(`Zu ${listDe(marked.map((x) => label(x.r)))}: ${f.text}`);
  }
  if (table.rows.some((r) => r.kind === 'ofWhich' || r.kind === 'breakdown') || (items.some((i) => (i.parts ?? []).length > 0) && table.rows.some((r) => r.kind === 'group')))
    parts.push('Zeilen einer Gruppe und „darunter“-Zeilen sind als Teil der Zeile darüber gezeigt und nicht zusätzlich gezählt.');
  return parts.join(' ');
}

/** The chart spec of a table, or undefined when its column types fit no chart. */
export function tableChart(table: Table, nameOf: NameOf): ChartSpec | undefined {
  const cols = chartColumns(table);
  if (!cols) return undefined;
  const { value, previous, change } = cols;
  const grouped = change !== undefined || table.rows.some((r) => r.kind === 'group');
  const quantities = table.rows.filter((r) => r.kind === 'data').map((r) => quantityOf(r, value.key)).filter((q): q is Quantity => q !== undefined);
  const interval = !grouped && quantities.length > 0 && quantities.every((q) => q.max > q.min);
  const items = grouped ? groupedItems(table, value, previous, change, nameOf) : plainItems(table, value, nameOf, interval);
  if (items.length === 0) return undefined;
  const legend: LegendEntry[] = [];
  if (interval) legend.push({ kind: 'interval', label: 'angegebene Spanne (von … bis …)' });
  else {
    legend.push({ kind: 'bar', label: value.header });
    if (previous) legend.push({ kind: 'previous', label: previous.header });
    if (quantities.some((q) => q.includedIn === undefined && q.max > q.min)) legend.push({ kind: 'extent', label: 'Spanne bis zum oberen Wert' });
    if (items.some((i) => (i.parts ?? []).length > 0)) legend.push({ kind: 'part', label: grouped ? 'Teil der Zeile darüber' : 'darin enthalten, nicht zusätzlich gezählt' });
  }
  const percent = value.type === 'percent' && quantities.every((q) => q.max <= 100);
  return {
    title: table.caption,
    description: tableChartDescription(table, items, value, previous),
    layouts: bothWidths((width) =>
      barListLayout(items, {
        width,
        // A single key would only repeat what the numbers say.
        legend: legend.length > 1 || interval ? legend : [],
        intro: change ? [`Rechts neben dem Namen: ${change.header} (Veränderung gegenüber „${previous?.header ?? ''}“).`] : undefined,
        notes: table.footnotes.map((f) => `${f.mark} ${f.text}`),
        axis: interval || percent,
        domainMax: percent ? 100 : undefined,
      }),
    ),
  };
}

