// Writes www/sw.js: the service worker with this build's asset list and content hash.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const www = path.resolve(process.argv[2] || 'www');
// Not for students offline: the demo pages, and the embed builder and the policy schema (for
// the web editor who puts the calculator on a site).
const skip = new Set(['sw.js', 'embed-demo.html', 'form-demo.html', 'embed-policy.json', 'exchange-calc.html', 'policy.schema.json']);
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (!skip.has(path.relative(www, p)) && !/\.d\.ts$|demo|builder/.test(e.name)) files.push(p);
  }
})(www);
const hash = createHash('sha256');
for (const f of files) hash.update(path.relative(www, f)).update(fs.readFileSync(f));
const version = hash.digest('hex').slice(0, 12);
const integrity = (f) => `sha256-${createHash('sha256').update(fs.readFileSync(f)).digest('base64')}`;
const assets = [['./', integrity(path.join(www, 'index.html'))], ...files.map((f) => [`./${path.relative(www, f).split(path.sep).join('/')}`, integrity(f)])];
const template = fs.readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
fs.writeFileSync(path.join(www, 'sw.js'), template.replace('__VERSION__', version).replace('__ASSETS__', JSON.stringify(assets, null, 2)));
console.log(`precache: ${assets.length} assets, version ${version}`);
