/** Leichte Sprache (BITV 2.0 § 4): the front matter and the placeholders of leichte-sprache/*.md. */
import { PLACEHOLDERS, unknownPlaceholders } from '../easy-language.ts';
import { easyLanguageSchema } from '../schemas/easy-language.ts';
import { type CheckContext, displayPath, parseFile, reportLine, validate } from './context.ts';

export function checkEasyLanguage(ctx: CheckContext) {
  const expected = Object.keys(PLACEHOLDERS).map((k) => `{${k}}`).join(', ');
  for (const source of ctx.sources.filter((x) => /^leichte-sprache\/[^/]+\.md$/.test(x.path))) {
    const p = parseFile(ctx, source);
    if (p.missingFrontmatter) continue; // reported by parseFile()
    if (p.doc.errors.length === 0) validate(ctx, p, easyLanguageSchema, p.doc.toJS());
    for (const [i, line] of (p.body?.text ?? '').split('\n').entries())
      for (const name of unknownPlaceholders(line))
        reportLine(ctx, displayPath(ctx, p), (p.body?.line ?? 1) + i, `{${name}}`, `unbekannter Platzhalter: erwartet einen von ${expected}, gefunden: „{${name}}“`);
  }
}
