/**
 * `npm run check` ⊇ the build: for a catalogue of broken content, the check reports each mistake
 * (in German, with file and line), and Astro itself — run without the check — fails on the same
 * content. So a planner never meets a build error that the check did not name first.
 * Each case is a small copy of the table fixture with one mistake.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/index.ts';
import { readContentFiles } from '../../scripts/lib/content-files.ts';
import { runBuild } from '../../scripts/lib/build.ts';
import { replaceOnce, tempContent, tempDir } from '../lib/regeneration.ts';
import { fixtureDir, repoRoot } from '../lib/content.ts';

const ZAHLEN = 'programmes/2030/chapters/02-zahlen.mdx';
const ANHANG = 'programmes/2030/chapters/03-anhang.mdx';

type Case = { name: string; file: string; edit: (text: string) => string; message: RegExp };
const catalogue: Case[] = [
  { name: 'an unclosed <Randnotiz>', file: ZAHLEN, edit: replaceOnce('Erfundener Text', '<Randnotiz>offen\n\nErfundener Text'), message: /<Randnotiz> wird nicht geschlossen/ },
  { name: 'a misspelt closing tag', file: ZAHLEN, edit: replaceOnce('Erfundener Text eines Testprogramms.', '<Randnotiz>Notiz</Randnotitz>\n\nErfundener Text eines Testprogramms.'), message: /Randnotiz/ },
  { name: 'a stray {', file: ZAHLEN, edit: replaceOnce('Erfundener Text', 'Erfundener { Text'), message: /Klammer/ },
  { name: 'an unknown component', file: ZAHLEN, edit: replaceOnce('<Tabelle id="eintritte" />', '<Tabelle id="eintritte" />\n\n<Diagramm />'), message: /unbekannte Komponente <Diagramm>/ },
  { name: 'an unknown table id', file: ZAHLEN, edit: replaceOnce('<Tabelle id="mittel" />', '<Tabelle id="mitel" />'), message: /unbekannte Tabelle „mitel“/ },
  { name: 'an unknown share id', file: ANHANG, edit: (t) => t.replace(/<Anteile id="[^"]+"/, '<Anteile id="unbekannt"'), message: /unbekannte Anteile „unbekannt“/ },
  { name: 'an unknown instrument in a row', file: ZAHLEN, edit: replaceOnce('{ instrument: alpha, label: Alpha-Maßnahme', '{ instrument: alfa, label: Alpha-Maßnahme'), message: /unbekannte Instrument-Kennung „alfa“/ },
];

const errorsOf = (dir: string) => checkContent(readContentFiles(dir)).problems.filter((p) => p.severity === 'error');

describe('check and build agree on broken content', { timeout: 180_000 }, () => {
  const out = tempDir('agreement');
  afterAll(out.cleanup);

  it('the unbroken fixture passes both', async () => {
    expect(errorsOf(fixtureDir('tables'))).toEqual([]);
    await expect(runBuild({ root: repoRoot, outDir: path.join(out.dir, 'ok'), env: { AMIP_CONTENT_DIR: fixtureDir('tables') }, skipCheck: true, steps: [], log: () => {} })).resolves.not.toThrow();
  });

  for (const c of catalogue)
    it(`${c.name}: the check names it, and Astro fails without the check`, async () => {
      const content = tempContent(fixtureDir('tables'));
      try {
        const file = path.join(content.dir, c.file);
        const { readFileSync } = await import('node:fs');
        writeFileSync(file, c.edit(readFileSync(file, 'utf8')));
        const errors = errorsOf(content.dir);
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.map((p) => `${p.file} ${p.message}`).join('\n')).toMatch(c.message);
        expect(errors.every((p) => !/\b(Expected|Unexpected|Cannot|undefined)\b/.test(p.message))).toBe(true);
        await expect(
          runBuild({ root: repoRoot, outDir: path.join(out.dir, c.name.replace(/\W+/g, '-')), env: { AMIP_CONTENT_DIR: content.dir }, skipCheck: true, steps: [], log: () => {} }),
        ).rejects.toThrow();
      } finally {
        content.cleanup();
      }
    });
});
