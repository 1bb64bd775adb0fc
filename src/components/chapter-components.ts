/**
 * The components that chapter MDX bodies use, by the names authors write (<Randnotiz>, <Tabelle id>, …).
 * One map for every page that renders chapter bodies (the chapter page and the whole programme,
 * /<year>/gesamt/), so that a new component appears on both.
 */
import MarginNote from './MarginNote.astro';
import MissingFigure from './MissingFigure.astro';
import ChapterTable from './ChapterTable.astro';
import Anteile from './charts/Anteile.astro';

export const chapterComponents = {
  Randnotiz: MarginNote,
  Schaubild: MissingFigure,
  Tabelle: ChapterTable,
  Anteile,
};
