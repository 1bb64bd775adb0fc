/**
 * Writes the nginx configuration of the site from scripts/lib/hosting.ts (the one source of the
 * headers, caching rules and content types):
 *
 *   npm run nginx-config                                   deploy/nginx/amip.conf (Vorlage im Repository)
 *   npm run nginx-config -- --root /srv/amip --server-name amip.example.de --out /etc/nginx/sites-available/amip
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { commandArgs } from './lib/args.ts';
import { nginxConfigFile, nginxDefaults, renderNginxSite } from './lib/hosting.ts';

const { values } = commandArgs('npm run nginx-config -- [--out <Datei>] [--root <Ordner>] [--listen <Port>] [--server-name <Name>]', {
  options: {
    out: { type: 'string', default: nginxConfigFile },
    root: { type: 'string', default: nginxDefaults.root },
    listen: { type: 'string', default: nginxDefaults.listen },
    'server-name': { type: 'string', default: nginxDefaults.serverName },
  },
});
const out = path.resolve(values.out);
writeFileSync(out, renderNginxSite({ root: values.root, listen: values.listen, serverName: values['server-name'] }));
console.log(`nginx-Konfiguration geschrieben: ${out}`);
