/**
 * Problems of a file's notation, found while parsing and before any schema sees the data:
 * YAML syntax errors in plain German, a missing front matter, numbers YAML reads differently
 * from what a German reader means.
 */
import { isScalar, visit } from 'yaml';
import type { Problem } from './problems.ts';
import { lineOf, type ParsedFile } from './source.ts';

/** The notation problems of a parsed file; `file` is its path as the planner finds it. */
export function syntaxProblems(p: ParsedFile, file: string): Problem[] {
  const problems: Problem[] = [];
  // One root cause, one message: after the first structural error the parser's further errors are
  // its consequences (a tab indentation gives a dozen); doubled keys are independent and all listed.
  // Of the structural errors the one that names the cause comes first (a tab, a missing bracket).
  const causes = ['TAB_AS_INDENT', 'MISSING_CHAR'];
  const first = p.doc.errors.find((e) => causes.includes(e.code)) ?? p.doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  p.doc.errors
    .filter((e) => e === first || e.code === 'DUPLICATE_KEY')
    .forEach((e) =>
      problems.push({ severity: 'error', file, line: lineOf(p, e.pos[0]), field: '(YAML)', message: `YAML-Syntaxfehler: ${yamlErrorText(e.code, e.message)}` }),
    );
  if (p.missingFrontmatter)
    problems.push({ severity: 'error', file, line: 1, field: '(Datei)', message: 'erwartet einen Kopf zwischen zwei Zeilen „---“ am Dateianfang, gefunden: keinen' });
  if (p.doc.errors.length === 0)
    for (const n of ambiguousNumbers(p)) problems.push({ severity: 'error', file, line: lineOf(p, n.offset), field: n.key ?? '(Zahl)', message: n.message });
  return problems;
}

/** The most common YAML mistakes in plain German; others keep the parser's (English) text. */
function yamlErrorText(code: string, parserMessage = ''): string {
  // A flow collection that never closes is reported as an indentation error; name the real cause.
  const unclosed = /end with an? ([}\]])/.exec(parserMessage);
  if (unclosed) return `eine Klammer wird nicht geschlossen: erwartet „${unclosed[1]}“ am Ende der Zeile mit „${unclosed[1] === '}' ? '{' : '['}“`;
  const german: Record<string, string> = {
    DUPLICATE_KEY: 'doppelter Schlüssel: erwartet jede Kennung und jedes Feld nur einmal',
    TAB_AS_INDENT: 'Tabulator als Einrückung: erwartet Leerzeichen (zwei je Ebene)',
    BAD_INDENT: 'Einrückung stimmt nicht: erwartet dieselbe Anzahl Leerzeichen wie die Zeilen derselben Ebene',
    MULTILINE_IMPLICIT_KEY: 'Zeilenumbruch in einem Schlüssel oder ungeschlossene Anführungszeichen',
    MISSING_CHAR: 'ein Zeichen fehlt: erwartet eine schließende Klammer „]“ oder „}“ oder ein schließendes Anführungszeichen',
    BLOCK_AS_IMPLICIT_KEY: 'Einrückung oder Doppelpunkt stimmt nicht: erwartet „feld: Wert“ mit einem Leerzeichen nach dem Doppelpunkt',
    BLOCK_IN_FLOW: 'in geschweiften oder eckigen Klammern darf keine eingerückte Zeile stehen: erwartet alles in einer Zeile oder ohne Klammern',
    UNEXPECTED_TOKEN: 'unerwartetes Zeichen: Texte mit „:“, „#“, „[“ oder „{“ in Anführungszeichen setzen',
    BAD_SCALAR_START: 'ein Wert darf nicht so beginnen: Texte, die mit „@“, „`“, „%“ oder „|“ anfangen, in Anführungszeichen setzen',
    BAD_DQ_ESCAPE: 'ungültiges Zeichen nach „\\“ in Anführungszeichen: einfache Anführungszeichen verwenden',
    MULTIPLE_DOCS: 'mehr als ein Dokument in der Datei: erwartet keine zweite Zeile „---“',
    KEY_OVER_1024_CHARS: 'ein Schlüssel ist länger als 1024 Zeichen: ein Doppelpunkt fehlt vermutlich',
  };
  return german[code] ?? `die YAML-Schreibweise ist an dieser Stelle fehlerhaft (${code}): erwartet „feld: Wert“, Listen mit „- “, zwei Leerzeichen je Ebene`;
}

/**
 * Numbers that YAML reads differently from what a German reader means: `3.000` or `1.100` (YAML:
 * 3 and 1.1; meant: 3000 and 1100). One notation is accepted, and it is the unambiguous one:
 * whole numbers without a thousands separator, decimals with a point and not exactly three
 * places after it.
 */
function ambiguousNumbers(p: ParsedFile): { offset: number; key: string | undefined; message: string }[] {
  const found: { offset: number; key: string | undefined; message: string }[] = [];
  visit(p.doc, {
    Pair(_, pair) {
      const value = pair.value;
      if (!isScalar(value) || typeof value.value !== 'number') return;
      const source = (value as { source?: string }).source ?? String(value.value);
      if (!/^[+-]?\d{1,3}(\.\d{3})+$/.test(source)) return;
      const whole = source.replace(/\./g, '');
      found.push({
        offset: value.range?.[0] ?? 0,
        key: isScalar(pair.key) ? String(pair.key.value) : undefined,
        message: `„${source}“ ist mehrdeutig: gelesen würde ${String(value.value).replace('.', ',')} (der Punkt ist in den Daten ein Dezimalpunkt). Erwartet eine Zahl ohne Tausenderpunkt: ${whole}; ist ${String(value.value).replace('.', ',')} gemeint, ${String(value.value)} schreiben`,
      });
    },
  });
  return found;
}
