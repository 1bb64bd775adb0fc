/**
 * The Astro components behind the names chapter MDX bodies use (src/lib/chapter-components.ts
 * is the list). One map for every page that renders chapter bodies (the chapter page and the
 * whole programme, /<year>/gesamt/), so that a new component appears on both.
 */
import type { ChapterComponentName } from '../lib/chapter-components.ts';
import MarginNote from './MarginNote.astro';
import MissingFigure from './MissingFigure.astro';
import ChapterTable from './ChapterTable.astro';
import Anteile from './charts/Anteile.astro';
import Budget from './Budget.astro';

export const chapterComponents = {
  Randnotiz: MarginNote,
  Schaubild: MissingFigure,
  Tabelle: ChapterTable,
  Anteile,
  Betrag: Budget,
} satisfies Record<ChapterComponentName, unknown>;
