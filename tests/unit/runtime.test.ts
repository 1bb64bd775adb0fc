import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/content.ts';

const pkg = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

describe('runtime', () => {
  it('runs on the Node version the project pins (npm scripts use the `node` devDependency)', () => {
    const major = Number(process.versions.node.split('.')[0]);
    const pinned = Number(/\d+/.exec(pkg.devDependencies.node!)![0]);
    expect(major).toBe(pinned);
    expect(pkg.engines.node).toContain(`>=${pinned}`);
    // Astro 7 needs Node ≥ 22.12.
    expect(major).toBeGreaterThanOrEqual(22);
  });
});
