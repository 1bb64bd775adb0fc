import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './content.ts';

/** The built site under test: DIST_DIR or <repo>/dist (`npm test` builds it first). */
export const distDir = path.resolve(process.env.DIST_DIR ?? path.join(repoRoot, 'dist'));

export function assertBuilt(): void {
  if (!existsSync(path.join(distDir, 'index.html')))
    throw new Error(`${distDir} enthält keine gebaute Website: erst \`npm run build\` ausführen (npm test tut das).`);
}

/** URL path of a page ("/2021/kennzahlen/") → its file in dist. */
export const pageFile = (url: string) => path.join(distDir, url.replace(/^\//, ''), url.endsWith('/') ? 'index.html' : '');

export const readPage = (url: string) => readFileSync(pageFile(url), 'utf8');

/** Every HTML file of the built site, as URL paths. */
export function allPages(dir = distDir, base = '/'): string[] {
  const pages: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) pages.push(...allPages(full, `${base}${name}/`));
    else if (name === 'index.html') pages.push(base);
    else if (name.endsWith('.html')) pages.push(`${base}${name}`);
  }
  return pages;
}
