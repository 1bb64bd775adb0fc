/**
 * npm run check — prüft alle Inhalte (Programmjahre, Kapitel, Verzeichnisse, Einstellungen) ohne
 * die Website zu bauen und listet alle Probleme auf einmal:
 *
 *   src/content/programmes/2021/chapters/06-integration.mdx:27  tables[instrumente].total.entries  …
 *
 * Exit-Code 0: keine Fehler (Hinweise erlaubt); 1: mindestens ein Fehler.
 */
import { checkProject } from './lib/check.ts';

const started = performance.now();
const { report, ok, result } = checkProject();
console.log(report);
const years = result.years.map((y) => `${y.year}${y.programme?.data.status === 'draft' ? ' (Entwurf)' : ''}`).join(', ');
console.log(`Geprüft: ${result.files.size} Dateien, Jahre ${years || 'keine'} in ${Math.round(performance.now() - started)} ms.`);
process.exit(ok ? 0 : 1);
