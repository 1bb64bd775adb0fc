/**
 * The machine-checkable part of PDF/UA-1 (ISO 14289-1, after the Matterhorn Protocol's
 * checkpoints) that the PDF edition must meet, read with pdf-lib: every mark on a page is tagged
 * content or an artifact, lists are L > LI > Lbl/LBody, every Figure has an Alt, links have
 * /Contents, pages with annotations use the structure tab order, only standard (or role-mapped)
 * structure types, headings skip no level and do not mix H with H1–H6, fonts are embedded, and
 * the document has a language, a displayed title and XMP metadata naming PDF/UA. Not a full
 * validator (no veraPDF here): it returns the problems it finds.
 */
import { decodeXML } from 'entities';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFObject, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import { operators, paintingOperators as painting } from '../../scripts/lib/pdf-content.ts';
import { standardStructureTypes as standardTypes } from '../../scripts/lib/pdf-ua.ts';


const name = PDFName.of;
const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);

/** Marked content and text objects in a content stream: unmarked marks, and improper nesting. */
export function contentProblems(content: Uint8Array): string[] {
  const problems: string[] = [];
  const stack: string[] = []; // "BT" and "MC" in the order opened
  for (const o of operators(content)) {
    if (o.op === 'BMC' || o.op === 'BDC') stack.push('MC');
    else if (o.op === 'BT') stack.push('BT');
    else if (o.op === 'EMC' || o.op === 'ET') {
      const expected = o.op === 'EMC' ? 'MC' : 'BT';
      if (stack.pop() !== expected) problems.push(`markierter Inhalt und Textobjekt überschneiden sich (${o.op})`);
    } else if (painting.has(o.op) && !stack.includes('MC')) problems.push(`${o.op} weder getaggt noch Artefakt`);
  }
  return [...new Set(problems)];
}

export type PdfUaReport = { problems: string[]; xmp: string; figures: number; links: number; listItems: number };

export async function checkPdfUa(bytes: Uint8Array): Promise<PdfUaReport> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { catalog, context } = doc;
  const problems: string[] = [];

  if (catalog.lookupMaybe(name('MarkInfo'), PDFDict)?.get(name('Marked'))?.toString() !== 'true') problems.push('MarkInfo/Marked fehlt');
  const lang = text(catalog.get(name('Lang')));
  if (!lang) problems.push('Katalog ohne /Lang');
  if (catalog.lookupMaybe(name('ViewerPreferences'), PDFDict)?.get(name('DisplayDocTitle'))?.toString() !== 'true') problems.push('DisplayDocTitle fehlt');
  const title = text(context.lookupMaybe(context.trailerInfo.Info, PDFDict)?.get(name('Title')));
  if (!title) problems.push('Dokumentinfo ohne Titel');
  const metadataObject = catalog.get(name('Metadata')) ? context.lookup(catalog.get(name('Metadata'))) : undefined;
  const metadata = metadataObject instanceof PDFRawStream ? metadataObject : undefined;
  const xmp = metadata ? new TextDecoder().decode(decodePDFRawStream(metadata).decode()) : '';
  if (!/<pdfuaid:part>1<\/pdfuaid:part>/.test(xmp)) problems.push('XMP ohne pdfuaid:part 1');
  const xmpTitle = /<rdf:li xml:lang="x-default">([^<]*)<\/rdf:li>/.exec(xmp)?.[1];
  if (!title || xmpTitle === undefined || decodeXML(xmpTitle) !== title) problems.push('XMP: dc:title fehlt oder weicht vom Titel ab');
  if (!lang || !new RegExp(`<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li>`).test(xmp)) problems.push('XMP: dc:language fehlt oder weicht von /Lang ab');

  doc.getPages().forEach((page, i) => {
    const contents = page.node.get(name('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      const stream = context.lookup(ref);
      if (stream instanceof PDFRawStream) for (const p of contentProblems(decodePDFRawStream(stream).decode())) problems.push(`Seite ${i + 1}: ${p}`);
    }
  });

  let links = 0;
  doc.getPages().forEach((page, i) => {
    const annots = page.node.lookupMaybe(name('Annots'), PDFArray);
    if (!annots || annots.size() === 0) return;
    if (page.node.get(name('Tabs')) !== name('S')) problems.push(`Seite ${i + 1}: Anmerkungen ohne /Tabs /S`);
    for (const ref of annots.asArray()) {
      const annot = context.lookup(ref, PDFDict);
      if (annot.get(name('Subtype')) !== name('Link')) continue;
      links++;
      if (!text(annot.get(name('Contents')))?.trim()) problems.push(`Seite ${i + 1}: Link ${ref} ohne /Contents`);
      if (!annot.has(name('StructParent'))) problems.push(`Seite ${i + 1}: Link ${ref} nicht in der Struktur`);
    }
  });

  // Fonts: every font that has a descriptor is embedded (Matterhorn 31-009).
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(name('Type')) !== name('FontDescriptor')) continue;
    if (!['FontFile', 'FontFile2', 'FontFile3'].some((k) => object.has(name(k)))) problems.push(`Schrift nicht eingebettet (${ref})`);
  }

  let figures = 0;
  let listItems = 0;
  let headingLevel = 0;
  const headingKinds = new Set<string>();
  const roleMap = catalog.lookupMaybe(name('StructTreeRoot'), PDFDict)?.lookupMaybe(name('RoleMap'), PDFDict);
  const roleOf = (elem: PDFDict) => {
    const s = (elem.get(name('S')) as PDFName | undefined)?.decodeText() ?? '';
    const mapped = roleMap?.get(name(s));
    return mapped instanceof PDFName ? mapped.decodeText() : s;
  };
  const elementsIn = (elem: PDFDict): PDFDict[] => {
    const k = elem.get(name('K'));
    const kids = k === undefined ? [] : k instanceof PDFArray ? k.asArray() : [k];
    return kids.flatMap((kid) => {
      const o = kid instanceof PDFRef ? context.lookup(kid) : kid;
      return o instanceof PDFDict && o.has(name('S')) ? [o] : [];
    });
  };
  const visit = (elem: PDFDict, parent: string) => {
    const role = roleOf(elem);
    if (!standardTypes.has(role)) problems.push(`Strukturtyp ${role} ist kein Standardtyp`);
    const kids = elementsIn(elem);
    // Numbered headings in reading order skip no level on the way down (Matterhorn 14-003).
    const level = /^H([1-6])$/.exec(role)?.[1];
    if (role === 'H' || level) headingKinds.add(role === 'H' ? 'H' : 'Hn');
    if (role === 'Note' && !elem.has(name('ID'))) problems.push('Note ohne ID');
    if (level) {
      if (Number(level) > headingLevel + 1) problems.push(`Überschrift H${level} nach H${headingLevel || '–'}: Ebene übersprungen`);
      headingLevel = Number(level);
    }
    if (role === 'Figure') {
      figures++;
      if (!text(elem.get(name('Alt')))?.trim()) problems.push('Figure ohne Alt');
    }
    if (role === 'LI') {
      listItems++;
      if (parent !== 'L') problems.push(`LI in ${parent}`);
      const k = elem.get(name('K'));
      const all = k === undefined ? [] : k instanceof PDFArray ? k.asArray() : [k];
      if (all.length !== kids.length || kids.some((c) => !['Lbl', 'LBody'].includes(roleOf(c)))) problems.push('LI enthält anderes als Lbl und LBody');
    }
    if ((role === 'Lbl' || role === 'LBody') && parent !== 'LI') problems.push(`${role} außerhalb von LI`);
    for (const kid of kids) visit(kid, role);
  };
  const root = catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  if (!root) problems.push('keine Strukturbaumwurzel');
  else for (const kid of elementsIn(root)) visit(kid, 'StructTreeRoot');
  if (headingKinds.size > 1) problems.push('H und H1–H6 gemischt');

  return { problems: [...new Set(problems)], xmp, figures, links, listItems };
}
