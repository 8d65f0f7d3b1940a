// scripts/bench's driver: generates the input once, then measures native, Node, Chromium and
// plain JS on it, the boundary latencies, sizes and time to first result, and prints one table.
//   node bench/run.mjs [--runs 5] [--students 50000] [--courses 20]
//   node bench/run.mjs --only first [--loads 10] [--waterfall] [--www DIR]   (step 5 alone)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launch, root as wwwRoot } from '../tests/pages/harness.mjs';
import { generate } from './gen.mjs';
import { plainBatchGpa } from './plain.mjs';
import { engine, median } from './measure.mjs';
import { firstResult, floors, waterfall } from './first.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };
const RUNS = arg('runs', 5);
const STUDENTS = arg('students', 50000);
const COURSES = arg('courses', 20);
const log = (...a) => console.error('bench:', ...a);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
if (only !== null && only !== 'first') throw new Error(`--only ${only}: only "first" is known`);

if (only === 'first') {
  const browser = await launch();
  const www = process.argv.includes('--www') ? path.resolve(process.argv[process.argv.indexOf('--www') + 1]) : wwwRoot;
  const loads = await firstResult(browser, { loads: arg('loads', 10), dir: www });
  const floor = await floors(browser, { loads: arg('loads', 10) });
  await browser.close();
  const ready = loads.map((f) => f.ready);
  const result = loads.map((f) => f.result);
  const mid = loads.toSorted((a, b) => a.result - b.result)[Math.floor((loads.length - 1) / 2)];
  if (process.argv.includes('--waterfall')) console.log(`${waterfall(mid)}\n`);
  const runs = (xs) => `[${xs.map((x) => x.toFixed(0)).join(' ')}]`;
  console.log(`first result after navigation (Chromium, median of ${loads.length}): ${median(result).toFixed(1)} ms ${runs(result)}`);
  console.log(`ready: ${median(ready).toFixed(1)} ms ${runs(ready)}; requests before the first result: ${mid.entries.length}`);
  console.log(`bare page (glue + wasm + one convertGrade): ${median(floor.bare).toFixed(1)} ms ${runs(floor.bare)} (init done ${median(floor.bareReady).toFixed(1)} ms)`);
  console.log(`blank page (first module script): ${median(floor.blank).toFixed(1)} ms ${runs(floor.blank)}`);
  process.exit(0);
}

// 1. One input for everyone.
const csv = generate(STUDENTS, COURSES);
const rows = STUDENTS * COURSES;
const input = path.join(repo, 'target/bench/input.csv');
fs.mkdirSync(path.dirname(input), { recursive: true });
fs.writeFileSync(input, csv);
log(`input: ${rows} rows, ${(csv.length / 1e6).toFixed(1)} MB, ${input}`);

// 2. The engines: native (examples/bench_batch, a fresh process per run), the wasm package
// in Node (loaded as an embedder would), and bench/page.html in Chromium (repo root served).
const nativeBin = path.join(repo, 'target/release/examples/bench_batch');
const nativeRun = (mode) => JSON.parse(execFileSync(nativeBin, [input, '1', mode], { encoding: 'utf8', maxBuffer: 1 << 20 }));
const pkg = path.join(repo, 'www/pkg');
const api = await import(path.join(pkg, 'exchange_calc.js'));
const wasmBytes = fs.readFileSync(path.join(pkg, 'exchange_calc_bg.wasm'));
api.initSync({ module: wasmBytes });
const node = engine(api, plainBatchGpa, csv);
// --expose-gc: each timed batch starts with the garbage of earlier runs collected (see
// engine() in measure.mjs), in the page as in this process (scripts/bench runs node with it).
const browser = await launch(['--js-flags=--expose-gc']);
const repoServer = await serve(repo);
const benchContext = await browser.newContext();
const benchPage = await benchContext.newPage();
await benchPage.goto(`${repoServer.url}/bench/page.html`);
await benchPage.waitForSelector('body[data-ready="true"]', { timeout: 120000 });
const chrome = (what) => benchPage.evaluate((w) => window.bench[w](), what);
// The engines' versions go in the table's heading: the same wasm runs at different speeds in them.
const chromeVersion = browser.version();

// 3. Batch timings: one warm-up round, then RUNS rounds, each engine once per round.
const times = { native: [], nativeApi: [], nodeWasm: [], nodeBytes: [], nodeJs: [], chromeWasm: [], chromeBytes: [], chromeJs: [] };
let native;
for (let round = 0; round <= RUNS; round++) {
  log(round ? `round ${round}/${RUNS}` : 'warm-up round');
  const n = nativeRun(round === 1 ? 'api' : 'core');
  const r = { native: n.core[0], nodeWasm: node.wasm(), nodeBytes: node.wasmUtf8(), nodeJs: node.js(), chromeWasm: await chrome('wasm'), chromeBytes: await chrome('wasmUtf8'), chromeJs: await chrome('js') };
  if (round === 0) { native = n; continue; }
  for (const [k, v] of Object.entries(r)) times[k].push(v);
  if (n.api.length) times.nativeApi.push(n.api[0]);
}

// 4. Agreement with plain JS, and the JS↔wasm latencies.
log('checks and latencies…');
const nodeCheck = node.check();
const chromeCheck = await chrome('check');
const nodeLat = node.latencies();
const chromeLat = await chrome('latencies');
const nodeJsSide = node.boundary();
const chromeJsSide = await chrome('boundary');
await benchContext.close();
await repoServer.close();

// 5. The real page: navigation → ready marker → first convertGrade result, 10 fresh loads.
// performance.now() in the page counts from performance.timeOrigin, the navigation start.
log('first result…');
const firstLoads = await firstResult(browser, { loads: 10 });
const floor = await floors(browser, { loads: 10 });
await browser.close();

// 6. Sizes: the wasm, and every file the page loaded.
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const pageFiles = [...new Set(firstLoads[0].requests.map((u) => new URL(u, 'http://x').pathname))]
  .map((p) => path.join(wwwRoot, p.endsWith('/') ? `${p}index.html` : p))
  .filter((f) => fs.existsSync(f));
const weight = pageFiles.reduce((acc, f) => { const b = fs.readFileSync(f); return { raw: acc.raw + b.length, gzip: acc.gzip + gz(b) }; }, { raw: 0, gzip: 0 });
const wasm = { raw: wasmBytes.length, gzip: gz(wasmBytes), brotli: br(wasmBytes) };

// 7. The table.
const m = (xs) => median(xs);
const nat = m(times.native);
const rowsOut = [];
const line = (what, value, target = '', ok = null) => rowsOut.push([what, value, target, ok === null ? '' : ok ? 'PASS' : 'MISS']);
const ms = (x) => `${x.toFixed(0)} ms`;
const runsTxt = (xs) => `[${xs.map((x) => x.toFixed(0)).join(' ')}]`;
line('(a) native batch (release, core batch_gpa on &str)', `${ms(nat)} ${runsTxt(times.native)}`);
line('    native, JSON-level api::batch_gpa (1 run)', `${ms(m(times.nativeApi))}`);
for (const [name, wasmT, bytesT, jsT, check, lat, jsSide, letter] of [
  ['Node', times.nodeWasm, times.nodeBytes, times.nodeJs, nodeCheck, nodeLat, nodeJsSide, 'b'],
  ['Chromium', times.chromeWasm, times.chromeBytes, times.chromeJs, chromeCheck, chromeLat, chromeJsSide, 'c'],
]) {
  const w = m(wasmT); const j = m(jsT);
  line(`(${letter}) wasm batchGpa in ${name}`, `${ms(w)} ${runsTxt(wasmT)}`);
  const s = jsSide;
  line('    of which in JS: encode csv + decode, JSON.parse result', `${s.encodeMs.toFixed(1)} + ${s.decodeMs.toFixed(1)} ms, ${s.parseMs.toFixed(1)} ms (result ${(s.resultBytes / 1e6).toFixed(1)} MB; timed apart)`);
  line('    the same, csv as UTF-8 bytes (the page\'s worker)', `${ms(m(bytesT))} ${runsTxt(bytesT)}`);
  line(`(d) plain JS batch in ${name} (JS numbers)`, `${ms(j)} ${runsTxt(jsT)}`);
  line(`    wasm / native (${name})`, `${(w / nat).toFixed(2)}×`, '≤ 1.5×', w / nat <= 1.5);
  line(`    wasm / plain JS (${name})`, `${(w / j).toFixed(2)}×`, '≤ 0.5×', w / j <= 0.5);
  line(`    plain JS GPAs = wasm GPAs to 2 dp (${name})`, check.agree.ok ? `yes, all ${check.students} students` : `NO: ${check.agree.mismatches} differ`, 'equal', check.agree.ok);
  line(`    convertGrade per call (${name})`, `${lat.convertUs.toFixed(2)} µs`, '≤ 2 µs', lat.convertUs <= 2);
  line(`    computeGpa, 60 courses, per call (${name})`, `${lat.gpaUs.toFixed(1)} µs`);
}
line('    rows left out as errors (percentages > 100)', `${nodeCheck.errors} of ${rows} (plain JS: ${nodeCheck.jsErrors}, native: ${native.errors}, Chromium: ${chromeCheck.errors})`);
const fr = firstLoads.map((f) => f.result);
line('first result after navigation (Chromium, median of 10)', `${m(fr).toFixed(1)} ms (ready ${m(firstLoads.map((f) => f.ready)).toFixed(1)} ms; runs ${runsTxt(fr)})`, '≤ 100 ms', m(fr) <= 100);
line('    the same without the app (bench/floor-bare.html)', `${m(floor.bare).toFixed(1)} ms (init done ${m(floor.bareReady).toFixed(1)} ms; runs ${runsTxt(floor.bare)})`);
line('    a blank page\'s first module script (the floor here)', `${m(floor.blank).toFixed(1)} ms (runs ${runsTxt(floor.blank)})`);
line('wasm size raw / gzip / brotli', `${wasm.raw} / ${wasm.gzip} / ${wasm.brotli} B`, '≤ 100 KB gzip', wasm.gzip <= 100000);
line(`page weight (${pageFiles.length} files loaded) raw / gzip`, `${weight.raw} / ${weight.gzip} B`);

const widths = [0, 1, 2].map((i) => Math.max(...rowsOut.map((r) => r[i].length), 8));
const fmt = (r) => `${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`;
console.log(`exchange-calc bench: ${rows} rows (${STUDENTS} students × ${COURSES} courses, seed 20260407), medians of ${RUNS} runs, ${new Date().toISOString()}`);
console.log(`engines: Node ${process.version} (V8 ${process.versions.v8}), Chromium ${chromeVersion}, native ${execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim()}`);
console.log(fmt(['measurement', 'value', 'target', '']));
console.log(fmt(widths.map((w) => '-'.repeat(w)).concat('----')));
for (const r of rowsOut) console.log(fmt(r));
if (nodeCheck.students !== native.students) throw new Error(`native found ${native.students} students, wasm ${nodeCheck.students}`);
