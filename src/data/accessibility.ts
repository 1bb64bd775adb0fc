/** What the site knows about its own barriers (for /barrierefreiheit/ and the Leichte Sprache text). */
import { chaptersOf, programmes, publisher as loadPublisher } from './programme.ts';
import { knownLimitations, type KnownLimitation, type MissingFigure } from '../lib/accessibility.ts';
import { chapterLabel } from '../lib/navigation.ts';
import { chapterHref, signLanguageHref } from '../lib/links/hrefs.ts';
import { pdfConformance } from '../lib/pdf-conformance.ts';
import { missingFigureThemes, parseChapterBody } from '../lib/chapter-body.ts';
import { BITV4_ITEMS } from '../lib/schemas/registries.ts';
import { pdfHref } from '../components/print/edition.ts';

/** Figures of the printed programme whose content exists only as an image: <Schaubild thema="…" />. */
export async function missingFigures(): Promise<MissingFigure[]> {
  const out: MissingFigure[] = [];
  for (const p of await programmes()) {
    for (const chapter of await chaptersOf(p.id)) {
      for (const theme of missingFigureThemes(parseChapterBody(chapter.body ?? '')))
        out.push({ theme, year: p.data.year, href: chapterHref(p.id, chapter.data.slug), chapter: chapterLabel(chapter.data) });
    }
  }
  return out;
}

export async function knownLimitationsOfSite(): Promise<KnownLimitation[]> {
  const publisher = await loadPublisher();
  const years = await programmes();
  return knownLimitations({
    missingFigures: await missingFigures(),
    signLanguageMissing: BITV4_ITEMS.filter((i) => !publisher.accessibility.signLanguage[i]),
    signLanguageHref,
    pdf: { facts: pdfConformance, editions: years.map((p) => ({ label: `PDF ${p.data.year}`, href: pdfHref(p.id) })) },
  });
}
