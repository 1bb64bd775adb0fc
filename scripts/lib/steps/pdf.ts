/**
 * Post-build step: the whole programme of each year as a PDF (<site>/<year>/amip-<year>.pdf),
 * printed by Chromium from /<year>/gesamt/. It runs before the link check, which then finds the
 * PDF that each programme home links to. `npm run pdf` runs the same on dist/.
 *
 * Without Chromium (a planner's machine where only `npm ci && npm start` was run) the site is
 * still built: the PDF is skipped with a warning and its link is taken out of the programme
 * homes, so that no link points nowhere. In CI (CI=true) a missing Chromium is an error.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PostBuildStep } from '../post-build.ts';
import { chromiumPath, writePdfs } from '../pdf.ts';
import { pdfFileName } from '../../../src/components/print/edition.ts';

/** Removes the list item that links a year's PDF from that year's programme home. */
export function withoutPdfLink(html: string, year: string): string {
  const file = pdfFileName(year).replace(/\./g, '\\.');
  return html.replace(new RegExp(`<li\\b[^>]*>(?:(?!</li>)[\\s\\S])*?${file}(?:(?!</li>)[\\s\\S])*?</li>`, 'g'), '');
}

export const pdfStep: PostBuildStep = {
  name: 'PDF der Gesamtausgaben',
  run: async ({ dir, env }) => {
    if (!existsSync(chromiumPath) && process.env.CI !== 'true') {
      console.warn(
        `  Warnung: kein Chromium unter ${chromiumPath} – die PDF-Ausgabe wird übersprungen und nicht verlinkt.\n` +
          '  Installieren mit: apt-get update && apt-get install -y chromium',
      );
      for (const year of readdirSync(dir).filter((d) => /^\d{4}$/.test(d))) {
        const home = path.join(dir, year, 'index.html');
        if (existsSync(home)) writeFileSync(home, withoutPdfLink(readFileSync(home, 'utf8'), year));
      }
      return;
    }
    await writePdfs({ dir, env: { ...process.env, ...env }, log: (line) => console.log(`  ${line}`) });
  },
};
