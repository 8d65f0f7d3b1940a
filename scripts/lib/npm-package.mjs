// Writes dist/npm/: an npm package folder for web teams with a build pipeline — the ES module,
// the wasm, the .d.ts, and the <exchange-calc> custom element with its CSS. `npm pack` accepts it
// and a bundler-free `import` can use it.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] || '.');
const www = path.join(root, 'www');
const out = path.join(root, 'dist/npm');
const version = /^version = "([^"]+)"/m.exec(fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8'))[1];

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
for (const dir of ['pkg', 'js', 'css']) fs.cpSync(path.join(www, dir), path.join(out, dir), { recursive: true, filter: (src) => !/demo|\.bundle\.js$/.test(path.basename(src)) });
fs.copyFileSync(path.join(root, 'README.md'), path.join(out, 'README.md'));

const pkg = {
  name: 'exchange-calc',
  version,
  description: 'Study-abroad exchange calculator (grades, credits, funding, eligibility, deadlines) in WebAssembly — runs entirely in the browser.',
  license: 'MIT',
  type: 'module',
  main: './pkg/exchange_calc.js',
  module: './pkg/exchange_calc.js',
  types: './pkg/exchange_calc.d.ts',
  exports: {
    '.': { types: './pkg/exchange_calc.d.ts', default: './pkg/exchange_calc.js' },
    './element': './js/element.js',
    './style.css': './css/app.css',
    './exchange_calc_bg.wasm': './pkg/exchange_calc_bg.wasm',
    './package.json': './package.json',
  },
  files: ['pkg/', 'js/', 'css/', 'README.md'],
  sideEffects: ['./js/element.js'],
  keywords: ['study-abroad', 'exchange', 'gpa', 'wasm', 'web-component'],
};
fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`npm: dist/npm (exchange-calc@${version})`);
