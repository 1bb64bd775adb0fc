/**
 * The planner guide (docs/aufgaben.md) quotes the message `npm run check` gives for the typical
 * mistake of each task. This test makes each mistake on the table fixture and requires the guide to
 * contain the exact `field  message` the check prints, so that the guide cannot drift from the tool.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/index.ts';
import { replaceOnce, withFile } from '../lib/regeneration.ts';
import { fixtureFiles } from '../lib/content.ts';

const guide = readFileSync(new URL('../../docs/aufgaben.md', import.meta.url), 'utf8').replace(/\u00a0/g, ' ');
const files = fixtureFiles('tables');
const ZAHLEN = 'programmes/2030/chapters/02-zahlen.mdx';
const ANHANG = 'programmes/2030/chapters/03-anhang.mdx';
const PROGRAMME = 'programmes/2030/programme.yaml';

/** `field  message` of the first problem of the broken files, as `npm run check` prints it. */
function firstProblem(broken: ReturnType<typeof withFile>, severity: 'error' | 'warning' = 'error'): string {
  const p = checkContent(broken).problems.find((x) => x.severity === severity);
  if (!p) throw new Error('kein Problem gefunden');
  return `${p.field}  ${p.message}`.replace(/\u00a0/g, ' ');
}

const mistakes: [task: string, files: () => ReturnType<typeof withFile>, severity?: 'error' | 'warning'][] = [
  ['Kapitel hinzufügen: dieselbe Reihenfolge zweimal', () => withFile(files, ANHANG, replaceOnce('order: 2', 'order: 1'))],
  ['Kapitel entfernen: ein anderes Kapitel nennt es noch als parent', () => withFile(files, ANHANG, replaceOnce('order: 2', 'order: 2\nparent: einleitung'))],
  ['Kapitel umbenennen: slug einer Jahresseite', () => withFile(files, ANHANG, replaceOnce('slug: anhang', 'slug: daten'))],
  ['Instrument: unbekannte Kennung in einer Tabelle', () => withFile(files, ZAHLEN, replaceOnce('{ instrument: alpha, label: Alpha-Maßnahme', '{ instrument: alfa, label: Alpha-Maßnahme'))],
  ['Instrument: Pflichtfeld fehlt', () => withFile(files, 'instruments.yaml', replaceOnce('  description: Ein erfundener Kurs für Tests.\n', ''))],
  ['Zielgruppe: unbekannte Kennung', () => withFile(files, ZAHLEN, replaceOnce('targetGroup: junge-menschen', 'targetGroup: jugendliche'))],
  ['Rechtsgrundlage: Adresse ohne https', () => withFile(files, 'legal-bases.yaml', replaceOnce('url: https://www.gesetze-im-internet.de/sgb_2/__16h.html', 'url: http://www.gesetze-im-internet.de/sgb_2/__16h.html'))],
  ['Budget in Millionen statt Euro', () => withFile(files, PROGRAMME, replaceOnce('euros: 3000000.5', 'euros: 3.0'))],
  ['Zahl mit Tausenderpunkt', () => withFile(files, ZAHLEN, replaceOnce('people: 150 }', 'people: 1.500 }'))],
  ['Summe stimmt nicht', () => withFile(files, ZAHLEN, replaceOnce('people: 150 }', 'people: 151 }'))],
  ['Randnotiz nicht geschlossen', () => withFile(files, ZAHLEN, replaceOnce('Erfundener Text', '<Randnotiz>Notiz\n\nErfundener Text'))],
  ['Veröffentlichen: Tabelle noch zur Prüfung markiert', () => withFile(files, ZAHLEN, replaceOnce('    preset: instruments\n', '    preset: instruments\n    review: true\n'))],
];

describe('docs/aufgaben.md quotes the check exactly', () => {
  for (const [task, broken, severity] of mistakes)
    it(task, () => {
      const quoted = firstProblem(broken(), severity);
      if (process.env.PRINT_GUIDE_MESSAGES) console.log(`@@${task}@@${quoted}`);
      expect(guide).toContain(quoted);
    });
});
