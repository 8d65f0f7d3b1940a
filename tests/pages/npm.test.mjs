// The npm package: `npm pack` accepts it, and a scratch project that installs the tarball can
// import it without a bundler (Node here; the same ES module a browser imports).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { root } from './harness.mjs';

const dist = path.resolve(root, '../dist/npm');
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });

test('npm pack, install the tarball in a scratch folder, import and call it', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'xc-npm-'));
  try {
    const packed = JSON.parse(npm(['pack', dist, '--pack-destination', scratch, '--json'], scratch));
    const files = packed[0].files.map((f) => f.path).sort();
    for (const f of ['package.json', 'pkg/exchange_calc.js', 'pkg/exchange_calc_bg.wasm', 'pkg/exchange_calc.d.ts', 'js/element.js', 'css/app.css']) {
      assert.ok(files.includes(f), `tarball has ${f}`);
    }
    assert.ok(!files.some((f) => /demo/.test(f)), 'no demo pages in the package');
    fs.writeFileSync(path.join(scratch, 'package.json'), '{"name":"scratch","private":true,"type":"module"}');
    npm(['install', path.join(scratch, packed[0].filename)], scratch);
    fs.writeFileSync(path.join(scratch, 'use.mjs'), `
      import fs from 'node:fs';
      import { createRequire } from 'node:module';
      import { initSync, convertGrade, computeGpa } from 'exchange-calc';
      const wasm = createRequire(import.meta.url).resolve('exchange-calc/exchange_calc_bg.wasm');
      initSync({ module: fs.readFileSync(wasm) });
      const one = convertGrade({ policy: 'xinyu-2022', grade: 'Ｂ＋' });
      const gpa = computeGpa({ policy: 'xinyu-2022', courses: [{ credits: 3, grade: 'A' }, { credits: 2, grade: 'B+' }, { credits: 1, grade: 'F' }] });
      let code = '';
      try { convertGrade({ policy: 'xinyu-2022', grade: 'Q' }); } catch (e) { code = e.code + ' ' + e.field; }
      console.log(JSON.stringify({ point: one.gradePoint, pct: one.percentage, gpa: gpa.gpa, code }));
    `);
    const out = JSON.parse(execFileSync('node', ['use.mjs'], { cwd: scratch, encoding: 'utf8' }));
    assert.deepEqual(out, { point: '3.3', pct: '88', gpa: '2.95', code: 'invalid_grade grade' });
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
