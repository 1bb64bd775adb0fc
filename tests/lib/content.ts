/**
 * Reads the content files the way the site does (YAML, MDX frontmatter), for tests that check
 * the real data without Astro.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const contentDir = path.join(repoRoot, 'src/content');

export const readYaml = (file: string): unknown => parse(readFileSync(path.join(contentDir, file), 'utf8'));

/** Splits an MDX file into its frontmatter (parsed) and body. */
export function readMdx(file: string): { data: unknown; body: string } {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: keine Frontmatter`);
  return { data: parse(match[1]!), body: match[2]! };
}

export const years = () => readdirSync(path.join(contentDir, 'programmes')).filter((d) => /^\d{4}$/.test(d));

export function chapterFiles(year: string): string[] {
  const dir = path.join(contentDir, 'programmes', year, 'chapters');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => path.join(dir, f));
}
