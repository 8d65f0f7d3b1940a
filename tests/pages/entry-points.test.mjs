// Both entry points, as an API user loads them (Node, initSync with the .wasm bytes), on the
// shared table of requests (tests/shared/requests.json): the grades module answers each of its
// exports' requests exactly as the full module does (the same JSON text, errors included), and
// refuses a policy object with needs_full_module; every answer type-checks against the
// declarations (tsc --strict over the real results, so a renamed or missing key fails).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { root } from './harness.mjs';

const repo = path.resolve(root, '..');
const pkg = path.join(root, 'pkg');
const requests = JSON.parse(fs.readFileSync(path.join(repo, 'tests/shared/requests.json'), 'utf8'));
delete requests.$comment;

async function load(name) {
  const m = await import(path.join(pkg, `${name}.js`));
  m.initSync({ module: fs.readFileSync(path.join(pkg, `${name}_bg.wasm`)) });
  return m;
}
const full = await load('exchange_calc');
const grades = await load('exchange_calc_grades');

/** A call's outcome as JSON text: the answer, or the error's own properties. */
function outcome(m, fn, request) {
  try {
    return JSON.stringify({ answer: m[fn](request) });
  } catch (e) {
    const { code, field, reason, section, problems } = e;
    return JSON.stringify({ error: { code, field, message: e.message, reason, section, problems } });
  }
}

const exported = (m) => Object.keys(m).filter((k) => typeof m[k] === 'function' && !['default', 'initSync'].includes(k) && !/^__/.test(k));

test('the grades module has exactly its exports, each with requests in the table', () => {
  assert.deepEqual(exported(grades).sort(), ['computeGpa', 'convertGrade', 'policies']);
  for (const fn of exported(grades)) assert.ok(requests[fn]?.length, `no requests for ${fn}`);
});

test('the grades module answers every request as the full module, byte for byte', () => {
  let compared = 0;
  for (const fn of exported(grades)) {
    for (const request of requests[fn]) {
      const want = outcome(full, fn, request);
      assert.equal(outcome(grades, fn, request), want, `${fn}(${JSON.stringify(request)})`);
      compared++;
    }
  }
  assert.ok(compared >= 30, `${compared} requests`);
});

test('the grades module refuses a policy object, naming the full module', () => {
  for (const policy of [{ extends: 'xinyu-2022' }, { extends: 'xinyu-2022', minGpa: '3.0' }]) {
    for (const locale of ['zh-CN', 'en']) {
      const e = JSON.parse(outcome(grades, 'convertGrade', { policy, grade: 'B+', locale })).error;
      assert.equal(e.code, 'needs_full_module');
      assert.equal(e.field, 'policy');
      assert.match(e.message, /exchange_calc\.js/);
      // The full module answers it.
      assert.equal(JSON.parse(outcome(full, 'convertGrade', { policy, grade: 'B+', locale })).answer.gradePoint, '3.3');
    }
  }
});

// Each export's result type in the declarations, for the answers below.
const RESULT = {
  policies: 'PolicySummary[]', convertGrade: 'GradeConversion', computeGpa: 'GpaResult', homeGpa: 'HomeGpaResult',
  describePolicy: 'PolicyDocument', checkCredits: 'CreditResult', deadlines: 'Deadline[]', estimateFunding: 'FundingResult',
  checkEligibility: 'EligibilityResult', allocateQuota: 'Quota[]', validateApplication: 'ValidationResult',
  batchGpa: 'BatchGpaResult', checklist: 'ChecklistResult', deadlinesIcs: 'string', validateField: 'ValidationResult',
};

test('every real answer type-checks against the declarations (tsc --strict)', () => {
  const dir = path.join(repo, 'target/types-check');
  fs.mkdirSync(dir, { recursive: true });
  const lines = [`import type { ${[...new Set(Object.values(RESULT).map((t) => t.replace('[]', '')).filter((t) => t !== 'string'))].join(', ')} } from '../../www/pkg/exchange_calc.js';`];
  let answers = 0;
  for (const [fn, type] of Object.entries(RESULT)) {
    assert.ok(requests[fn], `no requests for ${fn}`);
    requests[fn].forEach((request, i) => {
      const { answer } = JSON.parse(outcome(full, fn, request));
      if (answer === undefined) return;
      // A fresh object literal: tsc reports every key the type does not have, and every
      // required key it lacks.
      lines.push(`export const ${fn}${i}: ${type} = ${JSON.stringify(answer)};`);
      answers++;
    });
  }
  assert.ok(answers >= 30, `${answers} answers`);
  const file = path.join(dir, 'answers.ts');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  let out = '';
  try {
    out = execFileSync(path.join(repo, 'node_modules/.bin/tsc'), ['--strict', '--noEmit', '--skipLibCheck', 'false', '--target', 'es2022', '--lib', 'esnext,dom', '--module', 'es2022', '--moduleResolution', 'bundler', file], { encoding: 'utf8' });
  } catch (e) {
    out = `${e.stdout}${e.stderr}`;
  }
  assert.equal(out.trim(), '');
});
