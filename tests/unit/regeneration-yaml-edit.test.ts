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

  it('keeps a comment after a changed value, and the quotes of a quoted string', () => {
    const text = `year: 2021   # das Jahr\nstatus: "final"\ntitle: 'Programm 2021'  # Titel\nnote: x\n`;
    const out = edit(text, [
      { kind: 'set', path: ['year'], value: 2022 },
      { kind: 'set', path: ['status'], value: 'draft' },
      { kind: 'set', path: ['title'], value: "It's 2022" },
      // A string that would read as a number is quoted.
      { kind: 'set', path: ['note'], value: '2022' },
    ]);
    expect(out).toBe(`year: 2022   # das Jahr\nstatus: "draft"\ntitle: 'It''s 2022'  # Titel\nnote: "2022"\n`);
  });

  it('inserts into and deletes from a flow map written over several lines, in its layout', () => {
    const text = `e: {\n  value: 60,\n  footnote: "*"\n}\n`;
    expect(edit(text, [{ kind: 'insert', path: ['e'], key: 'review', value: true }])).toBe(`e: {\n  value: 60,\n  footnote: "*",\n  review: true\n}\n`);
    expect(edit(text, [{ kind: 'delete', path: ['e'], key: 'footnote' }])).toBe(`e: {\n  value: 60\n}\n`);
    expect(edit(text, [{ kind: 'delete', path: ['e'], key: 'value' }])).toBe(`e: {\n  footnote: "*"\n}\n`);
    expect(edit(doc, [{ kind: 'insert', path: ['total'], key: 'review', value: true, after: 'label' }])).toContain('total: { label: Summe, review: true, entries: 1150, note: x }\n');
  });

  it('deletes the last entry of a block map (a comment before it stays) and the first one after "- "', () => {
    const text = `rows:\n  - instrument: a\n    # Kommentar\n    entries: 920\n  - instrument: b\n    entries: 5\nend: x\n`;
    expect(edit(text, [{ kind: 'delete', path: ['rows', 0], key: 'entries' }])).toBe(text.replace('    entries: 920\n', ''));
    expect(edit(text, [{ kind: 'delete', path: ['rows', 1], key: 'instrument' }])).toBe(text.replace('  - instrument: b\n    entries: 5', '  - entries: 5'));
    // The only entry: the key stays with an empty value.
    expect(edit('a:\n  b: 1\nc: 2\n', [{ kind: 'delete', path: ['a'], key: 'b' }])).toBe('a:\nc: 2\n');
  });

  it('inserts after the same entry in the edits\' order, and at the end of a text without a final line break', () => {
    const out = edit('a: 1\nb: 2', [
      { kind: 'insert', path: [], key: 'c', value: 3, after: 'a' },
      { kind: 'insert', path: [], key: 'd', value: 4 },
      { kind: 'insert', path: [], key: 'e', value: 5, after: 'a' },
    ]);
    expect(out).toBe('a: 1\nc: 3\ne: 5\nb: 2\nd: 4\n');
  });

  it('edits only the frontmatter of MDX (text, insert, delete), and leaves the parsed file as it was', () => {
    const mdx = `---\ntitle: Kapitel 2021\ntables:\n  - id: t\n    entries: 5\n---\n\n# Body 2021\nentries: 5\n`;
    const p = parseSource({ path: 'a.mdx', text: mdx });
    const edits: Edit[] = [
      { kind: 'replaceText', path: ['title'], replace: (s) => s.replace('2021', '2022') },
      { kind: 'insert', path: ['tables', 0], key: 'review', value: true, after: 'id' },
      { kind: 'delete', path: ['tables', 0], key: 'entries' },
    ];
    const out = `---\ntitle: Kapitel 2022\ntables:\n  - id: t\n    review: true\n---\n\n# Body 2021\nentries: 5\n`;
    expect(applyEdits(p, edits)).toBe(out);
    expect(applyEdits(p, edits)).toBe(out);
  });

  it('says what is missing', () => {
    expect(() => edit(doc, [{ kind: 'delete', path: [], key: 'nope' }])).toThrow('x.yaml: nope fehlt');
    expect(() => edit(doc, [{ kind: 'set', path: ['rows', 5], value: 1 }])).toThrow('x.yaml: kein Wert unter rows.5');
    expect(() => edit(doc, [{ kind: 'insert', path: ['caption'], key: 'a', value: 1 }])).toThrow('ist keine Zuordnung');
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
