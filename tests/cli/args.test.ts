/** The npm commands read their arguments strictly (scripts/lib/args.ts) and say in German what is wrong. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderNginxSite } from '../../scripts/lib/hosting.ts';
import { repoRoot } from '../lib/content.ts';

const command = (script: string, args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', `${script}.ts`), ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
};

describe('command-line arguments', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'amip-args-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['nginx-config', ['--gibts-nicht'], 'unbekannte Option --gibts-nicht'],
    ['nginx-config', ['--root'], 'Option --root braucht einen Wert'],
    ['export', ['2021', 'zuviel'], 'erwartet ein Programmjahr'],
    ['pdf', ['einundzwanzig'], 'erwartet Programmjahre wie 2021'],
    ['bench', ['--runs', 'drei'], '--runs eine ganze Zahl ≥ 1'],
  ])('%s %j stops with exit code 2, the reason and the usage', (script, args, reason) => {
    const r = command(script, args);
    expect(r.status).toBe(2);
    expect(r.output).toContain(reason);
    expect(r.output).toMatch(new RegExp(`Aufruf: npm run ${script}`));
  });

  it('npm run nginx-config writes the configuration with the given values', () => {
    const out = path.join(dir, 'amip.conf');
    const r = command('nginx-config', ['--out', out, '--root', '/srv/amip', '--server-name', 'amip.example.de', '--listen', '8080']);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(renderNginxSite({ root: '/srv/amip', serverName: 'amip.example.de', listen: '8080' }));
  });
});
