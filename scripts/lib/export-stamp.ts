/**
 * Protects edited spreadsheets from a re-export: `npm run export` and `npm run import` note
 * each file they wrote or read, with its SHA-256 and the time, in `.amip-stand.json` in the
 * file's folder (next to the export, so that it travels with the folder and survives `npm ci`;
 * a file in node_modules/.cache would be lost with every fresh install and then every re-export
 * would need --force). A file that is there and differs from what was last exported or imported
 * holds edits that were never imported: the export overwrites it only with --force.
 * Comparing contents rather than modification times is exact: copying a file, or a clock that
 * is off, changes neither verdict.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const STAMP_FILE = '.amip-stand.json';

type Stamp = Record<string, { sha256: string; by: 'export' | 'import'; at: string }>;

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

function readStamp(dir: string): Stamp {
  try {
    return JSON.parse(readFileSync(path.join(dir, STAMP_FILE), 'utf8')) as Stamp;
  } catch {
    return {};
  }
}

/** Notes the files (absolute paths) as exported or imported, with their current contents. */
export function noteFiles(files: readonly string[], by: 'export' | 'import', at = new Date()) {
  const byDir = new Map<string, string[]>();
  for (const f of files) byDir.set(path.dirname(f), [...(byDir.get(path.dirname(f)) ?? []), f]);
  for (const [dir, list] of byDir) {
    const stamp = readStamp(dir);
    for (const f of list) stamp[path.basename(f)] = { sha256: sha256(readFileSync(f)), by, at: at.toISOString() };
    writeFileSync(path.join(dir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`, 'utf8');
  }
}

/** Files among `targets` that exist and were changed since they were last exported or imported. */
export function unimportedEdits(targets: readonly string[]): { file: string; since: string | undefined }[] {
  const out: { file: string; since: string | undefined }[] = [];
  for (const f of targets) {
    if (!existsSync(f)) continue;
    const entry = readStamp(path.dirname(f))[path.basename(f)];
    if (entry?.sha256 === sha256(readFileSync(f))) continue;
    out.push({ file: f, since: entry ? `${entry.by === 'export' ? 'exportiert' : 'eingelesen'} am ${new Date(entry.at).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' })}` : undefined });
  }
  return out;
}
