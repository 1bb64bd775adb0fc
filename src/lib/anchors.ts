/** Stable fragment ids, so that other pages can link to a table or an exact row. */
import { type Table, rowRef } from './schemas/table.ts';

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
