import { z } from 'zod';
import './german.ts';
import { numberOf } from './entries.ts';
import { amountShownAsZero } from './table.ts';

const text = z.string().trim().min(1, { error: 'erwartet einen nicht leeren Text' });

export const programmeStatus = z.enum(['draft', 'published']);

/**
 * One programme year: src/content/programmes/<year>/programme.yaml. Only year and title are
 * required; a programme without motto or budget is as valid as one with them. The tables
 * (key figures, budget tables …) live in the chapters (src/lib/schemas/table.ts).
 */
export const programmeSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** `draft` years are left out of the normal build. */
  status: programmeStatus.default('published'),
  title: text,
  /** The motto of the cover ("Arbeit finden – Zukunft sichern"), if the print has one. */
  motto: text.optional(),
  /** The integration budget ("Eingliederungstitel", EGT) in whole euros or euros with cents, if stated. */
  integrationBudget: z
    .strictObject({
      euros: numberOf('euros').superRefine((v, ctx) => {
        // The budget is shown in millions ("47,56 Mio. €").
        const message = amountShownAsZero({ min: v, max: v }, { unit: 'mio' });
        if (message) ctx.addIssue({ code: 'custom', message });
      }),
      approximate: z.boolean().default(false),
      review: z.boolean().default(false),
    })
    .optional(),
});

export type Programme = z.output<typeof programmeSchema>;
