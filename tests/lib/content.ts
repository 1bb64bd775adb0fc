/**
 * Reads the content files the way the site does (YAML, MDX frontmatter), for tests that check
 * data without Astro. `contentFiles(dir)` reads any content folder (the live src/content or a
 * fixture under tests/fixtures/); the plain exports read the live src/content.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const contentDir = path.join(repoRoot, 'src/content');
export const fixturesDir = path.join(repoRoot, 'tests/fixtures');
/** The made-up county Jobcenter: Roman chapter numbers, € and % tables, BKGG, two years (tests/fixtures/landkreis/README.md). */
export const landkreisDir = path.join(fixturesDir, 'landkreis');
/** A frozen copy of Düsseldorf's content with the 2021 edition, for tests of mechanisms on real-sized data. */
export const duesseldorfDir = path.join(fixturesDir, 'duesseldorf-2021');

/** Splits an MDX file into its frontmatter (parsed) and body. */
export function readMdx(file: string): { data: unknown; body: string } {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: keine Frontmatter`);
  return { data: parse(match[1]!), body: match[2]! };
}

export type ContentFiles = {
  dir: string;
  readYaml: (file: string) => unknown;
  /** The programme years of the folder ("2021", "2025" …), sorted. */
  years: () => string[];
  chapterFiles: (year: string) => string[];
};

export function contentFiles(dir: string): ContentFiles {
  return {
    dir,
    readYaml: (file) => parse(readFileSync(path.join(dir, file), 'utf8')),
    years: () =>
      readdirSync(path.join(dir, 'programmes'))
        .filter((d) => /^\d{4}$/.test(d))
        .sort(),
    chapterFiles: (year) => {
      const chapters = path.join(dir, 'programmes', year, 'chapters');
      return readdirSync(chapters)
        .filter((f) => f.endsWith('.mdx'))
        .sort()
        .map((f) => path.join(chapters, f));
    },
  };
}

const live = contentFiles(contentDir);
export const readYaml = live.readYaml;
export const years = live.years;
export const chapterFiles = live.chapterFiles;
