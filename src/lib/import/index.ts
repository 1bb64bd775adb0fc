/**
 * `npm run import -- <year> <file.csv> …`: reads tables edited in a spreadsheet back into the
 * data files. Only figures are read (entries, ranges and their modifiers, key figures); texts
 * stay in the data files and are only compared. Every problem of every file is collected; if
 * there is one, nothing is written. The edits are spliced into the files, so that a file whose
 * figures did not change stays byte for byte the same.
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { Entries, RangeNotation } from '../schemas/entries.ts';
import { type InstrumentTable, type ProgrammeTable, tableProblems } from '../schemas/chapter.ts';
import { type KeyFigures, keyFigureProblems } from '../schemas/programme.ts';
import { refId } from '../schemas/ref.ts';
import { percentChange } from '../numbers.ts';
import { formatCount } from '../format.ts';
import {
  chapterTableFile,
  type DataTable,
  dataTables,
  extrasFile,
  ID_COLUMN,
  keyFigureRowNumber,
  keyFiguresFile,
  MODIFIER_COLUMNS,
  TOTAL_ID,
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
  /** Things that were not imported (changed texts, the computed "Vergleich"). */
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

/** "1800" or "1.800" (German thousands) → 1800; anything else is refused. */
export function parseCount(cell: string): number | string {
  const s = cell.trim();
  if (s === '') return 'erwartet eine ganze Zahl, gefunden: eine leere Zelle';
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  return `erwartet eine ganze Zahl ohne Nachkommastellen (z. B. 1800), gefunden: „${s}“`;
}

type Ctx = {
  name: string;
  problems: string[];
  notes: string[];
  changes: string[];
  instruments: ReadonlySet<string>;
};

/** Reads the seven entries cells (von, bis, Schreibweise, rund, enthalten in, Fußnote, Zusatz). */
function entriesFromCells(ctx: Ctx, table: DataTable, record: CsvRecord, first: number): Entries | undefined {
  const col = (k: number) => table.columns[first + k]!;
  const cell = (k: number) => record.cells[first + k]!.trim();
  let ok = true;
  const fail = (k: number, message: string) => {
    ctx.problems.push(at(ctx.name, record.line, `Spalte „${col(k)}“`, message));
    ok = false;
  };
  const min = parseCount(cell(0));
  if (typeof min === 'string') fail(0, min);
  const max = parseCount(cell(1));
  if (typeof max === 'string') fail(1, max);
  if (typeof min === 'number' && typeof max === 'number' && min > max) fail(1, `erwartet einen Wert ≥ ${min} (von), gefunden: ${max}`);
  const notation = cell(2);
  if (notation !== '' && !['bis', 'klammer', 'strich'].includes(notation)) fail(2, `erwartet „bis“, „klammer“, „strich“ oder nichts, gefunden: „${notation}“`);
  else if (notation !== '' && min === max) fail(2, `erwartet nichts (die Schreibweise gilt nur für Bereiche von … bis), gefunden: „${notation}“`);
  const approx = cell(3).toLowerCase();
  if (!['', YES, 'nein'].includes(approx)) fail(3, `erwartet „${YES}“ oder nichts, gefunden: „${cell(3)}“`);
  const included = cell(4);
  if (included !== '' && !ctx.instruments.has(included)) {
    const guess = closest(included, ctx.instruments);
    fail(4, `unbekanntes Instrument „${included}“: erwartet eine Instrument-ID aus instruments.yaml${guess ? `, meinten Sie „${guess}“?` : ''}`);
  }
  if (!ok || typeof min !== 'number' || typeof max !== 'number') return undefined;
  return {
    min,
    max,
    notation: (min === max ? 'bis' : notation || 'bis') as RangeNotation,
    includedIn: included ? { id: included, collection: 'instruments' } : undefined,
    footnote: cell(5) || undefined,
    qualifier: cell(6) || undefined,
    approximate: approx === YES,
  };
}

const sameEntries = (a: Entries, b: Entries) =>
  a.min === b.min &&
  a.max === b.max &&
  (a.min === a.max || a.notation === b.notation) &&
  (a.includedIn ? refId(a.includedIn) : undefined) === (b.includedIn ? refId(b.includedIn) : undefined) &&
  a.footnote === b.footnote &&
  a.qualifier === b.qualifier &&
  a.approximate === b.approximate;

const describe = (e: Entries) => (e.min === e.max ? formatCount(e.min) : `${formatCount(e.min)} bis ${formatCount(e.max)}`);

/** Entries the way planners write them: a plain number where possible (content-format.md). */
export function writtenEntries(e: Entries, old?: unknown): unknown {
  const mods = {
    includedIn: e.includedIn ? refId(e.includedIn) : undefined,
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

/** Compares a text cell with the data; a changed text is reported, not imported. */
function compareText(ctx: Ctx, record: CsvRecord, column: string, found: string, expected: string, where: string) {
  if (found.trim() !== expected.trim())
    ctx.notes.push(at(ctx.name, record.line, `Spalte „${column}“`, `Text geändert, wird nicht eingelesen (Texte in ${where} ändern): „${found.trim()}“`));
}

/** Rows by their key column; reports unknown, doubled and missing keys. */
function keyedRows(ctx: Ctx, records: CsvRecord[], keyOf: (r: CsvRecord) => string, expected: string[], unknown: (key: string) => string) {
  const byKey = new Map<string, CsvRecord>();
  for (const r of records) {
    const key = keyOf(r);
    if (!expected.includes(key)) ctx.problems.push(at(ctx.name, r.line, `„${key}“`, unknown(key)));
    else if (byKey.has(key)) ctx.problems.push(at(ctx.name, r.line, `„${key}“`, `Zeile doppelt (schon in Zeile ${byKey.get(key)!.line})`));
    else byKey.set(key, r);
  }
  for (const key of expected)
    if (!byKey.has(key))
      ctx.problems.push(at(ctx.name, 1, `„${key}“`, `Zeile fehlt: erwartet eine Zeile für „${key}“ (Zeilen hinzufügen oder löschen nur in den Datendateien)`));
  return byKey;
}

const unknownInstrument = (ctx: Ctx, file: string) => (key: string) => {
  if (key === '') return `Spalte „${ID_COLUMN}“ ist leer: erwartet die Instrument-ID der Zeile`;
  if (!ctx.instruments.has(key)) {
    const guess = closest(key, ctx.instruments);
    return `unbekanntes Instrument „${key}“: erwartet eine Instrument-ID aus instruments.yaml${guess ? `, meinten Sie „${guess}“?` : ''}`;
  }
  return `Instrument „${key}“ steht nicht in dieser Tabelle (Zeilen hinzufügen oder löschen nur in ${file})`;
};

function importChapterTable(ctx: Ctx, table: DataTable, records: CsvRecord[], file: ParsedFile, ti: number, t: ProgrammeTable, edits: Edit[]) {
  const display = file.file.path;
  const ids = t.rows.map((r) => refId(r.instrument));
  const hasTotal = t.kind === 'instruments' && t.total !== undefined;
  const byKey = keyedRows(ctx, records, (r) => r.cells[0]!.trim(), hasTotal ? [...ids, TOTAL_ID] : ids, unknownInstrument(ctx, display));
  const first = t.kind === 'instruments' ? 2 : 3;
  const read = new Map<string, Entries>();
  for (const [key, r] of byKey) {
    const e = entriesFromCells(ctx, table, r, first);
    if (e) read.set(key, e);
    compareText(ctx, r, table.columns[1]!, r.cells[1]!, key === TOTAL_ID && t.kind === 'instruments' ? t.total!.label : t.rows[ids.indexOf(key)]!.label, display);
    if (t.kind === 'instruments') {
      const last = table.columns.length - 1;
      const expected = key === TOTAL_ID ? (t.total!.note ?? '') : (t.rows[ids.indexOf(key)] as InstrumentTable['rows'][number]).function;
      compareText(ctx, r, table.columns[last]!, r.cells[last]!, expected, display);
    } else compareText(ctx, r, table.columns[2]!, r.cells[2]!, t.rows[ids.indexOf(key)]!.provider, display);
  }
  if (read.size !== byKey.size || byKey.size !== ids.length + (hasTotal ? 1 : 0)) return;
  // Totals and "includedIn" on the new figures, reported at the CSV line.
  const field = t.kind === 'instruments' ? 'entries' : 'estimate';
  const newTable = {
    ...t,
    rows: t.rows.map((r, i) => ({ ...r, [field]: read.get(ids[i]!)! })),
    ...(hasTotal ? { total: { ...(t as InstrumentTable).total!, entries: read.get(TOTAL_ID)! } } : {}),
  } as ProgrammeTable;
  for (const p of tableProblems(newTable)) {
    const key = p.path[0] === 'total' ? TOTAL_ID : ids[p.path[1] as number]!;
    ctx.problems.push(at(ctx.name, byKey.get(key)!.line, `„${key}“`, p.message));
  }
  t.rows.forEach((r, i) => {
    const old = t.kind === 'instruments' ? (r as InstrumentTable['rows'][number]).entries : (r as { estimate: Entries }).estimate;
    const next = read.get(ids[i]!)!;
    if (sameEntries(old, next)) return;
    const path = ['tables', ti, 'rows', i, field];
    edits.push(...valueEdits(file, path, writtenEntries(next, nodeAt(file.doc, path).node?.toJSON())));
    ctx.changes.push(`${display}  ${table.file}  ${ids[i]}: ${describe(old)} → ${describe(next)}`);
  });
  if (hasTotal) {
    const old = (t as InstrumentTable).total!.entries;
    const next = read.get(TOTAL_ID)!;
    if (!sameEntries(old, next)) {
      const path = ['tables', ti, 'total', 'entries'];
      edits.push(...valueEdits(file, path, writtenEntries(next, nodeAt(file.doc, path).node?.toJSON())));
      ctx.changes.push(`${display}  ${table.file}  Summe: ${describe(old)} → ${describe(next)}`);
    }
  }
}

function importKeyFigures(ctx: Ctx, table: DataTable, records: CsvRecord[], file: ParsedFile, k: KeyFigures, edits: Edit[]) {
  const display = file.file.path;
  type Target = { path: PathSegment[]; label: string; instrument?: string; ofWhich: boolean; entries: number; previousPlan: number };
  const targets = new Map<string, Target>();
  targets.set(TOTAL_ID, { path: ['keyFigures', 'total'], label: TOTAL_ID, ofWhich: false, entries: k.total.entries, previousPlan: k.total.previousPlan });
  k.groups.forEach((g, gi) => {
    targets.set(g.numeral, { path: ['keyFigures', 'groups', gi], label: g.label, instrument: g.instrument && refId(g.instrument), ofWhich: false, entries: g.entries, previousPlan: g.previousPlan });
    g.rows.forEach((r, ri) =>
      targets.set(keyFigureRowNumber(g.numeral, ri), {
        path: ['keyFigures', 'groups', gi, 'rows', ri],
        label: r.label,
        instrument: r.instrument && refId(r.instrument),
        ofWhich: r.ofWhich,
        entries: r.entries,
        previousPlan: r.previousPlan,
      }),
    );
  });
  const keys = [...targets.keys()];
  const byKey = keyedRows(ctx, records, (r) => r.cells[0]!.trim(), keys, (key) => `unbekannte Zeile „${key}“: erwartet in Spalte „${table.columns[0]}“ eine von ${keys.join(', ')}`);
  const read = new Map<string, { entries: number; previousPlan: number }>();
  for (const [key, r] of byKey) {
    const t = targets.get(key)!;
    compareText(ctx, r, table.columns[1]!, r.cells[1]!, t.label, display);
    const id = r.cells[2]!.trim();
    if (id !== '' && !ctx.instruments.has(id)) ctx.problems.push(at(ctx.name, r.line, `Spalte „${ID_COLUMN}“`, unknownInstrument(ctx, display)(id)));
    else compareText(ctx, r, ID_COLUMN, id, t.instrument ?? '', display);
    compareText(ctx, r, table.columns[3]!, r.cells[3]!, t.ofWhich ? YES : '', display);
    const entries = parseCount(r.cells[4]!);
    const previousPlan = parseCount(r.cells[5]!);
    if (typeof entries === 'string') ctx.problems.push(at(ctx.name, r.line, `Spalte „${table.columns[4]}“`, entries));
    if (typeof previousPlan === 'string') ctx.problems.push(at(ctx.name, r.line, `Spalte „${table.columns[5]}“`, previousPlan));
    if (typeof entries !== 'number' || typeof previousPlan !== 'number') continue;
    read.set(key, { entries, previousPlan });
    const change = r.cells[6]!.trim();
    const computed = percentChange(entries, previousPlan);
    if (change !== String(computed ?? ''))
      ctx.notes.push(at(ctx.name, r.line, `Spalte „${table.columns[6]}“`, `wird berechnet, nicht eingelesen (aus den Zahlen der Zeile: ${computed ?? 'nicht berechenbar'})`));
  }
  if (read.size !== keys.length) return;
  const next: KeyFigures = {
    ...k,
    total: { ...k.total, ...read.get(TOTAL_ID)! },
    groups: k.groups.map((g) => ({
      ...g,
      ...read.get(g.numeral)!,
      rows: g.rows.map((r, ri) => ({ ...r, ...read.get(keyFigureRowNumber(g.numeral, ri))! })),
    })),
  };
  for (const p of keyFigureProblems(next)) {
    const key =
      p.path[0] === 'total' ? TOTAL_ID : p.path[2] === 'rows' ? keyFigureRowNumber(k.groups[p.path[1] as number]!.numeral, p.path[3] as number) : k.groups[p.path[1] as number]!.numeral;
    ctx.problems.push(at(ctx.name, byKey.get(key)!.line, `„${key}“`, p.message));
  }
  for (const [key, t] of targets) {
    const n = read.get(key)!;
    for (const f of ['entries', 'previousPlan'] as const)
      if (n[f] !== t[f]) {
        edits.push({ kind: 'set', path: [...t.path, f], value: n[f] });
        ctx.changes.push(`${display}  ${table.file}  ${key} ${f === 'entries' ? table.columns[4] : table.columns[5]}: ${formatCount(t[f])} → ${formatCount(n[f])}`);
      }
  }
}

function importExtras(ctx: Ctx, table: DataTable, records: CsvRecord[], file: ParsedFile, k: KeyFigures, edits: Edit[]) {
  const display = file.file.path;
  const keyOf = (e: KeyFigures['extras'][number]) => (e.instrument ? refId(e.instrument) : e.label);
  const keys = k.extras.map(keyOf);
  const byKey = keyedRows(ctx, records, (r) => r.cells[0]!.trim() || r.cells[1]!.trim(), keys, (key) =>
    ctx.instruments.has(key) ? `„${key}“ steht nicht in dieser Tabelle (Zeilen nur in ${display} hinzufügen)` : unknownInstrument(ctx, display)(key),
  );
  k.extras.forEach((e, i) => {
    const r = byKey.get(keys[i]!);
    if (!r) return;
    compareText(ctx, r, table.columns[1]!, r.cells[1]!, e.label, display);
    const next = entriesFromCells(ctx, table, r, 2);
    if (!next || sameEntries(e.entries, next)) return;
    const path = ['keyFigures', 'extras', i, 'entries'];
    edits.push(...valueEdits(file, path, writtenEntries(next, nodeAt(file.doc, path).node?.toJSON())));
    ctx.changes.push(`${display}  ${table.file}  ${keys[i]}: ${describe(e.entries)} → ${describe(next)}`);
  });
}

/**
 * Plans the import of CSV files into the data of `year`: reads and checks every file, and
 * returns the new texts of the data files. Throws ImportError with all problems at once.
 */
export function planImport(content: CheckResult, year: number, inputs: readonly CsvInput[]): ImportPlan {
  const data = yearData(content, year);
  const y = content.years.find((x) => x.year === year)!;
  const tables = new Map(dataTables(data).map((t) => [t.file, t]));
  const problems: string[] = [];
  const notes: string[] = [];
  const changes: string[] = [];
  const editsByFile = new Map<string, { file: ParsedFile; edits: Edit[] }>();
  const editsFor = (file: ParsedFile) => {
    if (!editsByFile.has(file.file.path)) editsByFile.set(file.file.path, { file, edits: [] });
    return editsByFile.get(file.file.path)!.edits;
  };
  const seen = new Set<string>();
  for (const input of inputs) {
    const name = input.name.split(/[\\/]/).pop()!;
    const base = name.replace(/\.csv$/i, '');
    const table = tables.get(base);
    if (!table) {
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
    let records: CsvRecord[];
    try {
      records = readCsv(input.bytes, table.columns);
    } catch (error) {
      if (error instanceof CsvError) problems.push(at(name, error.line, '(Datei)', error.message));
      else throw error;
      continue;
    }
    const ctx: Ctx = { name, problems, notes, changes, instruments: new Set(content.instruments.keys()) };
    const programmeFile = y.programme!.file;
    if (base === keyFiguresFile(year)) importKeyFigures(ctx, table, records, programmeFile, data.programme.keyFigures, editsFor(programmeFile));
    else if (base === extrasFile(year)) importExtras(ctx, table, records, programmeFile, data.programme.keyFigures, editsFor(programmeFile));
    else {
      const chapter = y.chapters.find((c) => c.data.tables.some((t) => chapterTableFile(year, c.data, t.id) === base))!;
      const ti = chapter.data.tables.findIndex((t) => chapterTableFile(year, chapter.data, t.id) === base);
      importChapterTable(ctx, table, records, chapter.file, ti, chapter.data.tables[ti]!, editsFor(chapter.file));
    }
  }
  if (problems.length > 0) throw new ImportError(problems);
  const files = [...editsByFile.values()]
    .filter((f) => f.edits.length > 0)
    .map((f) => ({ path: f.file.file.path, text: applyEdits(f.file, f.edits) }));
  return { files, changes, notes };
}
