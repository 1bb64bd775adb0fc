/**
 * Helpers of the regeneration tests (check, new-year, export/import, builds): edits of in-memory
 * content files, temporary copies of the content folder, running the planner commands. Reading the
 * content is tests/lib/content.ts.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chapterComponents } from '../../scripts/lib/content-files.ts';
import { siteFiles } from '../../scripts/lib/site-files.ts';
import { checkContent } from '../../src/lib/check/index.ts';
import type { SourceFile } from '../../src/lib/check/source.ts';
import { contentDir, repoRoot } from './content.ts';

/** The files with one file's text changed; throws when `path` is not there or nothing changed. */
export function withFile(files: readonly SourceFile[], file: string, edit: (text: string) => string): SourceFile[] {
  const target = files.find((f) => f.path === file);
  if (!target) throw new Error(`${file} fehlt`);
  const text = edit(target.text);
  if (text === target.text) throw new Error(`${file}: die Änderung hat nichts geändert`);
  return files.map((f) => (f.path === file ? { ...f, text } : f));
}

/** Replaces exactly one occurrence (fails loudly when the fixture text moved). */
export const replaceOnce = (needle: string, replacement: string) => (text: string) => {
  const i = text.indexOf(needle);
  if (i === -1 || text.indexOf(needle, i + 1) !== -1) throw new Error(`„${needle}“ kommt nicht genau einmal vor`);
  return text.slice(0, i) + replacement + text.slice(i + needle.length);
};

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i === -1) throw new Error(`„${needle}“ nicht gefunden`);
  return i + 1;
}

/** A temporary folder; removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `amip-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of src/content (or of another content folder, e.g. a fixture) in a temporary folder. */
export function tempContent(source: string = contentDir): { dir: string; cleanup: () => void } {
  const t = tempDir('content');
  const dir = path.join(t.dir, 'content');
  cpSync(source, dir, { recursive: true });
  return { dir, cleanup: t.cleanup };
}

/** Runs a planner command (scripts/<name>.ts) on Node 24 against the content folder `content`. */
export function runCommand(name: string, args: string[], content: string) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', `${name}.ts`), ...args], {
    cwd: repoRoot,
    env: { ...process.env, AMIP_CONTENT_DIR: content, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

/** sha256 of every file below `dir`, by relative path. */
export function hashTree(dir: string): Map<string, string> {
  return new Map(siteFiles(dir).map((rel) => [rel, createHash('sha256').update(readFileSync(path.join(dir, rel))).digest('hex')]));
}

/** The content check with the components the chapter pages provide (as `npm run check` runs it). */
export const checkFiles = (files: readonly SourceFile[]) => checkContent(files, { components: chapterComponents(repoRoot) });
