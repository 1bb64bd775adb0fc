import { z } from 'zod';
import { type Entries, countsTowardTotal, entriesSchema, includedInId, sumEntries } from './entries.ts';
import { type Refs, refId, slug } from './ref.ts';
import { formatCount } from '../format.ts';

const text = z.string().trim().min(1, { error: 'erwartet einen nicht leeren Text' });

/** A footnote under a table, explaining a mark such as "60*". */
const footnote = z.strictObject({
  /** The mark as printed after the number, e.g. "*". */
  mark: text,
  /** The footnote text, verbatim. */
  text,
});

function instrumentTable(refs: Refs) {
  const entries = entriesSchema(refs.instruments);
  return z.strictObject({
    /** Id unique within the chapter; used for the anchor, `<Tabelle id="…" />` and data downloads. */
    id: slug,
    kind: z.literal('instruments'),
    /** Caption (not printed in the source; written to describe the table). */
    caption: text,
    /** Header cells as printed: instrument, entries, function. */
    columns: z.tuple([text, text, text]),
    rows: z
      .array(
        z.strictObject({
          /** The instrument this row plans. */
          instrument: refs.instruments,
          /** The first cell as printed. */
          label: text,
          /** Planned entries ("Eintritte") as printed. */
          entries,
          /** The "Funktion im Integrationsprozess" cell, verbatim. */
          function: text,
        }),
      )
      .min(1),
    /** The printed "Summe" row; checked against the rows. */
    total: z
      .strictObject({
        label: text.default('Summe'),
        entries,
        /** Text printed in the Summe row's last cell. */
        note: text.optional(),
      })
      .optional(),
    footnotes: z.array(footnote).default([]),
    /** Copied from last year by `npm run new-year`: figures still to be checked (`npm run check` warns). */
    review: z.boolean().default(false),
  });
}

function demandEstimateTable(refs: Refs) {
  return z.strictObject({
    id: slug,
    kind: z.literal('demandEstimates'),
    caption: text,
    /** Header cells as printed: service, provider, estimate. */
    columns: z.tuple([text, text, text]),
    rows: z
      .array(
        z.strictObject({
          /** The service ("Kommunale Eingliederungsleistung") as an instrument. */
          instrument: refs.instruments,
          label: text,
          /** "Erbracht von", verbatim. */
          provider: text,
          /** "Bedarfsschätzung": a demand estimate, not a planned target. */
          estimate: entriesSchema(refs.instruments),
        }),
      )
      .min(1),
    footnotes: z.array(footnote).default([]),
    /** Copied from last year by `npm run new-year`: figures still to be checked (`npm run check` warns). */
    review: z.boolean().default(false),
  });
}

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

export function tableSchema(refs: Refs) {
  return z.discriminatedUnion('kind', [instrumentTable(refs), demandEstimateTable(refs)], {
    error: (issue) =>
      `erwartet „kind: instruments“ oder „kind: demandEstimates“, gefunden: ${JSON.stringify((issue.input as { kind?: unknown })?.kind)}`,
  });
}

export type InstrumentTable = z.output<ReturnType<typeof instrumentTable>>;
export type DemandEstimateTable = z.output<ReturnType<typeof demandEstimateTable>>;
export type ProgrammeTable = InstrumentTable | DemandEstimateTable;
export type InstrumentRow = InstrumentTable['rows'][number];

/** "3.162" or "655 bis 660": how a declared or computed total reads in an error message. */
const describe = (r: { min: number; max: number }) =>
  r.min === r.max ? formatCount(r.min) : `${formatCount(r.min)} bis ${formatCount(r.max)}`;

/** The sum of the rows that count toward the total (ranges add up as ranges). */
export const computedTotal = (t: InstrumentTable) =>
  sumEntries(t.rows.map((r) => r.entries).filter(countsTowardTotal));

/**
 * Checks inside one table: declared total = sum of rows, "includedIn" points at another row
 * of the same table, footnote marks are explained, row instruments are unique.
 * Reports every problem with the table id, the declared and the computed value.
 */
export function tableProblems(t: ProgrammeTable): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const name = `Tabelle „${t.id}“`;
  const values: Entries[] = t.kind === 'instruments' ? t.rows.map((r) => r.entries) : t.rows.map((r) => r.estimate);
  const ids = t.rows.map((r) => refId(r.instrument));
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      problems.push({ path: ['rows', i, 'instrument'], message: `${name}: Instrument „${id}“ steht zweimal in der Tabelle` });
  });
  values.forEach((v, i) => {
    const target = includedInId(v);
    if (target !== undefined && (!ids.includes(target) || target === ids[i]))
      problems.push({
        path: ['rows', i, 'entries', 'includedIn'],
        message: `${name}: „includedIn: ${target}“ muss auf eine andere Zeile derselben Tabelle zeigen; Zeilen: ${ids.join(', ')}`,
      });
    if (v.footnote !== undefined && !t.footnotes.some((f) => f.mark === v.footnote))
      problems.push({
        path: ['rows', i],
        message: `${name}: Fußnotenzeichen „${v.footnote}“ ohne Fußnotentext unter „footnotes“`,
      });
  });
  if (t.kind === 'instruments' && t.total) {
    const computed = computedTotal(t);
    const declared = t.total.entries;
    if (computed.min !== declared.min || computed.max !== declared.max)
      problems.push({
        path: ['total', 'entries'],
        message: `${name}: Summe angegeben ${describe(declared)}, aus den Zeilen berechnet ${describe(computed)}`,
      });
  }
  return problems;
}

export function chapterSchema(refs: Refs) {
  return z
    .strictObject({
      /** The chapter number as printed ("5.1.", "5.5.1"); the print has two sections numbered "5.5". */
      number: z.string().regex(/^\d+(\.\d+)*\.?$/, { error: (i) => `erwartet eine Kapitelnummer wie „5.1.“, gefunden: ${JSON.stringify(i.input)}` }),
      title: text,
      /** URL segment below the year: /2021/<slug>/. */
      slug,
      /** Position in printed order; unique within a year. */
      order: z.number().int().positive(),
      /** Slug of the chapter this section belongs to (5.1 → chapter 5). */
      parent: slug.optional(),
      /** True for the sections titled "Handlungsschwerpunkt …". */
      focusArea: z.boolean().default(false),
      /** The section's opening "Ziel ist …" sentence. */
      goal: text.optional(),
      targetGroups: z.array(refs.targetGroups).default([]),
      legalBases: z.array(refs.legalBases).default([]),
      tables: z.array(tableSchema(refs)).default([]),
      /** Shares given in the text, drawn with `<Anteile id="…" />`. */
      shares: z.array(shareSetSchema).default([]),
    })
    .superRefine((chapter, ctx) => {
      const tableIds = chapter.tables.map((t) => t.id);
      chapter.tables.forEach((t, i) => {
        if (tableIds.indexOf(t.id) !== i)
          ctx.addIssue({ code: 'custom', path: ['tables', i, 'id'], message: `Tabellen-Kennung „${t.id}“ kommt zweimal vor` });
        for (const p of tableProblems(t)) ctx.addIssue({ code: 'custom', path: ['tables', i, ...p.path], message: p.message });
      });
      const shareIds = chapter.shares.map((s) => s.id);
      shareIds.forEach((id, i) => {
        if (shareIds.indexOf(id) !== i)
          ctx.addIssue({ code: 'custom', path: ['shares', i, 'id'], message: `Anteile-Kennung „${id}“ kommt zweimal vor` });
      });
    });
}

export type Chapter = z.output<ReturnType<typeof chapterSchema>>;
