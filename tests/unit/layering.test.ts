/**
 * Which code may import which: tests import scripts and src, never the other way; src/lib is pure
 * TypeScript (no Astro modules, no components, pages or data loaders), so that the checks, the
 * CLIs and the tests can use it without Astro.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteFiles } from '../../scripts/lib/site-files.ts';
import { repoRoot } from '../lib/content.ts';

/** The module specifiers a TypeScript or Astro file imports (static and dynamic). */
function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** Every code file below `folder` with the repository paths it imports (relative specifiers resolved). */
function importsBelow(folder: string): { file: string; imports: string[] }[] {
  return siteFiles(path.join(repoRoot, folder))
    .filter((rel) => /\.(ts|mjs|astro)$/.test(rel))
    .map((rel) => {
      const file = path.join(folder, rel);
      const imports = importsOf(readFileSync(path.join(repoRoot, file), 'utf8')).map((spec) =>
        spec.startsWith('.') ? path.relative(repoRoot, path.resolve(repoRoot, path.dirname(file), spec)).split(path.sep).join('/') : spec,
      );
      return { file, imports };
    });
}

describe('import rules', () => {
  it('reads static, dynamic and side-effect imports, not comments', () => {
    expect(importsOf("import a from './a.ts';\nconst b = await import('../b.ts');\nimport './c.css';\n// import x from 'y';\n/* from 'z' */")).toEqual(['./a.ts', '../b.ts', './c.css']);
  });

  it('scripts/ and src/ never import from tests/', () => {
    const offending = [...importsBelow('scripts'), ...importsBelow('src')].flatMap(({ file, imports }) => imports.filter((i) => i.startsWith('tests/')).map((i) => `${file} → ${i}`));
    expect(offending).toEqual([]);
  });

  it('src/lib imports no Astro module, component, page or data loader', () => {
    const offending = importsBelow('src/lib').flatMap(({ file, imports }) =>
      imports.filter((i) => /^astro(:|\/|$)|^src\/(components|pages|layouts|data)\//.test(i)).map((i) => `${file} → ${i}`),
    );
    expect(offending).toEqual([]);
  });
});
