import { z } from 'zod';
import { BITV4_ITEMS } from './registries.ts';

/**
 * One section of the Leichte Sprache pages (src/content/leichte-sprache/*.md): the front matter.
 * The body is Markdown in Leichte Sprache with placeholders such as {jahr} for figures from the data
 * (src/lib/easy-language.ts lists them).
 */
export const easyLanguageSchema = z.strictObject({
  /** Heading of the section, in Leichte Sprache. */
  title: z.string().trim().min(1),
  /** Position on the page, 1-based. */
  order: z.number().int().positive(),
  /** Which BITV 2.0 § 4 explanation the section gives. */
  item: z.enum(BITV4_ITEMS),
  /**
   * Hard words the section explains (src/lib/readability.ts knows which words are hard); the
   * readability test accepts a hard word only in this section or after it.
   */
  explains: z.array(z.string().trim().min(1)).default([]),
});
export type EasyLanguageSection = z.output<typeof easyLanguageSchema>;
