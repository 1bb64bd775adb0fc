/** In-place YAML edits: only the edited value changes; comments, quoting and flow style stay. */
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/lib/check/source.ts';
import { applyEdits, type Edit, flowText } from '../../src/lib/import/yaml-edit.ts';

const edit = (text: string, edits: Edit[], path = 'x.yaml') => applyEdits(parseSource({ path, text }), edits);

const doc = `# a comment that must stay
caption: "Eintritte 2021"   # trailing comment
columns: [Instrument, Eintritte 2021, Funktion]
rows:
  - instrument: a
    entries: 920
  - instrument: b
    entries: { value: 60, footnote: "*" }
  - instrument: c
    entries:
      min: 80
      max: 170
total: { label: Summe, entries: 1150, note: x }
`;

describe('applyEdits', () => {
  it('changes a number and nothing else', () => {
    expect(edit(doc, [{ kind: 'set', path: ['rows', 0, 'entries'], value: 900 }])).toBe(doc.replace('entries: 920', 'entries: 900'));
  });

  it('changes one value inside a flow map, keeping its other values as written', () => {
    expect(edit(doc, [{ kind: 'set', path: ['rows', 1, 'entries', 'value'], value: 70 }])).toBe(doc.replace('{ value: 60, footnote: "*" }', '{ value: 70, footnote: "*" }'));
  });

  it('turns a number into a range in flow style, and a block map into flow style', () => {
    const out = edit(doc, [
      { kind: 'set', path: ['rows', 0, 'entries'], value: { min: 900, max: 950 } },
      { kind: 'set', path: ['rows', 2, 'entries'], value: 100 },
    ]);
    expect(out).toContain('    entries: { min: 900, max: 950 }\n');
    expect(out).toContain('  - instrument: c\n    entries: 100\ntotal:');
  });

  it('replaces text inside a quoted scalar and a flow sequence, keeping quotes and brackets', () => {
    const shift = (s: string) => s.replace('2021', '2022');
    const out = edit(doc, [
      { kind: 'replaceText', path: ['caption'], replace: shift },
      { kind: 'replaceText', path: ['columns'], replace: shift },
    ]);
    expect(out).toBe(doc.replace('"Eintritte 2021"', '"Eintritte 2022"').replace('[Instrument, Eintritte 2021, Funktion]', '[Instrument, Eintritte 2022, Funktion]'));
  });

  it('deletes an entry of a block map (its whole line) and of a flow map (with its comma)', () => {
    const out = edit(doc, [
      { kind: 'delete', path: ['rows', 2, 'entries'], key: 'max' },
      { kind: 'delete', path: ['total'], key: 'note' },
      { kind: 'delete', path: ['total'], key: 'label' },
    ]);
    expect(out).toContain('    entries:\n      min: 80\ntotal: { entries: 1150 }\n');
  });

  it('inserts into a block map after a given key (same indent) and into a flow map', () => {
    const out = edit(doc, [
      { kind: 'insert', path: ['rows', 0], key: 'review', value: true, after: 'instrument' },
      { kind: 'insert', path: ['total'], key: 'review', value: true },
      { kind: 'insert', path: [], key: 'status', value: 'draft', after: 'caption' },
    ]);
    expect(out).toContain('  - instrument: a\n    review: true\n    entries: 920\n');
    expect(out).toContain('total: { label: Summe, entries: 1150, note: x, review: true }');
    expect(out).toContain('caption: "Eintritte 2021"   # trailing comment\nstatus: draft\ncolumns:');
    expect(out.startsWith('# a comment that must stay\n')).toBe(true);
  });

  it('edits MDX frontmatter and leaves the body alone', () => {
    const mdx = `---\ntitle: A\ntables:\n  - entries: 5\n---\n\nBody with entries: 5\n`;
    expect(edit(mdx, [{ kind: 'set', path: ['tables', 0, 'entries'], value: 6 }], 'a.mdx')).toBe(mdx.replace('  - entries: 5', '  - entries: 6'));
  });

  it('refuses overlapping edits', () => {
    expect(() =>
      edit(doc, [
        { kind: 'set', path: ['rows', 1, 'entries'], value: 1 },
        { kind: 'set', path: ['rows', 1, 'entries', 'value'], value: 2 },
      ]),
    ).toThrow(/überschneiden/);
  });
});

describe('flowText', () => {
  it('writes values as the content format does', () => {
    expect(flowText(920)).toBe('920');
    expect(flowText({ min: 25, max: 30, notation: 'klammer' })).toBe('{ min: 25, max: 30, notation: klammer }');
    expect(flowText({ value: 60, footnote: '*' })).toBe('{ value: 60, footnote: "*" }');
    expect(flowText({ value: 20, qualifier: 'und Stundenkontingente bei abH' })).toBe('{ value: 20, qualifier: und Stundenkontingente bei abH }');
    expect(flowText('a, b')).toBe('"a, b"');
  });
});
