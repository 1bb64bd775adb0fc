/**
 * Metadata the pages give the search index (data-pagefind-meta) and the search page shows.
 */

/**
 * "2021: 1.000 · 2022: 900": per programme year, newest first, the first planned figure (the key
 * figures before the tables; the previous year's plan quoted in a key-figures table left out).
 * Commas would end Pagefind's metadata value, so none are written.
 */
export function plannedPerYear(rows: readonly { year: number; kind: string; text: string }[]): string {
  const seen = new Map<number, string>();
  for (const r of rows) if (r.kind !== 'previousPlan' && !seen.has(r.year)) seen.set(r.year, r.text);
  return [...seen]
    .sort((a, b) => b[0] - a[0])
    .map(([year, text]) => `${year}: ${text}`.replace(/,/g, ';'))
    .join(' · ');
}
