/**
 * `npm run check`: validates all content without building the site, with the same zod schemas
 * the build uses (given plain references), plus what the schemas cannot see on their own:
 * references to registry entries, chapter order and parents, `<Tabelle id>` in the MDX bodies,
 * years and their status, figures still marked for review. Every problem is collected; nothing
 * stops at the first one.
 */
import type { z } from 'zod';
import { isMap, isScalar, visit } from 'yaml';
import { chapterSchema, type Chapter } from '../schemas/chapter.ts';
import { crossTableProblems } from '../schemas/table.ts';
import { programmeSchema, type Programme } from '../schemas/programme.ts';
import { plainRefs, slug } from '../schemas/ref.ts';
import {
  glossaryEntrySchema,
  instrumentSchema,
  legalBasisSchema,
  PLACEHOLDER_HOST,
  publisherSchema,
  targetGroupSchema,
  type GlossaryEntry,
  type Instrument,
  type LegalBasis,
  type Publisher,
  type TargetGroup,
} from '../schemas/registries.ts';
import { type ChapterComponentName, chapterComponentNames, chapterComponentSpecs } from '../chapter-components.ts';
import { parseChapterBody } from '../chapter-body.ts';
import { easyLanguageSchema } from '../schemas/easy-language.ts';
import { PLACEHOLDERS, unknownPlaceholders } from '../easy-language.ts';
import { describeIssue, type Problem, problemAt, type Severity, sortProblems } from './problems.ts';
import { lineAt as lineOfPath, lineOf, type ParsedFile, parseSource, type PathSegment, type SourceFile } from './source.ts';

export type { Problem, SourceFile, ParsedFile };
export { formatProblem, formatReport } from './problems.ts';

/** Components a chapter body may use (the chapter page passes these to the MDX content). */
export const DEFAULT_COMPONENTS: readonly string[] = chapterComponentNames;

export type CheckOptions = {
  /** Prefix that turns content paths into paths the planner can open ("src/content/"). */
  displayPrefix?: string;
  /** Component names allowed in chapter bodies. */
  components?: readonly string[];
};

export type ChapterContent = { file: ParsedFile; id: string; data: Chapter };
export type YearContent = {
  year: number;
  programme?: { file: ParsedFile; data: Programme };
  chapters: ChapterContent[];
  /** Errors found in this year's files. */
  errors: number;
};

export type CheckResult = {
  problems: Problem[];
  instruments: Map<string, Instrument>;
  glossary: Map<string, GlossaryEntry>;
  targetGroups: Map<string, TargetGroup>;
  legalBases: Map<string, LegalBasis>;
  publisher?: Publisher;
  years: YearContent[];
  /** Parsed files by content path, for the import (edits keep the file's layout). */
  files: Map<string, ParsedFile>;
};

export const REGISTRY_FILES = {
  instruments: 'instruments.yaml',
  glossary: 'glossary.yaml',
  targetGroups: 'target-groups.yaml',
  legalBases: 'legal-bases.yaml',
  settings: 'settings.yaml',
} as const;

/** Levenshtein distance, for "did you mean …" on unknown ids. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

export function closest(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    // A known id that the unknown one extends or shortens ("job-ag-neu", "job") counts as close.
    const dd = id.length >= 3 && k.length >= 3 && (id.startsWith(k) || k.startsWith(id)) ? 1 : distance(id, k);
    if (dd < bestD) [best, bestD] = [k, dd];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(id.length / 3)) ? best : undefined;
}

/** Every `{ id, collection }` reference in a parsed value, with its path. */
function* references(value: unknown, path: PathSegment[] = []): Generator<{ path: PathSegment[]; id: string; collection: string }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* references(value[i], [...path, i]);
  } else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 2 && typeof o.id === 'string' && typeof o.collection === 'string') {
      yield { path, id: o.id, collection: o.collection };
      return;
    }
    for (const k of keys) yield* references(o[k], [...path, k]);
  }
}

const collectionNames: Record<string, { file: string; what: string }> = {
  instruments: { file: REGISTRY_FILES.instruments, what: 'Instrument' },
  targetGroups: { file: REGISTRY_FILES.targetGroups, what: 'Zielgruppe' },
  legalBases: { file: REGISTRY_FILES.legalBases, what: 'Rechtsgrundlage' },
};

export function checkContent(sources: readonly SourceFile[], options: CheckOptions = {}): CheckResult {
  const prefix = options.displayPrefix ?? '';
  const components = new Set(options.components ?? DEFAULT_COMPONENTS);
  const problems: Problem[] = [];
  const files = new Map<string, ParsedFile>();
  const display = (p: ParsedFile) => prefix + p.file.path;
  const refs = plainRefs();

  const parse = (source: SourceFile): ParsedFile => {
    const p = parseSource(source);
    files.set(source.path, p);
    // One root cause, one message: after the first structural error the parser's further errors are
    // its consequences (a tab indentation gives a dozen); doubled keys are independent and all listed.
    // Of the structural errors the one that names the cause comes first (a tab, a missing bracket).
    const causes = ['TAB_AS_INDENT', 'MISSING_CHAR'];
    const first = p.doc.errors.find((e) => causes.includes(e.code)) ?? p.doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    p.doc.errors
      .filter((e) => e === first || e.code === 'DUPLICATE_KEY')
      .forEach((e) =>
        problems.push({ severity: 'error', file: display(p), line: lineOf(p, e.pos[0]), field: '(YAML)', message: `YAML-Syntaxfehler: ${yamlErrorText(e.code, e.message)}` }),
      );
    if (p.missingFrontmatter)
      problems.push({ severity: 'error', file: display(p), line: 1, field: '(Datei)', message: 'erwartet einen Kopf zwischen zwei Zeilen „---“ am Dateianfang, gefunden: keinen' });
    if (p.doc.errors.length === 0)
      for (const n of ambiguousNumbers(p))
        problems.push({ severity: 'error', file: display(p), line: lineOf(p, n.offset), field: n.key ?? '(Zahl)', message: n.message });
    return p;
  };

  const add = (p: ParsedFile, path: readonly PathSegment[], message: string, severity: Severity = 'error', key?: string) =>
    problems.push(problemAt(p, display(p), path, message, severity, key));

  /** Validates `value` at `path` of file `p`; returns the output or undefined, reporting every issue. */
  function validate<S extends z.ZodType>(p: ParsedFile, schema: S, value: unknown, path: PathSegment[] = []): z.output<S> | undefined {
    const result = schema.safeParse(value, { reportInput: true });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const issuePath = [...path, ...(issue.path as PathSegment[])];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) add(p, issuePath, describeIssue({ ...issue, keys: [key] }), 'error', key);
      } else add(p, issuePath, describeIssue(issue));
    }
    // When only the cross-checks of the whole file failed (totals, percentages), the values
    // themselves are fine: parse again without those checks so that references and the MDX
    // body are still checked and every problem is listed in one run.
    const checks = (schema._zod.def as { checks?: unknown[] }).checks;
    if (checks?.length && result.error.issues.every((i) => i.code === 'custom')) {
      const plain = schema.clone({ ...schema._zod.def, checks: [] } as typeof schema._zod.def).safeParse(value);
      if (plain.success) return plain.data as z.output<S>;
    }
    return undefined;
  }

  const byPath = new Map(sources.map((s) => [s.path, s]));

  // Registries: maps id → entry.
  /** Ids of each registry, also of entries with errors (so that a typo inside an entry is one problem, not one per use). */
  const registryIds = new Map<string, Set<string>>();
  function registry<T>(file: string, schema: z.ZodType<T>): Map<string, T> {
    const out = new Map<string, T>();
    const source = byPath.get(file);
    if (!source) {
      problems.push({ severity: 'error', file: prefix + file, line: 1, field: '(Datei)', message: 'Datei fehlt' });
      return out;
    }
    const p = parse(source);
    if (p.doc.errors.length > 0) return out;
    const root = p.doc.contents;
    if (!isMap(root)) {
      add(p, [], `erwartet Einträge der Form „kennung: { … }“, gefunden: ${root === null ? 'eine leere Datei' : 'etwas anderes'}`);
      return out;
    }
    const data = p.doc.toJS() as Record<string, unknown>;
    registryIds.set(file, new Set(root.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''))));
    for (const pair of root.items) {
      const id = isScalar(pair.key) ? String(pair.key.value) : '';
      const idCheck = slug.safeParse(id);
      if (!idCheck.success) add(p, [id], describeIssue(idCheck.error.issues[0]!));
      const value = validate(p, schema, data[id], [id]);
      if (value !== undefined) out.set(id, value);
    }
    return out;
  }

  const instruments = registry(REGISTRY_FILES.instruments, instrumentSchema(refs));
  const glossary = registry(REGISTRY_FILES.glossary, glossaryEntrySchema);
  const targetGroups = registry(REGISTRY_FILES.targetGroups, targetGroupSchema);
  const legalBases = registry(REGISTRY_FILES.legalBases, legalBasisSchema);
  // A registry that could not be read at all is reported once; references to it are not checked.
  const known: Record<string, ReadonlySet<string> | undefined> = {
    instruments: registryIds.get(REGISTRY_FILES.instruments),
    targetGroups: registryIds.get(REGISTRY_FILES.targetGroups),
    legalBases: registryIds.get(REGISTRY_FILES.legalBases),
  };

  const checkRefs = (p: ParsedFile, value: unknown, path: PathSegment[] = []) => {
    // Parsed table rows keep their cells under `cells`; the file writes them on the row itself.
    for (const r of references(value, path).map((x) => ({ ...x, path: x.path.filter((seg) => seg !== 'cells') }))) {
      const registryIds = known[r.collection];
      if (!registryIds || registryIds.has(r.id)) continue;
      const names = collectionNames[r.collection]!;
      const guess = closest(r.id, registryIds);
      add(p, r.path, `unbekannte ${names.what === 'Instrument' ? 'Instrument-Kennung' : `Kennung (${names.what})`} „${r.id}“: erwartet eine Kennung aus ${prefix}${names.file}${guess ? `, meinten Sie „${guess}“?` : ''}`);
    }
  };

  // Registry entries refer to each other (instrument → legal bases, fundedVia).
  if (byPath.has(REGISTRY_FILES.instruments)) {
    const p = files.get(REGISTRY_FILES.instruments)!;
    for (const [id, value] of instruments) checkRefs(p, value, [id]);
    // An abbreviation is taken from the Abkürzungsverzeichnis or from the programme text (content-format.md).
    const abbreviations = new Set([...glossary.values()].map((g) => g.abbreviation));
    const chapterText = sources.filter((s) => s.path.endsWith('.mdx')).map((s) => s.text).join('\n');
    const inText = (a: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(chapterText);
    if (glossary.size > 0)
      for (const [id, value] of instruments)
        if (value.abbreviation !== undefined && !abbreviations.has(value.abbreviation) && !inText(value.abbreviation))
          add(p, [id, 'abbreviation'], `unbekannte Abkürzung „${value.abbreviation}“: erwartet eine Abkürzung aus dem Abkürzungsverzeichnis (${prefix}${REGISTRY_FILES.glossary}) oder aus dem Programmtext`, 'warning');
  }
  {
    const seen = new Map<string, string>();
    const p = files.get(REGISTRY_FILES.glossary);
    if (p)
      for (const [id, g] of glossary) {
        const first = seen.get(g.abbreviation);
        if (first !== undefined) add(p, [id, 'abbreviation'], `Abkürzung „${g.abbreviation}“ steht schon unter „${first}“`);
        else seen.set(g.abbreviation, id);
      }
  }

  // Publisher settings.
  let publisher: Publisher | undefined;
  const settingsSource = byPath.get(REGISTRY_FILES.settings);
  if (!settingsSource) problems.push({ severity: 'error', file: prefix + REGISTRY_FILES.settings, line: 1, field: '(Datei)', message: 'Datei fehlt' });
  else {
    const p = parse(settingsSource);
    if (p.doc.errors.length === 0) {
      const data = p.doc.toJS() as Record<string, unknown> | null;
      if (!data || typeof data !== 'object' || !('publisher' in data)) add(p, [], 'Pflichtfeld fehlt: erwartet „publisher:“ mit den Angaben des Herausgebers');
      else publisher = validate(p, publisherSchema, data.publisher, ['publisher']);
      // A reserved example domain is a placeholder: the build goes on (the live site must build), the planner is told.
      const email = publisher?.accessibility.feedbackEmail;
      if (email && PLACEHOLDER_HOST.test(email.split('@')[1] ?? ''))
        add(p, ['publisher', 'accessibility', 'feedbackEmail'], `Platzhalter „${email}“: vor der Veröffentlichung durch die echte Adresse für Rückmeldungen zur Barrierefreiheit ersetzen (BGG § 12b verlangt einen elektronischen Kontakt)`, 'warning');
    }
  }

  // Leichte Sprache (BITV 2.0 § 4): front matter and placeholders of leichte-sprache/*.md.
  for (const source of sources.filter((x) => /^leichte-sprache\/[^/]+\.md$/.test(x.path))) {
    const p = parse(source);
    if (p.missingFrontmatter) continue; // reported by parse()
    if (p.doc.errors.length === 0) validate(p, easyLanguageSchema, p.doc.toJS());
    for (const [i, line] of (p.body?.text ?? '').split('\n').entries())
      for (const name of unknownPlaceholders(line))
        problems.push({
          severity: 'error',
          file: display(p),
          line: (p.body?.line ?? 1) + i,
          field: `{${name}}`,
          message: `unbekannter Platzhalter: erwartet einen von ${Object.keys(PLACEHOLDERS).map((k) => `{${k}}`).join(', ')}, gefunden: „{${name}}“`,
        });
  }

  // Programme years.
  const yearFolders = new Set<string>();
  for (const s of sources) {
    const m = /^programmes\/([^/]+)\//.exec(s.path);
    if (m) yearFolders.add(m[1]!);
  }
  const years: YearContent[] = [];
  const programmeSchemaPlain = programmeSchema;
  const chapterSchemaPlain = chapterSchema(refs);
  for (const folder of [...yearFolders].sort()) {
    const before = problems.length;
    const programmePath = `programmes/${folder}/programme.yaml`;
    const chapterSources = sources.filter((s) => s.path.startsWith(`programmes/${folder}/chapters/`) && s.path.endsWith('.mdx')).sort((a, b) => a.path.localeCompare(b.path, 'en'));
    const year: YearContent = { year: Number(folder), chapters: [], errors: 0 };
    if (!/^\d{4}$/.test(folder)) {
      problems.push({ severity: 'error', file: `${prefix}programmes/${folder}/`, line: 1, field: '(Ordner)', message: `erwartet einen Ordner mit der Jahreszahl (z. B. programmes/2022/), gefunden: „${folder}“` });
      continue;
    }
    const programmeSource = byPath.get(programmePath);
    let status: 'draft' | 'published' = 'published';
    if (!programmeSource) problems.push({ severity: 'error', file: prefix + programmePath, line: 1, field: '(Datei)', message: `Datei fehlt: jedes Programmjahr braucht ${programmePath}` });
    else {
      const p = parse(programmeSource);
      if (p.doc.errors.length === 0) {
        const data = validate(p, programmeSchemaPlain, p.doc.toJS());
        const raw = p.doc.toJS() as { status?: unknown } | null;
        if (raw?.status === 'draft') status = 'draft';
        if (data) {
          year.programme = { file: p, data };
          if (String(data.year) !== folder) add(p, ['year'], `erwartet ${folder} (den Namen des Ordners), gefunden: ${data.year}`);
          const reviewPaths: [PathSegment[], string][] = [];
          if (data.integrationBudget?.review) reviewPaths.push([['integrationBudget', 'review'], 'Eingliederungstitel']);
          for (const [path, what] of reviewPaths) add(p, path, reviewMessage(what, status), status === 'draft' ? 'warning' : 'error');
        }
      }
    }
    const slugs = new Map<string, ChapterContent>();
    const orders = new Map<number, ChapterContent>();
    for (const source of chapterSources) {
      const p = parse(source);
      if (p.doc.errors.length > 0 || p.missingFrontmatter) continue;
      const raw = p.doc.toJS() ?? {};
      const data = validate(p, chapterSchemaPlain, raw);
      const reportBody = (line: number, field: string, message: string, severity: Severity = 'error') => problems.push({ severity, file: display(p), line, field, message });
      if (!data) {
        // Still check what can be checked, so that one run lists every problem of the file.
        checkRefs(p, rawChapterReferences(raw));
        const tables = Array.isArray((raw as { tables?: unknown }).tables) ? ((raw as { tables: unknown[] }).tables as { id?: unknown }[]) : [];
        const shares = Array.isArray((raw as { shares?: unknown }).shares) ? ((raw as { shares: { id?: unknown }[] }).shares) : [];
        checkBody(
          p,
          {
            tables: tables.map((t) => (typeof t?.id === 'string' && (t as { shown?: unknown }).shown !== false ? t.id : '')),
            shares: shares.flatMap((x) => (typeof x?.id === 'string' ? [x.id] : [])),
            budget: year.programme?.data.integrationBudget !== undefined,
          },
          reportBody,
          components,
        );
        continue;
      }
      checkRefs(p, data);
      const chapter: ChapterContent = { file: p, id: `${folder}/${data.slug}`, data };
      const sameSlug = slugs.get(data.slug);
      if (sameSlug) add(p, ['slug'], `slug „${data.slug}“ ist schon vergeben an ${display(sameSlug.file)}; erwartet einen eindeutigen slug je Jahr`);
      else slugs.set(data.slug, chapter);
      const sameOrder = orders.get(data.order);
      if (sameOrder) add(p, ['order'], `order ${data.order} hat schon ${display(sameOrder.file)}; erwartet eine eindeutige Reihenfolge je Jahr`);
      else orders.set(data.order, chapter);
      data.tables.forEach((t, i) => {
        if (t.review) add(p, ['tables', i, 'review'], reviewMessage(`Tabelle „${t.id}“`, status), status === 'draft' ? 'warning' : 'error');
      });
      checkBody(p, { tables: data.tables.map((t) => (t.shown ? t.id : '')), shares: data.shares.map((x) => x.id), budget: year.programme?.data.integrationBudget !== undefined }, reportBody, components);
      year.chapters.push(chapter);
    }
    for (const c of year.chapters)
      if (c.data.parent !== undefined && !slugs.has(c.data.parent))
        add(c.file, ['parent'], `erwartet den slug eines Kapitels aus ${folder}, gefunden: „${c.data.parent}“${closest(c.data.parent, slugs.keys()) ? `, meinten Sie „${closest(c.data.parent, slugs.keys())}“?` : ''}`);
    for (const problem of crossTableProblems(year.chapters.flatMap((c) => c.data.tables.map((table, index) => ({ chapter: c.data.slug, index, table })))))
      add(year.chapters.find((c) => c.data.slug === problem.chapter)!.file, problem.path, problem.message, status === 'draft' ? 'warning' : 'error');
    if (chapterSources.length === 0 && programmeSource)
      problems.push({ severity: 'warning', file: `${prefix}programmes/${folder}/chapters/`, line: 1, field: '(Ordner)', message: 'keine Kapitel gefunden' });
    year.chapters.sort((a, b) => a.data.order - b.data.order);
    year.errors = problems.slice(before).filter((x) => x.severity === 'error').length;
    years.push(year);
  }

  return { problems: sortProblems(problems), instruments, glossary, targetGroups, legalBases, publisher, years, files };
}

/** The most common YAML mistakes in plain German; others keep the parser's (English) text. */
function yamlErrorText(code: string, parserMessage = ''): string {
  // A flow collection that never closes is reported as an indentation error; name the real cause.
  const unclosed = /end with an? ([}\]])/.exec(parserMessage);
  if (unclosed) return `eine Klammer wird nicht geschlossen: erwartet „${unclosed[1]}“ am Ende der Zeile mit „${unclosed[1] === '}' ? '{' : '['}“`;
  const german: Record<string, string> = {
    DUPLICATE_KEY: 'doppelter Schlüssel: erwartet jede Kennung und jedes Feld nur einmal',
    TAB_AS_INDENT: 'Tabulator als Einrückung: erwartet Leerzeichen (zwei je Ebene)',
    BAD_INDENT: 'Einrückung stimmt nicht: erwartet dieselbe Anzahl Leerzeichen wie die Zeilen derselben Ebene',
    MULTILINE_IMPLICIT_KEY: 'Zeilenumbruch in einem Schlüssel oder ungeschlossene Anführungszeichen',
    MISSING_CHAR: 'ein Zeichen fehlt: erwartet eine schließende Klammer „]“ oder „}“ oder ein schließendes Anführungszeichen',
    BLOCK_AS_IMPLICIT_KEY: 'Einrückung oder Doppelpunkt stimmt nicht: erwartet „feld: Wert“ mit einem Leerzeichen nach dem Doppelpunkt',
    BLOCK_IN_FLOW: 'in geschweiften oder eckigen Klammern darf keine eingerückte Zeile stehen: erwartet alles in einer Zeile oder ohne Klammern',
    UNEXPECTED_TOKEN: 'unerwartetes Zeichen: Texte mit „:“, „#“, „[“ oder „{“ in Anführungszeichen setzen',
    BAD_SCALAR_START: 'ein Wert darf nicht so beginnen: Texte, die mit „@“, „`“, „%“ oder „|“ anfangen, in Anführungszeichen setzen',
    BAD_DQ_ESCAPE: 'ungültiges Zeichen nach „\\“ in Anführungszeichen: einfache Anführungszeichen verwenden',
    MULTIPLE_DOCS: 'mehr als ein Dokument in der Datei: erwartet keine zweite Zeile „---“',
    KEY_OVER_1024_CHARS: 'ein Schlüssel ist länger als 1024 Zeichen: ein Doppelpunkt fehlt vermutlich',
  };
  return german[code] ?? `die YAML-Schreibweise ist an dieser Stelle fehlerhaft (${code}): erwartet „feld: Wert“, Listen mit „- “, zwei Leerzeichen je Ebene`;
}

const reviewMessage = (what: string, status: 'draft' | 'published') =>
  status === 'draft'
    ? `${what}: aus dem Vorjahr übernommen, noch nicht geprüft (nach der Prüfung „review: true“ löschen)`
    : `${what}: erwartet geprüfte Zahlen in einem veröffentlichten Jahr, gefunden: „review: true“ (Zahlen prüfen, dann die Zeile löschen)`;

/**
 * The chapter body, parsed as the build parses it (src/lib/chapter-body.ts): MDX syntax errors,
 * only known components with their required attributes, `<Tabelle id>` and `<Anteile id>` name a
 * table or share set of the chapter, every shown table placed once.
 */
function checkBody(
  file: ParsedFile,
  ids: { tables: readonly string[]; shares: readonly string[]; budget: boolean },
  report: (line: number, field: string, message: string, severity?: Severity) => void,
  components: ReadonlySet<string>,
) {
  const body = file.body;
  if (!body) return;
  const parsed = parseChapterBody(body.text);
  if (parsed.error) {
    report(body.line + parsed.error.line - 1, `(Text, Spalte ${parsed.error.column})`, parsed.error.message);
    return;
  }
  const placed = new Set<string>();
  for (const c of parsed.components) {
    const line = body.line + c.line - 1;
    // Lower-case names are HTML elements (<span lang="en">); only components start with a capital.
    if (/^[a-z]/.test(c.name)) continue;
    if (!components.has(c.name)) {
      report(line, `<${c.name}>`, `unbekannte Komponente <${c.name}>: erwartet eine von ${[...components].map((n) => `<${n}>`).join(', ')}`);
      continue;
    }
    const spec = chapterComponentSpecs[c.name as ChapterComponentName];
    for (const attribute of spec?.required ?? [])
      if (typeof c.attributes[attribute] !== 'string' || c.attributes[attribute] === '')
        report(line, `<${c.name}>`, `erwartet <${c.name} ${attribute}="…" />, gefunden: ${attribute in c.attributes ? `${attribute} ohne Text in Anführungszeichen` : `kein ${attribute}`}`);
    if (c.name === 'Betrag' && !ids.budget)
      report(line, '<Betrag>', 'erwartet „integrationBudget: { euros: … }“ in programme.yaml dieses Jahres, gefunden: keinen Betrag');
    const id = c.attributes.id;
    if (typeof id !== 'string') continue;
    if (c.name === 'Tabelle') {
      if (!ids.tables.includes(id))
        report(line, `<Tabelle id="${id}">`, `unbekannte Tabelle „${id}“: erwartet eine Tabellen-Kennung aus dem Kopf der Datei (${ids.tables.filter(Boolean).length ? ids.tables.filter(Boolean).join(', ') : 'keine Tabellen definiert'})`);
      else if (placed.has(id)) report(line, `<Tabelle id="${id}">`, `Tabelle „${id}“ steht zweimal im Text`, 'warning');
      else placed.add(id);
    }
    if (c.name === 'Anteile' && !ids.shares.includes(id))
      report(line, `<Anteile id="${id}">`, `unbekannte Anteile „${id}“: erwartet eine Kennung aus „shares“ im Kopf der Datei (${ids.shares.length ? ids.shares.join(', ') : 'keine Anteile definiert'})`);
  }
  ids.tables.forEach((id, i) => {
    if (id !== '' && !placed.has(id))
      report(lineOfPath(file, ['tables', i]), `tables[${id}]`, `Tabelle „${id}“ steht nirgends im Text: erwartet <Tabelle id="${id}" /> an der Stelle, an der sie erscheinen soll`, 'warning');
  });
}

/**
 * Numbers that YAML reads differently from what a German reader means: `3.000` or `1.100` (YAML:
 * 3 and 1.1; meant: 3000 and 1100). One notation is accepted, and it is the unambiguous one:
 * whole numbers without a thousands separator, decimals with a point and not exactly three
 * places after it.
 */
function ambiguousNumbers(p: ParsedFile): { offset: number; key: string | undefined; message: string }[] {
  const found: { offset: number; key: string | undefined; message: string }[] = [];
  visit(p.doc, {
    Pair(_, pair) {
      const value = pair.value;
      if (!isScalar(value) || typeof value.value !== 'number') return;
      const source = (value as { source?: string }).source ?? String(value.value);
      if (!/^[+-]?\d{1,3}(\.\d{3})+$/.test(source)) return;
      const whole = source.replace(/\./g, '');
      found.push({
        offset: value.range?.[0] ?? 0,
        key: isScalar(pair.key) ? String(pair.key.value) : undefined,
        message: `„${source}“ ist mehrdeutig: gelesen würde ${String(value.value).replace('.', ',')} (der Punkt ist in den Daten ein Dezimalpunkt). Erwartet eine Zahl ohne Tausenderpunkt: ${whole}; ist ${String(value.value).replace('.', ',')} gemeint, ${String(value.value)} schreiben`,
      });
    },
  });
  return found;
}

const asRef = (collection: string, v: unknown) => (typeof v === 'string' ? { id: v, collection } : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** The references of a chapter whose frontmatter did not validate, in the same shape the schema outputs. */
function rawChapterReferences(raw: unknown) {
  const c = obj(raw);
  return {
    targetGroups: list(c.targetGroups).map((v) => asRef('targetGroups', v)),
    legalBases: list(c.legalBases).map((v) => asRef('legalBases', v)),
    tables: list(c.tables).map((t) => ({
      rows: list(obj(t).rows).map((r) => ({
        ...Object.fromEntries(Object.entries(obj(r)).map(([k, v]) => [k, { includedIn: asRef('instruments', obj(v).includedIn) }])),
        instrument: asRef('instruments', obj(r).instrument),
        targetGroup: asRef('targetGroups', obj(r).targetGroup),
        legalBasis: asRef('legalBases', obj(r).legalBasis),
      })),
    })),
  };
}

/** The data of one year for the export (`dataTables`): throws with the problems when the year has errors. */
export function yearData(result: CheckResult, year: number) {
  const y = result.years.find((x) => x.year === year);
  if (!y || !y.programme) throw new Error(`Kein Programmjahr ${year}: erwartet programmes/${year}/programme.yaml`);
  if (y.errors > 0 || result.problems.some((p) => p.severity === 'error'))
    throw new Error('Die Daten enthalten Fehler; erst `npm run check` ausführen und die Fehler beheben.');
  return { programme: y.programme.data, chapters: y.chapters.map((c) => ({ id: c.id, data: c.data })), instruments: result.instruments };
}
