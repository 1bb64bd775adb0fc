/**
 * Post-build step: what the web server needs beside the pages (scripts/lib/hosting.ts):
 * the `_headers` file for hosts that read one, and a gzip (.gz) and a Brotli (.br) copy of every
 * text file – pages, styles, scripts, the search index's JavaScript and JSON, data downloads –
 * which nginx sends with gzip_static / brotli_static instead of compressing on every request.
 * It runs beside the search index and the PDFs and compresses what is there when it starts
 * (Astro's output, with the search dictionary the index step has completed by then); the search
 * step compresses the files it writes itself with the same `precompress`. Same input, same bytes
 * (no time stamps).
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import pMap from 'p-map';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { PostBuildStep } from '../post-build.ts';
import { isCompressible, renderHeadersFile } from '../hosting.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Every file below `dir` that the build should precompress (relative paths, sorted). */
export function compressibleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => isCompressible(rel) && statSync(path.join(dir, rel)).isFile())
    .sort();
}

/**
 * Brotli at quality 7 (of 11): for the site's 2,5 MB of text 0,07 s and 657 KB; quality 11 gives
 * 613 KB (7 % less) but takes 2,9 s, which every cold build (CI, a new year) would pay; quality 9
 * takes 0,6 s for the same size as 7 (measured on the 2021 site, 2 cores). The window fits the
 * file (2^lgwin ≥ its size, at most Brotli's default 2^22): a larger one compresses no better but
 * allocates megabytes per file (2021 site: 139 → 87 ms, system time 53 → 10 ms, same size).
 */
const brotli = (bytes: Buffer) =>
  brotliAsync(bytes, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: 7,
      [constants.BROTLI_PARAM_LGWIN]: Math.min(constants.BROTLI_DEFAULT_WINDOW, Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes.length + 1)))),
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });

/**
 * Writes <file>.gz and <file>.br beside the text files `files` (relative to `dir`; default: every
 * text file below `dir`); returns how many files it compressed. Every file is read before the
 * first await, so files written after the call has returned its promise are not included.
 */
export async function precompress(dir: string, files: readonly string[] = compressibleFiles(dir)): Promise<number> {
  const texts = files.map((rel) => ({ file: path.join(dir, rel), bytes: readFileSync(path.join(dir, rel)) }));
  // As many files at a time as there are cores (the compression runs in libuv's threads): all at
  // once would hold hundreds of compressors in memory together and cost more time in the kernel
  // than in compressing, while the search index beside it waits for a core.
  await pMap(
    texts,
    async ({ file, bytes }) => {
      const [gz, br] = await Promise.all([gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }), brotli(bytes)]);
      writeFileSync(`${file}.gz`, gz);
      writeFileSync(`${file}.br`, br);
    },
    { concurrency: availableParallelism() },
  );
  return files.length;
}

export const serveFilesStep: PostBuildStep = {
  name: 'Auslieferung: _headers, gzip- und Brotli-Fassungen',
  run: async ({ dir }) => {
    writeFileSync(path.join(dir, '_headers'), renderHeadersFile());
    const count = await precompress(dir);
    console.log(`  ${count} Textdateien vorkomprimiert (.gz, .br)`);
  },
};
