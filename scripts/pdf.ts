/**
 * Prints the whole programme of every year of a built site into a PDF:
 * dist/<year>/amip-<year>.pdf (the build does this too, as its post-build step "PDF").
 *
 *   npm run pdf                   all years in dist/
 *   npm run pdf -- --dir /tmp/x   another built site
 *   npm run pdf -- 2021           one year
 */
import path from 'node:path';
import { writePdfs } from './lib/pdf.ts';

const args = process.argv.slice(2);
const dirFlag = args.indexOf('--dir');
const dir = path.resolve(dirFlag >= 0 ? args[dirFlag + 1] ?? '' : 'dist');
const years = args.filter((a, i) => /^\d{4}$/.test(a) && args[i - 1] !== '--dir');
try {
  const written = await writePdfs({ dir, years: years.length > 0 ? years : undefined, log: (line) => console.log(line) });
  if (written.length === 0) throw new Error(`${dir} enthält keine Seite /<Jahr>/gesamt/: zuerst die Website bauen (npm run build)`);
} catch (error) {
  console.error(`PDF nicht erzeugt: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
