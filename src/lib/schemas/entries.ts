import { z } from 'zod';
import './german.ts';
import { type Ref, refId } from './ref.ts';

/** A count of planned entries ("Eintritte") or places: a whole number, never negative. */
export const count = z
  .number({
    error: (issue) =>
      `erwartet eine ganze Zahl ohne Tausenderpunkt (z. B. 1800), gefunden: ${JSON.stringify(issue.input)}`,
  })
  .int({ error: (issue) => `erwartet eine ganze Zahl, gefunden: ${JSON.stringify(issue.input)}` })
  .nonnegative({ error: (issue) => `erwartet eine Zahl ≥ 0, gefunden: ${JSON.stringify(issue.input)}` });

/** The numeric column types of the general table (src/lib/schemas/table.ts). */
export type NumberKind = 'count' | 'euros' | 'percent' | 'decimal' | 'year';

const decimalPlaces = (n: number) => {
  const s = String(n);
  if (s.includes('e')) return 99;
  return s.includes('.') ? s.split('.')[1]!.length : 0;
};

/** The number a cell of each numeric type accepts, with the message that says how to write it. */
export function numberOf(kind: NumberKind, decimals?: number): z.ZodType<number> {
  const number = z.number({ error: (issue) => `erwartet eine Zahl ohne Tausenderpunkt (z. B. 1800 oder 12.5), gefunden: ${JSON.stringify(issue.input)}` });
  switch (kind) {
    case 'count':
      return count;
    case 'year':
      return number.int({ error: (i) => `erwartet eine Jahreszahl, gefunden: ${JSON.stringify(i.input)}` }).min(1900, { error: (i) => `erwartet eine Jahreszahl ab 1900, gefunden: ${JSON.stringify(i.input)}` }).max(2100, { error: (i) => `erwartet eine Jahreszahl bis 2100, gefunden: ${JSON.stringify(i.input)}` });
    case 'euros':
      return number
        .nonnegative({ error: (i) => `erwartet einen Betrag ≥ 0 in Euro, gefunden: ${JSON.stringify(i.input)}` })
        .refine((n) => decimalPlaces(n) <= 2, { error: (i) => `erwartet einen Betrag in Euro mit höchstens zwei Nachkommastellen (Cent), z. B. 47560000 oder 1234.56, gefunden: ${JSON.stringify(i.input)}` });
    default:
      return decimals === undefined
        ? number
        : number.refine((n) => decimalPlaces(n) <= decimals, { error: (i) => `erwartet eine Zahl mit höchstens ${decimals} Nachkommastellen, gefunden: ${JSON.stringify(i.input)}` });
  }
}

/** How the print writes a range: "80 bis 170", "25 (bis 30)", "655 - 660". */
export const rangeNotation = z.enum(['bis', 'klammer', 'strich']);
export type RangeNotation = z.output<typeof rangeNotation>;

/**
 * Planned entries as the source prints them. Planners write either a plain number (`920`)
 * or an object with exactly one of `value` or `min`/`max`, plus optional modifiers.
 * Whatever was written, the output is normalised to `{ min, max, … }`, where a single
 * value has `min === max`, so that totals and charts never have to tell the cases apart.
 */
export function entriesSchema<R extends z.ZodType<Ref>>(instrumentRef: R) {
  return quantitySchema('count', instrumentRef);
}

/**
 * A number of any numeric column type as the print shows it: a plain number, or an object with
 * `value` or `min`/`max` and the same modifiers as planned entries ("rd.", footnote mark,
 * qualifier words; "includedIn" for counts). Normalised to `{ min, max, … }`.
 */
export function quantitySchema<R extends z.ZodType<Ref>>(kind: NumberKind, instrumentRef: R, decimals?: number) {
  const value = numberOf(kind, decimals);
  const written = z
    .strictObject(
      {
        /** A single number. */
        value: value.optional(),
        /** Lower end of a range ("80 bis 170" → 80). */
        min: value.optional(),
        /** Upper end of a range ("80 bis 170" → 170). */
        max: value.optional(),
        /** How the range is printed; default "bis". */
        notation: rangeNotation.optional(),
        /** The value is already counted in the row of this instrument ("144 (in FbW enthalten)"). */
        includedIn: instrumentRef.optional(),
        /** Footnote mark printed after the number ("60*"); the text is in the table's `footnotes`. */
        footnote: z.string().min(1).optional(),
        /** Words printed after the number ("20 und Stundenkontingente bei abH"). */
        qualifier: z.string().min(1).optional(),
        /** Printed with "rd." (rund, approximately). */
        approximate: z.boolean().optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unbekanntes Feld ${issue.keys.map((k) => `„${k}“`).join(', ')}; erlaubt sind value, min, max, notation, includedIn, footnote, qualifier, approximate`
            : `erwartet eine Zahl (z. B. 920) oder ein Objekt wie { min: 80, max: 170 }, gefunden: ${JSON.stringify(issue.input)}`,
      },
    )
    .superRefine((e, ctx) => {
      const hasValue = e.value !== undefined;
      const hasRange = e.min !== undefined || e.max !== undefined;
      if (hasValue === hasRange) {
        ctx.addIssue({
          code: 'custom',
          message: 'erwartet entweder „value“ oder „min“ und „max“, gefunden: ' + JSON.stringify(e),
        });
      } else if (hasRange && (e.min === undefined || e.max === undefined)) {
        ctx.addIssue({ code: 'custom', message: `ein Bereich braucht „min“ und „max“, gefunden: ${JSON.stringify(e)}` });
      } else if (hasRange && e.min! > e.max!) {
        ctx.addIssue({ code: 'custom', path: ['min'], message: `„min“ (${e.min}) ist größer als „max“ (${e.max})` });
      }
      if (e.notation !== undefined && !hasRange) {
        ctx.addIssue({ code: 'custom', path: ['notation'], message: '„notation“ gilt nur für Bereiche (min/max)' });
      }
    })
    .transform((e) => ({
      min: (e.value ?? e.min)!,
      max: (e.value ?? e.max)!,
      notation: e.notation ?? ('bis' as RangeNotation),
      includedIn: e.includedIn,
      footnote: e.footnote,
      qualifier: e.qualifier,
      approximate: e.approximate ?? false,
    }));
  return z.preprocess((v) => (typeof v === 'number' ? { value: v } : v), written);
}

export type Quantity = Entries;

export type Entries = {
  min: number;
  max: number;
  notation: RangeNotation;
  includedIn?: Ref | undefined;
  footnote?: string | undefined;
  qualifier?: string | undefined;
  approximate: boolean;
};

/** True when the value is a single number rather than a range. */
export const isExact = (e: Entries) => e.min === e.max;

/** A range sum: adds lower ends and upper ends separately (rounded to cents against float drift). */
export function sumQuantities(values: readonly { min: number; max: number }[]): { min: number; max: number } {
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  const sum = values.reduce((acc, e) => ({ min: acc.min + e.min, max: acc.max + e.max }), { min: 0, max: 0 });
  return { min: round(sum.min), max: round(sum.max) };
}
export const sumEntries = sumQuantities;

/** Rows whose value is counted in another row ("in FbW enthalten") do not add to a total. */
export const countsTowardTotal = (e: Entries) => e.includedIn === undefined;

export const includedInId = (e: Entries) => (e.includedIn ? refId(e.includedIn) : undefined);
