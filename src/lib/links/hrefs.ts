/**
 * URLs of the reference pages. Every page and the remark plugin build links with these
 * functions, so that a renamed route changes in one place and the link check catches the rest.
 */
import { chapterHref } from '../navigation.ts';

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
