import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { postBuildSteps } from './post-build.ts';

export type BuildOptions = {
  drafts?: boolean;
  /** Project root (default: the current directory). */
  root?: string;
  /** Final output folder (default: <root>/dist). */
  outDir?: string;
  /** Extra environment, e.g. AMIP_CONTENT_DIR for tests on a copy of the content. */
  env?: Record<string, string>;
  /** Print progress (default true). */
  log?: (line: string) => void;
};

/** Runs a command, throws with its output when it fails. */
export function run(cmd: string, args: string[], opts: { cwd: string; env?: Record<string, string>; quiet?: boolean }) {
  const result = spawnSync(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...opts.env },
    encoding: 'utf8',
    stdio: opts.quiet ? 'pipe' : 'inherit',
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(`${cmd} ${args.join(' ')} ist fehlgeschlagen (Exit-Code ${result.status})${output ? `:\n${output}` : ''}`);
  }
  return result;
}

export async function runBuild(options: BuildOptions = {}): Promise<void> {
  const root = path.resolve(options.root ?? process.cwd());
  const outDir = path.resolve(options.outDir ?? path.join(root, 'dist'));
  const log = options.log ?? ((line: string) => console.log(line));
  const tmpDir = `${outDir}.tmp-${process.pid}`;
  const oldDir = `${outDir}.old-${process.pid}`;
  const env: Record<string, string> = {
    ...options.env,
    AMIP_OUT_DIR: tmpDir,
    PUBLISH_DRAFTS: options.drafts ? '1' : '0',
  };
  rmSync(tmpDir, { recursive: true, force: true });
  try {
    log(`Baue die Website nach ${path.relative(root, tmpDir)} …`);
    run(path.join(root, 'node_modules/.bin/astro'), ['build', '--silent'], { cwd: root, env });
    for (const step of postBuildSteps) {
      log(`Schritt: ${step.name}`);
      await step.run({ root, dir: tmpDir, env });
    }
  } catch (error) {
    rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
  // Swap: the old site stays in place until the new one is complete.
  if (existsSync(outDir)) renameSync(outDir, oldDir);
  renameSync(tmpDir, outDir);
  rmSync(oldDir, { recursive: true, force: true });
  log(`Fertig: ${path.relative(root, outDir) || outDir}`);
}
