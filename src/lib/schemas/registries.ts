import { z } from 'zod';
import './german.ts';
import type { Refs } from './ref.ts';
import { contrastRatio, MIN_CONTRAST, PAGE_BACKGROUND } from '../colours.ts';

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
  /** Citation as the text writes it ("§ 16i SGB II", "§ 6a BKGG"). */
  citation: text,
  /** The law as the text names it after the section number: "SGB II", "SGB IX", "BKGG", "AufenthG". */
  law: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} .-]*$/u, { error: (i) => `erwartet die Abkürzung eines Gesetzes, wie sie nach der Paragraphennummer steht (z. B. „SGB II“, „BKGG“, „AufenthG“), gefunden: ${JSON.stringify(i.input)}` }),
  /** Section numbers ("16i"; "74", "75", "75a"). */
  sections: z.array(text).min(1),
  /** Title as the programme text names it. */
  title: text.optional(),
  /** The official text of the section (e.g. on gesetze-im-internet.de). */
  url: z.url({ protocol: /^https$/, error: (i) => `erwartet eine https-Adresse, gefunden: ${JSON.stringify(i.input)}` }),
  /** The cited version is no longer in force ("(alt)"). */
  repealed: z.boolean().default(false),
});
export type LegalBasis = z.output<typeof legalBasisSchema>;

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: (i) => `erwartet eine Farbe wie „#1d70b8“, gefunden: ${JSON.stringify(i.input)}` });

/** One colour scheme (light or dark page); every colour is also used for text, so 4.5:1 against the page. */
function modeColours(mode: keyof typeof PAGE_BACKGROUND) {
  return z
    .strictObject({ accent: hexColour, link: hexColour, linkVisited: hexColour })
    .superRefine((c, ctx) => {
      for (const key of ['accent', 'link', 'linkVisited'] as const) {
        const ratio = contrastRatio(c[key], PAGE_BACKGROUND[mode]);
        if (ratio < MIN_CONTRAST)
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `erwartet einen Kontrast von mindestens ${String(MIN_CONTRAST).replace('.', ',')}:1 zum Hintergrund ${PAGE_BACKGROUND[mode]} (WCAG 2.1 AA), gefunden: ${ratio.toFixed(2).replace('.', ',')}:1 für ${c[key]}`,
          });
      }
    });
}

/** Publisher settings: who publishes the programme (from the Impressum), logo and colours. */
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
  /**
   * Logo shown before the publisher's name in the page header: a file in public/ (SVG or PNG).
   * It stands next to the name, so it is decorative (empty alt text).
   */
  logo: z
    .strictObject({
      src: z.string().regex(/^\/[A-Za-z0-9._/-]+\.(svg|png)$/, { error: (i) => `erwartet einen Pfad in public/ wie „/logo.svg“, gefunden: ${JSON.stringify(i.input)}` }),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
    })
    .optional(),
  /**
   * Names the programme uses for its parts; every Jobcenter calls them a little differently.
   * Defaults are the common terms.
   */
  labels: z
    .strictObject({
      /** A chapter marked `focusArea` ("Handlungsschwerpunkt", "Geschäftspolitisches Ziel"). */
      focusArea: text.default('Handlungsschwerpunkt'),
      focusAreas: text.default('Handlungsschwerpunkte'),
      /** What the programme's budget (`integrationBudget`) is called. */
      budget: text.default('Eingliederungstitel (EGT)'),
    })
    .default({ focusArea: 'Handlungsschwerpunkt', focusAreas: 'Handlungsschwerpunkte', budget: 'Eingliederungstitel (EGT)' }),
  /** Wording of the Impressum, as the publisher prints it. */
  imprint: z
    .strictObject({
      /** Before the publisher's name ("Herausgegeben vom", "Herausgeber:"). */
      publishedBy: text.default('Herausgegeben von'),
      /** Before the responsible person ("Verantwortlich:", "Ansprechpartnerin:"). */
      responsible: text.default('Verantwortlich:'),
      /** What the publisher states about the online edition, in addition to what the site states itself. */
      onlineEdition: text.optional(),
    })
    .default({ publishedBy: 'Herausgegeben von', responsible: 'Verantwortlich:' }),
  /**
   * The licence under which the data downloads (/<year>/daten/) may be re-used, stated on the
   * downloads page and in datapackage.json, e.g. { name: "Datenlizenz Deutschland – Namensnennung
   * – Version 2.0", url: "https://www.govdata.de/dl-de/by-2-0" }. Without it: "keine Lizenz angegeben".
   */
  dataLicence: z.strictObject({ name: text, url: z.url() }).optional(),
  /** Accent and link colours for light and dark mode (checked for contrast). */
  colors: z.strictObject({ light: modeColours('light'), dark: modeColours('dark') }).optional(),
});
export type Publisher = z.output<typeof publisherSchema>;
