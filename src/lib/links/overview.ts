/**
 * The instrument overview of one programme year (/instrumente/): the instruments of every table
 * grouped by focus area (chapters marked `focusArea`; other chapters stand for themselves), then
 * the rest of the registry.
 */
import { type ChapterRef, type ChapterSource, type TableAppearance, chapterRef, tableRows } from './appearances.ts';

export type OverviewTable = {
  chapter: ChapterRef;
  table: TableAppearance['table'];
  rows: TableAppearance[];
};

export type OverviewGroup = {
  /** Fragment id of the group's section on /instrumente/ ("schwerpunkt-integration"). */
  anchor: string;
  /** The focus area (or, for tables outside any focus area, the chapter itself). */
  chapter: ChapterRef;
  tables: OverviewTable[];
};

export type InstrumentOverview = {
  year: number;
  groups: OverviewGroup[];
  /** Registry instruments that this year's programme does not name at all. */
  unplanned: string[];
};

export const groupAnchor = (slug: string) => `schwerpunkt-${slug}`;

/** The chapter itself if it is a focus area, else its nearest ancestor that is; else the chapter. */
export function focusAreaOf<T extends Pick<ChapterSource, 'slug' | 'parent' | 'focusArea'>>(chapter: T, chapters: readonly T[]): T {
  const bySlug = new Map(chapters.map((c) => [c.slug, c]));
  const seen = new Set<string>();
  let current: T | undefined = chapter;
  while (current && !seen.has(current.slug)) {
    if (current.focusArea) return current;
    seen.add(current.slug);
    current = current.parent === undefined ? undefined : bySlug.get(current.parent);
  }
  return chapter;
}

export function instrumentOverview(
  year: number,
  chapters: readonly ChapterSource[],
  registry: readonly string[],
  nameOf?: (id: string) => string,
  referenceName?: (registry: string, id: string) => string,
): InstrumentOverview {
  const ofYear = chapters.filter((c) => c.year === year).sort((a, b) => a.order - b.order);
  const rows = tableRows(ofYear, nameOf, referenceName);
  const groups = new Map<string, OverviewGroup>();
  for (const c of ofYear) {
    const area = focusAreaOf(c, ofYear);
    for (const t of c.tables) {
      const tableRows = rows.filter((r) => r.chapter.slug === c.slug && r.table.id === t.id);
      if (tableRows.length === 0) continue;
      const group = groups.get(area.slug) ?? { anchor: groupAnchor(area.slug), chapter: chapterRef(area), tables: [] };
      group.tables.push({ chapter: chapterRef(c), table: tableRows[0]!.table, rows: tableRows });
      groups.set(area.slug, group);
    }
  }
  const named = new Set(rows.map((r) => r.instrument));
  const order = new Map(ofYear.map((c, i) => [c.slug, i]));
  return {
    year,
    groups: [...groups.values()].sort((a, b) => order.get(a.chapter.slug)! - order.get(b.chapter.slug)!),
    unplanned: registry.filter((id) => !named.has(id)),
  };
}
