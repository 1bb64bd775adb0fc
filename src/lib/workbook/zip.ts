/**
 * A look at an .xlsx file before a spreadsheet library opens it: an .xlsx file is a ZIP archive
 * of XML parts. Refuses quickly, with a German message, what is not a workbook (a CSV file, an
 * old .xls, a PDF), what is cut off (a broken download or copy), what carries macros (.xlsm,
 * vbaProject.bin), what is too large, and archives that unpack to far more than they say
 * ("ZIP bombs"): every part is unpacked here with a hard output limit, so memory stays bounded.
 */
import { decodeXML } from 'entities';
import { inflateRawSync } from 'node:zlib';

/** Largest workbook file read (an exported workbook of a year has some 20–60 KB). */
export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;
/** Largest total size of the unpacked parts. */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
/** Most parts in the archive (a workbook of a year has some 30). */
const MAX_ENTRIES = 2000;

export class WorkbookFileError extends Error {}

const megabytes = (n: number) => `${(n / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
const SAVE_AS = 'in Excel „Speichern unter“ → „Excel-Arbeitsmappe (*.xlsx)“, in LibreOffice „Speichern unter“ → „Excel 2007-365 (.xlsx)“';

/** The message for a file over the size limit (checked before the file is read). */
export const tooLarge = (size: number) =>
  `Datei zu groß: ${megabytes(size)}, erwartet höchstens ${megabytes(MAX_WORKBOOK_BYTES)} (eine exportierte Arbeitsmappe oder CSV-Datei hat unter 1 MB; Bilder oder Tausende leerer formatierter Zeilen entfernen)`;

/**
 * Throws WorkbookFileError when `bytes` cannot be an exported workbook; returns the unpacked text
 * of the parts `keep` selects (by part name).
 */
export function inspectWorkbookFile(bytes: Uint8Array, name: string, keep: (part: string) => boolean = () => false): Map<string, string> {
  if (/\.xlsm$/i.test(name)) throw new WorkbookFileError(`Arbeitsmappe mit Makros (.xlsm) wird nicht eingelesen: erwartet eine .xlsx-Datei ohne Makros (${SAVE_AS})`);
  if (bytes.length > MAX_WORKBOOK_BYTES) throw new WorkbookFileError(tooLarge(bytes.length));
  const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  if (head.startsWith('d0cf11e0')) throw new WorkbookFileError(`altes Excel-Format (.xls) oder verschlüsselte Arbeitsmappe: erwartet eine .xlsx-Datei ohne Kennwort (${SAVE_AS})`);
  if (!head.startsWith('504b0304')) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64)).replace(/^\ufeff/, '');
    const kind = bytes.length === 0 ? 'eine leere Datei' : /^%PDF/.test(text) ? 'eine PDF-Datei' : /^[\x20-\x7e\u00a0-\uffff\r\n\t;,]*$/.test(text) ? 'eine Textdatei (CSV?)' : 'eine andere Datei';
    throw new WorkbookFileError(`keine Excel-Arbeitsmappe: erwartet eine .xlsx-Datei, gefunden: ${kind}${kind === 'eine Textdatei (CSV?)' ? ' – CSV-Dateien mit der Endung .csv angeben' : ''}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const truncated = () => new WorkbookFileError('unvollständige Datei (abgeschnitten oder beschädigt): das Inhaltsverzeichnis der Arbeitsmappe fehlt; die Datei erneut speichern oder kopieren');
  // End of central directory: 22 bytes + comment (at most 65535), at the end of the file.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd === -1) throw truncated();
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (cdOffset + cdSize > eocd) throw truncated();
  if (count > MAX_ENTRIES) throw new WorkbookFileError(`erwartet eine Arbeitsmappe mit höchstens ${MAX_ENTRIES} Teilen, gefunden: ${count}`);
  const names: string[] = [];
  const kept = new Map<string, string>();
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) throw truncated();
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const entry = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extra + comment;
    names.push(entry);
    if (/(^|\/)vbaProject\.bin$/i.test(entry))
      throw new WorkbookFileError(`Arbeitsmappe mit Makros (enthält ${entry}) wird nicht eingelesen: erwartet eine .xlsx-Datei ohne Makros (${SAVE_AS})`);
    total += size;
    if (total > MAX_UNPACKED_BYTES) throw new WorkbookFileError(`Arbeitsmappe zu groß: entpackt über ${megabytes(MAX_UNPACKED_BYTES)} (eine exportierte Arbeitsmappe hat entpackt unter 2 MB)`);
    // The part itself: local header, then the data, unpacked with a hard limit.
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw truncated();
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) throw truncated();
    if (method === 8 && size > 0) {
      try {
        const data = inflateRawSync(bytes.subarray(start, start + compressed), { maxOutputLength: Math.max(size, 1) });
        if (keep(entry)) kept.set(entry, data.toString('utf8'));
      } catch (error) {
        const tooBig = error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
        throw tooBig ? new WorkbookFileError(`Arbeitsmappe beschädigt: der Teil ${entry} entpackt zu mehr als angegeben`) : truncated();
      }
    } else if (method === 0 && keep(entry)) kept.set(entry, Buffer.from(bytes.subarray(start, start + compressed)).toString('utf8'));
    else if (method !== 0 && method !== 8) throw new WorkbookFileError(`Arbeitsmappe mit unbekannter Kompression (Teil ${entry}): ${SAVE_AS}`);
  }
  if (!names.includes('[Content_Types].xml') || !names.some((e) => /^xl\/workbook\.xml$/i.test(e)))
    throw new WorkbookFileError(`keine Excel-Arbeitsmappe: erwartet eine .xlsx-Datei, gefunden: ein ZIP-Archiv ohne Arbeitsmappe (${SAVE_AS})`);
  return kept;
}

const attr = (attrs: string, key: string) => {
  const m = new RegExp(`\\b${key}="([^"]*)"`).exec(attrs);
  return m ? decodeXML(m[1]!) : undefined;
};

/** A formula cell's cached value as the file stores it: undefined when the file has none. */
export type CachedValue = { type: 'number'; value: number } | { type: 'text'; value: string } | { type: 'error'; value: string } | { type: 'boolean'; value: boolean };

/**
 * The cached values of the formula cells of every sheet, by sheet name and cell address, read
 * from the XML parts. (ExcelJS 4.4 drops a cached 0 or "" of a formula; the spreadsheet showed it.)
 */
export function cachedFormulaValues(parts: ReadonlyMap<string, string>): Map<string, Map<string, CachedValue | undefined>> {
  const out = new Map<string, Map<string, CachedValue | undefined>>();
  const workbook = parts.get('xl/workbook.xml') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1]!, 'name');
    const id = attr(m[1]!, 'r:id');
    const xml = id ? parts.get(targets.get(id) ?? '') : undefined;
    if (!name || xml === undefined) continue;
    const cells = new Map<string, CachedValue | undefined>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const inner = c[2] ?? '';
      if (!/<f\b/.test(inner)) continue;
      const address = attr(c[1]!, 'r');
      if (!address) continue;
      const v = /<v>([\s\S]*?)<\/v>|<v\s*\/>/.exec(inner);
      const t = attr(c[1]!, 't');
      const text = v ? decodeXML(v[1] ?? '') : undefined;
      cells.set(
        address,
        text === undefined
          ? undefined
          : t === 'str' || t === 'inlineStr'
            ? { type: 'text', value: text }
            : t === 'e'
              ? { type: 'error', value: text }
              : t === 'b'
                ? { type: 'boolean', value: text === '1' }
                : text === ''
                  ? undefined
                  : { type: 'number', value: Number(text) },
      );
    }
    out.set(name, cells);
  }
  return out;
}
