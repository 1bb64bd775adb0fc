/**
 * BENCHMARKS.md is written by several tools (`npm run bench`, `npm run lighthouse`), each owning one
 * "## …" section: a tool replaces its own section and leaves the others as they are.
 */

/**
 * The file's text with the section headed `title` (a "## …" line) replaced by `section`, or
 * `section` appended when there is none yet; a missing file (undefined) starts as "# Benchmarks".
 * The section runs to the next heading of level 1 or 2, so its "### …" subsections go with it.
 */
export function replaceBenchmarksSection(file: string | undefined, title: string, section: string): string {
  const text = file ?? '# Benchmarks\n';
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === title);
  if (start < 0) return `${text.replace(/\n*$/, '')}\n\n${section}`;
  let end = lines.findIndex((l, i) => i > start && /^#{1,2} /.test(l));
  if (end < 0) end = lines.length;
  const before = lines.slice(0, start).join('\n').replace(/\n*$/, '');
  const after = lines.slice(end).join('\n');
  return `${before ? `${before}\n\n` : ''}${section}${after ? `\n${after}` : ''}`;
}
