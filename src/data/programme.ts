/**
 * Queries over the content collections, shared by pages and components. Everything computable
 * without Astro lives in src/lib; this module only loads entries and hands them over.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { sortChapters, tableOfContents } from '../lib/navigation.ts';
import { slugOfChapterId, yearOfChapterId } from '../lib/ids.ts';
import { formatProblems, referenceProblems } from '../lib/references.ts';
import { sameFile } from '../lib/mdx-chapter-source.ts';

export type ChapterEntry = CollectionEntry<'chapters'>;
export type ProgrammeEntry = CollectionEntry<'programmes'>;

let validated: Promise<void> | undefined;

/** Fails the build when any reference in the content names no registry entry (checked once per build). */
export function assertValidReferences(): Promise<void> {
  validated ??= (async () => {
    const [chapters, instruments, targetGroups, legalBases] = await Promise.all([
      getCollection('chapters'),
      getCollection('instruments'),
      getCollection('targetGroups'),
      getCollection('legalBases'),
    ]);
    const ids = (entries: { id: string }[]) => new Set(entries.map((e) => e.id));
    const problems = referenceProblems(
      { instruments: ids(instruments), targetGroups: ids(targetGroups), legalBases: ids(legalBases) },
      chapters.map((c) => ({ file: c.filePath ?? c.id, data: c.data })),
      instruments.map((i) => ({ file: 'src/content/instruments.yaml', id: i.id, data: i.data })),
    );
    if (problems.length > 0) throw new Error(`Unbekannte Verweise in den Inhalten:\n${formatProblems(problems)}`);
  })();
  return validated;
}

/** Programme years that are published (drafts only when PUBLISH_DRAFTS=1 or in `astro dev`). */
export async function programmes(): Promise<ProgrammeEntry[]> {
  await assertValidReferences();
  const all = await getCollection('programmes');
  const showDrafts = import.meta.env.DEV || process.env.PUBLISH_DRAFTS === '1';
  return all.filter((p) => showDrafts || p.data.status !== 'draft').sort((a, b) => b.data.year - a.data.year);
}

/** Static paths for pages that exist once per published programme year (/<year>/…). */
export async function programmeYearPaths() {
  return (await programmes()).map((p) => ({ params: { year: p.id }, props: { programme: p } }));
}

export async function programme(year: string | number): Promise<ProgrammeEntry> {
  const entry = await getEntry('programmes', String(year));
  if (!entry) throw new Error(`Kein Programmjahr ${year} in src/content/programmes/${year}/programme.yaml`);
  return entry;
}

const meta = (c: ChapterEntry) => ({ ...c.data, id: c.id, slug: c.data.slug });

/** The chapters of one year in printed order. */
export async function chaptersOf(year: string | number): Promise<ChapterEntry[]> {
  const all = await getCollection('chapters', (c) => yearOfChapterId(c.id) === String(year));
  const order = sortChapters(all.map(meta)).map((m) => m.id);
  return order.map((id) => all.find((c) => c.id === id)!);
}

export async function tocOf(year: string | number) {
  return tableOfContents(year, (await chaptersOf(year)).map(meta));
}

export { slugOfChapterId, yearOfChapterId };

/** Lookup maps of the registries. */
export async function registries() {
  const [instruments, glossary, targetGroups, legalBases] = await Promise.all([
    getCollection('instruments'),
    getCollection('glossary'),
    getCollection('targetGroups'),
    getCollection('legalBases'),
  ]);
  return {
    instruments: new Map(instruments.map((e) => [e.id, e.data])),
    glossary,
    targetGroups: new Map(targetGroups.map((e) => [e.id, e.data])),
    legalBases: new Map(legalBases.map((e) => [e.id, e.data])),
  };
}

export async function publisher() {
  const entry = await getEntry('settings', 'publisher');
  if (!entry) throw new Error('src/content/settings.yaml: Eintrag „publisher“ fehlt');
  return entry.data;
}

/** The chapter whose MDX file a component stands in (see remarkChapterSource). */
export async function chapterByFile(file: string | undefined, component: string): Promise<ChapterEntry> {
  if (!file) throw new Error(`<${component}> steht nicht in einer Kapiteldatei (fehlendes chapterFile)`);
  const chapter = (await getCollection('chapters')).find((c) => c.filePath !== undefined && sameFile(c.filePath, file));
  if (!chapter) throw new Error(`${file}: <${component}> gehört zu keinem Kapitel der Sammlung „chapters“`);
  return chapter;
}
