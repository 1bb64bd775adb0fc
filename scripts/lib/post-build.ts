/**
 * Steps that run on the freshly built site in its temporary folder, before it replaces dist/.
 * A step that throws stops the build; dist/ then stays as it was. Steps listed together in an
 * inner array run at the same time (they must not write what the other reads).
 */
export type PostBuildContext = {
  /** Project root. */
  root: string;
  /** The temporary output folder holding the new site. */
  dir: string;
  env: Record<string, string>;
};

export type PostBuildStep = { name: string; run: (ctx: PostBuildContext) => Promise<void> | void };
/** One step, or several that run at the same time. */
export type PostBuildStage = PostBuildStep | readonly PostBuildStep[];

import { searchIndexStep } from './steps/search-index.ts';
import { linkCheckStep } from './steps/link-check.ts';
import { pdfStep } from './steps/pdf.ts';

// The PDFs (Chromium) and the search index (Pagefind) are printed and written at the same time:
// neither reads what the other writes. The PDF step comes first in its stage: without Chromium it
// takes the PDF link out of the programme homes before it first waits, so before Pagefind reads them.
// The link check runs last, so that it also sees the files that earlier steps write (pagefind/, the PDFs).
export const postBuildSteps: readonly PostBuildStage[] = [[pdfStep, searchIndexStep], linkCheckStep];
