/**
 * Problems found in the content, reported as `file:line  field  message` — one line per problem,
 * all problems at once, so that a planner can fix them in one pass.
 */
import type { z } from 'zod';
import { lineAt, type ParsedFile, type PathSegment } from './source.ts';

export type Severity = 'error' | 'warning';

export type Problem = {
  severity: Severity;
  /** Path as the planner finds the file ("src/content/programmes/2021/programme.yaml"). */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** The field, readable: "tables[instrumente].rows[talentcenter].entries". */
  field: string;
  /** What was expected and what was found. */
  message: string;
};

/**
 * Zod's messages: the German error map (src/lib/schemas/german.ts) has already written every
 * message as "erwartet … gefunden …"; only the list of unknown keys is put per key.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  return issue.message;
}

/**
 * A readable field name: list positions of tables and rows are replaced by the table id and
 * the row's instrument ("tables[instrumente].rows[talentcenter].entries"), others stay numbers.
 */
export function fieldName(path: readonly PathSegment[], data: unknown): string {
  let out = '';
  let node: unknown = data;
  let parentKey: PathSegment | undefined;
  for (const seg of path) {
    const next = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg as string] : undefined;
    if (typeof seg === 'number') {
      const item = next as Record<string, unknown> | undefined;
      const label =
        parentKey === 'tables' && typeof item?.id === 'string'
          ? item.id
          : (parentKey === 'rows' || parentKey === 'extras') && typeof item?.instrument === 'string'
            ? item.instrument
            : parentKey === 'groups' && typeof item?.numeral === 'string'
              ? item.numeral
              : String(seg);
      out += `[${label}]`;
    } else {
      out += out === '' ? seg : `.${seg}`;
    }
    parentKey = seg;
    node = next;
  }
  return out === '' ? '(Datei)' : out;
}

/** A problem at a zod issue path (prefix: where the parsed value sits in the file, e.g. [id] in a registry). */
export function problemAt(
  p: ParsedFile,
  display: string,
  path: readonly PathSegment[],
  message: string,
  severity: Severity = 'error',
  key?: string,
): Problem {
  return { severity, file: display, line: lineAt(p, path, key), field: fieldName(key ? [...path, key] : path, p.doc.toJS()), message };
}

/** Sort: by file, then line; errors before warnings on the same line. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file, 'en') || a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.field.localeCompare(b.field, 'en'),
  );
}

/** `file:line  field  message`, warnings marked "Hinweis:". */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}  ${p.field}  ${p.severity === 'warning' ? 'Hinweis: ' : ''}${p.message}`;
}

export function formatReport(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const lines = sortProblems(problems).map(formatProblem);
  const summary =
    errors === 0 && warnings === 0
      ? 'Keine Probleme gefunden.'
      : `${errors} ${errors === 1 ? 'Fehler' : 'Fehler'}, ${warnings} ${warnings === 1 ? 'Hinweis' : 'Hinweise'}.`;
  return [...lines, summary].join('\n');
}
