/**
 * The chapter body, parsed as the build parses it (src/lib/chapter-body.ts): MDX syntax errors,
 * only known components with their required attributes, `<Tabelle id>` and `<Anteile id>` name a
 * table or share set of the chapter, every shown table placed once.
 */
import { type ChapterComponentName, chapterComponentSpecs } from '../chapter-components.ts';
import { type BodyComponent, parseChapterBody } from '../chapter-body.ts';
import { type CheckContext, displayPath, reportLine } from './context.ts';
import type { Severity } from './problems.ts';
import { lineAt, type ParsedFile } from './source.ts';

/** What the front matter gives the body: table ids ('' for a table not shown), share set ids, whether the year has a budget. */
export type BodyIds = { tables: readonly string[]; shares: readonly string[]; budget: boolean };
type Report = (line: number, field: string, message: string, severity?: Severity) => void;
/** What the check of one component needs: the ids, the allowed components, the tables placed so far. */
type BodyCheck = { ids: BodyIds; components: ReadonlySet<string>; placed: Set<string>; report: Report };

export function checkBody(ctx: CheckContext, file: ParsedFile, ids: BodyIds) {
  const body = file.body;
  if (!body) return;
  const report: Report = (line, field, message, severity = 'error') => reportLine(ctx, displayPath(ctx, file), line, field, message, severity);
  const parsed = parseChapterBody(body.text);
  if (parsed.error) {
    report(body.line + parsed.error.line - 1, `(Text, Spalte ${parsed.error.column})`, parsed.error.message);
    return;
  }
  const check: BodyCheck = { ids, components: ctx.components, placed: new Set(), report };
  for (const c of parsed.components) checkComponent(check, c, body.line + c.line - 1);
  ids.tables.forEach((id, i) => {
    if (id !== '' && !check.placed.has(id))
      report(lineAt(file, ['tables', i]), `tables[${id}]`, `Tabelle „${id}“ steht nirgends im Text: erwartet <Tabelle id="${id}" /> an der Stelle, an der sie erscheinen soll`, 'warning');
  });
}

/** One component of the body at file line `line`; adds the table it places to `placed`. */
function checkComponent({ ids, components, placed, report }: BodyCheck, c: BodyComponent, line: number) {
  // Lower-case names are HTML elements (<span lang="en">); only components start with a capital.
  if (/^[a-z]/.test(c.name)) return;
  if (!components.has(c.name)) {
    report(line, `<${c.name}>`, `unbekannte Komponente <${c.name}>: erwartet eine von ${[...components].map((n) => `<${n}>`).join(', ')}`);
    return;
  }
  const spec = chapterComponentSpecs[c.name as ChapterComponentName];
  for (const attribute of spec?.required ?? [])
    if (typeof c.attributes[attribute] !== 'string' || c.attributes[attribute] === '')
      report(line, `<${c.name}>`, `erwartet <${c.name} ${attribute}="…" />, gefunden: ${attribute in c.attributes ? `${attribute} ohne Text in Anführungszeichen` : `kein ${attribute}`}`);
  if (c.name === 'Betrag' && !ids.budget) report(line, '<Betrag>', 'erwartet „integrationBudget: { euros: … }“ in programme.yaml dieses Jahres, gefunden: keinen Betrag');
  const id = c.attributes.id;
  if (typeof id !== 'string') return;
  if (c.name === 'Tabelle') {
    const defined = ids.tables.filter(Boolean);
    if (!ids.tables.includes(id))
      report(line, `<Tabelle id="${id}">`, `unbekannte Tabelle „${id}“: erwartet eine Tabellen-Kennung aus dem Kopf der Datei (${defined.length ? defined.join(', ') : 'keine Tabellen definiert'})`);
    else if (placed.has(id)) report(line, `<Tabelle id="${id}">`, `Tabelle „${id}“ steht zweimal im Text`, 'warning');
    else placed.add(id);
  }
  if (c.name === 'Anteile' && !ids.shares.includes(id))
    report(line, `<Anteile id="${id}">`, `unbekannte Anteile „${id}“: erwartet eine Kennung aus „shares“ im Kopf der Datei (${ids.shares.length ? ids.shares.join(', ') : 'keine Anteile definiert'})`);
}
