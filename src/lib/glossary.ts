/** Glossary entries sorted as a German reader looks them up: case-insensitive, umlauts with their base letter. */
export function sortGlossary<T extends { abbreviation: string }>(entries: readonly T[]): T[] {
  const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });
  return [...entries].sort((a, b) => collator.compare(a.abbreviation, b.abbreviation));
}
