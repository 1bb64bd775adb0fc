/** The programme year of a path below src/content/programmes ("2021/chapters/01-x.mdx" → "2021"). */
export function yearOfPath(entry: string): string {
  const year = entry.split('/')[0] ?? '';
  if (!/^\d{4}$/.test(year)) throw new Error(`${entry}: erwartet einen Ordner mit der Jahreszahl (z. B. 2021/), gefunden: „${year}“`);
  return year;
}

/** Chapter ids are "<year>/<slug>"; the slug comes from the frontmatter (the URL segment). */
export function chapterId(entry: string, data: Record<string, unknown>): string {
  const slug = typeof data.slug === 'string' ? data.slug : (entry.split('/').pop() ?? entry).replace(/\.mdx$/, '');
  return `${yearOfPath(entry)}/${slug}`;
}

export const yearOfChapterId = (id: string) => id.split('/')[0]!;
export const slugOfChapterId = (id: string) => id.split('/').slice(1).join('/');
