/**
 * What a programme table shows, computed from the general table (src/lib/schemas/table.ts) so
 * that the component only prints it: header cells, row groups, every cell formatted by its
 * column type, row anchors and links, the total row, footnotes and notes that explain computed
 * columns and row kinds.
 */
import { type Column, type Row, type Table, changeOf, isNumberType, quantityOf, rowRef } from './schemas/table.ts';
import type { NumberKind } from './schemas/entries.ts';
import { formatPercent, formatQuantity } from './format.ts';
import { chapterRowAnchor, tableAnchor, registryHref } from './links/hrefs.ts';

export type CellView = { text: string; href?: string | undefined; numeric: boolean };
export type RowView = {
  /** Fragment id of the row (its instrument/target group/legal basis), for links to the exact place. */
  id: string | undefined;
  className: string | undefined;
  /** The first cell (row header); note rows have only this one, spanning the table. */
  header: CellView;
  cells: CellView[];
  note: boolean;
};
export type TableView = {
  anchor: string;
  caption: string;
  headers: { text: string; numeric: boolean }[];
  /** One tbody per group (tables without groups: one). */
  bodies: RowView[][];
  total: RowView | undefined;
  footnotes: string[];
  notes: string[];
  /** Narrow screens: three-column tables stack label and number over the text (global.css `.stack`). */
  stack: boolean;
};

type NameOf = (id: string) => string;

const numeric = (c: Column) => isNumberType(c.type) || c.type === 'change';

/** One cell in its column's format. */
export function cellText(row: Row, column: Column, nameOf: NameOf, referenceName: (registry: string, id: string) => string = (_, id) => nameOf(id)): string {
  if (column.type === 'change') {
    const computed = changeOf(row, column);
    if (computed === undefined) return '';
    return computed === null ? '–' : formatPercent(computed);
  }
  const cell = row.cells[column.key];
  if (!cell) return '';
  if (cell.type === 'text') return cell.text;
  if (cell.type === 'reference') return referenceName(column.registry ?? 'instruments', cell.ref.id);
  if (cell.type === 'change') return '';
  return formatQuantity(column.type as NumberKind, cell, column, nameOf);
}

type Siblings = readonly Pick<Table, 'id' | 'shown' | 'rows'>[];

function rowView(row: Row, table: Table, siblings: Siblings, names: { instrument: NameOf; reference: (registry: string, id: string) => string }, total: boolean): RowView {
  const ref = rowRef(row);
  const registry = row.instrument ? 'instruments' : row.targetGroup ? 'targetGroups' : row.legalBasis ? 'legalBases' : undefined;
  const label = `${row.number ? `${row.number} ` : ''}${row.label}`;
  const cells = table.columns.slice(1).map((c): CellView => {
    const cell = row.cells[c.key];
    return {
      text: cellText(row, c, names.instrument, names.reference),
      href: cell?.type === 'reference' ? registryHref(c.registry ?? 'instruments', cell.ref.id) : undefined,
      numeric: numeric(c),
    };
  });
  const hasGroups = table.rows.some((r) => r.kind === 'group');
  const className = total
    ? undefined
    : row.kind === 'group'
      ? 'row-group'
      : row.kind === 'ofWhich' || row.kind === 'breakdown'
        ? 'row-ofwhich'
        : row.kind === 'note'
          ? 'row-note'
          : hasGroups
            ? 'row-sub'
            : undefined;
  return {
    id: !total && ref && row.kind === 'data' ? chapterRowAnchor(siblings, table.id, ref.id) : undefined,
    className,
    header: { text: label, href: ref && registry && !total ? registryHref(registry, ref.id) : undefined, numeric: false },
    cells,
    note: row.kind === 'note',
  };
}

/** Sentences under the table that say what is computed and how rows relate (only where it applies). */
export function tableNotes(table: Table): string[] {
  const notes: string[] = [];
  for (const c of table.columns.filter((col) => col.type === 'change' && col.compare)) {
    const [a, b] = c.compare!.map((k) => table.columns.find((o) => o.key === k)!.header);
    notes.push(`„${c.header}“: Veränderung von „${a}“ gegenüber „${b}“ in Prozent, aus den beiden Spalten berechnet.`);
  }
  if (table.rows.some((r) => r.kind === 'group')) notes.push('Eingerückte Zeilen gehören zur Gruppe darüber.');
  if (table.rows.some((r) => r.kind === 'ofWhich')) notes.push('„darunter“-Zeilen sind Teil der Zeile über ihnen und nicht zusätzlich gezählt.');
  return notes;
}

/** `siblings`: the tables of the same chapter page (row anchors stay unique on it; default: this table alone). */
export function tableView(table: Table, nameOf: NameOf, referenceName: (registry: string, id: string) => string = (_, id) => id, siblings: Siblings = [table]): TableView {
  const names = { instrument: nameOf, reference: referenceName };
  const bodies: RowView[][] = [];
  for (const row of table.rows) {
    if (row.kind === 'group' || bodies.length === 0) bodies.push([]);
    bodies.at(-1)!.push(rowView(row, table, siblings, names, false));
  }
  return {
    anchor: tableAnchor(table.id),
    caption: table.caption,
    headers: table.columns.map((c) => ({ text: c.header, numeric: numeric(c) })),
    bodies,
    total: table.total ? rowView(table.total, table, siblings, names, true) : undefined,
    footnotes: table.footnotes.map((f) => `${f.mark} ${f.text}`),
    notes: tableNotes(table),
    stack: table.columns.length <= 3,
  };
}

/** The number a table row plans in its first additive column (for instrument pages and the portfolio). */
export function firstQuantity(table: Table, row: Row) {
  const column = table.columns.find((c) => isNumberType(c.type) && c.additive);
  return column ? { column, quantity: quantityOf(row, column.key) } : undefined;
}
