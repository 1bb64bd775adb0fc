/**
 * Reading and writing the content folder for the planner commands (check, export, import,
 * new-year). The folder is src/content unless AMIP_CONTENT_DIR points elsewhere (tests work on
 * temporary copies). Paths inside are posix, relative to the content folder.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../../src/lib/check/source.ts';
import { DEFAULT_COMPONENTS } from '../../src/lib/check/index.ts';
import { siteFiles } from './site-files.ts';

export type ContentLocation = {
  /** Project root (where package.json is). */
  root: string;
  /** Absolute content folder. */
  dir: string;
  /** Prefix for messages: the content folder relative to the root ("src/content/"), or absolute. */
  display: string;
};

export function contentLocation(root = process.cwd(), env: NodeJS.ProcessEnv = process.env): ContentLocation {
  const dir = path.resolve(root, env.AMIP_CONTENT_DIR ?? 'src/content');
  const rel = path.relative(root, dir);
  const display = (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : dir).split(path.sep).join('/') + '/';
  return { root, dir, display };
}

/** Every .yaml/.yml/.mdx file below the content folder, sorted by path. */
export function readContentFiles(dir: string): SourceFile[] {
  if (!existsSync(dir)) throw new Error(`Inhaltsordner ${dir} fehlt`);
  return siteFiles(dir)
    .filter((rel) => /\.(ya?ml|mdx?)$/.test(rel))
    .map((rel) => ({ path: rel, text: readFileSync(path.join(dir, rel), 'utf8') }));
}

/** The component names chapter bodies may use (the one list: src/lib/chapter-components.ts). */
export function chapterComponents(_root?: string): string[] {
  return [...DEFAULT_COMPONENTS];
}

/**
 * Writes all files or none: each goes to a temporary file next to it first; only when every
 * temporary file is written are they renamed into place (a rename within a folder is atomic).
 */
export function writeAll(dir: string, files: readonly { path: string; text: string }[]) {
  const staged = files.map((f) => {
    const target = path.join(dir, f.path);
    const tmp = `${target}.tmp-${process.pid}`;
    writeFileSync(tmp, f.text, 'utf8');
    return { tmp, target };
  });
  for (const s of staged) renameSync(s.tmp, s.target);
}
