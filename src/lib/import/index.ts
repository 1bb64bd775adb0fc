/**
 * `npm run import -- <year> <file.csv> …`: reads tables edited in a spreadsheet back into the
 * data files. Any chapter table (src/lib/schemas/table.ts) can be read back; its CSV columns are
 * the export's (src/lib/export, `tableLayout`). Only figures are read: every number column
 * (single numbers, ranges von/bis and their modifiers); texts stay in the data files and are
 * only compared; computed columns ("Vergleich") are never read. Every problem of every file is
 * collected; if there is one, nothing is written. After the edits the whole table is checked
 * again (`tableProblems`: totals, subtotals, shares, printed changes). The edits are spliced
 * into the files, so that a file whose figures did not change stays byte for byte the same.
 */
import { isMap, isScalar, type Node } from 'yaml';
import { type NumberKind, numberOf, type Quantity, type RangeNotation } from '../schemas/entries.ts';
import { type Cell, type Column, type Row, type Table, amountShownAsZero, changeOf, quantityOf, tableProblems } from '../schemas/table.ts';
import type { Programme } from '../schemas/programme.ts';
import { formatNumber, formatQuantity } from '../format.ts';
import {
  chapterDataTable,
  chapterTableFile,
  type DataTable,
  type ExportColumn,
  exportCell,
  ID_COLUMN,
  KIND_NAMES,
  MODIFIERS,
  tableLayout,
  TOTAL_KIND,
  unmarkText,
  YES,
} from '../export/index.ts';
import { type CheckResult, closest, yearData } from '../check/index.ts';
import { nodeAt, type ParsedFile, type PathSegment } from '../check/source.ts';
import { CsvError, type CsvRecord, readCsv } from './csv.ts';
import { applyEdits, type Edit } from './yaml-edit.ts';

export type CsvInput = { name: string; bytes: Uint8Array };

export type ImportPlan = {
  /** New texts of the data files that change (content paths). */
  files: { path: string; text: string }[];
  /** One line per changed figure. */
  changes: string[];
  /** Things that were not imported (changed texts, computed columns). */
  notes: string[];
};

export class ImportError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

const at = (name: string, line: number, field: string, message: string) => `${name}:${line}  ${field}  ${message}`;
const atCtx = (ctx: Pick<Ctx, 'where'>, line: number, field: string, message: string) => `${ctx.where(line)}  ${field}  ${message}`;

/** What a number cell of each column type must hold, said the way a spreadsheet shows it. */
export function expectedNumber(kind: NumberKind, decimals?: number): string {
  switch (kind) {
    case 'count':
      return 'erwartet eine ganze Zahl ≥ 0 ohne Nachkommastellen (z. B. 1800)';
    case 'year':
      return 'erwartet eine Jahreszahl von 1900 bis 2100 (z. B. 2021)';
    case 'euros':
      return 'erwartet einen Betrag ≥ 0 in Euro mit höchstens zwei Nachkommastellen nach dem Komma, ohne „€“ (z. B. 1234,56)';
    case 'percent':
      return `erwartet eine Prozentzahl ohne „%“${decimals === undefined ? '' : ` mit höchstens ${decimals} Nachkommastellen`}, Nachkommastellen nach einem Komma (z. B. 12,5)`;
    case 'decimal':
      return `erwartet eine Zahl${decimals === undefined ? '' : ` mit höchstens ${decimals} Nachkommastellen`}, Nachkommastellen nach einem Komma (z. B. 3,25)`;
  }
}

/** "1800", "1.800" (German thousands), "1234,56", "-15" → the number; anything else is refused. */
export function parseNumber(cell: string, kind: NumberKind, decimals?: number): number | string {
  const s = cell.trim();
  const expected = expectedNumber(kind, decimals);
  if (s === '') return `${expected}, gefunden: eine leere Zelle`;
  if (!/^-?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$/.test(s)) return `${expected}, gefunden: „${s}“`;
  const n = Number(s.replace(/\./g, '').replace(',', '.'));
  return numberOf(kind, decimals).safeParse(n).success ? n : `${expected}, gefunden: „${s}“`;
}

type Ctx = {
  name: string;
  /** Where a line (CSV line, worksheet row) is, for messages: "x.csv:3". */
  where: (line: number) => string;
  /** How a column is named in messages: "Spalte „Seit“" (CSV), "Spalte E „Seit“" (workbook). */
  column: (index: number, header: string) => string;
  /** Whether a change that creates or removes a range may be applied (`--ranges`). */
  ranges: boolean;
  /** The line of the header row ("Zeile fehlt" points there). */
  headerLine: number;
  /** Cells ("<line>:<column index>") the reader already refused (a workbook's formula without result …). */
  refused?: ReadonlySet<string>;
  problems: string[];
  notes: string[];
  changes: string[];
  instruments: ReadonlySet<string>;
};

const sameQuantity = (a: Quantity | undefined, b: Quantity | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.min === b.min &&
    a.max === b.max &&
    (a.min === a.max || a.notation === b.notation) &&
    a.includedIn?.id === b.includedIn?.id &&
    a.footnote === b.footnote &&
    a.qualifier === b.qualifier &&
    a.approximate === b.approximate);

/** "Einzelwert wird Bereich", "Bereich wird Einzelwert", "neuer Bereich", or nothing: changes that need `--ranges`. */
export function rangeChange(old: Quantity | undefined, q: Quantity): string | undefined {
  const isRange = (x: Quantity) => x.min !== x.max;
  if (!old) return isRange(q) ? 'neuer Bereich' : undefined;
  if (!isRange(old) && isRange(q)) return 'Einzelwert wird Bereich';
  if (isRange(old) && !isRange(q)) return 'Bereich wird Einzelwert';
  return undefined;
}

/** A quantity the way planners write it: a plain number where possible (content-format.md). */
export function writtenQuantity(e: Quantity, old?: unknown): unknown {
  const mods = {
    includedIn: e.includedIn?.id,
    footnote: e.footnote,
    qualifier: e.qualifier,
    approximate: e.approximate ? true : undefined,
  };
  const hasMods = Object.values(mods).some((v) => v !== undefined);
  if (e.min === e.max && !hasMods) return e.min;
  const keepBis = old !== null && typeof old === 'object' && (old as { notation?: unknown }).notation === 'bis';
  const base = e.min === e.max ? { value: e.min } : { min: e.min, max: e.max, notation: e.notation !== 'bis' || keepBis ? e.notation : undefined };
  return Object.fromEntries(Object.entries({ ...base, ...mods }).filter(([, v]) => v !== undefined));
}

/**
 * Edits that turn the value at `path` into `value`: single values of a map that keeps its keys
 * are replaced one by one (the rest of a `{ value: 60, footnote: "*" }` stays as written).
 */
function valueEdits(file: ParsedFile, path: PathSegment[], value: unknown): Edit[] {
  const { node } = nodeAt(file.doc, path);
  const old = (node as Node | null)?.toJSON?.() ?? (isScalar(node) ? node.value : undefined);
  if (isMap(node) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const oldKeys = Object.keys(old as object).sort().join();
    const newKeys = Object.keys(value).sort().join();
    if (oldKeys === newKeys)
      return Object.entries(value as Record<string, unknown>)
        .filter(([k, v]) => (old as Record<string, unknown>)[k] !== v)
        .map(([k, v]) => ({ kind: 'set', path: [...path, k], value: v }));
  }
  return [{ kind: 'set', path, value }];
}

/** The row keys of a table: its reference, else kind, number and label; repeated keys are numbered. */
function keysOf(cells: { kind: string; number: string; label: string; ref: string }[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c) => {
    const base = c.kind === TOTAL_KIND ? TOTAL_KIND : c.ref !== '' ? `ref:${c.ref}` : `${c.kind}|${c.number}|${c.label}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** How a row is named in messages: its id, else its number and label. */
const rowName = (c: { kind: string; number: string; label: string; ref: string }) =>
  c.kind === TOTAL_KIND ? TOTAL_KIND : c.ref !== '' ? c.ref : `${c.number ? `${c.number} ` : ''}${c.label}`;

const describe = (column: Column, q: Quantity | undefined) => (q ? formatQuantity(column.type as NumberKind, q, column).replace(/\u00a0/g, ' ') : '(leer)');

type Target = { row: Row; index: number | 'total'; record: CsvRecord; name: string };

/** Reads the number cells of one column of one CSV row; undefined = empty; null = a problem was reported. */
function readQuantity(ctx: Ctx, record: CsvRecord, layout: ExportColumn[], column: Column, isNote: boolean): Quantity | undefined | null {
  const kind = column.type as NumberKind;
  const idx = layout.map((e, i) => ('column' in e && e.column.key === column.key ? i : -1)).filter((i) => i >= 0);
  const cell = (i: number) => unmarkText(record.cells[i]!.trim()).trim();
  const fail = (i: number, message: string) => {
    ctx.problems.push(atCtx(ctx, record.line, ctx.column(i, layout[i]!.header), message));
    return null;
  };
  if (idx.some((i) => ctx.refused?.has(`${record.line}:${i}`))) return null;
  if (idx.every((i) => cell(i) === '')) return undefined;
  if (isNote) return fail(idx.find((i) => cell(i) !== '')!, `erwartet eine leere Zelle (eine Hinweiszeile hat keine Zahlen), gefunden: „${cell(idx.find((i) => cell(i) !== '')!)}“`);
  const single = idx.find((i) => layout[i]!.role === 'value');
  if (single !== undefined) {
    // One column: a number, or a range written "80 bis 170".
    const range = /^(.+?)\s+bis\s+(.+)$/.exec(cell(single));
    const [a, b] = range ? [parseNumber(range[1]!, kind, column.decimals), parseNumber(range[2]!, kind, column.decimals)] : [parseNumber(cell(single), kind, column.decimals), undefined];
    if (typeof a === 'string') return fail(single, range ? `„von“ in „${cell(single)}“: ${a}` : a);
    if (typeof b === 'string') return fail(single, `„bis“ in „${cell(single)}“: ${b}`);
    if (b !== undefined && a > b) return fail(single, `erwartet „von bis bis“ mit von ≤ bis, gefunden: „${cell(single)}“`);
    return { min: a, max: b ?? a, notation: 'bis', approximate: false };
  }
  const of = (role: string, modifier?: string) => idx.find((i) => layout[i]!.role === role && (modifier === undefined || (layout[i] as { modifier?: string }).modifier === modifier));
  const iMin = of('min')!;
  const iMax = of('max')!;
  let ok = true;
  const problem = (i: number, message: string) => {
    fail(i, message);
    ok = false;
  };
  const min = parseNumber(cell(iMin), kind, column.decimals);
  if (typeof min === 'string') problem(iMin, min);
  // An empty "bis" means a single number.
  const max = cell(iMax) === '' && typeof min === 'number' ? min : parseNumber(cell(iMax), kind, column.decimals);
  if (typeof max === 'string') problem(iMax, max);
  if (typeof min === 'number' && typeof max === 'number' && min > max) problem(iMax, `erwartet einen Wert ≥ ${cell(iMin)} (von), gefunden: ${cell(iMax)}`);
  const mod = (m: keyof typeof MODIFIERS) => {
    const i = of('modifier', m);
    return { i, value: i === undefined ? '' : cell(i) };
  };
  const notation = mod('notation');
  if (notation.value !== '' && !['bis', 'klammer', 'strich'].includes(notation.value)) problem(notation.i!, `erwartet „bis“, „klammer“, „strich“ oder nichts, gefunden: „${notation.value}“`);
  else if (notation.value !== '' && min === max) problem(notation.i!, `erwartet nichts (die Schreibweise gilt nur für Bereiche von … bis), gefunden: „${notation.value}“`);
  const approx = mod('approximate');
  if (!['', YES, 'nein'].includes(approx.value.toLowerCase())) problem(approx.i!, `erwartet „${YES}“ oder nichts, gefunden: „${approx.value}“`);
  const included = mod('includedIn');
  if (included.value !== '' && !ctx.instruments.has(included.value)) {
    const guess = closest(included.value, ctx.instruments);
    problem(included.i!, `unbekanntes Instrument „${included.value}“: erwartet eine Instrument-ID aus instruments.yaml${guess ? `, meinten Sie „${guess}“?` : ''}`);
  }
  if (!ok || typeof min !== 'number' || typeof max !== 'number') return null;
  return {
    min,
    max,
    notation: (min === max ? 'bis' : notation.value || 'bis') as RangeNotation,
    includedIn: included.value ? { id: included.value, collection: 'instruments' } : undefined,
    footnote: mod('footnote').value || undefined,
    qualifier: mod('qualifier').value || undefined,
    approximate: approx.value.toLowerCase() === YES,
  };
}

function importTable(ctx: Ctx, data: DataTable, records: CsvRecord[], file: ParsedFile, ti: number, t: Table, edits: Edit[]) {
  const display = file.file.path;
  const layout = tableLayout(t);
  const pick = (role: string, cells: readonly (string | number)[]) => {
    const i = layout.findIndex((e) => e.role === role);
    return i === -1 ? '' : String(cells[i]);
  };
  const ident = (cells: readonly (string | number)[], fallbackKind: string) => ({
    kind: layout.some((e) => e.role === 'kind') ? pick('kind', cells) : fallbackKind,
    number: pick('number', cells),
    label: pick('label', cells),
    ref: pick('ref', cells),
  });
  const dataRows: { row: Row; index: number | 'total' }[] = [...t.rows.map((row, index) => ({ row, index: index as number | 'total' })), ...(t.total ? [{ row: t.total, index: 'total' as const }] : [])];
  const expectedIds = dataRows.map((r) => ident(layout.map((e) => exportCell(r.row, e, r.index === 'total')), KIND_NAMES.data));
  const expectedKeys = keysOf(expectedIds);
  const recordIds = records.map((r) => ident(r.cells.map((c) => unmarkText(c.trim()).trim()), KIND_NAMES.data));
  const recordKeys = keysOf(recordIds);

  // Rows by key: unknown, doubled and missing rows are problems.
  const targets: Target[] = [];
  const matched = new Map<string, CsvRecord>();
  records.forEach((record, i) => {
    const key = recordKeys[i]!;
    const id = recordIds[i]!;
    const k = expectedKeys.indexOf(key);
    const first = key.includes('#') ? matched.get(key.replace(/#\d+$/, '')) : undefined;
    if (k === -1 && first) ctx.problems.push(atCtx(ctx, record.line, `„${rowName(id)}“`, `Zeile doppelt (schon in Zeile ${first.line})`));
    else if (k === -1) {
      const name = rowName(id);
      let message = `unbekannte Zeile „${name}“: erwartet eine Zeile dieser Tabelle (Zeilen hinzufügen, löschen oder umbenennen nur in ${display})`;
      if (id.ref !== '' && !ctx.instruments.has(id.ref) && layout.find((e) => e.role === 'ref')?.header === ID_COLUMN) {
        const guess = closest(id.ref, ctx.instruments);
        message = `unbekanntes Instrument „${id.ref}“: erwartet eine Instrument-ID aus instruments.yaml${guess ? `, meinten Sie „${guess}“?` : ''}`;
      }
      ctx.problems.push(atCtx(ctx, record.line, `„${name}“`, message));
    } else if (matched.has(key)) ctx.problems.push(atCtx(ctx, record.line, `„${rowName(id)}“`, `Zeile doppelt (schon in Zeile ${matched.get(key)!.line})`));
    else {
      matched.set(key, record);
      targets.push({ ...dataRows[k]!, record, name: rowName(expectedIds[k]!) });
    }
  });
  expectedKeys.forEach((key, k) => {
    if (!matched.has(key))
      ctx.problems.push(atCtx(ctx, ctx.headerLine, `„${rowName(expectedIds[k]!)}“`, `Zeile fehlt: erwartet eine Zeile für „${rowName(expectedIds[k]!)}“ (Zeilen hinzufügen oder löschen nur in ${display})`));
  });

  // Texts are compared (not read); numbers are read; computed columns are compared with the new numbers.
  const numberColumns = t.columns.filter((c) => layout.some((e) => 'column' in e && e.column === c && (e.role === 'value' || e.role === 'min')));
  const next = new Map<Target, Record<string, Quantity | undefined>>();
  let readOk = true;
  for (const target of targets) {
    const { row, record } = target;
    const isTotal = target.index === 'total';
    layout.forEach((e, i) => {
      if (e.role !== 'label' && e.role !== 'text' && e.role !== 'ref' && e.role !== 'number' && e.role !== 'kind') return;
      const found = unmarkText(record.cells[i]!.trim()).trim();
      const expected = String(exportCell(row, e, isTotal)).trim();
      if (found !== expected)
        ctx.notes.push(atCtx(ctx, record.line, ctx.column(i, e.header), `Text geändert, wird nicht eingelesen (Texte in ${display} ändern): „${found}“`));
    });
    const values: Record<string, Quantity | undefined> = {};
    for (const c of numberColumns) {
      const q = readQuantity(ctx, record, layout, c, row.kind === 'note');
      if (q === null) {
        readOk = false;
        continue;
      }
      const old = quantityOf(row, c.key);
      if (old && !q) {
        const i = layout.findIndex((e) => 'column' in e && e.column === c);
        ctx.problems.push(atCtx(ctx, record.line, ctx.column(i, layout[i]!.header), `${expectedNumber(c.type as NumberKind, c.decimals)}, gefunden: eine leere Zelle (Zahlen löschen nur in ${display})`));
        readOk = false;
        continue;
      }
      values[c.key] = q;
    }
    next.set(target, values);
  }
  if (!readOk || targets.length !== dataRows.length || ctx.problems.length > 0) return;

  // The table with the new numbers, checked as a whole; problems are reported at their CSV line.
  const withValues = (row: Row, values: Record<string, Quantity | undefined>): Row => {
    const cells: Record<string, Cell | undefined> = { ...row.cells };
    for (const c of numberColumns) {
      const q = values[c.key];
      cells[c.key] = q ? ({ type: c.type as NumberKind, ...q } as Cell) : undefined;
    }
    return { ...row, cells };
  };
  const byIndex = new Map(targets.map((x) => [x.index, x]));
  const newTable: Table = {
    ...t,
    rows: t.rows.map((r, i) => withValues(r, next.get(byIndex.get(i)!)!)),
    total: t.total ? withValues(t.total, next.get(byIndex.get('total')!)!) : undefined,
  };
  for (const p of tableProblems(newTable)) {
    const target = p.path[0] === 'total' ? byIndex.get('total') : p.path[0] === 'rows' ? byIndex.get(p.path[1] as number) : undefined;
    ctx.problems.push(atCtx(ctx, target?.record.line ?? ctx.headerLine, `„${target?.name ?? t.id}“`, p.message));
  }
  if (ctx.problems.length > 0) return;

  for (const target of targets) {
    const newRow = target.index === 'total' ? newTable.total! : newTable.rows[target.index]!;
    // Computed columns: never read back; a different value in the file is a note.
    layout.forEach((e, i) => {
      if (e.role !== 'change') return;
      const found = target.record.cells[i]!.trim();
      const computed = changeOf(newRow, e.column);
      const expected = computed === null || computed === undefined ? '' : String(computed);
      if (found !== expected)
        ctx.notes.push(atCtx(ctx, target.record.line, ctx.column(i, e.header), `wird berechnet, nicht eingelesen (aus den Zahlen der Zeile: ${expected === '' ? 'nicht berechenbar' : `${expected} %`})`));
    });
    const rowPath: PathSegment[] = ['tables', ti, target.index === 'total' ? 'total' : 'rows', ...(target.index === 'total' ? [] : [target.index])];
    for (const c of numberColumns) {
      const old = quantityOf(target.row, c.key);
      const q = next.get(target)![c.key];
      if (sameQuantity(old, q) || !q) continue;
      const path = [...rowPath, c.key];
      const { complete } = nodeAt(file.doc, path);
      if (complete) edits.push(...valueEdits(file, path, writtenQuantity(q, nodeAt(file.doc, path).node?.toJSON())));
      else edits.push({ kind: 'insert', path: rowPath, key: c.key, value: writtenQuantity(q) });
      const shape = rangeChange(old, q);
      if (shape && !ctx.ranges) {
        const i = layout.findIndex((e) => 'column' in e && e.column === c && (e.role === 'value' || e.role === 'min'));
        ctx.problems.push(
          atCtx(ctx, target.record.line, ctx.column(i, layout[i]!.header), `${shape}: ${describe(c, old)} → ${describe(c, q)}; ein Bereich entsteht oder entfällt nur mit --ranges (gewollt? dann mit --ranges einlesen; sonst ${layout[i]!.role === 'min' ? 'in „von“ und „bis“ dieselbe Zahl' : 'eine einzelne Zahl'} eintragen)`),
        );
        continue;
      }
      ctx.changes.push(`${display}  ${data.file}  ${target.name}, ${c.header}: ${describe(c, old)} → ${describe(c, q)}${shape ? ` (${shape})` : ''}`);
    }
  }
}

/** One table read from a CSV file or a worksheet, with how messages name its places. */
export type TableSource = {
  /** The table's base name (the CSV file name without ".csv"). */
  table: string;
  records: CsvRecord[];
} & Pick<Ctx, 'name' | 'where' | 'column' | 'headerLine' | 'refused'>;

/** Programme-level figures read from a workbook: the cell of the integration budget. */
export type ProgrammeSource = {
  where: (line: number) => string;
  budget: { line: number; field: string; value: string; approximate: { field: string; value: string } };
};

export type ImportOptions = { ranges?: boolean };

export type YearTables = Map<string, { chapter: CheckResult['years'][number]['chapters'][number]; ti: number; data: DataTable }>;

/** The tables of a year by base name. */
export function yearTables(content: CheckResult, year: number): YearTables {
  const data = yearData(content, year);
  const y = content.years.find((x) => x.year === year)!;
  const tables: YearTables = new Map();
  for (const chapter of y.chapters)
    chapter.data.tables.forEach((t, ti) => tables.set(chapterTableFile(year, chapter.data, t.id), { chapter, ti, data: chapterDataTable(data.programme, chapter.data, t) }));
  return tables;
}

/** The expected columns of every table of a year, by base name (for the readers of CSV files and workbooks). */
export function expectedColumns(content: CheckResult, year: number): Map<string, readonly string[]> {
  return new Map([...yearTables(content, year)].map(([k, v]) => [k, v.data.columns]));
}

/**
 * Plans the import of CSV files into the data of `year`: reads and checks every file, and
 * returns the new texts of the data files. Throws ImportError with all problems at once.
 */
export function planImport(content: CheckResult, year: number, inputs: readonly CsvInput[], options: ImportOptions = {}): ImportPlan {
  const tables = yearTables(content, year);
  const problems: string[] = [];
  const sources: TableSource[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const name = input.name.split(/[\\/]/).pop()!;
    const base = name.replace(/\.csv$/i, '');
    const target = tables.get(base);
    if (!target) {
      const guess = closest(base, tables.keys());
      problems.push(
        at(name, 1, '(Dateiname)', `unbekannte Tabelle „${base}“: erwartet den Namen einer exportierten Datei des Jahres ${year}${guess ? `, meinten Sie „${guess}.csv“?` : ` (${[...tables.keys()].map((t) => `${t}.csv`).join(', ')})`}`),
      );
      continue;
    }
    if (seen.has(base)) {
      problems.push(at(name, 1, '(Dateiname)', 'dieselbe Tabelle wurde zweimal angegeben'));
      continue;
    }
    seen.add(base);
    try {
      const records = readCsv(input.bytes, target.data.columns);
      sources.push({ table: base, records, name, where: (line) => `${name}:${line}`, column: (_i, header) => `Spalte „${header}“`, headerLine: 1 });
    } catch (error) {
      if (error instanceof CsvError) problems.push(at(name, error.line, '(Datei)', error.message));
      else throw error;
    }
  }
  return planTables(content, year, sources, undefined, options, problems);
}

/**
 * Plans the import of tables already read (from CSV files or worksheets) and of the programme's
 * figures; `problems` are those found while reading. Throws ImportError with all problems.
 */
export function planTables(content: CheckResult, year: number, sources: readonly TableSource[], programme: ProgrammeSource | undefined, options: ImportOptions = {}, problems: string[] = []): ImportPlan {
  const tables = yearTables(content, year);
  const notes: string[] = [];
  const changes: string[] = [];
  const editsByFile = new Map<string, { file: ParsedFile; edits: Edit[] }>();
  const editsFor = (file: ParsedFile) => {
    if (!editsByFile.has(file.file.path)) editsByFile.set(file.file.path, { file, edits: [] });
    return editsByFile.get(file.file.path)!.edits;
  };
  for (const source of sources) {
    const target = tables.get(source.table)!;
    // Problems of this table only decide whether it is checked as a whole.
    const own: string[] = [];
    const ctx: Ctx = { ...source, ranges: options.ranges ?? false, problems: own, notes, changes, instruments: new Set(content.instruments.keys()) };
    const { chapter, ti } = target;
    importTable(ctx, target.data, source.records, chapter.file, ti, chapter.data.tables[ti]!, editsFor(chapter.file));
    problems.push(...own);
  }
  if (programme) {
    const p = content.years.find((x) => x.year === year)!.programme!;
    importProgramme(programme, p.file, p.data, problems, changes, editsFor(p.file));
  }
  if (problems.length > 0) throw new ImportError(problems);
  const files = [...editsByFile.values()]
    .filter((f) => f.edits.length > 0)
    .map((f) => ({ path: f.file.file.path, text: applyEdits(f.file, f.edits) }));
  return { files, changes, notes };
}

/** The integration budget from the workbook's programme sheet into programme.yaml. */
function importProgramme(source: ProgrammeSource, file: ParsedFile, programme: Programme, problems: string[], changes: string[], edits: Edit[]) {
  const { budget } = source;
  const display = file.file.path;
  const old = programme.integrationBudget;
  const fail = (field: string, message: string) => problems.push(`${source.where(budget.line)}  ${field}  ${message}`);
  const approxText = budget.approximate.value.trim().toLowerCase();
  if (!['', YES, 'nein'].includes(approxText)) return fail(budget.approximate.field, `erwartet „${YES}“ oder nichts, gefunden: „${budget.approximate.value}“`);
  const approximate = approxText === YES;
  if (budget.value.trim() === '') {
    if (old) fail(budget.field, `${expectedNumber('euros')}, gefunden: eine leere Zelle (das Budget löschen nur in ${display})`);
    return;
  }
  const euros = parseNumber(budget.value, 'euros');
  if (typeof euros === 'string') return fail(budget.field, euros);
  const hidden = amountShownAsZero({ min: euros, max: euros }, { unit: 'mio' });
  if (hidden) return fail(budget.field, hidden.replace(/\u00a0/g, ' '));
  if (old && old.euros === euros && old.approximate === approximate) return;
  const money = (v: number | undefined, a: boolean | undefined) => (v === undefined ? '(leer)' : `${a ? 'rd. ' : ''}${formatNumber('euros', v, { unit: 'euro' }).replace(/\u00a0/g, ' ')}`);
  changes.push(`${display}  Eingliederungsbudget: ${money(old?.euros, old?.approximate)} → ${money(euros, approximate)}`);
  if (!old) {
    edits.push({ kind: 'insert', path: [], key: 'integrationBudget', value: approximate ? { euros, approximate } : { euros } });
    return;
  }
  if (old.euros !== euros) edits.push({ kind: 'set', path: ['integrationBudget', 'euros'], value: euros });
  if (old.approximate !== approximate) {
    const written = nodeAt(file.doc, ['integrationBudget', 'approximate']).complete;
    if (written) edits.push({ kind: 'set', path: ['integrationBudget', 'approximate'], value: approximate });
    else edits.push({ kind: 'insert', path: ['integrationBudget'], key: 'approximate', value: approximate, after: 'euros' });
  }
}
