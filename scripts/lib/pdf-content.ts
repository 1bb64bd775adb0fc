/**
 * PDF content streams (ISO 32000-1 § 7.8.2, § 14.6): split into operators, and everything that
 * Chromium draws outside the tagged structure (the running footer, page backgrounds) marked as
 * an artifact, as PDF/UA (ISO 14289-1 § 7.1) requires of content that is not real content.
 */

export type Operator = {
  /** The operator, e.g. "Tj", "BDC", "re". */
  op: string;
  /** Offset of its first operand (or of the operator when it has none). */
  start: number;
  /** Offset just after the operator. */
  end: number;
};

const isWhite = (c: number) => c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
const isDelimiter = (c: number) => c === 40 || c === 41 || c === 60 || c === 62 || c === 91 || c === 93 || c === 123 || c === 125 || c === 47 || c === 37;

/** The operators of a content stream with the byte range of each (operands included). */
export function operators(src: Uint8Array): Operator[] {
  const out: Operator[] = [];
  let i = 0;
  let start = -1;
  const mark = (at: number) => {
    if (start < 0) start = at;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (isWhite(c)) {
      i++;
    } else if (c === 37) {
      // % comment to the end of the line
      while (i < src.length && src[i] !== 10 && src[i] !== 13) i++;
    } else if (c === 40) {
      mark(i);
      let depth = 0;
      for (; i < src.length; i++) {
        const d = src[i]!;
        if (d === 92) i++;
        else if (d === 40) depth++;
        else if (d === 41 && --depth === 0) break;
      }
      i++;
    } else if (c === 60 && src[i + 1] === 60) {
      mark(i);
      i += 2;
    } else if (c === 62 && src[i + 1] === 62) {
      i += 2;
    } else if (c === 60) {
      mark(i);
      while (i < src.length && src[i] !== 62) i++;
      i++;
    } else if (c === 91 || c === 93 || c === 123 || c === 125) {
      mark(i);
      i++;
    } else if (c === 47) {
      mark(i);
      i++;
      while (i < src.length && !isWhite(src[i]!) && !isDelimiter(src[i]!)) i++;
    } else {
      const from = i;
      while (i < src.length && !isWhite(src[i]!) && !isDelimiter(src[i]!)) i++;
      if (i === from) throw new Error(`Inhaltsstrom: unerwartetes Zeichen an Position ${i}`);
      // Numbers (most tokens of a content stream) are operands; so are true, false and null.
      if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
        mark(from);
        continue;
      }
      const word = String.fromCharCode(...src.subarray(from, i));
      if (word === 'true' || word === 'false' || word === 'null') {
        mark(from);
        continue;
      }
      if (word === 'BI') {
        // Inline image: its data runs from "ID" to "EI" between white space.
        const at = start < 0 ? from : start;
        let j = i;
        while (j < src.length && !(src[j] === 73 && src[j + 1] === 68 && isWhite(src[j - 1]!) && isWhite(src[j + 2] ?? 32))) j++;
        j += 3;
        while (j < src.length && !(isWhite(src[j - 1]!) && src[j] === 69 && src[j + 1] === 73 && (j + 2 >= src.length || isWhite(src[j + 2]!)))) j++;
        i = Math.min(j + 2, src.length);
        out.push({ op: 'BI', start: at, end: i });
        start = -1;
        continue;
      }
      out.push({ op: word, start: start < 0 ? from : start, end: i });
      start = -1;
    }
  }
  return out;
}

/** Operators that put marks on the page (text, paths, images, shadings). */
export const paintingOperators: ReadonlySet<string> = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'BI']);
const pathConstruction = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);

/**
 * The content stream with every run of painting operators outside marked content enclosed in
 * "/Artifact BMC … EMC". Each run starts at the text object or path of its first painting
 * operator and ends after the text object or operator of its last one, so that marked content
 * and text objects stay properly nested. Tagged content (BDC … EMC) is left as it is.
 */
export function markUntaggedAsArtifact(src: Uint8Array): Uint8Array {
  const ops = operators(src);
  const ranges: [number, number][] = [];
  let depth = 0;
  let textStart = -1; // start of the open BT at depth 0, or -1
  let pathStart = -1;
  let run: [number, number] | undefined;
  let runInText = false; // the run started inside a text object that also holds tagged content
  let markedEnd = 0; // end of the last marked-content sequence
  const close = () => {
    if (run) ranges.push(run);
    run = undefined;
  };
  for (const o of ops) {
    if (o.op === 'BMC' || o.op === 'BDC') {
      if (depth === 0) close();
      depth++;
      continue;
    }
    if (o.op === 'EMC') {
      depth--;
      if (depth < 0) throw new Error('Inhaltsstrom: EMC ohne BMC/BDC');
      if (depth === 0) markedEnd = o.end;
      continue;
    }
    if (depth > 0) continue;
    if (o.op === 'BT') textStart = o.start;
    if (pathConstruction.has(o.op) && pathStart < 0) pathStart = o.start;
    if (paintingOperators.has(o.op)) {
      const from = textStart >= 0 ? textStart : pathStart >= 0 ? pathStart : o.start;
      if (run) run[1] = o.end;
      else {
        run = [Math.max(from, markedEnd), o.end];
        runInText = textStart >= 0 && textStart < markedEnd;
      }
    }
    if (o.op === 'ET') {
      // A run inside this text object ends with it, unless it began after tagged content in it.
      if (run && !runInText && run[1] >= (textStart < 0 ? 0 : textStart)) run[1] = o.end;
      else if (run && runInText) close();
      textStart = -1;
    }
    if (paintingOperators.has(o.op) || o.op === 'n') pathStart = -1;
  }
  if (depth !== 0) throw new Error('Inhaltsstrom: BMC/BDC ohne EMC');
  close();
  if (ranges.length === 0) return src;
  const enc = new TextEncoder();
  const open = enc.encode('/Artifact BMC\n');
  const end = enc.encode('\nEMC\n');
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const [a, b] of ranges) {
    parts.push(src.subarray(at, a), open, src.subarray(a, b), end);
    at = b;
  }
  parts.push(src.subarray(at));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return out;
}
