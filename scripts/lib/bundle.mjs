// Writes the page's bundle into www/js/: app.bundle.js (js/app.js with the shell and the first
// tool, grades, in one minified file: the page's first result waits for one script, not a
// chain of module imports) and one chunk-*.js per other tool, loaded when its tab is opened or
// the browser is idle (www/js/tools/index.js). www/js/*.js stay the plain-ES-module source (and
// what the <exchange-calc> element and the npm package use).
// The glue modules, /pkg/exchange_calc_grades.js and /pkg/exchange_calc.js, are left out on
// purpose: each holds its wasm instance, one per module URL, so the page and anyone who imports
// the same file share one instance.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const www = path.resolve(process.argv[2] || 'www');
const dir = path.join(www, 'js');
for (const f of fs.readdirSync(dir)) if (/^chunk-.*\.js$|\.bundle\.js$/.test(f)) fs.rmSync(path.join(dir, f));
const glue = {
  name: 'glue-external',
  setup(b) {
    // The bundle and its chunks live in www/js/, as the modules that import the glue do (one
    // level below www/), so the same relative path reaches www/pkg/.
    b.onResolve({ filter: /\/pkg\/exchange_calc(_grades)?\.js$/ }, (a) => ({ path: `../pkg/${path.basename(a.path)}`, external: true }));
  },
};
const result = await build({
  entryPoints: { 'app.bundle': path.join(dir, 'app.js') }, outdir: dir, splitting: true, chunkNames: 'chunk-[hash]', plugins: [glue],
  bundle: true, format: 'esm', minify: true, target: 'es2022', legalComments: 'none', metafile: true,
});
const outputs = Object.keys(result.metafile.outputs).map((f) => path.resolve(f));
const gz = (f) => zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
const first = outputs.find((f) => f.endsWith('app.bundle.js'));
console.log(`bundle: www/js/app.bundle.js ${fs.statSync(first).size} bytes (${gz(first)} gzip), ${outputs.length - 1} chunks (${outputs.filter((f) => f !== first).reduce((s, f) => s + gz(f), 0)} gzip)`);
