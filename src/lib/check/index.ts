/**
 * `npm run check`: validates all content without building the site, with the same zod schemas
 * the build uses (given plain references), plus what the schemas cannot see on their own:
 * references to registry entries, chapter order and parents, `<Tabelle id>` in the MDX bodies,
 * years and their status, figures still marked for review. Every problem is collected; nothing
 * stops at the first one.
 *
 * This file only runs the checks of each subject in turn (registries.ts, easy-language.ts,
 * years.ts with chapters.ts and body.ts); each file is parsed once (context.ts).
 */
import { chapterComponentNames } from '../chapter-components.ts';
import type { GlossaryEntry, Instrument, LegalBasis, Publisher, TargetGroup } from '../schemas/registries.ts';
import { checkContext } from './context.ts';
import { checkEasyLanguage } from './easy-language.ts';
import { type Problem, sortProblems } from './problems.ts';
import { checkGlossary, checkInstruments, readPublisher, readRegistries } from './registries.ts';
import type { ParsedFile, SourceFile } from './source.ts';
import { readYears, type YearContent } from './years.ts';

export type { Problem, SourceFile, ParsedFile, YearContent };
export type { ChapterContent } from './chapters.ts';
export { formatProblem, formatReport } from './problems.ts';
export { closest } from './references.ts';
export { REGISTRY_FILES } from './registries.ts';

/** Components a chapter body may use (the chapter page passes these to the MDX content). */
export const DEFAULT_COMPONENTS: readonly string[] = chapterComponentNames;

export type CheckOptions = {
  /** Prefix that turns content paths into paths the planner can open ("src/content/"). */
  displayPrefix?: string;
  /** Component names allowed in chapter bodies. */
  components?: readonly string[];
};

export type CheckResult = {
  problems: Problem[];
  instruments: Map<string, Instrument>;
  glossary: Map<string, GlossaryEntry>;
  targetGroups: Map<string, TargetGroup>;
  legalBases: Map<string, LegalBasis>;
  publisher?: Publisher;
  years: YearContent[];
  /** Parsed files by content path, for the import (edits keep the file's layout). */
  files: Map<string, ParsedFile>;
};

export function checkContent(sources: readonly SourceFile[], options: CheckOptions = {}): CheckResult {
  const ctx = checkContext(sources, options.displayPrefix ?? '', options.components ?? DEFAULT_COMPONENTS);
  const registries = readRegistries(ctx);
  checkInstruments(ctx, registries);
  checkGlossary(ctx, registries.glossary);
  const publisher = readPublisher(ctx);
  checkEasyLanguage(ctx);
  const years = readYears(ctx, registries.known);
  const { instruments, glossary, targetGroups, legalBases } = registries;
  return { problems: sortProblems(ctx.problems), instruments, glossary, targetGroups, legalBases, publisher, years, files: ctx.files };
}

/** The data of one year for the export (`dataTables`): throws with the problems when the year has errors. */
export function yearData(result: CheckResult, year: number) {
  const y = result.years.find((x) => x.year === year);
  if (!y || !y.programme) throw new Error(`Kein Programmjahr ${year}: erwartet programmes/${year}/programme.yaml`);
  if (y.errors > 0 || result.problems.some((p) => p.severity === 'error'))
    throw new Error('Die Daten enthalten Fehler; erst `npm run check` ausführen und die Fehler beheben.');
  return { programme: y.programme.data, chapters: y.chapters.map((c) => ({ id: c.id, data: c.data })), instruments: result.instruments };
}
