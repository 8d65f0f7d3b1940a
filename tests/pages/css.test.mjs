// The stylesheets are well formed: every block closes, and no @media block swallows the rules
// after it (the bug of issue 15: an unclosed `@media (min-width: 900px) {` made every later
// rule wide-screen only). No browser: the text itself is checked, comments and strings aside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './harness.mjs';

/** Problems with the braces of a CSS text: [] when every block closes where it should. */
export function braceProblems(css) {
  const problems = [];
  const stack = []; // the prelude of each open block: '@media …', a selector, …
  let prelude = '';
  let line = 1;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '\n') line++;
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) { problems.push(`line ${line}: a comment never closes`); break; }
      line += (css.slice(i, end).match(/\n/g) || []).length;
      i = end + 1;
    } else if (c === '"' || c === "'") {
      const end = css.indexOf(c, i + 1);
      if (end < 0) { problems.push(`line ${line}: a string never closes`); break; }
      i = end;
    } else if (c === '{') {
      const p = prelude.trim();
      // Conditional groups hold rules; a rule inside a rule, or an @media inside anything
      // but @supports/@layer, is how an unclosed block shows itself.
      const outer = stack.at(-1);
      if (outer && !/^@(media|supports|layer|container|keyframes)\b/.test(outer)) problems.push(`line ${line}: "${p}" opens inside "${outer}"`);
      else if (outer && /^@media\b/.test(p) && /^@media\b/.test(outer)) problems.push(`line ${line}: "${p}" opens inside "${outer}"`);
      stack.push(p);
      prelude = '';
    } else if (c === '}') {
      if (!stack.length) problems.push(`line ${line}: "}" closes nothing`);
      stack.pop();
      prelude = '';
    } else if (c === ';' && !stack.length) {
      prelude = ''; // @import …; at the top level
    } else {
      prelude += c;
    }
  }
  for (const open of stack) problems.push(`"${open}" never closes`);
  return problems;
}

test('every stylesheet in www/css closes every block it opens', () => {
  const dir = path.join(root, 'css');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.css'));
  assert.ok(files.includes('app.css'));
  for (const f of files) assert.deepEqual(braceProblems(fs.readFileSync(path.join(dir, f), 'utf8')), [], f);
});

test('the check finds what it is for', () => {
  // The shape of the original bug, and a few others; a comment or a string with braces is fine.
  assert.deepEqual(braceProblems('@media (min-width: 900px) {\n  .a { b: c; }\n.d { e: f; }\n'), ['"@media (min-width: 900px)" never closes']);
  assert.deepEqual(braceProblems('@media (min-width: 900px) {\n  .a { b: c; }\n@media print { .d { e: f; } }'), ['line 3: "@media print" opens inside "@media (min-width: 900px)"', '"@media (min-width: 900px)" never closes']);
  assert.deepEqual(braceProblems('.a { b: c; } }'), ['line 1: "}" closes nothing']);
  assert.equal(braceProblems('.a { .b { c: d; } }').length, 1);
  assert.deepEqual(braceProblems('/* { */ .a::before { content: "}"; } @media print { @page { size: A4; } .a { b: c; } }'), []);
  assert.deepEqual(braceProblems('@keyframes p { 50% { opacity: .5; } }'), []);
  assert.deepEqual(braceProblems('@media print { .a { b: c; } }\n@supports (display: grid) { @media (min-width: 1px) { .x { y: z; } } }'), []);
});
