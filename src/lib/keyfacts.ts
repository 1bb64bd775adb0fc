import type { Programme } from './schemas/programme.ts';
import type { Chapter } from './schemas/chapter.ts';
import type { Publisher } from './schemas/registries.ts';
import { type NumberKind } from './schemas/entries.ts';
import { changeOf, computedTotal, isNumberType, quantityOf } from './schemas/table.ts';
import { formatBudget, formatCount, formatPercent, formatQuantity } from './format.ts';

export type KeyFact = { value: string; label: string };

type Tables = readonly Pick<Chapter, 'tables'>[];

/** The totals of the tables marked `headline: true`, in printed order: each with its first additive number column. */
export function headlineTotals(chapters: Tables) {
  return chapters
    .flatMap((c) => c.tables)
    .filter((t) => t.headline)
    .flatMap((t) => {
      const column = t.columns.find((c) => isNumberType(c.type) && c.additive);
      const total = column ? ((t.total ? quantityOf(t.total, column.key) : undefined) ?? computedTotal(t, column.key)) : undefined;
      return column && total ? [{ table: t, column, total: { notation: 'bis' as const, approximate: false, ...total } }] : [];
    });
}

/**
 * The headline figures of a programme year, all derived from its data and only where the data
 * has them: the budget, the total of each table marked `headline: true` (with its change where
 * the table compares two columns), the number of focus areas and of instruments in their tables.
 */
export function keyFacts(
  p: Programme,
  chapters: readonly Pick<Chapter, 'focusArea' | 'tables'>[],
  labels: Publisher['labels'],
): KeyFact[] {
  const facts: KeyFact[] = [];
  if (p.integrationBudget)
    facts.push({ value: formatBudget(p.integrationBudget), label: `im ${labels.budget}` });
  for (const { table: t, column, total } of headlineTotals(chapters)) {
    const change = t.columns.find((c) => c.type === 'change' && c.compare?.[0] === column.key);
    const previous = change ? t.columns.find((c) => c.key === change.compare![1]) : undefined;
    const pct = change && t.total ? changeOf(t.total, change) : undefined;
    const prevTotal = previous && t.total ? quantityOf(t.total, previous.key) : undefined;
    const value = formatQuantity(column.type as NumberKind, total, column);
    facts.push({
      value,
      label: `${column.header}${pct === undefined || pct === null || !previous ? '' : ` (${formatPercent(pct)} gegenüber ${previous.header}${prevTotal ? `: ${formatQuantity(previous.type as NumberKind, prevTotal, previous)}` : ''})`}`,
    });
  }
  const focusAreas = chapters.filter((c) => c.focusArea);
  if (focusAreas.length > 0) facts.push({ value: formatCount(focusAreas.length), label: labels.focusAreas });
  const instruments = new Set(focusAreas.flatMap((c) => c.tables.flatMap((t) => t.rows.flatMap((r) => (r.instrument ? [r.instrument.id] : [])))));
  if (instruments.size > 0) facts.push({ value: formatCount(instruments.size), label: `Instrumente und Angebote in den Tabellen der ${labels.focusAreas}` });
  return facts;
}
