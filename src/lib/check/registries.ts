/**
 * The registries (instruments, glossary, target groups, legal bases) and the publisher settings:
 * each entry against its schema, the ids they give to references, and what the registries say
 * about each other (an instrument's legal bases, abbreviations).
 */
import type { z } from 'zod';
import { isMap, isScalar } from 'yaml';
import { slug, plainRefs } from '../schemas/ref.ts';
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
import { type CheckContext, parseFile, report, reportMissingFile, validate } from './context.ts';
import { describeIssue } from './problems.ts';
import { checkReferences, type KnownRegistries } from './references.ts';

export const REGISTRY_FILES = {
  instruments: 'instruments.yaml',
  glossary: 'glossary.yaml',
  targetGroups: 'target-groups.yaml',
  legalBases: 'legal-bases.yaml',
  settings: 'settings.yaml',
} as const;

export type Registries = {
  instruments: Map<string, Instrument>;
  glossary: Map<string, GlossaryEntry>;
  targetGroups: Map<string, TargetGroup>;
  legalBases: Map<string, LegalBasis>;
  /** The ids references may name, also of entries with errors (a typo inside an entry is one problem, not one per use). */
  known: KnownRegistries;
};

/** One registry file: its valid entries by id, and all of its ids (undefined when the file could not be read). */
function registry<T>(ctx: CheckContext, file: string, schema: z.ZodType<T>): { entries: Map<string, T>; ids?: Set<string> } {
  const entries = new Map<string, T>();
  const source = ctx.bySourcePath.get(file);
  if (!source) {
    reportMissingFile(ctx, file);
    return { entries };
  }
  const p = parseFile(ctx, source);
  if (p.doc.errors.length > 0) return { entries };
  const root = p.doc.contents;
  if (!isMap(root)) {
    report(ctx, p, [], `erwartet Einträge der Form „kennung: { … }“, gefunden: ${root === null ? 'eine leere Datei' : 'etwas anderes'}`);
    return { entries };
  }
  const data = p.doc.toJS() as Record<string, unknown>;
  const ids = root.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
  for (const id of ids) {
    const idCheck = slug.safeParse(id);
    if (!idCheck.success) report(ctx, p, [id], describeIssue(idCheck.error.issues[0]!));
    const value = validate(ctx, p, schema, data[id], [id]);
    if (value !== undefined) entries.set(id, value);
  }
  return { entries, ids: new Set(ids) };
}

/** Reads and checks the four registries. */
export function readRegistries(ctx: CheckContext): Registries {
  const instruments = registry(ctx, REGISTRY_FILES.instruments, instrumentSchema(plainRefs()));
  const glossary = registry(ctx, REGISTRY_FILES.glossary, glossaryEntrySchema);
  const targetGroups = registry(ctx, REGISTRY_FILES.targetGroups, targetGroupSchema);
  const legalBases = registry(ctx, REGISTRY_FILES.legalBases, legalBasisSchema);
  const known = (ids: Set<string> | undefined, file: string, what: string) => (ids ? { ids, file, what } : undefined);
  return {
    instruments: instruments.entries,
    glossary: glossary.entries,
    targetGroups: targetGroups.entries,
    legalBases: legalBases.entries,
    known: {
      instruments: known(instruments.ids, REGISTRY_FILES.instruments, 'Instrument'),
      targetGroups: known(targetGroups.ids, REGISTRY_FILES.targetGroups, 'Zielgruppe'),
      legalBases: known(legalBases.ids, REGISTRY_FILES.legalBases, 'Rechtsgrundlage'),
    },
  };
}

/** Instruments refer to legal bases and to each other (fundedVia); their abbreviations must be explained somewhere. */
export function checkInstruments(ctx: CheckContext, registries: Registries) {
  const p = ctx.files.get(REGISTRY_FILES.instruments);
  if (!p) return; // parsed whenever the file exists
  for (const [id, value] of registries.instruments) checkReferences(ctx, registries.known, p, value, [id]);
  // An abbreviation is taken from the Abkürzungsverzeichnis or from the programme text (content-format.md).
  const abbreviations = new Set([...registries.glossary.values()].map((g) => g.abbreviation));
  const chapterText = ctx.sources.filter((s) => s.path.endsWith('.mdx')).map((s) => s.text).join('\n');
  const inText = (a: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(chapterText);
  if (registries.glossary.size === 0) return;
  for (const [id, value] of registries.instruments)
    if (value.abbreviation !== undefined && !abbreviations.has(value.abbreviation) && !inText(value.abbreviation))
      report(ctx, p, [id, 'abbreviation'], `unbekannte Abkürzung „${value.abbreviation}“: erwartet eine Abkürzung aus dem Abkürzungsverzeichnis (${ctx.prefix}${REGISTRY_FILES.glossary}) oder aus dem Programmtext`, 'warning');
}

/** Each abbreviation stands once in the glossary. */
export function checkGlossary(ctx: CheckContext, glossary: ReadonlyMap<string, GlossaryEntry>) {
  const p = ctx.files.get(REGISTRY_FILES.glossary);
  if (!p) return;
  const seen = new Map<string, string>();
  for (const [id, g] of glossary) {
    const first = seen.get(g.abbreviation);
    if (first !== undefined) report(ctx, p, [id, 'abbreviation'], `Abkürzung „${g.abbreviation}“ steht schon unter „${first}“`);
    else seen.set(g.abbreviation, id);
  }
}

/** The publisher settings (settings.yaml), or undefined when they are missing or invalid. */
export function readPublisher(ctx: CheckContext): Publisher | undefined {
  const source = ctx.bySourcePath.get(REGISTRY_FILES.settings);
  if (!source) {
    reportMissingFile(ctx, REGISTRY_FILES.settings);
    return undefined;
  }
  const p = parseFile(ctx, source);
  if (p.doc.errors.length > 0) return undefined;
  const data = p.doc.toJS() as Record<string, unknown> | null;
  let publisher: Publisher | undefined;
  if (!data || typeof data !== 'object' || !('publisher' in data)) report(ctx, p, [], 'Pflichtfeld fehlt: erwartet „publisher:“ mit den Angaben des Herausgebers');
  else publisher = validate(ctx, p, publisherSchema, data.publisher, ['publisher']);
  // A reserved example domain is a placeholder: the build goes on (the live site must build), the planner is told.
  const email = publisher?.accessibility.feedbackEmail;
  if (email && PLACEHOLDER_HOST.test(email.split('@')[1] ?? ''))
    report(ctx, p, ['publisher', 'accessibility', 'feedbackEmail'], `Platzhalter „${email}“: vor der Veröffentlichung durch die echte Adresse für Rückmeldungen zur Barrierefreiheit ersetzen (BGG § 12b verlangt einen elektronischen Kontakt)`, 'warning');
  return publisher;
}
