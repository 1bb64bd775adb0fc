/**
 * Safe build: builds into a temporary folder, runs the post-build steps (search index, checks)
 * there, and only then replaces dist/. A failed build leaves the last good dist/ untouched and
 * exits non-zero with the reason.
 *
 *   npm run build                 published years only
 *   npm run build -- --drafts     also years with `status: draft` (shown with an "Entwurf" banner)
 */
import { runBuild } from './lib/build.ts';

const drafts = process.argv.includes('--drafts') || process.env.PUBLISH_DRAFTS === '1';
try {
  await runBuild({ drafts });
} catch (error) {
  console.error(`\nBuild abgebrochen: ${error instanceof Error ? error.message : String(error)}`);
  console.error('dist/ wurde nicht verändert.');
  process.exit(1);
}
