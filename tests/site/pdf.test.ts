/**
 * The PDF edition that the build prints from /<year>/gesamt/: it exists for every published
 * year, is tagged with real text, has the chapters as bookmarks pointing at the right pages,
 * and its contents give those page numbers; it meets the machine-checkable rules of PDF/UA-1
 * (tests/lib/pdf-ua.ts); and printing it again (`npm run pdf`, without the cache) gives the
 * same bytes as the build.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chapterFiles, readMdx, years } from '../lib/content.ts';
import { distDir } from '../lib/dist.ts';
import { htmlText } from '../lib/html.ts';
import { assertBuilt, readPage } from '../lib/site.ts';
import { pdfOutline, pdfPath, writePdfs, type OutlineEntry } from '../../scripts/lib/pdf.ts';
import { checkPdfUa, type PdfUaReport } from '../lib/pdf-ua.ts';
import { pdfHref } from '../../src/components/print/edition.ts';
import { pdfConformance } from '../../src/lib/pdf-conformance.ts';

type Chapter = { number: string; title: string; slug: string; goal?: string; body: string };

/** Chromium's bookmarks and the extracted text lose the spaces at line breaks: compare without any. */
const key = (s: string) => s.replace(/\s+/g, '');
const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The first paragraph of a chapter body that is plain text (no markup, no component). */
function firstPlainParagraph(body: string): string | undefined {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p.length > 0 && !/^[<#|>\-*\d]/.test(p) && !/[*_[\]`<>{}]/.test(p));
}

/** Text of a Markdown snippet as read: emphasis marks and link targets dropped. */
// Inline HTML of the content format (<span lang="en">) is markup, not text.
const markdownText = (s: string) => plain(s.replace(/<\/?span\b[^>]*>/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__|\*/g, ''));
const marginNotes = (body: string) => [...body.matchAll(/<Randnotiz>([\s\S]*?)<\/Randnotiz>/g)].map((m) => markdownText(m[1]!));

/** Years whose whole-programme page was built (drafts are only built with --drafts). */
const editionYears = () => years().filter((y) => existsSync(path.join(distDir(), y, 'gesamt', 'index.html')));

type Pdf = { file: string; outline: OutlineEntry[]; pages: string[]; marked: boolean; info: Record<string, unknown> };

async function loadPdf(file: string): Promise<Pdf> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      // Items of one line follow each other without separator (a ligature is an item of its own).
      pages.push(plain(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? ' ' : '') : '')).join('')));
    }
    const marked = (await doc.getMarkInfo())?.Marked === true;
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    return { file, outline: await pdfOutline(readFileSync(file)), pages, marked, info };
  } finally {
    await doc.destroy();
  }
}

beforeAll(assertBuilt);

it('builds an edition for at least the published year 2021', () => {
  expect(editionYears()).toContain('2021');
});

describe.each(editionYears())('the PDF of %s', (year) => {
  const chapters: Chapter[] = chapterFiles(year).map((file) => {
    const { data, body } = readMdx(file);
    return { ...(data as Omit<Chapter, 'body'>), body };
  });
  const file = pdfPath(distDir(), year);
  let pdf: Pdf;
  beforeAll(async () => {
    if (!existsSync(file)) throw new Error(`${file} fehlt: der Build schreibt es (Schritt „PDF“), oder npm run pdf`);
    pdf = await loadPdf(file);
  });

  it('is a PDF printed from this build, linked from the programme home', () => {
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(statSync(path.join(distDir(), year, 'gesamt', 'index.html')).mtimeMs);
    expect(readPage(`/${year}/`)).toContain(`href="${pdfHref(year)}"`);
  });

  it('is printed again to the same bytes (what `npm run pdf` does after the build, without the cache)', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'amip-pdf-'));
    try {
      cpSync(distDir(), copy, { recursive: true });
      const [again] = await writePdfs({ dir: copy, years: [year], cacheDir: false });
      expect(again).toBe(pdfPath(copy, year));
      expect(readFileSync(again!).equals(readFileSync(file))).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('is tagged, German, and titled with the programme', () => {
    expect(pdf.marked).toBe(true);
    expect(pdf.info.Language).toBe('de');
    expect(String(pdf.info.Title)).toContain(`programm ${year}`);
  });

  it('has every chapter as a bookmark that reads like its heading, in printed order, on ascending pages', () => {
    const entries = pdf.outline;
    let last = -1;
    let lastPage = 0;
    for (const c of chapters) {
      // Word for word, with the spaces: no words run together where the heading wrapped.
      const at = entries.findIndex((e, i) => i > last && e.title === plain(`${c.number} ${c.title}`));
      expect(at, `Lesezeichen „${c.number} ${c.title}“`).toBeGreaterThan(last);
      expect(entries[at]!.page).toBeGreaterThan(lastPage);
      last = at;
      lastPage = entries[at]!.page;
    }
    for (const title of ['Abkürzungsverzeichnis', 'Impressum']) expect(entries.some((e) => e.title === title), title).toBe(true);
  });

  it('has bookmarks whose words are the words of the page\'s headings', () => {
    const html = readPage(`/${year}/gesamt/`);
    const headings = [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => htmlText(m[2]!));
    for (const e of pdf.outline) expect(headings, e.title).toContainEqual(e.title);
  });

  describe('PDF/UA-1, the machine-checkable part', () => {
    let ua: PdfUaReport;
    beforeAll(async () => {
      ua = await checkPdfUa(readFileSync(file));
    });

    // What src/lib/pdf-conformance.ts tells the accessibility statement as `checked`.
    it('has no problem: every mark tagged or an artifact, lists with LBody, Alt on every Figure, /Contents on every link', () => {
      expect(ua.problems).toEqual([]);
      // The checks had something to look at.
      expect(ua.figures).toBeGreaterThan(0);
      expect(ua.links).toBeGreaterThan(0);
      expect(ua.listItems).toBeGreaterThan(0);
    });

    it('names PDF/UA, its title and language in XMP metadata', () => {
      expect(ua.xmp).toContain(`<pdfuaid:part>${pdfConformance.part}</pdfuaid:part>`);
      expect(ua.xmp).toContain(`programm ${year}`);
      expect(ua.xmp).toContain('<rdf:li>de</rdf:li>');
    });
  });

  it('has the text of each chapter, its first paragraph on the page its bookmark points to', () => {
    for (const c of chapters) {
      const page = pdf.outline.find((e) => key(e.title) === key(`${c.number} ${c.title}`))!.page;
      const text = key(pdf.pages[page - 1]!);
      expect(text, `Seite ${page}: Überschrift von ${c.slug}`).toContain(key(`${c.number} ${c.title}`));
      if (c.goal) expect(text, `Seite ${page}: Ziel von ${c.slug}`).toContain(key(c.goal));
      const paragraph = firstPlainParagraph(c.body);
      expect(paragraph, `${c.slug}: ein Absatz ohne Auszeichnung`).toBeDefined();
      // The first paragraph starts on the chapter's page; a long one may run onto the next.
      const twoPages = key(pdf.pages[page - 1]! + pdf.pages[page]!);
      expect(twoPages.includes(key(paragraph!)) || text.includes(key(paragraph!).slice(0, 120)), `Seite ${page}: erster Absatz von ${c.slug}`).toBe(true);
    }
  });

  it('has every margin note as searchable text', () => {
    const all = pdf.pages.join(' ');
    const notes = chapters.flatMap((c) => marginNotes(c.body));
    expect(notes.length).toBeGreaterThan(0);
    // Words as extracted, with the spaces between them: the text is searchable, no word broken.
    // A line may end after the hyphen of a compound ("AVGS-" / "MAT"), so "- " counts as "-".
    const words = (s: string) => s.replace(/-\s+/g, '-');
    for (const note of notes) expect(words(all), note).toContain(words(note));
  });

  it('gives in its contents the page each chapter starts on', () => {
    const contents = key(pdf.pages.slice(0, 4).join(' '));
    for (const c of chapters) {
      const page = pdf.outline.find((e) => key(e.title) === key(`${c.number} ${c.title}`))!.page;
      expect(contents, `Inhalt: ${c.title} … ${page}`).toContain(key(`${c.title}${page}`));
    }
  });
});
