/**
 * The real programme data for the chart tests, parsed the way the site parses it (YAML and
 * MDX frontmatter through the same zod schemas, with plain references instead of Astro's).
 */
import path from 'node:path';
import { chapterSchema, type Chapter } from '../../src/lib/schemas/chapter.ts';
import { programmeSchema, type Programme } from '../../src/lib/schemas/programme.ts';
import { instrumentSchema, type Instrument } from '../../src/lib/schemas/registries.ts';
import { plainRefs } from '../../src/lib/schemas/ref.ts';
import { chapterFiles, contentDir, readMdx, readYaml } from '../lib/content.ts';

export type YearFixture = {
  year: number;
  programme: Programme;
  chapters: { file: string; data: Chapter; body: string }[];
  instruments: Map<string, Instrument>;
};

export function loadYear(year: string): YearFixture {
  const refs = plainRefs();
  const programme = programmeSchema(refs).parse(readYaml(path.join('programmes', year, 'programme.yaml')));
  const chapters = chapterFiles(year).map((file) => {
    const { data, body } = readMdx(file);
    return { file: path.relative(contentDir, file), data: chapterSchema(refs).parse(data), body };
  });
  const registry = readYaml('instruments.yaml') as Record<string, unknown>;
  const instruments = new Map(Object.entries(registry).map(([id, v]) => [id, instrumentSchema(refs).parse(v)]));
  return { year: programme.year, programme, chapters, instruments };
}

/** Short name of an instrument (abbreviation, else name), as the tables print "in FbW enthalten". */
export const nameOfIn = (instruments: ReadonlyMap<string, Instrument>) => (id: string) => {
  const i = instruments.get(id);
  if (!i) throw new Error(`unbekanntes Instrument ${id}`);
  return i.abbreviation ?? i.name;
};
