/**
 * The first prose paragraph of an MDX body: skips components (<Randnotiz>, <Tabelle />),
 * headings and list items, and strips Markdown emphasis. For meta descriptions.
 */
export function firstParagraph(mdx: string): string | undefined {
  for (const block of mdx.split(/\n\s*\n/)) {
    const t = block.trim();
    if (!t || /^[<#>|-]/.test(t) || /^\d+\.\s/.test(t)) continue;
    return t.replace(/\*\*?([^*]+)\*\*?/g, '$1').replace(/\\([*{}<>])/g, '$1').replace(/\s+/g, ' ');
  }
  return undefined;
}
