import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type PostBuildStage, postBuildSteps } from './post-build.ts';
import { checkProject } from './check.ts';

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
  /** Skip the data check before the build (tests of the build's own failure handling only). */
  skipCheck?: boolean;
  /** The steps after the Astro build (default: all of post-build.ts; tests that only look at pages pass fewer). */
  steps?: readonly PostBuildStage[];
};

/** Runs a command, throws with its output when it fails. */
export function run(cmd: string, args: string[], opts: { cwd: string; env?: Record<string, string | undefined>; quiet?: boolean }) {
  const env: Record<string, string | undefined> = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...opts.env };
  // undefined removes a variable of the calling process.
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(cmd, args, {
    cwd: opts.cwd,
    env,
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
    // A production build wherever it is started from: under vitest NODE_ENV is "test" and DEV,
    // PROD, MODE, SSR, BASE_URL mirror Vite's import.meta.env; Astro would read DEV=1 as a
    // development build and show drafts.
    NODE_ENV: 'production',
    AMIP_OUT_DIR: tmpDir,
    PUBLISH_DRAFTS: options.drafts ? '1' : '0',
  };
  // The data check first: a wrong number stops here in a second, with file, line and field,
  // before Astro starts (and long before dist/ could be touched).
  if (!options.skipCheck) {
    log('Prüfe die Inhalte (npm run check) …');
    const check = checkProject(root, { ...process.env, ...options.env });
    if (!check.ok) throw new Error(`Die Inhalte enthalten Fehler:\n${check.report}`);
    const warnings = check.result.problems.length;
    if (warnings > 0) log(`${warnings} ${warnings === 1 ? 'Hinweis' : 'Hinweise'} (npm run check zeigt sie).`);
  }
  rmSync(tmpDir, { recursive: true, force: true });
  try {
    log(`Baue die Website nach ${path.relative(root, tmpDir)} …`);
    // Output captured: on failure it becomes part of the error (and the reason printed by scripts/build.ts).
    run(path.join(root, 'node_modules/.bin/astro'), ['build', '--silent'], {
      cwd: root,
      env: { ...env, DEV: undefined, PROD: undefined, MODE: undefined, SSR: undefined, BASE_URL: undefined },
      quiet: true,
    });
    for (const stage of options.steps ?? postBuildSteps) {
      const together = Array.isArray(stage) ? stage : [stage];
      // All steps of a stage finish (none still writes into tmpDir when it is removed); the first failure counts.
      const results = await Promise.allSettled(
        together.map(async (step) => {
          log(`Schritt: ${step.name}`);
          await step.run({ root, dir: tmpDir, env });
        }),
      );
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
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
