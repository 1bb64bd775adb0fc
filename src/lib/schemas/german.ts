import { z } from 'zod';

const show = (v: unknown) => (v === undefined ? 'nichts' : typeof v === 'string' ? `„${v}“` : JSON.stringify(v));

const typeNames: Record<string, string> = {
  string: 'einen Text',
  number: 'eine Zahl',
  int: 'eine ganze Zahl',
  boolean: 'true oder false',
  array: 'eine Liste',
  object: 'eingerückte Felder darunter (z. B. „name: Wert“)',
  map: 'eingerückte Felder darunter (z. B. „name: Wert“)',
};

/**
 * One German error map for every zod schema of the project (set globally, so that the build's
 * content collections and `npm run check` say the same): "erwartet … gefunden …". Messages that
 * a schema writes itself take precedence and already read that way.
 */
export function germanIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeNames[issue.expected as string] ?? String(issue.expected);
      if (input === undefined) return `Pflichtfeld fehlt: erwartet ${expected}`;
      return `erwartet ${expected}, gefunden: ${show(input)}`;
    }
    case 'unrecognized_keys':
      return `unbekanntes Feld ${issue.keys.map((k) => `„${k}“`).join(', ')} (Tippfehler?)`;
    case 'invalid_value':
      return `erwartet ${issue.values.map((v) => show(v)).join(' oder ')}, gefunden: ${show(input)}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `erwartet mindestens ${issue.minimum} Einträge, gefunden: ${Array.isArray(input) ? input.length : show(input)}`
        : `erwartet mindestens ${issue.minimum}, gefunden: ${show(input)}`;
    case 'too_big':
      return `erwartet höchstens ${issue.maximum}, gefunden: ${show(input)}`;
    case 'invalid_format':
      return `erwartet ${issue.format === 'email' ? 'eine E-Mail-Adresse' : issue.format === 'url' ? 'eine Adresse (https://…)' : `das Format ${issue.format}`}, gefunden: ${show(input)}`;
    case 'invalid_union':
      return `erwartet eine der erlaubten Formen, gefunden: ${show(input)}`;
    default:
      return `ungültiger Wert: ${show(input)}`;
  }
}

z.config({ customError: germanIssue });
