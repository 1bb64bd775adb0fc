import { formatLocale } from 'd3-format';
import type { Entries, NumberKind } from './schemas/entries.ts';

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

/** The budget as the text names it: "rd. 47,56 Mio. €", at the start of a sentence "Rd. 47,56 Mio. €". */
export const formatBudget = (b: { euros: number; approximate: boolean }, sentenceStart = false) => {
  const s = `${approx(b.approximate)}${formatEuroMillions(b.euros)}`;
  return sentenceStart ? s.charAt(0).toUpperCase() + s.slice(1) : s;
};

/** "rd. " prefix for approximate values, as printed. */
export const approx = (isApprox: boolean) => (isApprox ? 'rd.\u00a0' : '');

/** What a numeric column says about how its numbers are printed. */
export type NumberStyle = { unit?: 'euro' | 'tsd' | 'mio'; decimals?: number | undefined };

const fixed = (decimals: number) => de.format(`,.${decimals}f`);
const trimmed = (n: number) => {
  // Decimal places as written in the data (12.5 → "12,5"; 3 → "3").
  const s = String(n);
  const places = s.includes('.') && !s.includes('e') ? s.split('.')[1]!.length : 0;
  return fixed(Math.min(places, 6))(n);
};

/**
 * A number of a numeric column in German: counts "1.800"; euros "1.234,56 €", "1.235 Tsd. €",
 * "47,56 Mio. €"; percent "12,5 %"; decimals "3,25"; years "2021" (never grouped).
 */
export function formatNumber(kind: NumberKind, n: number, style: NumberStyle = {}): string {
  const d = style.decimals;
  switch (kind) {
    case 'count':
      return formatCount(n);
    case 'year':
      return String(n);
    case 'percent':
      return `${d === undefined ? trimmed(n) : fixed(d)(n)}\u00a0%`;
    case 'decimal':
      return d === undefined ? trimmed(n) : fixed(d)(n);
    case 'euros': {
      const unit = style.unit ?? 'euro';
      if (unit === 'mio') return `${fixed(d ?? 2)(n / 1e6)}\u00a0Mio.\u00a0€`;
      if (unit === 'tsd') return `${fixed(d ?? 0)(n / 1e3)}\u00a0Tsd.\u00a0€`;
      return `${d === undefined ? (Number.isInteger(n) ? integer(n) : twoDecimals(n)) : fixed(d)(n)}\u00a0€`;
    }
  }
}

/**
 * Any quantity as the print shows it, in its column's format: "rd. 2.500", "80 bis 170",
 * "60*", "144 (in FbW enthalten)", "1,20 Mio. €", "12,5 %".
 */
export function formatQuantity(kind: NumberKind, e: Entries, style: NumberStyle = {}, nameOf: (id: string) => string = (id) => id): string {
  const f = (n: number) => formatNumber(kind, n, style);
  let s: string;
  if (e.min === e.max) s = f(e.min);
  else if (e.notation === 'klammer') s = `${f(e.min)} (bis ${f(e.max)})`;
  else if (e.notation === 'strich') s = `${f(e.min)} - ${f(e.max)}`;
  else s = `${f(e.min)} bis ${f(e.max)}`;
  s = approx(e.approximate) + s;
  if (e.footnote) s += e.footnote;
  if (e.includedIn) s += ` (in ${nameOf(e.includedIn.id)} enthalten)`;
  if (e.qualifier) s += ` ${e.qualifier}`;
  return s;
}

/**
 * Planned entries as the print shows them: "920", "25 (bis 30)", "80 bis 170", "655 - 660",
 * "144 (in FbW enthalten)", "60*", "20 und Stundenkontingente bei abH", "rd. 2.500".
 * `nameOf` gives the short name of the instrument a value is included in.
 */
export function formatEntries(e: Entries, nameOf: (id: string) => string = (id) => id): string {
  return formatQuantity('count', e, {}, nameOf);
}

/** Spoken/plain description of entries for screen readers and chart descriptions. */
export function describeEntries(e: Entries, kind: NumberKind = 'count', style: NumberStyle = {}): string {
  const f = (n: number) => formatNumber(kind, n, style);
  const base = e.min === e.max ? f(e.min) : `${f(e.min)} bis ${f(e.max)}`;
  return approx(e.approximate).replace('rd.', 'rund') + base;
}

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** "2026-12-01" → "1. Dezember 2026" (dates of the accessibility statement). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`formatDate: erwartet ein Datum wie „2026-12-01“, gefunden: „${iso}“`);
  return `${Number(m[3])}.\u00a0${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}
