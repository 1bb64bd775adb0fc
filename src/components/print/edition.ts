/**
 * Addresses of the whole-programme edition: the page /<year>/gesamt/, its PDF, and the anchors
 * inside the page. Shared by the page, the programme home's link and scripts/pdf.ts.
 */
import { scopedId } from './scope-ids.ts';

export const editionHref = (year: string | number) => `/${year}/gesamt/`;
export const pdfFileName = (year: string | number) => `amip-${year}.pdf`;
export const pdfHref = (year: string | number) => `/${year}/${pdfFileName(year)}`;

export const chapterAnchor = (slug: string) => `kapitel-${slug}`;
export const glossaryAnchor = (id: string) => `abk-${id}`;
export const glossarySectionAnchor = 'abkuerzungen';
export const imprintAnchor = 'impressum';

/**
 * Where a link of a chapter body lands on the whole-programme page: chapters of the same year
 * and the glossary are on the page; anything else (instrument pages, legal bases) stays a link
 * to its own page.
 */
export function localTargetOf(year: string | number, chapterSlugs: Iterable<string>, glossaryIds: Iterable<string>) {
  const slugs = new Set(chapterSlugs);
  const glossary = new Set(glossaryIds);
  return (path: string, fragment: string | undefined): string | undefined => {
    if (path === '/glossar/') return fragment !== undefined && glossary.has(fragment) ? glossaryAnchor(fragment) : glossarySectionAnchor;
    if (path === '/impressum/') return imprintAnchor;
    const match = /^\/(\d{4})\/([^/]+)\/$/.exec(path);
    if (!match || match[1] !== String(year) || !slugs.has(match[2]!)) return undefined;
    return fragment === undefined ? chapterAnchor(match[2]!) : scopedId(match[2]!, fragment);
  };
}

export type ContentsNode = { number?: string | undefined; title: string; href: string; children: ContentsNode[] };

/** The year's chapter tree with in-page links instead of chapter URLs. */
export function editionContents<T extends { slug: string; number?: string | undefined; title: string; children: T[] }>(nodes: readonly T[]): ContentsNode[] {
  return nodes.map((n) => ({ number: n.number, title: n.title, href: `#${chapterAnchor(n.slug)}`, children: editionContents(n.children) }));
}
