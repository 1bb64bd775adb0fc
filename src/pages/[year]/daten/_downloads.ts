/**
 * Everything /<year>/daten/ offers, computed once per year: the tables of the export module
 * (src/lib/export, which owns the CSV format), the data of the charts that have no table of
 * their own (shares, portfolio), the whole year as one JSON document, and the Frictionless
 * `datapackage.json` that describes every CSV file. Not a route (the leading underscore keeps
 * Astro from serving it).
 */
import { chaptersOf, programme, publisher, registries } from '../../../data/programme.ts';
import { dataPackage, dataTables, chapterTableFile, type DataTable, type YearData } from '../../../lib/export/index.ts';
import { portfolioGroups } from '../../../lib/charts/portfolio.ts';
import { portfolioFile, portfolioTable, shareFile, shareTables, yearDocument } from '../../../lib/charts/data.ts';
import { tableAnchor } from '../../../lib/links/hrefs.ts';

export type Download = DataTable & {
  /** Where the same numbers stand on the site. */
  href: string | undefined;
  /** Kind of download, for the grouping on the page. */
  group: 'table' | 'chart';
};

/** File name of the whole year: /2021/daten/2021-programmjahr.json. */
export const yearFile = (year: number) => `${year}-programmjahr`;

const cache = new Map<string, Promise<YearDownloads>>();
export type YearDownloads = Awaited<ReturnType<typeof load>>;

export function yearDownloads(year: string | number): Promise<YearDownloads> {
  const key = String(year);
  if (!cache.has(key)) cache.set(key, load(key));
  return cache.get(key)!;
}

async function load(year: string) {
  const prog = (await programme(year)).data;
  const chapters = await chaptersOf(year);
  const regs = await registries();
  const data: YearData = { programme: prog, chapters: chapters.map((c) => ({ id: c.id, data: c.data })), instruments: regs.instruments };

  // Where each file's numbers stand on the site (a table not shown on the page: its chapter).
  const hrefs = new Map<string, string>();
  for (const c of chapters) {
    for (const t of c.data.tables) hrefs.set(chapterTableFile(prog.year, c.data, t.id), `/${year}/${c.data.slug}/${t.shown ? `#${tableAnchor(t.id)}` : ''}`);
    for (const s of c.data.shares) hrefs.set(shareFile(prog.year, c.data, s.id), `/${year}/${c.data.slug}/#anteile-${s.id}`);
  }
  hrefs.set(portfolioFile(prog.year), `/${year}/#portfolio`);

  const chapterData = chapters.map((c) => c.data);
  const pub = await publisher();
  const tables: Download[] = dataTables(data).map((t) => ({ ...t, href: hrefs.get(t.file), group: 'table' }));
  const portfolio = portfolioGroups(prog.year, chapterData, regs.instruments, pub.labels.focusArea);
  const charts: Download[] = [
    ...shareTables(prog.title, prog.year, chapterData),
    ...(portfolio.length > 0 ? [portfolioTable(prog.title, prog.year, portfolio, pub.labels.focusArea)] : []),
  ].map((t) => ({ ...t, href: hrefs.get(t.file), group: 'chart' }));
  const all = [...tables, ...charts];
  const names = all.map((t) => t.file);
  const twice = names.filter((n, i) => names.indexOf(n) !== i || n === yearFile(prog.year));
  if (twice.length > 0) throw new Error(`/${year}/daten/: Dateiname mehrfach vergeben: ${[...new Set(twice)].join(', ')}`);

  const licence = pub.dataLicence;
  const whole = `${JSON.stringify(yearDocument(data, regs, all, licence), null, 2)}\n`;
  const datapackage = `${JSON.stringify(dataPackage(prog, all, { publisher: pub.name, licence }), null, 2)}\n`;
  return { programme: prog, tables, charts, all, yearFile: yearFile(prog.year), yearJson: whole, licence, datapackage };
}

