import { describe, expect, it } from 'vitest';
import { ancestors, chapterLabel, neighbours, plainNumber, sortChapters, tableOfContents } from '../../src/lib/navigation.ts';
import { chapterSchema } from '../../src/lib/schemas/chapter.ts';
import { plainRefs } from '../../src/lib/schemas/ref.ts';
import { contentFolder, landkreisDir, readMdx } from '../lib/content.ts';

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

describe('Roman numbers and chapters without number (Landkreis fixture)', () => {
  const files = contentFolder(landkreisDir);
  const chaptersOf = (year: string) =>
    files.chapterFiles(year).map((f) => {
      const data = chapterSchema(plainRefs()).parse(readMdx(f).data);
      return { ...data, id: `${year}/${data.slug}` };
    });

  it.each(files.years())('%s: sections nest under their Roman-numbered chapter; the unnumbered one stands first', (year) => {
    const toc = tableOfContents(year, chaptersOf(year));
    expect(toc.map((n) => [n.number, n.slug])).toEqual([
      [undefined, 'vorwort'],
      ['I.', 'ausgangslage'],
      ['II.', 'finanzen'],
      ['III.', 'ziele'],
    ]);
    expect(toc[3]!.children.map((n) => [n.number, n.href, n.depth])).toEqual([
      ['III.1', `/${year}/angebote/`, 2],
      ['III.2', `/${year}/familien/`, 2],
    ]);
  });

  it('labels: the title alone without a number, the number as printed otherwise', () => {
    expect(chapterLabel({ title: 'Vorwort' })).toBe('Vorwort');
    expect(chapterLabel({ number: 'III.1', title: 'Angebote' })).toBe('III.1 Angebote');
    expect(chapterLabel({ number: 'A 2', title: 'Anhang' })).toBe('A 2 Anhang');
    expect(plainNumber(undefined)).toBe('');
  });
});
