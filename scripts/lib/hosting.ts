/**
 * How the built site is served: the one source of truth for the response headers (security,
 * caching), the content types and which files are sent compressed. From it come
 * - the nginx configuration (deploy/nginx/amip.conf, `npm run nginx-config`; tests/cli/nginx.test.ts
 *   starts Debian's nginx with it and checks the answers over HTTP),
 * - the `_headers` file written into the built site for hosts that read one (Netlify, Cloudflare Pages),
 * - the answers of the loopback server of the build and the browser tests (static-server.ts),
 * - the precompressed .gz and .br files of the build (steps/serve-files.ts).
 */
import path from 'node:path';
import { contentSecurityPolicy } from '../../src/lib/site.ts';

/** Sent with every answer, also with the 404 page. */
export const securityHeaders: readonly (readonly [string, string])[] = [
  // The pages' <meta> policy (src/lib/site.ts) plus frame-ancestors, which only works as a header.
  ['Content-Security-Policy', `${contentSecurityPolicy}; frame-ancestors 'none'`],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/** Files whose names carry a content hash (Astro's build output): they never change. */
export const hashedPrefix = '/_astro/';
export const cacheControl = {
  /** Hashed files: a year, never revalidated. */
  hashed: 'public, max-age=31536000, immutable',
  /** Everything else (pages, search index, PDFs, downloads) changes with a new build under the same name: 5 minutes. */
  other: 'public, max-age=300',
} as const;

export const cacheControlOf = (urlPath: string) => (urlPath.startsWith(hashedPrefix) ? cacheControl.hashed : cacheControl.other);

type ContentType = { type: string; /** text: sent with charset=utf-8 and precompressed */ text: boolean };

/** Content type per file extension, for every kind of file the site holds or offers for download. */
export const contentTypes: Readonly<Record<string, ContentType>> = {
  html: { type: 'text/html', text: true },
  css: { type: 'text/css', text: true },
  js: { type: 'text/javascript', text: true },
  mjs: { type: 'text/javascript', text: true },
  json: { type: 'application/json', text: true },
  webmanifest: { type: 'application/manifest+json', text: true },
  xml: { type: 'application/xml', text: true },
  txt: { type: 'text/plain', text: true },
  csv: { type: 'text/csv', text: true },
  // Sign-language videos and their captions (/gebaerdensprache/); nosniff needs the right types.
  vtt: { type: 'text/vtt', text: true },
  webm: { type: 'video/webm', text: false },
  mp4: { type: 'video/mp4', text: false },
  svg: { type: 'image/svg+xml', text: true },
  png: { type: 'image/png', text: false },
  jpg: { type: 'image/jpeg', text: false },
  jpeg: { type: 'image/jpeg', text: false },
  webp: { type: 'image/webp', text: false },
  avif: { type: 'image/avif', text: false },
  ico: { type: 'image/x-icon', text: false },
  pdf: { type: 'application/pdf', text: false },
  wasm: { type: 'application/wasm', text: false },
  woff2: { type: 'font/woff2', text: false },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', text: false },
  ods: { type: 'application/vnd.oasis.opendocument.spreadsheet', text: false },
};

const extensionOf = (file: string) => path.extname(file).slice(1).toLowerCase();

/** The Content-Type header for a file name ("a.csv" → "text/csv; charset=utf-8"); unknown kinds are octet streams. */
export function contentTypeOf(file: string): string {
  const known = contentTypes[extensionOf(file)];
  if (!known) return 'application/octet-stream';
  return known.text ? `${known.type}; charset=utf-8` : known.type;
}

/** Whether the build writes .gz and .br beside the file (all text; PDFs and Pagefind's index are compressed already). */
export const isCompressible = (file: string) => contentTypes[extensionOf(file)]?.text === true;

/** The headers for a URL path (security headers and Cache-Control), as every server configuration sends them. */
export function headersFor(urlPath: string): [string, string][] {
  return [...securityHeaders.map(([k, v]) => [k, v] as [string, string]), ['Cache-Control', cacheControlOf(urlPath)]];
}

export type HeaderRule = { pattern: string; headers: [string, string][] };

/**
 * Parses a _headers file (Netlify / Cloudflare Pages format): a line with a URL pattern at the
 * start, then indented "Name: value" lines. "#" starts a comment line. The tests read the
 * generated file back with it.
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

const generatedNote = 'Erzeugt aus scripts/lib/hosting.ts – nicht von Hand ändern.';

/**
 * The `_headers` file (Netlify / Cloudflare Pages format). Hosts join the values of a header that
 * several rules set, so Cache-Control is set for the hashed files only; the hosts' default for
 * everything else revalidates.
 */
export function renderHeadersFile(): string {
  const lines = [`# ${generatedNote}`, '/*', ...securityHeaders.map(([k, v]) => `  ${k}: ${v}`), `${hashedPrefix}*`, `  Cache-Control: ${cacheControl.hashed}`];
  return `${lines.join('\n')}\n`;
}

export type NginxSiteOptions = {
  /** The folder holding the built site. */
  root?: string;
  /** nginx `listen` value. */
  listen?: string;
  serverName?: string;
};

/** The configuration in the repository (`npm run nginx-config` writes it; a test fails when it is out of date). */
export const nginxConfigFile = 'deploy/nginx/amip.conf';

export const nginxDefaults: Required<NginxSiteOptions> = { root: '/var/www/amip', listen: '80', serverName: '_' };

/** nginx's quoting for a header value in add_header. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * The nginx `server` block for the site (for /etc/nginx/sites-available/ on Debian; needs the
 * package libnginx-mod-http-brotli-static for brotli_static).
 */
export function renderNginxSite(options: NginxSiteOptions = {}): string {
  const { root, listen, serverName } = { ...nginxDefaults, ...options };
  // add_header in a location replaces the server's, so every location repeats the full set.
  const headerLines = (cache: string) =>
    [...securityHeaders, ['Cache-Control', cache] as const].map(([k, v]) => `        add_header ${k} ${quoted(v)} always;`).join('\n');
  const byType = new Map<string, string[]>();
  for (const [ext, { type }] of Object.entries(contentTypes)) byType.set(type, [...(byType.get(type) ?? []), ext]);
  const textTypes = [...new Set(Object.values(contentTypes).filter((t) => t.text && t.type !== 'text/html').map((t) => t.type))];
  return `# ${generatedNote}
# Die Website als statische Dateien (README, Abschnitt „Betrieb“). Braucht Debians Pakete nginx und
# libnginx-mod-http-brotli-static. TLS (listen 443 ssl, Zertifikat, Strict-Transport-Security) ergänzt der Betrieb.
server {
    listen ${listen};
    server_name ${serverName};
    root ${root};
    index index.html;

    server_tokens off;
    # Weiterleitung /2021 → /2021/ ohne Hostnamen und Port.
    absolute_redirect off;

    # Nur diese Dateiarten; alles andere als Binärdatei.
    types {
${[...byType].map(([type, exts]) => `        ${type} ${exts.join(' ')};`).join('\n')}
    }
    default_type application/octet-stream;
    charset utf-8;
    charset_types ${textTypes.join(' ')};

    # Der Build legt neben jede Textdatei eine .gz- und eine .br-Fassung; ausgeliefert wird die vorkomprimierte.
    gzip_static on;
    gzip_vary on;
    brotli_static on;

    error_page 404 /404.html;

    location / {
        try_files $uri $uri/ =404;
${headerLines(cacheControl.other)}
    }

    # Dateinamen mit Inhaltshash: ändern sich nie.
    location ${hashedPrefix} {
        try_files $uri =404;
${headerLines(cacheControl.hashed)}
    }

    # Konfiguration anderer Hosts, kein Inhalt.
    location = /_headers {
        return 404;
    }
}
`;
}

/** A whole nginx.conf that runs the site block in the foreground as the calling user, with every path under `prefix` (tests). */
export function renderNginxMain(options: { prefix: string; site: string; modules?: string[] }): string {
  const asRoot = process.getuid?.() === 0;
  return `${(options.modules ?? []).map((m) => `load_module ${m};`).join('\n')}
${asRoot ? 'user root;' : ''}
daemon off;
master_process off;
worker_processes 1;
pid ${path.join(options.prefix, 'nginx.pid')};
error_log ${path.join(options.prefix, 'error.log')} warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path ${path.join(options.prefix, 'body')};
    proxy_temp_path ${path.join(options.prefix, 'proxy')};
    fastcgi_temp_path ${path.join(options.prefix, 'fastcgi')};
    uwsgi_temp_path ${path.join(options.prefix, 'uwsgi')};
    scgi_temp_path ${path.join(options.prefix, 'scgi')};
${options.site}
}
`;
}
