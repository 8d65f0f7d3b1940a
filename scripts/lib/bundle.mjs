// Writes www/js/app.bundle.js: index.html's modules (js/app.js and everything it imports) in
// one minified file, so the page loads in two requests (the bundle and the wasm-bindgen glue)
// instead of a four-deep chain of module imports. www/js/*.js stay the plain-ES-module
// source (and what the <exchange-calc> element and the npm package use).
// The glue, /pkg/exchange_calc.js, is left out of the bundle on purpose: it holds the wasm
// instance, one per module URL, so the page and anyone who imports it share one instance.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const www = path.resolve(process.argv[2] || 'www');
const out = path.join(www, 'js/app.bundle.js');
const glue = {
  name: 'glue-external',
  setup(b) {
    // The bundle lives in www/js/, as the modules that import the glue do (one level below
    // www/), so the same relative path reaches www/pkg/.
    b.onResolve({ filter: /\/pkg\/exchange_calc\.js$/ }, () => ({ path: '../pkg/exchange_calc.js', external: true }));
  },
};
const result = await build({
  entryPoints: [path.join(www, 'js/app.js')], outfile: out, plugins: [glue],
  bundle: true, format: 'esm', minify: true, target: 'es2022', legalComments: 'none', metafile: true,
});
const inputs = Object.keys(result.metafile.inputs).length;
console.log(`bundle: www/js/app.bundle.js ${fs.statSync(out).size} bytes from ${inputs} modules`);
