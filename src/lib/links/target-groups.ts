/**
 * Target group → the sections that name or serve it, and the instruments of those sections' tables.
 * Chapter frontmatter lists the target groups of each section (`targetGroups`); an instrument
 * serves a group when it stands in a table of such a section.
 */
import { refId } from '../schemas/ref.ts';
import { type ChapterRef, type ChapterSource, type TableAppearance, chapterRef, tableRows } from './appearances.ts';

export type TargetGroupLinks = {
  /** Sections whose frontmatter names the group, newest year first, then printed order. */
  sections: ChapterRef[];
  /** The table rows of those sections, per section (sections without a table are left out). */
  instruments: { chapter: ChapterRef; rows: TableAppearance[] }[];
};

const ordered = (chapters: readonly ChapterSource[]) => [...chapters].sort((a, b) => b.year - a.year || a.order - b.order);

/** Links of every target group named by a chapter, keyed by target-group id. */
export function targetGroupLinks(chapters: readonly ChapterSource[]): Map<string, TargetGroupLinks> {
  const rows = tableRows(chapters);
  const result = new Map<string, TargetGroupLinks>();
  for (const c of ordered(chapters)) {
    const chapter = chapterRef(c);
    const sectionRows = rows.filter((r) => r.year === c.year && r.chapter.slug === c.slug);
    for (const group of c.targetGroups.map(refId)) {
      const links = result.get(group) ?? { sections: [], instruments: [] };
      links.sections.push(chapter);
      if (sectionRows.length > 0) links.instruments.push({ chapter, rows: sectionRows });
      result.set(group, links);
    }
  }
  return result;
}

/** The target groups of the sections in whose tables an instrument stands (ids, first-seen order). */
export function targetGroupsOfInstrument(instrument: string, chapters: readonly ChapterSource[]): string[] {
  const groups = new Set<string>();
  for (const c of ordered(chapters))
    if (c.tables.some((t) => t.rows.some((r) => r.instrument !== undefined && refId(r.instrument) === instrument))) c.targetGroups.map(refId).forEach((g) => groups.add(g));
  return [...groups];
}
