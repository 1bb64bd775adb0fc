import { describe, expect, it } from 'vitest';
import { markUntaggedAsArtifact, operators } from '../../scripts/lib/pdf-content.ts';
import { xmpPacket } from '../../scripts/lib/pdf-ua.ts';
import { contentProblems } from '../lib/pdf-ua.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const ops = (s: string) => operators(enc(s)).map((o) => o.op);

describe('content stream operators', () => {
  it('keeps operands with their operator: strings with parentheses, hex strings, arrays, dictionaries, names', () => {
    const src = '/P <</MCID 3>> BDC BT /F1 12 Tf [(a\\)b) -20 <0041>] TJ (x (nested) y) Tj ET EMC';
    expect(ops(src)).toEqual(['BDC', 'BT', 'Tf', 'TJ', 'Tj', 'ET', 'EMC']);
    const tj = operators(enc(src)).find((o) => o.op === 'TJ')!;
    expect(src.slice(tj.start, tj.end)).toBe('[(a\\)b) -20 <0041>] TJ');
  });

  it('skips comments and reads an inline image as one operator', () => {
    expect(ops('% a comment Tj\nq BI /W 1 /H 1 ID \x00EI\xff EI Q')).toEqual(['q', 'BI', 'Q']);
  });
});

describe('untagged content becomes an artifact', () => {
  it('wraps a text object drawn outside the tags (a running footer) and leaves tagged content alone', () => {
    const src = '/P <</MCID 0>> BDC BT (Text) Tj ET EMC\nq BT /F1 8 Tf (Seite 2 von 5) Tj ET Q';
    const out = dec(markUntaggedAsArtifact(enc(src)));
    expect(out).toBe('/P <</MCID 0>> BDC BT (Text) Tj ET EMC\nq /Artifact BMC\nBT /F1 8 Tf (Seite 2 von 5) Tj ET\nEMC\n Q');
    expect(contentProblems(enc(out))).toEqual([]);
    expect(contentProblems(enc(src))).toEqual(['Tj weder getaggt noch Artefakt']);
  });

  it('wraps a filled background with the path that it fills, and nothing that only sets state', () => {
    const out = dec(markUntaggedAsArtifact(enc('q 1 1 1 rg 0 0 10 10 re f Q q 0 0 5 5 re W n Q')));
    expect(out).toBe('q 1 1 1 rg /Artifact BMC\n0 0 10 10 re f\nEMC\n Q q 0 0 5 5 re W n Q');
    expect(contentProblems(enc(out))).toEqual([]);
  });

  it('inside a text object that holds tagged content, the artifact stays within the text object', () => {
    const src = 'BT /P <</MCID 1>> BDC (a) Tj EMC (b) Tj ET';
    const out = dec(markUntaggedAsArtifact(enc(src)));
    expect(out).toBe('BT /P <</MCID 1>> BDC (a) Tj EMC/Artifact BMC\n (b) Tj\nEMC\n ET');
    expect(contentProblems(enc(out))).toEqual([]);
  });

  it('returns a stream without untagged marks unchanged', () => {
    const src = enc('/Artifact BMC 0 0 1 1 re f EMC /P <</MCID 0>> BDC BT (a) Tj ET EMC');
    expect(markUntaggedAsArtifact(src)).toBe(src);
  });

  it('the check finds marked content that straddles a text object', () => {
    expect(contentProblems(enc('/P <</MCID 0>> BDC BT (a) Tj EMC ET'))).toContain('markierter Inhalt und Textobjekt überschneiden sich (EMC)');
  });
});

describe('XMP metadata', () => {
  it('names title, language and PDF/UA-1, escaped, with the fixed date', () => {
    const xmp = xmpPacket({ title: 'Programm <2021> & mehr', lang: 'de', date: 'D:20210101000000' });
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Programm &lt;2021&gt; &amp; mehr</rdf:li>');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>de</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<xmp:CreateDate>2021-01-01T00:00:00Z</xmp:CreateDate>');
    expect(() => xmpPacket({ title: 't', lang: 'de', date: '2021' })).toThrow(/JJJJMMTT/);
  });
});
