/**
 * `npm run import -- <year> amip-<year>.xlsx`: the workbook read (./read.ts) and imported by the
 * same core as the CSV files (src/lib/import: all or nothing, every problem at once, the table
 * checked as a whole, edits spliced into the data files).
 */
import type { CheckResult } from '../check/index.ts';
import { tableLayout } from '../export/index.ts';
import { ImportError, type ImportOptions, type ImportPlan, planTables, yearTables } from '../import/index.ts';
import { readWorkbook } from './read.ts';
import { WorkbookFileError } from './zip.ts';

export async function planWorkbookImport(content: CheckResult, year: number, input: { name: string; bytes: Uint8Array }, options: ImportOptions = {}): Promise<ImportPlan> {
  const name = input.name.split(/[\\/]/).pop()!;
  const tables = yearTables(content, year);
  const numeric = new Map(
    [...tables].map(([key, t]) => {
      const layout = tableLayout(t.chapter.data.tables[t.ti]!);
      return [key, new Set(layout.flatMap((e, i) => (e.role === 'value' || e.role === 'min' || e.role === 'max' ? [i] : [])))];
    }),
  );
  let read;
  try {
    read = await readWorkbook(input.bytes, name, { year, publisher: content.publisher?.name, columns: new Map([...tables].map(([k, v]) => [k, v.data.columns])) }, (t) => numeric.get(t) ?? new Set());
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new ImportError([`${name}  (Datei)  ${error.message}`]);
    throw error;
  }
  const plan = planTables(content, year, read.tables, read.programme, options, read.problems);
  return { ...plan, notes: [...read.notes, ...plan.notes] };
}
