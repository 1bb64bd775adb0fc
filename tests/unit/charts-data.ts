/**
 * Programme data for the chart tests, parsed the way the site parses it (YAML and MDX
 * frontmatter through the same zod schemas, with plain references instead of Astro's), from any
 * content folder: the fixtures under tests/fixtures/ or the live src/content.
 */
import path from 'node:path';
import { chapterSchema, type Chapter } from '../../src/lib/schemas/chapter.ts';
import { programmeSchema, type Programme } from '../../src/lib/schemas/programme.ts';
import { instrumentSchema, type Instrument } from '../../src/lib/schemas/registries.ts';
import { plainRefs } from '../../src/lib/schemas/ref.ts';
import { contentDir, contentFolder, readMdx } from '../lib/content.ts';

export type YearFixture = {
  year: number;
  programme: Programme;
  chapters: { file: string; data: Chapter; body: string }[];
  instruments: Map<string, Instrument>;
};

export function loadYear(year: string, dir = contentDir): YearFixture {
  const refs = plainRefs();
  const c = contentFolder(dir);
  const programme = programmeSchema.parse(c.readYaml(path.join('programmes', year, 'programme.yaml')));
  const chapters = c.chapterFiles(year).map((file) => {
    const { data, body } = readMdx(file);
    return { file: path.relative(dir, file), data: chapterSchema(refs).parse(data), body };
  });
  const registry = (c.readYaml('instruments.yaml') ?? {}) as Record<string, unknown>;
  const instruments = new Map(Object.entries(registry).map(([id, v]) => [id, instrumentSchema(refs).parse(v)]));
  return { year: programme.year, programme, chapters, instruments };
}

/** Every year of a content folder. */
export const loadYears = (dir = contentDir) => contentFolder(dir).years().map((y) => loadYear(y, dir));

/** Short name of an instrument (abbreviation, else name), as the tables print "in FbW enthalten". */
export const nameOfIn = (instruments: ReadonlyMap<string, Instrument>) => (id: string) => {
  const i = instruments.get(id);
  if (!i) throw new Error(`unbekanntes Instrument ${id}`);
  return i.abbreviation ?? i.name;
};
