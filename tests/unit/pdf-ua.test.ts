/**
 * The PDF/UA finishing (scripts/lib/pdf-ua.ts) on a small tagged PDF made here, shaped like
 * Chromium's: an untagged footer, a list item without LBody, a figure that groups a chart, a link
 * without /Contents, a bookmark whose words ran together, no XMP metadata. The check of
 * tests/lib/pdf-ua.ts finds each defect before and none after.
 */
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { finishPdfUa } from '../../scripts/lib/pdf-ua.ts';
import { checkPdfUa } from '../lib/pdf-ua.ts';

const name = PDFName.of;

async function chromiumLikePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const ctx = doc.context;
  doc.setTitle('Testprogramm 2021');
  const page = doc.addPage([200, 200]);
  page.node.setFontDictionary(name('F1'), ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' })));
  const content = [
    '/P <</MCID 0>> BDC BT /F1 10 Tf 10 180 Td (Liste) Tj ET EMC',
    '/Lbl <</MCID 1>> BDC BT /F1 10 Tf 10 160 Td (1.) Tj ET EMC',
    '/P <</MCID 2>> BDC BT /F1 10 Tf 30 160 Td (Punkt) Tj ET EMC',
    '/Link <</MCID 3>> BDC BT /F1 10 Tf 10 140 Td (Zum Kapitel) Tj ET EMC',
    '/Figure <</MCID 4>> BDC 10 30 50 50 re f EMC',
    'q 1 1 1 rg 0 0 200 200 re f Q',
    'BT /F1 8 Tf 10 5 Td (Seite 1 von 1) Tj ET',
  ].join('\n');
  page.node.set(name('Contents'), ctx.register(ctx.flateStream(content)));
  page.node.set(name('StructParents'), ctx.obj(0));
  page.node.set(name('Tabs'), name('S'));

  const refs = Object.fromEntries(['root', 'doc', 'p', 'list', 'li', 'lbl', 'liP', 'link', 'figure', 'chart', 'annot', 'outlines', 'item'].map((k) => [k, ctx.nextRef()])) as Record<string, PDFRef>;
  const elem = (s: string, parent: PDFRef, k: unknown, extra: Record<string, unknown> = {}) =>
    ctx.obj({ Type: 'StructElem', S: s, P: parent, Pg: page.ref, K: k, ...extra } as never);
  ctx.assign(refs.annot!, ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [10, 135, 80, 150], Border: [0, 0, 0], Dest: 'ziel', StructParent: 1 } as never));
  page.node.set(name('Annots'), ctx.obj([refs.annot!]));
  ctx.assign(refs.p!, elem('P', refs.doc!, 0));
  ctx.assign(refs.lbl!, elem('Lbl', refs.li!, 1));
  ctx.assign(refs.liP!, elem('P', refs.li!, 2));
  ctx.assign(refs.li!, elem('LI', refs.list!, [refs.lbl!, refs.liP!]));
  ctx.assign(refs.list!, elem('L', refs.doc!, [refs.li!]));
  ctx.assign(refs.link!, elem('Link', refs.doc!, [3, ctx.obj({ Type: 'OBJR', Obj: refs.annot! })]));
  ctx.assign(refs.chart!, elem('Figure', refs.figure!, 4, { Alt: PDFString.of('Ein Quadrat') }));
  ctx.assign(refs.figure!, elem('Figure', refs.doc!, [refs.chart!]));
  ctx.assign(refs.doc!, elem('Document', refs.root!, [refs.p!, refs.list!, refs.link!, refs.figure!]));
  const parentTree = ctx.obj({ Nums: [0, [refs.p!, refs.lbl!, refs.liP!, refs.link!, refs.chart!], 1, refs.link!] } as never);
  ctx.assign(refs.root!, ctx.obj({ Type: 'StructTreeRoot', K: [refs.doc!], ParentTree: parentTree, ParentTreeNextKey: 2 } as never));

  ctx.assign(refs.item!, ctx.obj({ Title: PDFString.of('5.1. HandlungsschwerpunktIntegration'), Parent: refs.outlines!, Dest: [page.ref, 'XYZ', 0, 200, 0] } as never));
  ctx.assign(refs.outlines!, ctx.obj({ Type: 'Outlines', First: refs.item!, Last: refs.item!, Count: 1 } as never));
  doc.catalog.set(name('StructTreeRoot'), refs.root!);
  doc.catalog.set(name('Outlines'), refs.outlines!);
  doc.catalog.set(name('MarkInfo'), ctx.obj({ Marked: true }));
  doc.catalog.set(name('Lang'), PDFString.of('de'));
  return doc.save({ useObjectStreams: false });
}

const headings = ['Liste', '5.1. Handlungsschwerpunkt Integration'];

describe('PDF/UA finishing', () => {
  it('the check finds every defect of the unfinished PDF', async () => {
    const { problems } = await checkPdfUa(await chromiumLikePdf());
    for (const defect of ['f weder getaggt noch Artefakt', 'Tj weder getaggt noch Artefakt', 'LI enthält anderes als Lbl und LBody', 'Figure ohne Alt', 'ohne /Contents', 'XMP ohne pdfuaid:part 1', 'DisplayDocTitle fehlt']) {
      expect(problems.join('\n'), defect).toContain(defect);
    }
  });

  it('leaves none of them', async () => {
    const finished = await finishPdfUa(await chromiumLikePdf(), { headings, date: 'D:20210101000000' });
    const report = await checkPdfUa(finished);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ figures: 1, links: 1, listItems: 1 });
    expect(report.xmp).toContain('<rdf:li xml:lang="x-default">Testprogramm 2021</rdf:li>');
  });

  it('gives the bookmark the heading\'s words, the link its text, the grouping figure the role Div', async () => {
    const doc = await PDFDocument.load(await finishPdfUa(await chromiumLikePdf(), { headings, date: 'D:20210101000000' }), { updateMetadata: false });
    const outlines = doc.catalog.lookup(name('Outlines'), PDFDict);
    expect(outlines.lookup(name('First'), PDFDict).lookup(name('Title'), PDFHexString).decodeText()).toBe('5.1. Handlungsschwerpunkt Integration');
    const annot = doc.getPages()[0]!.node.lookup(name('Annots'), PDFArray).lookup(0, PDFDict);
    expect(annot.lookup(name('Contents'), PDFHexString).decodeText()).toBe('Zum Kapitel');
    const top = doc.catalog.lookup(name('StructTreeRoot'), PDFDict).lookup(name('K'), PDFArray).lookup(0, PDFDict).lookup(name('K'), PDFArray);
    expect(top.lookup(3, PDFDict).get(name('S'))).toBe(name('Div'));
  });

  it('gives the same bytes for the same input', async () => {
    const input = await chromiumLikePdf();
    const a = await finishPdfUa(input, { headings, date: 'D:20210101000000' });
    const b = await finishPdfUa(input, { headings, date: 'D:20210101000000' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses a figure without alternative text that groups nothing', async () => {
    const doc = await PDFDocument.load(await chromiumLikePdf(), { updateMetadata: false });
    const figure = doc.catalog.lookup(name('StructTreeRoot'), PDFDict).lookup(name('K'), PDFArray).lookup(0, PDFDict).lookup(name('K'), PDFArray).lookup(3, PDFDict);
    const chart = figure.lookup(name('K'), PDFArray).lookup(0, PDFDict);
    chart.delete(name('Alt'));
    await expect(finishPdfUa(await doc.save({ useObjectStreams: false }), { headings, date: 'D:20210101000000' })).rejects.toThrow(/Abbildung ohne Alternativtext auf Seite 1/);
  });
});
