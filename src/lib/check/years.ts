/**
 * The programme years (programmes/<year>/): the folder name, programme.yaml, the chapters and
 * what holds across the chapters of a year (parents, sums across tables). Each year counts its
 * errors, so that the export can refuse a year with errors.
 */
import { type Programme, programmeSchema } from '../schemas/programme.ts';
import { crossTableProblems } from '../schemas/table.ts';
import { type ChapterContent, readChapters } from './chapters.ts';
import { type CheckContext, parseFile, report, reportLine, reportMissingFile, validate } from './context.ts';
import { closest, type KnownRegistries } from './references.ts';
import { reviewMessage, statusSeverity, type YearStatus } from './review.ts';
import type { ParsedFile, SourceFile } from './source.ts';

export type YearContent = {
  year: number;
  programme?: { file: ParsedFile; data: Programme };
  chapters: ChapterContent[];
  /** Errors found in this year's files. */
  errors: number;
};

/** Every folder below programmes/, checked in the order of its name; folders that are no year are reported and left out. */
export function readYears(ctx: CheckContext, known: KnownRegistries): YearContent[] {
  const folders = new Set<string>();
  for (const s of ctx.sources) {
    const m = /^programmes\/([^/]+)\//.exec(s.path);
    if (m) folders.add(m[1]!);
  }
  return [...folders].sort().flatMap((folder) => readYear(ctx, known, folder) ?? []);
}

function readYear(ctx: CheckContext, known: KnownRegistries, folder: string): YearContent | undefined {
  if (!/^\d{4}$/.test(folder)) {
    reportLine(ctx, `${ctx.prefix}programmes/${folder}/`, 1, '(Ordner)', `erwartet einen Ordner mit der Jahreszahl (z. B. programmes/2022/), gefunden: „${folder}“`);
    return undefined;
  }
  const before = ctx.problems.length;
  const year: YearContent = { year: Number(folder), chapters: [], errors: 0 };
  const status = readProgramme(ctx, folder, year);
  const sources = chapterSources(ctx, folder);
  year.chapters = readChapters(ctx, known, sources, { folder, status, budget: year.programme?.data.integrationBudget !== undefined });
  checkParents(ctx, folder, year.chapters);
  checkCrossTables(ctx, year.chapters, status);
  if (sources.length === 0 && ctx.bySourcePath.has(programmePath(folder)))
    reportLine(ctx, `${ctx.prefix}programmes/${folder}/chapters/`, 1, '(Ordner)', 'keine Kapitel gefunden', 'warning');
  year.chapters.sort((a, b) => a.data.order - b.data.order);
  year.errors = ctx.problems.slice(before).filter((x) => x.severity === 'error').length;
  return year;
}

const programmePath = (folder: string) => `programmes/${folder}/programme.yaml`;

const chapterSources = (ctx: CheckContext, folder: string): SourceFile[] =>
  ctx.sources.filter((s) => s.path.startsWith(`programmes/${folder}/chapters/`) && s.path.endsWith('.mdx')).sort((a, b) => a.path.localeCompare(b.path, 'en'));

/** Checks programme.yaml of the year and sets `year.programme` when it is valid; returns the year's status. */
function readProgramme(ctx: CheckContext, folder: string, year: YearContent): YearStatus {
  const path = programmePath(folder);
  const source = ctx.bySourcePath.get(path);
  if (!source) {
    reportMissingFile(ctx, path, `Datei fehlt: jedes Programmjahr braucht ${path}`);
    return 'published';
  }
  const p = parseFile(ctx, source);
  if (p.doc.errors.length > 0) return 'published';
  const data = validate(ctx, p, programmeSchema, p.doc.toJS());
  const raw = p.doc.toJS() as { status?: unknown } | null;
  const status = raw?.status === 'draft' ? 'draft' : 'published';
  if (!data) return status;
  year.programme = { file: p, data };
  if (String(data.year) !== folder) report(ctx, p, ['year'], `erwartet ${folder} (den Namen des Ordners), gefunden: ${data.year}`);
  if (data.integrationBudget?.review) report(ctx, p, ['integrationBudget', 'review'], reviewMessage('Eingliederungstitel', status), statusSeverity(status));
  return status;
}

/** A chapter's parent is the slug of a chapter of the same year. */
function checkParents(ctx: CheckContext, folder: string, chapters: readonly ChapterContent[]) {
  const slugs = new Set(chapters.map((c) => c.data.slug));
  for (const c of chapters) {
    const parent = c.data.parent;
    if (parent === undefined || slugs.has(parent)) continue;
    const guess = closest(parent, slugs);
    report(ctx, c.file, ['parent'], `erwartet den slug eines Kapitels aus ${folder}, gefunden: „${parent}“${guess ? `, meinten Sie „${guess}“?` : ''}`);
  }
}

/** Sums that tables of different chapters must agree on (src/lib/schemas/table.ts). */
function checkCrossTables(ctx: CheckContext, chapters: readonly ChapterContent[], status: YearStatus) {
  const tables = chapters.flatMap((c) => c.data.tables.map((table, index) => ({ chapter: c.data.slug, index, table })));
  for (const problem of crossTableProblems(tables))
    report(ctx, chapters.find((c) => c.data.slug === problem.chapter)!.file, problem.path, problem.message, statusSeverity(status));
}
