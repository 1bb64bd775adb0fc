/**
 * A tiny static file server over a built site on 127.0.0.1 (random port), behaving like the static
 * host: "/a/" serves a/index.html, "/a" redirects to "/a/", unknown paths get 404.html with status
 * 404, and _headers (host configuration) is never served. Used to print the PDFs during the build
 * and by the browser tests and `npm run lighthouse`, which also ask for what the production server
 * adds (scripts/lib/hosting.ts): its headers and the precompressed files.
 * Only node:http, so that neither the build nor the checks depend on a server package.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { contentTypeOf, headersFor, isCompressible } from './hosting.ts';

/** The file a URL path refers to on a static host, or undefined ("/a/" → a/index.html, "/a" → a/index.html); never a file outside `dir`. */
export function fileOfUrl(dir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const full = path.join(dir, path.normalize(decoded));
  if (full !== dir && !full.startsWith(dir + path.sep)) return undefined;
  const candidates = decoded.endsWith('/') ? [path.join(full, 'index.html')] : [full, path.join(full, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

export type StaticServerOptions = {
  /** Send the headers of the production server (scripts/lib/hosting.ts: security headers, CSP, Cache-Control). */
  headers?: boolean;
  /** Send text compressed when the request accepts it, as the production server does: the build's .br or .gz file, else gzip on the fly. */
  gzip?: boolean;
};

export type StaticServer = { origin: string; close: () => Promise<void>; server: Server };

export async function startStaticServer(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const headersFile = path.join(root, '_headers');
  const notFound = path.join(root, '404.html');

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let file = fileOfUrl(root, url.pathname);
    // A folder without its trailing slash: redirect, as static hosts do.
    if (file && !url.pathname.endsWith('/') && statSync(path.join(root, decodeURIComponent(url.pathname))).isDirectory()) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    // _headers is host configuration, not content.
    if (file === headersFile) file = undefined;
    let status = 200;
    if (!file) {
      status = 404;
      file = existsSync(notFound) ? notFound : undefined;
    }
    const headers: Record<string, string> = options.headers ? Object.fromEntries(headersFor(url.pathname)) : { 'Cache-Control': 'no-cache' };
    if (!file) {
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    let body = readFileSync(file);
    headers['Content-Type'] = contentTypeOf(file);
    const accepted = String(req.headers['accept-encoding'] ?? '');
    if (options.gzip && isCompressible(file)) {
      headers['Vary'] = 'Accept-Encoding';
      if (/\bbr\b/.test(accepted) && existsSync(`${file}.br`)) {
        body = readFileSync(`${file}.br`);
        headers['Content-Encoding'] = 'br';
      } else if (/\bgzip\b/.test(accepted)) {
        body = existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`) : gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
      }
    }
    headers['Content-Length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The built site as the production server sends it (headers of hosting.ts, precompressed files): for `npm run lighthouse` and the browser tests. */
export const startProductionLikeServer = (dir: string): Promise<StaticServer> => startStaticServer(dir, { headers: true, gzip: true });
