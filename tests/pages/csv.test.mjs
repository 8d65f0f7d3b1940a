// One CSV format (issue 17, point 5): the page's reader (www/js/csv.js, the transcript and
// credits imports) reads the files of tests/csv/ exactly as expected.json says, which is what
// the Rust batch reader is tested against too (crates/batch, reads_the_shared_csv_files_as_documented).
// No browser: csv.js is a plain module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { records, columns, readTable, stringify, HEADERS } from '../../www/js/csv.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../csv');
const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
const files = Object.keys(expected).filter((name) => name.endsWith('.csv'));
const COHORT = ['studentId', 'course', 'credits', 'grade'];

test('the shared files: the same records, by line, as the Rust reader', () => {
  assert.ok(files.length >= 5);
  for (const name of files) {
    const got = records(fs.readFileSync(path.join(dir, name), 'utf8')).map((r) => [r.line, r.error ?? r.fields]);
    assert.deepEqual(got, expected[name].records, name);
  }
});

test('the shared files: the same cohort columns, or the same whole-file error', () => {
  for (const name of files) {
    const [header] = records(fs.readFileSync(path.join(dir, name), 'utf8'));
    let got;
    try {
      got = columns(header.fields, COHORT);
    } catch (e) {
      got = { error: [e.code, e.field] };
    }
    assert.deepEqual(got, expected[name].cohort, name);
  }
});

test('Chinese and English headers name the same columns', () => {
  const zh = readTable(fs.readFileSync(path.join(dir, 'cohort-zh.csv'), 'utf8'), { keys: COHORT });
  const en = readTable(fs.readFileSync(path.join(dir, 'cohort-en.csv'), 'utf8'), { keys: COHORT });
  // Same rows, same values by column, except the course names (Chinese in one file).
  const strip = (t) => t.rows.map((r) => ({ line: r.line, ...r.values, course: undefined }));
  assert.deepEqual(strip(zh), strip(en));
  assert.deepEqual(zh.rows[1].values, { studentId: 'S1', course: '大学物理,实验', credits: '2', grade: 'Ｂ＋' });
  assert.deepEqual(zh.errors, []);
  for (const key of COHORT) assert.equal(HEADERS[key].length >= 2, true, key);
});

test('a transcript: rows by column, bad lines reported by line, no header read by position', () => {
  const text = fs.readFileSync(path.join(dir, 'lexical.csv'), 'utf8');
  const t = readTable(text, { keys: ['course', 'credits', 'grade'], positional: true });
  assert.deepEqual(t.rows.map((r) => [r.line, r.values.course, r.values.credits, r.values.grade]), [
    [2, 'Calculus, "honours"', '3', 'A'], [3, 'multi\nline', '2', 'b+'], [5, 'ab', '1', 'C'], [7, '', '', ''],
  ]);
  assert.deepEqual(t.errors, [{ line: 8, code: 'field_count', found: 2, expected: 3 }, { line: 9, code: 'unclosed_quote' }]);
  // Without a header the columns are the keys in order.
  const bare = readTable('Calculus,3,A\nPhysics,2,B+\n', { keys: ['course', 'credits', 'grade'], positional: true });
  assert.deepEqual(bare.rows.map((r) => Object.values(r.values)), [['Calculus', '3', 'A'], ['Physics', '2', 'B+']]);
  // A full-width comma is text, not a separator: one column, no header found.
  assert.throws(() => readTable('课程，学分，成绩\n', { keys: ['course', 'credits', 'grade'] }), { code: 'unknown_field' });
});

test('export: quoted where needed, formulas defused, BOM and CRLF', () => {
  assert.equal(stringify([['a', 'b,c'], ['=1+1', 'x"y']]), '\uFEFFa,"b,c"\r\n\'=1+1,"x""y"\r\n');
  // What it writes reads back as the same cells (the defusing quote stays, on purpose).
  assert.deepEqual(records(stringify([['名', '1,5'], ['"q"', 'multi\nline']])).map((r) => r.fields), [['名', '1,5'], ['"q"', 'multi\nline']]);
});
