import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Link, Root, Text } from 'mdast';
import { unified as astroUnified } from '@astrojs/markdown-remark';
import remarkProgrammeLinks from '../../src/lib/remark/programme-links.ts';
import { createMatcher, parseCitation, resolveCitation } from '../../src/lib/remark/matcher.ts';
import { readGlossary, readLegalBases } from '../../src/lib/remark/registry.ts';
import { duesseldorfDir as contentDir, landkreisDir } from '../lib/content.ts';

const glossary = readGlossary(path.join(contentDir, 'glossary.yaml'));
const bases = readLegalBases(path.join(contentDir, 'legal-bases.yaml'));
const matcher = createMatcher(glossary, bases);
/** The made-up county's registries: laws outside SGB II/III (BKGG, SGB IX, AufenthG). */
const countyBases = readLegalBases(path.join(landkreisDir, 'legal-bases.yaml'));
const countyMatcher = createMatcher(readGlossary(path.join(landkreisDir, 'glossary.yaml')), countyBases);

/** Runs the plugin over MDX the way the chapter files are written and returns the tree. */
function transform(mdx: string, options: Parameters<typeof remarkProgrammeLinks>[0] = { contentDir }): Root {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkProgrammeLinks, options);
  return processor.runSync(processor.parse(mdx)) as Root;
}

type AnyNode = { type: string; children?: AnyNode[]; url?: string; value?: string; data?: Record<string, unknown>; name?: string };
const all = (node: AnyNode): AnyNode[] => [node, ...(node.children ?? []).flatMap(all)];
const links = (tree: Root) => all(tree as AnyNode).filter((n): n is AnyNode & Link => n.type === 'link');
const text = (node: AnyNode): string => (node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(text).join(''));

describe('the registries the plugin reads', () => {
  it('reads every glossary entry and legal basis with its id', () => {
    expect(glossary.find((g) => g.id === 'egt')).toEqual({ id: 'egt', abbreviation: 'EGT', expansion: 'Eingliederungstitel' });
    expect(bases.find((b) => b.id === 'sgb3-74-75a')?.sections).toEqual(['74', '75', '75a']);
    expect(glossary.length).toBeGreaterThanOrEqual(90);
  });

  it('names file, id and field when an entry is invalid', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'remark-links-'));
    writeFileSync(path.join(dir, 'glossary.yaml'), 'egt:\n  abbreviation: EGT\n');
    expect(() => readGlossary(path.join(dir, 'glossary.yaml'))).toThrow(/glossary\.yaml {2}egt\.expansion/);
  });
});

describe('legal citations', () => {
  it.each([
    ['§ 16i SGB II', { from: '16i', to: undefined, law: 'SGB II', old: false }],
    ['§ 16i', { from: '16i', to: undefined, law: undefined, old: false }],
    ['§§ 74- 75a SGB III', { from: '74', to: '75a', law: 'SGB III', old: false }],
    ['§ 130 (alt) SGB III', { from: '130', to: undefined, law: 'SGB III', old: true }],
    ['§ 16 f', { from: '16f', to: undefined, law: undefined, old: false }],
  ])('parses „%s“', (citation, expected) => {
    expect(parseCitation(citation)).toEqual(expected);
  });

  it.each([
    ['§ 16i SGB II', 'sgb2-16i'],
    ['§ 16i', 'sgb2-16i'], // without a law: the SGB II
    ['§ 16a SGB II', 'sgb2-16a'],
    ['§§ 74- 75a SGB III', 'sgb3-74-75a'],
    ['§ 75 (alt) SGB III', 'sgb3-75-alt'], // not the range 74–75a, which contains the current § 75
    ['§ 130 (alt) SGB III', 'sgb3-130-alt'],
  ])('resolves „%s“ to %s', (citation, id) => {
    expect(resolveCitation(parseCitation(citation)!, bases)?.id).toBe(id);
  });

  it('resolves nothing for a section the registry lacks or the wrong law', () => {
    expect(resolveCitation(parseCitation('§ 16d SGB II')!, bases)).toBeUndefined();
    expect(resolveCitation(parseCitation('§ 16i SGB III')!, bases)).toBeUndefined();
    expect(resolveCitation(parseCitation('§ 130 SGB III')!, bases)).toBeUndefined(); // only "(alt)" is registered
  });
});

describe('citations of any law in the registry', () => {
  const laws = countyBases.map((b) => b.law);
  const found = (s: string) => countyMatcher.find(s).map((m) => (m.kind === 'abbreviation' ? m.term.id : `§:${m.basis?.id}`));

  it.each([
    ['§ 6a BKGG', { from: '6a', to: undefined, law: 'BKGG', old: false }],
    ['§ 45a AufenthG', { from: '45a', to: undefined, law: 'AufenthG', old: false }],
    ['§ 49 SGB IX', { from: '49', to: undefined, law: 'SGB IX', old: false }],
  ])('parses „%s“ with the registry’s laws', (citation, expected) => {
    expect(parseCitation(citation, laws)).toEqual(expected);
  });

  it('without the registry’s laws "BKGG" is not read as the law of the citation', () => {
    expect(parseCitation('§ 6a BKGG')?.law).toBeUndefined();
  });

  it('resolves citations of BKGG, SGB IX and AufenthG in prose, and still those of SGB II/III', () => {
    expect(found('Kinderzuschlag nach § 6a BKGG, Teilhabe nach § 49 SGB IX, Sprachkurse nach § 45a AufenthG, Aktivierung nach § 45 SGB III, Förderung nach § 16i.')).toEqual([
      '§:bkgg-6a',
      '§:sgb9-49',
      '§:aufenthg-45a',
      '§:sgb3-45',
      '§:sgb2-16i',
    ]);
  });

  it('the abbreviation of a law inside a citation belongs to the citation; alone it is a glossary term', () => {
    expect(found('nach § 6a BKGG; das BKGG regelt den KiZ')).toEqual(['§:bkgg-6a', 'bkgg', 'kiz']);
  });

  it('a law the registry names is not confused with a longer word or another book', () => {
    expect(found('§ 6a BKGGneu')).toEqual(['§:undefined']); // read as "§ 6a" (SGB II), which is not registered
    expect(resolveCitation(parseCitation('§ 49 SGB IX', laws)!, countyBases)?.id).toBe('sgb9-49');
    expect(resolveCitation(parseCitation('§ 49 SGB XI', laws)!, countyBases)).toBeUndefined();
  });

  it('links them in a chapter through the plugin', () => {
    const tree = transform('Familien haben nach § 6a BKGG Anspruch. Menschen mit Behinderung erhalten Leistungen nach § 49 SGB IX.', { contentDir: landkreisDir });
    expect(links(tree).map((l) => [l.url, text(l as AnyNode)])).toEqual([
      ['/rechtsgrundlagen/bkgg-6a/', '§ 6a BKGG'],
      ['/rechtsgrundlagen/sgb9-49/', '§ 49 SGB IX'],
    ]);
  });

  it('a citation of a registered law with an unregistered section fails with the law named', () => {
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkProgrammeLinks, { contentDir: landkreisDir });
    const file = { path: 'kapitel.mdx', value: 'Nach § 6b BKGG.' };
    expect(() => processor.runSync(processor.parse(file.value), file as never)).toThrow(/kapitel\.mdx: Zitat „§ 6b BKGG“ verweist auf keinen Eintrag .*gesucht: § 6b BKGG/);
  });
});

describe('finding abbreviations', () => {
  const found = (s: string) => matcher.find(s).map((m) => (m.kind === 'abbreviation' ? m.term.id : `§:${m.basis?.id}`));

  it('takes the longest abbreviation and whole words only', () => {
    expect(found('Einzelförderungen über den AVGS-MAT kompensiert')).toEqual(['avgs-mat']);
    expect(found('nach dem SGB III und dem SGB II')).toEqual(['sgb-iii', 'sgb-ii']);
    expect(found('rd. 47,56 Mio. € im EGT')).toEqual(['egt']); // "rd." is no RD (Regionaldirektion)
    expect(found('Nutzung der Potentiale aller BG-Mitglieder')).toEqual(['bg']);
    expect(found('BVB Pro und BvB')).toEqual(['bvb']); // case matters
  });

  it('leaves the law inside a citation to the citation', () => {
    expect(found('neben § 16i SGB II auch EGZ')).toEqual(['§:sgb2-16i', 'egz']);
  });
});

describe('remarkProgrammeLinks', () => {
  it('wraps the first abbreviation of a section in an <abbr> linked to the glossary, leaving the text as written', () => {
    const source = 'Mittel im EGT. Noch einmal EGT.\n\n## Zweiter Abschnitt\n\nWieder der EGT.';
    const tree = transform(source);
    const glossaryLinks = links(tree).filter((l) => l.url === '/glossar/#egt');
    expect(glossaryLinks).toHaveLength(2); // once per section
    const abbr = glossaryLinks[0]!.children[0] as Text;
    expect(abbr.data).toEqual({ hName: 'abbr', hProperties: { title: 'Eingliederungstitel' } });
    expect(text(tree as AnyNode).replace(/\s+/g, ' ')).toBe('Mittel im EGT. Noch einmal EGT.Zweiter AbschnittWieder der EGT.');
  });

  it('links legal citations to their pages, also without the law', () => {
    const tree = transform('Beschäftigungsverhältnisse nach § 16i finanziert. Rechtsgrundlage: §§ 74- 75a SGB III.');
    expect(links(tree).map((l) => [l.url, text(l as AnyNode)])).toEqual([
      ['/rechtsgrundlagen/sgb2-16i/', '§ 16i'],
      ['/rechtsgrundlagen/sgb3-74-75a/', '§§ 74- 75a SGB III'],
    ]);
  });

  it('never touches headings, links, code, margin notes or other components', () => {
    const source = [
      '## Das EGT nach § 16i SGB II',
      '',
      '<Randnotiz>EGZ in Düsseldorf traditionell gering nachgefragt</Randnotiz>',
      '',
      'Siehe [den EGT](/2021/) und `EGZ` sowie <Schaubild thema="EGT" />.',
    ].join('\n');
    const tree = transform(source);
    expect(links(tree).map((l) => l.url)).toEqual(['/2021/']);
    const note = all(tree as AnyNode).find((n) => n.name === 'Randnotiz')!;
    expect(all(note).some((n) => n.type === 'link')).toBe(false);
    expect(text(note)).toBe('EGZ in Düsseldorf traditionell gering nachgefragt');
  });

  it('fails with the file and the citation when a cited legal basis is not registered', () => {
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkProgrammeLinks, { contentDir });
    const file = { path: 'kapitel.mdx', value: 'Gefördert nach § 16d SGB II.' };
    expect(() => processor.runSync(processor.parse(file.value), file as never)).toThrow(/kapitel\.mdx: Zitat „§ 16d SGB II“ verweist auf keinen Eintrag/);
  });

  it('only warns about such a citation when asked to', () => {
    const tree = transform('Gefördert nach § 16d SGB II.', { contentDir, unresolved: 'warn' });
    expect(links(tree)).toEqual([]);
  });

  it('renders <abbr> inside the link through the site’s Markdown processor', async () => {
    const processor = astroUnified({ remarkPlugins: [[remarkProgrammeLinks, { contentDir }]], smartypants: false });
    const renderer = await processor.createRenderer({});
    const { code } = await renderer.render('Rd. 47,56 Mio. € im EGT nach § 16e SGB II.');
    expect(code).toContain('<a href="/glossar/#egt" class="glossary-ref"><abbr title="Eingliederungstitel">EGT</abbr></a>');
    expect(code).toContain('<a href="/rechtsgrundlagen/sgb2-16e/" class="legal-ref">§ 16e SGB II</a>');
  });
});
