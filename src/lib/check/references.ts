/**
 * References from one content file to the registries (instruments, target groups, legal bases):
 * every `{ id, collection }` in the parsed data names an entry that exists, or the planner is
 * told which id was meant.
 */
import { type CheckContext, report } from './context.ts';
import type { ParsedFile, PathSegment } from './source.ts';

/** The ids of one registry that references may name, with where they come from. */
export type KnownIds = { ids: ReadonlySet<string>; file: string; what: string };
/** By collection name; a registry that could not be read at all is missing (references to it are not checked). */
export type KnownRegistries = Partial<Record<string, KnownIds>>;

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

/** Reports every reference in `value` (at `path` of file `p`) to an id its registry does not have. */
export function checkReferences(ctx: CheckContext, known: KnownRegistries, p: ParsedFile, value: unknown, path: PathSegment[] = []) {
  // Parsed table rows keep their cells under `cells`; the file writes them on the row itself.
  for (const r of references(value, path).map((x) => ({ ...x, path: x.path.filter((seg) => seg !== 'cells') }))) {
    const registry = known[r.collection];
    if (!registry || registry.ids.has(r.id)) continue;
    const guess = closest(r.id, registry.ids);
    const what = registry.what === 'Instrument' ? 'Instrument-Kennung' : `Kennung (${registry.what})`;
    report(ctx, p, r.path, `unbekannte ${what} „${r.id}“: erwartet eine Kennung aus ${ctx.prefix}${registry.file}${guess ? `, meinten Sie „${guess}“?` : ''}`);
  }
}
