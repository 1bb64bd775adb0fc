/**
 * The shares drawn next to their paragraph come from the chapter's `shares:` frontmatter; the
 * prose keeps the printed wording. Each number must also stand in the prose, so that the chart
 * and the text cannot drift apart.
 */
import { describe, expect, test } from 'vitest';
import { amountLabel, printedShare, shareLabel, sharesMissingFromProse } from '../../src/lib/charts/shares.ts';
import { chapterSchema } from '../../src/lib/schemas/chapter.ts';
import { plainRefs } from '../../src/lib/schemas/ref.ts';
import { loadYear, loadYears } from './charts-data.ts';
import { duesseldorfDir } from '../lib/content.ts';

const fixture = loadYear('2021', duesseldorfDir);

test('the Düsseldorf 2021 fixture has the shares its text gives as data', () => {
  expect(fixture.chapters.filter((c) => c.data.shares.length > 0).map((c) => c.data.number)).toEqual(['5.4.', '5.7.']);
});

// Every chapter with shares, of the fixture and of every year of the live content.
const withShares = [fixture, ...loadYears()].flatMap((y) => y.chapters.map((c) => ({ ...c, file: `${y.year}: ${c.file}` }))).filter((c) => c.data.shares.length > 0);

describe.each(withShares)('$file', ({ data, body }) => {
  test('every share (and amount) stands in the prose as printed', () => {
    expect(sharesMissingFromProse(data.shares, body)).toEqual([]);
  });

  test('every <Anteile id> in the text names a share set, and every set is placed once', () => {
    const placed = [...body.matchAll(/<Anteile\s+id="([^"]+)"\s*\/>/g)].map((m) => m[1]);
    expect(placed.sort()).toEqual(data.shares.map((s) => s.id).sort());
  });

  test('a changed number is caught', () => {
    const changed = data.shares.map((s) => ({ ...s, items: s.items.map((i, n) => (n === 0 ? { ...i, percent: i.percent + 1 } : i)) }));
    expect(sharesMissingFromProse(changed, body)).toHaveLength(1);
    const noPrefix = data.shares.map((s) => ({ ...s, items: s.items.map((i) => ({ ...i, prefix: i.prefix ? 'etwa' : undefined })) }));
    const prefixed = data.shares.flatMap((s) => s.items.filter((i) => i.prefix)).length;
    expect(sharesMissingFromProse(noPrefix, body)).toHaveLength(prefixed);
  });
});

test('labels in German format: "rd. 13 %", "4,5 %", "rd. 4,9 Mio. €"', () => {
  expect(shareLabel({ percent: 13, prefix: 'rd.' })).toBe('rd. 13\u00a0%');
  expect(shareLabel({ percent: 4.5 })).toBe('4,5\u00a0%');
  expect(printedShare({ percent: 42, prefix: 'knapp' })).toBe('knapp 42%');
  expect(amountLabel({ euros: 4_900_000, prefix: 'rd.' })).toBe('rd. 4,9\u00a0Mio.\u00a0€');
  expect(amountLabel({ euros: 47_560_000 })).toBe('47,56\u00a0Mio.\u00a0€');
});

describe('schema', () => {
  const base = { number: '5.4.', title: 'Gesundheit im Fokus', slug: 'gesundheit', order: 9 };
  const parse = (shares: unknown) => chapterSchema(plainRefs()).safeParse({ ...base, shares });

  test('accepts shares with prefix and amount; defaults to none', () => {
    expect(parse([{ id: 'a', caption: 'Anteile', items: [{ label: 'X', percent: 13, prefix: 'rd.', amount: { euros: 4900000, prefix: 'rd.' } }] }]).success).toBe(true);
    const none = chapterSchema(plainRefs()).parse(base);
    expect(none.shares).toEqual([]);
  });

  test('rejects a share above 100 %, an unknown field and a repeated id, with the place named', () => {
    const over = parse([{ id: 'a', caption: 'A', items: [{ label: 'X', percent: 130 }] }]);
    expect(over.success).toBe(false);
    expect(over.error!.issues[0]!.path).toEqual(['shares', 0, 'items', 0, 'percent']);
    expect(over.error!.issues[0]!.message).toMatch(/≤ 100/);
    expect(parse([{ id: 'a', caption: 'A', items: [{ label: 'X', percent: 1, prozent: 2 }] }]).success).toBe(false);
    const twice = parse([
      { id: 'a', caption: 'A', items: [{ label: 'X', percent: 1 }] },
      { id: 'a', caption: 'B', items: [{ label: 'Y', percent: 2 }] },
    ]);
    expect(twice.success).toBe(false);
    expect(twice.error!.issues.map((i) => i.message).join(' ')).toMatch(/„a“ kommt zweimal vor/);
  });
});
