/**
 * Scaffolding of the next programme year from the previous one (`npm run new-year`):
 * every file of the old year is copied with in-place edits, so comments and layout stay and the
 * new year's files differ from the old ones only where something really changes:
 *
 * - programme.yaml: `year`, `status: draft`, the year in the title; key figures: last year's planned
 *   entries become this year's `previousPlan` ("Ansatz <Vorjahr>"), the printed percentages of the
 *   old print are dropped (the "Vergleich" is computed), the years in caption and column headers
 *   move on; the key figures and the integration budget get `review: true`;
 * - chapters: the year in titles, captions and column headers moves on; each table gets
 *   `review: true`. The planned entries stay as they were until the planner enters the new ones;
 *   the comparison with last year reads last year's tables, which stay in the site.
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
  const k = p.data.keyFigures;
  const raw = p.file.doc.toJS() as { status?: unknown; keyFigures: { total: object; groups: { rows?: object[] }[] } };
  const edits: Edit[] = [
    { kind: 'set', path: ['year'], value: to },
    raw.status === undefined ? { kind: 'insert', path: [], key: 'status', value: 'draft', after: 'year' } : { kind: 'set', path: ['status'], value: 'draft' },
    shift(['title']),
    { kind: 'insert', path: ['integrationBudget'], key: 'review', value: true },
    shift(['keyFigures', 'caption']),
    shift(['keyFigures', 'columns']),
    { kind: 'insert', path: ['keyFigures'], key: 'review', value: true, after: 'caption' },
  ];
  const moveOn = (path: PathSegment[], row: { entries: number; printedChange?: number | undefined }, rawRow: object) => {
    edits.push({ kind: 'set', path: [...path, 'previousPlan'], value: row.entries });
    if ('printedChange' in rawRow) edits.push({ kind: 'delete', path, key: 'printedChange' });
  };
  moveOn(['keyFigures', 'total'], k.total, raw.keyFigures.total);
  k.groups.forEach((g, gi) => {
    moveOn(['keyFigures', 'groups', gi], g, raw.keyFigures.groups[gi]!);
    g.rows.forEach((r, ri) => moveOn(['keyFigures', 'groups', gi, 'rows', ri], r, raw.keyFigures.groups[gi]!.rows![ri]!));
  });
  const header = `# Entwurf ${to}, angelegt aus ${from} mit npm run new-year. Zahlen mit „review: true“ sind aus ${from}\n# übernommen; Kommentare in dieser Datei stammen aus ${from}. Anleitung: docs/planung.md\n`;
  out.push({ path: `programmes/${to}/programme.yaml`, text: header + applyEdits(p.file, edits) });

  // chapters
  for (const c of source.chapters) {
    const e: Edit[] = [shift(['title'])];
    c.data.tables.forEach((t, ti) => {
      e.push(shift(['tables', ti, 'caption']), shift(['tables', ti, 'columns']));
      if (!t.review) e.push({ kind: 'insert', path: ['tables', ti], key: 'review', value: true, after: 'kind' });
    });
    out.push({ path: c.file.file.path.replace(`programmes/${from}/`, `programmes/${to}/`), text: applyEdits(c.file, e) });
  }
  return out;
}
