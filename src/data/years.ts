/**
 * Programme years side by side: which years the build shows, whether a year is a draft (and how
 * much of it is still marked for review), and where the page being built exists in other years.
 */
import { chaptersOf, programmes, type ProgrammeEntry } from './programme.ts';
import { reviewCount } from '../lib/compare.ts';

export type OtherYear = { year: number; href: string; draft: boolean };

export type YearContext = {
  draft: boolean;
  /** Tables and figures of a draft still marked `review: true`. */
  review: number;
  /** The same page in the nearest newer and the nearest older year the build shows, newest first. */
  otherYears: OtherYear[];
};

/** The newest year with `status: published` (drafts never become the start page). */
export async function newestPublished(): Promise<ProgrammeEntry | undefined> {
  return (await programmes()).find((p) => p.data.status !== 'draft');
}

/**
 * Year-level pages (/<year>/, /<year>/vergleich/, /<year>/gesamt/ …) exist in every year; a chapter
 * page exists in another year when that year has a chapter with the same slug.
 */
export async function yearContext(year: number, pathname: string): Promise<YearContext> {
  const all = await programmes();
  const current = all.find((p) => p.data.year === year);
  const draft = current?.data.status === 'draft';
  const review = draft && current ? reviewCount(current.data, (await chaptersOf(year)).map((c) => c.data)) : 0;
  const m = /^\/(\d{4})\/(.*)$/.exec(pathname);
  const otherYears: OtherYear[] = [];
  if (m && m[1] === String(year)) {
    const rest = m[2]!;
    const first = rest.split('/')[0]!;
    const ownSlugs = new Set((await chaptersOf(year)).map((c) => c.data.slug));
    const has = async (p: ProgrammeEntry) => !ownSlugs.has(first) || (await chaptersOf(p.data.year)).some((c) => c.data.slug === first);
    // Only the nearest newer and the nearest older year with this page (the start page lists all
    // years): links to every other year on every page would grow the site quadratically with the
    // archive (N years × pages × N − 1 links; npm run bench, BENCHMARKS.md).
    const at = all.findIndex((p) => p.data.year === year);
    const nearest = async (step: 1 | -1) => {
      for (let i = at + step; i >= 0 && i < all.length; i += step) if (await has(all[i]!)) return all[i]!;
      return undefined;
    };
    for (const p of [await nearest(-1), await nearest(1)])
      if (p) otherYears.push({ year: p.data.year, href: `/${p.data.year}/${rest}`, draft: p.data.status === 'draft' });
  }
  return { draft, review, otherYears };
}
