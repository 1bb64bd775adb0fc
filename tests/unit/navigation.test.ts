import { describe, expect, it } from 'vitest';
import { ancestors, neighbours, plainNumber, sortChapters, tableOfContents } from '../../src/lib/navigation.ts';

const c = (slug: string, order: number, number: string, parent?: string) => ({ id: `2021/${slug}`, slug, order, number, title: slug, parent });
const chapters = [c('b', 2, '5.'), c('a', 1, '4.'), c('b1', 3, '5.1.', 'b'), c('b2', 4, '5.5', 'b'), c('b21', 5, '5.5.1', 'b2'), c('z', 6, '6.')];

describe('table of contents', () => {
  it('nests sections under their parent in printed order', () => {
    const toc = tableOfContents(2021, chapters);
    expect(toc.map((n) => n.slug)).toEqual(['a', 'b', 'z']);
    expect(toc[1]!.children.map((n) => n.slug)).toEqual(['b1', 'b2']);
    expect(toc[1]!.children[1]!.children[0]!.href).toBe('/2021/b21/');
    expect(toc[1]!.children[1]!.children[0]!.depth).toBe(3);
  });
  it('rejects duplicate order, duplicate slugs and unknown parents', () => {
    expect(() => sortChapters([c('a', 1, '1.'), c('b', 1, '2.')])).toThrow(/dieselbe Reihenfolge/);
    expect(() => sortChapters([c('a', 1, '1.'), c('a', 2, '2.')])).toThrow(/slug „a“/);
    expect(() => sortChapters([c('a', 1, '1.', 'nope')])).toThrow(/parent „nope“/);
  });
  it('finds ancestors and neighbours', () => {
    const b21 = chapters.find((x) => x.slug === 'b21')!;
    expect(ancestors(b21, chapters).map((x) => x.slug)).toEqual(['b', 'b2']);
    const { prev, next } = neighbours(b21, chapters);
    expect(prev?.slug).toBe('b2');
    expect(next?.slug).toBe('z');
    expect(neighbours(chapters[1]!, chapters).prev).toBeUndefined();
  });
  it('drops a final dot of printed numbers', () => {
    expect(plainNumber('5.1.')).toBe('5.1');
    expect(plainNumber('5.5')).toBe('5.5');
  });
});
