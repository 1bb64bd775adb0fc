/**
 * Words and their comparable form, shared by the index step and the search page: lower case,
 * umlauts and ß written out the way Pagefind's German index compares them loosely
 * ("Mütter" ~ "mutter"), punctuation dropped.
 */

/** Lower case without diacritics; ß → ss; umlauts typed as "ae", "oe", "ue" meet the umlauts ("Fluechtlinge" ~ "Flüchtlinge"). */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/([aou])e/g, '$1')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** The words of a text: letters and digits, inner hyphens kept ("AVGS-MAT", "Passiv-Aktiv-Transfer"). */
export function words(s: string): string[] {
  return s.match(/[\p{L}\d]+(?:[-'’][\p{L}\d]+)*/gu) ?? [];
}

/** Edit distance with transpositions (optimal string alignment), stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Length of the common beginning of two strings. */
export function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
