import { describe, expect, it } from 'vitest';
import { describeEntries, formatCount, formatEntries, formatEuroMillions, formatPercent } from '../../src/lib/format.ts';
import { percentChange } from '../../src/lib/numbers.ts';
import type { Entries } from '../../src/lib/schemas/entries.ts';

const nbsp = '\u00a0';
const entries = (e: Partial<Entries> & { min: number; max: number }): Entries => ({ notation: 'bis', approximate: false, ...e });

describe('German number formats', () => {
  it('groups thousands with a dot, also for four digits', () => {
    expect(formatCount(1800)).toBe('1.800');
    expect(formatCount(11797)).toBe('11.797');
    expect(formatCount(920)).toBe('920');
    expect(formatCount(1234567)).toBe('1.234.567');
  });

  it('writes percentages with a space and a sign for changes', () => {
    expect(formatPercent(-15)).toBe(`-15${nbsp}%`);
    expect(formatPercent(4)).toBe(`+4${nbsp}%`);
    expect(formatPercent(0)).toBe(`0${nbsp}%`);
  });

  it('writes millions of euros with a decimal comma', () => {
    expect(formatEuroMillions(47_560_000)).toBe(`47,56${nbsp}Mio.${nbsp}€`);
    expect(formatEuroMillions(4_900_000)).toBe(`4,90${nbsp}Mio.${nbsp}€`);
  });
});

describe('percentChange', () => {
  it('rounds half away from zero like the print', () => {
    expect(percentChange(6392, 8480)).toBe(-25); // -24,6 %
    expect(percentChange(1000, 940)).toBe(6); // +6,4 %
    expect(percentChange(120, 191)).toBe(-37);
    expect(percentChange(0, 25)).toBe(-100);
    expect(percentChange(450, 450)).toBe(0);
  });
  it('has no value without a previous plan', () => {
    expect(percentChange(10, 0)).toBeNull();
  });
});

describe('formatEntries', () => {
  const nameOf = (id: string) => ({ 'foerderung-berufliche-weiterbildung': 'FbW' })[id] ?? id;
  it('prints each notation of the source', () => {
    expect(formatEntries(entries({ min: 920, max: 920 }))).toBe('920');
    expect(formatEntries(entries({ min: 25, max: 30, notation: 'klammer' }))).toBe('25 (bis 30)');
    expect(formatEntries(entries({ min: 80, max: 170 }))).toBe('80 bis 170');
    expect(formatEntries(entries({ min: 655, max: 660, notation: 'strich' }))).toBe('655 - 660');
    expect(formatEntries(entries({ min: 1000, max: 1000 }))).toBe('1.000');
  });
  it('prints modifiers', () => {
    expect(
      formatEntries(entries({ min: 144, max: 144, includedIn: { id: 'foerderung-berufliche-weiterbildung', collection: 'instruments' } }), nameOf),
    ).toBe('144 (in FbW enthalten)');
    expect(formatEntries(entries({ min: 60, max: 60, footnote: '*' }))).toBe('60*');
    expect(formatEntries(entries({ min: 20, max: 20, qualifier: 'und Stundenkontingente bei abH' }))).toBe('20 und Stundenkontingente bei abH');
    expect(formatEntries(entries({ min: 2500, max: 2500, approximate: true }))).toBe(`rd.${nbsp}2.500`);
  });
  it('describes ranges in words', () => {
    expect(describeEntries(entries({ min: 80, max: 170 }))).toBe('80 bis 170');
    expect(describeEntries(entries({ min: 2500, max: 2500, approximate: true }))).toBe(`rund${nbsp}2.500`);
  });
});
