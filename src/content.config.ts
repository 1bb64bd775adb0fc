/**
 * Content collections of the programme website. Schemas live in `src/lib/schemas/` (pure zod,
 * tested by vitest); this file only connects them to their files. References between
 * collections are `plainRefs()` (src/lib/schemas/ref.ts: Astro's `reference()` shape, without
 * loading Astro's runtime). `defineCollection` comes from `astro/content/config`, the same
 * function `astro:content` re-exports, for the same reason.
 */
import { defineCollection } from 'astro/content/config';
import { file, glob } from 'astro/loaders';
import { plainRefs } from './lib/schemas/ref.ts';
import { chapterSchema } from './lib/schemas/chapter.ts';
import { programmeSchema } from './lib/schemas/programme.ts';
import {
  glossaryEntrySchema,
  instrumentSchema,
  legalBasisSchema,
  publisherSchema,
  targetGroupSchema,
} from './lib/schemas/registries.ts';
import { chapterId, yearOfPath } from './lib/ids.ts';
import { easyLanguageSchema } from './lib/schemas/easy-language.ts';

const refs = plainRefs();

/**
 * The content folder; AMIP_CONTENT_DIR points the build at another copy (tests build from a
 * temporary copy with a scaffolded year or a deliberately wrong number).
 */
const contentDir = (process.env.AMIP_CONTENT_DIR ?? './src/content').replace(/\/$/, '');

export const collections = {
  /** One entry per programme year: src/content/programmes/<year>/programme.yaml. */
  programmes: defineCollection({
    loader: glob({ pattern: '*/programme.yaml', base: `${contentDir}/programmes`, generateId: ({ entry }) => yearOfPath(entry) }),
    schema: programmeSchema,
  }),
  /** One MDX file per chapter or section: src/content/programmes/<year>/chapters/*.mdx; id "<year>/<slug>". */
  chapters: defineCollection({
    loader: glob({
      pattern: '*/chapters/*.mdx',
      base: `${contentDir}/programmes`,
      generateId: ({ entry, data }) => chapterId(entry, data),
    }),
    schema: chapterSchema(refs),
  }),
  /** Registry of instruments: src/content/instruments.yaml (map id → entry). */
  instruments: defineCollection({ loader: file(`${contentDir}/instruments.yaml`), schema: instrumentSchema(refs) }),
  /** Abkürzungsverzeichnis: src/content/glossary.yaml. */
  glossary: defineCollection({ loader: file(`${contentDir}/glossary.yaml`), schema: glossaryEntrySchema }),
  /** Zielgruppen: src/content/target-groups.yaml. */
  targetGroups: defineCollection({ loader: file(`${contentDir}/target-groups.yaml`), schema: targetGroupSchema }),
  /** Rechtsgrundlagen: src/content/legal-bases.yaml. */
  legalBases: defineCollection({ loader: file(`${contentDir}/legal-bases.yaml`), schema: legalBasisSchema }),
  /** Publisher settings (Impressum, contact): src/content/settings.yaml, entry "publisher". */
  settings: defineCollection({ loader: file(`${contentDir}/settings.yaml`), schema: publisherSchema }),
  /** Leichte Sprache (BITV 2.0 § 4): src/content/leichte-sprache/*.md, one section each, with placeholders for figures. */
  easyLanguage: defineCollection({ loader: glob({ pattern: '*.md', base: `${contentDir}/leichte-sprache` }), schema: easyLanguageSchema }),
};
