/** Figures carried over from the previous year and marked `review: true`: a hint in a draft, an error once published. */
import type { Severity } from './problems.ts';

export type YearStatus = 'draft' | 'published';

export const reviewMessage = (what: string, status: YearStatus) =>
  status === 'draft'
    ? `${what}: aus dem Vorjahr übernommen, noch nicht geprüft (nach der Prüfung „review: true“ löschen)`
    : `${what}: erwartet geprüfte Zahlen in einem veröffentlichten Jahr, gefunden: „review: true“ (Zahlen prüfen, dann die Zeile löschen)`;

/** Problems of a year's figures (review marks, cross-table sums) weigh by the year's status. */
export const statusSeverity = (status: YearStatus): Severity => (status === 'draft' ? 'warning' : 'error');
