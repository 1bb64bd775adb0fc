/**
 * /<year>/daten/<file>.json: each table as JSON (src/lib/export's toJson), and
 * /<year>/daten/<year>-programmjahr.json: the whole programme year in one document.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { programmes } from '../../../data/programme.ts';
import { toJson } from '../../../lib/export/index.ts';
import { yearDownloads } from './_downloads.ts';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const p of await programmes()) {
    const d = await yearDownloads(p.id);
    for (const table of d.all) paths.push({ params: { year: p.id, file: table.file }, props: { body: toJson(table) } });
    paths.push({ params: { year: p.id, file: d.yearFile }, props: { body: d.yearJson } });
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
