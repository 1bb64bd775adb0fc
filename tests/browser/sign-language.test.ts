/**
 * Sign-language videos (BITV 2.0 § 4) on a fixture site: a copy of the content whose settings name
 * a small generated video (tests/fixtures/gebaerdensprache/) in a copy of public/. The page must show
 * the browser's own player with captions and a transcript link, load nothing from other hosts,
 * play the file, and pass axe; the live settings stay untouched.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBuild } from '../../scripts/lib/build.ts';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { startProductionLikeServer as startServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { tempContent, tempDir } from '../lib/regeneration.ts';
import { fixtureDir, repoRoot } from '../lib/content.ts';

const content = tempContent();
const work = tempDir('sign-language');
const publicDir = path.join(work.dir, 'public');
const out = path.join(work.dir, 'dist');
const fixture = fixtureDir('gebaerdensprache');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server: StaticServer;
let browser: Browser;
let html = '';

beforeAll(async () => {
  cpSync(path.join(repoRoot, 'public'), publicDir, { recursive: true });
  cpSync(fixture, path.join(publicDir, 'gebaerdensprache'), { recursive: true });
  const settings = path.join(content.dir, 'settings.yaml');
  const video = '{ video: /gebaerdensprache/inhalt.webm, captions: /gebaerdensprache/inhalt.vtt, transcript: /gebaerdensprache/inhalt.txt }';
  const text = readFileSync(settings, 'utf8');
  if (!text.includes('signLanguage: {}')) throw new Error('settings.yaml: „signLanguage: {}“ nicht gefunden');
  writeFileSync(settings, text.replace('signLanguage: {}', `signLanguage: { contents: ${video} }`));
  await runBuild({ root: repoRoot, outDir: out, env: { AMIP_CONTENT_DIR: content.dir, AMIP_PUBLIC_DIR: publicDir }, log: () => {}, steps: [] });
  html = readFileSync(path.join(out, 'gebaerdensprache/index.html'), 'utf8');
  server = await startServer(out);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  content.cleanup();
  work.cleanup();
});

describe('a sign-language video from the settings', () => {
  test('native <video> with source, captions track and transcript link; the three other videos announced as missing', () => {
    const video = /<video\b[^>]*>([\s\S]*?)<\/video>/.exec(html);
    expect(video, '<video> fehlt').not.toBeNull();
    expect(video![0]).toMatch(/<video\b[^>]*\bcontrols\b/);
    expect(video![1]).toMatch(/<source src="\/gebaerdensprache\/inhalt\.webm" type="video\/webm">/);
    expect(video![1]).toMatch(/<track kind="captions" src="\/gebaerdensprache\/inhalt\.vtt" srclang="de" label="Deutsch" default>/);
    expect(html).toContain('<a href="/gebaerdensprache/inhalt.txt">');
    expect(html.match(/<video\b/g)).toHaveLength(1);
    expect(html).toContain('3 von 4 Videos gibt es noch nicht.');
    expect(html).not.toMatch(/<(iframe|script)\b/);
  });

  test('plays in Chromium from the own server, with the captions track loaded, and passes axe in light and dark', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      const foreign: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) foreign.push(r.url());
      });
      await page.goto(`${server.origin}/gebaerdensprache/`, { waitUntil: 'load' });
      const state = await page.evaluate(async () => {
        const v = document.querySelector('video')!;
        v.muted = true;
        await v.play();
        await new Promise((r) => setTimeout(r, 300));
        const track = v.textTracks[0];
        if (track) track.mode = 'showing';
        const el = v.querySelector('track') as HTMLTrackElement;
        for (let i = 0; i < 50 && el.readyState < 2; i++) await new Promise((r) => setTimeout(r, 50));
        return { width: v.videoWidth, playing: v.currentTime > 0, kind: track?.kind, trackState: el.readyState, cues: track?.cues?.length ?? 0 };
      });
      expect(state).toEqual({ width: 64, playing: true, kind: 'captions', trackState: 2, cues: 1 });
      expect(foreign).toEqual([]);
      await page.evaluate(axeSource);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const violations = await page.evaluate(() =>
          (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string }[] }> } }).axe
            .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
            .then((r) => r.violations.map((v) => v.id)),
        );
        expect(violations, colorScheme).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});
