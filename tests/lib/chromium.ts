/** The browser tests use the build's Chromium launch settings (one place for path and flags). */
export { chromiumFlags, chromiumPath, launchBrowser, launchDebuggable, type DebuggableChromium } from '../../scripts/lib/chromium.ts';
