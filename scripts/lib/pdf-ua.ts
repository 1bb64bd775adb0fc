/**
 * Makes Chromium's tagged PDF meet what PDF/UA-1 (ISO 14289-1) asks beyond it:
 * - everything drawn outside the tagged structure (running footer, backgrounds) is an artifact;
 * - the bookmarks read like the headings (Chromium joins the lines of a wrapped heading without
 *   a space: "5.1. HandlungsschwerpunktIntegration");
 * - list items are Lbl + LBody; an HTML <figure> that groups a chart or table with its caption
 *   is a Div (the chart inside stays a Figure with its Alt); every Figure has an Alt;
 * - link annotations have /Contents (their text), pages with annotations /Tabs /S;
 * - XMP metadata with dc:title, dc:language and the PDF/UA identifier (pdfuaid:part 1).
 * Runs where the PDF is written (pdf.ts), before the normalisation of reproducible.ts.
 */
import { deflateSync } from 'node:zlib';
import { escapeUTF8 } from 'entities';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFRawStream,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { pdfConformance } from '../../src/lib/pdf-conformance.ts';
import { markUntaggedAsArtifact } from './pdf-content.ts';

export type PdfUaOptions = {
  /** The page's headings (h1–h6) as read, in document order: the bookmarks' titles. */
  headings: string[];
  /** The fixed date of the edition, "D:YYYYMMDDHHmmSS" (reproducible.ts pdfDate). */
  date: string;
};

/** The standard structure types of PDF 1.7 (ISO 32000-1 § 14.8.4), the only ones PDF/UA-1 allows unmapped. */
export const standardStructureTypes: ReadonlySet<string> = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody ' +
    'Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);

/**
 * Types that Chromium writes from PDF 2.0 (<strong>, <em>, …), mapped to a PDF 1.7 type. Not to H
 * (PDF/UA forbids mixing H with H1–H6) nor to Note (which PDF/UA requires to carry an ID).
 */
const roleMap: Record<string, string> = { Strong: 'Span', Em: 'Span', Sub: 'Span', Aside: 'Div', FENote: 'Div', Title: 'P' };

/** PDF/UA identification, as it stands in the XMP metadata and in the accessibility statement. */
export const pdfUaPart = pdfConformance.part;

const name = PDFName.of;
const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);
/** Chromium's bookmark drops the spaces at line breaks and shows CSS text-transform: compare without either. */
const key = (s: string) => s.replace(/\s+/g, '').toLocaleLowerCase('de');
const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Text of each link annotation, from the tagged content of its Link structure element (read
 * with pdf.js): "12 0" → "3.2. Handlungsschwerpunkt Integration 14". Reading a page's text is the
 * slow part: `pages` (1-based) limits it to the pages that have links.
 */
export async function linkTexts(bytes: Uint8Array, pages?: ReadonlySet<number>): Promise<Map<string, string>> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const out = new Map<string, string>();
  try {
    type Node = { role?: string; type?: string; id?: string; children?: Node[] };
    for (let n = 1; n <= doc.numPages; n++) {
      if (pages && !pages.has(n)) continue;
      const page = await doc.getPage(n);
      const tree = (await page.getStructTree()) as Node | null;
      if (!tree) continue;
      const content = new Map<string, string>();
      const open: string[] = [];
      for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? '');
          else if (item.type === 'endMarkedContent') open.pop();
        } else {
          for (const id of open) if (id) content.set(id, (content.get(id) ?? '') + item.str + (item.hasEOL ? ' ' : ''));
        }
      }
      const textOf = (node: Node): string =>
        node.type === 'content' ? (content.get(node.id ?? '') ?? '') : (node.children ?? []).map(textOf).join('');
      const visit = (node: Node) => {
        if (node.role === 'Link') {
          const words = plain(textOf(node));
          for (const child of node.children ?? []) {
            const ref = child.type === 'object' ? /^(\d+)R(\d*)$/.exec(child.id ?? '') : null;
            if (ref) out.set(`${ref[1]} ${ref[2] || '0'}`, words);
          }
        }
        for (const child of node.children ?? []) visit(child);
      };
      visit(tree);
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/** "D:20210101000000" → "2021-01-01T00:00:00Z". */
const isoDate = (date: string) => {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(date);
  if (!m) throw new Error(`PDF-Datum ${date}: erwartet D:JJJJMMTTHHmmSS`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
};

/** The XMP packet (ISO 16684-1) with Dublin Core title and language and the PDF/UA part. */
export function xmpPacket({ title, lang, date, producer, creator }: { title: string; lang: string; date: string; producer?: string; creator?: string }): string {
  const when = isoDate(date);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeUTF8(title)}</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>${escapeUTF8(lang)}</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>${when}</xmp:CreateDate>
<xmp:ModifyDate>${when}</xmp:ModifyDate>
<xmp:MetadataDate>${when}</xmp:MetadataDate>
${creator ? `<xmp:CreatorTool>${escapeUTF8(creator)}</xmp:CreatorTool>\n` : ''}${producer ? `<pdf:Producer>${escapeUTF8(producer)}</pdf:Producer>\n` : ''}<pdfuaid:part>${pdfUaPart}</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** The decoded content of a page (its /Contents stream or streams). */
function pageContent(doc: PDFDocument, contents: PDFObject | undefined): { bytes: Uint8Array; refs: PDFRef[] } {
  const refs = contents instanceof PDFRef ? [contents] : contents instanceof PDFArray ? contents.asArray().filter((r): r is PDFRef => r instanceof PDFRef) : [];
  const parts = refs.map((ref) => {
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) throw new Error(`PDF: Seiteninhalt ${ref} ist kein Datenstrom`);
    return decodePDFRawStream(stream).decode();
  });
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    bytes[at + p.length] = 10;
    at += p.length + 1;
  }
  return { bytes, refs };
}

/** Entries of a number tree (the ParentTree): key → the array and index that hold its value. */
function numberTree(root: PDFDict | undefined): Map<number, { nums: PDFArray; index: number }> {
  const out = new Map<number, { nums: PDFArray; index: number }>();
  const visit = (node: PDFDict) => {
    const nums = node.lookupMaybe(name('Nums'), PDFArray);
    if (nums) for (let i = 0; i + 1 < nums.size(); i += 2) out.set(nums.lookup(i, PDFNumber).asNumber(), { nums, index: i + 1 });
    const kids = node.lookupMaybe(name('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) visit(kids.lookup(i, PDFDict));
  };
  if (root) visit(root);
  return out;
}

/**
 * The PDF/UA finishing of a PDF printed by Chromium with tagged: true and outline: true.
 * Throws when something cannot be made conformant (a Figure without alternative text).
 */
export async function finishPdfUa(bytes: Uint8Array, { headings, date }: PdfUaOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context, catalog } = doc;
  const isLink = (ref: PDFObject) => context.lookup(ref, PDFDict).get(name('Subtype')) === name('Link');
  const pagesWithLinks = new Set(
    doc
      .getPages()
      .map((page, i) => (page.node.lookupMaybe(name('Annots'), PDFArray)?.asArray().some(isLink) ? i + 1 : 0))
      .filter((n) => n > 0),
  );
  const links = await linkTexts(bytes, pagesWithLinks);
  context.header = PDFHeader.forVersion(1, 7);
  const problems: string[] = [];

  // Artifacts: what is drawn outside the tagged content.
  for (const page of doc.getPages()) {
    const { bytes: content, refs } = pageContent(doc, page.node.get(name('Contents')));
    const marked = markUntaggedAsArtifact(content);
    if (marked === content) continue;
    for (const ref of refs) context.delete(ref);
    // Node's zlib: several times faster than pdf-lib's own deflate (pako); its version is part of the print cache key.
    page.node.set(name('Contents'), context.register(context.stream(deflateSync(marked), { Filter: 'FlateDecode' })));
  }

  // Link annotations: /Contents with the link's text; tab order by structure.
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(name('Annots'), PDFArray);
    if (!annots || annots.size() === 0) continue;
    page.node.set(name('Tabs'), name('S'));
    for (const ref of annots.asArray()) {
      if (!isLink(ref)) continue;
      const annot = context.lookup(ref, PDFDict);
      const id = ref instanceof PDFRef ? `${ref.objectNumber} ${ref.generationNumber}` : '';
      const uri = text(annot.lookupMaybe(name('A'), PDFDict)?.get(name('URI')));
      const dest = annot.get(name('Dest'));
      const fallback = uri ?? (dest instanceof PDFName ? dest.decodeText() : '');
      annot.set(name('Contents'), PDFHexString.fromText(links.get(id) || fallback));
    }
  }

  // Structure: LI → Lbl + LBody; grouping figures → Div; Alt on every Figure.
  const treeRoot = catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  if (!treeRoot) throw new Error('PDF: keine Struktur (tagged: true fehlt beim Drucken)');
  const parentTree = numberTree(treeRoot.lookupMaybe(name('ParentTree'), PDFDict));
  const setParent = (kid: PDFObject, pageOf: PDFRef | undefined, parent: PDFRef) => {
    if (kid instanceof PDFRef) {
      const child = context.lookup(kid);
      if (child instanceof PDFDict && child.has(name('S'))) {
        child.set(name('P'), parent);
        return;
      }
      kid = child!;
    }
    if (kid instanceof PDFNumber || (kid instanceof PDFDict && kid.get(name('Type')) === name('MCR'))) {
      const mcid = kid instanceof PDFNumber ? kid.asNumber() : kid.lookup(name('MCID'), PDFNumber).asNumber();
      const pageRef = kid instanceof PDFDict && kid.get(name('Pg')) instanceof PDFRef ? (kid.get(name('Pg')) as PDFRef) : pageOf;
      const parentKey = pageRef && context.lookup(pageRef, PDFDict).lookupMaybe(name('StructParents'), PDFNumber)?.asNumber();
      const entry = parentKey === undefined ? undefined : parentTree.get(parentKey);
      if (!entry) throw new Error('PDF: Inhalt ohne Eintrag im ParentTree');
      context.lookup(entry.nums.get(entry.index), PDFArray).set(mcid, parent);
    } else if (kid instanceof PDFDict && kid.get(name('Type')) === name('OBJR')) {
      const parentKey = context.lookup(kid.get(name('Obj')), PDFDict).lookupMaybe(name('StructParent'), PDFNumber)?.asNumber();
      const entry = parentKey === undefined ? undefined : parentTree.get(parentKey);
      if (entry) entry.nums.set(entry.index, parent);
    }
  };
  const kidsOf = (elem: PDFDict): PDFObject[] => {
    const k = elem.get(name('K'));
    return k === undefined ? [] : k instanceof PDFArray ? k.asArray() : [k];
  };
  const elementOf = (kid: PDFObject) => {
    if (!(kid instanceof PDFRef)) return undefined;
    const o = context.lookup(kid);
    return o instanceof PDFDict && o.has(name('S')) ? o : undefined;
  };
  const role = (elem: PDFDict | undefined) => (elem?.get(name('S')) instanceof PDFName ? (elem.get(name('S')) as PDFName).decodeText() : undefined);
  const mapped = new Set<string>();
  const visit = (ref: PDFRef, elem: PDFDict) => {
    const kids = kidsOf(elem);
    const s = role(elem);
    if (s && !standardStructureTypes.has(s)) {
      if (roleMap[s]) mapped.add(s);
      else problems.push(`Strukturtyp ${s} ohne Entsprechung in PDF 1.7`);
    }
    if (s === 'LI') {
      const body = kids.filter((k) => role(elementOf(k)) !== 'Lbl');
      if (body.length > 0 && !(body.length === 1 && role(elementOf(body[0]!)) === 'LBody')) {
        const lbody = context.obj({ Type: 'StructElem', S: 'LBody', P: ref, K: body });
        const pg = elem.get(name('Pg'));
        if (pg) lbody.set(name('Pg'), pg);
        const lbodyRef = context.register(lbody);
        for (const k of body) setParent(k, pg instanceof PDFRef ? pg : undefined, lbodyRef);
        elem.set(name('K'), context.obj([...kids.filter((k) => role(elementOf(k)) === 'Lbl'), lbodyRef]));
      }
    }
    if (s === 'Figure' && !elem.has(name('Alt'))) {
      if (kids.some((k) => elementOf(k))) elem.set(name('S'), name('Div'));
      else {
        const pg = elem.get(name('Pg'));
        const at = doc.getPages().findIndex((p) => p.ref === pg);
        problems.push(`Abbildung ohne Alternativtext${at >= 0 ? ` auf Seite ${at + 1}` : ''} (ein Bild der Gesamtausgabe ohne alt-Text)`);
      }
    }
    for (const k of kidsOf(elem)) {
      const child = elementOf(k);
      if (child) visit(k as PDFRef, child);
    }
  };
  for (const k of kidsOf(treeRoot)) {
    const child = elementOf(k);
    if (child) visit(k as PDFRef, child);
  }

  if (mapped.size > 0) {
    const map = treeRoot.lookupMaybe(name('RoleMap'), PDFDict) ?? context.obj({});
    for (const s of [...mapped].sort()) map.set(name(s), name(roleMap[s]!));
    treeRoot.set(name('RoleMap'), map);
  }

  // Bookmarks: the headings' words, in document order.
  let next = 0;
  const outline = (item: PDFDict | undefined) => {
    for (; item; item = item.lookupMaybe(name('Next'), PDFDict)) {
      const title = text(item.get(name('Title'))) ?? '';
      const at = headings.findIndex((h, i) => i >= next && key(h) === key(title));
      if (at >= 0) {
        item.set(name('Title'), PDFHexString.fromText(plain(headings[at]!)));
        next = at + 1;
      }
      outline(item.lookupMaybe(name('First'), PDFDict));
    }
  };
  outline(catalog.lookupMaybe(name('Outlines'), PDFDict)?.lookupMaybe(name('First'), PDFDict));

  // Metadata: title and language as in the document info and catalog, plus the PDF/UA part.
  const info = context.lookup(context.trailerInfo.Info, PDFDict);
  const title = text(info?.get(name('Title')));
  const lang = text(catalog.get(name('Lang')));
  if (!title || !lang) throw new Error('PDF: Titel oder Sprache fehlt (Chromium setzt beides aus <title> und <html lang>)');
  const xmp = new TextEncoder().encode(
    xmpPacket({ title, lang, date, producer: text(info?.get(name('Producer'))), creator: text(info?.get(name('Creator'))) }),
  );
  catalog.set(name('Metadata'), context.register(context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })));
  const prefs = catalog.lookupMaybe(name('ViewerPreferences'), PDFDict);
  if (prefs) prefs.set(name('DisplayDocTitle'), context.obj(true));
  else catalog.set(name('ViewerPreferences'), context.obj({ DisplayDocTitle: true }));

  if (problems.length > 0) throw new Error(`PDF/UA: ${problems.join('; ')}`);
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
