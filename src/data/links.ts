/**
 * The cross-reference index of all published programme years (instrument appearances, target
 * groups, legal bases), loaded from the collections once per build and shared by the reference
 * pages, so that building N pages does not recompute it N times.
 */
import { chaptersOf, programmes, registries } from './programme.ts';
import { type ChapterSource, tableAppearances } from '../lib/links/appearances.ts';
import { referenceNameOf, shortNameOf } from '../lib/instruments.ts';
import { targetGroupLinks } from '../lib/links/target-groups.ts';
import { legalBasisLinks } from '../lib/links/legal-bases.ts';

async function load() {
  const years = await programmes();
  const chapters: ChapterSource[] = [];
  for (const p of years) for (const c of await chaptersOf(p.id)) chapters.push({ ...c.data, year: p.data.year });
  const reg = await registries();
  const shortName = shortNameOf(reg.instruments);
  const referenceName = referenceNameOf(reg);
  return {
    years: years.map((p) => ({ year: p.data.year, title: p.data.title })),
    chapters,
    registries: reg,
    shortName,
    referenceName,
    tables: tableAppearances(chapters, shortName, referenceName),
    targetGroups: targetGroupLinks(chapters),
    legalBases: legalBasisLinks(
      [...reg.instruments].map(([id, i]) => ({ id, legalBases: i.legalBases })),
      chapters,
    ),
  };
}

let cached: ReturnType<typeof load> | undefined;

export function linkIndex(): ReturnType<typeof load> {
  // In `astro dev` content changes while the server runs: recompute on every request there.
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}
