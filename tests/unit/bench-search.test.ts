/** The search benchmark's scoring (scripts/lib/bench/search.ts) on made-up rankings. */
import { describe, expect, it } from 'vitest';
import { partOf, score, transferSize } from '../../scripts/lib/bench/search.ts';

describe('search benchmark scores', () => {
  it('computes hit@1, hit@3, MRR over the first ten and the share without results', () => {
    const cases = [
      { query: 'a', top3: ['/a/'], why: '' },
      { query: 'b', top3: ['/b/', '/c/'], why: '' },
      { query: 'c', top3: ['/c/'], why: '' },
      { query: 'd', top3: ['/d/'], why: '' },
    ];
    const s = score(cases, [
      { paths: ['/a/', '/x/'], total: 2 },
      { paths: ['/x/', '/y/', '/c/'], total: 3 },
      { paths: ['/x/', '/y/', '/z/', '/c/'], total: 4 },
      { paths: [], total: 0 },
    ]);
    expect(s.hit1).toBe(0.25);
    expect(s.hit3).toBe(0.5);
    expect(s.mrr).toBeCloseTo((1 + 1 / 3 + 1 / 4) / 4);
    expect(s.zero).toBe(0.25);
    expect(s.misses).toEqual(['„c“ → /x/, /y/, /z/', '„d“ → keine Treffer']);
  });

  it('counts a file with its gzip size, an already compressed one with its own', () => {
    const text = Buffer.from('abc '.repeat(1000));
    expect(transferSize(text)).toBeLessThan(100);
    const random = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7919) % 251));
    expect(transferSize(random)).toBeLessThanOrEqual(1000);
    expect(partOf('/pagefind/wasm.de.pagefind')).toBe('Pagefind-WebAssembly');
    expect(partOf('/pagefind/index/de_1.pf_index')).toBe('Pagefind-Index');
  });
});
