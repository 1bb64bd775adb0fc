/**
 * The search page's engine, loaded only when someone searches: loads Pagefind's index script
 * (/pagefind/pagefind.js, written by the post-build step) and the search's dictionary
 * (/suche/begriffe.json), runs the query through src/lib/search/engine.ts and renders the results
 * as a list of links to the exact place, with the year or chapter they belong to, an excerpt, the
 * sections that contain the query words and, for instruments, the planned entries per year. The
 * status line is a live region that is written once per search, after the list is there, so that
 * screen readers hear "10 von 38 Treffern" once without losing their place in the form.
 */
import { find, pagefindRanking, prepareEngine, type Engine, type Hit, type PagefindLike } from './engine.ts';
import { excerptSegments } from './excerpt.ts';
import { countStatus, noResultStatus } from './status.ts';
import type { SearchTerms } from './terms.ts';

type Pagefind = PagefindLike & { options(o: Record<string, unknown>): Promise<void>; init(): Promise<void> };

export type SearchElements = {
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  /** "Meinten Sie …?" and "Gesucht wurde nach …" notes. */
  note: HTMLElement;
  /** The ways into the content, shown with "Keine Treffer". */
  ways: HTMLElement;
};

const pageSize = 10;
let loaded: Promise<{ pagefind: Pagefind; engine: Engine }> | undefined;

function load(): Promise<{ pagefind: Pagefind; engine: Engine }> {
  loaded ??= (async () => {
    // Built at run time so that the bundler leaves this import to the browser.
    const url = new URL('/pagefind/pagefind.js', document.baseURI).href;
    const [pagefind, dict] = await Promise.all([
      import(/* @vite-ignore */ url) as Promise<Pagefind>,
      fetch(new URL('/suche/begriffe.json', document.baseURI)).then((r) => {
        if (!r.ok) throw new Error(`begriffe.json: ${r.status}`);
        return r.json() as Promise<SearchTerms>;
      }),
    ]);
    // No web worker: one script less to load, and the searches here are small.
    await pagefind.options({ excerptLength: 24, noWorker: true, ranking: pagefindRanking });
    await pagefind.init();
    return { pagefind, engine: prepareEngine(dict) };
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
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

function line(className: string, text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

function resultItem(h: Hit): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = h.href;
  link.textContent = h.title;
  heading.append(link);
  li.append(heading);
  const where = [h.meta.year ? `Programm ${h.meta.year}` : undefined, h.meta.chapter && h.meta.chapter !== h.title ? h.meta.chapter : undefined].filter(Boolean).join(' · ');
  if (where) li.append(line('result-chapter', where));
  if (h.meta.geplant) li.append(line('result-chapter result-plan', `Geplante Eintritte: ${h.meta.geplant}`));
  li.append(excerptParagraph(h.excerpt));
  if (h.sections.length > 0) {
    const ul = document.createElement('ul');
    ul.className = 'result-sections';
    for (const s of h.sections) {
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
export async function runSearch(query: string, el: SearchElements, onCorrection?: (q: string) => void): Promise<void> {
  const run = ++current;
  el.list.replaceChildren();
  el.note.replaceChildren();
  el.more.hidden = true;
  el.ways.hidden = true;
  const q = query.trim();
  if (!q) {
    el.status.textContent = 'Bitte geben Sie einen Suchbegriff ein.';
    return;
  }
  el.list.setAttribute('aria-busy', 'true');
  let ctx: { pagefind: Pagefind; engine: Engine };
  try {
    ctx = await load();
  } catch {
    el.list.removeAttribute('aria-busy');
    el.status.textContent = 'Die Suche ist gerade nicht verfügbar (Suchindex nicht gefunden). Nutzen Sie die Wege zum Inhalt unten.';
    el.ways.hidden = false;
    return;
  }
  const outcome = await find(ctx.pagefind, ctx.engine, q, pageSize);
  if (run !== current) return;
  el.list.removeAttribute('aria-busy');
  if (outcome.correction) {
    const p = document.createElement('p');
    p.append('Meinten Sie „');
    const a = document.createElement('a');
    const url = new URL(location.href);
    url.searchParams.set('q', outcome.correction);
    a.href = url.href;
    a.textContent = outcome.correction;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      onCorrection?.(outcome.correction!);
    });
    p.append(a, '“? Gezeigt werden die Treffer dafür.');
    el.note.append(p);
  } else if (outcome.dropped.length > 0 && outcome.total > 0)
    el.note.append(line('', `Ohne Treffer für alle Wörter; gesucht wurde nach „${outcome.searched.join(' ')}“.`));

  let shown = 0;
  const append = (hits: Hit[]) => {
    const items = hits.map(resultItem);
    el.list.append(...items);
    shown += hits.length;
    el.more.hidden = shown >= outcome.total;
    return items[0];
  };
  append(outcome.hits);
  if (outcome.total === 0) {
    el.status.textContent = noResultStatus(q);
    el.ways.hidden = false;
    return;
  }
  el.status.textContent = countStatus(shown, outcome.total, outcome.correction ?? q, q);
  el.more.onclick = async () => {
    const hits = await outcome.more(shown, pageSize);
    if (run !== current) return;
    const first = append(hits);
    el.status.textContent = countStatus(shown, outcome.total, outcome.correction ?? q, q);
    // Keyboard users continue at the first new result instead of the top of the list.
    first?.querySelector('a')?.focus();
  };
}
