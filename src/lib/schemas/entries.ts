import { z } from 'zod';
import { type Ref, refId } from './ref.ts';

/** A count of planned entries ("Eintritte") or places: a whole number, never negative. */
export const count = z
  .number({
    error: (issue) =>
      `erwartet eine ganze Zahl ohne Tausenderpunkt (z. B. 1800), gefunden: ${JSON.stringify(issue.input)}`,
  })
  .int({ error: (issue) => `erwartet eine ganze Zahl, gefunden: ${JSON.stringify(issue.input)}` })
  .nonnegative({ error: (issue) => `erwartet eine Zahl ≥ 0, gefunden: ${JSON.stringify(issue.input)}` });

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
  const written = z
    .strictObject(
      {
        /** A single number. */
        value: count.optional(),
        /** Lower end of a range ("80 bis 170" → 80). */
        min: count.optional(),
        /** Upper end of a range ("80 bis 170" → 170). */
        max: count.optional(),
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

/** A range sum: adds lower ends and upper ends separately. */
export function sumEntries(values: readonly Entries[]): { min: number; max: number } {
  return values.reduce((acc, e) => ({ min: acc.min + e.min, max: acc.max + e.max }), { min: 0, max: 0 });
}

/** Rows whose value is counted in another row ("in FbW enthalten") do not add to a total. */
export const countsTowardTotal = (e: Entries) => e.includedIn === undefined;

export const includedInId = (e: Entries) => (e.includedIn ? refId(e.includedIn) : undefined);
