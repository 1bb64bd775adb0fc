/**
 * What the PDF edition (/<year>/amip-<year>.pdf) meets, as the accessibility statement can say
 * it. The build finishes every PDF to these rules (scripts/lib/pdf-ua.ts) and
 * tests/site/pdf.test.ts checks each item of `checked` on the built PDF; `notChecked` is what no
 * test here can show. Reader-facing text in German.
 */
export const pdfConformance = {
  /** The PDF/UA part the file claims in its XMP metadata (pdfuaid:part). */
  part: 1,
  standard: 'PDF/UA-1 (ISO 14289-1)',
  /** A full PDF/UA validator has not been run: none is installable here (see notChecked). */
  validated: false,
  checked: [
    'Alle Inhalte sind getaggt; was nicht zum Inhalt gehört (Fußzeile mit Seitenzahl, Hintergründe), ist als Artefakt gekennzeichnet.',
    'Die Lesezeichen lauten wie die Überschriften.',
    'Jede Abbildung hat einen Alternativtext.',
    'Jeder Link hat eine Beschreibung.',
    'Listen bestehen aus Listenpunkten mit Aufzählungszeichen und Inhalt.',
    'Es werden nur die Strukturtypen des PDF-Standards verwendet oder ihnen zugeordnet.',
    'Sprache und Titel des Dokuments sind angegeben; der Titel wird angezeigt; die Metadaten (XMP) nennen Titel, Sprache und PDF/UA.',
  ],
  notChecked: [
    'Die PDF-Datei wurde nicht mit einem vollständigen PDF/UA-Prüfprogramm (etwa veraPDF oder PAC) geprüft: keines lässt sich aus den Paketquellen installieren, die dem Projekt zur Verfügung stehen.',
    'Was sich nicht maschinell prüfen lässt (ob Alternativtexte und Lesereihenfolge sinnvoll sind), ist nicht eigens in der PDF-Datei geprüft; es folgt aus der geprüften HTML-Seite, aus der sie gedruckt wird.',
  ],
} as const;
