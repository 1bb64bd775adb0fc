import type { Chapter } from './schemas/chapter.ts';
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
      [...t.rows, ...(t.total ? [t.total] : [])].forEach((row, ri) => {
        const at = row === t.total ? `tables.${ti}.total` : `tables.${ti}.rows.${ri}`;
        check(file, `${at}.instrument`, 'instruments', row.instrument);
        check(file, `${at}.targetGroup`, 'targetGroups', row.targetGroup);
        check(file, `${at}.legalBasis`, 'legalBases', row.legalBasis);
        for (const column of t.columns) {
          const cell = row.cells[column.key];
          if (cell?.type === 'reference') check(file, `${at}.${column.key}`, column.registry ?? 'instruments', cell.ref);
          else if (cell && 'includedIn' in cell) check(file, `${at}.${column.key}.includedIn`, 'instruments', cell.includedIn);
        }
      }),
    );
  }
  for (const { file, id, data } of instruments) {
    data.legalBases.forEach((r, i) => check(file, `${id}.legalBases.${i}`, 'legalBases', r));
    check(file, `${id}.fundedVia`, 'instruments', data.fundedVia);
  }
  return problems;
}

export const formatProblems = (problems: readonly ReferenceProblem[]) =>
  problems.map((p) => `${p.file}  ${p.field}  ${p.message}`).join('\n');
