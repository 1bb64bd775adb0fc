/**
 * publiccode.yml at the root: the keys the standard (version 0.5, docs/standard/schema.core.rst of
 * publiccodeyml/publiccode.yml) marks as mandatory, with their types and allowed values, and a
 * licence that matches LICENSE.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, test } from 'vitest';
import { z } from 'zod';
import { repoRoot } from '../lib/dist.ts';

const url = z.url({ protocol: /^https?$/ });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
const description = z.object({
  shortDescription: z.string().min(1).max(150),
  longDescription: z.string().min(150).max(10_000),
  features: z.array(z.string().min(1)).min(1),
});
const publiccode = z.object({
  publiccodeYmlVersion: z.string().regex(/^0\.\d+$/),
  name: z.string().min(1),
  url,
  softwareVersion: z.string().optional(),
  releaseDate: date.optional(),
  platforms: z.union([z.string(), z.array(z.string()).min(1)]),
  categories: z.array(z.string().regex(/^[a-z-]+$/)).min(1),
  developmentStatus: z.enum(['concept', 'development', 'beta', 'stable', 'obsolete']),
  softwareType: z.enum(['standalone/mobile', 'standalone/iot', 'standalone/desktop', 'standalone/web', 'standalone/backend', 'standalone/other', 'addon', 'library', 'configurationFiles']),
  description: z.record(language, description).refine((d) => Object.keys(d).length > 0, 'mindestens eine Sprache'),
  legal: z.object({ license: z.string().min(1) }),
  maintenance: z
    .object({
      type: z.enum(['internal', 'contract', 'community', 'none']),
      contacts: z.array(z.object({ name: z.string().min(1) })).optional(),
      contractors: z.array(z.object({ name: z.string().min(1), until: date })).optional(),
    })
    .refine((m) => !['internal', 'community'].includes(m.type) || (m.contacts?.length ?? 0) > 0, 'contacts ist Pflicht bei internal und community')
    .refine((m) => m.type !== 'contract' || (m.contractors?.length ?? 0) > 0, 'contractors ist Pflicht bei contract'),
  localisation: z.object({ localisationReady: z.boolean(), availableLanguages: z.array(language).min(1) }),
});

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

test('publiccode.yml has every mandatory key of the standard, with the right types', () => {
  const result = publiccode.safeParse(parse(read('publiccode.yml')));
  expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
});

test('the schema of this test rejects what the standard rejects (self-test)', () => {
  const valid = parse(read('publiccode.yml'));
  const broken = [
    { ...valid, publiccodeYmlVersion: 0.5 },
    { ...valid, developmentStatus: 'fertig' },
    { ...valid, description: { de: { ...valid.description.de, shortDescription: 'x'.repeat(151) } } },
    { ...valid, maintenance: { type: 'internal' } },
    { ...valid, localisation: { localisationReady: 'ja', availableLanguages: ['de'] } },
    Object.fromEntries(Object.entries(valid).filter(([k]) => k !== 'url')),
  ];
  for (const b of broken) expect(publiccode.safeParse(b).success, JSON.stringify(b).slice(0, 120)).toBe(false);
});

test('the licence is the EUPL 1.2, as in LICENSE, and the version is the package version', () => {
  const data = parse(read('publiccode.yml'));
  expect(data.legal.license).toBe('EUPL-1.2');
  expect(read('LICENSE')).toMatch(/^\s*EUROPEAN UNION PUBLIC LICENCE v\. 1\.2\n/);
  expect(read('LICENSE')).toMatch(/All other changes or additions to this Appendix require the production of a new\nEUPL version\.\n$/);
  expect(data.softwareVersion).toBe(JSON.parse(read('package.json')).version);
});
