/** Reading pages of the built site by URL (on top of tests/lib/dist.ts). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { distDir, listPages } from './dist.ts';
import { fileOfUrl } from '../../scripts/lib/static-server.ts';

export function assertBuilt(): void {
  if (!existsSync(path.join(distDir(), 'index.html')))
    throw new Error(`${distDir()} enthält keine gebaute Website: erst \`npm run build\` ausführen (npm test tut das).`);
}

/** The file of a URL path ("/2021/kennzahlen/"), or a path that does not exist. */
export const pageFile = (url: string) => fileOfUrl(distDir(), url) ?? path.join(distDir(), url, '__missing__');

export const readPage = (url: string) => readFileSync(pageFile(url), 'utf8');

export const allPages = () => listPages().map((p) => p.url);
