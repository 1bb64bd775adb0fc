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

/** Hosts that can never be a publisher's own address (RFC 2606/6761): placeholders in examples. */
export const PLACEHOLDER_HOST = /(^|\.)(example|invalid|test|localhost)$|(^|\.)example\.(com|net|org)$/i;

/** A calendar date "2026-12-01" (YAML may hand it over as a date). */
const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.iso.date({ error: (i) => `erwartet ein Datum wie „2026-12-01“, gefunden: ${JSON.stringify(i.input)}` }),
);

/** A file in public/ ("/gebaerdensprache/inhalt.webm") or an https address; own-server check in publisherSchema. */
const mediaSource = (ext: string, what: string) =>
  z.string().regex(new RegExp(`^(/[A-Za-z0-9._/-]+\\.(${ext})|https://[^\\s]+)$`), {
    error: (i) => `erwartet ${what}: eine Datei in public/ wie „/gebaerdensprache/inhalt.${ext.split('|')[0]}“ oder eine https-Adresse auf dem eigenen Server, gefunden: ${JSON.stringify(i.input)}`,
  });

/** One sign-language video: the video file, its captions (WebVTT) and a written transcript. */
const signVideoSchema = z.strictObject({
  /** The video (WebM or MP4), played by the browser's own player. */
  video: mediaSource('webm|mp4', 'ein Video (.webm oder .mp4)'),
  /** Captions in WebVTT (<track kind="captions">). */
  captions: mediaSource('vtt', 'Untertitel im Format WebVTT (.vtt)'),
  /** The spoken/signed content as text: a page or file of the site (transcript link). */
  transcript: z.string().regex(/^(\/[A-Za-z0-9._/-]*|https:\/\/\S+)$/, { error: (i) => `erwartet einen Pfad wie „/gebaerdensprache/inhalt.txt“ oder eine https-Adresse, gefunden: ${JSON.stringify(i.input)}` }),
});
export type SignVideo = z.output<typeof signVideoSchema>;

/** The four explanations BITV 2.0 § 4 asks for on the start page (Leichte Sprache and Gebärdensprache). */
export const BITV4_ITEMS = ['contents', 'navigation', 'statement', 'offers'] as const;
export type Bitv4Item = (typeof BITV4_ITEMS)[number];

/** The body that handles a complaint when a barrier report gets no satisfying answer (BGG § 16 or a Land law). */
const arbitrationSchema = z.strictObject({
  /** Name as the body calls itself, used in "einen Antrag … bei der <name> stellen". */
  name: text,
  /** Its website. */
  url: z.url({ protocol: /^https?$/ }),
  /** Postal address, one line each. */
  address: z.array(text).default([]),
  email: z.email().optional(),
  /** One or two sentences about the procedure (e.g. that it is free of charge). */
  note: text.optional(),
});

/**
 * What the accessibility statement (BITV 2.0 § 7, BGG § 12b) and the § 4 explanations need from the
 * publisher: an electronic contact, the dates of the statement, the arbitration body, the sign-language videos.
 */
const accessibilitySchema = z.strictObject({
  /** Address for barrier reports and requests (BGG § 12b: electronic contact); shown on /barrierefreiheit/ and in the footer. */
  feedbackEmail: z.email({ error: (i) => `erwartet eine E-Mail-Adresse für Rückmeldungen zur Barrierefreiheit, gefunden: ${JSON.stringify(i.input)}` }),
  /** Date the statement was prepared (Erstellung). */
  prepared: isoDate,
  /** Date of the last review of the statement (letzte Überprüfung). */
  reviewed: isoDate,
  /** Schlichtungsstelle: federal (BGG § 16) or the Land's body. */
  arbitration: arbitrationSchema,
  /** Sign-language videos, one per § 4 item; a missing one is announced as missing. */
  signLanguage: z.strictObject(Object.fromEntries(BITV4_ITEMS.map((k) => [k, signVideoSchema.optional()])) as Record<Bitv4Item, z.ZodOptional<typeof signVideoSchema>>).default({}),
});

/** Publisher settings: who publishes the programme (from the Impressum), logo and colours. */
const publisherBaseSchema = z.strictObject({
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
  /** Feedback contact, statement dates, arbitration body and sign-language videos. */
  accessibility: accessibilitySchema,
});

/** Media given as https addresses must come from the publisher's own server (siteUrl): no third-party player or host. */
export const publisherSchema = publisherBaseSchema.superRefine((p, ctx) => {
  const own = p.siteUrl ? new URL(p.siteUrl).host : undefined;
  for (const item of BITV4_ITEMS) {
    const v = p.accessibility.signLanguage[item];
    if (!v) continue;
    for (const key of ['video', 'captions', 'transcript'] as const) {
      const value = v[key];
      if (!value.startsWith('https://')) continue;
      const host = new URL(value).host;
      if (host !== own)
        ctx.addIssue({
          code: 'custom',
          path: ['accessibility', 'signLanguage', item, key],
          message: own
            ? `erwartet eine Datei in public/ oder eine Adresse auf dem eigenen Server ${own} (siteUrl), gefunden: „${host}“ (fremde Server und Player sind ausgeschlossen)`
            : `erwartet eine Datei in public/; eine https-Adresse geht nur mit siteUrl auf demselben Server, gefunden: „${host}“`,
        });
    }
  }
});
export type Publisher = z.output<typeof publisherSchema>;
