/**
 * A chapter's MDX body, parsed once with the MDX parser (remark-mdx, as the build parses it) for
 * every use that needs more than the rendered page: `npm run check` (components, table ids,
 * syntax errors, before the build meets them), the accessibility statement (figures without
 * data), meta descriptions (the first paragraph).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';

export type BodyComponent = {
  name: string;
  /** Attributes written as text (`id="x"`, `id={'x'}`); `true` for a bare attribute; undefined values for expressions. */
  attributes: Record<string, string | true | undefined>;
  /** Line in the body (1 = first line of the body). */
  line: number;
};

export type BodySyntaxError = { line: number; column: number; message: string };

export type ChapterBody = {
  components: BodyComponent[];
  /** The first prose paragraph as plain text (for meta descriptions). */
  firstParagraph: string | undefined;
  /** The first MDX syntax error, in German; the other fields are empty then. */
  error: BodySyntaxError | undefined;
};

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** The MDX parser's English reason → a German message that says how to mend it. */
export function germanSyntaxMessage(reason: string): string {
  let m: RegExpExecArray | null;
  if ((m = /Expected a closing tag for `<([^`>]*)>`/.exec(reason)))
    return `<${m[1]}> wird nicht geschlossen: erwartet </${m[1]}> (im selben Absatz) oder <${m[1]} … /> für ein Element ohne Inhalt`;
  if ((m = /Unexpected closing tag `<\/([^`>]*)>`, expected corresponding closing tag for `<([^`>]*)>`/.exec(reason)))
    return `</${m[1]}> schließt ein Element, das hier nicht offen ist; offen ist <${m[2]}>: erwartet </${m[2]}>`;
  if ((m = /Unexpected closing slash `\/` in tag, expected an open tag first/.exec(reason))) return 'schließendes Tag ohne öffnendes: erwartet zuerst <Name>';
  if ((m = /Unexpected closing tag `<\/([^`>]*)>`/.exec(reason))) return `</${m[1]}> ohne passendes öffnendes <${m[1]}>`;
  if (/expected a corresponding closing brace for `\{`/.test(reason) || /Unexpected end of file in expression/.test(reason))
    return 'eine geschweifte Klammer „{“ wird nicht geschlossen: im Text als \\{ schreiben, oder die Klammer mit „}“ schließen';
  if (/Could not parse expression with acorn/.test(reason)) return 'ungültiger Ausdruck in geschweiften Klammern: eine Klammer „{“ im Text als \\{ schreiben';
  if (/Unexpected character .* before name/.test(reason) || /Unexpected character .* in name/.test(reason))
    return 'ungültiges Zeichen nach „<“: ein „<“ im Text als \\< schreiben; Kommentare als {/* … */}';
  if (/Unexpected character .* (after|before) attribute/.test(reason) || /attribute value/.test(reason))
    return 'ungültige Angabe im Tag: erwartet Angaben wie id="instrumente" (mit geraden Anführungszeichen)';
  if (/Unexpected end of file/.test(reason)) return 'die Datei endet mitten in einem Tag: erwartet „>“ oder „/>“';
  if (/Unexpected lazy line/.test(reason)) return 'eine Zeile in einem Element oder Zitat ist nicht eingerückt wie die Zeilen davor';
  return 'die MDX-Schreibweise ist an dieser Stelle fehlerhaft: erwartet geschlossene Tags wie <Randnotiz>…</Randnotiz> und „{“, „<“ im Text als \\{, \\<';
}

function attributesOf(node: { attributes?: unknown[] }): Record<string, string | true | undefined> {
  const out: Record<string, string | true | undefined> = {};
  for (const a of (node.attributes ?? []) as { type: string; name?: string; value?: unknown }[]) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) continue;
    if (a.value === null || a.value === undefined) out[a.name] = true;
    else if (typeof a.value === 'string') out[a.name] = a.value;
    else {
      // id={'x'} or id={"x"}: a string literal in braces.
      const expr = (a.value as { value?: string }).value ?? '';
      const literal = /^\s*(["'])(.*)\1\s*$/.exec(expr);
      out[a.name] = literal ? literal[2] : undefined;
    }
  }
  return out;
}

/** A paragraph of the text itself: not one that only holds components (a margin note on its own line). */
const isProse = (node: RootContent) =>
  node.type === 'paragraph' && node.children.some((c) => c.type === 'text' && c.value.trim() !== '') && !node.children.some((c) => c.type === 'mdxJsxTextElement');

/**
 * Parsed bodies by text: the build asks for the same chapter on many pages (the description of
 * its page, the list of missing figures on the accessibility pages). Bounded, for long `astro dev`
 * sessions in which every save is a new text.
 */
const parsed = new Map<string, ChapterBody>();

export function parseChapterBody(text: string): ChapterBody {
  let body = parsed.get(text);
  if (!body) {
    if (parsed.size >= 500) parsed.clear();
    body = parse(text);
    parsed.set(text, body);
  }
  return body;
}

function parse(text: string): ChapterBody {
  let tree: Root;
  try {
    tree = processor.parse(text) as Root;
  } catch (e) {
    const err = e as { line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } }; reason?: string; message?: string };
    const place = err.place && 'start' in err.place && err.place.start ? err.place.start : (err.place as { line?: number; column?: number } | undefined);
    return {
      components: [],
      firstParagraph: undefined,
      error: { line: err.line ?? place?.line ?? 1, column: err.column ?? place?.column ?? 1, message: germanSyntaxMessage(err.reason ?? err.message ?? '') },
    };
  }
  const components: BodyComponent[] = [];
  const walk = (node: { type: string; name?: string | null; children?: unknown[]; position?: { start: { line: number } }; attributes?: unknown[] }) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name)
      components.push({ name: node.name, attributes: attributesOf(node), line: node.position?.start.line ?? 1 });
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(tree);
  const first = tree.children.find(isProse);
  return { components, firstParagraph: first ? toString(first).replace(/\s+/g, ' ').trim() : undefined, error: undefined };
}

/** The themes of the print's figures whose content the text lacks (`<Schaubild thema="…" />`). */
export const missingFigureThemes = (body: ChapterBody): string[] =>
  body.components.flatMap((c) => (c.name === 'Schaubild' && typeof c.attributes.thema === 'string' ? [c.attributes.thema] : []));
