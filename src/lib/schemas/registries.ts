import { z } from 'zod';
import type { Refs } from './ref.ts';

const text = z.string().trim().min(1, { error: 'erwartet einen nicht leeren Text' });

/** One instrument ("Instrument", "Angebot") of the programme, referenced from the chapter tables. */
export function instrumentSchema(refs: Refs) {
  return z.strictObject({
    /** Full name as the text uses it. */
    name: text,
    /** Abbreviation, where the text or the glossary gives one ("ESG"). */
    abbreviation: text.optional(),
    /** Other labels under which the print lists the same instrument. */
    aliases: z.array(text).default([]),
    /** Legal bases, only where the text names them. */
    legalBases: z.array(refs.legalBases).default([]),
    /** One sentence from the programme text describing the instrument. */
    description: text,
    /** The offer is funded through this instrument (e.g. "über AVGS-MAT"). */
    fundedVia: refs.instruments.optional(),
  });
}
export type Instrument = z.output<ReturnType<typeof instrumentSchema>>;

/** One entry of the "Abkürzungsverzeichnis". */
export const glossaryEntrySchema = z.strictObject({
  abbreviation: text,
  expansion: text,
});
export type GlossaryEntry = z.output<typeof glossaryEntrySchema>;

/** A target group ("Zielgruppe") named in chapter 5. */
export const targetGroupSchema = z.strictObject({
  /** Name as printed in chapter 5's list. */
  name: text,
  /** A sentence of the programme text characterising the group. */
  description: text.optional(),
});
export type TargetGroup = z.output<typeof targetGroupSchema>;

/** A legal basis ("Rechtsgrundlage") the text cites. */
export const legalBasisSchema = z.strictObject({
  /** Citation as the text writes it ("§ 16i SGB II"). */
  citation: text,
  law: z.enum(['SGB II', 'SGB III']),
  /** Section numbers ("16i"; "74", "75", "75a"). */
  sections: z.array(text).min(1),
  /** Title as the programme text names it. */
  title: text.optional(),
  /** The official text of the law (gesetze-im-internet.de). */
  url: z.url({ protocol: /^https$/, error: (i) => `erwartet eine https-Adresse, gefunden: ${JSON.stringify(i.input)}` }),
  /** The cited version is no longer in force ("(alt)"). */
  repealed: z.boolean().default(false),
});
export type LegalBasis = z.output<typeof legalBasisSchema>;

/** Publisher settings: who publishes the programme (from the Impressum). */
export const publisherSchema = z.strictObject({
  name: text,
  unit: text.optional(),
  responsible: text,
  street: text,
  postalCode: z.string().regex(/^\d{5}$/),
  city: text,
  email: z.email().optional(),
  website: z.url().optional(),
  photos: text.optional(),
  /** Address where the site is published, for canonical links and the sitemap. */
  siteUrl: z.url().optional(),
});
export type Publisher = z.output<typeof publisherSchema>;
