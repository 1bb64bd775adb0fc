/**
 * What the search index reads of a page: a copy of the built HTML with additions that only the
 * index sees (the published page stays as built). Pure, so that the index step
 * (scripts/lib/steps/search-index.ts) and the unit tests share it.
 *
 * - The names of every term the page uses, so that an abbreviation finds the pages that write the
 *   long form and the other way round; legal citations in every spelling as their sections ("16i").
 *   They go into metadata ("names"), which Pagefind 1.5 searches but never shows as an excerpt.
 * - On a term's defining page, all its names in the metadata "defines", which weighs most
 *   (engine.ts: pagefindRanking.metaWeights), so that it ranks above pages that only mention the term.
 * - Table rows with an anchor, table captions and glossary entries become headings for the index,
 *   so that a result can open at the row or entry that matched (Pagefind's sub-results follow
 *   headings with an id).
 * - Pages that only list or frame the content (overviews, imprint, accessibility statement) weigh
 *   little; metadata: the programme year and the planned entries of an instrument.
 */
import { decodeHTML, escapeAttribute, escapeText } from 'entities';
import { aliasesForText, citedSections, joinedForms, type SearchTerms } from './terms.ts';
import { words } from './text.ts';

export type PageRole = 'content' | 'list' | 'frame';

export type PrepareOptions = {
  url: string;
  role: PageRole;
  year?: string | undefined;
};

/** Weights (Pagefind's data-pagefind-weight, 1 = running text, h1 = 7). */
export const weights = { glossaryEntry: 4, row: 1, caption: 2, list: 0.2, frame: 0.1 };

/** The text of an HTML fragment (tags dropped, entities decoded, white space including no-break spaces folded). */
export function textOf(html: string): string {
  const text = html.replace(/<(script|style|svg)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ');
  return decodeHTML(text).replace(/\s+/g, ' ').trim();
}

/** The page part of an href ("/glossar/#ifk" → "/glossar/"). */
export const pageOf = (href: string) => href.replace(/#.*$/, '');

/** All names of the terms this page defines (its own instrument, legal basis, target group), with their spoken forms. */
export function definingNames(url: string, dict: SearchTerms): string[] {
  const out: string[] = [];
  for (const t of dict.terms) if (t.href === url) out.push(...t.names, ...t.names.flatMap(joinedForms));
  for (const c of dict.citations) if (c.href === url) out.push(...c.sections, ...citedSections(c.citation, dict));
  return [...new Set(out)];
}

export function prepareForIndex(html: string, dict: SearchTerms, o: PrepareOptions): string {
  const main = /<main\b[^>]*data-pagefind-body[^>]*>([\s\S]*)<\/main>/i.exec(html);
  if (!main) return html;
  let body = main[1]!;
  const text = textOf(body);

  // Charts (<figure id> with a title in the caption): a heading with the chart's id and title, so
  // that a hit in a chart's title or data opens at the chart and text after a table does not count
  // for the table's last row. The chart's own data table is not split into sections.
  body = body.replace(/<figure\b([^>]*?)\sid="([^"]+)"([^>]*)>([\s\S]*?)<\/figure>/gi, (_m, a: string, id: string, b: string, inner: string) => {
    const caption = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i.exec(inner);
    const title = caption ? textOf(/<span class="chart-title">([\s\S]*?)<\/span>/i.exec(caption[1]!)?.[1] ?? caption[1]!) : '';
    if (!title) return _m;
    const flat = inner.replace(/<(caption|tr)\b([^>]*?)\sid="/gi, '<$1$2 data-id="');
    return `<figure${a}${b}><h6 id="${id}" data-pagefind-weight="${weights.caption}">${escapeText(title)}</h6>${flat}</figure>`;
  });
  // Text after a table belongs to the section the table stands in (its last heading with an id, else
  // the main content), not to the table's last row: a heading repeating that section goes after it.
  const mainId = /\sid="([^"]+)"/.exec(html.slice(main.index, main.index + main[0].length - main[1]!.length))?.[1];
  const pageTitle = textOf(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(body)?.[1] ?? '');
  body = body.replace(/<\/table>/gi, (m, offset: number, all: string) => {
    const before = all.slice(0, offset);
    if ((before.match(/<figure\b/gi) ?? []).length > (before.match(/<\/figure>/gi) ?? []).length) return m;
    if (!/<tr\b[^>]*\sid="/i.test(before.slice(before.lastIndexOf('<table')))) return m;
    const headings = [...before.matchAll(/<(h[2-6])\b([^>]*)\sid="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/gi)].filter((h) => !/data-pagefind-weight/.test(h[2]!));
    const last = headings.at(-1);
    const [id, title] = last ? [last[3]!, textOf(last[4]!)] : [mainId, pageTitle];
    return id ? `${m}<h6 id="${id}" data-pagefind-weight="1">${escapeText(title)}</h6>` : m;
  });
  // Table rows with an anchor: the row's header cell becomes a heading with the row's id.
  body = body.replace(/<tr\b([^>]*?)\sid="([^"]+)"([^>]*)>(\s*)<th\b([^>]*)>([\s\S]*?)<\/th>/gi, (_m, a: string, id: string, b: string, ws: string, thAttrs: string, cell: string) =>
    `<tr${a}${b}>${ws}<th${thAttrs}><h6 id="${id}" data-pagefind-weight="${weights.row}">${cell}</h6></th>`);
  // Table captions with an id: the table's title as a heading.
  body = body.replace(/<caption\b([^>]*?)\sid="([^"]+)"([^>]*)>([\s\S]*?)<\/caption>/gi, (_m, a: string, id: string, b: string, inner: string) =>
    `<caption${a}${b}><h6 id="${id}" data-pagefind-weight="${weights.caption}">${inner}</h6></caption>`);
  // Glossary entries (<dt id>): each a heading, so that a hit opens at the entry.
  body = body.replace(/<dt\b([^>]*?)\sid="([^"]+)"([^>]*)>([\s\S]*?)<\/dt>/gi, (_m, a: string, id: string, b: string, inner: string) =>
    `<dt${a}${b}><h3 id="${id}" data-pagefind-weight="${weights.glossaryEntry}">${inner}</h3></dt>`);

  if (o.role !== 'content') {
    const w = o.role === 'list' ? weights.list : weights.frame;
    // Every heading and the running text of a list or frame page weigh little.
    body = body.replace(/<(h[1-6])\b((?:(?!data-pagefind-weight)[^>])*)>/gi, `<$1$2 data-pagefind-weight="${w}">`);
    body = `<div data-pagefind-weight="${w}">${body}</div>`;
  }

  // The names go into metadata that Pagefind searches (weights: pagefindRanking.metaWeights) but
  // never shows as an excerpt. Commas would end a metadata value.
  const additions: string[] = [];
  const metaValue = (list: string[]) => escapeAttribute(list.join(' · ').replace(/,/g, ' '));
  if (o.role === 'content') {
    const defining = definingNames(o.url, dict);
    if (defining.length > 0) additions.push(`<span data-pagefind-meta="defines:${metaValue(defining)}"></span>`);
    const known = new Set(defining);
    const aliases = aliasesForText(text, dict).filter((a) => !known.has(a));
    if (aliases.length > 0) additions.push(`<span data-pagefind-meta="names:${metaValue(aliases)}"></span>`);
  }
  const meta = [o.year ? `<span data-pagefind-meta="year:${o.year}"></span>` : '', `<span data-pagefind-meta="role:${o.role}"></span>`].join('');
  const openTag = html.slice(main.index, main.index + main[0].length - main[1]!.length - '</main>'.length);
  // At the start, before the first heading: the additions belong to the page itself, not to its last section.
  return `${html.slice(0, main.index)}${openTag}${additions.join('')}${meta}${body}</main>${html.slice(main.index + main[0].length)}`;
}

/** Words of every heading of a page (for the vocabulary of the typo correction). */
export function headingWords(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(h[1-6]|caption|th)\b[^>]*>([\s\S]*?)<\/\1>/gi)) out.push(...words(textOf(m[2]!)));
  return out;
}
