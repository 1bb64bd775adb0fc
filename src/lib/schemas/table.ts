/**
 * The general programme table. A table declares its columns and their types; each row is read
 * by those columns. Every table of every programme (instrument plans, demand estimates, key
 * figures with the computed "Vergleich", budget tables in €, target values in %, statistics
 * with decimals) is one use of this model; `preset` only fills in column definitions.
 *
 * Written in a chapter's frontmatter (`tables:`), documented for planners in
 * docs/content-format.md:
 *
 *   - id: instrumente
 *     caption: Geplante Eintritte 2021
 *     columns:
 *       - { header: Instrument }                               # the row label, always first
 *       - { key: entries, header: Eintritte 2021, type: count }
 *       - { key: function, header: Funktion, type: text }
 *     rows:
 *       - { instrument: einstiegsgeld, label: Einstiegsgeld (ESG), entries: 1000, function: … }
 *     total: { label: Summe, entries: 3162 }
 */
import { z } from 'zod';
import './german.ts';
import { type Ref, plainRef, slug } from './ref.ts';
import { type Quantity, quantitySchema, type NumberKind, sumQuantities } from './entries.ts';
import { percentChange } from '../numbers.ts';
import { formatNumber, formatPercent } from '../format.ts';

const text = z.string().trim().min(1, { error: 'erwartet einen nicht leeren Text' });

/** The kinds of column. The first column of every table is the row label ("label"). */
export const columnTypes = ['label', 'text', 'count', 'euros', 'percent', 'decimal', 'year', 'reference', 'change'] as const;
export type ColumnType = (typeof columnTypes)[number];
export const numberTypes = ['count', 'euros', 'percent', 'decimal', 'year'] as const satisfies readonly NumberKind[];
export const isNumberType = (t: ColumnType): t is NumberKind => (numberTypes as readonly string[]).includes(t);

/** Registries a row or a reference column can point into. */
export const registryNames = ['instruments', 'targetGroups', 'legalBases'] as const;
export type RegistryName = (typeof registryNames)[number];

/** Row fields that are not cells; no column may use these keys. */
const ROW_FIELDS = ['kind', 'number', 'label', 'instrument', 'targetGroup', 'legalBasis', 'text', 'equals'] as const;
const ROW_REFS = { instrument: 'instruments', targetGroup: 'targetGroups', legalBasis: 'legalBases' } as const;

const columnKey = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]*$/, { error: (i) => `erwartet einen Spaltenschlüssel aus Buchstaben und Ziffern (z. B. „entries“), gefunden: ${JSON.stringify(i.input)}` })
  .refine((k) => !(ROW_FIELDS as readonly string[]).includes(k), { error: (i) => `„${String(i.input)}“ ist ein Zeilenfeld und kann kein Spaltenschlüssel sein; erlaubt sind andere Namen (z. B. „entries“)` });

/** One column as written. */
const columnSchema = z.strictObject({
  /** The key under which rows give this column's cell; not for the label column. */
  key: columnKey.optional(),
  /** The header cell as printed (free text). */
  header: text,
  /** What the cells hold; default "text" (the first column is always "label"). */
  type: z.enum(columnTypes, { error: (i) => `erwartet einen Spaltentyp (${columnTypes.join(', ')}), gefunden: ${JSON.stringify(i.input)}` }).optional(),
  /** euros: how the print writes amounts: "euro" (1.234,56 €), "tsd" (1.235 Tsd. €), "mio" (1,23 Mio. €). */
  unit: z.enum(['euro', 'tsd', 'mio']).optional(),
  /** Decimal places as printed (decimal, percent, euros). */
  decimals: z.number().int().min(0).max(4).optional(),
  /** reference: which registry the cells name. */
  registry: z.enum(registryNames).optional(),
  /** Whether rows add up (groups, totals). Default: count and euros yes; percent only with `shares`; others no. */
  additive: z.boolean().optional(),
  /** percent: the data rows are shares of one whole and must add up to 100. */
  shares: z.boolean().optional(),
  /** change: the two columns compared, in percent ([current, previous]). */
  compare: z.tuple([columnKey, columnKey]).optional(),
});

/** A column as the rest of the site sees it: every default filled in. */
export type Column = {
  key: string;
  header: string;
  type: ColumnType;
  unit: 'euro' | 'tsd' | 'mio';
  decimals: number | undefined;
  registry: RegistryName | undefined;
  additive: boolean;
  shares: boolean;
  compare: [string, string] | undefined;
};

/** Column definitions a table can start from (`preset:` with `columns:` as a list of header texts). */
export const presets = {
  /** Planned entries per instrument with their function (5.1 …): Instrument | Eintritte | Funktion. */
  instruments: [{}, { key: 'entries', type: 'count' }, { key: 'function', type: 'text' }],
  /** Demand estimates of municipal services (§ 16a SGB II): Leistung | Erbracht von | Bedarfsschätzung. */
  demandEstimates: [{}, { key: 'provider', type: 'text' }, { key: 'estimate', type: 'count' }],
  /** Key figures by budget purpose: Zweckbestimmung | Eintritte | Ansatz Vorjahr | Vergleich (computed). */
  keyFigures: [
    {},
    { key: 'entries', type: 'count' },
    { key: 'previousPlan', type: 'count' },
    { key: 'change', type: 'change', compare: ['entries', 'previousPlan'] },
  ],
} as const satisfies Record<string, readonly Partial<z.input<typeof columnSchema>>[]>;
export type PresetName = keyof typeof presets;

/** A cell, read by its column's type. */
export type Cell =
  | { type: 'text'; text: string }
  | ({ type: NumberKind } & Quantity)
  | { type: 'reference'; ref: Ref }
  | { type: 'change'; printed: number | undefined };

export const rowKinds = ['data', 'group', 'ofWhich', 'breakdown', 'note'] as const;
export type RowKind = (typeof rowKinds)[number];

/** A row: "data"; "group" (a heading row whose numbers are the subtotal of the data rows below it);
 *  "ofWhich" ("darunter": a part of the row above, not added); "breakdown" ("davon": the rows
 *  below a row that add up to it); "note" (a text across the whole table). */
export type Row = {
  kind: RowKind;
  /** Printed before the label ("I.", "1.1"). */
  number: string | undefined;
  /** The first cell (for note rows: the note's text). */
  label: string;
  instrument: Ref | undefined;
  targetGroup: Ref | undefined;
  legalBasis: Ref | undefined;
  /**
   * The id of another table of the same year ("kennzahlen", or "kennzahlen/<chapter slug>" when
   * two chapters have a table of that id) whose row for the same instrument (or label) must show
   * the same number: `npm run check` compares them.
   */
  equals: string | undefined;
  cells: Record<string, Cell | undefined>;
};

export type Footnote = { mark: string; text: string };

export type Table = {
  id: string;
  caption: string;
  preset: PresetName | undefined;
  columns: Column[];
  rows: Row[];
  /** The printed sum row: cells declared there are checked against the rows. */
  total: Row | undefined;
  footnotes: Footnote[];
  /** false: the figures are data only (downloads, instrument pages): the print gives them in the text. */
  shown: boolean;
  /** false: no chart for this table. */
  chart: boolean;
  /** The table's total is a headline figure of the programme year (start page). */
  headline: boolean;
  /** Whether the programme's portfolio chart includes the table; default: see `inPortfolio`. */
  portfolio: boolean | undefined;
  review: boolean;
};

const footnoteSchema = z.strictObject({ mark: text, text });

/**
 * A column as written: its header text (with `preset`) or its definition. Read by the form it has,
 * so that a wrong definition is refused with what is wrong in it (not only "none of the forms").
 */
const columnEntry = z.unknown().transform((value, ctx): string | z.output<typeof columnSchema> => {
  const r = typeof value === 'string' ? text.safeParse(value) : columnSchema.safeParse(value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.issues.push({ code: 'custom', input: value, path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message });
  return z.NEVER;
});

const tableInput = z.strictObject({
  /** Id unique within the chapter; anchor, `<Tabelle id="…" />`, data downloads. */
  id: slug,
  caption: text,
  preset: z.enum(Object.keys(presets) as [PresetName, ...PresetName[]], { error: (i) => `erwartet eine Vorlage (${Object.keys(presets).join(', ')}), gefunden: ${JSON.stringify(i.input)}` }).optional(),
  /** Column definitions, or with `preset` just the header texts. */
  columns: z.array(columnEntry).min(1),
  rows: z.array(z.record(z.string(), z.unknown(), { error: (i) => `erwartet eine Zeile (Feld: Wert), gefunden: ${JSON.stringify(i.input)}` })).min(1, { error: 'erwartet mindestens eine Zeile' }),
  total: z.record(z.string(), z.unknown()).optional(),
  footnotes: z.array(footnoteSchema).default([]),
  shown: z.boolean().default(true),
  chart: z.boolean().default(true),
  headline: z.boolean().default(false),
  portfolio: z.boolean().optional(),
  /** Copied from last year by `npm run new-year`: figures still to be checked (`npm run check` warns). */
  review: z.boolean().default(false),
});

type Issue = { path: (string | number)[]; message: string };

function defaultAdditive(type: ColumnType, shares: boolean): boolean {
  return type === 'count' || type === 'euros' || (type === 'percent' && shares);
}

/** Resolves preset and defaults; reports column problems. */
function resolveColumns(input: z.output<typeof tableInput>, issues: Issue[]): Column[] {
  const preset = input.preset ? presets[input.preset] : undefined;
  if (preset && input.columns.length !== preset.length)
    issues.push({ path: ['columns'], message: `Vorlage „${input.preset}“ hat ${preset.length} Spalten, angegeben sind ${input.columns.length}` });
  const columns = input.columns.map((c, i): Column => {
    const written = typeof c === 'string' ? { header: c } : c;
    const base = { ...(preset?.[i] ?? {}), ...written } as z.output<typeof columnSchema>;
    if (typeof c === 'string' && !preset && i > 0)
      issues.push({ path: ['columns', i], message: `erwartet eine Spalte wie { key: entries, header: „${c}“, type: count } (nur mit „preset“ reicht der Text)` });
    const type: ColumnType = i === 0 ? 'label' : (base.type ?? 'text');
    if (i === 0 && base.type !== undefined && base.type !== 'label')
      issues.push({ path: ['columns', 0, 'type'], message: `die erste Spalte ist immer die Zeilenbeschriftung (Typ „label“), gefunden: „${base.type}“` });
    if (i > 0 && type === 'label') issues.push({ path: ['columns', i, 'type'], message: 'nur die erste Spalte hat den Typ „label“' });
    if (i > 0 && base.key === undefined) issues.push({ path: ['columns', i, 'key'], message: `Pflichtfeld „key“ fehlt (Spalte „${base.header}“)` });
    if (type === 'reference' && base.registry === undefined)
      issues.push({ path: ['columns', i, 'registry'], message: `eine Spalte vom Typ „reference“ braucht „registry“ (${registryNames.join(', ')})` });
    if (type === 'change' && base.compare === undefined)
      issues.push({ path: ['columns', i, 'compare'], message: 'eine Spalte vom Typ „change“ braucht „compare: [aktuell, vorher]“' });
    const shares = base.shares ?? false;
    return {
      key: i === 0 ? 'label' : (base.key ?? `spalte${i}`),
      header: base.header,
      type,
      unit: base.unit ?? 'euro',
      decimals: base.decimals,
      registry: base.registry,
      additive: base.additive ?? defaultAdditive(type, shares),
      shares,
      compare: base.compare as [string, string] | undefined,
    };
  });
  const keys = columns.map((c) => c.key);
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i) issues.push({ path: ['columns', i, 'key'], message: `Spaltenschlüssel „${k}“ kommt zweimal vor` });
  });
  columns.forEach((c, i) => {
    for (const k of c.compare ?? [])
      if (!columns.some((o) => o.key === k && isNumberType(o.type)))
        issues.push({ path: ['columns', i, 'compare'], message: `„compare“ nennt „${k}“; erwartet eine Zahlenspalte dieser Tabelle: ${columns.filter((o) => isNumberType(o.type)).map((o) => o.key).join(', ') || 'keine'}` });
  });
  return columns;
}

const refOf = (registry: RegistryName) => plainRef(registry);

/** The zod schema of one cell of a column. */
function cellSchema(column: Column): z.ZodType<Cell> {
  switch (column.type) {
    case 'label':
    case 'text':
      return z
        .union([text, z.number().transform(String)], { error: (i) => `erwartet einen Text, gefunden: ${JSON.stringify(i.input)}` })
        .transform((t): Cell => ({ type: 'text', text: t }));
    case 'reference':
      return refOf(column.registry ?? 'instruments').transform((ref): Cell => ({ type: 'reference', ref }));
    case 'change':
      return z
        .number({ error: (i) => `erwartet die gedruckte Veränderung in Prozent als ganze Zahl (z. B. -15), gefunden: ${JSON.stringify(i.input)}` })
        .transform((printed): Cell => ({ type: 'change', printed }));
    default: {
      const kind = column.type;
      return quantitySchema(kind, refOf('instruments'), column.decimals).transform((q): Cell => ({ type: kind, ...q }));
    }
  }
}

function readRow(raw: Record<string, unknown>, columns: Column[], path: (string | number)[], issues: Issue[], isTotal: boolean): Row {
  const kind = (raw.kind ?? 'data') as RowKind;
  if (!rowKinds.includes(kind)) issues.push({ path: [...path, 'kind'], message: `erwartet eine Zeilenart (${rowKinds.join(', ')}), gefunden: ${JSON.stringify(raw.kind)}` });
  const known = new Set<string>([...ROW_FIELDS, ...columns.map((c) => c.key)]);
  if (isTotal) known.add('label');
  const unknown = Object.keys(raw).filter((k) => !known.has(k));
  if (unknown.length > 0)
    issues.push({
      path,
      message: `unbekanntes Feld ${unknown.map((k) => `„${k}“`).join(', ')}; erlaubt sind ${[...ROW_FIELDS.filter((f) => f !== 'text'), ...columns.slice(1).map((c) => c.key)].join(', ')}`,
    });
  const label = raw.label ?? raw.text;
  const labelOk = typeof label === 'string' && label.trim() !== '';
  if (!labelOk && !isTotal) issues.push({ path: [...path, 'label'], message: `Pflichtfeld „label“ fehlt oder ist leer (die erste Zelle der Zeile)${label === undefined ? '' : `, gefunden: ${JSON.stringify(label)}`}` });
  const refs: Partial<Record<keyof typeof ROW_REFS, Ref>> = {};
  for (const [field, registry] of Object.entries(ROW_REFS) as [keyof typeof ROW_REFS, RegistryName][]) {
    if (raw[field] === undefined) continue;
    const r = refOf(registry).safeParse(raw[field]);
    if (r.success) refs[field] = r.data;
    else issues.push({ path: [...path, field], message: r.error.issues[0]!.message });
  }
  const cells: Record<string, Cell | undefined> = {};
  for (const column of columns.slice(1)) {
    const value = raw[column.key];
    if (value === undefined || value === null || value === '') continue;
    if (kind === 'note') {
      issues.push({ path: [...path, column.key], message: 'eine Hinweiszeile („kind: note“) hat nur „label“ (den Text), keine Zellen' });
      continue;
    }
    const r = cellSchema(column).safeParse(value);
    const hidden = r.success && r.data.type === 'euros' ? amountShownAsZero(r.data, column) : undefined;
    if (hidden) issues.push({ path: [...path, column.key], message: hidden });
    else if (r.success) cells[column.key] = r.data;
    else for (const issue of r.error.issues) issues.push({ path: [...path, column.key, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message });
  }
  return {
    kind,
    number: typeof raw.number === 'string' || typeof raw.number === 'number' ? String(raw.number) : undefined,
    label: labelOk ? (label as string).trim() : 'Summe',
    instrument: refs.instrument,
    targetGroup: refs.targetGroup,
    legalBasis: refs.legalBasis,
    equals: typeof raw.equals === 'string' ? raw.equals : undefined,
    cells,
  };
}

/**
 * An amount that the column's unit would print as zero ("0,00 Mio. €"): almost always a value
 * written in millions or thousands where euros are expected.
 */
export function amountShownAsZero(q: { min: number; max: number }, style: { unit?: 'euro' | 'tsd' | 'mio'; decimals?: number | undefined }): string | undefined {
  for (const v of [q.min, q.max]) {
    const shown = formatNumber('euros', v, style);
    if (v > 0 && !/[1-9]/.test(shown))
      return `erwartet den Betrag in Euro (z. B. 47560000 für 47,56 Mio. €), gefunden: ${v} – gedruckt würde „${shown}“`;
  }
  return undefined;
}

/** The number of a row that `equals` compares: its value in the table's first additive number column. */
function comparedValue(t: Table, row: Row): { column: Column; q: Quantity } | undefined {
  const column = t.columns.find((c) => isNumberType(c.type) && c.additive) ?? t.columns.find((c) => isNumberType(c.type));
  const q = column ? quantityOf(row, column.key) : undefined;
  return column && q ? { column, q } : undefined;
}

/**
 * Figures that must agree across the tables of one year: a row with `equals: <table id>` shows
 * the same number as the row for the same instrument (or with the same label) in that table.
 */
export function crossTableProblems(tables: readonly { chapter: string; index: number; table: Table }[]): (Issue & { chapter: string })[] {
  const problems: (Issue & { chapter: string })[] = [];
  for (const { chapter, index, table } of tables)
    table.rows.forEach((row, ri) => {
      if (!row.equals) return;
      const [id, slug] = row.equals.split('/');
      const path = ['tables', index, 'rows', ri, 'equals'];
      const candidates = tables.filter((o) => o.table.id === id && (slug === undefined || o.chapter === slug) && o.table !== table);
      if (candidates.length !== 1) {
        problems.push({
          chapter,
          path,
          message:
            candidates.length === 0
              ? `„equals: ${row.equals}“: erwartet die Kennung einer anderen Tabelle dieses Jahres, gefunden: keine Tabelle „${row.equals}“`
              : `„equals: ${row.equals}“: mehrere Tabellen heißen so (Kapitel ${candidates.map((c) => c.chapter).join(', ')}); erwartet „${id}/<Kapitel-slug>“`,
        });
        return;
      }
      const other = candidates[0]!;
      const match = other.table.rows.find((r) => (row.instrument ? r.instrument?.id === row.instrument.id : rowKey(r) === rowKey(row)));
      const mine = comparedValue(table, row);
      const theirs = match ? comparedValue(other.table, match) : undefined;
      if (!match || !mine || !theirs) {
        problems.push({ chapter, path, message: `„equals: ${row.equals}“: Tabelle „${other.table.id}“ hat keine Zeile ${row.instrument ? `für „${row.instrument.id}“` : `„${row.label}“`} mit einer Zahl` });
        return;
      }
      if (differs(mine.q, theirs.q))
        problems.push({
          chapter,
          path,
          message: `Zeile „${row.label}“: ${describe(mine.column, mine.q)} (${mine.column.header}), in Tabelle „${other.table.id}“ (${other.chapter}) aber ${describe(theirs.column, theirs.q)} (${theirs.column.header}); erwartet dieselbe Zahl`,
        });
    });
  return problems;
}

/** The quantity of a numeric cell, if the cell has one. */
export function quantityOf(row: Row, key: string): Quantity | undefined {
  const c = row.cells[key];
  return c && c.type !== 'text' && c.type !== 'reference' && c.type !== 'change' ? c : undefined;
}

export const textOf = (row: Row, key: string): string | undefined => {
  const c = row.cells[key];
  return c?.type === 'text' ? c.text : undefined;
};

/** The computed change of a "change" column for a row (whole percent; null without a base). */
export function changeOf(row: Row, column: Column): number | null | undefined {
  if (!column.compare) return undefined;
  const [a, b] = column.compare.map((k) => quantityOf(row, k));
  if (!a || !b || a.min !== a.max || b.min !== b.max) return undefined;
  return percentChange(a.max, b.max);
}

/** A row's own key for matching across years and in downloads: its reference, else its number and label. */
export function rowKey(row: Row): string {
  const ref = row.instrument ?? row.targetGroup ?? row.legalBasis;
  return ref ? ref.id : `${row.number ? `${row.number} ` : ''}${row.label}`;
}

/** The registry reference a row stands for (instrument first). */
export const rowRef = (row: Row): Ref | undefined => row.instrument ?? row.targetGroup ?? row.legalBasis;

/** Rows that count toward a total at the top level: the group rows when there are any, else the data rows. */
export function topLevelRows(table: Pick<Table, 'rows'>): Row[] {
  const groups = table.rows.filter((r) => r.kind === 'group');
  return groups.length > 0 ? groups : table.rows.filter((r) => r.kind === 'data');
}

/** The data rows of each group (the rows after a group row up to the next one). */
export function groupMembers(table: Pick<Table, 'rows'>): { group: Row; index: number; members: { row: Row; index: number }[] }[] {
  const result: { group: Row; index: number; members: { row: Row; index: number }[] }[] = [];
  table.rows.forEach((row, index) => {
    if (row.kind === 'group') result.push({ group: row, index, members: [] });
    else if (row.kind === 'data') result.at(-1)?.members.push({ row, index });
  });
  return result;
}

/** The parent of each "ofWhich"/"breakdown" row: the nearest data or group row above it. */
export function partsOf(table: Pick<Table, 'rows'>): { parent: Row; parentIndex: number; parts: { row: Row; index: number }[] }[] {
  const result: { parent: Row; parentIndex: number; parts: { row: Row; index: number }[] }[] = [];
  let current: { parent: Row; parentIndex: number; parts: { row: Row; index: number }[] } | undefined;
  table.rows.forEach((row, index) => {
    if (row.kind === 'data' || row.kind === 'group') {
      current = { parent: row, parentIndex: index, parts: [] };
      result.push(current);
    } else if (row.kind === 'ofWhich' || row.kind === 'breakdown') current?.parts.push({ row, index });
  });
  return result.filter((r) => r.parts.length > 0);
}

/**
 * The table's count column that the portfolio draws, if the table belongs in it: by default
 * a shown table of instrument rows with a count column, without groups or a change column
 * (a summary of other tables) and not made only of ranges (estimates, not plans).
 * `portfolio: true/false` in the data overrides the default.
 */
export function portfolioColumn(t: Table): Column | undefined {
  const column = t.columns.find((c) => c.type === 'count' && c.additive);
  if (!column || t.portfolio === false) return undefined;
  if (t.portfolio === true) return column;
  const data = t.rows.filter((r) => r.kind === 'data');
  const values = data.map((r) => quantityOf(r, column.key)).filter((q): q is Quantity => q !== undefined);
  const fits =
    t.shown &&
    data.length > 0 &&
    data.every((r) => r.instrument !== undefined) &&
    !t.rows.some((r) => r.kind === 'group') &&
    !t.columns.some((c) => c.type === 'change') &&
    values.some((q) => q.min === q.max);
  return fits ? column : undefined;
}

/** Adds the quantities of a column (rows "included in" another row do not add). */
export function columnSum(rows: readonly Row[], key: string): { min: number; max: number } | undefined {
  const values = rows.map((r) => quantityOf(r, key)).filter((q): q is Quantity => q !== undefined && q.includedIn === undefined);
  return values.length > 0 ? sumQuantities(values) : undefined;
}

/** The sum a table's total row shows or would show for a column. */
export function computedTotal(table: Pick<Table, 'rows'>, key: string) {
  return columnSum(topLevelRows(table), key);
}

/** "3.162" or "655 bis 660", in the column's format, for messages. */
function describe(column: Column, r: { min: number; max: number }): string {
  const f = (n: number) => formatNumber(column.type as NumberKind, n, column);
  return r.min === r.max ? f(r.min) : `${f(r.min)} bis ${f(r.max)}`;
}

const EPSILON = 1e-9;
const differs = (a: { min: number; max: number }, b: { min: number; max: number }) => Math.abs(a.min - b.min) > EPSILON || Math.abs(a.max - b.max) > EPSILON;

/**
 * Checks inside one table: declared totals and group subtotals equal the sums of their rows,
 * "davon" rows add up to their row, "darunter" rows are not larger than their row, shares add
 * up to 100, printed changes equal the computed ones, "includedIn" points at another row,
 * footnote marks are explained, references are not repeated.
 */
export function tableProblems(t: Table): Issue[] {
  const problems: Issue[] = [];
  const name = `Tabelle „${t.id}“`;
  const numeric = t.columns.filter((c) => isNumberType(c.type));
  const additive = numeric.filter((c) => c.additive);
  const instrumentIds = t.rows.map((r) => r.instrument?.id);
  instrumentIds.forEach((id, i) => {
    if (id !== undefined && instrumentIds.indexOf(id) !== i && t.rows[i]!.kind === 'data')
      problems.push({ path: ['rows', i, 'instrument'], message: `${name}: Instrument „${id}“ steht zweimal in der Tabelle` });
  });
  t.rows.forEach((row, i) => {
    for (const c of numeric) {
      const q = quantityOf(row, c.key);
      if (!q) continue;
      if (q.includedIn !== undefined && (!instrumentIds.includes(q.includedIn.id) || q.includedIn.id === row.instrument?.id))
        problems.push({
          path: ['rows', i, c.key, 'includedIn'],
          message: `${name}: „includedIn: ${q.includedIn.id}“ muss auf eine andere Zeile derselben Tabelle zeigen; Zeilen: ${instrumentIds.filter(Boolean).join(', ')}`,
        });
      if (q.footnote !== undefined && !t.footnotes.some((f) => f.mark === q.footnote))
        problems.push({ path: ['rows', i, c.key], message: `${name}: Fußnotenzeichen „${q.footnote}“ ohne Fußnotentext unter „footnotes“` });
    }
    for (const c of t.columns.filter((col) => col.type === 'change')) {
      const cell = row.cells[c.key];
      if (cell?.type !== 'change' || cell.printed === undefined) continue;
      const computed = changeOf(row, c);
      if (computed !== cell.printed)
        problems.push({
          path: ['rows', i, c.key],
          message: `${name}, Zeile „${row.label}“, Spalte „${c.header}“: gedruckt ${formatPercent(cell.printed)}, berechnet ${computed === null || computed === undefined ? 'nicht berechenbar (Grundwert 0 oder fehlend)' : formatPercent(computed)}`,
        });
    }
  });
  for (const c of additive) {
    const declared = t.total ? quantityOf(t.total, c.key) : undefined;
    const computed = computedTotal(t, c.key);
    if (declared && computed && differs(declared, computed))
      problems.push({ path: ['total', c.key], message: `${name}, Spalte „${c.header}“: Summe angegeben ${describe(c, declared)}, aus den Zeilen berechnet ${describe(c, computed)}` });
    for (const { group, index, members } of groupMembers(t)) {
      const value = quantityOf(group, c.key);
      const sum = columnSum(members.map((m) => m.row), c.key);
      if (value && sum && differs(value, sum))
        problems.push({ path: ['rows', index, c.key], message: `${name}, Gruppe „${group.number ? `${group.number} ` : ''}${group.label}“, Spalte „${c.header}“: angegeben ${describe(c, value)}, aus den Zeilen der Gruppe berechnet ${describe(c, sum)}` });
    }
    for (const { parent, parts } of partsOf(t)) {
      const whole = quantityOf(parent, c.key);
      if (!whole) continue;
      const breakdown = parts.filter((p) => p.row.kind === 'breakdown');
      const sum = columnSum(breakdown.map((p) => p.row), c.key);
      if (sum && differs(whole, sum))
        problems.push({ path: ['rows', breakdown[0]!.index, c.key], message: `${name}, „davon“-Zeilen von „${parent.label}“, Spalte „${c.header}“: zusammen ${describe(c, sum)}, die Zeile darüber hat ${describe(c, whole)}` });
      for (const p of parts.filter((q) => q.row.kind === 'ofWhich')) {
        const part = quantityOf(p.row, c.key);
        if (part && part.max > whole.max + EPSILON)
          problems.push({ path: ['rows', p.index, c.key], message: `${name}: „darunter“-Zeile „${p.row.label}“ ist größer als „${parent.label}“ (Spalte „${c.header}“: ${describe(c, part)} gegenüber ${describe(c, whole)})` });
      }
    }
  }
  for (const c of numeric.filter((col) => col.shares)) {
    const sum = columnSum(t.rows.filter((r) => r.kind === 'data'), c.key);
    if (sum && (Math.abs(sum.min - 100) > 1e-6 || Math.abs(sum.max - 100) > 1e-6))
      problems.push({ path: ['columns', t.columns.indexOf(c), 'shares'], message: `${name}, Spalte „${c.header}“: Anteile ergeben zusammen ${describe(c, sum)}, erwartet 100 %` });
  }
  const ofWhichFirst = t.rows.findIndex((r, i) => (r.kind === 'ofWhich' || r.kind === 'breakdown') && !t.rows.slice(0, i).some((o) => o.kind === 'data' || o.kind === 'group'));
  if (ofWhichFirst >= 0) problems.push({ path: ['rows', ofWhichFirst, 'kind'], message: `${name}: „darunter“/„davon“-Zeile „${t.rows[ofWhichFirst]!.label}“ steht vor jeder Zeile, zu der sie gehören kann` });
  return problems;
}

/** The table schema: reads columns, then each row by its columns; every problem has its path. */
export const tableSchema = tableInput.transform((input, ctx): Table => {
  const issues: Issue[] = [];
  const columns = resolveColumns(input, issues);
  const rows = input.rows.map((raw, i) => readRow(raw, columns, ['rows', i], issues, false));
  const total = input.total ? readRow(input.total, columns, ['total'], issues, true) : undefined;
  const table: Table = {
    id: input.id,
    caption: input.caption,
    preset: input.preset,
    columns,
    rows,
    total,
    footnotes: input.footnotes,
    shown: input.shown,
    chart: input.chart,
    headline: input.headline,
    portfolio: input.portfolio,
    review: input.review,
  };
  if (issues.length === 0) issues.push(...tableProblems(table));
  for (const issue of issues) ctx.issues.push({ code: 'custom', input, path: issue.path, message: issue.message });
  return table;
});
