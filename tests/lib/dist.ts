/**
 * The built site under test: which folder, and which HTML pages it holds (scripts/lib/site-files.ts).
 * Tests discover pages by walking the folder, so pages that other features add are checked too.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPages as listSitePages, type Page } from '../../scripts/lib/site-files.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The folder to check: $AMIP_DIST_DIR (e.g. /tmp/qa-dist for experiments), else <repo>/dist. */
export function distDir(): string {
  return path.resolve(process.env.AMIP_DIST_DIR || path.join(repoRoot, 'dist'));
}

/** Every .html file of the built site, sorted by URL. Throws when the folder is missing or empty. */
export const listPages = (dir = distDir()): Page[] => listSitePages(dir);
