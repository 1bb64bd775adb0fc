/** Stable fragment ids, so that other pages can link to a table or an exact row. */
export const tableAnchor = (tableId: string) => `tabelle-${tableId}`;
export const rowAnchor = (instrumentId: string) => `zeile-${instrumentId}`;
