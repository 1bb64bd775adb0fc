import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PostBuildStage, PostBuildStep } from './post-build.ts';

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
  /** Skip the data check that runs beside Astro (tests of the build's own failure handling only). */
  skipCheck?: boolean;
  /** The steps after the Astro build (default: all of post-build.ts; tests that only look at pages pass fewer). */
  steps?: readonly PostBuildStage[];
  /** Called when a phase of the build has finished, with its duration (the benchmark's source of phase times). */
  onPhase?: (phase: BuildPhase) => void;
};

/** A finished phase of the build: the data check, Astro, each post-build step, the swap. */
export type BuildPhase = { name: string; ms: number };

export type BuildResult = { phases: BuildPhase[]; totalMs: number };

/** The environment for a child process: undefined removes a variable of the calling process. */
function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env as Record<string, string>;
}


/**
 * Starts a command in the background with its output captured. `done` settles when it ends
 * (rejecting with the output when it fails); `stop` ends it early and waits for it.
 */
export function start(cmd: string, args: string[], opts: { cwd: string; env?: Record<string, string | undefined> }) {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: childEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', (error) => {
      output += String(error);
      resolve(-1);
    });
    child.once('close', (code) => resolve(code));
  });
  const done = exited.then((code) => {
    if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} ist fehlgeschlagen (Exit-Code ${code})${output.trim() ? `:\n${output.trim()}` : ''}`);
  });
  // Handled here as well: a failure while the caller is still busy elsewhere is not "unhandled".
  done.catch(() => {});
  return {
    done,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function runBuild(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const phases: BuildPhase[] = [];
  /** Runs `work` as a phase; `since`: when the phase began, if before this call. */
  const timed = async <T>(name: string, work: () => T | Promise<T>, since?: number): Promise<T> => {
    const t = since ?? performance.now();
    const value = await work();
    const phase = { name, ms: performance.now() - t };
    phases.push(phase);
    options.onPhase?.(phase);
    return value;
  };
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
  rmSync(tmpDir, { recursive: true, force: true });
  try {
    log(`Baue die Website nach ${path.relative(root, tmpDir)} …`);
    // Astro starts at once and builds into the temporary folder while the data check runs beside
    // it (the machine has a core for each). A wrong number stops the build with the check's
    // message – file, line and field – and Astro is stopped; dist/ is never touched.
    // Output captured: on failure it becomes part of the error (and the reason printed by scripts/build.ts).
    const astroStarted = performance.now();
    const astro = start(path.join(root, 'node_modules/.bin/astro'), ['build', '--silent'], {
      cwd: root,
      env: { ...env, DEV: undefined, PROD: undefined, MODE: undefined, SSR: undefined, BASE_URL: undefined },
    });
    // The post-build steps (Pagefind, the PDF code) load while Astro builds, not before it starts.
    const stages = options.steps ? Promise.resolve(options.steps) : import('./post-build.ts').then((m) => m.postBuildSteps);
    stages.catch(() => {}); // awaited below; a failed check may end the build before that
    if (!options.skipCheck) {
      log('Prüfe die Inhalte (npm run check) …');
      // Loaded here, so that loading the check does not delay Astro's start.
      const { checkProject } = await import('./check.ts');
      const check = await timed('Datenprüfung', () => checkProject(root, { ...process.env, ...options.env }));
      if (!check.ok) {
        await astro.stop();
        throw new Error(`Die Inhalte enthalten Fehler:\n${check.report}`);
      }
      const warnings = check.result.problems.length;
      if (warnings > 0) log(`${warnings} ${warnings === 1 ? 'Hinweis' : 'Hinweise'} (npm run check zeigt sie).`);
    }
    // Counted from Astro's start, not from the end of the check.
    await timed('astro build', () => astro.done, astroStarted);
    // A stage is one step or several that run at the same time (post-build.ts says which may).
    for (const stage of await stages) {
      const steps: readonly PostBuildStep[] = Array.isArray(stage) ? stage : [stage as PostBuildStep];
      log(`Schritt: ${steps.map((s) => s.name).join(' ‖ ')}`);
      // Started in order: a step's work before its first await is done before the next one starts.
      // Every step of the stage has ended before a failure is passed on (and the folder removed).
      const outcomes = await Promise.allSettled(steps.map((step) => timed(step.name, () => step.run({ root, dir: tmpDir, env }))));
      const failed = outcomes.find((o) => o.status === 'rejected');
      if (failed) throw failed.reason;
    }
  } catch (error) {
    rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
  // Swap: the old site stays in place until the new one is complete.
  await timed('Austausch', () => {
    if (existsSync(outDir)) renameSync(outDir, oldDir);
    renameSync(tmpDir, outDir);
    rmSync(oldDir, { recursive: true, force: true });
  });
  log(`Fertig: ${path.relative(root, outDir) || outDir}`);
  return { phases, totalMs: performance.now() - started };
}
