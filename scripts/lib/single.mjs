// Writes www/exchange-calc.html: the whole app in one file (wasm, JS and CSS inlined) that
// works when opened from disk (file://) — the file a student can keep or be emailed. It keeps a
// strict CSP: the one inline script and the one inline style are allowed by their sha256.
// Only the full module is inlined: from disk there is nothing to download in stages, and
// js/wasm.js then answers every tool from it.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const www = path.resolve(process.argv[2] || 'www');
const wasm = fs.readFileSync(path.join(www, 'pkg/exchange_calc_bg.wasm'));
const bundle = await build({
  entryPoints: [path.join(www, 'js/app.js')],
  bundle: true, format: 'esm', minify: true, write: false, target: 'es2022', legalComments: 'none',
});
const js = `globalThis.__exchangeCalcWasm=Uint8Array.from(atob(${JSON.stringify(wasm.toString('base64'))}),c=>c.charCodeAt(0));\n${bundle.outputFiles[0].text}`;
const css = fs.readFileSync(path.join(www, 'css/app.css'), 'utf8');
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const icon = `data:image/svg+xml;base64,${fs.readFileSync(path.join(www, 'icon.svg')).toString('base64')}`;
const csp = `default-src 'none'; script-src ${sha(js)} 'wasm-unsafe-eval'; style-src ${sha(css)}; img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'`;
// The page's <body> is index.html's, so both entry points show the same thing.
const index = fs.readFileSync(path.join(www, 'index.html'), 'utf8');
const body = index.slice(index.indexOf('<body>'), index.indexOf('</body>') + '</body>'.length);
const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="color-scheme" content="light dark">
<title>交换生计算器 · exchange-calc</title>
<link rel="icon" href="${icon}">
<style>${css}</style>
<script type="module">${js}</script>
</head>
${body}
</html>
`;
fs.writeFileSync(path.join(www, 'exchange-calc.html'), html);
console.log(`single: www/exchange-calc.html ${html.length} bytes`);
