/**
 * The files below a folder (a built site, the content), and which URL each HTML file of a built
 * site is served at. Shared by the post-build steps, the content reader, the benchmarks and the
 * tests (tests/lib/dist.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** URL path of an HTML file given relative to the site folder ("a/index.html" → "/a/"). */
export function urlOfFile(rel: string): string {
  const posix = rel.split(path.sep).join('/');
  if (posix === 'index.html') return '/';
  if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
  return `/${posix}`;
}

/** Orders paths folder by folder ("a/b" before "a-b", as a listing of each folder sorted by name). */
function bySegments(a: string, b: string): number {
  const [x, y] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length - y.length;
}

/** Every file below `dir`, relative, with forward slashes, sorted folder by folder. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => statSync(path.join(dir, rel)).isFile())
    .map((rel) => rel.split(path.sep).join('/'))
    .sort(bySegments);
}

export type Page = {
  /** Absolute path of the HTML file. */
  file: string;
  /** Path relative to the site folder, with forward slashes ("2021/kennzahlen/index.html"). */
  rel: string;
  /** URL path the page is served at ("/2021/kennzahlen/", "/404.html"). */
  url: string;
};

/** Every .html file of a built site, sorted by URL. Throws when the folder is missing or holds no page. */
export function listPages(dir: string): Page[] {
  if (!existsSync(dir)) throw new Error(`${dir} fehlt: zuerst die Website bauen (npm run build)`);
  const pages = siteFiles(dir)
    .filter((rel) => rel.endsWith('.html'))
    .map((rel) => ({ file: path.join(dir, rel), rel, url: urlOfFile(rel) }));
  if (pages.length === 0) throw new Error(`${dir} enthält keine HTML-Seite: zuerst die Website bauen (npm run build)`);
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}
