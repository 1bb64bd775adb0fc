/**
 * Fidelity: every paragraph, bullet, table cell and margin note of the printed programme
 * appears on the built site, verbatim. The only differences allowed are the repairs listed
 * here, each with its reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allPages, assertBuilt, readPage } from '../lib/site.ts';
import { contentDir, repoRoot } from '../lib/content.ts';
import { htmlText } from '../lib/html.ts';

const sourceFile = path.resolve(repoRoot, '../shared/source/amip-2021.txt');
/** The edition this test compares: it runs where the 2021 programme is published, whatever other years exist. */
const published2021 = existsSync(path.join(contentDir, 'programmes/2021/programme.yaml'));
/** Pages of the 2021 edition: its own pages and the pages of no particular year (glossary, Impressum …). */
const pageOf2021 = (url: string) => !/^\/\d{4}\//.test(url) || url.startsWith('/2021/');

/** Typesetting hyphen-breaks of the print, repaired on the site. */
const hyphenBreaks: [string, string][] = [
  ['Ein- tritte', 'Eintritte'],
  ['Ein-tritte', 'Eintritte'],
  ['Beschäftigungs-ort', 'Beschäftigungsort'],
  ['Geschäfts-anweisung', 'Geschäftsanweisung'],
  ['Grund-sicherung', 'Grundsicherung'],
  ['Vermitt-lungsgutscheine', 'Vermittlungsgutscheine'],
  ['Leistun-gen', 'Leistungen'],
  ['außerbetriebli-chen', 'außerbetrieblichen'],
  ['För-derung', 'Förderung'],
  ['Bundesausbil-dungsförderungsgesetz', 'Bundesausbildungsförderungsgesetz'],
  ['Flücht-linge', 'Flüchtlinge'],
  ['be-ruflichen', 'beruflichen'],
  ['Fallma-nagement', 'Fallmanagement'],
  ['Bildungsmaßnah-men', 'Bildungsmaßnahmen'],
  ['Leistungsempfän-gerdatei', 'Leistungsempfängerdatei'],
  ['Aufde-ckung', 'Aufdeckung'],
  ['Hei-zung', 'Heizung'],
  ['schwerbe-hinderte', 'schwerbehinderte'],
  ['Einstweiligesrechtsschutz-verfahren', 'Einstweiligesrechtsschutzverfahren'],
  ['Weiterbil-dung', 'Weiterbildung'],
  ['Verwaltungskostenfeststellungsver-ordnung', 'Verwaltungskostenfeststellungsverordnung'],
];

/** Extraction artefacts, not text of the programme. */
const artefacts: [string, string][] = [
  // A page number ("3") ran into the glossary line.
  ['Berufsforschung der BA 3', 'Berufsforschung der BA'],
  // The dash only separates abbreviation and expansion in the glossary's layout.
  ['THCG - Teilhabechancengesetz', 'THCG Teilhabechancengesetz'],
  // Bold in a margin note, marked up by the extraction.
  ['**', ''],
];

const normalise = (s: string) =>
  s
    .replace(/\u00ad/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/ %/g, '%')
    .trim();

function expectedFragments(): { line: number; text: string }[] {
  const lines = readFileSync(sourceFile, 'utf8').split('\n');
  const fragments: { line: number; text: string }[] = [];
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    let line = raw;
    for (const [from, to] of [...hyphenBreaks, ...artefacts]) line = line.split(from).join(to);
    // The printed table of contents: titles only, without dot leaders and page numbers.
    if (/^\d+(\.\d+)*\.? .*\t\d+$/.test(raw)) line = line.replace(/\.{3,}/, '').replace(/\t\d+$/, '');
    // A bullet's dash is the list marker, rendered as a list item.
    line = line.replace(/^- /, '');
    for (const cell of line.split('\t')) {
      const text = normalise(cell);
      if (text) fragments.push({ line: lineNo, text });
    }
  });
  return fragments;
}

describe.skipIf(!published2021)('fidelity to the printed programme 2021', () => {
  let siteText = '';
  beforeAll(() => {
    assertBuilt();
    siteText = normalise(allPages().filter(pageOf2021).map((url) => htmlText(readPage(url))).join('\n'));
  });

  it('shows every paragraph, bullet, table cell and margin note of the source', () => {
    const fragments = expectedFragments();
    expect(fragments.length).toBeGreaterThan(500);
    const lower = siteText.toLowerCase();
    const missing = fragments.filter(({ text, line }) =>
      // The cover is set in capitals; the site writes the same words in normal case.
      line <= 10 ? !lower.includes(text.toLowerCase()) : !siteText.includes(text) && !siteText.includes(text.replace(/:$/, '')),
    );
    expect(missing.map((m) => `Zeile ${m.line}: ${m.text}`)).toEqual([]);
  });
});
