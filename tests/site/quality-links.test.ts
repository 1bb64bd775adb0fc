/** Every internal href/src of every page resolves, and so does every #anchor (a failure names page and link). */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { distDir, listPages } from '../lib/dist.ts';
import { fragmentIndex, linkProblems } from '../lib/links.ts';
import { parseHtml } from '../lib/markup.ts';

const dir = distDir();
const pages = listPages(dir);
const idsOf = fragmentIndex();

describe('internal links and anchors resolve', () => {
  test.for(pages)('$url', ({ url, file }) => {
    const problems = linkProblems(dir, { url, file, rel: '' }, parseHtml(readFileSync(file, 'utf8')), idsOf);
    expect(problems, `${url}: ${problems.length} Verweis(e) ins Leere`).toEqual([]);
  });
});
