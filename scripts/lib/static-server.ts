/**
 * A tiny static file server over a built site on 127.0.0.1 (random port), behaving like the static
 * host: "/a/" serves a/index.html, "/a" redirects to "/a/", unknown paths get 404.html with status
 * 404, and _headers (host configuration) is never served. Used to print the PDFs during the build
 * and by the browser tests and `npm run lighthouse`, which also ask for what the host adds: the
 * headers of the folder's _headers file and gzip compression.
 * Only node:http, so that neither the build nor the checks depend on a server package.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  // Sign-language videos and their captions (/gebaerdensprache/).
  '.vtt': 'text/vtt; charset=utf-8',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
};
const compressible = /^(text\/|application\/(json|xml|manifest\+json|javascript)|image\/svg)/;

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

export type HeaderRule = { pattern: string; headers: [string, string][] };

/**
 * Parses a _headers file (Netlify / Cloudflare Pages format): a line with a URL pattern at the
 * start, then indented "Name: value" lines. "#" starts a comment line.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = raw.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: Zeile ohne Muster oder ohne „Name: Wert“: ${raw.trim()}`);
    rule.headers.push([raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Whether a _headers pattern ("/*", "/2021/*", "/glossar/") matches a URL path. */
export function patternMatches(pattern: string, urlPath: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(urlPath);
}

export type StaticServerOptions = {
  /** Send the headers of the folder's _headers file, as the host does (security headers, CSP). */
  headers?: boolean;
  /** gzip-compress text when the request accepts it, as the host does. */
  gzip?: boolean;
};

export type StaticServer = { origin: string; close: () => Promise<void>; server: Server };

export async function startStaticServer(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const headersFile = path.join(root, '_headers');
  const rules = options.headers && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
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
    const headers: Record<string, string> = {};
    for (const rule of rules) if (patternMatches(rule.pattern, url.pathname)) for (const [k, v] of rule.headers) headers[k] = v;
    if (!file) {
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body = readFileSync(file);
    headers['Content-Type'] = type;
    headers['Cache-Control'] = 'no-cache';
    if (options.gzip && compressible.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
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
