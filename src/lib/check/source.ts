/**
 * Content files as text, parsed with the `yaml` package so that every value keeps its position:
 * a problem found at a zod issue path is reported with the line of that value in the file.
 * Pure: the caller reads the files (scripts/lib/content-files.ts) and hands over their text.
 */
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

/** A content file: path relative to the content folder ("programmes/2021/programme.yaml"), text as read. */
export type SourceFile = { path: string; text: string };

export type ParsedFile = {
  file: SourceFile;
  /** The YAML text (for MDX the frontmatter between the `---` lines). */
  yaml: string;
  /** Where the YAML text starts in the file: characters and lines before it. */
  charOffset: number;
  lineOffset: number;
  doc: Document.Parsed;
  lines: LineCounter;
  /** MDX only: the body after the frontmatter and the file line it starts on (1-based). */
  body?: { text: string; line: number };
  /** Set when the file has no frontmatter at all. */
  missingFrontmatter?: boolean;
};

const FRONTMATTER = /^---\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;

export function parseSource(file: SourceFile): ParsedFile {
  const lines = new LineCounter();
  // .mdx chapters and .md texts (Leichte Sprache) have YAML front matter; other files are YAML.
  if (!/\.mdx?$/.test(file.path)) {
    const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false });
    return { file, yaml: file.text, charOffset: 0, lineOffset: 0, doc, lines };
  }
  const m = FRONTMATTER.exec(file.text);
  if (!m || m.index !== 0) {
    const doc = parseDocument('', { lineCounter: lines });
    return { file, yaml: '', charOffset: 0, lineOffset: 0, doc, lines, body: { text: file.text, line: 1 }, missingFrontmatter: true };
  }
  const yaml = m[1]!;
  const charOffset = file.text.indexOf('\n') + 1;
  const doc = parseDocument(yaml, { lineCounter: lines, prettyErrors: false });
  const bodyStart = m[0].length;
  const bodyLine = file.text.slice(0, bodyStart).split('\n').length;
  return { file, yaml, charOffset, lineOffset: 1, doc, lines, body: { text: file.text.slice(bodyStart), line: bodyLine } };
}

/** 1-based file line of a character offset in the YAML text. */
export function lineOf(p: ParsedFile, offset: number): number {
  return p.lines.linePos(Math.max(0, Math.min(offset, p.yaml.length))).line + p.lineOffset;
}

export type PathSegment = string | number;

/**
 * The deepest node along `path` (a zod issue path into the data). When a key is missing, the
 * node of the object that lacks it is returned and `complete` is false. `pairKey` is the key
 * node of the last map entry found (points at "entries:" rather than its value).
 */
export function nodeAt(doc: Document.Parsed, path: readonly PathSegment[]): { node: Node | null; pairKey: Node | null; complete: boolean; depth: number } {
  let node: Node | null = doc.contents as Node | null;
  let pairKey: Node | null = null;
  let depth = 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) return { node, pairKey, complete: false, depth };
      pairKey = pair.key as Node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg] as Node;
      pairKey = null;
    } else {
      return { node, pairKey, complete: false, depth };
    }
    depth++;
  }
  return { node, pairKey, complete: true, depth };
}

/** The key node of `key` in the map at `path` (for "unknown field" problems). */
export function keyNodeAt(doc: Document.Parsed, path: readonly PathSegment[], key: string): Node | null {
  const { node, complete } = nodeAt(doc, path);
  if (!complete || !isMap(node)) return null;
  const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === key);
  return (pair?.key as Node | undefined) ?? null;
}

/** File line of the value at `path`, or of the closest enclosing value that exists. */
export function lineAt(p: ParsedFile, path: readonly PathSegment[], key?: string): number {
  if (key !== undefined) {
    const k = keyNodeAt(p.doc, path, key);
    if (k?.range) return lineOf(p, k.range[0]);
  }
  const { node, pairKey, complete } = nodeAt(p.doc, path);
  // A scalar value sits on its key's line; a block collection starts on the line after its key.
  const target = complete && pairKey && !isScalar(node) && !isFlow(node) ? pairKey : node;
  if (target?.range) return lineOf(p, target.range[0]);
  return 1 + p.lineOffset;
}

const isFlow = (n: Node | null) => (isMap(n) || isSeq(n)) && n.flow === true;
