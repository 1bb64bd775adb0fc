/**
 * The list of known non-accessible parts on /barrierefreiheit/ (BITV 2.0 § 7, EU model statement),
 * computed from what the site knows about itself: printed figures whose content exists only as an
 * image, sign-language videos not yet available, the state of the PDF edition.
 */
import type { Bitv4Item } from './schemas/registries.ts';
import type { pdfConformance } from './pdf-conformance.ts';

type PdfConformance = Pick<typeof pdfConformance, 'standard' | 'validated' | 'notChecked'>;

export type MissingFigure = { theme: string; year: number; href: string; chapter: string };

export type KnownLimitation = {
  /** Stable id (anchor and test hook). */
  id: 'schaubilder' | 'gebaerdensprache' | 'pdf';
  title: string;
  /** One or two sentences: what is missing and what to use instead. */
  text: string;
  items: { label: string; href?: string; detail?: string }[];
};

/** Names of the four BITV 2.0 § 4 explanations, as headings and in the statement. */
export const BITV4_TOPICS: Record<Bitv4Item, string> = {
  contents: 'Inhalt der Website',
  navigation: 'Bedienung der Website',
  statement: 'Erklärung zur Barrierefreiheit',
  offers: 'Weitere Angebote',
};

/** Anchors of the four explanations on /leichte-sprache/ and /gebaerdensprache/ (German URLs). */
export const BITV4_ANCHORS: Record<Bitv4Item, string> = {
  contents: 'inhalt-der-website',
  navigation: 'bedienung',
  statement: 'barrierefreiheit',
  offers: 'weitere-angebote',
};

export type LimitationsInput = {
  missingFigures: readonly MissingFigure[];
  /** § 4 items with no sign-language video in the settings. */
  signLanguageMissing: readonly Bitv4Item[];
  /** Address of the sign-language page. */
  signLanguageHref: string;
  /** Present when the site publishes a PDF edition. */
  pdf?: { facts: PdfConformance; editions: { label: string; href: string }[] } | undefined;
};

export function knownLimitations(input: LimitationsInput): KnownLimitation[] {
  const out: KnownLimitation[] = [];
  const n = input.missingFigures.length;
  if (n > 0)
    out.push({
      id: 'schaubilder',
      title: 'Schaubilder der Druckfassung',
      text:
        `${n === 1 ? 'Ein Schaubild' : `${n} Schaubilder`} der gedruckten Fassung ${n === 1 ? 'liegt' : 'liegen'} nur als Grafik vor. ` +
        'Ihr Inhalt steht nicht im Text des Programms und ist deshalb in der Online-Fassung nicht wiedergegeben; an ihrer Stelle steht ein Hinweis. Der Text und die Tabellen der Kapitel sind vollständig enthalten.',
      items: input.missingFigures.map((f) => ({ label: `„${f.theme}“ in Kapitel ${f.chapter} (${f.year})`, href: f.href })),
    });
  const s = input.signLanguageMissing.length;
  if (s > 0)
    out.push({
      id: 'gebaerdensprache',
      title: 'Videos in Deutscher Gebärdensprache',
      text: `${s === 4 ? 'Die Erklärungen' : 'Einige Erklärungen'} in Deutscher Gebärdensprache nach § 4 BITV 2.0 gibt es noch nicht als Video. Die Seite Gebärdensprache nennt, wen Sie fragen können; die Erklärungen in Leichter Sprache sind vorhanden.`,
      items: input.signLanguageMissing.map((item) => ({ label: `Video „${BITV4_TOPICS[item]}“`, href: input.signLanguageHref })),
    });
  if (input.pdf && !input.pdf.facts.validated && input.pdf.editions.length > 0)
    out.push({
      id: 'pdf',
      title: 'PDF-Fassung',
      text: `Die PDF-Fassung ist nach ${input.pdf.facts.standard} aufbereitet und in allen Punkten geprüft, die sich hier maschinell prüfen lassen. Offen ist, was unten steht. Alle Inhalte stehen außerdem barrierefrei auf den Seiten dieser Website.`,
      items: input.pdf.facts.notChecked.map((g) => ({ label: g })),
    });
  return out;
}
