/**
 * The build measured against what it is compared with, and the dev loop:
 * - a plain Astro 7 + MDX project with the same number of pages and the same text (each built
 *   page's text as an MDX page in one small layout), built cold like the real one, alternating;
 * - `npm run dev`: after saving a changed number in a chapter file, how long until the dev server
 *   serves the page with the new number.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { freePort } from '../ports.ts';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { listPages } from '../site-files.ts';

/** The text of a page's <main> as Markdown paragraphs (headings stay headings), escaped for MDX. */
export function pageText(html: string): { title: string; body: string } {
  const title = decodeHTML(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '').trim();
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? html;
  const blocks = main
    .replace(/<(script|style|svg|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<h([1-6])\b[^>]*>/gi, (_, level: string) => `\n\n${'#'.repeat(Number(level))} `)
    .replace(/<\/(p|h[1-6]|li|tr|div|section|figure|table|ul|ol|dl|dt|dd|caption|aside|blockquote)>/gi, '\n\n')
    .replace(/<[^>]+>/g, ' ');
  const body = decodeHTML(blocks)
    .split(/\n{2,}/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    // MDX reads { } < > as code and markup; the text is plain.
    .map((b) => b.replace(/[{}<>\\*_`[\]]/g, (c) => `\\${c}`).replace(/^(\d+)\. /, '$1\\. ').replace(/^[-+] /, '\\$&'))
    .join('\n\n');
  return { title, body };
}

/**
 * How the pages of the plain project are made: each an MDX page of its own under src/pages/
 * ("pages"), or each an entry of one content collection (glob loader, a zod schema for its
 * frontmatter) rendered by one route ("collection"): the least a site built on content
 * collections pays, as this one is.
 */
export type PlainVariant = 'pages' | 'collection';

/**
 * A plain Astro + MDX project at `dir` with one MDX page (or collection entry) per HTML page of
 * the built site `dist` (same URL, same text), sharing the repository's node_modules. Returns the
 * number of pages.
 */
export function createPlainProject(repo: string, dist: string, dir: string, variant: PlainVariant = 'pages'): number {
  mkdirSync(path.join(dir, 'src/layouts'), { recursive: true });
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ output: 'static', trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false }, integrations: [mdx()] });\n",
  );
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'plain-astro', private: true, type: 'module' }));
  writeFileSync(
    path.join(dir, 'src/layouts/Page.astro'),
    '---\nconst { frontmatter } = Astro.props;\n---\n<html lang="de"><head><meta charset="utf-8"><title>{frontmatter.title}</title></head><body><main><slot /></main></body></html>\n',
  );
  if (variant === 'collection') {
    mkdirSync(path.join(dir, 'src/pages'), { recursive: true });
    writeFileSync(
      path.join(dir, 'src/content.config.ts'),
      "import { defineCollection, z } from 'astro:content';\nimport { glob } from 'astro/loaders';\n" +
        "export const collections = { pages: defineCollection({ loader: glob({ pattern: '*.mdx', base: './src/content/pages' }), schema: z.object({ path: z.string(), title: z.string() }) }) };\n",
    );
    writeFileSync(
      path.join(dir, 'src/pages/[...path].astro'),
      "---\nimport { getCollection, render } from 'astro:content';\nimport Page from '../layouts/Page.astro';\n" +
        'export async function getStaticPaths() {\n  return (await getCollection(\'pages\')).map((entry) => ({ params: { path: entry.data.path || undefined }, props: { entry } }));\n}\n' +
        'const { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<Page frontmatter={entry.data}><Content /></Page>\n',
    );
  }
  const pages = listPages(dist);
  pages.forEach((page, i) => {
    const { title, body } = pageText(readFileSync(page.file, 'utf8'));
    // "a/b/index.html" → a/b.mdx, "index.html" → index.mdx, "404.html" → 404.mdx: the same URLs.
    const name = page.rel === 'index.html' ? 'index.mdx' : page.rel.replace(/\/index\.html$|\.html$/, '.mdx');
    if (variant === 'collection') {
      // The route's parameter: "a/b" for /a/b/, "" for the home page.
      const route = name.replace(/(^|\/)?index\.mdx$|\.mdx$/, '');
      const file = path.join(dir, 'src/content/pages', `${String(i).padStart(4, '0')}.mdx`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `---\npath: ${JSON.stringify(route)}\ntitle: ${JSON.stringify(title)}\n---\n\n${body}\n`);
      return;
    }
    const file = path.join(dir, 'src/pages', name);
    mkdirSync(path.dirname(file), { recursive: true });
    const layout = path.relative(path.dirname(file), path.join(dir, 'src/layouts/Page.astro')).split(path.sep).join('/');
    writeFileSync(file, `---\nlayout: ${layout}\ntitle: ${JSON.stringify(title)}\n---\n\n${body}\n`);
  });
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(path.join(repo, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(path.join(repo, 'node_modules', name), path.join(modules, name));
  }
  return pages.length;
}

/** Runs `node <args>` in `cwd`; resolves with the wall time in ms, rejects with the output on failure. */
export function timedNode(cwd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`node ${args.join(' ')}: Exit-Code ${code}\n${output.slice(-3000)}`)))),
  );
}

/** A cold build of the plain project (no Astro cache, no output), wall time in ms. */
export function plainBuild(dir: string): Promise<number> {
  for (const leftover of ['dist', '.astro', 'node_modules/.astro']) rmSync(path.join(dir, leftover), { recursive: true, force: true });
  return timedNode(dir, ['node_modules/astro/bin/astro.mjs', 'build', '--silent']);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A number written with thousands dots in running text ("11.797"), not part of a date. */
const thousands = /(?<![\d.])\d{1,3}(?:\.\d{3})+(?![\d.])/;

/** The first chapter of `year` with such a number in its text: file, page URL, the number. */
export function chapterWithNumber(contentDir: string, year: number): { file: string; url: string; number: string } {
  const dir = path.join(contentDir, 'programmes', String(year), 'chapters');
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const body = text.slice(text.indexOf('\n---', 3) + 4);
    const number = thousands.exec(body)?.[0];
    const slug = /^slug:\s*(\S+)/m.exec(text)?.[1];
    if (number && slug) return { file: path.join(dir, name), url: `/${year}/${slug}/`, number };
  }
  throw new Error(`${dir}: kein Kapitel mit einer Zahl wie 1.800 im Text`);
}

/**
 * The dev loop: starts `astro dev` on the project with the content at `contentDir`, loads the
 * chapter page once, then `rounds` times saves the chapter with a changed number and measures
 * until the server's answer for the page contains it (polling every 20 ms). The chapter file is
 * restored afterwards; the server is stopped.
 */
export async function devLoop(project: string, contentDir: string, year: number, rounds = 3): Promise<{ file: string; url: string; times: number[] }> {
  const chapter = chapterWithNumber(contentDir, year);
  const original = readFileSync(chapter.file, 'utf8');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: project,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', AMIP_CONTENT_DIR: contentDir, PUBLISH_DRAFTS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const page = async () => {
    try {
      const res = await fetch(origin + chapter.url);
      return res.ok ? await res.text() : '';
    } catch {
      return '';
    }
  };
  try {
    // Ready when the page is served (the first request compiles it).
    const readyBy = performance.now() + 120_000;
    while (!(await page()).includes(chapter.number)) {
      if (child.exitCode !== null || performance.now() > readyBy) throw new Error(`astro dev antwortet nicht mit ${chapter.url}:\n${output.slice(-2000)}`);
      await pause(200);
    }
    const times: number[] = [];
    for (let i = 1; i <= rounds; i++) {
      // Same length as the original, new digits: "1.800" → "9.871" etc.
      const changed = chapter.number.replace(/\d/g, (d, offset: number) => String((Number(d) + i + offset) % 10));
      writeFileSync(chapter.file, original.replace(chapter.number, changed));
      const saved = performance.now();
      const until = saved + 30_000;
      while (!(await page()).includes(changed)) {
        if (performance.now() > until) throw new Error(`${chapter.url} zeigt ${changed} nach 30 s noch nicht:\n${output.slice(-2000)}`);
        await pause(20);
      }
      times.push(performance.now() - saved);
      // Back to the original and wait until it is served, so that every round starts the same.
      writeFileSync(chapter.file, original);
      while ((await page()).includes(changed)) await pause(50);
    }
    return { file: path.relative(contentDir, chapter.file), url: chapter.url, times };
  } finally {
    writeFileSync(chapter.file, original);
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
}
