/**
 * The built site served as the static host serves it (scripts/lib/static-server.ts), with the
 * headers and precompressed files of the production server (scripts/lib/hosting.ts), so that the
 * browser checks see what a visitor gets.
 */
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';

export { type StaticServer } from '../../scripts/lib/static-server.ts';
export { parseHeadersFile, patternMatches, type HeaderRule } from '../../scripts/lib/hosting.ts';

export const startServer = (dir: string): Promise<StaticServer> => startStaticServer(dir, { headers: true, gzip: true });
