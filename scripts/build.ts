/**
 * Safe build: builds into a temporary folder, runs the post-build steps (search index, checks)
 * there, and only then replaces dist/. A failed build leaves the last good dist/ untouched and
 * exits non-zero with the reason.
 *
 *   npm run build                 published years only
 *   npm run build -- --drafts     also years with `status: draft` (shown with an "Entwurf" banner)
 *   npm run build -- --timings t.json   also write the duration of each phase (npm run bench reads it)
 */
import { writeFileSync } from 'node:fs';
import { runBuild } from './lib/build.ts';
import { commandArgs } from './lib/args.ts';

const args = commandArgs('npm run build -- [--drafts] [--timings <datei.json>]', { options: { drafts: { type: 'boolean' }, timings: { type: 'string' } } });
const drafts = args.values.drafts === true || process.env.PUBLISH_DRAFTS === '1';
try {
  const result = await runBuild({ drafts });
  // For `npm run bench`: the phases as the build measured them.
  if (args.values.timings) writeFileSync(args.values.timings, JSON.stringify(result));
} catch (error) {
  console.error(`\nBuild abgebrochen: ${error instanceof Error ? error.message : String(error)}`);
  console.error('dist/ wurde nicht verändert.');
  process.exit(1);
}
