/**
 * /<year>/daten/<file>.csv: one table per file, in the CSV format of src/lib/export (UTF-8 with
 * byte order mark, ";" between cells, CRLF), which German spreadsheet programs open correctly.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { programmes } from '../../../data/programme.ts';
import { toCsv, type DataTable } from '../../../lib/export/index.ts';
import { yearDownloads } from './_downloads.ts';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const p of await programmes()) for (const table of (await yearDownloads(p.id)).all) paths.push({ params: { year: p.id, file: table.file }, props: { table } });
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(toCsv((props as { table: DataTable }).table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
