/**
 * One run of the content check: the files handed in, the files parsed so far and the problems
 * found so far. The subject checks (registries, programme years, chapters, bodies) report through
 * these helpers, so that every problem names file, line and field the same way.
 */
import type { z } from 'zod';
import { describeIssue, type Problem, problemAt, type Severity } from './problems.ts';
import { type ParsedFile, parseSource, type PathSegment, type SourceFile } from './source.ts';
import { syntaxProblems } from './syntax.ts';

export type CheckContext = {
  sources: readonly SourceFile[];
  bySourcePath: ReadonlyMap<string, SourceFile>;
  /** Prefix that turns content paths into paths the planner can open ("src/content/"). */
  prefix: string;
  /** Component names allowed in chapter bodies. */
  components: ReadonlySet<string>;
  problems: Problem[];
  /** Parsed files by content path, in the order they were parsed. */
  files: Map<string, ParsedFile>;
};

export function checkContext(sources: readonly SourceFile[], prefix: string, components: Iterable<string>): CheckContext {
  return { sources, bySourcePath: new Map(sources.map((s) => [s.path, s])), prefix, components: new Set(components), problems: [], files: new Map() };
}

/** The path of a parsed file as the planner finds it. */
export const displayPath = (ctx: CheckContext, p: ParsedFile) => ctx.prefix + p.file.path;

/** A problem at a path of the parsed data of `p` (the line is found in the file). */
export function report(ctx: CheckContext, p: ParsedFile, path: readonly PathSegment[], message: string, severity: Severity = 'error', key?: string) {
  ctx.problems.push(problemAt(p, displayPath(ctx, p), path, message, severity, key));
}

/** A problem at a known line (folders, missing files, MDX bodies, Markdown lines). */
export function reportLine(ctx: CheckContext, file: string, line: number, field: string, message: string, severity: Severity = 'error') {
  ctx.problems.push({ severity, file, line, field, message });
}

/** A file the content folder must have (`path` relative to it). */
export const reportMissingFile = (ctx: CheckContext, path: string, message = 'Datei fehlt') => reportLine(ctx, ctx.prefix + path, 1, '(Datei)', message);

/** Parses a content file once, keeps it for the result and reports its syntax problems. */
export function parseFile(ctx: CheckContext, source: SourceFile): ParsedFile {
  const p = parseSource(source);
  ctx.files.set(source.path, p);
  ctx.problems.push(...syntaxProblems(p, displayPath(ctx, p)));
  return p;
}

/** Validates `value` at `path` of file `p`; returns the output or undefined, reporting every issue. */
export function validate<S extends z.ZodType>(ctx: CheckContext, p: ParsedFile, schema: S, value: unknown, path: PathSegment[] = []): z.output<S> | undefined {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const issuePath = [...path, ...(issue.path as PathSegment[])];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) report(ctx, p, issuePath, describeIssue({ ...issue, keys: [key] }), 'error', key);
    } else report(ctx, p, issuePath, describeIssue(issue));
  }
  // When only the cross-checks of the whole file failed (totals, percentages), the values
  // themselves are fine: parse again without those checks so that references and the MDX
  // body are still checked and every problem is listed in one run.
  const checks = (schema._zod.def as { checks?: unknown[] }).checks;
  if (checks?.length && result.error.issues.every((i) => i.code === 'custom')) {
    const plain = schema.clone({ ...schema._zod.def, checks: [] } as typeof schema._zod.def).safeParse(value);
    if (plain.success) return plain.data as z.output<S>;
  }
  return undefined;
}
