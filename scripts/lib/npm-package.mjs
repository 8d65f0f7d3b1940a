// Writes dist/npm/: the npm package `exchange-calc` — each entry point's wasm-bindgen module
// (pkg/), a Node wrapper per entry (node/), the <exchange-calc> custom element with its CSS
// (js/, css/), the policy JSON Schema (policy.schema.json, for the `$schema` of a university's
// policy file) and the package's own README (npm/README.md). Tested by tests/pages/npm.test.mjs
// (Node, contents) and tests/pages/clients.test.mjs (Vite, webpack, esbuild, tsc, a copied folder).
import fs from 'node:fs';
import path from 'node:path';

// The entry points, one line each: `path` in "exports", `name` the wasm-bindgen --out-name in
// www/pkg/ (`${name}.js`, `${name}.d.ts`, `${name}_bg.wasm`). Everything below is derived.
const entries = [
  { path: '.', name: 'exchange_calc' },
  // policies, convertGrade, computeGpa over the presets, in a fraction of the bytes (README).
  { path: './grades', name: 'exchange_calc_grades' },
];
// Files exported as they are.
const files = {
  './element': './js/element.js',
  './style.css': './css/app.css',
  './policy.schema.json': './policy.schema.json',
  './package.json': './package.json',
};

const root = path.resolve(process.argv[2] || '.');
const www = path.join(root, 'www');
const out = path.join(root, 'dist/npm');
const version = /^version = "([^"]+)"/m.exec(fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8'))[1];

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'node'), { recursive: true });
for (const dir of ['pkg', 'js', 'css']) fs.cpSync(path.join(www, dir), path.join(out, dir), { recursive: true, filter: (src) => !/demo|builder|\.bundle\.js$|^chunk-.*\.js$/.test(path.basename(src)) });
fs.copyFileSync(path.join(root, 'npm/README.md'), path.join(out, 'README.md'));
fs.copyFileSync(path.join(www, 'policy.schema.json'), path.join(out, 'policy.schema.json'));

const exportMap = {};
for (const { path: sub, name } of entries) {
  const web = { types: `./pkg/${name}.d.ts`, default: `./pkg/${name}.js` };
  // `browser` first, so a bundler that sets both `browser` and `node` gets the web module.
  // `node` before the bare `types`: TypeScript's node16/nodenext resolution sets `node` and must
  // find the Node declarations (initSync() with no argument); its `bundler` resolution sets
  // neither and takes the web ones.
  exportMap[sub] = { browser: web, node: { types: `./node/${name}.d.ts`, default: `./node/${name}.js` }, ...web };
  exportMap[`./${name}_bg.wasm`] = `./pkg/${name}_bg.wasm`;
  const dts = path.join(out, 'pkg', `${name}.d.ts`);
  fs.writeFileSync(dts, portableDts(fs.readFileSync(dts, 'utf8'), dts));
  fs.writeFileSync(path.join(out, 'node', `${name}.js`), nodeModule(name));
  fs.writeFileSync(path.join(out, 'node', `${name}.d.ts`), nodeDts(name));
}
Object.assign(exportMap, files);

const main = entries[0].name;
const pkg = {
  name: 'exchange-calc',
  version,
  description: 'Study-abroad exchange calculator (grades, credits, funding, eligibility, deadlines) in WebAssembly — runs entirely in the browser.',
  license: 'MIT',
  type: 'module',
  main: `./pkg/${main}.js`,
  module: `./pkg/${main}.js`,
  types: `./pkg/${main}.d.ts`,
  exports: exportMap,
  files: ['pkg/', 'node/', 'js/', 'css/', 'policy.schema.json', 'README.md'],
  sideEffects: ['./js/element.js'],
  keywords: ['study-abroad', 'exchange', 'gpa', 'wasm', 'web-component'],
};
fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`npm: dist/npm (exchange-calc@${version}; entries ${entries.map((e) => e.path).join(' ')})`);

/**
 * wasm-bindgen's declarations name DOM types (HTMLFormElement, RequestInfo, Response,
 * BufferSource, WebAssembly.*) and `Symbol.dispose` (lib esnext.disposable). Under `tsc` with
 * the default `skipLibCheck: false`, a project without the DOM lib (Node) or with an older
 * `lib` fails on them. Here each DOM type is looked up on `globalThis` — the DOM's own type
 * where the DOM lib (or @types/node) declares it, `never` where nothing does — and the
 * disposable lib is referenced. Fails the build if a DOM name is left outside comments (a new
 * wasm-bindgen, or a new web-sys parameter).
 */
function portableDts(text, file) {
  if (!text.includes('export type InitInput')) throw new Error(`${file}: no InitInput (not wasm-bindgen --target web output?)`);
  const comment = /^\s*(\/\*|\*|\/\/)/; // doc comments may name the types in prose
  const code = text.split('\n').map((line) => (comment.test(line) ? line : line
    .replace(/\bRequestInfo\b/g, 'string | DomType<"Request">')
    .replace(/\bBufferSource\b/g, 'ArrayBuffer | ArrayBufferView')
    .replace(/\b(URL|Response|HTML\w*Element)\b/g, 'DomType<"$1">')
    .replace(/\bWebAssembly\.(\w+)/g, 'WasmType<"$1">'))).join('\n');
  const left = code.split('\n').filter((l) => !comment.test(l)).join('\n')
    .match(/\b(RequestInfo|BufferSource|HTML\w*|Response|URL|WebAssembly|Worker|Window|Document|Event|Node)\b(?!")/);
  if (left) throw new Error(`${file}: DOM type ${left[1]} left in the declarations; extend portableDts`);
  const dts = `/// <reference lib="esnext.disposable" />
${code}
/** A DOM type where the DOM lib (or @types/node) declares it; \`never\` where nothing does. */
type DomType<K extends string> = typeof globalThis extends { [P in K]: { prototype: infer T } } ? T : never;
/** A \`WebAssembly\` type where the DOM lib declares it; \`never\` where nothing does. */
type WasmType<K extends string> = typeof globalThis extends { WebAssembly: { [P in K]: { prototype: infer T } } } ? T : never;
`;
  return dts;
}

function nodeModule(name) {
  return `// Node entry (package.json "exports", condition "node"): ../pkg/${name}.js as it is, except
// that init() and initSync() with no argument read the .wasm beside it with fs (Node's fetch
// cannot load file: URLs). An argument goes to the glue unchanged.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import webInit, { initSync as webInitSync } from '../pkg/${name}.js';

export * from '../pkg/${name}.js';

const wasm = new URL('../pkg/${name}_bg.wasm', import.meta.url);

export default function init(moduleOrPath) {
  return webInit(moduleOrPath ?? { module_or_path: readFile(wasm) });
}

export function initSync(module) {
  return webInitSync(module ?? { module: readFileSync(wasm) });
}
`;
}

function nodeDts(name) {
  return `// Node entry: the declarations of ../pkg/${name}.js; init() and initSync() may omit their argument.
import type { InitInput, InitOutput, SyncInitInput } from '../pkg/${name}.js';

export * from '../pkg/${name}.js';

/** Instantiates the module; with no argument, from the .wasm file beside it (read with fs). */
export default function init(module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
/** Instantiates the module synchronously; with no argument, from the .wasm file beside it. */
export function initSync(module?: { module: SyncInitInput } | SyncInitInput): InitOutput;
`;
}
