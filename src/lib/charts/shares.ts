/**
 * Small charts of the shares that the text gives in words (5.4 health strategy, 5.7 U 25):
 * each share is a bar inside an outline of 100 %. The numbers come from the chapter's
 * `shares:` frontmatter; a unit test checks that each of them also stands in the prose.
 */
import type { ShareSet, ShareItem } from '../schemas/chapter.ts';
import { de } from '../format.ts';
import { barListLayout, type BarItem } from './bars.ts';
import { bothWidths, listDe, type ChartSpec } from './spec.ts';

const decimalPercent = de.format(',.1~f');
const shortMillions = de.format(',.2~f');

/** "rd. 13 %", "14 %", "knapp 42 %". */
export const shareLabel = (item: Pick<ShareItem, 'percent' | 'prefix'>) =>
  `${item.prefix ? `${item.prefix} ` : ''}${decimalPercent(item.percent)}\u00a0%`;

/** "rd. 4,9 Mio. €": the amount as the text gives it (only as many decimals as needed). */
export const amountLabel = (amount: NonNullable<ShareItem['amount']>) =>
  `${amount.prefix ? `${amount.prefix} ` : ''}${shortMillions(amount.euros / 1e6)}\u00a0Mio.\u00a0€`;

/** How the text writes the share ("rd. 13%", "knapp 42%"): what the drift test looks for. */
export const printedShare = (item: Pick<ShareItem, 'percent' | 'prefix'>) =>
  `${item.prefix ? `${item.prefix} ` : ''}${decimalPercent(item.percent)}%`;
export const printedAmount = (amount: NonNullable<ShareItem['amount']>) =>
  `${amount.prefix ? `${amount.prefix} ` : ''}${shortMillions(amount.euros / 1e6)} Mio. €`;

export function shareItems(set: ShareSet): BarItem[] {
  return set.items.map((item, i) => ({
    key: `${set.id}-${i}`,
    label: item.label,
    aside: shareLabel(item),
    bars: [{ kind: 'bar', min: item.percent, max: item.percent, valueLabel: '', track: 100 }],
    notes: item.amount ? [`Betrag: ${amountLabel(item.amount)}`] : [],
  }));
}

export function shareDescription(set: ShareSet): string {
  const all = set.items.map((i) => `${i.label}: ${shareLabel(i)}${i.amount ? ` (${amountLabel(i.amount)})` : ''}`);
  const parts = [`${listDe(all)}.`];
  if (set.items.length > 1) {
    const top = [...set.items].sort((a, b) => b.percent - a.percent)[0]!;
    parts.unshift(`Der höchste Anteil: ${top.label} mit ${shareLabel(top)}.`);
  }
  return parts.join(' ');
}

export function shareChart(set: ShareSet): ChartSpec {
  const items = shareItems(set);
  return {
    title: set.caption,
    description: shareDescription(set),
    layouts: bothWidths((width) =>
      barListLayout(items, { width, domainMax: 100, legend: [{ kind: 'bar', label: 'Anteil' }, { kind: 'track', label: '100 %' }] }),
    ),
  };
}

/**
 * The shares of a chapter whose numbers do not stand in its prose as printed ("rd. 13%",
 * "knapp 42%", "rd. 4,9 Mio. €"): the chart must show what the text says, nothing else.
 */
export function sharesMissingFromProse(shares: readonly ShareSet[], prose: string): string[] {
  const text = prose.replace(/\s+/g, ' ');
  const problems: string[] = [];
  for (const set of shares)
    for (const item of set.items) {
      const expected = [printedShare(item), ...(item.amount ? [printedAmount(item.amount)] : [])];
      for (const e of expected)
        if (!text.includes(e)) problems.push(`shares „${set.id}“, „${item.label}“: „${e}“ steht nicht im Text des Kapitels`);
    }
  return problems;
}
