/**
 * The Leichte Sprache sections with their placeholders filled from the data of the newest published
 * year and the settings, rendered to HTML (plain Markdown: none of the programme's link plugins).
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { getCollection } from 'astro:content';
import { chaptersOf, publisher as loadPublisher } from './programme.ts';
import { newestPublished } from './years.ts';
import { headlineTotals } from '../lib/keyfacts.ts';
import { euroInWords, fillPlaceholders, type PlaceholderValues } from '../lib/easy-language.ts';
import { formatCount, formatQuantity } from '../lib/format.ts';
import { BITV4_ITEMS } from '../lib/schemas/registries.ts';
import { knownLimitationsOfSite } from './accessibility.ts';
import { BITV4_ANCHORS } from '../lib/accessibility.ts';

export async function placeholderValues(): Promise<PlaceholderValues> {
  const publisher = await loadPublisher();
  const newest = await newestPublished();
  if (!newest) throw new Error('Kein veröffentlichtes Programmjahr unter src/content/programmes/');
  const p = newest.data;
  const chapters = (await chaptersOf(p.year)).map((c) => c.data);
  const headline = headlineTotals(chapters).find((h) => h.column.type === 'count');
  const videos = BITV4_ITEMS.filter((i) => publisher.accessibility.signLanguage[i]).length;
  const limitations = (await knownLimitationsOfSite()).length;
  return {
    jahr: String(p.year),
    titel: p.title,
    herausgeber: publisher.name,
    kapitel: formatCount(chapters.filter((c) => !c.parent).length),
    schwerpunkte: chapters.some((c) => c.focusArea) ? formatCount(chapters.filter((c) => c.focusArea).length) : undefined,
    eintritte: headline ? formatQuantity('count', headline.total) : undefined,
    geld: p.integrationBudget ? euroInWords(p.integrationBudget.euros, p.integrationBudget.approximate) : undefined,
    email: publisher.accessibility.feedbackEmail,
    videos: videos > 0 ? formatCount(videos) : undefined,
    'keine-videos': videos === 0 ? '' : undefined,
    barrieren: limitations > 0 ? (limitations === 1 ? '1 Teil' : `${formatCount(limitations)} Teile`) : undefined,
  };
}

export type EasySection = { id: string; title: string; item: string; html: string };

export async function easyLanguageSections(): Promise<EasySection[]> {
  const entries = (await getCollection('easyLanguage')).sort((a, b) => a.data.order - b.data.order);
  const values = await placeholderValues();
  const processor = await createMarkdownProcessor({ smartypants: false, gfm: true });
  const out: EasySection[] = [];
  const used = new Set<string>();
  for (const e of entries) {
    // One anchor per § 4 item (/leichte-sprache/#bedienung); a second section on the same item gets a number.
    let id = BITV4_ANCHORS[e.data.item];
    for (let n = 2; used.has(id); n++) id = `${BITV4_ANCHORS[e.data.item]}-${n}`;
    used.add(id);
    const markdown = fillPlaceholders(e.body ?? '', values, e.filePath ?? e.id);
    const { code } = await processor.render(markdown);
    // The section's own heading is the h2: headings of the text ("## Die Suche") move one level down.
    const html = code.replace(/<(\/?)h([1-5])\b/g, (_, slash: string, level: string) => `<${slash}h${Number(level) + 1}`);
    out.push({ id, title: e.data.title, item: e.data.item, html });
  }
  return out;
}
