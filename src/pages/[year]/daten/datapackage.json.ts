/**
 * /<year>/daten/datapackage.json: the Frictionless Data Package of the year's CSV downloads
 * (src/lib/export `dataPackage`): one resource per CSV with its dialect and Table Schema, and
 * the data licence from the publisher settings, so that open-data tools read the files without
 * guessing separators, number formats or column types.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { programmeYearPaths } from '../../../data/programme.ts';
import { yearDownloads } from './_downloads.ts';

export const getStaticPaths = programmeYearPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response((await yearDownloads(params.year!)).datapackage, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
