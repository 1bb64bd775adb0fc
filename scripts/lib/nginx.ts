/**
 * Debian's nginx with the site's production configuration (hosting.ts) over a built site, on a
 * free loopback port, as the calling user, with every file it writes in a temporary folder.
 * For the test that checks headers, compression, caching and the 404 page over HTTP
 * (tests/cli/nginx.test.ts); .ci/run installs the packages nginx and libnginx-mod-http-brotli-static.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { freePort } from './ports.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderNginxMain, renderNginxSite } from './hosting.ts';

export const nginxPath = '/usr/sbin/nginx';
export const brotliStaticModule = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

export type Nginx = { origin: string; config: string; close: () => Promise<void> };

export async function startNginx(dir: string): Promise<Nginx> {
  for (const file of [nginxPath, brotliStaticModule]) {
    if (!existsSync(file)) throw new Error(`${file} fehlt: apt-get install -y nginx libnginx-mod-http-brotli-static`);
  }
  const prefix = mkdtempSync(path.join(tmpdir(), 'amip-nginx-'));
  const port = await freePort();
  const config = renderNginxMain({
    prefix,
    modules: [brotliStaticModule],
    site: renderNginxSite({ root: path.resolve(dir), listen: `127.0.0.1:${port}`, serverName: 'localhost' }),
  });
  const configFile = path.join(prefix, 'nginx.conf');
  writeFileSync(configFile, config);
  const errorLog = path.join(prefix, 'error.log');
  const child = spawn(nginxPath, ['-p', prefix, '-c', configFile, '-e', errorLog], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8').trim() : '');
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(prefix, { recursive: true, force: true });
  };
  for (let i = 0; i < 100 && !(await accepts(port)); i++) {
    if (child.exitCode !== null) {
      const message = log();
      await close();
      throw new Error(`nginx ist nicht gestartet (Exit-Code ${child.exitCode}): ${message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!(await accepts(port))) {
    const message = log();
    await close();
    throw new Error(`nginx antwortet nicht auf Port ${port}: ${message}`);
  }
  return { origin: `http://127.0.0.1:${port}`, config, close };
}
