/**
 * The chapters of one programme year (programmes/<year>/chapters/*.mdx): front matter against the
 * chapter schema, references, slug and order unique in the year, tables still to be reviewed, and
 * the MDX body. A chapter whose front matter is invalid still gets its references and body checked.
 */
import { chapterSchema, type Chapter } from '../schemas/chapter.ts';
import { plainRefs } from '../schemas/ref.ts';
import { checkBody, type BodyIds } from './body.ts';
import { type CheckContext, displayPath, parseFile, report, validate } from './context.ts';
import { checkReferences, type KnownRegistries } from './references.ts';
import { reviewMessage, statusSeverity, type YearStatus } from './review.ts';
import type { ParsedFile, SourceFile } from './source.ts';

export type ChapterContent = { file: ParsedFile; id: string; data: Chapter };

/** What the chapters of a year share: the year folder, its status and whether its programme has a budget. */
export type ChapterYear = { folder: string; status: YearStatus; budget: boolean };

/** The valid chapters of the given files, in file order; every problem is reported. */
export function readChapters(ctx: CheckContext, known: KnownRegistries, sources: readonly SourceFile[], year: ChapterYear): ChapterContent[] {
  const schema = chapterSchema(plainRefs());
  const chapters: ChapterContent[] = [];
  const slugs = new Map<string, ChapterContent>();
  const orders = new Map<number, ChapterContent>();
  for (const source of sources) {
    const p = parseFile(ctx, source);
    if (p.doc.errors.length > 0 || p.missingFrontmatter) continue;
    const raw = p.doc.toJS() ?? {};
    const data = validate(ctx, p, schema, raw);
    if (!data) {
      // Still check what can be checked, so that one run lists every problem of the file.
      checkReferences(ctx, known, p, rawChapterReferences(raw));
      checkBody(ctx, p, rawBodyIds(raw, year.budget));
      continue;
    }
    checkReferences(ctx, known, p, data);
    const chapter: ChapterContent = { file: p, id: `${year.folder}/${data.slug}`, data };
    checkUnique(ctx, chapter, slugs, orders);
    data.tables.forEach((t, i) => {
      if (t.review) report(ctx, p, ['tables', i, 'review'], reviewMessage(`Tabelle „${t.id}“`, year.status), statusSeverity(year.status));
    });
    checkBody(ctx, p, { tables: data.tables.map((t) => (t.shown ? t.id : '')), shares: data.shares.map((x) => x.id), budget: year.budget });
    chapters.push(chapter);
  }
  return chapters;
}

/** Slug and order are unique in a year; the first chapter with a value keeps it. */
function checkUnique(ctx: CheckContext, chapter: ChapterContent, slugs: Map<string, ChapterContent>, orders: Map<number, ChapterContent>) {
  const { file: p, data } = chapter;
  const sameSlug = slugs.get(data.slug);
  if (sameSlug) report(ctx, p, ['slug'], `slug „${data.slug}“ ist schon vergeben an ${displayPath(ctx, sameSlug.file)}; erwartet einen eindeutigen slug je Jahr`);
  else slugs.set(data.slug, chapter);
  const sameOrder = orders.get(data.order);
  if (sameOrder) report(ctx, p, ['order'], `order ${data.order} hat schon ${displayPath(ctx, sameOrder.file)}; erwartet eine eindeutige Reihenfolge je Jahr`);
  else orders.set(data.order, chapter);
}

const asRef = (collection: string, v: unknown) => (typeof v === 'string' ? { id: v, collection } : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** The references of a chapter whose frontmatter did not validate, in the same shape the schema outputs. */
function rawChapterReferences(raw: unknown) {
  const c = obj(raw);
  return {
    targetGroups: list(c.targetGroups).map((v) => asRef('targetGroups', v)),
    legalBases: list(c.legalBases).map((v) => asRef('legalBases', v)),
    tables: list(c.tables).map((t) => ({
      rows: list(obj(t).rows).map((r) => ({
        ...Object.fromEntries(Object.entries(obj(r)).map(([k, v]) => [k, { includedIn: asRef('instruments', obj(v).includedIn) }])),
        instrument: asRef('instruments', obj(r).instrument),
        targetGroup: asRef('targetGroups', obj(r).targetGroup),
        legalBasis: asRef('legalBases', obj(r).legalBasis),
      })),
    })),
  };
}

/** The table and share ids of a chapter whose frontmatter did not validate, as far as they can be read. */
function rawBodyIds(raw: unknown, budget: boolean): BodyIds {
  const tables = list(obj(raw).tables).map(obj);
  const shares = list(obj(raw).shares).map(obj);
  return {
    tables: tables.map((t) => (typeof t.id === 'string' && t.shown !== false ? t.id : '')),
    shares: shares.flatMap((x) => (typeof x.id === 'string' ? [x.id] : [])),
    budget,
  };
}
