/**
 * Edits of YAML values *in place*: the parsed document only tells where a value sits; the
 * change is spliced into the original text, so comments, quoting, flow style (`{ a: 1 }`,
 * `[a, b]`) and line layout of everything else stay byte for byte as they were.
 * (Re-serialising the whole document with the `yaml` package would reformat flow collections.)
 */
import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import { nodeAt, type ParsedFile, type PathSegment } from '../check/source.ts';

export type Edit =
  /** Replace the value at `path` (a scalar or flow text is written). */
  | { kind: 'set'; path: readonly PathSegment[]; value: unknown }
  /** Replace text inside the value's source (keeps its quoting): years in captions. */
  | { kind: 'replaceText'; path: readonly PathSegment[]; replace: (source: string) => string }
  /** Remove `key` from the map at `path`. */
  | { kind: 'delete'; path: readonly PathSegment[]; key: string }
  /** Add `key: value` to the map at `path`, after the entry `after` (default: at the end). */
  | { kind: 'insert'; path: readonly PathSegment[]; key: string; value: unknown; after?: string };

/** One value as YAML text on one line: `920`, `"*"`, `{ min: 80, max: 170 }`, `[a, b]`. */
export function flowText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{ ${entries.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')} }`;
  }
  // Inside a flow collection "," "{" "}" "[" "]" need quotes too; the yaml package knows when.
  const plain = new Document(value).toString({ lineWidth: 0 }).trimEnd();
  return /[,{}[\]]/.test(plain) && !/^["']/.test(plain) ? JSON.stringify(value) : plain;
}

type Splice = { start: number; end: number; text: string };

function locate(p: ParsedFile, path: readonly PathSegment[]): { node: Node; keyNode: Node | null } {
  const { node, pairKey, complete } = nodeAt(p.doc, path);
  if (!complete || !node?.range) throw new Error(`${p.file.path}: kein Wert unter ${path.join('.')}`);
  return { node, keyNode: pairKey };
}

const isFlowCollection = (n: Node) => (isMap(n) || isSeq(n)) && n.flow === true;

/** Start of the line that holds `offset`. */
const lineStart = (s: string, offset: number) => s.lastIndexOf('\n', offset - 1) + 1;
/** Offset just after the line break that ends the line holding `offset` (or the text end). */
const lineEndIncl = (s: string, offset: number) => {
  const i = s.indexOf('\n', offset);
  return i === -1 ? s.length : i + 1;
};

function spliceFor(p: ParsedFile, edit: Edit): Splice {
  const y = p.yaml;
  if (edit.kind === 'set') {
    const { node, keyNode } = locate(p, edit.path);
    const [start, end] = node.range!;
    if (isScalar(node) || isFlowCollection(node)) return { start, end, text: flowText(edit.value) };
    // A block collection: the new value goes right after "key:" (written in flow style).
    if (!keyNode?.range) throw new Error(`${p.file.path}: ${edit.path.join('.')} kann nicht ersetzt werden`);
    const colon = y.indexOf(':', keyNode.range[1]);
    // A block collection's range ends after its final line break, which stays.
    let blockEnd = end;
    while (blockEnd > start && /\s/.test(y[blockEnd - 1]!)) blockEnd--;
    return { start: colon + 1, end: blockEnd, text: ` ${flowText(edit.value)}` };
  }
  if (edit.kind === 'replaceText') {
    const { node } = locate(p, edit.path);
    const [start, end] = node.range!;
    return { start, end, text: edit.replace(y.slice(start, end)) };
  }
  const { node: map } = locate(p, edit.path);
  if (!isMap(map)) throw new Error(`${p.file.path}: ${edit.path.join('.')} ist keine Zuordnung (key: value)`);
  const pairs = map.items;
  if (edit.kind === 'delete') {
    const index = pairs.findIndex((it) => isScalar(it.key) && String(it.key.value) === edit.key);
    if (index === -1) throw new Error(`${p.file.path}: ${[...edit.path, edit.key].join('.')} fehlt`);
    const pair = pairs[index]!;
    const keyStart = (pair.key as Node).range![0];
    const valueEnd = ((pair.value as Node | null) ?? (pair.key as Node)).range![1];
    if (!map.flow) return { start: lineStart(y, keyStart), end: lineEndIncl(y, Math.max(keyStart, valueEnd - 1)), text: '' };
    // Flow map: remove ", key: value" (or "key: value, " for the first entry).
    let before = keyStart;
    while (before > 0 && /\s/.test(y[before - 1]!)) before--;
    if (y[before - 1] === ',') return { start: before - 1, end: valueEnd, text: '' };
    let after = valueEnd;
    while (after < y.length && /\s/.test(y[after]!)) after++;
    if (y[after] === ',') {
      after++;
      while (after < y.length && y[after] === ' ') after++;
    }
    return { start: keyStart, end: after, text: '' };
  }
  // insert
  const text = `${edit.key}: ${flowText(edit.value)}`;
  if (map.flow) {
    const close = map.range![1] - 1; // the "}"
    let at = close;
    while (at > 0 && /\s/.test(y[at - 1]!)) at--;
    return { start: at, end: at, text: pairs.length > 0 ? `, ${text}` : text };
  }
  const first = pairs[0]?.key as Node | undefined;
  if (!first?.range) throw new Error(`${p.file.path}: ${edit.path.join('.')} ist leer`);
  const indent = ' '.repeat(first.range[0] - lineStart(y, first.range[0]));
  const afterPair = edit.after === undefined ? pairs[pairs.length - 1] : pairs.find((it) => isScalar(it.key) && String(it.key.value) === edit.after);
  if (!afterPair) throw new Error(`${p.file.path}: ${[...edit.path, edit.after].join('.')} fehlt`);
  const lastNode = ((afterPair.value as Node | null) ?? (afterPair.key as Node)).range!;
  const at = lineEndIncl(y, Math.max(lastNode[0], lastNode[1] - 1));
  const newline = y[at - 1] === '\n' ? '' : '\n';
  return { start: at, end: at, text: `${newline}${indent}${text}\n` };
}

/**
 * Applies the edits to the file's text and returns the new text. Splices must not overlap;
 * offsets are those of the original text.
 */
export function applyEdits(p: ParsedFile, edits: readonly Edit[]): string {
  // Applied from the end of the text backwards; inserts at the same place keep the edits' order.
  const splices = edits
    .map((e, index) => ({ ...spliceFor(p, e), index }))
    .sort((a, b) => b.start - a.start || b.end - a.end || b.index - a.index);
  for (let i = 1; i < splices.length; i++)
    if (splices[i]!.end > splices[i - 1]!.start)
      throw new Error(`${p.file.path}: Änderungen überschneiden sich`);
  let yaml = p.yaml;
  for (const s of splices) yaml = yaml.slice(0, s.start) + s.text + yaml.slice(s.end);
  const text = p.file.text;
  return text.slice(0, p.charOffset) + yaml + text.slice(p.charOffset + p.yaml.length);
}
