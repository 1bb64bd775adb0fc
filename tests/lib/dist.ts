/**
 * The built site under test: which folder, and which HTML pages it holds.
 * Tests discover pages by walking the folder, so pages that other features add are checked too.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The folder to check: $AMIP_DIST_DIR (e.g. /tmp/qa-dist for experiments), else <repo>/dist. */
export function distDir(): string {
  return path.resolve(process.env.AMIP_DIST_DIR || path.join(repoRoot, 'dist'));
}

export type Page = {
  /** Absolute path of the HTML file. */
  file: string;
  /** Path relative to the dist folder, with forward slashes ("2021/kennzahlen/index.html"). */
  rel: string;
  /** URL path the page is served at ("/2021/kennzahlen/", "/404.html"). */
  url: string;
};

/** URL path of an HTML file given relative to the dist folder ("a/index.html" → "/a/"). */
export function urlOfFile(rel: string): string {
  const posix = rel.split(path.sep).join('/');
  if (posix === 'index.html') return '/';
  if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
  return `/${posix}`;
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith('.html')) out.push(full);
  }
  return out;
}

/** Every .html file of the built site, sorted by URL. Throws when the folder is missing or empty. */
export function listPages(dir = distDir()): Page[] {
  if (!existsSync(dir)) throw new Error(`${dir} fehlt: zuerst die Website bauen (npm run build)`);
  const pages = walk(dir, []).map((file) => {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    return { file, rel, url: urlOfFile(rel) };
  });
  if (pages.length === 0) throw new Error(`${dir} enthält keine HTML-Seite: zuerst die Website bauen (npm run build)`);
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

/** The dist file a URL path refers to on a static host (the same lookup as the test server's). */
export { fileOfUrl } from '../../scripts/lib/static-server.ts';
