/**
 * Reading and writing the content folder for the planner commands (check, export, import,
 * new-year). The folder is src/content unless AMIP_CONTENT_DIR points elsewhere (tests work on
 * temporary copies). Paths inside are posix, relative to the content folder.
 */
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../../src/lib/check/source.ts';
import { DEFAULT_COMPONENTS } from '../../src/lib/check/index.ts';

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
  const out: SourceFile[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const relPath = rel ? `${rel}/${name}` : name;
      const abs = path.join(dir, relPath);
      if (statSync(abs).isDirectory()) walk(relPath);
      else if (/\.(ya?ml|mdx?)$/.test(name)) out.push({ path: relPath, text: readFileSync(abs, 'utf8') });
    }
  };
  walk('');
  return out;
}

/**
 * The component names chapter bodies may use: the keys of `chapterComponents` in
 * src/components/chapter-components.ts (or, in older layouts, of `components={{ … }}` in the
 * chapter page), so that a new component does not need a second list here.
 */
export function chapterComponents(root: string): string[] {
  const sources = [
    { file: 'src/components/chapter-components.ts', pattern: /chapterComponents\s*=\s*\{([^}]*)\}/ },
    { file: 'src/pages/[year]/[slug].astro', pattern: /components=\{\{([^}]*)\}\}/ },
  ];
  for (const { file, pattern } of sources) {
    const abs = path.join(root, file);
    if (!existsSync(abs)) continue;
    const m = pattern.exec(readFileSync(abs, 'utf8'));
    if (!m) continue;
    const names = m[1]!
      .replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')
      .split(',')
      .map((entry) => /^\s*([A-Z][A-Za-z0-9]*)\s*(?::|$)/.exec(entry)?.[1])
      .filter((n): n is string => n !== undefined);
    if (names.length > 0) return names;
  }
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
