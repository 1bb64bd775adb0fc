import { describe, expect, it } from 'vitest';
import { missingFigureThemes, parseChapterBody } from '../../src/lib/chapter-body.ts';

describe('parseChapterBody', () => {
  it('finds components with their attributes and lines', () => {
    const body = parseChapterBody('Text davor.\n\n<Randnotiz>Notiz</Randnotiz>\n\n<Tabelle id="instrumente" />\n\n<Anteile id={"u25"} />\n\n<Schaubild thema="Portfolio" />\n');
    expect(body.error).toBeUndefined();
    expect(body.components.map((c) => [c.name, c.line])).toEqual([
      ['Randnotiz', 3],
      ['Tabelle', 5],
      ['Anteile', 7],
      ['Schaubild', 9],
    ]);
    expect(body.components[1]!.attributes).toEqual({ id: 'instrumente' });
    expect(body.components[2]!.attributes).toEqual({ id: 'u25' });
    expect(missingFigureThemes(body)).toEqual(['Portfolio']);
  });

  it('takes the first paragraph of prose, not a margin note or a heading', () => {
    const body = parseChapterBody('<Randnotiz>Randnotiz zuerst</Randnotiz>\n\n## Überschrift\n\nDer **erste** Absatz\nüber zwei Zeilen.\n\nZweiter Absatz.');
    expect(body.firstParagraph).toBe('Der erste Absatz über zwei Zeilen.');
  });

  it('reports an unclosed tag in German with its line, and no English parser text', () => {
    const body = parseChapterBody('Erster Absatz.\n\n<Randnotiz>Notiz ohne Ende\n\nWeiter.');
    expect(body.error?.line).toBe(3);
    expect(body.error?.message).toContain('<Randnotiz> wird nicht geschlossen');
    expect(body.error?.message).not.toMatch(/Expected|closing tag for/);
  });

  it('reports a stray brace in German', () => {
    const body = parseChapterBody('Ein Satz mit { Klammer.\n');
    expect(body.error?.message).toMatch(/geschweifte Klammer|Klammer „\{“/);
  });

  it('reports a misspelt closing tag in German', () => {
    const body = parseChapterBody('<Randnotiz>Notiz</Randnotitz>\n');
    expect(body.error).toBeDefined();
    expect(body.error!.message).toMatch(/Randnotiz/);
    expect(body.error!.message).not.toMatch(/Unexpected|expected/);
  });
});
