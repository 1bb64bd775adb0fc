/**
 * Builds a content folder (a fixture under tests/fixtures/) into a complete site with the
 * project's own build (scripts/lib/build.ts: data check, Astro, search index, PDFs, link check),
 * once: the result is kept in node_modules/.cache/amip-fixture-sites/ under a hash of the
 * content and of everything the build reads (src/, scripts/, public/, astro.config.mjs,
 * package-lock.json), so a second `npm test` with the same code and data reuses it, and any
 * change to either builds again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { runBuild } from '../../scripts/lib/build.ts';
import { siteFiles } from '../../scripts/lib/site-files.ts';
import { repoRoot } from './content.ts';

export const fixtureCacheDir = path.join(repoRoot, 'node_modules/.cache/amip-fixture-sites');

/** A hash over the contents of files and folders (paths included, so a rename counts). */
export function treeHash(paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const isFile = statSync(p).isFile();
    for (const rel of isFile ? [path.basename(p)] : siteFiles(p)) {
      const file = isFile ? p : path.join(p, rel);
      hash.update(`${path.relative(repoRoot, file)}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** What the build reads besides the content folder: all of src/ except the live content, and the build setup. */
const codePaths = [
  ...readdirSync(path.join(repoRoot, 'src'))
    .filter((name) => name !== 'content')
    .sort()
    .map((name) => path.join('src', name)),
  'scripts',
  'public',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
].map((p) => path.join(repoRoot, p));

export type FixtureSite = {
  /** The folder of the built site. */
  dir: string;
  /** True when this call built it; false when it came from the cache. */
  built: boolean;
};

const pending = new Map<string, Promise<FixtureSite>>();

/**
 * The built site of `contentDir` (drafts included when asked). Builds at most once per content
 * and code; older builds of the same content folder are removed.
 */
export function buildFixtureSite(contentDir: string, options: { drafts?: boolean } = {}): Promise<FixtureSite> {
  const name = `${path.basename(contentDir)}${options.drafts ? '-drafts' : ''}`;
  const key = `${name}-${treeHash([contentDir, ...codePaths])}`;
  const dir = path.join(fixtureCacheDir, key);
  let promise = pending.get(key);
  if (!promise) {
    promise = (async () => {
      // runBuild swaps the finished site in only when every step passed: an existing folder is complete.
      if (existsSync(path.join(dir, 'index.html'))) return { dir, built: false };
      mkdirSync(fixtureCacheDir, { recursive: true });
      const cache = path.join(fixtureCacheDir, `.astro-${key}`);
      try {
        await runBuild({
          root: repoRoot,
          outDir: dir,
          drafts: options.drafts ?? false,
          env: { AMIP_CONTENT_DIR: contentDir, AMIP_CACHE_DIR: cache },
          log: () => {},
        });
      } finally {
        rmSync(cache, { recursive: true, force: true });
      }
      for (const other of readdirSync(fixtureCacheDir))
        if (other !== key && other.startsWith(`${name}-`) && /^[0-9a-f]{16}$/.test(other.slice(name.length + 1)))
          rmSync(path.join(fixtureCacheDir, other), { recursive: true, force: true });
      return { dir, built: true };
    })();
    pending.set(key, promise);
  }
  return promise;
}
