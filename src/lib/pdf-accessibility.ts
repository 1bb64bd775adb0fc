/**
 * What is known about the accessibility of the PDF edition (scripts/lib/pdf.ts), for the list of
 * non-accessible parts on /barrierefreiheit/. Whoever changes the PDF step updates these facts
 * (ideally from what tests/site/pdf.test.ts measures); the statement prints them as they are.
 */
export type PdfAccessibility = {
  /** The PDF meets PDF/UA-1 (ISO 14289-1) as far as the tests can verify. */
  pdfUa: boolean;
  /** Known gaps, each one reader-facing German sentence. */
  gaps: string[];
};

/** State of the PDF edition as of issue #13 (second opinion over the 2021 PDF). */
export const pdfAccessibility: PdfAccessibility = {
  pdfUa: false,
  gaps: [
    'Kopf- und Fußzeilen mit Seitenzahlen sind weder ausgezeichnet noch als Artefakt markiert.',
    'Einige Lesezeichen geben Überschriften mit fehlenden Leerzeichen wieder.',
    'Einige Abbildungen haben keinen Alternativtext.',
    'Links haben keine Beschreibung (/Contents), Listenpunkte keine vollständige Listenstruktur.',
    'Es fehlen die XMP-Metadaten mit Titel, Sprache und PDF/UA-Kennung.',
  ],
};
