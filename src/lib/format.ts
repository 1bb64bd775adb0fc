import { formatLocale } from 'd3-format';
import type { Entries } from './schemas/entries.ts';

/**
 * German number formats (DIN 5008 spacing): "1.800", "-15 %", "47,56 Mio. €".
 * Minus is the ASCII hyphen-minus, as in the printed programme.
 */
export const de = formatLocale({
  decimal: ',',
  thousands: '.',
  grouping: [3],
  currency: ['', '\u00a0€'],
  minus: '-',
});

const integer = de.format(',d');
const twoDecimals = de.format(',.2f');

/** 1800 → "1.800". Four-digit numbers are grouped as well, as in the print. */
export const formatCount = (n: number) => integer(n);

/** -15 → "-15 %", 4 → "+4 %", 0 → "0 %" (no-break space keeps number and sign together). */
export const formatPercent = (p: number) => `${p > 0 ? '+' : ''}${integer(p)}\u00a0%`;

/** 47560000 → "47,56 Mio. €". */
export const formatEuroMillions = (euros: number) => `${twoDecimals(euros / 1e6)}\u00a0Mio.\u00a0€`;

/** "rd. " prefix for approximate values, as printed. */
export const approx = (isApprox: boolean) => (isApprox ? 'rd.\u00a0' : '');

/**
 * Planned entries as the print shows them: "920", "25 (bis 30)", "80 bis 170", "655 - 660",
 * "144 (in FbW enthalten)", "60*", "20 und Stundenkontingente bei abH", "rd. 2.500".
 * `nameOf` gives the short name of the instrument a value is included in.
 */
export function formatEntries(e: Entries, nameOf: (id: string) => string = (id) => id): string {
  let s: string;
  if (e.min === e.max) s = formatCount(e.min);
  else if (e.notation === 'klammer') s = `${formatCount(e.min)} (bis ${formatCount(e.max)})`;
  else if (e.notation === 'strich') s = `${formatCount(e.min)} - ${formatCount(e.max)}`;
  else s = `${formatCount(e.min)} bis ${formatCount(e.max)}`;
  s = approx(e.approximate) + s;
  if (e.footnote) s += e.footnote;
  if (e.includedIn) s += ` (in ${nameOf(e.includedIn.id)} enthalten)`;
  if (e.qualifier) s += ` ${e.qualifier}`;
  return s;
}

/** Spoken/plain description of entries for screen readers and chart descriptions. */
export function describeEntries(e: Entries): string {
  const base = e.min === e.max ? formatCount(e.min) : `${formatCount(e.min)} bis ${formatCount(e.max)}`;
  return approx(e.approximate).replace('rd.', 'rund') + base;
}

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** "2026-12-01" → "1. Dezember 2026" (dates of the accessibility statement). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`formatDate: erwartet ein Datum wie „2026-12-01“, gefunden: „${iso}“`);
  return `${Number(m[3])}.\u00a0${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}
