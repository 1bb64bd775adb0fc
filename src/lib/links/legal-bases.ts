/**
 * Legal basis → the instruments on it (from instruments.yaml `legalBases`) and the sections that
 * cite it (chapter frontmatter `legalBases`).
 */
import { type Ref, refId } from '../schemas/ref.ts';
import { type ChapterRef, type ChapterSource, chapterRef } from './appearances.ts';

export type LegalBasisLinks = {
  /** Instrument ids, in registry order. */
  instruments: string[];
  /** Sections citing the basis, newest year first, then printed order. */
  sections: ChapterRef[];
};

export function legalBasisLinks(
  instruments: readonly { id: string; legalBases: readonly (Ref | string)[] }[],
  chapters: readonly ChapterSource[],
): Map<string, LegalBasisLinks> {
  const result = new Map<string, LegalBasisLinks>();
  const entry = (id: string) => {
    const links = result.get(id) ?? { instruments: [], sections: [] };
    result.set(id, links);
    return links;
  };
  for (const i of instruments) for (const b of i.legalBases) entry(refId(b)).instruments.push(i.id);
  for (const c of [...chapters].sort((a, b) => b.year - a.year || a.order - b.order))
    for (const b of c.legalBases) entry(refId(b)).sections.push(chapterRef(c));
  return result;
}
