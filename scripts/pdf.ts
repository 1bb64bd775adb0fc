/**
 * Prints the whole programme of every year of a built site into a PDF:
 * dist/<year>/amip-<year>.pdf (the build does this too, as its post-build step "PDF").
 *
 *   npm run pdf                   all years in dist/
 *   npm run pdf -- --dir /tmp/x   another built site
 *   npm run pdf -- 2021           one year
 */
import path from 'node:path';
import { commandArgs } from './lib/args.ts';
import { writePdfs } from './lib/pdf.ts';

const args = commandArgs('npm run pdf -- [<Jahr> …] [--dir <Ordner>]', { options: { dir: { type: 'string', default: 'dist' } }, allowPositionals: true });
const dir = path.resolve(args.values.dir);
const years = args.positionals;
if (years.some((y) => !/^\d{4}$/.test(y))) args.fail(`erwartet Programmjahre wie 2021, gefunden: ${years.join(' ')}`);
try {
  const written = await writePdfs({ dir, years: years.length > 0 ? years : undefined, log: (line) => console.log(line) });
  if (written.length === 0) throw new Error(`${dir} enthält keine Seite /<Jahr>/gesamt/: zuerst die Website bauen (npm run build)`);
} catch (error) {
  console.error(`PDF nicht erzeugt: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
