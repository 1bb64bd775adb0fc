/**
 * Metadata the pages give the search index (data-pagefind-meta) and the search page shows.
 */

/**
 * "2022: 900 · 2021: 1.000": per programme year, newest first, the first planned figure (in printed
 * order: src/lib/links/appearances.ts `plannedEntries`).
 * Commas would end Pagefind's metadata value, so none are written.
 */
export function plannedPerYear(rows: readonly { year: number; text: string }[]): string {
  const seen = new Map<number, string>();
  for (const r of rows) if (!seen.has(r.year)) seen.set(r.year, r.text);
  return [...seen]
    .sort((a, b) => b[0] - a[0])
    .map(([year, text]) => `${year}: ${text}`.replace(/,/g, ';'))
    .join(' · ');
}
