import type { Chapter } from './schemas/chapter.ts';
import type { Programme } from './schemas/programme.ts';
import type { Instrument } from './schemas/registries.ts';
import type { Ref } from './schemas/ref.ts';

export type ReferenceProblem = { file: string; field: string; message: string };

type Known = {
  instruments: ReadonlySet<string>;
  targetGroups: ReadonlySet<string>;
  legalBases: ReadonlySet<string>;
};

const names: Record<keyof Known, string> = {
  instruments: 'Instrument (src/content/instruments.yaml)',
  targetGroups: 'Zielgruppe (src/content/target-groups.yaml)',
  legalBases: 'Rechtsgrundlage (src/content/legal-bases.yaml)',
};

/**
 * Every reference in the content must name an existing registry entry. Astro only logs an
 * unknown `reference()` and builds on, so the site checks the references itself and fails.
 */
export function referenceProblems(
  known: Known,
  chapters: readonly { file: string; data: Chapter }[],
  programmes: readonly { file: string; data: Programme }[],
  instruments: readonly { file: string; id: string; data: Instrument }[],
): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const check = (file: string, field: string, kind: keyof Known, ref: Ref | undefined) => {
    if (ref && !known[kind].has(ref.id))
      problems.push({ file, field, message: `erwartet eine bekannte Kennung für ${names[kind]}, gefunden: „${ref.id}“` });
  };
  for (const { file, data } of chapters) {
    data.targetGroups.forEach((r, i) => check(file, `targetGroups.${i}`, 'targetGroups', r));
    data.legalBases.forEach((r, i) => check(file, `legalBases.${i}`, 'legalBases', r));
    data.tables.forEach((t, ti) =>
      t.rows.forEach((row, ri) => {
        check(file, `tables.${ti}.rows.${ri}.instrument`, 'instruments', row.instrument);
        const value = t.kind === 'instruments' && 'entries' in row ? row.entries : 'estimate' in row ? row.estimate : undefined;
        check(file, `tables.${ti}.rows.${ri}.entries.includedIn`, 'instruments', value?.includedIn);
      }),
    );
  }
  for (const { file, data } of programmes) {
    const k = data.keyFigures;
    k.groups.forEach((g, gi) => {
      check(file, `keyFigures.groups.${gi}.instrument`, 'instruments', g.instrument);
      g.rows.forEach((r, ri) => check(file, `keyFigures.groups.${gi}.rows.${ri}.instrument`, 'instruments', r.instrument));
    });
    k.extras.forEach((x, xi) => check(file, `keyFigures.extras.${xi}.instrument`, 'instruments', x.instrument));
  }
  for (const { file, id, data } of instruments) {
    data.legalBases.forEach((r, i) => check(file, `${id}.legalBases.${i}`, 'legalBases', r));
    check(file, `${id}.fundedVia`, 'instruments', data.fundedVia);
  }
  return problems;
}

export const formatProblems = (problems: readonly ReferenceProblem[]) =>
  problems.map((p) => `${p.file}  ${p.field}  ${p.message}`).join('\n');
