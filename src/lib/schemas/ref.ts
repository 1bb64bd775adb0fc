import { z } from 'zod';

/**
 * A reference to an entry of another collection, as Astro's `reference()` outputs it.
 * The schemas in this folder take the reference schemas as parameters, so that
 * `src/content.config.ts` passes Astro's `reference()` and the tests pass `plainRef()`.
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

/** Reference schema without Astro: checks the id's form only; existence is checked by `validateProgramme`. */
export const plainRef = (collection: string): z.ZodType<Ref> =>
  slug.transform((id) => ({ id, collection })) as unknown as z.ZodType<Ref>;

export const plainRefs = (): Refs => ({
  instruments: plainRef('instruments'),
  targetGroups: plainRef('targetGroups'),
  legalBases: plainRef('legalBases'),
});
