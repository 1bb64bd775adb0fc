/**
 * The cross-reference index of all published programme years (instrument appearances, target
 * groups, legal bases), loaded from the collections once per build and shared by the reference
 * pages, so that building N pages does not recompute it N times.
 */
import { chaptersOf, programmes, registries } from './programme.ts';
import { type ChapterSource, type KeyFiguresSource, chapterRef, keyFigureAppearances, tableAppearances } from '../lib/links/appearances.ts';
import { targetGroupLinks } from '../lib/links/target-groups.ts';
import { legalBasisLinks } from '../lib/links/legal-bases.ts';

async function load() {
  const years = await programmes();
  const chapters: ChapterSource[] = [];
  const keyFigures: KeyFiguresSource[] = [];
  for (const p of years) {
    const entries = await chaptersOf(p.id);
    for (const c of entries) chapters.push({ ...c.data, year: p.data.year });
    // The key-figures table is printed where a chapter's text places <Kennzahlen />.
    const holder = entries.find((c) => /<Kennzahlen\b/.test(c.body ?? ''));
    keyFigures.push({
      year: p.data.year,
      keyFigures: p.data.keyFigures,
      chapter: holder ? chapterRef({ ...holder.data, year: p.data.year }) : undefined,
    });
  }
  const reg = await registries();
  return {
    years: years.map((p) => ({ year: p.data.year, title: p.data.title })),
    chapters,
    keyFigures,
    registries: reg,
    tables: tableAppearances(chapters),
    keyFigureRows: keyFigureAppearances(keyFigures),
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
