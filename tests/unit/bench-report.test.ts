import { describe, expect, it } from 'vitest';
import { archiveYears, formatSection, pageStats, replaceSection, sectionTitle, shiftYear, type Result } from '../../scripts/lib/bench/report.ts';
import { median } from '../../scripts/lib/stats.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe('shiftYear', () => {
  it('moves the year and the year before it, and nothing else', () => {
    expect(shiftYear('Eintritte 2021, Ansatz 2020, seit 2008/2009, 11.797 Plätze', 2021, 2009)).toBe('Eintritte 2009, Ansatz 2008, seit 2008/2009, 11.797 Plätze');
    expect(shiftYear('year: 2021\ntitle: Programm 2021', 2021, 2030)).toBe('year: 2030\ntitle: Programm 2030');
  });

  it('leaves numbers that merely contain the year', () => {
    expect(shiftYear('120210 und 20215', 2021, 2009)).toBe('120210 und 20215');
  });

  it('lists the archive years oldest first, ending with the newest', () => {
    expect(archiveYears(3, 2021)).toEqual([2019, 2020, 2021]);
    expect(archiveYears(1, 2021)).toEqual([2021]);
  });
});

describe('pageStats', () => {
  it('gives the mean and the largest page', () => {
    const stats = pageStats([
      { url: '/a/', bytes: 100, gzip: 40 },
      { url: '/b/', bytes: 300, gzip: 90 },
    ]);
    expect(stats).toEqual({ pages: 2, meanBytes: 200, meanGzip: 65, maxBytes: 300, maxGzip: 90, maxUrl: '/b/' });
  });
});

describe('replaceSection', () => {
  const section = `${sectionTitle}\n\nneu\n`;

  it('appends the section to a file without it, keeping what is there', () => {
    expect(replaceSection('# Benchmarks\n\n## Lighthouse\n\nx\n', section)).toBe(`# Benchmarks\n\n## Lighthouse\n\nx\n\n${section}`);
    expect(replaceSection(undefined, section)).toBe(`# Benchmarks\n\n${section}`);
  });

  it('replaces only its own section, before and after other sections', () => {
    const file = `# Benchmarks\n\n${sectionTitle}\n\nalt\n\n### Einzelheiten\n\nalt\n\n## Lighthouse\n\nbleibt\n`;
    const out = replaceSection(file, section);
    expect(out).toBe(`# Benchmarks\n\n${section}\n## Lighthouse\n\nbleibt\n`);
    expect(replaceSection(out, section)).toBe(out);
  });
});

describe('formatSection', () => {
  const run = (totalMs: number) => ({
    totalMs,
    phases: { 'astro build': totalMs / 2, PDF: totalMs / 4 },
    peakTreeRss: 2 ** 30,
    peakProcessRss: 2 ** 29,
    cpuMs: totalMs * 0.9,
    load: [1, 2] as [number, number],
  });
  const result = (years: number, pages: number, times: number[]): Result => ({
    years,
    runs: times.map(run),
    site: { pages, meanBytes: 20480, meanGzip: 6144, maxBytes: 204800, maxGzip: 40960, maxUrl: '/2021/gesamt/', searchIndexBytes: 1024, searchIndexFiles: 3, pdfs: years, pdfBytes: years * 640 * 1024 },
  });

  it('reports the median build and the cost per page of each archive size', () => {
    const text = formatSection({
      results: [result(1, 100, [9000, 10000, 30000]), result(20, 500, [50000, 40000, 45000])],
      machine: { cpu: 'CPU X', cores: 2, memoryBytes: 8 * 2 ** 30, node: '24.0.0', os: 'Linux', astro: '7.3.5', chromium: 'Chromium 1' },
      date: '2026-01-01',
      command: 'npm run bench',
      findings: ['Befund.'],
    });
    expect(text.startsWith(`${sectionTitle}\n`)).toBe(true);
    // N = 1: median 10 s over 100 pages = 100 ms per page; N = 20: 45 s / 500 = 90 ms.
    expect(text).toContain('| 1 | 100 | 10,0 | 100,0 |');
    expect(text).toContain('| 20 | 500 | 45,0 | 90,0 |');
    expect(text).toContain('CPU X, 2 Kerne, 8,0 GB RAM');
    expect(text).toContain('| N Jahre | astro build | PDF |');
    expect(text).toContain('Befund.');
  });
});
