/**
 * The table of contents of one programme year, computed from chapter metadata
 * (printed order and parent), so that pages only print it.
 */
import { chapterHref } from './links/hrefs.ts';

export type ChapterMeta = {
  id: string;
  slug: string;
  number?: string | undefined;
  title: string;
  order: number;
  parent?: string | undefined;
};

export type TocNode = ChapterMeta & { href: string; children: TocNode[]; depth: number };

/** "5.1." → "5.1"; the print writes some numbers with, some without a final dot. */
export const plainNumber = (n: string | undefined) => (n ?? '').replace(/\.$/, '');

/** "5.1 Handlungsschwerpunkt Integration", or the title alone for an unnumbered chapter. */
export const chapterLabel = (c: { number?: string | undefined; title: string }) => (c.number ? `${plainNumber(c.number)} ${c.title}` : c.title);


/** Pages of every year beside the chapters (src/pages/[year]/…): a chapter cannot take their address. */
export const yearPageSlugs = ['daten', 'gesamt', 'vergleich'] as const;

/** Chapters sorted by printed order; throws on duplicate order or slug, or an unknown parent. */
export function sortChapters<T extends ChapterMeta>(chapters: readonly T[]): T[] {
  const sorted = [...chapters].sort((a, b) => a.order - b.order);
  const seen = new Map<string, T>();
  sorted.forEach((c, i) => {
    if (i > 0 && sorted[i - 1]!.order === c.order)
      throw new Error(`Kapitel „${c.id}“ und „${sorted[i - 1]!.id}“ haben dieselbe Reihenfolge (order: ${c.order})`);
    if (seen.has(c.slug)) throw new Error(`Kapitel „${c.id}“: slug „${c.slug}“ ist schon vergeben`);
    seen.set(c.slug, c);
  });
  for (const c of sorted)
    if (c.parent !== undefined && !seen.has(c.parent))
      throw new Error(`Kapitel „${c.id}“: parent „${c.parent}“ ist kein Kapitel desselben Jahres`);
  return sorted;
}

/** The chapter tree in printed order. */
export function tableOfContents(year: string | number, chapters: readonly ChapterMeta[]): TocNode[] {
  const sorted = sortChapters(chapters);
  const nodes = new Map(sorted.map((c) => [c.slug, { ...c, href: chapterHref(year, c.slug), children: [] as TocNode[], depth: 0 }]));
  const roots: TocNode[] = [];
  for (const c of sorted) {
    const node = nodes.get(c.slug)!;
    const parent = c.parent === undefined ? undefined : nodes.get(c.parent);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (n: TocNode, d: number) => {
    n.depth = d;
    n.children.forEach((child) => setDepth(child, d + 1));
  };
  roots.forEach((r) => setDepth(r, 1));
  return roots;
}

/** Ancestors of a chapter, outermost first (for breadcrumbs). */
export function ancestors<T extends ChapterMeta>(chapter: T, chapters: readonly T[]): T[] {
  const bySlug = new Map(chapters.map((c) => [c.slug, c]));
  const chain: T[] = [];
  let current = chapter.parent === undefined ? undefined : bySlug.get(chapter.parent);
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    current = current.parent === undefined ? undefined : bySlug.get(current.parent);
  }
  return chain;
}

/** Previous and next chapter in printed order. */
export function neighbours<T extends ChapterMeta>(chapter: T, chapters: readonly T[]): { prev?: T; next?: T } {
  const sorted = sortChapters(chapters);
  const i = sorted.findIndex((c) => c.id === chapter.id);
  return { prev: i > 0 ? sorted[i - 1] : undefined, next: i >= 0 && i < sorted.length - 1 ? sorted[i + 1] : undefined };
}
