/**
 * Debian's Chromium (/usr/bin/chromium, installed by .ci/run; CHROMIUM_PATH points elsewhere),
 * headless, with a fresh profile, for the PDF step of the build and for the browser tests:
 * - launchBrowser(): driven by playwright-core, for printing the PDFs and the page checks;
 * - launchDebuggable(): listening on a DevTools port, for Lighthouse.
 * The flags keep the browser from calling home (updates, sync, field trials), so the only traffic
 * is what the page under test asks for.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Playwright's launch() gives every browser a new temporary user-data-dir and deletes it on close. */
export async function launchBrowser(): Promise<Browser> {
  // Loaded when a browser is wanted: a build whose PDFs come from the cache never loads Playwright.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
}

export type DebuggableChromium = { port: number; close: () => Promise<void> };

/** Starts Chromium with --remote-debugging-port (chosen by Chromium) and a fresh user-data-dir. */
export async function launchDebuggable(): Promise<DebuggableChromium> {
  const profile = mkdtempSync(path.join(tmpdir(), 'amip-chromium-'));
  const child = spawn(
    chromiumPath,
    [...chromiumFlags, '--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanup = () => rmSync(profile, { recursive: true, force: true });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(() => reject(new Error(`Chromium meldet keinen DevTools-Port:\n${stderr}`)), 30_000);
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (chunk: string) => {
        stderr += chunk;
        const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once('error', (e) => reject(new Error(`${chromiumPath} lässt sich nicht starten: ${e.message}`)));
      child.once('exit', (code) => reject(new Error(`Chromium wurde beendet (Exit-Code ${code}):\n${stderr}`)));
    });
    // Keep draining stderr so that Chromium never blocks on a full pipe.
    child.stderr!.resume();
    return {
      port,
      close: async () => {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        cleanup();
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    cleanup();
    throw error;
  }
}
