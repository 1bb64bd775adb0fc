/** The data check as the build and `npm run check` run it. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkContent, type CheckResult, formatReport } from '../../src/lib/check/index.ts';
import { problemAt } from '../../src/lib/check/problems.ts';
import { chapterComponents, contentLocation, readContentFiles } from './content-files.ts';

export function checkProject(root = process.cwd(), env: NodeJS.ProcessEnv = process.env): { result: CheckResult; report: string; ok: boolean } {
  const loc = contentLocation(root, env);
  const result = checkContent(readContentFiles(loc.dir), { displayPrefix: loc.display, components: chapterComponents(root) });
  // Files outside the content folder that the settings name.
  const logo = result.publisher?.logo;
  const settings = result.files.get('settings.yaml');
  // AMIP_PUBLIC_DIR: tests build with their own public folder (e.g. a fixture video).
  const publicDir = env.AMIP_PUBLIC_DIR ?? path.join(root, 'public');
  if (logo && settings && !existsSync(path.join(publicDir, logo.src)))
    result.problems.push(problemAt(settings, loc.display + 'settings.yaml', ['publisher', 'logo', 'src'], `erwartet eine Datei public${logo.src}, gefunden: keine`));
  for (const [item, video] of Object.entries(result.publisher?.accessibility.signLanguage ?? {}))
    for (const [key, src] of Object.entries(video ?? {}))
      if (settings && src.startsWith('/') && !existsSync(path.join(publicDir, src)))
        result.problems.push(problemAt(settings, loc.display + 'settings.yaml', ['publisher', 'accessibility', 'signLanguage', item, key], `erwartet eine Datei public${src}, gefunden: keine`));
  return { result, report: formatReport(result.problems), ok: !result.problems.some((p) => p.severity === 'error') };
}
