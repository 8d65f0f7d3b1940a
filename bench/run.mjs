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
import { firstResult, floors, waterfall, studentDownload, PHONE } from './first.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };
const RUNS = arg('runs', 5);
const STUDENTS = arg('students', 50000);
const COURSES = arg('courses', 20);
const log = (...a) => console.error('bench:', ...a);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
if (only !== null && only !== 'first') throw new Error(`--only ${only}: only "first" is known`);

const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const runsTxt = (xs) => `[${xs.map((x) => x.toFixed(0)).join(' ')}]`;

/**
 * Issue 14's rows: module sizes; the real page's first result, unthrottled (against a blank
 * page loaded alternately) and on the phone profile (bench/first.mjs PHONE), each a median of
 * `loads` fresh loads, with the bytes on the wire before it; and everything a student
 * downloads opening every student tool.
 */
async function pageRows(browser, line, { loads = 10, www = wwwRoot } = {}) {
  const m = (xs) => median(xs);
  const size = (name) => { const b = fs.readFileSync(path.join(www, 'pkg', name)); return { raw: b.length, gzip: gz(b), brotli: br(b) }; };
  const grades = size('exchange_calc_grades_bg.wasm');
  const full = size('exchange_calc_bg.wasm');
  line('grades module wasm raw / gzip -9 / brotli', `${grades.raw} / ${grades.gzip} / ${grades.brotli} B`, '≤ 60 KB gzip', grades.gzip <= 60000);
  line('full module wasm raw / gzip -9 / brotli', `${full.raw} / ${full.gzip} / ${full.brotli} B`, '≤ 170 KB gzip', full.gzip <= 170000);
  log('first result, unthrottled…');
  const plain = await firstResult(browser, { loads, dir: www });
  const floor = await floors(browser, { loads });
  log('first result, phone profile…');
  const phone = await firstResult(browser, { loads, dir: www, profile: PHONE });
  const phoneFloor = await floors(browser, { loads: Math.min(loads, 5), profile: PHONE });
  log('a student opening every student tool…');
  const student = await studentDownload(browser, { dir: www });
  const fr = plain.map((f) => f.result);
  const over = m(fr) - m(floor.blank);
  const bytes = m(plain.map((f) => f.bytes));
  line(`bytes on the wire before the first result (gzip; ${plain[0].entries.length} requests)`, `${bytes} B (${plain[0].entries.map((e) => e.name.split('/').pop() || '/').join(', ')})`, '≤ 90 KB', bytes <= 90000);
  line(`first result, phone profile (4× CPU, 1.6 Mbit/s, 150 ms RTT), median of ${loads}`, `${m(phone.map((f) => f.result)).toFixed(0)} ms (ready ${m(phone.map((f) => f.ready)).toFixed(0)}; runs ${runsTxt(phone.map((f) => f.result))})`, '≤ 1500 ms', m(phone.map((f) => f.result)) <= 1500);
  line('    the same profile: a blank page / the grades module alone', `${m(phoneFloor.blank).toFixed(0)} / ${m(phoneFloor.bare).toFixed(0)} ms`);
  line(`first result, unthrottled, median of ${loads}`, `${m(fr).toFixed(1)} ms (ready ${m(plain.map((f) => f.ready)).toFixed(1)}; runs ${runsTxt(fr)})`);
  line('    minus a blank page\'s first module script (the floor here)', `${over.toFixed(1)} ms (blank ${m(floor.blank).toFixed(1)}, runs ${runsTxt(floor.blank)}; grades module alone ${m(floor.bare).toFixed(1)})`, '≤ 40 ms', over <= 40);
  line('everything a student downloads opening every student tool (gzip, the page\'s requests)', `${student.page} B (${student.files.length} files)`, '≤ 250 KB', student.page <= 250000);
  line('    then the service worker\'s precache, once, for offline use', `${student.worker} B more (what the page had not fetched)`);
  return { phone, plain };
}

if (only === 'first') {
  const browser = await launch();
  const www = process.argv.includes('--www') ? path.resolve(process.argv[process.argv.indexOf('--www') + 1]) : wwwRoot;
  const rowsOut = [];
  const line = (what, value, target = '', ok = null) => rowsOut.push([what, value, target, ok === null ? '' : ok ? 'PASS' : 'MISS']);
  const { phone } = await pageRows(browser, line, { loads: arg('loads', 10), www });
  await browser.close();
  if (process.argv.includes('--waterfall')) {
    const mid = phone.toSorted((a, b) => a.result - b.result)[Math.floor((phone.length - 1) / 2)];
    console.log(`phone profile, the median load:\n${waterfall(mid)}\n`);
  }
  printTable(rowsOut, `exchange-calc bench (pages only), Chromium ${browser.version()}, ${new Date().toISOString()}`);
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

// 5. The table: the batch, then the real page (step 6).
const m = (xs) => median(xs);
const nat = m(times.native);
const rowsOut = [];
const line = (what, value, target = '', ok = null) => rowsOut.push([what, value, target, ok === null ? '' : ok ? 'PASS' : 'MISS']);
const ms = (x) => `${x.toFixed(0)} ms`;
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

// 6. The real page (issue 14): navigation → ready marker → first convertGrade result, fresh
// loads, served gzip-compressed; unthrottled and on the phone profile.
await pageRows(browser, line);
await browser.close();

printTable(rowsOut, `exchange-calc bench: ${rows} rows (${STUDENTS} students × ${COURSES} courses, seed 20260407), medians of ${RUNS} runs, ${new Date().toISOString()}\n`
  + `engines: Node ${process.version} (V8 ${process.versions.v8}), Chromium ${chromeVersion}, native ${execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim()}`);
if (nodeCheck.students !== native.students) throw new Error(`native found ${native.students} students, wasm ${nodeCheck.students}`);

function printTable(rowsOut, heading) {
  const widths = [0, 1, 2].map((i) => Math.max(...rowsOut.map((r) => r[i].length), 8));
  const fmt = (r) => `${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`;
  console.log(heading);
  console.log(fmt(['measurement', 'value', 'target', '']));
  console.log(fmt(widths.map((w) => '-'.repeat(w)).concat('----')));
  for (const r of rowsOut) console.log(fmt(r));
}
