import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinks, linkCheckStep, linkProblems, pageLinks, type Site, startTags } from '../../scripts/lib/steps/link-check.ts';
import { separateBlocks } from '../../scripts/lib/steps/search-index.ts';

/** A site in memory: files and their HTML. */
function site(files: Record<string, string>): Site {
  const dirs = new Set(Object.keys(files).flatMap((f) => f.split('/').slice(0, -1).map((_, i, p) => p.slice(0, i + 1).join('/'))));
  return {
    hasFile: (rel) => rel in files,
    isDirectory: (rel) => dirs.has(rel),
    page: (rel) => pageLinks(files[rel] ?? ''),
  };
}

const pages = site({
  'index.html': '<a href="/2021/">x</a>',
  '2021/index.html': '<main id="inhalt"><table id="tabelle-instrumente"><tr id="zeile-einstiegsgeld"></tr></table><a name="alt"></a></main>',
  '2021/integration/index.html': '<p id="a">1</p><p id="a">2</p>',
  'favicon.svg': '<svg/>',
});

describe('reading links from HTML', () => {
  it('reads attributes in any quoting and decodes entities', () => {
    const [a] = startTags(`<a href='/x/?a=1&amp;b=2' data-x=y hidden>`);
    expect(a!.name).toBe('a');
    expect(a!.attrs.get('href')).toBe('/x/?a=1&b=2');
    expect(a!.attrs.get('data-x')).toBe('y');
    expect(a!.attrs.has('hidden')).toBe(true);
  });

  it('ignores comments and the contents of scripts, but checks the script’s src', () => {
    const links = pageLinks('<!-- <a href="/weg/"> --><script src="/s.js">const a = "<a href=\\"/nein/\\">"</script><a href="/ja/">');
    expect(links.links.map((l) => l.value)).toEqual(['/s.js', '/ja/']);
  });

  it('reads every URL of a srcset, in CSS url() and @import, and notices noindex', () => {
    const links = pageLinks('<meta name="robots" content="noindex"><style>@import "/a.css"; .x{background:url(\'/b.png\')}</style><img srcset="/c.png 1x, /d.png 2x" alt=""><p style="background:url(/e.png)"></p><q cite="/f/">x</q>');
    expect(links.links.map((l) => l.value)).toEqual(['/a.css', '/b.png', '/c.png', '/d.png', '/e.png', '/f/']);
    expect(links.noindex).toBe(true);
    expect(pageLinks('<meta name="description" content="noindex">').noindex).toBe(false);
  });

  it('collects ids and notices duplicates', () => {
    const links = pageLinks('<h2 id="x"></h2><p id="y"></p><p id="x"></p>');
    expect([...links.ids]).toEqual(['x', 'y']);
    expect([...links.duplicateIds]).toEqual(['x']);
  });
});

describe('resolving a link', () => {
  it.each([
    ['/2021/', '/'],
    ['/2021/#zeile-einstiegsgeld', '/'],
    ['#inhalt', '/2021/'],
    ['#alt', '/2021/'],
    ['../', '/2021/integration/'],
    ['/favicon.svg', '/'],
    ['https://www.gesetze-im-internet.de/sgb_2/__16i.html', '/'],
    ['mailto:info@example.org', '/'],
    ['/2021/?q=x', '/'],
    ['#top', '/2021/'],
    ['/2021/#:~:text=Einstiegsgeld', '/'],
    ['data:image/png;base64,AAAA', '/'],
  ])('accepts %s on %s', (href, page) => {
    expect(linkProblems(page, href, pages)).toEqual([]);
  });

  it.each([
    ['/instrumente/talentcentre/', '/2021/', 'Seite /instrumente/talentcentre/ gibt es nicht'],
    ['/2021/#zeile-talentcentre', '/', 'Anker „#zeile-talentcentre“ fehlt auf /2021/'],
    ['#fehlt', '/2021/integration/', 'Anker „#fehlt“ fehlt auf /2021/integration/'],
    ['/2021/integration/#a', '/', 'Anker „#a“ ist auf /2021/integration/ mehrfach vergeben'],
    ['/2021', '/', '/2021 ohne „/“ am Ende (die Website verwendet Adressen mit „/“)'],
    ['/logo.png', '/', 'Datei oder Seite /logo.png gibt es nicht'],
    ['', '/', 'leerer Verweis'],
    ['javascript:void(0)', '/', 'javascript:-Verweis'],
    ['#', '/2021/', 'leerer Anker „#“'],
    ['/2021/#', '/', 'leerer Anker „#“'],
    ['/a%zz/', '/', 'ungültige Kodierung im Pfad'],
  ])('rejects %s on %s', (href, page, problem) => {
    expect(linkProblems(page, href, pages)).toEqual([problem]);
  });

  it('checks absolute links to the site’s own address like internal ones', () => {
    expect(linkProblems('/', 'https://amip.example.org/fehlt/', pages, 'https://amip.example.org')).toEqual(['Seite /fehlt/ gibt es nicht']);
    expect(linkProblems('/', 'https://amip.example.org/fehlt/', pages)).toEqual([]);
    expect(linkProblems('/', 'http://[::1', pages, 'https://amip.example.org')).toEqual(['keine gültige Adresse']);
  });
});

describe('the post-build step', () => {
  function build(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'link-check-'));
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), content);
    }
    return dir;
  }

  it('passes a site whose links all resolve', () => {
    const dir = build({
      'index.html': '<a href="/a/#x">a</a>',
      'a/index.html': '<h1 id="x">A</h1><a href="/">home</a>',
      'druck/index.html': '<meta name="robots" content="noindex"><a href="/">home</a>',
      '404.html': '<a href="/">home</a>',
      'sitemap.xml': '<urlset><url><loc>/</loc></url><url><loc>/a/</loc></url></urlset>',
    });
    expect(brokenLinks(dir)).toEqual([]);
    expect(() => linkCheckStep.run({ root: dir, dir, env: {} })).not.toThrow();
  });

  it('fails naming every page and link that points nowhere, also in the sitemap', () => {
    const dir = build({
      'index.html': '<a href="/a/#y">a</a>',
      'a/index.html': '<h1 id="x">A</h1><img src="/bild.png" alt="">',
      'sitemap.xml': '<urlset><url><loc>/</loc></url><url><loc>/a/</loc></url><url><loc>/alt/</loc></url></urlset>',
    });
    expect(brokenLinks(dir)).toEqual([
      '/: <a href="/a/#y"> – Anker „#y“ fehlt auf /a/',
      '/a/: <img src="/bild.png"> – Datei oder Seite /bild.png gibt es nicht',
      '/sitemap.xml: <loc>/alt/</loc> – Seite /alt/ gibt es nicht',
    ]);
    expect(() => linkCheckStep.run({ root: dir, dir, env: {} })).toThrow(/3 interne Links führen ins Leere:\n {2}\/: <a href="\/a\/#y">/);
  });

  it('requires the sitemap to list exactly the pages without noindex', () => {
    const dir = build({
      'index.html': '<a href="/druck/">d</a>',
      'a/index.html': '<h1>A</h1>',
      'druck/index.html': '<meta name="robots" content="noindex, follow"><h1>Druck</h1>',
      'sitemap.xml': '<urlset><url><loc>https://amip.example.org/</loc></url><url><loc>https://amip.example.org/druck/</loc></url></urlset>',
    });
    expect(brokenLinks(dir)).toEqual([
      '/sitemap.xml: <loc>https://amip.example.org/druck/</loc> – die Seite ist „noindex“ und gehört nicht in die Sitemap',
      '/sitemap.xml: /a/ fehlt (die Seite ist indexierbar)',
    ]);
  });
});

describe('preparing pages for the search index', () => {
  it('separates table cells and blocks so that their words stay apart', () => {
    expect(separateBlocks('<tr><th>Instrument</th><th>Eintritte 2021</th></tr><tr><td>a</td></tr>')).toBe(
      '<tr><th>Instrument</th> <th>Eintritte 2021</th> </tr> <tr><td>a</td> </tr>',
    );
    expect(separateBlocks('<a href="/x/">EGT</a><abbr>EGZ</abbr>')).toBe('<a href="/x/">EGT</a><abbr>EGZ</abbr>');
  });
});
