/** The cache key of tests/lib/fixture-site.ts: any change of content or path builds again. */
import { mkdtempSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { treeHash } from '../lib/fixture-site.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'fixture-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, 'programmes/2025'), { recursive: true });
writeFileSync(path.join(dir, 'settings.yaml'), 'publisher: {}\n');
writeFileSync(path.join(dir, 'programmes/2025/programme.yaml'), 'year: 2025\n');

it('is stable, and changes with a file’s content, a new file and a renamed file', () => {
  const first = treeHash([dir]);
  expect(treeHash([dir])).toBe(first);
  writeFileSync(path.join(dir, 'settings.yaml'), 'publisher: { name: X }\n');
  const changed = treeHash([dir]);
  expect(changed).not.toBe(first);
  writeFileSync(path.join(dir, 'glossary.yaml'), '{}\n');
  const added = treeHash([dir]);
  expect(added).not.toBe(changed);
  renameSync(path.join(dir, 'glossary.yaml'), path.join(dir, 'glossar.yaml'));
  expect(treeHash([dir])).not.toBe(added);
});

it('covers single files as well as folders', () => {
  const file = path.join(dir, 'settings.yaml');
  const a = treeHash([file]);
  writeFileSync(file, 'publisher: { name: Y }\n');
  expect(treeHash([file])).not.toBe(a);
});
