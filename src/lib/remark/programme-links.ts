/**
 * remark plugin for the chapter texts:
 * - the first occurrence of a glossary abbreviation in each section becomes
 *   `<a href="/glossar/#egt"><abbr title="Eingliederungstitel">EGT</abbr></a>`;
 * - the first citation of each legal basis in a section ("§ 16i SGB II", "§ 16i",
 *   "§§ 74- 75a SGB III") links to its page under /rechtsgrundlagen/.
 *
 * A section runs from one heading to the next. Headings, links, code, tables and MDX
 * components (margin notes, figures, <Tabelle />) are left exactly as written: the printed
 * wording of a margin note stays verbatim, and a heading or link must not contain links.
 * The text itself never changes; only elements are wrapped around it.
 */
import path from 'node:path';
import type { Link, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { glossaryEntryHref, legalBasisHref } from '../links/hrefs.ts';
import { type Match, createMatcher } from './matcher.ts';
import { registryLoader } from './registry.ts';

export type ProgrammeLinksOptions = {
  /** Folder with glossary.yaml and legal-bases.yaml (default: src/content below the working directory). */
  contentDir?: string;
  /** What to do with a citation that names no entry of legal-bases.yaml: fail the build (default) or warn. */
  unresolved?: 'error' | 'warn';
};

/** Node types whose content stays untouched. */
const untouched = new Set([
  'heading',
  'link',
  'linkReference',
  'definition',
  'footnoteDefinition',
  'code',
  'inlineCode',
  'html',
  'table',
  'yaml',
  'toml',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxjsEsm',
]);

type VFileLike = { path?: string; message?: (reason: string) => unknown };

export default function remarkProgrammeLinks(options: ProgrammeLinksOptions = {}) {
  const load = registryLoader(options.contentDir ?? path.resolve('src/content'));
  const unresolved = options.unresolved ?? 'error';

  return function transform(tree: Root, file?: VFileLike) {
    const { glossary, legalBases } = load();
    const matcher = createMatcher(glossary, legalBases);
    const problems: string[] = [];
    let seen = new Set<string>();

    const replacement = (m: Match): PhrasingContent | undefined => {
      if (m.kind === 'citation') {
        if (!m.basis) {
          problems.push(`Zitat „${m.text}“ verweist auf keinen Eintrag in src/content/legal-bases.yaml (gesucht: § ${m.citation.from}${m.citation.to ? `–${m.citation.to}` : ''}${m.citation.old ? ' (alt)' : ''} ${m.citation.law ?? 'SGB II'})`);
          return undefined;
        }
        const key = `legal:${m.basis.id}`;
        if (seen.has(key)) return undefined;
        seen.add(key);
        const link: Link = {
          type: 'link',
          url: legalBasisHref(m.basis.id),
          children: [{ type: 'text', value: m.text }],
          data: { hProperties: { className: ['legal-ref'] } },
        };
        return link;
      }
      const key = `abbr:${m.term.id}`;
      if (seen.has(key)) return undefined;
      seen.add(key);
      const abbr: Text = { type: 'text', value: m.text, data: { hName: 'abbr', hProperties: { title: m.term.expansion } } };
      const link: Link = {
        type: 'link',
        url: glossaryEntryHref(m.term.id),
        children: [abbr],
        data: { hProperties: { className: ['glossary-ref'] } },
      };
      return link;
    };

    const splitText = (node: Text): PhrasingContent[] | undefined => {
      const out: PhrasingContent[] = [];
      let at = 0;
      for (const m of matcher.find(node.value)) {
        const wrapped = replacement(m);
        if (!wrapped) continue;
        if (m.start > at) out.push({ type: 'text', value: node.value.slice(at, m.start) });
        out.push(wrapped);
        at = m.end;
      }
      if (out.length === 0) return undefined;
      if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
      return out;
    };

    const walk = (parent: Parent) => {
      const children = parent.children as RootContent[];
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child.type === 'text') {
          const parts = splitText(child);
          if (parts) {
            children.splice(i, 1, ...(parts as RootContent[]));
            i += parts.length - 1;
          }
        } else if (!untouched.has(child.type) && 'children' in child) {
          walk(child as Parent);
        }
      }
    };

    // Sections: each heading at the top level starts a new one.
    for (const block of [...tree.children]) {
      if (block.type === 'heading') {
        seen = new Set();
        continue;
      }
      if (untouched.has(block.type)) continue;
      if ('children' in block) walk(block as Parent);
    }

    if (problems.length > 0) {
      const where = file?.path ?? 'Kapiteltext';
      const message = problems.map((p) => `${where}: ${p}`).join('\n');
      if (unresolved === 'error') throw new Error(message);
      console.warn(message);
    }
  };
}
