/**
 * Chart of the demand estimates of the municipal services (5.5.2): each estimate is a range
 * from its lower to its upper value, drawn as a hatched interval with end marks against an
 * axis, largest first. These are estimates, not targets ("keine Sollplanung"): no totals.
 */
import type { DemandEstimateTable } from '../schemas/chapter.ts';
import { describeEntries, formatEntries } from '../format.ts';
import { barListLayout, type BarItem } from './bars.ts';
import { byEntriesDescending } from './instruments.ts';
import { bothWidths, type ChartSpec } from './spec.ts';

export function estimateItems(table: DemandEstimateTable): BarItem[] {
  return table.rows
    .map((r) => ({ ...r, entries: r.estimate }))
    .sort(byEntriesDescending)
    .map((r) => ({
      key: r.instrument.id,
      label: r.label,
      bars: [{ kind: 'interval', min: r.estimate.min, max: r.estimate.max, valueLabel: formatEntries(r.estimate) }],
    }));
}

export function estimateDescription(table: DemandEstimateTable): string {
  const sorted = table.rows.map((r) => ({ ...r, entries: r.estimate })).sort(byEntriesDescending);
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  const widest = [...sorted].sort((a, b) => b.estimate.max - b.estimate.min - (a.estimate.max - a.estimate.min))[0]!;
  const parts = [`Bedarfsschätzung als Spanne für ${sorted.length} Leistungen, keine Sollplanung.`];
  if (sorted.length > 1)
    parts.push(
      `Am höchsten geschätzt: ${first.label} mit ${describeEntries(first.estimate)}; am niedrigsten: ${last.label} mit ${describeEntries(last.estimate)}.`,
      `Die breiteste Spanne hat ${widest.label} (${describeEntries(widest.estimate)}).`,
    );
  return parts.join(' ');
}

export function estimateChart(table: DemandEstimateTable): ChartSpec {
  const items = estimateItems(table);
  return {
    title: table.caption,
    description: estimateDescription(table),
    layouts: bothWidths((width) =>
      barListLayout(items, {
        width,
        axis: true,
        legend: [{ kind: 'interval', label: 'geschätzte Spanne (von … bis …)' }],
        notes: table.footnotes.map((f) => `${f.mark} ${f.text}`),
      }),
    ),
  };
}
