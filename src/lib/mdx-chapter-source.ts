import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

import { chapterDataComponents } from './chapter-components.ts';

export { chapterDataComponents };

/**
 * Remark plugin: gives each chapter-data component the path of the MDX file it stands in
 * (`chapterFile="src/content/…/06-integration.mdx"`), so that the component finds its chapter
 * even when several chapters are rendered on one page (the whole programme, /2021/gesamt/).
 */
export function remarkChapterSource() {
  return (tree: Root, file: { path?: string }) => {
    if (!file.path) return;
    const relative = path.relative(process.cwd(), file.path).split(path.sep).join('/');
    visit(tree, (node) => {
      const element = node as { type: string; name?: string | null; attributes?: unknown[] };
      if ((element.type === 'mdxJsxFlowElement' || element.type === 'mdxJsxTextElement') && element.name && chapterDataComponents.has(element.name))
        element.attributes!.push({ type: 'mdxJsxAttribute', name: 'chapterFile', value: relative });
    });
  };
}

/** Same file, whichever way the path is written (relative to the project or absolute). */
export const sameFile = (a: string, b: string) => path.resolve(a) === path.resolve(b);
