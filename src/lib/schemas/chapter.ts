import { z } from 'zod';
import './german.ts';
import { type Refs, slug } from './ref.ts';
import { tableSchema } from './table.ts';
import { yearPageSlugs } from '../navigation.ts';

const text = z.string().trim().min(1, { error: 'erwartet einen nicht leeren Text' });

/**
 * Shares that the text gives in words ("rd. 13% Anteil vom EGT"), drawn as a small chart next
 * to their paragraph with `<Anteile id="…" />`. The prose stays as printed; a unit test checks
 * that every number here also stands in the chapter's text, so the two cannot drift apart.
 */
const shareItem = z.strictObject({
  /** What the share is of, as a short label for the chart. */
  label: text,
  /** The percentage as printed (13 for "13%"). */
  percent: z.number().min(0, { error: 'erwartet einen Anteil ≥ 0' }).max(100, { error: 'erwartet einen Anteil ≤ 100' }),
  /** Word printed before the number: "rd.", "rund", "knapp". */
  prefix: text.optional(),
  /** An amount printed with the share ("rd. 4,9 Mio. €" → { euros: 4900000, prefix: "rd." }). */
  amount: z.strictObject({ euros: z.number().positive(), prefix: text.optional() }).optional(),
});

export const shareSetSchema = z.strictObject({
  /** Id unique within the chapter; `<Anteile id="…" />` and the data download use it. */
  id: slug,
  /** Caption of the chart (written to describe it; not printed in the source). */
  caption: text,
  items: z.array(shareItem).min(1),
});
export type ShareSet = z.output<typeof shareSetSchema>;
export type ShareItem = ShareSet['items'][number];

export { tableProblems, type Table as ProgrammeTable } from './table.ts';

export function chapterSchema(refs: Refs) {
  return z
    .strictObject({
      /** The chapter number as printed, free text: "5.1.", "5.5.1", "IV.", "A 2"; none for an unnumbered chapter. */
      number: z.union([text, z.number().transform(String)]).optional(),
      title: text,
      /** URL segment below the year: /2021/<slug>/ (not one of the year's own pages). */
      slug: slug.refine((s) => !(yearPageSlugs as readonly string[]).includes(s), {
        error: (i) => `„${String(i.input)}“ ist die Adresse einer Seite jedes Jahres (${yearPageSlugs.join(', ')}); erwartet einen anderen slug für das Kapitel`,
      }),
      /** Position in printed order; unique within a year. */
      order: z.number().int().positive(),
      /** Slug of the chapter this section belongs to (5.1 → chapter 5). */
      parent: slug.optional(),
      /** A section of the programme's main kind (Düsseldorf: "Handlungsschwerpunkt …"; the name comes from settings). */
      focusArea: z.boolean().default(false),
      /** The section's opening "Ziel ist …" sentence. */
      goal: text.optional(),
      targetGroups: z.array(refs.targetGroups).default([]),
      legalBases: z.array(refs.legalBases).default([]),
      tables: z.array(tableSchema).default([]),
      /** Shares given in the text, drawn with `<Anteile id="…" />`. */
      shares: z.array(shareSetSchema).default([]),
    })
    .superRefine((chapter, ctx) => {
      const tableIds = chapter.tables.map((t) => t.id);
      chapter.tables.forEach((t, i) => {
        if (tableIds.indexOf(t.id) !== i)
          ctx.addIssue({ code: 'custom', path: ['tables', i, 'id'], message: `Tabellen-Kennung „${t.id}“ kommt zweimal vor` });
      });
      const shareIds = chapter.shares.map((s) => s.id);
      shareIds.forEach((id, i) => {
        if (shareIds.indexOf(id) !== i)
          ctx.addIssue({ code: 'custom', path: ['shares', i, 'id'], message: `Anteile-Kennung „${id}“ kommt zweimal vor` });
      });
    });
}

export type Chapter = z.output<ReturnType<typeof chapterSchema>>;
