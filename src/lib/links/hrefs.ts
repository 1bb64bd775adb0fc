/**
 * The one module for the site's addresses: page URLs, fragment ids (anchors) of tables and rows,
 * and absolute URLs. Every page, component and the remark plugin build links with these
 * functions, so that a renamed route changes in one place and the link check catches the rest.
 */
import { type Table, rowRef } from '../schemas/table.ts';

/** A chapter page: /2021/integration/. */
export const chapterHref = (year: string | number, slug: string) => `/${year}/${slug}/`;

export const instrumentsHref = '/instrumente/';
export const targetGroupsHref = '/zielgruppen/';
export const legalBasesHref = '/rechtsgrundlagen/';
export const glossaryHref = '/glossar/';
export const searchHref = '/suche/';
export const easyLanguageHref = '/leichte-sprache/';
export const signLanguageHref = '/gebaerdensprache/';
export const statementHref = '/barrierefreiheit/';

export const instrumentHref = (id: string) => `${instrumentsHref}${id}/`;
export const targetGroupHref = (id: string) => `${targetGroupsHref}${id}/`;
export const legalBasisHref = (id: string) => `${legalBasesHref}${id}/`;
/** The glossary is one page with one anchor per entry (`/glossar/#egt`). */
export const glossaryEntryHref = (id: string) => `${glossaryHref}#${id}`;

/** The exact table row on a chapter page (the anchor from `chapterRowAnchor`). */
export const rowHref = (year: string | number, chapterSlug: string, anchor: string) => `${chapterHref(year, chapterSlug)}#${anchor}`;

/** The page of a registry entry (instrument, target group, legal basis). */
export function registryHref(registry: string, id: string): string {
  if (registry === 'targetGroups') return targetGroupHref(id);
  if (registry === 'legalBases') return legalBasisHref(id);
  return instrumentHref(id);
}

/** Stable fragment ids, so that other pages can link to a table or an exact row. */
export const tableAnchor = (tableId: string) => `tabelle-${tableId}`;
export const rowAnchor = (refId: string, tableId?: string) => (tableId === undefined ? `zeile-${refId}` : `zeile-${tableId}-${refId}`);

/**
 * The anchor of a data row on its chapter page: `zeile-<id>` (e.g. `zeile-einstiegsgeld`) when only
 * one shown table of the chapter has a data row for that instrument, target group or legal basis;
 * `zeile-<table>-<id>` when several do, so that every anchor stays unique on the page.
 */
export function chapterRowAnchor(tables: readonly Pick<Table, 'id' | 'shown' | 'rows'>[], tableId: string, refId: string): string {
  const holders = tables.filter((t) => t.shown && t.rows.some((r) => r.kind === 'data' && rowRef(r)?.id === refId));
  return holders.length > 1 ? rowAnchor(refId, tableId) : rowAnchor(refId);
}

/**
 * Absolute URLs for canonical links, Open Graph and the sitemap. They need the address where the
 * site is published (`siteUrl` in src/content/settings.yaml); without it the site emits none rather
 * than a wrong one. The site's links are root-relative (/2021/…), so siteUrl is the origin the site
 * is served from at its root.
 */
export function canonicalUrl(pathname: string, siteUrl: string | undefined): string | undefined {
  if (!siteUrl) return undefined;
  return new URL(pathname, siteUrl).href;
}
