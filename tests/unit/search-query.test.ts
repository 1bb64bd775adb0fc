/** Query understanding and typo correction of the search (src/lib/search/query.ts), on a made-up dictionary. */
import { describe, expect, it } from 'vitest';
import { allowedDistance, byStrength, isCovered, markedWords, normaliseCitations, understand, vocabulary } from '../../src/lib/search/query.ts';
import { editDistance, fold } from '../../src/lib/search/text.ts';
import { fixtureDict } from './search-fixture.ts';

describe('citations', () => {
  it.each([
    ['16x', ['16x']],
    ['§ 16x', ['16x']],
    ['§16x SGB II', ['16x']],
    ['16 x', ['16x']],
    ['Paragraf 16x', ['16x']],
    ['paragraph 16 x sgb ii', ['16x']],
    ['§§ 80–81b SGB III', ['80', '81b']],
    ['80 SGB III', ['80']],
  ])('„%s“ cites %j', (query, sections) => {
    const u = understand(query, fixtureDict);
    expect(u.citations).toEqual(sections);
    expect(u.words).toEqual([sections[0]]);
  });

  it('leaves numbers alone that are no known section and are not written as a citation', () => {
    expect(normaliseCitations('1.000 Eintritte 2030', fixtureDict).citations).toEqual([]);
    expect(understand('16 im Programm', fixtureDict).words).toEqual(['16', 'Programm']);
    expect(understand('U 30', fixtureDict).citations).toEqual([]);
  });
});

describe('understanding a query', () => {
  it('drops German question and filler words', () => {
    expect(understand('welche Angebote gibt es für Familien', fixtureDict).words).toEqual(['Familien']);
    expect(understand('wie hoch ist der Eingliederungstitel', fixtureDict).words).toEqual(['Eingliederungstitel']);
  });

  it('searches a query of filler words only as typed', () => {
    expect(understand('was ist das', fixtureDict).words).toEqual(['was', 'ist', 'das']);
  });

  it('joins the parts of names written apart, as the dictionary knows them', () => {
    expect(fixtureDict.joined).toEqual(expect.arrayContaining(['U30', 'WerkAG']));
    expect(understand('u 30', fixtureDict).words).toEqual(['U30']);
    expect(understand('Werk AG', fixtureDict).words).toEqual(['WerkAG']);
    // Ordinary words next to each other stay apart.
    expect(understand('Lotsendienst für Familien', fixtureDict).words).toEqual(['Lotsendienst', 'Familien']);
  });
});

describe('typos', () => {
  const vocab = vocabulary(fixtureDict.vocabulary);

  it('suggests the closest word of the vocabulary within a small distance', () => {
    expect(vocab.suggest('Startgled')).toBe('Startgeld');
    expect(vocab.suggest('Zukunfswerkstatt')).toBe('Zukunftswerkstatt');
    expect(vocab.suggest('Beratungsfachkraf')).toBe('Beratungsfachkraft');
  });

  it('does not correct known words, short words, numbers or words far from every known one', () => {
    expect(vocab.suggest('Startgeld')).toBeUndefined();
    expect(vocab.suggest('STX')).toBeUndefined();
    expect(vocab.suggest('2031')).toBeUndefined();
    expect(vocab.suggest('qwxzyvb')).toBeUndefined();
  });

  it('allows one edit up to seven letters and two beyond', () => {
    expect([4, 5, 7, 8].map(allowedDistance)).toEqual([0, 1, 1, 2]);
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});

describe('what counts as found', () => {
  it('counts a whole word, a longer word it begins and an inflected form', () => {
    expect(isCovered('Startgeld', ['Startgeldes'])).toBe(true);
    expect(isCovered('STG', ['STG-Plus'])).toBe(true);
    expect(isCovered('Eingliederungszuschuss', ['Eingliederungszuschüsse'])).toBe(true);
  });

  it('counts a compound whose parts were marked', () => {
    expect(isCovered('Pflegeberatung', ['Pflege', 'Beratung'])).toBe(true);
    expect(isCovered('Integrationspunkt', ['Integration', 'Punkt'])).toBe(true);
    expect(isCovered('Pflegeberatung', ['Pflege'])).toBe(false);
  });

  it('does not count a match on a short fragment', () => {
    expect(isCovered('Zukunfswerkstatt', ['zu', 'und'])).toBe(false);
    expect(isCovered('qwxzy', [])).toBe(false);
  });

  it('reads the marked words of an excerpt', () => {
    expect(markedWords('a <mark>Startgeld</mark> und <mark>STG-Plus,</mark>')).toEqual(['Startgeld', 'STG-Plus']);
  });

  it('gives up weak words first: words of names, then known words, then the longest', () => {
    const vocab = vocabulary(fixtureDict.vocabulary);
    const names = new Set(['lotsendienst']);
    expect(byStrength(['bringen', 'Lotsendienst', 'Qualifizierung'], names, vocab)).toEqual(['Lotsendienst', 'Qualifizierung', 'bringen']);
    expect(fold('Mütter ß')).toBe('mutter ss');
  });
});
