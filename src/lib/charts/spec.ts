import type { Chart } from './types.ts';

/**
 * Each chart is laid out twice: for phones (288 units: 320 px minus the page margins, drawn
 * at scale 1) and for wider screens and print (640 units: the text column). CSS shows one.
 * Both come from the same function, so they hold the same data.
 */
export const WIDTHS = { narrow: 288, wide: 640 } as const;
export type Variant = keyof typeof WIDTHS;

/** What a chart component needs: accessible name, the finding in words, two layouts. */
export type ChartSpec = {
  title: string;
  /** The main finding in words, for <desc> (and readers of the figure). */
  description: string;
  layouts: Record<Variant, Chart>;
};

export const bothWidths = (layout: (width: number) => Chart): Record<Variant, Chart> => ({
  narrow: layout(WIDTHS.narrow),
  wide: layout(WIDTHS.wide),
});

/** "A, B und C". */
const germanList = new Intl.ListFormat('de', { style: 'long', type: 'conjunction' });
export function listDe(items: string[]): string {
  return germanList.format(items);
}
