import type { Programme } from './schemas/programme.ts';
import type { Chapter } from './schemas/chapter.ts';
import { formatCount, formatEuroMillions, formatPercent } from './format.ts';
import { percentChange } from './numbers.ts';

export type KeyFact = { value: string; label: string };

/** The headline figures of a programme year, all derived from its data. */
export function keyFacts(p: Programme, chapters: readonly Pick<Chapter, 'focusArea' | 'tables'>[]): KeyFact[] {
  const k = p.keyFigures;
  const change = percentChange(k.total.entries, k.total.previousPlan);
  const previousYear = p.year - 1;
  const instruments = new Set(chapters.flatMap((c) => c.tables.flatMap((t) => t.rows.map((r) => r.instrument.id))));
  return [
    {
      value: `${p.integrationBudget.approximate ? 'rd. ' : ''}${formatEuroMillions(p.integrationBudget.euros)}`,
      label: 'im Eingliederungstitel (EGT)',
    },
    {
      value: formatCount(k.total.entries),
      label: `geplante Eintritte ${p.year}${change === null ? '' : ` (${formatPercent(change)} gegenüber dem Ansatz ${previousYear}: ${formatCount(k.total.previousPlan)})`}`,
    },
    { value: formatCount(chapters.filter((c) => c.focusArea).length), label: 'Handlungsschwerpunkte' },
    { value: formatCount(instruments.size), label: 'Instrumente und Angebote in den Tabellen der Handlungsschwerpunkte' },
  ];
}
