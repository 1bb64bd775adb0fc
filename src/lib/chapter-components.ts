/**
 * The components a chapter's MDX body may use, by the German names authors write. The one list:
 * the chapter page and the print edition map these names to Astro components
 * (src/components/chapter-components.ts, checked against this list by its type), and
 * `npm run check` accepts exactly these names with their required attributes.
 */
export const chapterComponentSpecs = {
  /** A margin note of the print: <Randnotiz>text</Randnotiz>. */
  Randnotiz: { required: [], dataOfChapter: false },
  /** A figure of the print whose content the text lacks: <Schaubild thema="…" />. */
  Schaubild: { required: ['thema'], dataOfChapter: false },
  /** A table of the chapter's frontmatter (with its chart): <Tabelle id="…" />. */
  Tabelle: { required: ['id'], dataOfChapter: true },
  /** Shares the text gives in words, drawn as a chart: <Anteile id="…" />. */
  Anteile: { required: ['id'], dataOfChapter: true },
  /**
   * The programme's budget (`integrationBudget` in programme.yaml) where the text names it, so that
   * text and data cannot disagree: <Betrag /> → "rd. 47,56 Mio. €"; <Betrag gross /> at the start
   * of a sentence → "Rd. 47,56 Mio. €".
   */
  Betrag: { required: [], dataOfChapter: true },
} as const satisfies Record<string, { required: readonly string[]; dataOfChapter: boolean }>;

export type ChapterComponentName = keyof typeof chapterComponentSpecs;
export const chapterComponentNames = Object.keys(chapterComponentSpecs) as ChapterComponentName[];

/** Components that render data of their own chapter's frontmatter (they get `chapterFile`). */
export const chapterDataComponents: ReadonlySet<string> = new Set(chapterComponentNames.filter((n) => chapterComponentSpecs[n].dataOfChapter));
