// Every UI string exists in both languages (issue 17, point 8): each dictionary is
// { key: [zh, en] }, both non-empty with the same placeholders; no two dictionaries give one
// key different texts; and every key the code asks for is defined — literal keys found in the
// source, and the keys it builds from known values listed here. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './harness.mjs';
import { baseDictionaries } from '../../www/js/shell.js';
import { dict as builderDict } from '../../www/js/builder.js';
import { dict as policyDict } from '../../www/js/policy-view.js';
import { translator, toLocale } from '../../www/js/i18n.js';
import { tools, loadAll } from '../../www/js/tools/index.js';

// The app's dictionaries (the shell's, every tool's and the rules in words', each loaded when
// needed) and the embed builder's own.
const dictionaries = [...baseDictionaries, ...(await loadAll()).map((x) => x.dict), policyDict, builderDict];
const all = Object.assign({}, ...dictionaries);
const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every entry is a pair of non-empty strings with the same placeholders', () => {
  assert.ok(Object.keys(all).length > 300, `${Object.keys(all).length} keys`);
  for (const d of dictionaries) {
    for (const [key, pair] of Object.entries(d)) {
      assert.ok(Array.isArray(pair) && pair.length === 2, `${key}: not [zh, en]`);
      const [zh, en] = pair;
      assert.ok(typeof zh === 'string' && zh.trim() && typeof en === 'string' && en.trim(), `${key}: an empty language`);
      assert.deepEqual(placeholders(zh), placeholders(en), `${key}: placeholders differ`);
    }
  }
});

test('no key is defined twice with different texts', () => {
  const seen = new Map();
  for (const d of dictionaries) {
    for (const [key, pair] of Object.entries(d)) {
      if (seen.has(key)) assert.deepEqual(pair, seen.get(key), `${key} is defined twice`);
      seen.set(key, pair);
    }
  }
});

test('every key the code asks for is defined', () => {
  const files = [];
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js') && !e.name.endsWith('.bundle.js') && e.name !== 'sw.js') files.push(p);
    }
  })(path.join(root, 'js'));
  const missing = [];
  let literal = 0;
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8');
    // t('key'…), t.has('key'), t.nodes('key'…) and t(`key`) without ${…}.
    for (const m of src.matchAll(/\bt(?:\.has|\.nodes)?\(\s*(['`])([\w.-]+)\1/g)) {
      literal++;
      if (!(m[2] in all)) missing.push(`${path.relative(root, f)}: ${m[2]}`);
    }
  }
  assert.ok(literal > 200, `${literal} literal keys found`);
  // Keys built from a value: every value the code can build them from.
  const built = [
    ...tools.map((x) => `tab.${x.id}`),
    ...['tuition', 'management', 'accommodation', 'insurance', 'airfare', 'visa', 'localTransport', 'personal'].map((x) => `item.${x}`),
    ...['school', 'college', 'student'].map((x) => `f.${x}`),
    ...['largestRemainder', 'dhondt', 'sainteLague'].map((x) => `q.${x}`),
    ...['arrival', 'end', 'year'].map((x) => `d.${x}`),
    ...['pass', 'fail', 'review'],
    ...['eligible', 'ineligible', 'review'].map((x) => `e.verdict.${x}`),
    ...['true', 'false', 'null', 'nullNotice'].map((x) => `e.priority.${x}`),
    ...['true', 'false', 'null'].map((x) => `e.fundable.${x}`),
    ...['language', 'research'].map((x) => `e.programme.${x}`),
    ...['enrolled', 'conductGood', 'gpa', 'ielts', 'toefl', 'healthy', 'canFund', 'yearOfStudy', 'programYears', 'semesters', 'inJointProgram',
      'enrollmentYear', 'applicationYear', 'semestersCompleted', 'priorLixingFunding', 'otherFunding'].map((x) => `e.q.${x}`),
    ...['language', 'final_year', 'enrollment_year'].map((x) => `e.group.${x}`),
    ...['publicRequired', 'majorRequired', 'majorElective', 'generalElective', 'none'].map((x) => `c.cat.${x}`),
    ...['electiveOrGeneral', 'elective'].map((x) => `c.as.${x}`),
    ...['policySrcFailed', 'policyInvalid'],
    // The rules in words (policy-view.js) and the embed builder (builder.js).
    ...['regulation', 'convention'].map((x) => `pv.basis.${x}`),
    ...['departure', 'arrival', 'end'].map((x) => `pv.from.${x}`),
    ...['beforeDeparture', 'abroad', 'afterReturn'].map((x) => `pv.phase.${x}`),
    ...['tuition', 'management', 'accommodation', 'insurance', 'airfare', 'visa', 'localTransport', 'personal'].map((x) => `pv.item.${x}`),
    ...['school', 'college', 'student'].map((x) => `pv.payer.${x}`),
    ...['language', 'research'].map((x) => `pv.track.programme.${x}`),
    ...['pv.days', 'pv.months'],
  ];
  for (const key of built) if (!(key in all)) missing.push(`built: ${key}`);
  assert.deepEqual(missing, []);
});

test('a translator per language; placeholders are filled as text', () => {
  const zh = translator(toLocale('zh-CN'), dictionaries);
  const en = translator(toLocale('en-GB'), dictionaries);
  assert.equal(zh('err.cell', { n: 2, label: '学分' }), '第 2 行 学分');
  assert.equal(en('err.cell', { n: 2, label: 'Credits' }), 'Row 2, Credits');
  assert.equal(en('title'), 'Exchange calculator');
  assert.equal(zh('title'), '交换生计算器');
  assert.equal(zh('clause', { id: '<b>' }), '条款 <b>');
  assert.equal(toLocale(undefined), 'zh-CN');
});

test('a count picks its English word; Chinese has one form', () => {
  const zh = translator('zh-CN', dictionaries);
  const en = translator('en', dictionaries);
  assert.equal(en('err.badRows', { n: 1 }), '1 row has a mistake and is left out (marked in the table); the other rows still count.');
  assert.equal(en('err.badRows', { n: 2 }), '2 rows have a mistake and are left out (marked in the table); the other rows still count.');
  assert.equal(en('c.semesterOption', { n: 1 }), '1 semester');
  assert.equal(en('c.semesterOption', { n: '2' }), '2 semesters');
  assert.equal(zh('c.semesterOption', { n: 2 }), '2 个学期');
  assert.equal(en('co.summary', { students: 1, rows: 6, errors: 0 }), '1 student, 6 rows; 0 rows had errors and were left out.');
  assert.deepEqual(en.nodes('csv.imported', { n: 1 }), [1, ' course imported.']);
  assert.equal(en('b.problems', { n: 1 }), '1 problem: correct it to get the file and the snippet.');
  assert.equal(en('pv.months', { n: 1, from: 'arrival' }), 'within 1 month of arrival');
  assert.equal(en('pv.days', { n: 15, from: 'arrival' }), 'within 15 days of arrival');
  // No English string counts with "(s)".
  const lazy = Object.entries(all).filter(([, [, e]]) => /\w\(s\)/.test(e)).map(([k]) => k);
  assert.deepEqual(lazy, []);
});
