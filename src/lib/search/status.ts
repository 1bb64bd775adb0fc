/** The search page's status line, as a screen reader hears it once the results are there. */

const n = (x: number) => x.toLocaleString('de-DE');

/** "10 von 38 Treffern für „AVGS“." / "3 Treffer für „AVGS“." / "… für „Einstiegsgeld“ (statt „Einstigsgeld“)." */
export function countStatus(shown: number, total: number, query: string, typed?: string): string {
  const what = `„${query}“${typed && typed !== query ? ` (statt „${typed}“)` : ''}`;
  if (shown >= total) return `${n(total)} Treffer für ${what}.`;
  return `${n(shown)} von ${n(total)} Treffern für ${what}.`;
}

export function noResultStatus(query: string): string {
  return `Keine Treffer für „${query}“. Versuchen Sie ein anderes Wort oder eine Abkürzung, oder nutzen Sie die Wege zum Inhalt unten.`;
}
