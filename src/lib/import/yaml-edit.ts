/**
 * Edits of YAML values *in place*, on the `yaml` package's CST (concrete syntax tree): the
 * tokens of the edited values and map entries are changed and the tree is written back with
 * `CST.stringify`, so comments, quoting, flow style (`{ a: 1 }`, `[a, b]`), blank lines and line
 * layout of everything else stay byte for byte as they were. (Re-serialising the whole document
 * with the `yaml` package would reformat flow collections.)
 */
import { Composer, CST, Document, isMap, Parser } from 'yaml';
import { nodeAt, type ParsedFile, type PathSegment } from '../check/source.ts';

export type Edit =
  /** Replace the value at `path` (a scalar or flow text is written; a quoted string stays quoted). */
  | { kind: 'set'; path: readonly PathSegment[]; value: unknown }
  /** Replace text in the source of each scalar in the value (quotes included, so kept): years in captions. */
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

type Token = CST.Token;
type Item = CST.CollectionItem;
const sourceToken = (type: CST.SourceToken['type'], source: string): CST.SourceToken => ({ type, offset: -1, indent: 0, source });
const newline = () => sourceToken('newline', '\n');
/** The CST of one line of YAML: `920` gives a scalar token, `key: value` a block map. */
const parseLine = (text: string) => (new Parser().parse(text).next().value as CST.Document).value!;

/** Takes the spaces, comment and line break after a value (after a flow collection's bracket) off it. */
function takeTail(t: Token | undefined): CST.SourceToken[] {
  if (t?.type === 'flow-collection') return t.end.splice(1);
  if (t?.type === 'block-scalar') return t.props.splice(1) as CST.SourceToken[];
  return (t as CST.FlowScalar | undefined)?.end?.splice(0) ?? [];
}
function putTail(t: Token, tail: CST.SourceToken[]) {
  if (t.type === 'flow-collection') t.end.push(...tail);
  else if (t.type === 'block-scalar') t.props.push(...tail);
  else (t as CST.FlowScalar).end = [...((t as CST.FlowScalar).end ?? []), ...tail];
}

/** The entry holding `token` as its value. */
function itemOf(cst: CST.Document, token: Token): Item {
  let found: Item | undefined;
  CST.visit(cst, (item) => (item.value === token ? ((found = item), CST.visit.BREAK) : undefined));
  return found!;
}

/** Cuts a block collection off its entry after "key:"; returns what followed ":" up to the line break. */
function cutBlock(item: Item): CST.SourceToken[] {
  const sep = item.sep!;
  const colon = sep.findIndex((t) => t.type === 'map-value-ind');
  const nl = sep.findIndex((t, i) => i > colon && t.type === 'newline');
  item.sep = sep.slice(0, colon + 1);
  delete item.value;
  return sep.slice(colon + 1, nl + 1);
}

const QUOTES: Record<string, 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'> = { '"': 'QUOTE_DOUBLE', "'": 'QUOTE_SINGLE' };
const target = (e: Edit) => (e.kind === 'delete' ? [...e.path, e.key] : e.path);
/** `a` replaces or removes (a part of) what `b` edits. */
const overlaps = (a: Edit, b: Edit) => a.kind !== 'insert' && target(a).every((s, i) => String(s) === String(target(b)[i] ?? NaN));

/**
 * Applies the edits to the file's text and returns the new text (`p` stays as it was). Edits
 * must not overlap; inserts after the same entry keep the edits' order.
 */
export function applyEdits(p: ParsedFile, edits: readonly Edit[]): string {
  if (edits.some((a, i) => edits.some((b, j) => i !== j && overlaps(a, b)))) throw new Error(`${p.file.path}: Änderungen überschneiden sich`);
  // A tree of our own, as the edits change its tokens: `p` is shared with the content check.
  const tokens = [...new Parser().parse(p.yaml)];
  const cst = tokens.find((t) => t.type === 'document');
  const doc = [...new Composer({ keepSourceTokens: true }).compose(tokens, true)][0]!;
  const find = (path: readonly PathSegment[]) => {
    const { node, pairKey, complete } = nodeAt(doc, path);
    const token = (node as { srcToken?: Token } | null)?.srcToken;
    if (!complete || !token || !cst) throw new Error(`${p.file.path}: kein Wert unter ${path.join('.')}`);
    return { node: node!, token, afterKey: pairKey !== null };
  };
  /** The map at `path` and its entry `key` (default: the last entry). */
  const entry = (path: readonly PathSegment[], key?: string) => {
    const { node, token: map } = find(path);
    if (!isMap(node) || !('items' in map)) throw new Error(`${p.file.path}: ${path.join('.')} ist keine Zuordnung (key: value)`);
    const items = map.items as Item[];
    const index = key === undefined ? items.findLastIndex((it) => it.key) : items.findIndex((it) => CST.resolveAsScalar(it.key)?.value === key);
    if (index === -1 && key !== undefined) throw new Error(`${p.file.path}: ${[...path, key].join('.')} fehlt`);
    return { map, items, index, item: items[index] };
  };
  const inserted = new Map<Item | undefined, Item>();
  // Deletes last, so that an insert after an entry that goes still finds it.
  for (const edit of [...edits].sort((a, b) => Number(a.kind === 'delete') - Number(b.kind === 'delete'))) {
    if (edit.kind === 'replaceText') {
      // The source of each scalar in the value (quotes included) goes through `replace`.
      CST.visit({ start: [], value: find(edit.path).token }, (item) => {
        for (const t of [item.key, item.value]) if (CST.isScalar(t)) t.source = edit.replace(t.source);
      });
    } else if (edit.kind === 'set') {
      const { token, afterKey } = find(edit.path);
      const text = flowText(edit.value);
      if (CST.isScalar(token) && (edit.value === null || typeof edit.value !== 'object')) {
        // A string keeps the scalar's quotes; anything else is written as flowText writes it.
        const keep = typeof edit.value === 'string' && token.type !== 'scalar';
        CST.setScalarValue(token, typeof edit.value === 'string' ? edit.value : text, { afterKey, type: keep ? undefined : (QUOTES[text[0]!] ?? 'PLAIN') });
      } else {
        const item = edit.path.length > 0 ? itemOf(cst!, token) : undefined;
        if (!item) throw new Error(`${p.file.path}: das ganze Dokument kann nicht ersetzt werden`);
        const block = token.type === 'block-map' || token.type === 'block-seq';
        const tail = !block ? takeTail(token) : item.sep ? cutBlock(item) : [newline()];
        if (block) item.sep?.push(sourceToken('space', ' '));
        item.value = parseLine(text);
        putTail(item.value, tail);
      }
    } else if (edit.kind === 'delete') {
      const { map, items, index, item } = entry(edit.path, edit.key);
      items.splice(index, 1);
      const next = items[index];
      if (map.type === 'flow-collection') {
        // "{ a: 1, b: 2 }": ", b: 2" goes, the entry before takes its tail (" }"); or "a: 1, " goes.
        const before = items[index - 1]?.value;
        if (before) putTail(before, takeTail(item!.value));
        else if (next?.key) next.start = item!.start;
      } else {
        // Its line goes; comment and blank lines before it stay, and so does an indent it shares ("- key: …").
        const start = item!.start;
        const nl = start.findLastIndex((t) => t.type === 'newline') + 1;
        const shared = nl === start.length && next?.start[0]?.type === 'space';
        if (next) next.start = [...start.slice(0, nl), ...next.start.slice(shared ? 1 : 0)];
        else if (nl > 0) items.push({ start: start.slice(0, nl) });
        // No entry left: "key:" stays, with an empty (null) value.
        const parent = items.some((it) => it.key) ? undefined : itemOf(cst!, map);
        const tail = parent?.sep && cutBlock(parent);
        if (tail) parent!.sep!.push(...tail);
      }
    } else {
      const { map, items, item: anchor } = entry(edit.path, edit.after);
      const after = inserted.get(anchor) ?? anchor;
      const at = after ? items.indexOf(after) + 1 : 0;
      const added = (parseLine(`${edit.key}: ${flowText(edit.value)}`) as CST.BlockMap).items[0]!;
      if (map.type === 'flow-collection') {
        // Entries are separated as the map's second entry is from the first (", " or ",\n  ").
        const lead = items.find((it, i) => i > 0 && it.key)?.start ?? [sourceToken('comma', ','), sourceToken('space', ' ')];
        added.start = at > 0 ? lead.map((t) => ({ ...t })) : [];
        if (!items.slice(at).some((it) => it.key)) putTail(added.value!, takeTail(after?.value));
      } else {
        const indent = map.indent > 0 ? [sourceToken('space', ' '.repeat(map.indent))] : [];
        added.start = after && !CST.stringify(after).endsWith('\n') ? [newline(), ...indent] : indent;
        putTail(added.value!, [newline()]);
      }
      items.splice(at, 0, added);
      inserted.set(anchor, added);
    }
  }
  const text = p.file.text;
  return text.slice(0, p.charOffset) + tokens.map((t) => CST.stringify(t)).join('') + text.slice(p.charOffset + p.yaml.length);
}
