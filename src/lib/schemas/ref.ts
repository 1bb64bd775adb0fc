import { z } from 'zod';

/**
 * A reference to an entry of another collection, in the shape of Astro's `reference()` output
 * (`getEntry(ref)` takes it). The schemas in this folder take the reference schemas as
 * parameters; `src/content.config.ts` and the tests both pass `plainRefs()`.
 */
export type Ref = { id: string; collection: string };

export type Refs = {
  instruments: z.ZodType<Ref>;
  targetGroups: z.ZodType<Ref>;
  legalBases: z.ZodType<Ref>;
};

export const refId = (r: Ref | string) => (typeof r === 'string' ? r : r.id);

/** An id: lower-case ASCII words joined by hyphens, as used in URLs. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: (issue) =>
      `erwartet eine Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen (z. B. „einstiegsgeld“), gefunden: ${JSON.stringify(issue.input)}`,
  });

/**
 * Reference schema without Astro: checks the id's form only; existence is checked by the data
 * check (`npm run check`, run by every build). Astro's own `reference()` would do no more (it
 * does not look the id up either), and importing it from `astro:content` would make Astro load
 * its whole page-rendering runtime just to read the content configuration (about 60 modules,
 * 0,4 s of every build).
 */
export const plainRef = (collection: string): z.ZodType<Ref> =>
  slug.transform((id) => ({ id, collection })) as unknown as z.ZodType<Ref>;

export const plainRefs = (): Refs => ({
  instruments: plainRef('instruments'),
  targetGroups: plainRef('targetGroups'),
  legalBases: plainRef('legalBases'),
});
