/**
 * What the build leaves for the web server (scripts/lib/steps/serve-files.ts): a gzip and a Brotli
 * copy beside every text file, with the same content, and the `_headers` file generated from the
 * one source of the headers (scripts/lib/hosting.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { renderHeadersFile } from '../../scripts/lib/hosting.ts';
import { compressibleFiles } from '../../scripts/lib/steps/serve-files.ts';
import { distDir } from '../lib/dist.ts';

const dir = distDir();
const files = compressibleFiles(dir);

test('the text files include the pages and the search engine’s scripts and index', () => {
  expect(files).toContain('index.html');
  expect(files).toContain('404.html');
  expect(files.filter((f) => f.startsWith('pagefind/') && /\.(js|json)$/.test(f)).length).toBeGreaterThan(0);
});

test('every text file has a .gz and a .br copy with the same content', () => {
  const problems: string[] = [];
  for (const rel of files) {
    const file = path.join(dir, rel);
    const bytes = readFileSync(file);
    if (!existsSync(`${file}.gz`) || !gunzipSync(readFileSync(`${file}.gz`)).equals(bytes)) problems.push(`${rel}.gz`);
    if (!existsSync(`${file}.br`) || !brotliDecompressSync(readFileSync(`${file}.br`)).equals(bytes)) problems.push(`${rel}.br`);
  }
  expect(problems, 'fehlende oder falsche vorkomprimierte Dateien').toEqual([]);
});

test('_headers is the file generated from scripts/lib/hosting.ts', () => {
  expect(readFileSync(path.join(dir, '_headers'), 'utf8')).toBe(renderHeadersFile());
});
