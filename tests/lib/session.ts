/**
 * The shared set-up of the browser tests: the built site on a loopback server and one browser,
 * started before the file's tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { distDir } from './dist.ts';
import { startProductionLikeServer as startServer, type StaticServer } from '../../scripts/lib/static-server.ts';

export function siteInBrowser<B extends { close(): Promise<unknown> }>(launch: () => Promise<B>): { server: StaticServer; browser: B } {
  const session = {} as { server: StaticServer; browser: B };
  beforeAll(async () => {
    session.server = await startServer(distDir());
    session.browser = await launch();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
