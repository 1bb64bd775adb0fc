/** Pagefind's HTML excerpts as text segments (src/lib/search/excerpt.ts): hits kept apart, entities decoded, other tags dropped. */
import { expect, test } from 'vitest';
import { excerptSegments } from '../../src/lib/search/excerpt.ts';

test('splits at <mark>, drops other tags and decodes what Pagefind escapes (& < > " \' /)', () => {
  expect(excerptSegments('Kosten &amp; <mark>Nutzen</mark> &lt;b&gt;&#x27;x&#x27;&#x2f;&quot;y&quot; <em>z</em>')).toEqual([
    { text: 'Kosten & ', hit: false },
    { text: 'Nutzen', hit: true },
    { text: ` <b>'x'/"y" z`, hit: false },
  ]);
});

test('a decoded tag stays text', () => {
  expect(excerptSegments('&lt;script&gt;alert(1)&lt;/script&gt; <mark>a&amp;amp;b</mark>')).toEqual([
    { text: '<script>alert(1)</script> ', hit: false },
    { text: 'a&amp;b', hit: true },
  ]);
});
