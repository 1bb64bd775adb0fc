/**
 * The build benchmark's side effects: a throwaway copy of the project in a temporary folder (its
 * own .astro/ and cache, so that it neither reads nor disturbs the builds in the repository), the
 * synthetic archives, timed builds with memory sampling, and the measured site.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { archiveYears, pageStats, shiftYear, type Machine, type Result, type Run } from './report.ts';
import type { BuildResult } from '../build.ts';
import { siteFiles } from '../site-files.ts';

/** What the build needs of the project; everything else (dist, tests, .git) stays behind. */
const projectFiles = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'public', 'scripts', 'src'];

/**
 * A copy of the project at `dir`: sources copied (without src/content), node_modules as a folder
 * of links to the repository's packages, so that Astro's cache (node_modules/.astro) is the
 * copy's own.
 */
export function createProject(repo: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const name of projectFiles) {
    const from = path.join(repo, name);
    if (!existsSync(from)) continue;
    cpSync(from, path.join(dir, name), {
      recursive: true,
      filter: (src) => !src.startsWith(path.join(repo, 'src', 'content') + path.sep) && !/\.tmp\.ts$/.test(src),
    });
  }
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(path.join(repo, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(path.join(repo, 'node_modules', name), path.join(modules, name));
  }
}

/**
 * A content folder with the registries of `source` and `n` programme years: copies of year
 * `from` with the year changed, the newest being `from`.
 */
export function createArchive(source: string, dir: string, n: number, from: number): number[] {
  const years = archiveYears(n, from);
  cpSync(source, dir, { recursive: true, filter: (src) => !src.startsWith(path.join(source, 'programmes') + path.sep) });
  const template = path.join(source, 'programmes', String(from));
  for (const year of years) {
    const target = path.join(dir, 'programmes', String(year));
    cpSync(template, target, { recursive: true });
    for (const file of walk(target)) writeFileSync(file, shiftYear(readFileSync(file, 'utf8'), from, year));
  }
  return years;
}

/** Every file below `dir`, as absolute paths. */
const walk = (dir: string) => siteFiles(dir).map((rel) => path.join(dir, rel));

/** Summed RSS of a process and all its descendants, from /proc (Linux). */
function treeRss(root: number): { sum: number; max: number } {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: the fields start after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = parents.get(p), hops++) if (p === root) return true;
    return false;
  };
  const page = 4096;
  let sum = 0;
  let max = 0;
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    try {
      const rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * page;
      sum += rss;
      max = Math.max(max, rss);
    } catch {
      // ended
    }
  }
  return { sum, max };
}

const gnuTime = '/usr/bin/time';

/**
 * One build of the project with the content at `contentDir`, as `npm run build` does it, cold:
 * Astro's cache and the previous output are removed first. The phases are those the build itself
 * measured (`scripts/build.ts --timings`, from runBuild's result); "Start" is what comes before
 * them (starting Node and loading the build's modules).
 */
export async function timedBuild(project: string, contentDir: string): Promise<Run> {
  for (const leftover of ['dist', '.astro', 'node_modules/.astro']) rmSync(path.join(project, leftover), { recursive: true, force: true });
  const loadBefore = os.loadavg()[0]!;
  const useTime = existsSync(gnuTime);
  const node = process.execPath;
  const timings = path.join(project, 'build-timings.json');
  rmSync(timings, { force: true });
  const build = ['scripts/build.ts', '--timings', timings];
  const [cmd, args] = useTime ? [gnuTime, ['-v', node, ...build]] : [node, build];
  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: project,
    env: { ...process.env, AMIP_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', PUBLISH_DRAFTS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peakTree = 0;
  let peakProcess = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    const { sum, max } = treeRss(child.pid);
    peakTree = Math.max(peakTree, sum);
    peakProcess = Math.max(peakProcess, max);
  };
  const sampler = setInterval(sample, 100);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ended = performance.now();
  clearInterval(sampler);
  if (code !== 0) throw new Error(`Build fehlgeschlagen (Exit-Code ${code}):\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
  const result = JSON.parse(readFileSync(timings, 'utf8')) as BuildResult;
  const phases: Record<string, number> = { Start: Math.max(0, ended - started - result.totalMs) };
  for (const phase of result.phases) phases[phase.name] = phase.ms;
  // GNU time: "Maximum resident set size (kbytes): 123456" of the largest process it waited for.
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
  if (maxRss) peakProcess = Math.max(peakProcess, Number(maxRss) * 1024);
  // CPU time of the whole tree: less skewed than wall time when other work shares the machine.
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const cpuMs = user && system ? (Number(user) + Number(system)) * 1000 : undefined;
  return { totalMs: ended - started, phases, peakTreeRss: peakTree, peakProcessRss: peakProcess, cpuMs, load: [loadBefore, os.loadavg()[0]!] };
}

/** Sizes of the built site: HTML pages (bytes and gzip), the Pagefind index, the PDFs. */
export function measureSite(dist: string): Result['site'] {
  const files = walk(dist);
  const pages = files
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const body = readFileSync(f);
      const rel = path.relative(dist, f).split(path.sep).join('/');
      return { url: '/' + rel.replace(/(^|\/)index\.html$/, '$1'), bytes: body.length, gzip: gzipSync(body).length };
    });
  const pagefind = path.join(dist, 'pagefind');
  // The search index as the browser loads it: without the precompressed copies.
  const index = existsSync(pagefind) ? walk(pagefind).filter((f) => !/\.(gz|br)$/.test(f)) : undefined;
  const pdfs = files.filter((f) => f.endsWith('.pdf'));
  return {
    ...pageStats(pages),
    searchIndexBytes: index?.reduce((sum, f) => sum + statSync(f).size, 0),
    searchIndexFiles: index?.length,
    pdfs: pdfs.length,
    pdfBytes: pdfs.reduce((sum, f) => sum + statSync(f).size, 0),
  };
}

export function machine(repo: string): Machine {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unbekannt';
  const chromium = spawnSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'Chromium unbekannt';
  const astro = (JSON.parse(readFileSync(path.join(repo, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    node: process.version.replace(/^v/, ''),
    os: `${os.type()} ${os.release()}`,
    astro,
    chromium,
  };
}
