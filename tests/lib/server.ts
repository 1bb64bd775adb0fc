/**
 * The built site served as the static host serves it (scripts/lib/static-server.ts), with the
 * headers of its _headers file and gzip, so that the browser checks see what a visitor gets.
 */
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';

export { parseHeadersFile, patternMatches, type HeaderRule, type StaticServer } from '../../scripts/lib/static-server.ts';

export const startServer = (dir: string): Promise<StaticServer> => startStaticServer(dir, { headers: true, gzip: true });
