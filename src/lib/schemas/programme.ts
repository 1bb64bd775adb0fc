import { z } from 'zod';
import { count, entriesSchema } from './entries.ts';
import type { Refs } from './ref.ts';
import { percentChange } from '../numbers.ts';
import { formatCount, formatPercent } from '../format.ts';

const text = z.string().trim().min(1, { error: 'erwartet einen nicht leeren Text' });

/** The "Vergleich" column as printed, in percent; kept only to check the computed change. */
const printedChange = z.number().int().optional();

function keyFigureRow(refs: Refs) {
  return z.strictObject({
    label: text,
    /** A "darunter" row: a part of the row above it, not added to the group. */
    ofWhich: z.boolean().default(false),
    instrument: refs.instruments.optional(),
    /** Planned entries of the programme year ("Eintritte 2021"). */
    entries: count,
    /** Planned entries of the year before ("Ansatz 2020"). */
    previousPlan: count,
    printedChange,
  });
}

function keyFigureGroup(refs: Refs) {
  return z.strictObject({
    /** Roman numeral as printed ("I."). */
    numeral: z.string().regex(/^[IVXL]+\.$/, { error: (i) => `erwartet eine römische Zahl mit Punkt wie „IV.“, gefunden: ${JSON.stringify(i.input)}` }),
    /** The budget purpose ("Zweckbestimmung"). */
    label: text,
    instrument: refs.instruments.optional(),
    entries: count,
    previousPlan: count,
    printedChange,
    rows: z.array(keyFigureRow(refs)).default([]),
  });
}

export function keyFiguresSchema(refs: Refs) {
  return z.strictObject({
    caption: text,
    /** Header cells as printed. */
    columns: z.tuple([text, text, text, text]),
    total: z.strictObject({ entries: count, previousPlan: count, printedChange }),
    groups: z.array(keyFigureGroup(refs)).min(1),
    /** Further possibilities named below the table ("Vermittlungsbudget (rd. 2.500)"). */
    extras: z
      .array(z.strictObject({ label: text, instrument: refs.instruments.optional(), entries: entriesSchema(refs.instruments) }))
      .default([]),
    /** Copied from last year by `npm run new-year`: figures still to be checked (`npm run check` warns). */
    review: z.boolean().default(false),
  });
}

export type KeyFigures = z.output<ReturnType<typeof keyFiguresSchema>>;
export type KeyFigureGroup = KeyFigures['groups'][number];
export type KeyFigureRow = KeyFigureGroup['rows'][number];

type Problem = { path: (string | number)[]; message: string };

/**
 * Checks the key figures: groups add up to the total, the rows of a group (without "darunter"
 * rows) add up to the group, "darunter" rows are not larger than the row they belong to,
 * and every printed percentage equals the computed one.
 */
export function keyFigureProblems(k: KeyFigures): Problem[] {
  const problems: Problem[] = [];
  const checkChange = (path: (string | number)[], what: string, r: { entries: number; previousPlan: number; printedChange?: number | undefined }) => {
    if (r.printedChange === undefined) return;
    const computed = percentChange(r.entries, r.previousPlan);
    if (computed !== r.printedChange)
      problems.push({
        path: [...path, 'printedChange'],
        message: `Kennzahlen, ${what}: Vergleich gedruckt ${formatPercent(r.printedChange)}, berechnet ${computed === null ? 'nicht berechenbar (Ansatz 0)' : formatPercent(computed)} (aus ${formatCount(r.entries)} gegenüber ${formatCount(r.previousPlan)})`,
      });
  };
  const checkSum = (path: (string | number)[], what: string, declared: { entries: number; previousPlan: number }, parts: { entries: number; previousPlan: number }[]) => {
    for (const field of ['entries', 'previousPlan'] as const) {
      const computed = parts.reduce((s, p) => s + p[field], 0);
      if (computed !== declared[field])
        problems.push({
          path: [...path, field],
          message: `Kennzahlen, ${what}, Spalte „${field === 'entries' ? 'Eintritte' : 'Ansatz Vorjahr'}“: angegeben ${formatCount(declared[field])}, aus den Zeilen berechnet ${formatCount(computed)}`,
        });
    }
  };
  checkChange(['total'], 'Summe', k.total);
  checkSum(['total'], 'Summe aller Zweckbestimmungen', k.total, k.groups);
  k.groups.forEach((g, gi) => {
    const what = `${g.numeral} ${g.label}`;
    checkChange(['groups', gi], what, g);
    const parts = g.rows.filter((r) => !r.ofWhich);
    if (parts.length > 0) checkSum(['groups', gi], what, g, parts);
    let parent: KeyFigureRow | undefined;
    g.rows.forEach((r, ri) => {
      checkChange(['groups', gi, 'rows', ri], `${what} / ${r.label}`, r);
      if (!r.ofWhich) parent = r;
      else if (!parent)
        problems.push({ path: ['groups', gi, 'rows', ri, 'ofWhich'], message: `Kennzahlen, ${what}: „darunter“-Zeile „${r.label}“ steht vor jeder anderen Zeile der Gruppe` });
      else if (r.entries > parent.entries || r.previousPlan > parent.previousPlan)
        problems.push({ path: ['groups', gi, 'rows', ri], message: `Kennzahlen, ${what}: „darunter“-Zeile „${r.label}“ ist größer als „${parent.label}“` });
    });
  });
  return problems;
}

export const programmeStatus = z.enum(['draft', 'published']);

export function programmeSchema(refs: Refs) {
  return z
    .strictObject({
      year: z.number().int().min(2000).max(2100),
      /** `draft` years are left out of the normal build. */
      status: programmeStatus.default('published'),
      title: text,
      /** The motto of the cover ("Arbeit finden – Zukunft sichern"). */
      motto: text,
      /** The integration budget ("Eingliederungstitel", EGT) in euros. */
      integrationBudget: z.strictObject({ euros: z.number().positive(), approximate: z.boolean().default(false), review: z.boolean().default(false) }),
      keyFigures: keyFiguresSchema(refs),
    })
    .superRefine((p, ctx) => {
      for (const problem of keyFigureProblems(p.keyFigures))
        ctx.addIssue({ code: 'custom', path: ['keyFigures', ...problem.path], message: problem.message });
    });
}

export type Programme = z.output<ReturnType<typeof programmeSchema>>;
