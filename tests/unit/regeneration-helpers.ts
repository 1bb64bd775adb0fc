/**
 * Helpers of the regeneration tests (check, new-year, export/import, builds): the content as
 * in-memory files, temporary copies of the content folder, running the planner commands.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chapterComponents, readContentFiles } from '../../scripts/lib/content-files.ts';
import { checkContent } from '../../src/lib/check/index.ts';
import type { SourceFile } from '../../src/lib/check/source.ts';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const contentDir = path.join(root, 'src/content');

/** The real content as in-memory files (read once per test file). */
export const contentFiles = (): SourceFile[] => readContentFiles(contentDir);

/** A fixture content folder below tests/fixtures/ (e.g. "tables"). */
export const fixtureDir = (name: string) => path.join(root, 'tests/fixtures', name);
/** A fixture's content as in-memory files. */
export const fixtureFiles = (name: string): SourceFile[] => readContentFiles(fixtureDir(name));

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
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', `${name}.ts`), ...args], {
    cwd: root,
    env: { ...process.env, AMIP_CONTENT_DIR: content, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

/** sha256 of every file below `dir`, by relative path. */
export function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const abs = path.join(dir, r);
      if (statSync(abs).isDirectory()) walk(r);
      else out.set(r, createHash('sha256').update(readFileSync(abs)).digest('hex'));
    }
  };
  walk('');
  return out;
}

/** The content check with the components the chapter pages provide (as `npm run check` runs it). */
export const checkFiles = (files: readonly SourceFile[]) => checkContent(files, { components: chapterComponents(root) });
