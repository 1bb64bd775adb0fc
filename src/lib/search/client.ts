/**
 * The search page's engine, loaded only when someone searches: loads Pagefind's index script
 * (/pagefind/pagefind.js, written by the post-build step) and renders the results as a list of
 * links with the chapter they belong to and an excerpt. The status line is a live region, so
 * screen readers hear the number of hits without losing their place in the form.
 */
import { excerptSegments, resultStatus } from './excerpt.ts';

type PagefindResultData = {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
};
type Pagefind = {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>;
};

export type SearchElements = { status: HTMLElement; list: HTMLOListElement; more: HTMLButtonElement };

const pageSize = 10;
let engine: Promise<Pagefind> | undefined;

function loadEngine(): Promise<Pagefind> {
  engine ??= (async () => {
    // Built at run time so that the bundler leaves this import to the browser.
    const url = new URL('/pagefind/pagefind.js', document.baseURI).href;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

function excerptParagraph(html: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'excerpt';
  for (const s of excerptSegments(html)) {
    if (s.hit) {
      const mark = document.createElement('mark');
      mark.textContent = s.text;
      p.append(mark);
    } else p.append(s.text);
  }
  return p;
}

function resultItem(r: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = r.url;
  link.textContent = r.meta.title ?? r.url;
  heading.append(link);
  li.append(heading);
  if (r.meta.chapter && r.meta.chapter !== r.meta.title) {
    const chapter = document.createElement('p');
    chapter.className = 'result-chapter';
    chapter.textContent = r.meta.chapter;
    li.append(chapter);
  }
  li.append(excerptParagraph(r.excerpt));
  // Sections of the page with their own heading, so that a hit in "5.5.2" leads there directly.
  const subs = (r.sub_results ?? []).filter((s) => s.url !== r.url && s.url.includes('#')).slice(0, 3);
  if (subs.length > 0) {
    const ul = document.createElement('ul');
    ul.className = 'result-sections';
    for (const s of subs) {
      const item = document.createElement('li');
      const a = document.createElement('a');
      a.href = s.url;
      a.textContent = s.title;
      item.append(a);
      ul.append(item);
    }
    li.append(ul);
  }
  return li;
}

let current = 0;

/** Runs one search and shows its first results; "Weitere Treffer" appends the next ones. */
export async function runSearch(query: string, el: SearchElements): Promise<void> {
  const run = ++current;
  el.list.replaceChildren();
  el.more.hidden = true;
  const q = query.trim();
  if (!q) {
    el.status.textContent = 'Bitte geben Sie einen Suchbegriff ein.';
    return;
  }
  el.status.textContent = 'Suche läuft …';
  let pagefind: Pagefind;
  try {
    pagefind = await loadEngine();
  } catch {
    el.status.textContent = 'Die Suche ist gerade nicht verfügbar (Suchindex nicht gefunden). Nutzen Sie die Wege zum Inhalt unten.';
    return;
  }
  const search = await pagefind.search(q);
  if (run !== current || !search) return;
  const results = search.results;
  let shown = 0;
  const showMore = async () => {
    const batch = await Promise.all(results.slice(shown, shown + pageSize).map((r) => r.data()));
    if (run !== current) return undefined;
    const items = batch.map(resultItem);
    el.list.append(...items);
    shown += batch.length;
    el.more.hidden = shown >= results.length;
    return items[0];
  };
  await showMore();
  el.status.textContent = resultStatus(results.length, q);
  el.more.onclick = async () => {
    const first = await showMore();
    // Keyboard users continue at the first new result instead of the top of the list.
    first?.querySelector('a')?.focus();
  };
}
