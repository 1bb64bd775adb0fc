/**
 * The site as the production server sends it: Debian's nginx with the configuration generated from
 * scripts/lib/hosting.ts, over a fixture site that the build's own precompression step has
 * prepared. Checks over HTTP: security headers (also on the 404 page), caching, gzip and Brotli
 * from the precompressed files, the site's 404 page, content types of the downloads.
 * In CI (.ci/run installs nginx) a missing nginx is an error; elsewhere the file is skipped.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cacheControl, nginxConfigFile, renderNginxSite, securityHeaders } from '../../scripts/lib/hosting.ts';
import { nginxPath, startNginx, type Nginx } from '../../scripts/lib/nginx.ts';
import { precompress } from '../../scripts/lib/steps/serve-files.ts';
import { repoRoot } from '../lib/dist.ts';

test(`${nginxConfigFile} is the configuration generated from scripts/lib/hosting.ts (npm run nginx-config)`, () => {
  expect(readFileSync(path.join(repoRoot, nginxConfigFile), 'utf8')).toBe(renderNginxSite());
});

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A GET without any decoding, so that the test sees the bytes on the wire. */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const page = (title: string) => `<!doctype html><html lang="de"><head><title>${title}</title></head><body><main><h1>${title}</h1><p>${'Arbeitsmarkt und Integration. '.repeat(40)}</p></main></body></html>\n`;
const fixture: Record<string, string | Buffer> = {
  'index.html': page('Start'),
  '404.html': page('Seite nicht gefunden'),
  '2021/index.html': page('Programm 2021'),
  '_astro/client.AbC123xy.js': `export const x = ${JSON.stringify('x'.repeat(600))};\n`,
  'pagefind/pagefind.js': `const pagefind = ${JSON.stringify('p'.repeat(600))};\n`,
  '2021/daten/kennzahlen.csv': `Kennzahl;Wert\n${'Integrationen;1.800\n'.repeat(30)}`,
  '2021/daten/kennzahlen.json': JSON.stringify({ rows: Array.from({ length: 30 }, (_, i) => ({ i, name: 'Integrationen' })) }),
  '2021/daten/kennzahlen.xlsx': Buffer.from('PK\u0003\u0004 fixture', 'latin1'),
  '2021/amip-2021.pdf': Buffer.from('%PDF-1.7 fixture\n', 'latin1'),
  _headers: '/*\n  X-Test: 1\n',
};

const available = existsSync(nginxPath);
if (!available && process.env.CI === 'true') throw new Error(`${nginxPath} fehlt: .ci/run installiert nginx`);
if (!available) console.warn(`Warnung: ${nginxPath} fehlt – nginx-Test übersprungen (apt-get install -y nginx libnginx-mod-http-brotli-static)`);

describe.skipIf(!available)('nginx with the generated configuration', () => {
  let dir: string;
  let nginx: Nginx;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'amip-nginx-site-'));
    for (const [rel, content] of Object.entries(fixture)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), content);
    }
    await precompress(dir);
    nginx = await startNginx(dir);
  });
  afterAll(async () => {
    await nginx?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const url = (p: string) => `${nginx.origin}${p}`;
  const file = (rel: string) => readFileSync(path.join(dir, rel));

  test('every answer carries the security headers, the 404 page too', async () => {
    for (const p of ['/', '/2021/', '/_astro/client.AbC123xy.js', '/2021/amip-2021.pdf', '/gibt-es-nicht/']) {
      const { headers } = await get(url(p));
      expect(Object.fromEntries(securityHeaders.map(([k]) => [k, headers[k.toLowerCase()]])), p).toEqual(Object.fromEntries(securityHeaders));
    }
    const csp = String((await get(url('/'))).headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  test('hashed files are cached for a year, pages and downloads for minutes', async () => {
    expect((await get(url('/_astro/client.AbC123xy.js'))).headers['cache-control']).toBe(cacheControl.hashed);
    for (const p of ['/', '/2021/', '/pagefind/pagefind.js', '/2021/amip-2021.pdf']) expect((await get(url(p))).headers['cache-control'], p).toBe(cacheControl.other);
  });

  test('text is sent as the precompressed Brotli or gzip file, or plain when the browser accepts neither', async () => {
    for (const [p, rel] of [['/', 'index.html'], ['/_astro/client.AbC123xy.js', '_astro/client.AbC123xy.js'], ['/pagefind/pagefind.js', 'pagefind/pagefind.js'], ['/2021/daten/kennzahlen.json', '2021/daten/kennzahlen.json']] as const) {
      const br = await get(url(p), { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding'], p).toBe('br');
      expect(br.headers.vary, p).toMatch(/Accept-Encoding/);
      expect(br.body.equals(file(`${rel}.br`)), `${p}: nicht die .br-Datei des Builds`).toBe(true);
      expect(brotliDecompressSync(br.body).equals(file(rel)), p).toBe(true);
      const gz = await get(url(p), { 'Accept-Encoding': 'gzip' });
      expect(gz.headers['content-encoding'], p).toBe('gzip');
      expect(gz.body.equals(file(`${rel}.gz`)), `${p}: nicht die .gz-Datei des Builds`).toBe(true);
      expect(gunzipSync(gz.body).equals(file(rel)), p).toBe(true);
      const plain = await get(url(p));
      expect(plain.headers['content-encoding'], p).toBeUndefined();
      expect(plain.body.equals(file(rel)), p).toBe(true);
    }
  });

  test('an unknown path gets the site’s 404 page with status 404; host configuration is not served', async () => {
    for (const p of ['/gibt-es-nicht/', '/2021/gibt-es-nicht.pdf', '/_headers']) {
      const answer = await get(url(p));
      expect(answer.status, p).toBe(404);
      expect(answer.body.equals(file('404.html')), `${p}: nicht die 404-Seite der Website`).toBe(true);
    }
  });

  test('a folder without its trailing slash redirects to it', async () => {
    const answer = await get(url('/2021'));
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe('/2021/');
  });

  test('pages and downloads have their content types', async () => {
    const types: Record<string, string> = {
      '/': 'text/html; charset=utf-8',
      '/2021/amip-2021.pdf': 'application/pdf',
      '/2021/daten/kennzahlen.csv': 'text/csv; charset=utf-8',
      '/2021/daten/kennzahlen.json': 'application/json; charset=utf-8',
      '/2021/daten/kennzahlen.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      '/_astro/client.AbC123xy.js': 'text/javascript; charset=utf-8',
    };
    for (const [p, type] of Object.entries(types)) expect((await get(url(p))).headers['content-type'], p).toBe(type);
  });
});
