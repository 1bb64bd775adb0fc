/**
 * Reproducible output: the same data must give byte-identical files, so that a regeneration's
 * real changes show as a plain diff. Astro's pages already are; Chromium's PDFs carry the time of
 * printing and internal node numbers. Both are rewritten here with strings of the same length,
 * so that the byte offsets in the PDF's cross-reference table stay valid. pdf.ts applies it to
 * every PDF it writes, so the build and `npm run pdf` give the same bytes.
 */

/** "D:YYYYMMDDHHmmSS" for the fixed date: SOURCE_DATE_EPOCH if set, else 1 January of `year`. */
export function pdfDate(year: number, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const d = Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date(Date.UTC(year, 0, 1));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/**
 * A PDF with fixed creation/modification dates and Chromium's structure-tree node ids
 * ("node00000546") numbered in order of first appearance. Same length, same structure.
 */
export function normalizePdf(bytes: Buffer, date: string): Buffer {
  let text = bytes.toString('latin1');
  text = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (_m, key: string) => `/${key} (${date}`);
  const ids = new Map<string, string>();
  text = text.replace(/\bnode(\d{8})\b/g, (_m, n: string) => {
    if (!ids.has(n)) ids.set(n, String(ids.size + 1).padStart(8, '0'));
    return `node${ids.get(n)}`;
  });
  const out = Buffer.from(text, 'latin1');
  if (out.length !== bytes.length) throw new Error('PDF-Normalisierung hat die Länge verändert');
  return out;
}
