/**
 * /suche/begriffe.json: the search's dictionary (src/lib/search/terms.ts) from the registries and
 * the chapter titles of every published year. The index step adds the names to the pages that use
 * them and the headings to the vocabulary; the search page loads it with the first search.
 */
import type { APIRoute } from 'astro';
import { chaptersOf, programmes, registries } from '../../data/programme.ts';
import { chapterHref, glossaryEntryHref, instrumentHref, legalBasisHref, targetGroupHref } from '../../lib/links/hrefs.ts';
import { buildTerms } from '../../lib/search/terms.ts';

export const GET: APIRoute = async () => {
  const r = await registries();
  const chapters = [];
  for (const p of await programmes())
    for (const c of await chaptersOf(p.id))
      chapters.push({ year: p.data.year, number: c.data.number, title: c.data.title, href: chapterHref(p.id, c.data.slug) });
  const terms = buildTerms({
    instruments: [...r.instruments].map(([id, i]) => ({ id, name: i.name, abbreviation: i.abbreviation, aliases: i.aliases, href: instrumentHref(id) })),
    glossary: r.glossary.map((g) => ({ id: g.id, abbreviation: g.data.abbreviation, expansion: g.data.expansion, href: glossaryEntryHref(g.id) })),
    legalBases: [...r.legalBases].map(([id, l]) => ({ id, citation: l.citation, law: l.law, sections: l.sections, title: l.title, href: legalBasisHref(id) })),
    targetGroups: [...r.targetGroups].map(([id, t]) => ({ id, name: t.name, href: targetGroupHref(id) })),
    chapters,
  });
  return new Response(JSON.stringify(terms), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
