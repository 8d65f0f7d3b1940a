// The npm package: `npm pack` accepts it, and a scratch project that installs the tarball can
// import it in Node with no bundler: the "node" entry's init() and initSync() read the wasm
// themselves, and an explicit module or bytes still work. (Bundlers, browsers and tsc:
// clients.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { root } from './harness.mjs';

const dist = path.resolve(root, '../dist/npm');
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });

test('npm pack, install the tarball in a scratch folder, import and call it', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'xc-npm-'));
  try {
    const packed = JSON.parse(npm(['pack', dist, '--pack-destination', scratch, '--json'], scratch));
    const files = packed[0].files.map((f) => f.path).sort();
    for (const f of ['package.json', 'README.md', 'pkg/exchange_calc.js', 'pkg/exchange_calc_bg.wasm', 'pkg/exchange_calc.d.ts',
      'node/exchange_calc.js', 'node/exchange_calc.d.ts', 'js/element.js', 'js/batch-worker.js', 'css/app.css', 'policy.schema.json']) {
      assert.ok(files.includes(f), `tarball has ${f}`);
    }
    assert.ok(!files.some((f) => /demo/.test(f)), 'no demo pages in the package');
    fs.writeFileSync(path.join(scratch, 'package.json'), '{"name":"scratch","private":true,"type":"module"}');
    npm(['install', path.join(scratch, packed[0].filename)], scratch);
    const installed = path.join(scratch, 'node_modules/exchange-calc');
    // The package's own README, not the repository's (which starts with scripts/serve).
    const readme = fs.readFileSync(path.join(installed, 'README.md'), 'utf8');
    assert.match(readme, /^# exchange-calc\n/);
    assert.doesNotMatch(readme, /scripts\/serve|www\/pkg/);
    // The policy schema, by the name the README gives it, is the app's (www/policy.schema.json).
    const schema = createRequire(path.join(scratch, 'x.js')).resolve('exchange-calc/policy.schema.json');
    assert.equal(fs.readFileSync(schema, 'utf8'), fs.readFileSync(path.join(root, 'policy.schema.json'), 'utf8'));
    assert.ok(!files.some((f) => /builder/.test(f)), 'no builder page in the package');
    // Every module entry: the web module for browsers and by default, its Node wrapper for Node.
    const { exports } = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    const modules = Object.entries(exports).filter(([, e]) => typeof e === 'object');
    for (const [sub, entry] of modules) {
      assert.deepEqual(Object.keys(entry), ['browser', 'node', 'types', 'default'], sub);
      assert.match(entry.node.default, /^\.\/node\/\w+\.js$/, sub);
      for (const f of [entry.browser.types, entry.browser.default, entry.node.types, entry.node.default]) assert.ok(fs.existsSync(path.join(installed, f)), f);
    }
    // Every module entry, one Node process per way of loading (a module is instantiated once
    // per process).
    for (const [sub, entry] of modules) {
      const specifier = `exchange-calc${sub.slice(1)}`;
      const wasmSpecifier = `exchange-calc/${path.basename(entry.default, '.js')}_bg.wasm`;
      const loads = {
        'await init()': 'await init();',
        'initSync()': 'initSync();',
        'initSync({ module: bytes })': "initSync({ module: fs.readFileSync(wasm) });",
        'init({ module_or_path: bytes })': "await init({ module_or_path: fs.readFileSync(wasm) });",
        'init({ module_or_path: WebAssembly.Module })': "await init({ module_or_path: new WebAssembly.Module(fs.readFileSync(wasm)) });",
      };
      for (const [how, load] of Object.entries(loads)) {
        fs.writeFileSync(path.join(scratch, 'use.mjs'), `
          import fs from 'node:fs';
          import { createRequire } from 'node:module';
          import init, { initSync, convertGrade, computeGpa } from '${specifier}';
          const wasm = createRequire(import.meta.url).resolve('${wasmSpecifier}');
          ${load}
          const one = convertGrade({ policy: 'xinyu-2022', grade: 'Ｂ＋' });
          const gpa = computeGpa({ policy: 'xinyu-2022', courses: [{ credits: 3, grade: 'A' }, { credits: 2, grade: 'B+' }, { credits: 1, grade: 'F' }] });
          let code = '';
          try { convertGrade({ policy: 'xinyu-2022', grade: 'Q' }); } catch (e) { code = e.code + ' ' + e.field; }
          console.log(JSON.stringify({ point: one.gradePoint, pct: one.percentage, gpa: gpa.gpa, code }));
        `);
        // Node's own notices (experimental features, a CI's NODE_OPTIONS) are not the glue's:
        // those go through console.warn and stay on stderr.
        const { NODE_OPTIONS, ...quiet } = process.env;
        const run = spawnSync('node', ['use.mjs'], { cwd: scratch, encoding: 'utf8', env: { ...quiet, NODE_NO_WARNINGS: '1' } });
        assert.equal(run.stderr, '', `${specifier}: ${how}: nothing on stderr (the glue warns there of deprecated calls)`);
        assert.deepEqual(JSON.parse(run.stdout), { point: '3.3', pct: '88', gpa: '2.95', code: 'invalid_grade grade' }, `${specifier}: ${how}`);
      }
    }
    // The types ship too, and name the functions with real types.
    const dts = fs.readFileSync(path.join(scratch, 'node_modules/exchange-calc/pkg/exchange_calc.d.ts'), 'utf8');
    assert.match(dts, /export function convertGrade\(input: ConvertGradeInput\): GradeConversion;/);
    // No `any` in the public API: only wasm-bindgen's raw `InitOutput` table (the exports as
    // the glue sees them) uses it, after the line that opens that interface.
    const publicPart = dts.slice(0, dts.indexOf('export interface InitOutput'))
      .replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, ''); // comments may say "any" in English
    const api = publicPart.split('\n').filter((l) => /^export (function|interface|type)/.test(l));
    assert.ok(api.length > 30, `found ${api.length} exported declarations`);
    assert.doesNotMatch(publicPart, /\bany\b/);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
