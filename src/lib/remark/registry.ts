/**
 * Reads the glossary and the legal bases for the remark plugin. The plugin runs inside the
 * Markdown pipeline, outside astro:content, so it parses the YAML itself and checks it with the
 * same schemas as the collections.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { glossaryEntrySchema, legalBasisSchema } from '../schemas/registries.ts';
import type { GlossaryTerm, LegalBasisTerm } from './matcher.ts';

function readMap(file: string): [string, unknown][] {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: kann nicht gelesen werden: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new Error(`${file}: erwartet eine Zuordnung Kennung → Eintrag, gefunden: ${Array.isArray(data) ? 'eine Liste' : JSON.stringify(data)}`);
  return Object.entries(data);
}

function issues(file: string, id: string, error: { issues: { path: PropertyKey[]; message: string }[] }): Error {
  const lines = error.issues.map((i) => `${file}  ${[id, ...i.path.map(String)].join('.')}  ${i.message}`);
  return new Error(lines.join('\n'));
}

export function readGlossary(file: string): GlossaryTerm[] {
  return readMap(file).map(([id, value]) => {
    const r = glossaryEntrySchema.safeParse(value);
    if (!r.success) throw issues(file, id, r.error);
    return { id, ...r.data };
  });
}

export function readLegalBases(file: string): LegalBasisTerm[] {
  return readMap(file).map(([id, value]) => {
    const r = legalBasisSchema.safeParse(value);
    if (!r.success) throw issues(file, id, r.error);
    return { id, citation: r.data.citation, law: r.data.law, sections: r.data.sections, repealed: r.data.repealed };
  });
}

export type Registry = { glossary: GlossaryTerm[]; legalBases: LegalBasisTerm[] };

/** Reads both files again only when one of them changed (`astro dev` keeps the plugin alive). */
export function registryLoader(contentDir: string): () => Registry {
  const glossaryFile = path.join(contentDir, 'glossary.yaml');
  const legalBasesFile = path.join(contentDir, 'legal-bases.yaml');
  let stamp = '';
  let registry: Registry | undefined;
  return () => {
    const now = [glossaryFile, legalBasesFile].map((f) => statSync(f).mtimeMs).join('/');
    if (!registry || now !== stamp) {
      registry = { glossary: readGlossary(glossaryFile), legalBases: readLegalBases(legalBasesFile) };
      stamp = now;
    }
    return registry;
  };
}
