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
import { serveFilesStep } from './steps/serve-files.ts';

/**
 * In order; the steps of an inner list run at the same time, started in this order (a step's work
 * before its first await is done before the next one starts). The PDFs, the search index and the
 * precompression only read the pages and write their own files, so they run side by side: the PDF
 * step first (without Chromium it takes the PDF link out of the year pages before its first
 * await, so before Pagefind and the precompression read them), then the search index (it completes
 * the search dictionary before its first await, and compresses its own files when it writes
 * them), then the precompression of everything else. The link check runs last, so that it sees
 * every file (pagefind/, the PDFs).
 */
export const postBuildSteps: readonly PostBuildStage[] = [[pdfStep, searchIndexStep, serveFilesStep], linkCheckStep];
