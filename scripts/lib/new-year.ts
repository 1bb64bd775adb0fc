/**
 * Scaffolding of the next programme year from the previous one (`npm run new-year`):
 * every file of the old year is copied with in-place edits, so comments and layout stay and the
 * new year's files differ from the old ones only where something really changes:
 *
 * - programme.yaml: `year`, `status: draft`, the year in the title; the integration budget (if
 *   stated) gets `review: true`;
 * - chapters: the year in titles, captions and column headers moves on; each table gets
 *   `review: true`. In a table with a computed change column (`type: change`, `compare:
 *   [current, previous]`, e.g. the key figures "Eintritte <Jahr>" against "Ansatz <Vorjahr>"),
 *   last year's current figures become this year's previous ones and the printed changes of the
 *   old print are dropped (the change is computed). All other figures stay as they were until
 *   the planner enters the new ones; the comparison with last year reads last year's tables,
 *   which stay in the site.
 *
 * Pure: takes the checked content, returns the new files (paths relative to the content folder).
 */
import type { CheckResult } from '../../src/lib/check/index.ts';
import type { PathSegment } from '../../src/lib/check/source.ts';
import { applyEdits, type Edit } from '../../src/lib/import/yaml-edit.ts';

/** "Eintritte 2021" → "Eintritte 2022", "Ansatz 2020" → "Ansatz 2021" (from → to, from-1 → from). */
export function shiftYears(text: string, from: number, to: number): string {
  return text.replace(/(?<!\d)(\d{4})(?!\d)/g, (y) => (Number(y) === from ? String(to) : Number(y) === from - 1 ? String(from) : y));
}

export class ScaffoldError extends Error {}

export function scaffoldYear(content: CheckResult, from: number, to: number): { path: string; text: string }[] {
  if (!(to > from)) throw new ScaffoldError(`erwartet ein Zieljahr nach ${from}, gefunden: ${to}`);
  if (content.years.some((y) => y.year === to) || [...content.files.keys()].some((f) => f.startsWith(`programmes/${to}/`)))
    throw new ScaffoldError(`Das Jahr ${to} gibt es schon (programmes/${to}/): es wird nichts überschrieben.`);
  const source = content.years.find((y) => y.year === from);
  if (!source?.programme) throw new ScaffoldError(`Kein Programmjahr ${from}: erwartet programmes/${from}/programme.yaml`);
  if (source.errors > 0) throw new ScaffoldError(`Das Jahr ${from} enthält Fehler; erst npm run check ausführen und die Fehler beheben.`);

  const shift = (path: PathSegment[]): Edit => ({ kind: 'replaceText', path, replace: (s) => shiftYears(s, from, to) });
  const out: { path: string; text: string }[] = [];

  // programme.yaml
  const p = source.programme;
  const raw = p.file.doc.toJS() as { status?: unknown; integrationBudget?: { review?: unknown } };
  const edits: Edit[] = [
    { kind: 'set', path: ['year'], value: to },
    raw.status === undefined ? { kind: 'insert', path: [], key: 'status', value: 'draft', after: 'year' } : { kind: 'set', path: ['status'], value: 'draft' },
    shift(['title']),
  ];
  if (raw.integrationBudget && raw.integrationBudget.review === undefined) edits.push({ kind: 'insert', path: ['integrationBudget'], key: 'review', value: true });
  const header = `# Entwurf ${to}, angelegt aus ${from} mit npm run new-year. Zahlen mit „review: true“ sind aus ${from}\n# übernommen; Kommentare in dieser Datei stammen aus ${from}. Anleitung: docs/planung.md\n`;
  out.push({ path: `programmes/${to}/programme.yaml`, text: header + applyEdits(p.file, edits) });

  // chapters
  for (const c of source.chapters) {
    const e: Edit[] = [shift(['title'])];
    const raw = (c.file.doc.toJS() ?? {}) as { tables?: { review?: unknown; rows: Record<string, unknown>[]; total?: Record<string, unknown> }[] };
    c.data.tables.forEach((t, ti) => {
      const rawTable = raw.tables![ti]!;
      e.push(shift(['tables', ti, 'caption']), shift(['tables', ti, 'columns']));
      if (rawTable.review === undefined) e.push({ kind: 'insert', path: ['tables', ti], key: 'review', value: true, after: 'id' });
      else if (!t.review) e.push({ kind: 'set', path: ['tables', ti, 'review'], value: true });
      for (const column of t.columns.filter((col) => col.type === 'change' && col.compare)) {
        const [current, previous] = column.compare!;
        const rows: [PathSegment[], Record<string, unknown>][] = rawTable.rows.map((r, ri) => [['tables', ti, 'rows', ri], r]);
        if (rawTable.total) rows.push([['tables', ti, 'total'], rawTable.total]);
        for (const [path, row] of rows) {
          // The current figure as written ({ value: 60, approximate: true } stays an object).
          const now = row[current];
          if (now !== undefined) e.push(row[previous] !== undefined ? { kind: 'set', path: [...path, previous], value: now } : { kind: 'insert', path, key: previous, value: now });
          else if (row[previous] !== undefined) e.push({ kind: 'delete', path, key: previous });
          if (row[column.key] !== undefined) e.push({ kind: 'delete', path, key: column.key });
        }
      }
    });
    out.push({ path: c.file.file.path.replace(`programmes/${from}/`, `programmes/${to}/`), text: applyEdits(c.file, e) });
  }
  return out;
}
