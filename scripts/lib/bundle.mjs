// Writes the page's bundle into www/js/: app.bundle.js (js/app.js with the shell, the first
// tool, grades, and everything they import, in one minified file: the first result waits for
// one script, not a chain of imports) and one chunk-*.js per other tool, loaded when its tab is
// opened or the browser is idle (www/js/tools/index.js). www/js/*.js stay the plain-ES-module
// source (and what the <exchange-calc> element and the npm package use).
//
// Rollup, not esbuild's splitting: a module both the first bundle and a tool use (dom.js,
// table.js, …) must live in the first bundle, which every tool chunk then imports it from.
// esbuild put each such module in a shared chunk of its own, and the first bundle waited for
// those (one more round trip before the first result, 150 ms on a phone); Rollup leaves out of
// a dynamic chunk what its importer has already loaded. esbuild then minifies each file.
// The glue modules, /pkg/exchange_calc_grades.js and /pkg/exchange_calc.js, stay outside on
// purpose: each holds its wasm instance, one per module URL, so the page and anyone who
// imports the same file share one instance.
import { rollup } from 'rollup';
import { transform } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const www = path.resolve(process.argv[2] || 'www');
const dir = path.join(www, 'js');
for (const f of fs.readdirSync(dir)) if (/^chunk-.*\.js$|\.bundle\.js$/.test(f)) fs.rmSync(path.join(dir, f));
const minify = {
  name: 'minify',
  async renderChunk(code) {
    const r = await transform(code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
    return { code: r.code, map: null };
  },
};
const bundle = await rollup({
  input: { 'app.bundle': path.join(dir, 'app.js') },
  external: (id) => /(^|\/)pkg\/exchange_calc(_grades)?\.js$/.test(id),
  plugins: [minify],
});
const { output } = await bundle.write({ dir, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunk-[hash].js' });
await bundle.close();
const gz = (code) => zlib.gzipSync(code, { level: 9 }).length;
const [first, ...chunks] = output.filter((o) => o.type === 'chunk');
console.log(`bundle: www/js/${first.fileName} ${first.code.length} bytes (${gz(first.code)} gzip; imports ${first.imports.join(', ') || 'nothing'}), ${chunks.length} chunks (${chunks.reduce((s, c) => s + gz(c.code), 0)} gzip)`);
