/**
 * Post-build step: the whole programme of each year as a PDF (<site>/<year>/amip-<year>.pdf),
 * printed by Chromium from /<year>/gesamt/. It runs before the link check, which then finds the
 * PDF that each programme home links to. `npm run pdf` runs the same on dist/.
 */
import type { PostBuildStep } from '../post-build.ts';
import { writePdfs } from '../pdf.ts';

export const pdfStep: PostBuildStep = {
  name: 'PDF der Gesamtausgaben',
  run: async ({ dir }) => {
    await writePdfs({ dir, log: (line) => console.log(`  ${line}`) });
  },
};
