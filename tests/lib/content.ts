/**
 * Reading content in tests through the project's own reader: the files as the planner commands
 * read them (`readContentFiles`, scripts/lib/content-files.ts), YAML and MDX front matter parsed as
 * `npm run check` parses them (`parseSource`, src/lib/check/source.ts). Works on the live
 * src/content or on a fixture under tests/fixtures/; the plain exports read the live src/content.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readContentFiles } from '../../scripts/lib/content-files.ts';
import { parseSource, type SourceFile } from '../../src/lib/check/source.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const contentDir = path.join(repoRoot, 'src/content');
export const fixturesDir = path.join(repoRoot, 'tests/fixtures');
/** A fixture content folder below tests/fixtures/ (e.g. "tables"). */
export const fixtureDir = (name: string) => path.join(fixturesDir, name);
/** The made-up county Jobcenter: Roman chapter numbers, € and % tables, BKGG, two years (tests/fixtures/landkreis/README.md). */
export const landkreisDir = fixtureDir('landkreis');
/** A frozen copy of Düsseldorf's content with the 2021 edition, for tests of mechanisms on real-sized data. */
export const duesseldorfDir = fixtureDir('duesseldorf-2021');

/** The live content as in-memory files, as `npm run check` reads them. */
export const liveContentFiles = (): SourceFile[] => readContentFiles(contentDir);
/** A fixture's content as in-memory files. */
export const fixtureFiles = (name: string): SourceFile[] => readContentFiles(fixtureDir(name));

/** One content file parsed as the check parses it; throws on a YAML error or a missing front matter. */
function parseContentFile(file: string) {
  const p = parseSource({ path: file, text: readFileSync(file, 'utf8') });
  if (p.missingFrontmatter) throw new Error(`${file}: keine Frontmatter`);
  if (p.doc.errors.length > 0) throw new Error(`${file}: ${p.doc.errors[0]!.message}`);
  return p;
}

/** An MDX or Markdown file: its front matter (parsed) and body. */
export function readMdx(file: string): { data: unknown; body: string } {
  const p = parseContentFile(file);
  return { data: p.doc.toJS(), body: p.body!.text };
}

/** A content folder read file by file (YAML by path, years, chapter files). */
export type ContentFolder = {
  dir: string;
  readYaml: (file: string) => unknown;
  /** The programme years of the folder ("2021", "2025" …), sorted. */
  years: () => string[];
  chapterFiles: (year: string) => string[];
};

export function contentFolder(dir: string): ContentFolder {
  return {
    dir,
    readYaml: (file) => parseContentFile(path.join(dir, file)).doc.toJS(),
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

const live = contentFolder(contentDir);
export const readYaml = live.readYaml;
export const years = live.years;
export const chapterFiles = live.chapterFiles;
